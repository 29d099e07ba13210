"""The JSON report: valid against its shipped schema, deterministic, atomic, and round-tripping."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck import Audit
from factcheck.corpus import builtin_kinds
from factcheck.corpus.kinds.assessment import AssessmentValue
from factcheck.corpus.kinds.cause import CauseValue
from factcheck.corpus.kinds.change import ChangeValue
from factcheck.corpus.kinds.quantity import QuantityValue
from factcheck.corpus.kinds.ranking import RankingValue
from factcheck.corpus.kinds.rate import RateValue
from factcheck.corpus.kinds.rating import RatingValue
from factcheck.corpus.kinds.stance import StanceValue
from factcheck.corpus.kinds.status import StatusValue
from factcheck.errors import FactcheckError
from factcheck.reports import report_schema
from factcheck.reports.files import write_atomic
from factcheck.reports.json_report import (
    SCHEMA,
    ClaimEntry,
    CoverageEntry,
    EvidenceEntry,
    FindingCounts,
    FindingEntry,
    FindingValue,
    PartyEntry,
    ProblemEntry,
    Report,
    SourceCoverageEntry,
    SourceEntry,
    SpeakerEntry,
    StaleVerdict,
    Summary,
    Uncovered,
    VerdictEntry,
    build_report,
    dumps,
    load_report,
    report_converter,
    write_report,
)
from factcheck.reports.records import AnchorEntry
from factcheck.reports.schema import shipped_form
from factcheck.text.dates import PartialDate, Period

from .conftest import CLAIMS, TEXT, Builder

ROOT = Path(__file__).parents[1]

FAILING_TEXT = TEXT + """
The Watchdog said the force had lost fewer than 1,500 officers since 2010, and more than 300 staff.
"""

FAILING_CLAIMS = CLAIMS + """
[[claim]]
id = "doe-unanchored"
kind = "quantity"
party = "commissioner"
subject = "force"
topic = "officer-numbers"
period = "2021"
measure = "officers hired"
value = "300"
unit = "officers"

[[claim.evidence]]
source = "report"
quote = "We hired 300 new officers this spring."

[[claim]]
id = "watchdog-officers-cut"
kind = "quantity"
party = "watchdog"
subject = "force"
topic = "officer-numbers"
period = "2010/2021"
measure = "officers lost"
value = "fewer than 1,500"
unit = "officers"

[[claim.evidence]]
source = "report"
quote = "the force had lost fewer than 1,500 officers since 2010"

[[claim]]
id = "watchdog-staff-cut"
kind = "quantity"
party = "watchdog"
subject = "force"
topic = "officer-numbers"
period = "2010/2021"
measure = "staff lost"
value = "more than 300"
unit = "staff"

