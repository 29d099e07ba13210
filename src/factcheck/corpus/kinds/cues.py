"""Cues: the words of a quote that carry a judgement, and the small lexicons that read them.

A judgement claim names its cue; the audit checks that the cue is in the quote and that its
polarity and type agree with the claim's value:

- an assessment holds exactly when its cue has an even number of negative terms ("is not
  effective": one, so it does not hold; "no longer fails": two, so it holds);
- a stance disputes when its cue has a disputing term, or an accepting term negated an odd
  number of times ("do not accept"); it accepts when its cue has an accepting term, negated an
  even number of times, and no disputing term;
- a cause's cue holds a causal link ("because", "as a result of") and shares a content word
  with the cause it names;
- a status's cue (or a rating's or ranking's) holds its state (grade, position) or a word the
  lexicon gives for it ("remaining" for "open");
- a party says a claim when the source is its own words, or its name (or its speaker's) stands
  next to a reporting verb ("inspectors said", "according to the force") near the quote.

The lexicons ship with defaults; a corpus adds terms in `claims/lexicon.toml`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ...text.normalise import comparable_text
from ...text.numbers import RoundPrecision

NEGATIVE = (
    "not", "n't", "no", "never", "none", "nor", "neither", "without", "no longer", "nothing",
    "fail", "fails", "failed", "failing", "failure", "failures", "failings",
    "lack", "lacks", "lacked", "lacking", "unable", "cannot", "inadequate", "insufficient",
    "ineffective", "ineffectively", "poor", "poorly", "weak", "unacceptable", "unsatisfactory",
    "must improve", "should improve", "needs to improve", "need to improve",
    "requires improvement", "need to", "needs to", "needed", "in need of", "fell short",
    "falls short", "short of", "would benefit from", "too slow", "too long", "too few",
    "undervalued", "struggle", "struggles", "struggling", "deteriorated", "worse",
)
"""Terms that turn a judgement to 'does not hold' (each counts once; an even count cancels)."""
DISPUTES = (
    "disagree", "disagrees", "disagreed", "dispute", "disputes", "disputed", "reject",
    "rejects", "rejected", "deny", "denies", "denied", "refute", "refutes", "challenge",
    "challenges", "contest", "contests", "wrong", "unfair", "misleading", "inaccurate",
    "flawed", "do not recognise", "don't recognise", "does not reflect", "doesn't reflect",
)
ACCEPTS = (
    "accept", "accepts", "accepted", "agree", "agrees", "agreed", "welcome", "welcomes",
    "welcomed", "acknowledge", "acknowledges", "acknowledged", "recognise", "recognises",
    "recognised", "fair", "support", "supports", "endorse", "endorses",
)
CAUSAL = (
    "because", "because of", "due to", "caused by", "cause", "causes", "caused", "result of",
    "as a result", "resulted", "resulting", "led to", "leads to", "lead to", "blame", "blames",
    "blamed", "down to", "owing to", "driven by", "the reason", "reasons", "thanks to",
    "responsible for", "consequence", "stems from", "stemmed from", "meant", "means", "forced",
)
REPORTING = (
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "found",
    "finds", "find", "rated", "rates", "graded", "concluded", "concludes", "reported",
    "reports", "according to", "wrote", "writes", "warned", "warns", "noted", "notes",
    "believes", "believe", "explained", "explains", "commented", "announced", "announces",
    "claimed", "claims", "argued", "argues", "identified", "identifies", "highlighted",
    "highlights", "recognised", "recognises", "judged", "judges", "welcomed", "welcomes",
    "responded", "accepted", "disagreed", "insisted", "insists", "confirmed", "confirms",
    "revealed", "reveals", "described", "describes", "called", "calls", "urged", "urges",
    "observed", "acknowledged", "pledged", "promised", "admitted", "decided", "blamed",
    "blames", "disputed", "disputes", "saying", "posted", "apologised",
)
MEANINGS: Mapping[str, tuple[str, ...]] = {
    "open": ("open", "remaining", "remains", "outstanding", "still", "unresolved"),
    "closed": ("closed", "removed", "lifted", "resolved", "discharged", "addressed", "ended"),
}
"""Words that state a categorical value (a state, a grade, a position) beside the value itself."""
MEANING_TABLES = ("states", "grades", "positions")
STOPWORDS = frozenset({
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "but", "by", "can", "could", "did", "do", "does", "each", "for", "from",
    "had", "has", "have", "her", "his", "how", "in", "into", "is", "it", "its", "less", "many",
    "may", "might", "more", "most", "much", "must", "no", "not", "of", "on", "or", "other", "our",
    "over", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "to", "under", "us", "very", "was", "we", "were",
    "what", "when", "where", "which", "who", "whom", "will", "with", "would", "you", "your",
})


@attrs.frozen(kw_only=True)
class Lexicon:
    """The terms the cue and party checks read; a corpus's `claims/lexicon.toml` adds to them."""

    negative: tuple[str, ...] = NEGATIVE
    disputes: tuple[str, ...] = DISPUTES
    accepts: tuple[str, ...] = ACCEPTS
    causal: tuple[str, ...] = CAUSAL
    reporting: tuple[str, ...] = REPORTING
    meanings: Mapping[str, tuple[str, ...]] = attrs.field(factory=lambda: dict(MEANINGS))
    round_precision: RoundPrecision = "implied"

    def extended(self, extra: Mapping[str, Iterable[str]],
                 meanings: Mapping[str, Iterable[str]] | None = None) -> Lexicon:
        """This lexicon with more terms for some of its lists and values."""
        lists: dict[str, Any] = {name: (*getattr(self, name), *terms)
                                 for name, terms in extra.items()}
        merged = dict(self.meanings)
        for value, words in (meanings or {}).items():
            merged[value] = (*merged.get(value, ()), *words)
        return attrs.evolve(self, meanings=merged, **lists)

    def states_value(self, words: str, value: str) -> bool:
        """Whether the words say the value: they hold it, or a word the lexicon gives for it."""
        return has_term(words, (value, *self.meanings.get(value, ())))


