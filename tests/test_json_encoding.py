"""The JSON report's encoding (`factcheck.reports.encoding`): the data the report's converter
makes, written by orjson, one record a line with sorted keys; non-finite numbers refused and
integers beyond 64 bits written exactly, as the standard library's encoder does."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck import Audit
from factcheck.corpus import ClaimValue
from factcheck.corpus.kinds.quantity import QuantityValue
from factcheck.errors import FactcheckError
from factcheck.reports.encoding import WRITER, date_texts, json_line, record_data, record_encoder
from factcheck.reports.json_report import (
    CoverageEntry,
    FindingValue,
    Report,
    build_report,
    dumps,
    load_report,
    write_report,
)
from factcheck.reports.records import AnchorEntry
from factcheck.text.dates import PartialDate, Period

from .conftest import CLAIMS, TEXT, Builder
from .test_report import _anchors, _claims, _findings, _values, reports

ROOT = Path(__file__).parents[1]


def _stdlib(data: Any) -> Any:
    """Data as the standard library's encoder writes and reads it back: what the report was
    before orjson wrote it."""
    return json.loads(json.dumps(data, sort_keys=True, ensure_ascii=False, allow_nan=False))


# --- the same data as the converter's ----------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(_values)
def test_a_claim_value_is_what_the_converter_makes_of_it(value: ClaimValue) -> None:
    assert _stdlib(record_data(value)) == _stdlib(WRITER.unstructure(value, unstructure_as=type(value)))


@settings(max_examples=100, deadline=None)
@given(st.one_of(_claims, _findings, _anchors))
def test_a_record_is_what_the_converter_makes_of_it(record: Any) -> None:
    assert _stdlib(record_data(record)) == _stdlib(WRITER.unstructure(record))


@settings(max_examples=100, deadline=None)
@given(reports)
def test_a_report_holds_the_converters_data_one_record_a_line(report: Report) -> None:
    text = dumps(report)
    assert json.loads(text) == _stdlib(WRITER.unstructure(report))
    lines = text.split("\n")  # JSON strings escape their newlines: a raw one ends a line
    assert lines[0] == "{" and lines[-2:] == ["}", ""]
    for line in lines[1:-2]:
        stripped = line.strip()
        if line.startswith("    "):  # one record of a list
            assert _keys_sorted(json.loads(stripped.removesuffix(","))), line
        elif stripped not in ("]", "],"):  # a key of the report: its list opens, or its value
            key, separator, rest = stripped.partition(": ")
            assert key.startswith('"') and separator, line
            assert rest in ("[", "[]", "[],") or _keys_sorted(json.loads(rest.removesuffix(",")))


def _keys_sorted(data: Any) -> bool:
    if isinstance(data, dict):
        return list(data) == sorted(data) and all(_keys_sorted(v) for v in data.values())
    if isinstance(data, list):
        return all(_keys_sorted(v) for v in data)
    return True


def test_the_bundled_report_is_the_converters_data_without_spaces() -> None:
    audit = factcheck.audit(factcheck.load(ROOT))
    report = build_report(audit, version="test")
    text = dumps(report)
    assert json.loads(text) == _stdlib(WRITER.unstructure(report))
    claim = next(line for line in text.splitlines() if line.startswith("    {") and '"claims"' not in line)
    assert '":' in claim and '": ' not in claim and '", "' not in claim


# --- exactly the numbers JSON can hold -----------------------------------------------------------

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(_json)
def test_a_line_reads_back_as_the_standard_librarys(data: Any) -> None:
    line = json_line(data)
    assert b"\n" not in line
    assert json.loads(line) == json.loads(json.dumps(data, allow_nan=False))


def test_integers_beyond_64_bits_are_written_exactly() -> None:
    # orjson refuses them; the standard library writes them, digit for digit.
    anchor = AnchorEntry(start=2**70, end=-(2**64) - 1, line=1, column=1, end_line=1, match="exact")
    line = json_line(record_data(anchor))
    assert json.loads(line)["start"] == 1180591620717411303424
    assert json.loads(line)["end"] == -18446744073709551617
    assert list(json.loads(line)) == sorted(json.loads(line))


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize("place", ["interval", "tolerance", "score", "finding", "coverage"])
def test_a_non_finite_number_is_refused_wherever_it_is(bad: float, place: str) -> None:
    value = QuantityValue(measure="officers", value="2,221", unit="officers", interval=(1.0, 2.0))
    records: dict[str, Any] = {
        "interval": attrs.evolve(value, interval=(1.0, bad)),
        "tolerance": attrs.evolve(value, tolerance=bad),
        "score": AnchorEntry(start=0, end=1, line=1, column=1, end_line=1, match="fuzzy", score=bad),
        "finding": FindingValue(claim="a", stated="2,221", lo=bad, hi=None),
        "coverage": CoverageEntry(threshold=95.0, percent=bad, covered=0, total=0, ok=True, sources=()),
    }
    with pytest.raises(ValueError, match="not JSON compliant"):
        record_data(records[place])
    with pytest.raises(ValueError):  # as the standard library refuses it
        json.dumps(WRITER.unstructure(records[place]), allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(reports, st.sampled_from([math.nan, math.inf, -math.inf]),
       st.sampled_from(["value", "anchor", "finding", "coverage"]))
def test_a_report_with_a_non_finite_number_is_refused(report: Report, bad: float, place: str) -> None:
    claim = report.claims[0] if report.claims else None
    if place == "value" and claim is not None:
        value = QuantityValue(measure="m", value="1", unit="u", interval=(bad, None))
        report = attrs.evolve(report, claims=(attrs.evolve(claim, value=value), *report.claims[1:]))
    elif place == "anchor" and claim is not None and claim.evidence:
        anchor = AnchorEntry(start=0, end=1, line=1, column=1, end_line=1, match="fuzzy", score=bad)
        evidence = (attrs.evolve(claim.evidence[0], anchor=anchor), *claim.evidence[1:])
        report = attrs.evolve(report, claims=(attrs.evolve(claim, evidence=evidence),
                                              *report.claims[1:]))
    elif place == "finding" and report.findings:
        finding = attrs.evolve(report.findings[0], values=(FindingValue(claim="a", stated="1", hi=bad),))
        report = attrs.evolve(report, findings=(finding, *report.findings[1:]))
    else:
        report = attrs.evolve(report, coverage=CoverageEntry(threshold=bad, percent=1.0, covered=0,
                                                             total=0, ok=True, sources=()))
    with pytest.raises(ValueError, match="not JSON compliant"):
        dumps(report)


def test_writing_a_non_finite_number_leaves_no_file(tmp_path: Path, make_corpus: Builder) -> None:
    audit = factcheck.audit(factcheck.load(make_corpus()))
    claim = audit.results[0].claim
    broken = attrs.evolve(audit, results=(attrs.evolve(
        audit.results[0], anchors=tuple(None if a is None else attrs.evolve(a, score=math.nan)
                                        for a in audit.results[0].anchors)), *audit.results[1:]))
    assert audit.results[0].anchors[0] is not None and claim.id
    with pytest.raises(FactcheckError, match="not JSON compliant"):
        write_report(broken, tmp_path / "report.json")
    assert list(tmp_path.glob("*.json")) == [] and not list(tmp_path.glob(".report.json*"))


# --- what the made functions do not read goes through the converter ----------------------------


@attrs.frozen(kw_only=True)
class _Odd:
    """A record with a field type the made functions do not know (a dict)."""

    counts: dict[str, float]
    when: Period


def test_a_record_of_an_unknown_shape_goes_through_the_converter() -> None:
    period = Period(start=PartialDate(year=2020), end=PartialDate(year=2021))
    assert record_data(_Odd(counts={"a": 1.5}, when=period)) == {"counts": {"a": 1.5},
                                                                  "when": "2020/2021"}
    with pytest.raises(ValueError, match="not JSON compliant"):
        record_data(_Odd(counts={"a": math.inf}, when=period))
    assert record_encoder(_Odd) is record_encoder(_Odd)  # made once


# --- dates written once an object ---------------------------------------------------------------


def test_each_period_object_is_written_once_and_equal_objects_alike() -> None:
    text = date_texts(size=2)
    y2020, y2021 = PartialDate(year=2020), PartialDate(year=2021, month=3)
    span = Period(start=y2020, end=y2021)
    assert text(span) == "2020/2021-03"
    assert text(Period(start=y2020, end=y2020)) == "2020"
    assert text(span) == "2020/2021-03"
    assert text(y2021) == "2021-03"  # a third object: the two remembered are forgotten
    assert text(Period(start=y2020, end=y2021)) == "2020/2021-03"


# --- the streamed report is build_report's --------------------------------------------------------

EXACT_TEXT = TEXT + "\nThe Watchdog said the force hired 1,000 officers in 2021.\n"
EXACT_CLAIMS = CLAIMS + """
[[claim]]
id = "watchdog-hired"
kind = "quantity"
party = "watchdog"
subject = "force"
topic = "officer-numbers"
period = "2021"
measure = "officers hired"
value = "1,000"
unit = "officers"

