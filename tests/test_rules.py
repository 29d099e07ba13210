"""The rule engine: each built-in rule fires on its cases and not on near misses."""

from __future__ import annotations

import random

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.corpus import Evidence, Relation
from factcheck.errors import FactcheckError
from factcheck.rules import builtin_rules, collect, find, rule, run_rules
from factcheck.rules.engine import overlapping_pairs, sequential_pairs
from factcheck.rules.findings import Finding
from factcheck.text.dates import parse_date, parse_period
from factcheck.text.numbers import parse_number

from .factories import claim, corpus


def findings(*claims, relations=(), rules=None) -> list[Finding]:  # type: ignore[no-untyped-def]
    return list(find(corpus(list(claims), relations=relations), rules or builtin_rules()))


def by_rule(found: list[Finding], rule_id: str) -> list[Finding]:
    return [f for f in found if f.rule == rule_id]


# value conflict -----------------------------------------------------------------------

def test_value_conflict_fires_when_intervals_do_not_meet() -> None:
    found = findings(claim("quantity", "a", value="2,221"),
                     claim("quantity", "b", party="pcc", value="2,100"))
    [finding] = by_rule(found, "value-conflict")
    assert finding.severity == "contradiction"
    assert finding.claims == ("a", "b")
    assert finding.parties == ("pcc", "watchdog")
    assert finding.rounding is False
    assert "[2220.5, 2221.5]" in finding.message and "2,100" in finding.message


@pytest.mark.parametrize("other", [
    {"topic": "other"},
    {"subject": "someone-else"},
    {"period": "2025"},
    {"measure": "staff"},
])
def test_value_conflict_near_misses(other: dict[str, str]) -> None:
    found = findings(claim("quantity", "a", value="2,221"),
                     claim("quantity", "b", party="pcc", value="2,100", **other))
    assert by_rule(found, "value-conflict") == []


def test_tolerance_replaces_the_stated_precision() -> None:
    """2,221 is [2220.5, 2221.5] and 2,300 [2299.5, 2300.5]: they clash; with `tolerance = 100`
    the second is [2200, 2400], which holds 2,221: agreement by rounding; a tolerance of 50
    ([2250, 2350]) does not reach it."""
    plain = findings(claim("quantity", "a", value="2,221"),
                     claim("quantity", "b", party="pcc", value="2,300"))
    assert [f.rule for f in plain if f.rule in ("value-conflict", "corroboration")] == [
        "value-conflict"]
    wide = findings(claim("quantity", "a", value="2,221"),
                    claim("quantity", "b", party="pcc", value="2,300", tolerance=100.0))
    [agree] = by_rule(wide, "corroboration")
    assert agree.rounding is True and by_rule(wide, "value-conflict") == []
    assert {(v.lo, v.hi) for v in agree.values} == {(2220.5, 2221.5), (2200.0, 2400.0)}
    narrow = findings(claim("quantity", "a", value="2,221"),
                      claim("quantity", "b", party="pcc", value="2,300", tolerance=50.0))
    assert len(by_rule(narrow, "value-conflict")) == 1


def test_intervals_that_just_meet_are_agreement_by_rounding() -> None:
    found = findings(claim("quantity", "a", value="1,000"),
                     claim("quantity", "b", party="pcc", value="1,021"))
    assert by_rule(found, "value-conflict") == []
    [agree] = by_rule(found, "corroboration")
    assert agree.rounding is True
    assert "only thanks to rounding" in agree.message


def test_same_party_values_that_clash_still_contradict() -> None:
    found = findings(claim("quantity", "a", value="5"), claim("quantity", "b", value="7"))
    assert [f.severity for f in by_rule(found, "value-conflict")] == ["contradiction"]


def test_same_party_same_value_is_nothing() -> None:
    assert findings(claim("quantity", "a", value="5"), claim("quantity", "b", value="5")) == []


def test_rates_compare_per_unit_of_base() -> None:
    found = findings(claim("rate", "a", value="1.55", per="1,000"),
                     claim("rate", "b", party="pcc", value="155", per="100,000"))
    assert by_rule(found, "value-conflict") == []
    assert by_rule(found, "corroboration")


def test_changes_in_opposite_directions_conflict() -> None:
    found = findings(claim("change", "a"),
                     claim("change", "b", party="force", direction="decrease"))
    assert by_rule(found, "value-conflict")


