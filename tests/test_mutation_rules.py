"""Built-in rule tests written to kill mutants that survived `scripts/mutation.py`.

Expected findings are written out by hand: the message format is the one the rules document
('<party> (<id>, about <period>, stated <date>) says <value>: "<quote>"').
"""

from __future__ import annotations

import attrs

from factcheck.corpus import Evidence
from factcheck.corpus.records import Term
from factcheck.rules import builtin_rules, find
from factcheck.rules.findings import Finding, Value

from .factories import claim, corpus

THIRD = (7 / 24, 5 / 12)  # 'a third' covers the ratios nearer to 1/3 than to 1/4 or 1/2


def findings(*claims, terms=()) -> list[Finding]:  # type: ignore[no-untyped-def]
    return list(find(attrs.evolve(corpus(list(claims)), terms=tuple(terms)), builtin_rules()))


def by_rule(found: list[Finding], rule_id: str) -> list[Finding]:
    return [f for f in found if f.rule == rule_id]


def test_a_conflict_carries_both_values_its_subject_and_topic_and_is_not_rounding() -> None:
    found = findings(claim("quantity", "a", value="2,221", subject="the-force", topic="staff",
                           quote="We have   lost\n2,221 officers"),
                     claim("quantity", "b", party="pcc", value="2,100", subject="the-force",
                           topic="staff"))
    [finding] = by_rule(found, "value-conflict")
    assert finding.message == (
        "the stated values do not meet: "
        "watchdog (a, about 2023, stated 2024-12-31) says '2,221' = [2220.5, 2221.5]: "
        "\"We have lost 2,221 officers\"; "
        "pcc (b, about 2023, stated 2024-12-31) says '2,100' = [2050, 2150]: \"a quote\"")
    assert (finding.subject, finding.topic) == ("the-force", "staff")
    assert finding.values == (Value(claim="a", stated="2,221", lo=2220.5, hi=2221.5),
                              Value(claim="b", stated="2,100", lo=2050, hi=2150))
    assert finding.rounding is False


def test_an_exact_corroboration_is_not_flagged_rounding() -> None:
    found = findings(claim("quantity", "a", value="2,221"),
                     claim("quantity", "b", party="pcc", value="2,221"))
    [agree] = by_rule(found, "corroboration")
    assert agree.rounding is False
    assert agree.message.startswith("the values agree: ")


def test_a_categorical_finding_gives_each_value_as_stated() -> None:
    found = findings(claim("rating", "a", grade="good"),
                     claim("rating", "b", party="force", grade="adequate"))
    [finding] = by_rule(found, "rating-status-conflict")
    assert finding.message == (
        "different rating values for 'investigating crime': "
        "watchdog (a, about 2023, stated 2024-12-31) says 'good': \"a quote\"; "
        "force (b, about 2023, stated 2024-12-31) says 'adequate': \"a quote\"")
    assert finding.values == (Value(claim="a", stated="good"), Value(claim="b", stated="adequate"))


def test_changes_that_agree_in_direction_and_size_corroborate() -> None:
    found = findings(claim("change", "a"), claim("change", "b", party="pcc"))
    assert by_rule(found, "value-conflict") == []
    [agree] = by_rule(found, "corroboration")
    assert "says increase by 'a third' = [" in agree.message
    assert [(v.lo, v.hi) for v in agree.values] == [THIRD, THIRD]


def test_a_change_without_a_size_is_compared_by_direction_only() -> None:
    # Same direction, one without `by`: nothing to compare, in either order; opposite: conflict.
    for sized, unsized in (("a", "b"), ("b", "a")):
        found = findings(claim("change", sized),
                         claim("change", unsized, party="pcc", by=None))
        assert by_rule(found, "value-conflict") == [] and by_rule(found, "corroboration") == []
    found = findings(claim("change", "a"),
                     claim("change", "b", party="pcc", by=None, direction="decrease"))
    assert [f.claims for f in by_rule(found, "value-conflict")] == [("a", "b")]


def test_long_quotes_are_cut_to_160_characters() -> None:
    exact = "x" * 160
    longer = "y" * 161
    found = findings(claim("quantity", "a", value="5", quote=exact),
                     claim("quantity", "b", party="pcc", value="7", quote=longer))
    [finding] = by_rule(found, "value-conflict")
    assert f'"{exact}"' in finding.message
    assert f'"{"y" * 157}..."' in finding.message


def test_resolution_is_matched_through_the_topics_vocabulary() -> None:
    # The watchdog names the issue by an alias declared for the claims' topic.
    found = findings(
        claim("assessment", "a", party="force", proposition="call handling is fixed",
              resolution="resolved"),
        claim("assessment", "b", proposition="calls are answered slowly", holds=False),
        terms=[Term(topic="topic", name="call handling is fixed",
                    aliases=("calls are answered slowly",))])
    [tension] = by_rule(found, "resolution-contradicted")
    assert tension.claims == ("a", "b")


def test_different_quotes_of_one_claim_are_not_the_same_words() -> None:
    two = attrs.evolve(claim("quantity", "a"), evidence=(
        Evidence(source="src", quote="We lost 2,221"),
        Evidence(source="other", quote="2,221 were lost")))
    assert by_rule(findings(two), "same-quote") == []


def test_the_same_quote_twice_in_one_source_is_one_source() -> None:
    twice = attrs.evolve(claim("quantity", "a"), evidence=(
        Evidence(source="src", quote="We lost 2,221", prefix="first"),
        Evidence(source="src", quote="We lost 2,221", prefix="second")))
    assert by_rule(findings(twice), "same-quote") == []


def test_the_same_words_in_three_sources_name_them_all() -> None:
    thrice = attrs.evolve(claim("quantity", "a", quote="x"), evidence=(
        Evidence(source="src", quote="We lost 2,221"),
        Evidence(source="c", quote="we LOST 2,221 "),
        Evidence(source="b", quote="something else"),
        Evidence(source="a", quote="We lost 2,221")))
    [finding] = by_rule(findings(thrice), "same-quote")
    assert finding.message == 'the same words appear in 3 sources (a, c, src): "We lost 2,221"'
    assert (finding.claims, finding.parties, finding.subject, finding.topic) == (
        ("a",), ("watchdog",), "force", "topic")
