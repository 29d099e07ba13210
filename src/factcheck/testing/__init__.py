"""Tools for testing factcheck and corpora built on it: the synthetic corpus generator."""
