"""Rules that read what claims mean: resolution, attribution, exclusive propositions, membership,
and stances that target several claims. Each has cases that fire and near misses that must not;
the expected findings are worked out by hand from the claims."""

from __future__ import annotations

import attrs
import pytest

from factcheck.corpus import Evidence, Exclusive, Relation
from factcheck.rules import Finding, builtin_rules, run_rules

from .factories import SOURCE, claim, corpus


def findings(*claims: object, **kwargs: object) -> tuple[Finding, ...]:
    return run_rules(corpus(list(claims), **kwargs), builtin_rules())  # type: ignore[arg-type]


def by_rule(found: tuple[Finding, ...], rule: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.severity, f.claims) for f in found if f.rule == rule]


# resolution ---------------------------------------------------------------------------------

FIXED = dict(party="force", period="2023", holds=True, proposition="the backlog is cleared",
             stated="2023-06")
FINDING = dict(period="2023", holds=False, proposition="the backlog is cleared")


def test_a_resolution_found_wanting_at_the_same_time_is_a_tension() -> None:
    found = findings(claim("assessment", "fixed", resolution="resolved", **FIXED),
                     claim("assessment", "found", stated="2023-06", **FINDING))
    assert by_rule(found, "resolution-contradicted") == [("tension", ("fixed", "found"))]


def test_the_proposition_is_compared_as_people_write_it() -> None:
    found = findings(claim("assessment", "fixed", resolution="resolved", **FIXED),
                     claim("assessment", "found", stated="2024-01",
                           **{**FINDING, "proposition": "The Backlog is cleared."}))
    assert by_rule(found, "resolution-contradicted") == [("tension", ("fixed", "found"))]


@pytest.mark.parametrize("resolution", ["in-progress", "more-to-do", None])
def test_effort_and_more_to_do_are_never_contradicted(resolution: str | None) -> None:
    found = findings(claim("assessment", "effort", resolution=resolution, **FIXED),
                     claim("assessment", "found", stated="2024-01", **FINDING))
    assert by_rule(found, "resolution-contradicted") == []


def test_a_finding_on_another_issue_does_not_contradict_a_resolution() -> None:
    found = findings(claim("assessment", "fixed", resolution="resolved", **FIXED),
                     claim("assessment", "found", stated="2024-01",
                           **{**FINDING, "proposition": "custody is safe"}))
    assert by_rule(found, "resolution-contradicted") == []


# attribution --------------------------------------------------------------------------------


def test_a_reported_claim_that_its_party_made_differently_is_a_contradiction() -> None:
    found = findings(
        claim("quantity", "own", party="watchdog", value="1,900"),
        claim("quantity", "reported", party="watchdog", reported_by="press", value="2,900"))
    assert by_rule(found, "attribution") == [("contradiction", ("own", "reported"))]
    # and it is not a value conflict between two parties, nor a corroboration
    assert by_rule(found, "value-conflict") == [] and by_rule(found, "corroboration") == []


def test_a_reported_claim_its_partys_own_texts_never_made_is_a_tension() -> None:
    """The watchdog's own text (a source whose party is the watchdog) is in the corpus, on the
    same subject, topic and time, and does not say what the force reports it saying."""
    own_source = attrs.evolve(SOURCE, id="report", party="watchdog")
    made = attrs.evolve(corpus([
        claim("assessment", "own", party="watchdog", proposition="custody is safe", holds=True),
        claim("assessment", "reported", party="watchdog", reported_by="force",
              proposition="the force is the fastest improving", holds=True)]),
        sources={"src": SOURCE, "report": own_source}, texts={"src": "a quote", "report": "x"})
    made = attrs.evolve(made, claims=(
        attrs.evolve(made.claims[0], evidence=(Evidence(source="report", quote="x"),)),
        made.claims[1]))
    found = run_rules(made, builtin_rules())
    assert by_rule(found, "attribution") == [("tension", ("reported",))]
    # without the watchdog's own text, the corpus cannot tell: nothing is reported
    assert by_rule(findings(*corpus([
        claim("assessment", "own", party="watchdog", proposition="custody is safe", holds=True),
        claim("assessment", "reported", party="watchdog", reported_by="force",
              proposition="the force is the fastest improving", holds=True)]).claims),
        "attribution") == []