# categorical conflicts ----------------------------------------------------------------

def test_assessment_conflict() -> None:
    found = findings(claim("assessment", "a", holds=False),
                     claim("assessment", "b", party="force", holds=True))
    [finding] = by_rule(found, "assessment-conflict")
    assert finding.severity == "contradiction"


def test_assessment_near_miss_other_proposition() -> None:
    found = findings(claim("assessment", "a", holds=False),
                     claim("assessment", "b", party="force", proposition="else"))
    assert by_rule(found, "assessment-conflict") == []


def test_rating_and_status_conflicts() -> None:
    ratings = findings(claim("rating", "a"), claim("rating", "b", party="press", grade="adequate"))
    statuses = findings(claim("status", "a"), claim("status", "b", party="force", state="closed"))
    assert [f.severity for f in by_rule(ratings, "rating-status-conflict")] == ["contradiction"]
    assert [f.severity for f in by_rule(statuses, "rating-status-conflict")] == ["contradiction"]


def test_rating_near_miss_other_area() -> None:
    found = findings(claim("rating", "a"),
                     claim("rating", "b", party="press", grade="adequate", area="other"))
    assert by_rule(found, "rating-status-conflict") == []


def test_ranking_conflict_is_a_tension() -> None:
    found = findings(claim("ranking", "a"), claim("ranking", "b", party="force",
                                                   position="one of the highest"))
    assert [f.severity for f in by_rule(found, "ranking-conflict")] == ["tension"]


# disputes, causes, resolutions --------------------------------------------------------

def test_explicit_dispute_and_acceptance() -> None:
    found = findings(claim("stance", "a", party="force"),
                     claim("stance", "b", party="pcc", stance="accepts"))
    severities = {f.claims: f.severity for f in by_rule(found, "explicit-dispute")}
    assert severities == {("a",): "contradiction", ("b",): "corroborated"}


def test_dispute_names_its_target_claim() -> None:
    found = findings(claim("assessment", "w", holds=False),
                     claim("stance", "s", party="force", target="w"))
    [dispute] = by_rule(found, "explicit-dispute")
    assert dispute.claims == ("s", "w")
    assert dispute.parties == ("force", "watchdog")


def test_competing_causes() -> None:
    found = findings(claim("cause", "a", party="pcc", cause="cuts"),
                     claim("cause", "b", party="force", cause="old model"))
    assert [f.severity for f in by_rule(found, "competing-causes")] == ["tension"]


@pytest.mark.parametrize("other", [{"party": "pcc"}, {"outcome": "another outcome"},
                                   {"period": "2020"}, {"cause": "cuts"}])
def test_competing_causes_near_misses(other: dict[str, str]) -> None:
    values = {"party": "force", "cause": "old model", **other}
    found = findings(claim("cause", "a", party="pcc", cause="cuts"), claim("cause", "b", **values))
    assert by_rule(found, "competing-causes") == []


def test_resolution_contradicted_by_a_later_watchdog_finding() -> None:
    found = findings(
        claim("assessment", "force-says-fixed", party="force", period="2021", holds=True,
              resolution="resolved", stated="2021-06"),
        claim("assessment", "watchdog-later", period="2023", holds=False, stated="2023-11"))
    [finding] = by_rule(found, "resolution-contradicted")
    assert finding.severity == "tension"
    assert finding.claims == ("force-says-fixed", "watchdog-later")


def test_resolution_not_contradicted_by_an_earlier_finding() -> None:
    found = findings(
        claim("assessment", "force-says-fixed", party="force", period="2023", holds=True,
              resolution="resolved", stated="2023-12"),
        claim("assessment", "watchdog-before", period="2021", holds=False, stated="2021-06"))
    assert by_rule(found, "resolution-contradicted") == []


# change over time ---------------------------------------------------------------------

def test_change_over_time_is_not_a_contradiction() -> None:
    found = findings(claim("status", "a", period="2023"),
                     claim("status", "b", period="2024", state="closed"))
    assert [f.severity for f in found] == ["changed"]


def test_moving_a_period_turns_a_contradiction_into_a_change() -> None:
    before = findings(claim("quantity", "a", value="5"), claim("quantity", "b", value="7",
                                                               party="pcc"))
    after = findings(claim("quantity", "a", value="5"), claim("quantity", "b", value="7",
                                                              party="pcc", period="2024"))
    assert {f.severity for f in before} == {"contradiction"}
    assert {f.severity for f in after} == {"changed"}


