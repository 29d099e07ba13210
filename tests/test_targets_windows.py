"""Targets are promises, never compared as facts: the `target` rule says met or missed. A
figure's window (month, year...) is part of what is compared. Expected findings by hand."""

from __future__ import annotations

import pytest

import factcheck
from factcheck.errors import InputError
from factcheck.rules import builtin_rules, run_rules
from factcheck.text.dates import parse_date

from .conftest import CLAIMS, Builder
from .factories import claim, corpus


def rules(*claims: object) -> set[tuple[str, str, tuple[str, ...]]]:
    found = run_rules(corpus(list(claims)), builtin_rules())  # type: ignore[arg-type]
    return {(f.rule, f.severity, f.claims) for f in found}


PROMISE = dict(party="pcc", period="2024-06", stated="2024-01", item="monitoring level",
               state="scan", deadline=parse_date("2024-06"))


def test_a_missed_target_is_a_tension_and_never_a_contradiction() -> None:
    found = rules(claim("status", "promise", **PROMISE),
                  claim("status", "fact", period="2024-06", item="monitoring level",
                        state="engage"))
    assert found == {("target", "tension", ("fact", "promise"))}


def test_a_met_target_corroborates() -> None:
    found = rules(claim("status", "promise", **PROMISE),
                  claim("status", "fact", period="2024", item="monitoring level", state="scan"))
    assert found == {("target", "corroborated", ("fact", "promise"))}


def test_a_target_is_not_judged_by_facts_before_its_deadline() -> None:
    found = rules(claim("status", "promise", **PROMISE),
                  claim("status", "fact", period="2023", item="monitoring level",
                        state="engage"))
    assert found == set()


def test_a_target_needs_no_forecast_flag_for_its_future(make_corpus: Builder) -> None:
    promise = CLAIMS.split("[[claim]]")[1].replace('period = "2010/2021"', 'period = "2030"')
    root = make_corpus(claims="[[claim]]" + promise.replace(
        'unit = "officers"', 'unit = "officers"\ndeadline = "2030"'))
    result = factcheck.audit(factcheck.load(root))
    assert [p.check for r in result.results for p in r.problems] == []
    root = make_corpus(claims="[[claim]]" + promise)
    result = factcheck.audit(factcheck.load(root))
    assert [p.location.field for r in result.results for p in r.problems] == ["period"]


def test_figures_of_different_windows_are_not_compared() -> None:
    assert rules(claim("quantity", "a", value="1,240", window="month"),
                 claim("quantity", "b", party="force", value="3,100", window="year")) == set()
    assert rules(claim("quantity", "a", value="1,240", window="month"),
                 claim("quantity", "b", party="force", value="3,100", window="month")) == {
        ("value-conflict", "contradiction", ("a", "b"))}


def test_a_window_must_be_one_of_the_known(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('unit = "officers"', 'unit = "officers"\nwindow = "fortnight"'))
    with pytest.raises(InputError) as caught:
        factcheck.load(root)
    [problem] = caught.value.problems
    assert problem.location.field == "window" and problem.location.claim == "doe-officers-cut"
    assert "'fortnight' is not one of" in problem.message and "'month'" in problem.message


def test_a_whole_year_deadline_is_judged_by_the_state_at_its_end() -> None:
    # "Out of enhanced monitoring next year" (2024): still engaged to April 2024, out from May.
    promise = claim("status", "promise", party="force", period="2024", stated="2023-04",
                    item="monitoring level", state="scan", deadline=parse_date("2024"))
    until_april = claim("status", "engaged", period="2023-04/2024-04", item="monitoring level",
                        state="engage")
    from_may = claim("status", "out", period="2024-05", item="monitoring level", state="scan")
    assert rules(promise, until_april) == set()
    assert rules(promise, until_april, from_may) == {
        ("target", "corroborated", ("out", "promise")),
        ("change-over-time", "changed", ("engaged", "out"))}
    # Engaged through the end of 2024: missed.
    through = claim("status", "engaged", period="2023-04/2024-12", item="monitoring level",
                    state="engage")
    assert rules(promise, through) == {("target", "tension", ("engaged", "promise"))}
