"""Exports: SARIF valid against the official 2.1.0 schema (ClaimReview: test_claimreview.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import factcheck
from factcheck import Audit
from factcheck.reports.sarif import (
    CHECKS,
    EVIDENCE_FINGERPRINT,
    FINDING_FINGERPRINT,
    sarif,
    write_sarif,
)
from factcheck.rules import builtin_rules
from factcheck.rules.findings import finding_id

from .conftest import Builder
from .test_report import FAILING_CLAIMS, FAILING_TEXT

ROOT = Path(__file__).parents[1]
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
CONFLICT = finding_id("value-conflict", ["doe-officers-cut", "watchdog-officers-cut"])

def _verdicts(verdict: str, note: str = "The two counts cover different staff. More detail.") -> str:
    return f"""
[[verdict]]
finding = "{CONFLICT}"
verdict = "{verdict}"
note = "{note}"
reviewer = "tester"
"""


STALE = """
[[verdict]]
finding = "F-000000000000"
verdict = "dismissed"
note = "A finding that no longer exists."
"""


@pytest.fixture(scope="module")
def real_audit() -> Audit:
    return factcheck.audit(factcheck.load(ROOT))


@pytest.fixture
def failing_audit(make_corpus: Builder) -> Audit:
    root = make_corpus(text=FAILING_TEXT.encode(), claims=FAILING_CLAIMS,
                       extra={"verdicts.toml": STALE})
    return factcheck.audit(factcheck.load(root))


def _reviewed(make_corpus: Builder, verdict: str) -> Audit:
    root = make_corpus(text=FAILING_TEXT.encode(), claims=FAILING_CLAIMS,
                       extra={"verdicts.toml": _verdicts(verdict)})
    return factcheck.audit(factcheck.load(root))


def _check_sarif(log: dict[str, Any]) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator_class(schema).iter_errors(log)]
    assert errors == []
    # json.dumps must accept it as is (no NaN, no tuples of objects it cannot write)
    json.loads(json.dumps(log, allow_nan=False))


def _results(log: dict[str, Any]) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = log["runs"][0]["results"]
    return results


# --- SARIF -------------------------------------------------------------------------------------


def test_sarif_of_real_corpus(real_audit: Audit) -> None:
    log = sarif(real_audit)
    _check_sarif(log)
    assert log["version"] == "2.1.0"
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "factcheck"
    rules = [r["id"] for r in driver["rules"]]
    assert {r.id for r in builtin_rules()} | set(CHECKS) <= set(rules)
    assert len(rules) == len(set(rules))
    for result in _results(log):
        assert rules[result["ruleIndex"]] == result["ruleId"]
        physical = result["locations"][0]["physicalLocation"]
        path = ROOT / physical["artifactLocation"]["uri"]
        assert path.is_file()
        assert 1 <= physical["region"]["startLine"] <= len(path.read_text().splitlines())
    expected = len(real_audit.problems)
    assert len(_results(log)) == expected


def test_sarif_with_failures(failing_audit: Audit) -> None:
    log = sarif(failing_audit, version="1.2.3")
    _check_sarif(log)
    assert log["runs"][0]["tool"]["driver"]["version"] == "1.2.3"
    results = _results(log)
    origins = failing_audit.corpus.origins

    anchor = next(r for r in results if r["ruleId"] == "anchor")
    assert anchor["level"] == "error"
    assert "doe-unanchored" in anchor["message"]["text"]
    location = anchor["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "claims/main.toml"
    assert location["region"]["startLine"] == origins["doe-unanchored"].line
    assert len(anchor["partialFingerprints"][EVIDENCE_FINGERPRINT]) == 16

    conflict = next(r for r in results if r["ruleId"] == "value-conflict")
    assert conflict["level"] == "error"
    assert conflict["partialFingerprints"] == {FINDING_FINGERPRINT: CONFLICT}
    assert conflict["locations"][0]["physicalLocation"]["region"]["startLine"] == \
        origins["doe-officers-cut"].line
    related = conflict["relatedLocations"]
    assert [r["physicalLocation"]["region"]["startLine"] for r in related] == \
        [origins["watchdog-officers-cut"].line]
    assert "2,221" in conflict["message"]["text"] and "fewer than 1,500" in conflict["message"]["text"]

    stale = next(r for r in results if r["ruleId"] == "review")
    assert stale["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "claims/verdicts.toml"
    assert "F-000000000000" in stale["message"]["text"]
    assert {r["ruleId"] for r in results} == {"anchor", "value-conflict", "review"}


def test_sarif_skips_reviewed_findings_and_is_stable(make_corpus: Builder) -> None:
    audit = _reviewed(make_corpus, "upheld")
    log = sarif(audit)
    _check_sarif(log)
    assert [r["ruleId"] for r in _results(log)] == ["anchor"]
    again = _reviewed(make_corpus, "upheld")
    assert json.dumps(sarif(again)) == json.dumps(log)


def test_write_sarif(failing_audit: Audit, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    path = out / "out.sarif"
    write_sarif(failing_audit, path)
    assert json.loads(path.read_text(encoding="utf-8")) == sarif(failing_audit)
    assert [p.name for p in out.iterdir()] == ["out.sarif"]
