"""Fast paths (issue 14) against the detailed paths they stand in for: the same records, the same
messages, the same report bytes."""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import load
from factcheck.auditing import Audit, audit, mark_unproven, review_problems
from factcheck.checks.coverage import measure_coverage
from factcheck.checks.evidence import _numbers_inside, check_claim
from factcheck.corpus import Anchor, Corpus, builtin_kinds
from factcheck.corpus.convert import converter, fast_converter
from factcheck.corpus.datafiles import fast_json_line, read_json_line
from factcheck.reports.json_report import build_report, dumps, write_report
from factcheck.rules import find, key_lint, make_context
from factcheck.rules.disputes import group_disputes
from factcheck.testing.synthetic import generate
from factcheck.text.numbers import find_numbers

from .conftest import CLAIMS, Builder

TABLES = ("claim", "relation")

_scalars = (st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
            | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=8))
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.text(max_size=4), inner, max_size=3), max_leaves=12)


def _json_text(value: object, ascii_only: bool) -> str:
    return json.dumps(value, ensure_ascii=ascii_only)


_lines = st.one_of(
    st.builds(_json_text, st.fixed_dictionaries({}, optional={"claim": _values, "relation": _values,
                                                              "other": _values}), st.booleans()),
    st.builds(_json_text, _values, st.booleans()),
    st.text(alphabet='{}[]":,0123456789.eE+-\\u\\ adtrfnlsN\x00\x1f\ud800\u2028é', max_size=30),
)


def _same(a: object, b: object) -> bool:
    """Equal, with NaN equal to itself and -0.0 told from 0.0 (the report writes both)."""
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


@settings(max_examples=400)
@given(_lines)
def test_the_fast_json_reader_takes_a_line_only_as_the_stdlib_reader_does(line: str) -> None:
    fast = fast_json_line(line, TABLES)
    if fast is not None:
        slow = read_json_line(line, TABLES)
        assert not isinstance(slow, str), slow
        assert fast[0] == slow[0]
        assert _same(fast[1], slow[1])


def test_the_fast_json_reader_leaves_every_refusal_to_the_stdlib_reader() -> None:
    # Each of these is refused, with a message only the stdlib reader gives.
    for line in ('{"claim": NaN}', '{"claim": 1e400}', '{"claim": "\\ud800"}', '{"claim": 1,}',
                 '{"claim": 9223372036854775808}', '{"claim": 1, "relation": 2}', '{"other": 1}',
                 '[' * 70 + ']' * 70):
        assert fast_json_line(line, TABLES) is None
        assert isinstance(read_json_line(line, TABLES), str)


# --- the audit, source by source and key by key, against the audit written plainly -------------


def _reference_audit(corpus: Corpus) -> Audit:
    """The audit as it was written before issue 14: every source's numbers read first, the claims
    checked in corpus order, coverage from all anchors at once, the rules in one pass."""
    mentions = {source: find_numbers(text) for source, text in corpus.texts.items()}
    results = tuple(check_claim(claim, corpus, mentions=mentions) for claim in corpus.claims)
    context = make_context(corpus)
    findings = mark_unproven(find(corpus, context=context), results)
    disputes = group_disputes(findings, context)
    coverage = measure_coverage(corpus, ((r.claim, r.anchors) for r in results), mentions=mentions)
    return Audit(corpus=corpus, results=results, findings=findings, disputes=disputes,
                 review=review_problems(corpus, findings, disputes) + key_lint(context),
                 coverage=coverage)


@settings(max_examples=12, deadline=None)
@given(claims=st.integers(min_value=1, max_value=160), per_source=st.integers(min_value=1, max_value=12),
       seed=st.integers(min_value=0, max_value=2**16), fmt=st.sampled_from(["toml", "jsonl"]),
       reword=st.booleans(), verdicts=st.booleans())
