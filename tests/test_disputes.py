"""Disputes: the findings that need a verdict, one dispute per thing disputed and time, and
verdicts that judge a whole dispute. Expected groupings are worked out by hand."""

from __future__ import annotations

import random

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.auditing import Audit, review_problems, unreviewed
from factcheck.corpus import Verdict
from factcheck.errors import InputError
from factcheck.rules import builtin_rules, make_context, run_rules
from factcheck.rules.disputes import group_disputes

from .conftest import CLAIMS, Builder
from .factories import claim, corpus

P = "the force investigates well"


def _grouped(*claims: object) -> list[tuple[str, ...]]:
    made = corpus(list(claims))  # type: ignore[arg-type]
    findings = run_rules(made, builtin_rules())
    disputes = group_disputes(findings, make_context(made))
    return sorted(tuple(sorted({c for f in findings if f.id in d.findings for c in f.claims}))
                  for d in disputes)


SIX = [claim("assessment", f"w{n}", holds=False) for n in (1, 2)] + [
    claim("assessment", f"f{n}", party="force", holds=True) for n in (1, 2, 3)]


def test_two_watchdog_claims_against_three_of_the_force_are_one_dispute() -> None:
    made = corpus(SIX)
    findings = run_rules(made, builtin_rules())
    assert len([f for f in findings if f.rule == "assessment-conflict"]) == 6
    [dispute] = group_disputes(findings, make_context(made))
    assert dispute.claims == ("f1", "f2", "f3", "w1", "w2")
    assert dispute.parties == ("force", "watchdog") and dispute.about == P


def test_different_things_and_different_times_are_different_disputes() -> None:
    assert _grouped(
        claim("assessment", "a1", holds=False), claim("assessment", "a2", party="force"),
        claim("assessment", "b1", holds=False, proposition="custody is safe"),
        claim("assessment", "b2", party="force", proposition="custody is safe"),
        claim("assessment", "c1", holds=False, period="2019"),
        claim("assessment", "c2", party="force", period="2019"),
    ) == [("a1", "a2"), ("b1", "b2"), ("c1", "c2")]


def test_competing_causes_are_one_dispute_per_outcome() -> None:
    assert _grouped(claim("cause", "a", cause="cuts"), claim("cause", "b", party="force",
                                                               cause="old model"),
                    claim("cause", "c", party="pcc", cause="leadership")) == [("a", "b", "c")]


@given(st.randoms(use_true_random=False))
def test_disputes_do_not_depend_on_the_order_of_the_claims(rng: random.Random) -> None:
    shuffled = list(SIX)
    rng.shuffle(shuffled)
    made, again = corpus(SIX), corpus(shuffled)
    first = group_disputes(run_rules(made, builtin_rules()), make_context(made))
    second = group_disputes(run_rules(again, builtin_rules()), make_context(again))
    assert first == second


def _audit(verdicts: tuple[Verdict, ...]) -> Audit:
    made = attrs.evolve(corpus(SIX), verdicts=verdicts)
    findings = run_rules(made, builtin_rules())
    disputes = group_disputes(findings, make_context(made))
    return Audit(corpus=made, results=(), findings=findings, disputes=disputes,
                 review=review_problems(made, findings, disputes))


def test_a_verdict_on_the_dispute_covers_each_finding_in_it() -> None:
    dispute = _audit(()).disputes[0]
    judged = _audit((Verdict(dispute=dispute.id, verdict="upheld", note="The texts clash."),))
    assert judged.unreviewed == () and judged.review == () and judged.ok
    assert all(judged.verdict_on(f) is not None for f in judged.findings
               if f.rule == "assessment-conflict")
    # the indexes `verdict_on` reads are worked out once (the listing asks for every finding)
    assert judged.verdicts is judged.verdicts and judged.dispute_of is judged.dispute_of


def test_without_a_verdict_a_dispute_is_one_review_item_listing_its_findings() -> None:
    waiting = _audit(())
    [problem] = waiting.review
    assert problem.check == "review" and "6 findings" in problem.message
    assert waiting.disputes[0].id in problem.message
    assert len(waiting.unreviewed) == 6 and len(waiting.unreviewed_disputes) == 1


def test_a_verdict_on_one_pair_leaves_the_others_waiting() -> None:
    pair = next(f for f in _audit(()).findings if f.rule == "assessment-conflict")
    partly = _audit((Verdict(finding=pair.id, verdict="explained", note="Different scope."),))
    assert len(unreviewed(partly.corpus, partly.findings, partly.disputes)) == 5
    assert "5 findings" in partly.review[0].message


