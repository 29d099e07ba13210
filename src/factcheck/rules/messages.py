"""The words of findings: how a claim is quoted and described, and the message of a finding on
two claims, written when it is read (`PairMessage`) from the claims and the values the finding
holds."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from ..corpus import Claim, Corpus
from ..text.dates import PartialDate, Period
from ..text.intervals import Interval
from .findings import Deferred, Value


def quote_text(claim: Claim) -> str:
    """A claim's first quote on one line, cut to 160 characters."""
    quote = " ".join(claim.evidence[0].quote.split())
    return quote if len(quote) <= 160 else quote[:157] + "..."


def says(claim: Claim, corpus: Corpus, value: str,
         date: Callable[[PartialDate | Period], str] = str) -> str:
    """Who says what about when, and in which words (`date` writes a date or period)."""
    return (f"{claim.party} ({claim.id}, about {date(claim.period)}, stated "
            f"{date(corpus.stated(claim))}) says {value}: \"{quote_text(claim)}\"")


def interval_text(lo: float, hi: float) -> str:
    """An interval as a message writes it: "[2050, 2150]"."""
    return str(Interval(lo=lo, hi=hi))


def describe(claim: Claim, corpus: Corpus, value: Value,
             interval: Callable[[float, float], str] = interval_text) -> str:
    """A claim's value as a message states it: its category, its number's words and interval
    (`interval` writes it)."""
    if value.lo is None or value.hi is None:  # no number: the value is its category
        return repr(value.stated)
    category = corpus.kinds.of(claim).category(claim)
    text = f"{value.stated!r} = {interval(value.lo, value.hi)}"
    return f"{category} by {text}" if category else text


@attrs.frozen(kw_only=True, eq=False)
class Texts:
    """The texts of the dates and intervals messages quote, each worked out once (claims share
    a few periods and state the same numbers); at most `size` of each are remembered, for all the
    findings of an audit together."""

    size: int = 4096
    _dates: dict[int, tuple[object, str]] = attrs.field(factory=dict, init=False, repr=False)
    _intervals: dict[tuple[float, float], str] = attrs.field(factory=dict, init=False, repr=False)

    def interval(self, lo: float, hi: float) -> str:
        """`interval_text`, remembered."""
        found = self._intervals.get((lo, hi))
        if found is None:
            if len(self._intervals) >= self.size:
                self._intervals.clear()
            found = self._intervals[(lo, hi)] = interval_text(lo, hi)
        return found

    def date(self, date: PartialDate | Period) -> str:
        """The text of a date or period, remembered for the object."""
        found = self._dates.get(id(date))
        if found is not None and found[0] is date:
            return found[1]
        if len(self._dates) >= self.size:
            self._dates.clear()
        text = str(date)
        self._dates[id(date)] = (date, text)  # the object is held: its id is not reused meanwhile
        return text


@attrs.frozen(kw_only=True, eq=False)
class Wording:
    """What a rule found, the corpus its claims are in, and the texts it quotes: one object for
    the many findings worded alike."""

    what: str
    corpus: Corpus = attrs.field(repr=False)
    texts: Texts = attrs.field(factory=Texts, repr=False)


@attrs.frozen(kw_only=True, eq=False, repr=False, weakref_slot=False)  # 64 bytes, not 80
class PairMessage(Deferred):
    """'what: a says ...; b says ...', each claim quoted with its value (one of `values`)."""

    wording: Wording
    a: Claim
    b: Claim
    values: tuple[Value, ...]

    def text(self) -> str:
        wording = self.wording
        return f"{wording.what}: {self._says(self.a, wording)}; {self._says(self.b, wording)}"

    def _says(self, claim: Claim, wording: Wording) -> str:
        """`says(claim, corpus, describe(claim, corpus, value))`, written out here: a million
        findings' messages are written when the report reads them."""
        values = self.values
        value = (values[0] if values[0].claim == claim.id
                 else next(v for v in values if v.claim == claim.id))
        corpus, texts = wording.corpus, wording.texts
        lo, hi = value.lo, value.hi
        if lo is None or hi is None:
            said = repr(value.stated)
        else:
            category = corpus.kinds.of(claim).category(claim)
            said = f"{value.stated!r} = {texts.interval(lo, hi)}"
            if category:
                said = f"{category} by {said}"
        date, stated = texts.date, claim.stated
        return (f"{claim.party} ({claim.id}, about {date(claim.period)}, stated "
                f"{date(corpus.stated(claim) if stated is None else stated)}) says {said}: "
                f"\"{quote_text(claim)}\"")

    def __repr__(self) -> str:
        return f"PairMessage({self.text()!r})"