def test_the_audit_and_its_streamed_report_are_the_plain_ones(
        claims: int, per_source: int, seed: int, fmt: str, reword: bool, verdicts: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), claims=claims, per_source=per_source, seed=seed, fmt=fmt,  # type: ignore[arg-type]
                 reword=reword, verdicts=verdicts)
        corpus = load(tmp)
        result = audit(corpus)
        expected = dumps(build_report(_reference_audit(corpus), version="test"))
        assert dumps(build_report(result, version="test")) == expected
        write_report(result, Path(tmp) / "report.json", version="test")
        assert (Path(tmp) / "report.json").read_text(encoding="utf-8") == expected


def test_the_bundled_audit_is_the_plain_one() -> None:
    corpus = load(Path(__file__).parents[1])
    assert (dumps(build_report(audit(corpus), version="test"))
            == dumps(build_report(_reference_audit(corpus), version="test")))


# --- structuring: the converter without detailed validation takes what the detailed one takes --

_CLAIM = {"id": "c1", "kind": "quantity", "party": "force", "subject": "force", "topic": "staffing",
          "period": "2023", "measure": "officers", "value": "2,221", "unit": "officers",
          "evidence": [{"source": "s", "quote": "We have 2,221 officers."}], "stated": "2023-05"}


@settings(max_examples=300)
@given(field=st.sampled_from([*_CLAIM, "forecast", "speaker", "deadline", "window"]),
       value=_values, drop=st.booleans())
def test_the_fast_converter_structures_what_the_detailed_one_does(
        field: str, value: object, drop: bool) -> None:
    raw = dict(_CLAIM)
    if drop:
        raw.pop(field, None)
    else:
        raw[field] = value
    record_class = builtin_kinds().kinds["quantity"].record
    try:
        fast = fast_converter.structure(raw, record_class)
    except Exception:  # the loader then asks the detailed converter, whose errors it reports
        return
    assert fast == converter.structure(raw, record_class)


# --- the numbers inside a quote, by binary search ---------------------------------------------

_NUMBERISH = st.lists(st.sampled_from(["12", "2,221", "about 5", "24.5 per 100,000", "a day", "one",
                                       "in", "2019", "three quarters", " ", ".", "%", "£3m", "x"]),
                      max_size=25).map(" ".join)


@settings(max_examples=300)
@given(text=_NUMBERISH, start=st.integers(min_value=0, max_value=200),
       length=st.integers(min_value=0, max_value=200))
def test_the_numbers_inside_a_quote_are_those_a_plain_filter_finds(text: str, start: int,
                                                                    length: int) -> None:
    mentions = find_numbers(text)
    anchor = Anchor(start=start, end=start + length, line=1, column=1, end_line=1, match="exact")
    assert _numbers_inside(mentions, anchor) == [
        m.number for m in mentions if anchor.start <= m.start and m.end <= anchor.end]


def test_the_streamed_report_of_failing_claims_is_the_plain_one(make_corpus: Builder) -> None:
    # A quote that does not anchor (anchor null, an error), one stated with a deadline and a
    # value the quote does not state, another party's words: every kind of entry a claim has.
    claims = CLAIMS.replace("We have lost 2,221 officers.", "Nothing of the sort was said here.")
    assert claims != CLAIMS
    claims += """
[[claim]]
id = "doe-target"
kind = "quantity"
party = "commissioner"
speaker = "john-doe"
subject = "force"
topic = "officer-numbers"
period = "2021"
deadline = "2022-03"
measure = "officers lost"
value = "3,000"
unit = "officers"
note = "a note"

[[claim.evidence]]
source = "report"
quote = "That was 25 per cent of them."
prefix = "officers. "
"""
    corpus = load(make_corpus(claims=claims))
    result = audit(corpus)
    assert not result.ok and any(a is None for r in result.results for a in r.anchors)
    with tempfile.TemporaryDirectory() as tmp:
        write_report(result, Path(tmp) / "report.json", version="test")
        assert ((Path(tmp) / "report.json").read_text(encoding="utf-8")
                == dumps(build_report(result, version="test")))
