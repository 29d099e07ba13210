"""Findings held compactly: a message written when it is read, numbers forgotten after each key,
the review written when asked for, the report's findings streamed. Each is the same, to the
byte, as what it replaces."""

from __future__ import annotations

import pickle
from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.auditing import Audit, Checked, assemble, review_problems
from factcheck.corpus import Verdict
from factcheck.reports.finding_data import in_finding_order
from factcheck.reports.json_report import (
    build_report,
    claim_order,
    dumps,
    finding_order,
    in_report_order,
    write_report,
)
from factcheck.rules import builtin_rules, find, key_lint, make_context, run_rules
from factcheck.rules.engine import ClaimNumbers
from factcheck.rules.findings import SEVERITIES, Finding, Value, make_finding
from factcheck.rules.messages import PairMessage

from .factories import claim, corpus

ROOT = Path(__file__).parents[1]

# Worked out by hand: '2,221' is [2220.5, 2221.5] and '2,100' [2050, 2150] (a round hundred);
# the source's date (2024-12-31) is when a claim without its own `stated` was made.
CONFLICT = ("the stated values do not meet: "
            "watchdog (a, about 2023, stated 2024-12-31) says '2,221' = [2220.5, 2221.5]: "
            "\"We lost 2,221 officers\"; "
            "pcc (b, about 2023, stated 2024-12-31) says '2,100' = [2050, 2150]: \"a quote\"")


def _conflict() -> Finding:
    made = corpus([claim("quantity", "a", value="2,221", quote="We lost  2,221\nofficers"),
                   claim("quantity", "b", party="pcc", value="2,100")])
    [found] = [f for f in run_rules(made, builtin_rules()) if f.rule == "value-conflict"]
    return found


def test_a_pair_finding_writes_its_message_when_read() -> None:
    found = _conflict()
    assert isinstance(found._message, PairMessage)  # held as the claims, not as text
    assert found.message == CONFLICT
    assert found.values == (Value(claim="a", stated="2,221", lo=2220.5, hi=2221.5),
                            Value(claim="b", stated="2,100", lo=2050, hi=2150))


def test_a_deferred_message_is_its_text_to_compare_hash_show_and_pickle() -> None:
    found = _conflict()
    written = attrs.evolve(found, message=CONFLICT)
    assert written == found and hash(written) == hash(found)
    assert attrs.evolve(found, message="other words") != found
    assert repr(found) == repr(written) and repr(CONFLICT) in repr(found)
    again = pickle.loads(pickle.dumps(found))  # as a distributed audit sends it back
    assert type(again._message) is str and again == found and again.message == CONFLICT
    assert attrs.evolve(found, unproven=("a: value",))._message is found._message


def test_findings_share_one_tuple_of_each_set_of_parties() -> None:
    made = corpus([claim("quantity", "a", value="2,221"), claim("quantity", "b", party="pcc"),
                   claim("quantity", "c", party="pcc", value="3,000")])
    found = [f for f in run_rules(made, builtin_rules()) if f.parties == ("pcc", "watchdog")]
    assert len(found) == 2 and found[0].parties is found[1].parties


def test_make_finding_keeps_values_in_order_and_sorts_others() -> None:
    first, second = Value(claim="a", stated="1"), Value(claim="b", stated="2")
    kept = (first, second)
    assert make_finding(rule="r", severity="tension", claims=("b", "a"), parties=("p",),
                        message="m", values=kept).values is kept
    assert make_finding(rule="r", severity="tension", claims=("b", "a"), parties=("p",),
                        message="m", values=(second, first)).values == kept


def test_the_numbers_are_forgotten_and_read_again_the_same() -> None:
    made = corpus([claim("quantity", "a", value="2,221"), claim("quantity", "b", value="2,221"),
                   claim("quantity", "e", value="2,221", same_as="a")])
    context = make_context(made)
    numbers = context.numbers
    assert isinstance(numbers, ClaimNumbers)
    first = numbers["a"]
    assert numbers.value(made.claims[0]) is numbers.value(made.claims[0])
    numbers.forget(index=True)
    assert numbers["a"] == first and numbers.get("a") == first
    assert numbers.number(made.claims[2]) is None and "e" not in numbers  # an echo: not compared
    assert sorted(numbers) == ["a", "b"] and len(numbers) == 2
    assert numbers.get("nope", "default") == "default"