[[claim.evidence]]
source = "report"
quote = "the force hired 1,000 officers in 2021"
"""


@pytest.mark.parametrize(("precision", "interval"), [("implied", [500.0, 1500.0]),
                                                      ("exact", [1000.0, 1000.0])])
def test_the_streamed_report_reads_round_numbers_at_the_corpus_precision(
        make_corpus: Builder, tmp_path: Path, precision: str, interval: list[float]) -> None:
    root = make_corpus(text=EXACT_TEXT.encode(), claims=EXACT_CLAIMS,
                       extra={"lexicon.toml": f'round_precision = "{precision}"\n'})
    audit: Audit = factcheck.audit(factcheck.load(root))
    write_report(audit, tmp_path / "report.json", version="test")
    text = (tmp_path / "report.json").read_text(encoding="utf-8")
    assert text == dumps(build_report(audit, version="test"))
    claims = {c["id"]: c for c in json.loads(text)["claims"]}
    assert claims["watchdog-hired"]["value"]["interval"] == interval
    assert load_report(text).claims[-1].id == "watchdog-hired"


def test_the_summary_counts_as_the_audit_does() -> None:
    audit = factcheck.audit(factcheck.load(ROOT))
    summary = build_report(audit).summary
    assert summary.warnings == len(audit.warnings) == 3  # the bundled corpus's three warnings
    assert summary.passed == sum(1 for r in audit.results if r.ok)
    assert summary.ok == audit.ok