# relations ----------------------------------------------------------------------------

def test_relation_that_holds_only_by_rounding() -> None:
    found = findings(
        claim("quantity", "cut", value="2,221"), claim("quantity", "back", value="1,200",
                                                       measure="back"),
        claim("quantity", "short", value="1,000", measure="short"),
        relations=(Relation(id="net", kind="sum", add=("cut",), subtract=("back",),
                            total="short"),))
    [finding] = by_rule(found, "relation-check")
    assert finding.severity == "corroborated" and finding.rounding
    assert "holds only thanks to rounding" in finding.message
    assert "1021" in finding.message


def test_relation_that_fails_is_a_tension() -> None:
    found = findings(
        claim("quantity", "a", value="5", measure="a"), claim("quantity", "b", value="3",
                                                              measure="b"),
        claim("quantity", "t", value="11", measure="t"),
        relations=(Relation(id="sum", kind="sum", add=("a", "b"), total="t"),))
    [finding] = by_rule(found, "relation-check")
    assert finding.severity == "tension"
    assert "does not hold" in finding.message


def test_count_share_and_change_relations() -> None:
    found = findings(
        claim("rating", "g1", area="x"), claim("rating", "g2", area="y"),
        claim("quantity", "two", value="two", measure="count"),
        claim("quantity", "part", value="2,221", measure="part"),
        claim("quantity", "whole", value="8,884", measure="whole"),
        claim("quantity", "share", value="25%", measure="share"),
        claim("quantity", "from", value="27%", measure="from"),
        claim("quantity", "to", value="39%", measure="to"),
        claim("change", "rel", by="44%"),
        relations=(Relation(id="count", kind="count", members=("g1", "g2"), total="two"),
                   Relation(id="share", kind="share", part="part", whole="whole", share="share"),
                   Relation(id="change", kind="change", start="from", end="to", change="rel")))
    results = {f.message.split("'")[1]: f.severity for f in by_rule(found, "relation-check")}
    assert results == {"count": "corroborated", "share": "corroborated", "change": "corroborated"}


def test_same_quote_in_two_sources() -> None:
    twice = attrs.evolve(claim("quantity", "a"), evidence=(
        Evidence(source="src", quote="We lost 2,221"),
        Evidence(source="other", quote="We lost  2,221")))
    [finding] = by_rule(findings(twice), "same-quote")
    assert finding.severity == "corroborated"
    assert "2 sources (other, src)" in finding.message


def test_same_quote_once_is_nothing() -> None:
    assert by_rule(findings(claim("quantity", "a")), "same-quote") == []


def test_two_different_quotes_in_two_sources_are_not_the_same_quote() -> None:
    other_words = attrs.evolve(claim("quantity", "a"), evidence=(
        Evidence(source="src", quote="We lost 2,221"),
        Evidence(source="other", quote="Officers lost: 2,221")))
    assert by_rule(findings(other_words), "same-quote") == []


# targets ------------------------------------------------------------------------------

def _target(value: str) -> list[Finding]:
    """A target of 1,500 officers by March 2023, and the watchdog's 2023 figure."""
    return by_rule(findings(
        claim("quantity", "aim", party="force", value="1,500", deadline=parse_date("2023-03")),
        claim("quantity", "fact", value=value)), "target")


def test_a_target_met_is_a_corroboration() -> None:
    [met] = _target("1,500")
    assert (met.severity, met.claims) == ("corroborated", ("aim", "fact"))
    assert "met" in met.message


def test_a_target_missed_is_a_tension() -> None:
    [missed] = _target("900")
    assert (missed.severity, missed.claims) == ("tension", ("aim", "fact"))


def test_a_target_is_never_compared_as_a_fact() -> None:
    found = findings(
        claim("quantity", "aim", party="force", value="1,500", deadline=parse_date("2023-03")),
        claim("quantity", "fact", value="900"))
    assert [f.rule for f in found if "aim" in f.claims] == ["target"]


# registry and packs -------------------------------------------------------------------