def test_attributions_that_agree_or_cannot_be_checked_are_quiet() -> None:
    agreeing = findings(claim("quantity", "own", party="watchdog", value="1,900"),
                        claim("quantity", "reported", party="watchdog", reported_by="press",
                              value="1,900"))
    assert by_rule(agreeing, "attribution") == []
    # the corpus holds nothing of the watchdog's own on this topic: nothing to check against
    unknown = findings(claim("quantity", "reported", party="watchdog", reported_by="press"))
    assert by_rule(unknown, "attribution") == []
    # an echo of the watchdog by two outlets is one party's claim, not a corroboration
    echoes = findings(claim("quantity", "bbc", party="watchdog", reported_by="press"),
                      claim("quantity", "radio", party="watchdog", reported_by="pcc"))
    assert by_rule(echoes, "corroboration") == []


# exclusive propositions ----------------------------------------------------------------------

EXCLUSIVE = (Exclusive(propositions=("it was the chief inspector's decision",
                                     "it was the inspector's decision")),)


def test_two_parties_holding_exclusive_propositions_clash() -> None:
    found = findings(
        claim("assessment", "a", party="force", proposition="It was the Chief Inspector's decision"),
        claim("assessment", "b", party="pcc", proposition="it was the inspector's decision"),
        exclusive=EXCLUSIVE)
    assert by_rule(found, "exclusive-conflict") == [("contradiction", ("a", "b"))]


@pytest.mark.parametrize("other", [
    {"party": "force"},                      # one party changing its words is not a clash here
    {"holds": False},                        # denying one is compatible with holding the other
    {"period": "2019"},                      # at different times
    {"proposition": "it was the mayor's decision"},  # not in the declared set
])
def test_exclusive_near_misses(other: dict[str, object]) -> None:
    values = {"party": "pcc", "proposition": "it was the inspector's decision", **other}
    found = findings(claim("assessment", "a", party="force",
                           proposition="it was the chief inspector's decision"),
                     claim("assessment", "b", **values), exclusive=EXCLUSIVE)
    assert by_rule(found, "exclusive-conflict") == []


# membership ---------------------------------------------------------------------------------


def _closed(ident: str, party: str, item: str) -> object:
    return claim("status", ident, party=party, item=item, state="closed")


def test_a_wrong_member_of_a_restated_set_fails_the_relation() -> None:
    watchdog = [_closed("w1", "watchdog", "custody"), _closed("w2", "watchdog", "call handling")]
    press = [_closed("p1", "press", "Custody"), _closed("p2", "press", "stop and search")]
    found = findings(*watchdog, *press, relations=(Relation(
        id="closed", kind="membership", members=("p1", "p2"), against=("w1", "w2")),))
    [(severity, claims)] = by_rule(found, "relation-check")
    assert severity == "tension" and claims == ("p1", "p2", "w1", "w2")
    message = next(f.message for f in found if f.rule == "relation-check")
    assert "p2 ('stop and search')" in message and "p1" not in message.split("hold:")[1]


def test_a_right_restatement_of_a_set_corroborates() -> None:
    found = findings(_closed("w1", "watchdog", "custody"), _closed("p1", "press", "custody"),
                     relations=(Relation(id="closed", kind="membership", members=("p1",),
                                         against=("w1",)),))
    assert by_rule(found, "relation-check") == [("corroborated", ("p1", "w1"))]


# stances with several targets ---------------------------------------------------------------


def test_a_stance_can_dispute_several_claims() -> None:
    found = findings(claim("assessment", "w1", holds=False), claim("quantity", "w2"),
                     claim("stance", "dispute", party="force", targets=("w1", "w2")))
    assert by_rule(found, "explicit-dispute") == [("contradiction", ("dispute", "w1", "w2"))]


def test_a_stance_can_dispute_a_whole_source_of_another_party() -> None:
    found = findings(claim("assessment", "w1", holds=False), claim("quantity", "w2"),
                     claim("quantity", "f1", party="force"),
                     claim("stance", "dispute", party="force", target_source="src"))
    assert by_rule(found, "explicit-dispute") == [("contradiction", ("dispute", "w1", "w2"))]