def _audit(verdicts: tuple[Verdict, ...] = ()) -> Audit:
    made = corpus([claim("assessment", "w1", holds=False),
                   claim("assessment", "f1", party="force", holds=True),
                   claim("rating", "r1", grade="good"),
                   claim("rating", "r2", party="force", grade="adequate"),
                   claim("quantity", "q1", value="2,221"), claim("quantity", "q2", party="pcc")],
                  verdicts=verdicts)
    context = make_context(made)  # no evidence checked: the review alone decides `ok`
    return assemble(made, Checked(results=(), coverage=()), find(made, context=context), context)


def test_the_review_written_when_asked_is_the_one_written_at_once() -> None:
    lazy = _audit()
    eager = attrs.evolve(lazy, review=review_problems(lazy.corpus, lazy.findings, lazy.disputes)
                         + lazy.lint)
    assert lazy._review is None  # not written until asked for
    assert not lazy.ok and lazy.review_warnings == 0
    assert lazy.review == eager.review and len(lazy.review) == 3  # three disputes, no verdict
    assert lazy.ok == eager.ok and lazy.review_warnings == eager.review_warnings
    assert lazy.review is lazy.review  # written once


def test_a_fully_judged_audit_is_ok_without_writing_its_review() -> None:
    disputes = _audit().disputes
    judged = _audit(tuple(Verdict(dispute=d.id, verdict="upheld", note="Checked.")
                          for d in disputes))
    assert judged.ok and judged._written == {}
    assert judged.review == () and judged.ok


def test_a_stale_verdict_makes_the_audit_fail_without_writing_its_review() -> None:
    stale = _audit((Verdict(finding="F-000000000000", verdict="upheld", note="Gone."),))
    assert not stale.ok and stale._written == {}


def test_the_bundled_corpus_audit_keeps_its_lint_and_review() -> None:
    corpus_ = factcheck.load(ROOT)
    context = make_context(corpus_)
    result = factcheck.audit(corpus_)
    assert result.lint == key_lint(context)
    assert result.review == review_problems(corpus_, result.findings, result.disputes) + result.lint


@given(st.lists(st.tuples(st.sampled_from(SEVERITIES), st.sampled_from(("r1", "r2", "r3")),
                          st.text("ab", min_size=1, max_size=3)), max_size=30))
def test_findings_are_put_in_report_order_as_the_sort_key_orders_them(
        drawn: list[tuple[str, str, str]]) -> None:
    findings = [Finding(id=f"F-{index}-{name}", rule=rule, severity=severity,  # type: ignore[arg-type]
                        claims=("c",), parties=("p",), message="m")
                for index, (severity, rule, name) in enumerate(drawn)]
    assert in_finding_order(findings) == sorted(findings, key=finding_order)


def test_the_streamed_report_with_findings_disputes_and_verdicts_is_the_built_one(
        tmp_path: Path) -> None:
    first = _audit()
    audit = _audit((Verdict(dispute=first.disputes[0].id, verdict="upheld", note="Checked."),
                    Verdict(finding=first.findings[0].id, verdict="explained", note="Scope.")))
    assert audit.findings and audit.disputes
    write_report(audit, tmp_path / "report.json", version="test")
    text = (tmp_path / "report.json").read_text(encoding="utf-8")
    assert text == dumps(build_report(audit, version="test"))
    assert '"verdict":"upheld"' in text and '"verdict":"explained"' in text


def test_the_claims_are_put_in_report_order_as_their_sort_key_orders_them() -> None:
    corpus_ = factcheck.load(ROOT)
    result = factcheck.audit(corpus_)
    shuffled = attrs.evolve(result, results=tuple(reversed(result.results)))
    for audit in (result, shuffled):
        expected = [r for _, r in sorted(enumerate(audit.results),
                                         key=lambda p: (claim_order(corpus_, p[1].claim.id), p[0]))]
        assert in_report_order(audit) == expected
    no_origins = attrs.evolve(result, corpus=attrs.evolve(corpus_, origins={}))
    assert [r.claim.id for r in in_report_order(no_origins)] == sorted(
        r.claim.id for r in result.results)
