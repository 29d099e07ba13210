"""The text layer: numbers and intervals, dates and periods, and anchoring quotes in sources.

Nothing here knows about claims or corpora; every function takes strings and gives records.
"""
