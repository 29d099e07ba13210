"""The rules' fast paths (issue 14) against the plain code they stand in for: the same pairs, keys,
ids, agreements and disputes."""

from __future__ import annotations

import bisect
import datetime as dt
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import load
from factcheck.corpus import Claim, Evidence, KindRegistry, Quantity, Term, builtin_kinds
from factcheck.corpus.kinds.base import ClaimKind
from factcheck.corpus.vocabulary import build_vocabulary, canonical
from factcheck.rules import find, make_context
from factcheck.rules.builtin import _agreement, numeric_agreement
from factcheck.rules.disputes import LONE_RULES, Dispute, _dispute, group_disputes
from factcheck.rules.engine import (
    comparable_key,
    overlapping_pairs,
    sequential_pairs,
)
from factcheck.rules.findings import NEEDS_VERDICT, SEVERITIES, Finding, make_finding
from factcheck.rules.matching import _near_misses, near_misses
from factcheck.rules.periods import period_bounds
from factcheck.testing.synthetic import generate
from factcheck.text.dates import Period, parse_date
from factcheck.text.keys import normalise_key

from .strategies import claims, identifiers, periods

KINDS = builtin_kinds()


# --- the plain code, as it was written before the fast paths ------------------------------------

def plain_overlapping_pairs(claims: Sequence[Claim]) -> Iterator[tuple[Claim, Claim]]:
    active: list[Claim] = []
    for claim in claims:
        active = [a for a in active if a.period.last >= claim.period.first]
        for other in active:
            yield (other, claim) if other.id < claim.id else (claim, other)
        active.append(claim)


def plain_sequential_pairs(claims: Sequence[Claim]) -> Iterator[tuple[Claim, Claim]]:
    starts = [c.period.first for c in claims]
    for claim in claims:
        index = bisect.bisect_right(starts, claim.period.last)
        if index == len(claims):
            continue
        first = starts[index]
        while index < len(claims) and starts[index] == first:
            yield claim, claims[index]
            index += 1


def plain_key(claim: Claim, kind: ClaimKind[Any], vocabulary: Any = None) -> tuple[str, ...]:
    thing, *rest = kind.key(claim)
    return (claim.subject, claim.topic, claim.kind, canonical(vocabulary or {}, claim.topic, thing),
            *map(normalise_key, rest))


def _quantity(claim_id: str, period: Period) -> Quantity:
    return Quantity(id=claim_id, party="p", subject="s", topic="t", period=period, measure="m",
                    value="1", unit="u", evidence=(Evidence(source="s", quote="1 u"),))


# --- periods ------------------------------------------------------------------------------------

@given(st.lists(periods(), min_size=1, max_size=30), st.integers(min_value=1, max_value=4))
def test_a_periods_bounds_are_its_first_and_last_day(found: list[Period], size: int) -> None:
    bounds = period_bounds(size)
    for period in found + found[::-1]:  # each asked again, after others have pushed it out
        assert bounds(period) == (period.first, period.last)


_P = Period(start=parse_date("2021"), end=parse_date("2022-03"))


def test_the_bounds_of_one_period_object_are_worked_out_once() -> None:
    bounds = period_bounds()
    assert bounds(_P) is bounds(_P)
    assert bounds(_P) == (dt.date(2021, 1, 1), dt.date(2022, 3, 31))


# --- the sweeps ---------------------------------------------------------------------------------

@settings(max_examples=300)
@given(st.lists(periods(), min_size=0, max_size=12), st.randoms(use_true_random=False))
def test_the_sweeps_find_the_pairs_the_plain_sweeps_find(found: list[Period], rng: Any) -> None:
    group = [_quantity(f"c{n:02d}", p) for n, p in enumerate(found)]
    rng.shuffle(group)  # ids out of order, as a corpus has them
    group.sort(key=lambda c: (c.period.first, c.period.last, c.id))  # as make_context sorts
    assert list(overlapping_pairs(group)) == list(plain_overlapping_pairs(group))
    assert list(sequential_pairs(group)) == list(plain_sequential_pairs(group))
    shared = period_bounds(2)  # one function for many keys, remembering few periods
    assert list(overlapping_pairs(group, shared)) == list(plain_overlapping_pairs(group))
    assert list(sequential_pairs(group, shared)) == list(plain_sequential_pairs(group))


