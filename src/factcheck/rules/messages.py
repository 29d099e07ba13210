"""The words of findings: how a claim is quoted and described, and the message of a finding on
two claims, written when it is read (`PairMessage`) from the claims and the values the finding
holds."""

from __future__ import annotations

import attrs

from ..corpus import Claim, Corpus
from ..text.intervals import Interval
from .findings import Deferred, Value


def quote_text(claim: Claim) -> str:
    """A claim's first quote on one line, cut to 160 characters."""
    quote = " ".join(claim.evidence[0].quote.split())
    return quote if len(quote) <= 160 else quote[:157] + "..."


def says(claim: Claim, corpus: Corpus, value: str) -> str:
    """Who says what about when, and in which words."""
    return (f"{claim.party} ({claim.id}, about {claim.period}, stated "
            f"{corpus.stated(claim)}) says {value}: \"{quote_text(claim)}\"")


def describe(claim: Claim, corpus: Corpus, value: Value) -> str:
    """A claim's value as a message states it: its category, its number's words and interval."""
    if value.lo is None or value.hi is None:  # no number: the value is its category
        return repr(value.stated)
    category = corpus.kinds.of(claim).category(claim)
    text = f"{value.stated!r} = {Interval(lo=value.lo, hi=value.hi)}"
    return f"{category} by {text}" if category else text


@attrs.frozen(kw_only=True, eq=False)
class Wording:
    """What a rule found, and the corpus its claims are in: one object for the many findings
    worded alike."""

    what: str
    corpus: Corpus = attrs.field(repr=False)


@attrs.frozen(kw_only=True, eq=False, repr=False, weakref_slot=False)  # 64 bytes, not 80
class PairMessage(Deferred):
    """'what: a says ...; b says ...', each claim quoted with its value (one of `values`)."""

    wording: Wording
    a: Claim
    b: Claim
    values: tuple[Value, ...]

    def text(self) -> str:
        return f"{self.wording.what}: {self._says(self.a)}; {self._says(self.b)}"

    def _says(self, claim: Claim) -> str:
        value = next(v for v in self.values if v.claim == claim.id)
        corpus = self.wording.corpus
        return says(claim, corpus, describe(claim, corpus, value))

    def __repr__(self) -> str:
        return f"PairMessage({self.text()!r})"
