"""Keys compared as people mean them, and how close two keys are.

Two claims are compared when they are about the same thing; writers name one thing with
different case, punctuation, quote marks and dashes ("The force's plan" and "the forces plan").
`normalise_key` removes those differences and nothing else: plurals and synonyms stay apart, for
the near-miss lint (`key_similarity`) and the corpus's vocabularies to bring together.
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
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def key_similarity(a: str, b: str) -> float:
    """How alike two keys are, from 0 to 100: 100 for the same words in any order and number
    ("missed bin collection", "Missed bin collections"), else rapidfuzz's token-sort ratio."""
    na, nb = normalise_key(a), normalise_key(b)
    if sorted(map(_singular, na.split())) == sorted(map(_singular, nb.split())):
        return 100.0
    return float(fuzz.token_sort_ratio(na, nb))