def test_overlapping_and_following_periods_by_hand() -> None:
    parse = parse_date
    a = _quantity("a", Period(start=parse("2021"), end=parse("2021")))
    b = _quantity("b", Period(start=parse("2021-06"), end=parse("2022")))
    c = _quantity("c", Period(start=parse("2023"), end=parse("2023")))
    ids = [(x.id, y.id) for x, y in overlapping_pairs([a, b, c])]
    assert ids == [("a", "b")]  # 2021 and mid-2021 to 2022 meet; 2023 meets neither
    assert [(x.id, y.id) for x, y in sequential_pairs([a, b, c])] == [("a", "c"), ("b", "c")]


# --- keys ---------------------------------------------------------------------------------------

@settings(max_examples=300)
@given(claims, st.lists(st.tuples(identifiers, st.text(max_size=12), st.text(max_size=12)),
                        max_size=4))
def test_a_key_is_the_plain_key(claim: Claim, terms: list[tuple[str, str, str]]) -> None:
    vocabulary = build_vocabulary(
        Term(topic=t, name=n or "x", aliases=(a,) if a else ())
        for t, n, a in [*terms, (claim.topic, "anything", "")])
    kind = KINDS.of(claim)
    assert comparable_key(claim, kind, vocabulary) == plain_key(claim, kind, vocabulary)
    assert comparable_key(claim, kind) == plain_key(claim, kind)


def test_a_kind_with_its_own_key_is_read_through_it() -> None:
    class Keyed(ClaimKind[Any]):
        def key(self, claim: Any) -> tuple[str, ...]:
            return ("Own Thing", "Unit")

    quantity = KINDS.kinds["quantity"]
    kind = Keyed(**{a.name: getattr(quantity, a.name) for a in attrs.fields(ClaimKind)})
    claim = _quantity("a", _P)
    assert comparable_key(claim, kind) == ("s", "t", "quantity", "own thing", "unit")


# --- findings -----------------------------------------------------------------------------------

@settings(max_examples=300)
@given(st.lists(identifiers, min_size=1, max_size=4), st.lists(identifiers, min_size=1, max_size=4),
       st.booleans())
def test_a_findings_claims_and_parties_are_sorted_and_distinct(
        claim_ids: list[str], parties: list[str], as_tuple: bool) -> None:
    found = make_finding(rule="r", severity="tension", message="m",
                         claims=tuple(claim_ids) if as_tuple else claim_ids,
                         parties=tuple(parties) if as_tuple else iter(parties))
    assert found.claims == tuple(sorted(set(claim_ids)))
    assert found.parties == tuple(sorted(set(parties)))
    assert found.id == make_finding(rule="r", severity="tension", message="m",
                                    claims=sorted(set(claim_ids)), parties=parties).id


def test_a_pair_naming_one_claim_twice_names_it_once() -> None:
    found = make_finding(rule="r", severity="tension", message="m", claims=("a", "a"),
                         parties=("q", "p"))
    assert (found.claims, found.parties) == (("a",), ("p", "q"))


# --- agreement ----------------------------------------------------------------------------------

ROOT = Path(__file__).parents[1]


def test_every_agreement_asked_is_the_plain_one() -> None:
    corpus = load(ROOT)
    context = make_context(corpus)
    numeric = [c for c in corpus.claims if KINDS.of(c).family == "numeric"][:40]
    asked = 0
    for a in numeric:
        for b in numeric:
            for _ in range(2):  # asked again at once: the remembered answer
                assert numeric_agreement(a, b, context) == _agreement(a, b, context)
                asked += 1
    other = attrs.evolve(context, numbers={})  # another context: not the remembered answer
    a, b = numeric[0], numeric[1]
    numeric_agreement(a, b, context)
    assert numeric_agreement(a, b, other) == _agreement(a, b, other) is None
    assert asked == 2 * len(numeric) ** 2
    agreeing = next((a, b) for a in numeric for b in numeric
                    if a.id != b.id and _agreement(a, b, context) in ("exact", "rounding"))
    quantity = KINDS.kinds["quantity"]
    by_id = attrs.evolve(quantity, category=lambda claim: claim.id)  # every claim differs
    recategorised = attrs.evolve(corpus, kinds=KindRegistry(kinds={**KINDS.kinds, "quantity": by_id}))
    elsewhere = attrs.evolve(context, corpus=recategorised)  # the same numbers, another corpus
    assert numeric_agreement(*agreeing, context) in ("exact", "rounding")
    if agreeing[0].kind == "quantity":
        assert numeric_agreement(*agreeing, elsewhere) == "conflict"


