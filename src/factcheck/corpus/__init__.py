"""The corpus layer: the records a corpus is made of, its claim kinds, and loading them from files."""