def test_a_rule_pack_registered_programmatically() -> None:
    @rule("always-two", kinds=("quantity",))
    def always(a, b, context):  # type: ignore[no-untyped-def]
        from factcheck.rules.findings import make_finding

        yield make_finding(rule="always-two", severity="tension", claims=(a.id, b.id),
                           parties=(a.party, b.party), message="two quantities")

    found = findings(claim("quantity", "a"), claim("quantity", "b", party="pcc"),
                     rules=[*builtin_rules(), *collect([always])])
    assert by_rule(found, "always-two")[0].claims == ("a", "b")


def test_builtin_rules_are_complete() -> None:
    ids = {r.id for r in builtin_rules()}
    assert ids >= {"value-conflict", "assessment-conflict", "rating-status-conflict",
                   "explicit-dispute", "resolution-contradicted", "relation-check",
                   "competing-causes", "change-over-time", "corroboration", "same-quote"}


# sweep --------------------------------------------------------------------------------

def test_sweep_yields_exactly_the_overlapping_pairs() -> None:
    claims = [claim("quantity", f"c{i}", period=p) for i, p in enumerate(
        ["2020", "2020/2022", "2021", "2023", "2022/2024", "2025"])]
    claims.sort(key=lambda c: (c.period.first, c.id))
    got = {(a.id, b.id) for a, b in overlapping_pairs(claims)}
    want = {(a.id, b.id) if a.id < b.id else (b.id, a.id) for i, a in enumerate(claims)
            for b in claims[i + 1:] if a.period.overlaps(b.period)}
    assert got == want
    for a, b in sequential_pairs(claims):
        assert b.period.first > a.period.last


# properties ---------------------------------------------------------------------------

KINDS = ["quantity", "assessment", "status", "cause"]
claims_strategy = st.lists(
    st.builds(
        lambda kind, party, year, topic, n: claim(
            kind, "x", party=party, period=str(year), topic=topic,
            **({"value": str(n)} if kind == "quantity" else
               {"holds": n % 2 == 0} if kind == "assessment" else
               {"state": "open" if n % 2 else "closed"} if kind == "status" else
               {"cause": f"cause {n % 3}"})),
        st.sampled_from(KINDS), st.sampled_from(["watchdog", "force", "pcc"]),
        st.integers(2020, 2024), st.sampled_from(["topic", "other"]), st.integers(1, 9)),
    max_size=12)


def _renumber(claims: list) -> list:  # type: ignore[type-arg]
    return [attrs.evolve(c, id=f"c{i:02d}") for i, c in enumerate(claims)]


@settings(max_examples=60, deadline=None)
@given(claims_strategy, st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_claim_order(claims: list, rng: random.Random) -> None:  # type: ignore[type-arg]
    claims = _renumber(claims)
    shuffled = list(claims)
    rng.shuffle(shuffled)
    assert find(corpus(claims)) == find(corpus(shuffled))


@settings(max_examples=60, deadline=None)
@given(claims_strategy, claims_strategy)
def test_other_topics_do_not_change_a_topics_findings(mine: list, others: list) -> None:  # type: ignore[type-arg]
    mine = [attrs.evolve(c, topic="topic") for c in _renumber(mine)]
    others = [attrs.evolve(c, id=f"o{i:02d}", topic="other") for i, c in enumerate(others)]
    alone = [f for f in find(corpus(mine)) if f.topic == "topic"]
    together = [f for f in find(corpus(mine + others)) if f.topic == "topic"]
    assert alone == together


@settings(max_examples=60, deadline=None)
@given(claims_strategy)
def test_every_finding_names_existing_claims_and_no_self_contradiction(claims: list) -> None:  # type: ignore[type-arg]
    claims = _renumber(claims)
    ids = {c.id for c in claims}
    for finding in find(corpus(claims)):
        assert set(finding.claims) <= ids
        if finding.severity == "contradiction" and finding.rule != "explicit-dispute":
            assert len(finding.claims) == 2


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9), st.integers(1, 9), st.sampled_from(["force", "watchdog"]))
def test_same_party_same_time_contradicts_only_when_values_clash(x: int, y: int,
                                                                 party: str) -> None:
    found = find(corpus([claim("quantity", "a", party="watchdog", value=str(x)),
                         claim("quantity", "b", party=party, value=str(y))]))
    contradictions = [f for f in found if f.severity == "contradiction"]
    assert bool(contradictions) == (x != y)  # small counts are exact: "5" is [5, 5]