def test_a_verdict_on_a_dispute_that_no_longer_exists_is_stale() -> None:
    stale = _audit((Verdict(dispute="D-000000000000", verdict="upheld", note="Gone."),))
    assert [v.judges for v in stale.stale_verdicts] == ["D-000000000000"]
    assert any("D-000000000000" in p.message for p in stale.review)


@pytest.mark.parametrize("fields", ['finding = "F-1"\ndispute = "D-1"\n', ""])
def test_a_verdict_names_a_finding_or_a_dispute(make_corpus: Builder, fields: str) -> None:
    verdicts = f'[[verdict]]\n{fields}verdict = "upheld"\nnote = "A note."\n'
    root = make_corpus(claims=CLAIMS, extra={"verdicts.toml": verdicts})
    with pytest.raises(InputError) as caught:
        factcheck.load(root)
    assert "either a `finding` or a `dispute`" in str(caught.value)


# one statement carried by several sources ------------------------------------------------------


def test_a_declared_echo_does_not_multiply_findings() -> None:
    lone = run_rules(corpus([claim("quantity", "w", value="1,900"),
                             claim("quantity", "f", party="force", value="2,900")]),
                     builtin_rules())
    echoed = run_rules(corpus([claim("quantity", "w", value="1,900"),
                               claim("quantity", "w-radio", value="1,900", same_as="w"),
                               claim("quantity", "f", party="force", value="2,900")]),
                       builtin_rules())
    assert {(f.rule, f.claims) for f in echoed} == {(f.rule, f.claims) for f in lone} == {
        ("value-conflict", ("f", "w"))}


def test_the_same_speakers_same_words_in_two_sources_are_one_statement() -> None:
    words = dict(party="force", speaker="chief", value="2,900", quote="We have 2,900 officers.")
    found = run_rules(corpus([claim("quantity", "w", value="1,900"),
                              claim("quantity", "f1", **words), claim("quantity", "f2", **words)]),
                      builtin_rules())
    assert {(f.rule, f.claims) for f in found} == {("value-conflict", ("f1", "w"))}
    # different words are two statements, each in the clash
    other = {**words, "quote": "Our officers number 2,900."}
    found = run_rules(corpus([claim("quantity", "w", value="1,900"),
                              claim("quantity", "f1", **words), claim("quantity", "f2", **other)]),
                      builtin_rules())
    assert len([f for f in found if f.rule == "value-conflict"]) == 2


def test_same_as_must_name_a_claim_of_the_same_party(make_corpus: Builder) -> None:
    echo = CLAIMS.split("[[claim]]")[2].replace('id = "watchdog-good-areas"', 'id = "echo"')
    echo = "[[claim]]" + echo.replace('party = "watchdog"',
                                      'party = "watchdog"\nsame_as = "doe-officers-cut"')
    root = make_corpus(claims=CLAIMS + echo)
    with pytest.raises(InputError) as caught:
        factcheck.load(root)
    [problem] = caught.value.problems
    assert problem.location.field == "same_as" and "one statement has one party" in problem.message


def test_a_finding_on_a_claim_that_fails_its_check_says_so(make_corpus: Builder) -> None:
    """The watchdog's 1,900 is not in its quote: the value conflict it makes is unproven."""
    text = ('Report\n\nThe Commissioner, John Doe, said: "We have lost 2,221 officers."\n\n'
            "The Watchdog said the force lost many officers.\n")
    claims = CLAIMS.split("[[claim]]")[1]
    watchdog = (claims.replace('id = "doe-officers-cut"', 'id = "watchdog-cut"')
                .replace('party = "commissioner"', 'party = "watchdog"')
                .replace('speaker = "john-doe"\n', "").replace('value = "2,221"', 'value = "1,900"')
                .replace("We have lost 2,221 officers.", "The Watchdog said the force lost many officers."))
    root = make_corpus(text=text.encode(), claims="[[claim]]" + claims + "[[claim]]" + watchdog)
    result = factcheck.audit(factcheck.load(root))
    [finding] = [f for f in result.findings if f.rule == "value-conflict"]
    assert finding.unproven == ("watchdog-cut: value",)
    from factcheck.reports import build_report
    [entry] = [f for f in build_report(result).findings if f.id == finding.id]
    assert entry.unproven == ("watchdog-cut: value",)