[[claim.evidence]]
source = "report"
quote = "more than 300 staff"
"""


@pytest.fixture(scope="module")
def real_audit() -> Audit:
    return factcheck.audit(factcheck.load(ROOT))


@pytest.fixture
def failing_audit(make_corpus: Builder) -> Audit:
    root = make_corpus(text=FAILING_TEXT.encode(), claims=FAILING_CLAIMS)
    return factcheck.audit(factcheck.load(root))


def _validator() -> jsonschema.Draft202012Validator:
    """The schema assembled for the built-in kinds: as strict as the shipped one, and stricter
    about claim kinds (the shipped one lets through kinds other packages register)."""
    schema = report_schema(builtin_kinds())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _errors(data: object) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in _validator().iter_errors(data)]


# --- schema ------------------------------------------------------------------------------------


def test_real_corpus_report_is_valid(real_audit: Audit) -> None:
    data = json.loads(dumps(build_report(real_audit)))
    assert _errors(data) == []
    assert data["schema"] == SCHEMA
    assert len(data["claims"]) == len(real_audit.corpus.claims)
    assert {c["id"] for c in data["claims"]} == {c.id for c in real_audit.corpus.claims}
    assert data["summary"]["claims"] == len(data["claims"])


def test_failing_corpus_report_is_valid_and_says_what_failed(failing_audit: Audit) -> None:
    data = json.loads(dumps(build_report(failing_audit)))
    assert _errors(data) == []
    claims = {c["id"]: c for c in data["claims"]}
    unanchored = claims["doe-unanchored"]
    assert unanchored["ok"] is False
    assert unanchored["evidence"][0]["anchor"] is None
    assert [p["check"] for p in unanchored["problems"]] == ["anchor"]
    assert unanchored["problems"][0]["field"] == "evidence[0].quote"
    # "more than 300" is [300, inf], unbounded above: the JSON says so with null
    assert claims["watchdog-staff-cut"]["value"]["interval"] == [300.0, None]
    assert claims["watchdog-officers-cut"]["value"]["interval"] == [0.0, 1500.0]  # fewer than 1,500
    anchor = claims["doe-officers-cut"]["evidence"][0]["anchor"]
    assert anchor["match"] == "exact" and anchor["line"] == 7
    assert claims["doe-officers-cut"]["file"] == "claims/main.toml"
    assert claims["doe-officers-cut"]["stated"] == "2021-06-01"
    assert claims["doe-officers-cut"]["period"] == "2010/2021"
    conflict = next(f for f in data["findings"] if f["rule"] == "value-conflict")
    assert conflict["severity"] == "contradiction" and conflict["verdict"] is None
    assert {v["claim"]: v["hi"] for v in conflict["values"]} == {
        "doe-officers-cut": 2221.5, "watchdog-officers-cut": 1500.0}
    summary = data["summary"]
    assert summary["ok"] is False
    assert summary["failed"] == 1 and summary["unreviewed"] == 1
    assert summary["findings"]["contradiction"] == 1


def test_schema_is_strict(real_audit: Audit) -> None:
    good = json.loads(dumps(build_report(real_audit)))
    assert _errors(good) == []

    def broken(change: Any) -> dict[str, Any]:
        data = json.loads(json.dumps(good))
        change(data)
        return data

    assert _errors(broken(lambda d: d.update(extra=1)))
    assert _errors(broken(lambda d: d.pop("summary")))
    assert _errors(broken(lambda d: d.update(schema="factcheck-report/2")))
    assert _errors(broken(lambda d: d["claims"][0].update(kind="opinion")))
    assert _errors(broken(lambda d: d["claims"][0]["value"].update(kind="opinion")))
    assert _errors(broken(lambda d: d["claims"][0].update(stated="2021-13")))
    assert _errors(broken(lambda d: d["claims"][0]["evidence"][0].update(anchor={"start": 0})))
    assert _errors(broken(lambda d: d["summary"].update(ok="yes")))
    if good["findings"]:
        assert _errors(broken(lambda d: d["findings"][0].update(severity="bad")))
    # the claim's kind and its value's kind must agree
    other = "rating" if good["claims"][0]["kind"] != "rating" else "quantity"
    assert _errors(broken(lambda d: d["claims"][0].update(kind=other)))


def test_the_shipped_schema_holds_each_builtin_kinds_fragment() -> None:
    shipped = report_schema()
    for name, kind in builtin_kinds().kinds.items():
        assert shipped["$defs"][f"{name}Value"] == kind.schema
    assert shipped == shipped_form(builtin_kinds()), (
        "the shipped schema is out of date: python -c 'from factcheck.reports.schema import main; "
        "main()'")


def test_the_shipped_schema_admits_other_kinds_but_not_a_builtin_name_with_another_shape(
        real_audit: Audit) -> None:
    shipped = jsonschema.Draft202012Validator(report_schema())
    good = json.loads(dumps(build_report(real_audit)))
    good["claims"][0].update(kind="opinion", value={"kind": "opinion", "stance": "for"})
    assert list(shipped.iter_errors(good)) == []
    good["claims"][0].update(kind="rating", value={"kind": "rating", "stance": "for"})
    assert list(shipped.iter_errors(good)) != []


# --- determinism and round trips ---------------------------------------------------------------


def test_report_is_deterministic(real_audit: Audit) -> None:
    again = factcheck.audit(factcheck.load(ROOT))
    assert dumps(build_report(real_audit)) == dumps(build_report(again))
    text = dumps(build_report(real_audit, version="9.9"))
    assert text.endswith("}\n")
    assert '"generated_by": "factcheck 9.9"' in text


def test_real_report_round_trips(real_audit: Audit, tmp_path: Path) -> None:
    report = build_report(real_audit)
    converter = report_converter(builtin_kinds())
    assert converter.structure(converter.unstructure(report), Report) == report
    assert load_report(dumps(report)) == report
    path = tmp_path / "report.json"
    write_report(real_audit, path)
    assert load_report(path) == report
    assert load_report(str(path)) == report
    assert path.read_text(encoding="utf-8") == dumps(report)


def test_failing_report_round_trips(failing_audit: Audit) -> None:
    report = build_report(failing_audit)
    assert load_report(dumps(report)) == report


# --- atomic writing ----------------------------------------------------------------------------


def test_write_leaves_only_the_report(real_audit: Audit, tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    path.write_text("old")
    write_report(real_audit, path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
    assert json.loads(path.read_text(encoding="utf-8"))["schema"] == SCHEMA


def test_write_to_a_directory_fails_cleanly(real_audit: Audit, tmp_path: Path) -> None:
    target = tmp_path / "adir"
    target.mkdir()
    (target / "keep.txt").write_text("keep")
    with pytest.raises(FactcheckError, match="cannot write"):
        write_report(real_audit, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adir"]
    assert sorted(p.name for p in target.iterdir()) == ["keep.txt"]


def test_write_into_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(FactcheckError, match="cannot write"):
        write_atomic(tmp_path / "missing" / "r.json", "{}")
    assert list(tmp_path.iterdir()) == []


def test_failed_rename_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.json"
    path.write_text("old")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(FactcheckError, match="No space left"):
        write_atomic(path, "new")
    assert path.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]


def test_interrupted_write_removes_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "r.json", "new")
    assert list(tmp_path.iterdir()) == []


# --- loading bad reports -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "message"), [
    ("{not json", "not JSON"),
    ('{"claims": []}', "not a factcheck report"),
    ('{"schema": "factcheck-report/0"}', "reads 'factcheck-report/1'"),
    ("[1, 2]", "not a factcheck report"),
])
def test_load_rejects_non_reports(text: str, message: str) -> None:
    with pytest.raises(FactcheckError, match=message):
        load_report(text)


def test_load_names_every_bad_field(real_audit: Audit) -> None:
    data = json.loads(dumps(build_report(real_audit)))
    data["claims"][0]["ok"] = "yes"
    data["claims"][1]["value"]["kind"] = "opinion"
    data["summary"]["extra"] = 1
    with pytest.raises(FactcheckError) as caught:
        load_report(json.dumps(data))
    assert "claims[1].value.kind: 'opinion' is not one of" in str(caught.value)
    del data["claims"][1]["value"]["kind"]
    data["claims"][1]["value"]["kind"] = data["claims"][1]["kind"]
    with pytest.raises(FactcheckError) as caught:
        load_report(json.dumps(data))
    assert "claims[0].ok: expected true or false" in str(caught.value)
    assert "summary.extra: unknown field" in str(caught.value)


def test_load_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FactcheckError, match="cannot read report"):
        load_report(tmp_path / "none.json")


# --- property: any report round-trips ----------------------------------------------------------

_text = st.text(max_size=12)
_name = st.text(min_size=1, max_size=12)
_opt = st.none() | _text
_ids = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,8}", fullmatch=True)
_finite = st.floats(allow_nan=False, allow_infinity=False)
_opt_float = st.none() | _finite
_bounds = st.none() | st.tuples(_opt_float, _opt_float)
_count = st.integers(min_value=0, max_value=10**6)
_percent = st.floats(min_value=0, max_value=100)


def _tuples(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, max_size=3).map(tuple)


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates())
    precision = draw(st.integers(0, 2))
    return PartialDate(year=day.year, month=day.month if precision else None,
                       day=day.day if precision == 2 else None)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    a, b = sorted((draw(partial_dates()), draw(partial_dates())), key=lambda d: d.first)
    return Period(start=a, end=b)


_values = st.one_of(
    st.builds(QuantityValue, measure=_name, value=_name, unit=_name, tolerance=_opt_float,
              interval=_bounds),
    st.builds(RateValue, measure=_name, value=_name, per=_name, unit=_name, tolerance=_opt_float,
              interval=_bounds),
    st.builds(ChangeValue, measure=_name, direction=st.sampled_from(["increase", "decrease"]),
              by=_opt, from_value=_opt, to_value=_opt, unit=_opt, tolerance=_opt_float,
              interval=_bounds),
    st.builds(RatingValue, scale=_name, area=_name, grade=_name, wording=_opt),
    st.builds(StatusValue, item=_name, state=_name, wording=_opt),
    st.builds(AssessmentValue, proposition=_name, holds=st.booleans()),
    st.builds(RankingValue, measure=_name, position=_name, among=_name, wording=_opt),
    st.builds(StanceValue, stance=st.sampled_from(["disputes", "accepts"]), target_party=_name,
              about=_name, target=_opt),
    st.builds(CauseValue, outcome=_name, cause=_name),
)
_anchors = st.builds(AnchorEntry, start=_count, end=_count, line=_count, column=_count,
                     end_line=_count, match=st.sampled_from(["exact", "normalised", "fuzzy"]),
                     score=_percent, candidates=_count)
_claims = st.builds(
    ClaimEntry, id=_ids, kind=st.sampled_from(["quantity", "rate", "rating", "stance"]),
    party=_ids, speaker=st.none() | _ids, subject=_name, topic=_name, period=periods(),
    stated=periods(), forecast=st.booleans(), note=_opt, file=_opt,
    line=st.none() | _count, value=_values,
    evidence=_tuples(st.builds(EvidenceEntry, source=_ids, quote=_name, prefix=_opt, suffix=_opt,
                               anchor=st.none() | _anchors)),
    problems=_tuples(st.builds(ProblemEntry, check=_name, level=st.sampled_from(["error", "warning"]),
                               message=_name, field=_opt)),
    ok=st.booleans())
_verdict_kinds = st.sampled_from(["upheld", "dismissed", "explained"])
_findings = st.builds(
    FindingEntry, id=_name, rule=_name,
    severity=st.sampled_from(["contradiction", "tension", "changed", "corroborated"]),
    claims=_tuples(_ids), parties=_tuples(_ids), subject=_opt, topic=_opt, message=_name,
    values=_tuples(st.builds(FindingValue, claim=_ids, stated=_text, lo=_opt_float, hi=_opt_float)),
    rounding=st.booleans(),
    verdict=st.none() | st.builds(VerdictEntry, verdict=_verdict_kinds, note=_name, reviewer=_opt))
_coverage = st.builds(
    CoverageEntry, threshold=_percent, percent=_percent, covered=_count, total=_count,
    ok=st.booleans(),
    sources=_tuples(st.builds(
        SourceCoverageEntry, source=_ids, percent=_percent, covered=_count, total=_count,
        ignored=_count, uncovered=_tuples(st.builds(Uncovered, line=_count, text=_name,
                                                    kind=st.sampled_from(["number", "graded"]))))))
reports = st.builds(
    Report, schema=st.just(SCHEMA), generated_by=_text,
    sources=_tuples(st.builds(
        SourceEntry, id=_ids, path=_name, title=_name, publisher=_name, published=periods(),
        kind=st.sampled_from(["news", "press-release", "inspection-report", "statement"]),
        sha256=st.from_regex(r"[0-9a-f]{64}", fullmatch=True), url=_opt)),
    parties=_tuples(st.builds(PartyEntry, id=_ids, name=_name,
                              role=st.sampled_from(["watchdog", "force", "pcc", "other"]))),
    speakers=_tuples(st.builds(SpeakerEntry, id=_ids, party=_ids, name=_name, title=_opt)),
    claims=_tuples(_claims), findings=_tuples(_findings),
    stale_verdicts=_tuples(st.builds(StaleVerdict, finding=_name, verdict=_verdict_kinds, note=_name,
                                     file=_opt, line=st.none() | _count)),
    coverage=st.none() | _coverage,
    summary=st.builds(
        Summary, claims=_count, passed=_count, failed=_count, warnings=_count,
        findings=st.builds(FindingCounts, contradiction=_count, tension=_count, changed=_count,
                           corroborated=_count),
        unreviewed=_count, stale_verdicts=_count, coverage_percent=st.none() | _percent,
        ok=st.booleans()))


@settings(max_examples=150, deadline=None)
@given(reports)
def test_any_report_round_trips(report: Report) -> None:
    converter = report_converter(builtin_kinds())
    assert converter.structure(converter.unstructure(report), Report) == report
    text = dumps(report)
    assert load_report(text) == report
    assert dumps(load_report(text)) == text