def test_run_rules_with_no_rules_finds_nothing() -> None:
    assert run_rules(corpus([claim("quantity", "a"), claim("quantity", "b", value="9")]), []) == ()


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 500), st.integers(1, 500), st.integers(2000, 2020), st.integers(1, 5))
def test_moving_a_period_apart_turns_any_contradiction_into_a_change(
        x: int, y: int, year: int, gap: int) -> None:
    a = claim("quantity", "a", value=str(x), period=str(year))
    together = claim("quantity", "b", party="pcc", value=str(y), period=str(year))
    apart = attrs.evolve(together, period=parse_period(str(year + gap)))
    before = {f.severity for f in find(corpus([a, together]))}
    after = {f.severity for f in find(corpus([a, apart]))}
    clash = not parse_number(str(x)).interval.meets(parse_number(str(y)).interval)
    assert ("contradiction" in before) == clash
    assert ("changed" in after) == clash
    assert "contradiction" not in after


def test_rule_packs_load_from_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib.metadata import EntryPoint

    from factcheck.rules import registry

    pack = EntryPoint(name="demo", value="factcheck.rules.builtin", group=registry.ENTRY_POINT_GROUP)
    broken = EntryPoint(name="broken", value="no_such_module_xyz", group=registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry, "entry_points",
                        lambda group: [pack] if group == registry.ENTRY_POINT_GROUP else [])
    assert {r.id for r in registry.rule_packs()} >= {"value-conflict", "corroboration"}
    monkeypatch.setattr(registry, "entry_points", lambda group: [broken])
    with pytest.raises(FactcheckError, match="rule pack 'broken'"):
        registry.rule_packs()


@pytest.mark.parametrize("other", [{"party": "watchdog"}, {"measure": "knife crime"},
                                   {"period": "2021"}, {"position": "highest"}])
def test_ranking_conflict_near_misses(other: dict[str, str]) -> None:
    values = {"party": "force", "position": "one of the highest", **other}
    found = findings(claim("ranking", "a"), claim("ranking", "b", **values))
    assert by_rule(found, "ranking-conflict") == []


def test_same_value_at_another_time_is_no_change() -> None:
    found = findings(claim("status", "a", period="2023"), claim("status", "b", period="2024"))
    assert by_rule(found, "change-over-time") == []


def test_change_over_time_only_between_neighbouring_periods() -> None:
    found = findings(claim("quantity", "a", value="5", period="2021"),
                     claim("quantity", "b", value="9", period="2022"),
                     claim("quantity", "c", value="13", period="2023"))
    assert sorted(f.claims for f in by_rule(found, "change-over-time")) == [("a", "b"), ("b", "c")]


def test_resolution_not_contradicted_by_another_party_or_topic() -> None:
    fixed = claim("assessment", "fixed", party="force", period="2021", holds=True,
                  resolution="resolved", stated="2021-06")
    assert by_rule(findings(fixed, claim("assessment", "press-later", party="press", holds=False,
                                         stated="2023-11")), "resolution-contradicted") == []
    assert by_rule(findings(fixed, claim("assessment", "other-topic", topic="other", holds=False,
                                         stated="2023-11")), "resolution-contradicted") == []


def test_a_rule_may_only_make_findings_of_the_severities_it_declares() -> None:
    from collections.abc import Iterator

    from factcheck.rules import Context

    @rule("too-strong", kinds=("quantity",), severities=("tension",))
    def too_strong(a: object, b: object, context: Context) -> Iterator[Finding]:
        yield context.finding(severity="contradiction", claims=("a", "b"), parties=("x", "y"),
                              message="says too much")

    pair = corpus([claim("quantity", "a"), claim("quantity", "b", party="force")])
    with pytest.raises(FactcheckError, match="'too-strong' made a contradiction finding but "
                                             "declares only tension"):
        run_rules(pair, (too_strong,))


def test_a_rule_declaring_an_unknown_severity_is_refused() -> None:
    with pytest.raises(FactcheckError, match="severity 'fatal' is not one of"):
        rule("bad", kinds=("quantity",), severities=("fatal",))  # type: ignore[arg-type]


def test_every_builtin_rule_declares_its_severities() -> None:
    assert [r.id for r in builtin_rules() if not r.severities] == []