# --- disputes -----------------------------------------------------------------------------------

def plain_group_disputes(findings: Iterable[Finding], context: Any) -> tuple[Dispute, ...]:
    """`group_disputes` as it was written before each finding's span was taken once a key."""
    wanted = [f for f in findings if f.severity in NEEDS_VERDICT]
    named = {c for f in wanted for c in f.claims}
    claims = {c.id: c for c in context.corpus.claims if c.id in named}
    parent = list(range(len(wanted)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def span(finding: Finding) -> tuple[dt.date, dt.date] | None:
        found = [claims[c] for c in finding.claims if c in claims]
        if not found:
            return None
        return min(c.period.first for c in found), max(c.period.last for c in found)

    def overlap(a: Finding, b: Finding) -> bool:
        sa, sb = span(a), span(b)
        return sa is not None and sb is not None and sa[0] <= sb[1] and sb[0] <= sa[1]

    by_key: dict[Any, list[int]] = defaultdict(list)
    for index, finding in enumerate(wanted):
        if finding.rule not in LONE_RULES:
            for key in {context.key(claims[c]) for c in finding.claims if c in claims}:
                by_key[key].append(index)
    for members in by_key.values():
        for a_index, a in enumerate(members):
            for b in members[a_index + 1:]:
                if overlap(wanted[a], wanted[b]):
                    parent[root(b)] = root(a)
    components: dict[int, list[Finding]] = defaultdict(list)
    for index, finding in enumerate(wanted):
        components[root(index)].append(finding)
    disputes = [_dispute(group, claims, context, period_bounds()) for group in components.values()]
    return tuple(sorted(disputes, key=lambda d: (SEVERITIES.index(d.severity), d.about, d.id)))


def test_the_bundled_disputes_are_the_plain_ones() -> None:
    corpus = load(ROOT)
    context = make_context(corpus)
    findings = find(corpus, context=context)
    assert group_disputes(findings, context) == plain_group_disputes(findings, context)
    assert len(group_disputes(findings, context)) > 5


@settings(max_examples=6, deadline=None)
@given(claims=st.integers(min_value=2, max_value=200), seed=st.integers(min_value=0, max_value=2**16))
def test_disputes_are_the_plain_ones(claims: int, seed: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), claims=claims, per_source=4, seed=seed)
        corpus = load(tmp)
        context = make_context(corpus)
        findings = find(corpus, context=context)
        assert group_disputes(findings, context) == plain_group_disputes(findings, context)


def test_contradictions_years_apart_about_one_thing_are_two_disputes() -> None:
    def said(claim_id: str, party: str, year: str, value: str) -> Quantity:
        return attrs.evolve(_quantity(claim_id, Period(start=parse_date(year), end=parse_date(year))),
                            party=party, value=value, stated=parse_date(year))

    claims = (said("a", "p1", "2019", "100"), said("b", "p2", "2019", "500"),
              said("c", "p1", "2023", "100"), said("d", "p2", "2023", "900"))
    corpus = attrs.evolve(load(ROOT), claims=claims, relations=(), verdicts=(), exclusive=(),
                          terms=())
    context = make_context(corpus)
    disputes = group_disputes(find(corpus, context=context), context)
    # 100 against 500 in 2019, 100 against 900 in 2023: one thing, but four years apart
    assert sorted(d.claims for d in disputes) == [("a", "b"), ("c", "d")]


def test_near_misses_found_once_are_those_of_the_keys_asked_about() -> None:
    corpus = load(ROOT)
    context = make_context(corpus)
    fresh = list(_near_misses(context))
    assert fresh and list(near_misses(context)) == fresh == list(near_misses(context))
    fewer = dict(list(context.by_key.items())[::2])  # other keys, the same shared values
    other = attrs.evolve(context, by_key=fewer)
    assert other.shared is context.shared
    assert list(near_misses(other)) == list(_near_misses(other)) != fresh