LEXICON_LISTS = ("negative", "disputes", "accepts", "causal", "reporting")


@functools.lru_cache(maxsize=64)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One regex finding the terms as whole words, longest first, so 'no longer' is one term.
    A term starting with "n't" may follow letters ("can't")."""
    ordered = sorted({comparable_text(t) for t in terms if t.strip()}, key=lambda t: (-len(t), t))
    words = "|".join(re.escape(t) for t in ordered if not t.startswith("n't"))
    glued = "|".join(re.escape(t) for t in ordered if t.startswith("n't"))
    parts = ([rf"(?<!\w)(?:{words})(?!\w)"] if words else []) + (
        [rf"(?:{glued})(?!\w)"] if glued else [])
    return re.compile("|".join(parts) or r"(?!x)x")


@functools.lru_cache(maxsize=4096)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted({comparable_text(n) for n in names if n.strip()}, key=lambda n: (-len(n), n))
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, ordered))})(?!\w)" if ordered
                      else r"(?!x)x")


@functools.lru_cache(maxsize=64)
def _longest(terms: tuple[str, ...]) -> int:
    """The length of the longest term, worked out once a list."""
    return max((len(t) for t in terms), default=0)


def count_terms(text: str, terms: tuple[str, ...]) -> int:
    """How many times terms of the list stand in the text, as whole words, never overlapping."""
    return len(_pattern(terms).findall(comparable_text(text)))


def has_term(text: str, terms: tuple[str, ...]) -> bool:
    return _pattern(terms).search(comparable_text(text)) is not None


def content_words(text: str) -> frozenset[str]:
    """The words that carry meaning, lower-cased and without a plural 's': for loose overlap."""
    words = re.findall(r"[a-z][a-z'-]+", comparable_text(text))
    return frozenset(w.removesuffix("s") for w in words if w not in STOPWORDS and len(w) > 3)


def holds_by_cue(cue: str, lexicon: Lexicon) -> bool:
    """Whether a judgement carried by these words holds: an even number of negative terms."""
    return count_terms(cue, lexicon.negative) % 2 == 0


def stance_by_cue(cue: str, lexicon: Lexicon) -> str | None:
    """'disputes', 'accepts', or None when the words carry no stance the lexicon knows."""
    negated = count_terms(cue, lexicon.negative) % 2 == 1
    if has_term(cue, lexicon.disputes):
        return "accepts" if negated and not has_term(cue, lexicon.accepts) else "disputes"
    if has_term(cue, lexicon.accepts):
        return "disputes" if negated else "accepts"
    return None


def reported_near(window: str, names: Iterable[str], lexicon: Lexicon, *, after: int = 30,
                  before: int = 15) -> bool:
    """Whether one of the names stands as the sayer of a reporting verb in the window.

    The verb follows the name within `after` characters ("The Commissioner, John Doe, said"), or
    comes just before it, within `before` ("according to the force", "said Mr Doe").
    """
    text = comparable_text(window)
    verbs = _pattern(lexicon.reporting)
    reach = _longest(lexicon.reporting)
    for match in _names_pattern(tuple(names)).finditer(text):
        following = verbs.search(text, match.end(), match.end() + after + reach + 1)
        if following is not None and following.start() - match.end() <= after:
            return True
        start = max(0, match.start() - before - reach)
        if any(match.start() - m.end() <= before
               for m in verbs.finditer(text, start, match.start())):
            return True
    return False


def read_lexicon(data: Mapping[str, object]) -> tuple[Lexicon, list[tuple[str, str]]]:
    """The default lexicon extended by a parsed `lexicon.toml`, and (field, message) problems."""
    problems: list[tuple[str, str]] = []
    extra: dict[str, tuple[str, ...]] = {}
    meanings: dict[str, tuple[str, ...]] = {}
    precision: RoundPrecision = "implied"

    def terms(field: str, value: object) -> tuple[str, ...] | None:
        if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
            return tuple(value)
        problems.append((field, "must be a list of words or phrases"))
        return None

    for key, value in data.items():
        if key == "round_precision":
            if value == "implied" or value == "exact":
                precision = value
            else:
                problems.append((key, f"must be \"implied\" (a round number such as 1,000 is read "
                                      f"as any amount that rounds to it) or \"exact\" (read as "
                                      f"stated), not {value!r}"))
        elif key in LEXICON_LISTS:
            found = terms(key, value)
            if found is not None:
                extra[key] = found
        elif key in MEANING_TABLES and isinstance(value, dict):
            for name, words in value.items():
                found = terms(f"{key}.{name}", words)
                if found is not None:
                    meanings[name] = (*meanings.get(name, ()), *found)
        else:
            known = ", ".join(("round_precision", *LEXICON_LISTS, *MEANING_TABLES))
            problems.append((key, f"unknown list {key!r}; lexicon.toml holds {known}"))
    return attrs.evolve(Lexicon().extended(extra, meanings), round_precision=precision), problems
