"""The report's fast paths (issue 14) against the plain code they stand in for: the same order of
claims, the same messages."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import load
from factcheck.auditing import audit
from factcheck.corpus import Claim, Corpus, Origin
from factcheck.reports.json_report import _in_order, in_report_order
from factcheck.rules.findings import Finding, Value
from factcheck.rules.messages import PairMessage, Texts, Wording, describe, says
from factcheck.testing.synthetic import generate
from factcheck.text.dates import PartialDate

from .strategies import claims, partial_dates

ROOT = Path(__file__).parents[1]

# --- report order -------------------------------------------------------------------------------

_rows = st.lists(st.tuples(st.sampled_from(["", "a.toml", "b.toml", "c.jsonl"]),
                           st.one_of(st.none(), st.integers(min_value=0, max_value=4)),
                           st.sampled_from(["x", "y", "z", "x1"]), st.booleans()),
                 max_size=12)


def _results(rows: list[tuple[str, int | None, str, bool]]) -> tuple[list[Any], dict[str, Origin]]:
    """Results of claims with these (file, line, id, has an origin), and their origins."""
    results, origins = [], {}
    for number, (file, line, claim_id, known) in enumerate(rows):
        unique = f"{claim_id}{number}" if known else claim_id
        results.append(SimpleNamespace(claim=SimpleNamespace(id=unique)))
        if known:
            origins[unique] = Origin(file=file or "f.toml", line=line)
    return results, origins


def plain_order(results: list[Any], origins: dict[str, Origin]) -> list[Any]:
    """Report order as three stable sorts: by id, then line, then file."""
    def line(result: Any) -> int:
        origin = origins.get(result.claim.id)
        return (origin.line or 0) if origin is not None else 0

    def file(result: Any) -> str:
        origin = origins.get(result.claim.id)
        return origin.file if origin is not None else ""

    ordered = list(results)
    ordered.sort(key=lambda r: r.claim.id)
    ordered.sort(key=line)
    ordered.sort(key=file)
    return ordered


@settings(max_examples=500)
@given(_rows, st.booleans())
def test_results_in_order_are_told_apart_from_the_others(rows: list[Any], presorted: bool) -> None:
    results, origins = _results(rows)
    if presorted:
        results = plain_order(results, origins)
    assert _in_order(results, origins) == (plain_order(results, origins) == results)
    fake = SimpleNamespace(results=tuple(results), corpus=SimpleNamespace(origins=origins))
    assert in_report_order(fake) == plain_order(results, origins)  # type: ignore[arg-type]


def test_results_out_of_order_by_hand() -> None:
    results, origins = _results([("a.toml", 5, "x", True), ("a.toml", 3, "y", True)])
    assert not _in_order(results, origins)
    results, origins = _results([("b.toml", 1, "x", True), ("a.toml", 9, "y", True)])
    assert not _in_order(results, origins)
    results, origins = _results([("a.toml", 1, "y", True), ("a.toml", 1, "x", True)])
    assert not _in_order(results, origins)  # one line: ids "y0" then "x1", and "x1" comes first
    results, origins = _results([("", None, "z", False), ("a.toml", None, "a", True),
                                 ("a.toml", 2, "a", True), ("b.toml", 1, "a", True)])
    assert _in_order(results, origins)  # no origin first, then a.toml's lines, then b.toml


# --- messages -----------------------------------------------------------------------------------

def plain_text(message: PairMessage) -> str:
    """A pair finding's message through `says` and `describe`, as it was written before."""
    corpus: Corpus = message.wording.corpus

    def said(claim: Any) -> str:
        value = next(v for v in message.values if v.claim == claim.id)
        return says(claim, corpus, describe(claim, corpus, value))

    return f"{message.wording.what}: {said(message.a)}; {said(message.b)}"


def _pair_messages(findings: tuple[Finding, ...]) -> list[PairMessage]:
    return [f._message for f in findings if isinstance(f._message, PairMessage)]


def test_the_bundled_messages_are_the_plain_ones() -> None:
    messages = _pair_messages(audit(load(ROOT)).findings)
    assert len(messages) > 20
    for message in messages:
        assert message.text() == plain_text(message)


@settings(max_examples=6, deadline=None)
@given(claims=st.integers(min_value=2, max_value=150), seed=st.integers(min_value=0, max_value=2**16),
       reword=st.booleans())
def test_messages_are_the_plain_ones(claims: int, seed: int, reword: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), claims=claims, per_source=3, seed=seed, reword=reword)
        for message in _pair_messages(audit(load(tmp)).findings):
            assert message.text() == plain_text(message)


_BUNDLED = load(ROOT)


@settings(max_examples=300)
@given(claims, claims, st.one_of(st.none(), st.tuples(st.floats(-1e6, 1e6), st.floats(0, 1e6))),
       st.floats(-10, 10), partial_dates())
def test_any_pair_message_is_the_plain_one(a: Claim, b: Claim, interval: Any, shift: float,
                                            when: PartialDate) -> None:
    a = attrs.evolve(a, id="a", stated=a.stated or when)  # stated: no source to look it up in
    b = attrs.evolve(b, id="b", stated=b.stated or when)
    lo, hi = (None, None) if interval is None else (interval[0], interval[0] + interval[1])
    values = (Value(claim="a", stated="1,000", lo=lo, hi=hi),
              Value(claim="b", stated="two", lo=None if lo is None else lo + shift,
                    hi=None if hi is None else hi + shift))
    texts = Texts(size=2)
    message = PairMessage(wording=Wording(what="w", corpus=_BUNDLED, texts=texts), a=a, b=b,
                          values=values)
    assert message.text() == plain_text(message)
    assert message.text() == plain_text(message)  # again, the texts remembered
