"""Keys compared as people mean them, and how close two keys are.

Two claims are compared when they are about the same thing; writers name one thing with
different case, punctuation, quote marks and dashes ("The force's plan" and "the forces plan").
`normalise_key` removes those differences; `fold_plurals` also reads each word in the singular,
so "arrests for burglaries" and "arrests for burglary" are one thing (claims are grouped by
it). Word order and synonyms stay apart ("offences per officer" is not "officers per offence"),
for the near-miss lint (`key_similarity`) and the corpus's vocabularies to bring together.
"""

from __future__ import annotations

import functools
import re

from rapidfuzz import fuzz

from .normalise import comparable_text

_NOT_WORD = re.compile(r"[^\w\s]+")


@functools.lru_cache(maxsize=65536)
def normalise_key(text: str) -> str:
    """Case, quote marks, dashes, punctuation and spacing removed: "The force's plan." is
    "the forces plan"."""
    return " ".join(_NOT_WORD.sub("", comparable_text(text).replace("-", " ")).split())


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "is", "us")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=65536)
def fold_plurals(key: str) -> str:
    """A normalised key with each word in the singular: "causes of concern" is "cause of
    concern", "burglaries" "burglary".  Only the endings -ies and -s are read, the same way on
    both sides, so a word the rule gets wrong ("analysis" stays, "buses" is "buse") still
    meets its other form ("bus" does not: a near miss, left to the lint)."""
    return " ".join(map(_singular, key.split()))


def key_similarity(a: str, b: str) -> float:
    """How alike two keys are, from 0 to 100: 100 for the same words in any order and number
    ("missed bin collection", "Missed bin collections"), else rapidfuzz's token-sort ratio."""
    na, nb = normalise_key(a), normalise_key(b)
    if sorted(map(_singular, na.split())) == sorted(map(_singular, nb.split())):
        return 100.0
    return float(fuzz.token_sort_ratio(na, nb))
