"""Run rules over a corpus, comparing only claims that can clash.

Claims are indexed by what they are about (subject, topic, kind and the measure,
area, item or proposition). Within one key a sweep over periods sorted by start
yields the pairs whose periods overlap, and each claim is paired with the next
later claims for changes over time, so the cost grows with the number of claims
and the pairs that really meet, not with the square of the corpus.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

import attrs

from ..corpus.records import (
    Assessment,
    Cause,
    Change,
    Claim,
    Corpus,
    Quantity,
    Ranking,
    Rate,
    Rating,
    Stance,
    Status,
)
from ..errors import FactcheckError
from ..text.dates import PartialDate
from ..text.intervals import Interval
from ..text.numbers import Number, parse_number
from .findings import Finding
from .registry import Rule

Key = tuple[str, ...]


def comparable_key(claim: Claim) -> Key:
    """What a claim is about, finely enough that two claims with one key can be compared."""
    base = (claim.subject, claim.topic, claim.kind)
    if isinstance(claim, Quantity):
        return (*base, claim.measure, claim.unit)
    if isinstance(claim, Rate):
        return (*base, claim.measure, claim.unit)
    if isinstance(claim, Change):
        return (*base, claim.measure)
    if isinstance(claim, Rating):
        return (*base, claim.scale, claim.area)
    if isinstance(claim, Status):
        return (*base, claim.item)
    if isinstance(claim, Assessment):
        return (*base, claim.proposition)
    if isinstance(claim, Ranking):
        return (*base, claim.measure, claim.among)
    if isinstance(claim, Cause):
        return (*base, claim.outcome)
    assert isinstance(claim, Stance)
    return (*base, claim.target_party, claim.about)


def _number(text: str, tolerance: float | None) -> Number:
    number = parse_number(text)
    if tolerance is not None:
        number = attrs.evolve(number, interval=Interval(lo=number.value - tolerance,
                                                        hi=number.value + tolerance))
    return number


def claim_number(claim: Claim) -> Number | None:
    """The number a quantity, rate or change claim states, rates per one unit of base."""
    try:
        if isinstance(claim, Quantity):
            return _number(claim.value, claim.tolerance)
        if isinstance(claim, Rate):
            number = _number(claim.value, claim.tolerance)
            base = parse_number(claim.per).value
            return attrs.evolve(number, value=number.value / base,
                                interval=number.interval / base, per=None)
        if isinstance(claim, Change) and claim.by is not None:
            return _number(claim.by, claim.tolerance)
    except FactcheckError:
        return None
    return None


@attrs.frozen(kw_only=True)
class Context:
    """What rules may consult: the corpus, claims by key, and each claim's parsed number."""

    corpus: Corpus
    by_key: dict[Key, tuple[Claim, ...]]
    numbers: dict[str, Number]

    def role(self, party: str) -> str:
        found = self.corpus.parties.get(party)
        return found.role if found else "other"

    def stated(self, claim: Claim) -> PartialDate:
        return self.corpus.stated(claim)

    def quote(self, claim: Claim) -> str:
        return claim.evidence[0].quote


def make_context(corpus: Corpus) -> Context:
    """Index the corpus once for every rule."""
    groups: dict[Key, list[Claim]] = defaultdict(list)
    numbers: dict[str, Number] = {}
    for claim in corpus.claims:
        groups[comparable_key(claim)].append(claim)
        number = claim_number(claim)
        if number is not None:
            numbers[claim.id] = number
    by_key = {key: tuple(sorted(group, key=lambda c: (c.period.first, c.period.last, c.id)))
              for key, group in groups.items()}
    return Context(corpus=corpus, by_key=by_key, numbers=numbers)


def overlapping_pairs(claims: Sequence[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Pairs whose periods overlap, from claims sorted by period start (a sweep)."""
    active: list[Claim] = []
    for claim in claims:
        active = [a for a in active if a.period.last >= claim.period.first]
        for other in active:
            yield (other, claim) if other.id < claim.id else (claim, other)
        active.append(claim)


def sequential_pairs(claims: Sequence[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Each claim with the claims that start first after its period has ended."""
    starts = [c.period.first for c in claims]
    for claim in claims:
        index = bisect.bisect_right(starts, claim.period.last)
        if index == len(claims):
            continue
        first = starts[index]
        while index < len(claims) and starts[index] == first:
            yield claim, claims[index]
            index += 1


def run_rules(corpus: Corpus, rules: Iterable[Rule]) -> tuple[Finding, ...]:
    """Every finding of every rule, deduplicated by id and sorted for stable output."""
    context = make_context(corpus)
    rules = tuple(rules)
    found: dict[str, Finding] = {}

    def keep(findings: Iterable[Finding]) -> None:
        for finding in findings:
            found.setdefault(finding.id, finding)

    pair_rules = [r for r in rules if r.scope in ("overlap", "sequence")]
    for key, claims in context.by_key.items():
        kind = key[2]
        wanted = [r for r in pair_rules if kind in r.kinds]
        if not wanted or len(claims) < 2:
            continue
        overlap = [r for r in wanted if r.scope == "overlap"]
        sequence = [r for r in wanted if r.scope == "sequence"]
        if overlap:
            for a, b in overlapping_pairs(claims):
                for rule in overlap:
                    keep(rule.check(a, b, context))
        if sequence:
            for a, b in sequential_pairs(claims):
                for rule in sequence:
                    keep(rule.check(a, b, context))
    for rule in rules:
        if rule.scope == "corpus":
            keep(rule.check(context))
    return tuple(sorted(found.values(), key=lambda f: (f.rule, f.claims)))
