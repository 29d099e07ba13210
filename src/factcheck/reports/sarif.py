"""SARIF 2.1.0: each failing check and unreviewed contradiction or tension at its claim's line.

Code scanning then annotates claim files in review. The log is deterministic and written
atomically.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from typing import Any

from ..auditing import Audit
from ..corpus import Claim, Corpus, Verdict
from ..errors import Problem
from ..rules import builtin_rules
from ..rules.findings import Finding
from .files import dump_json, write_atomic
from .json_report import claim_order, factcheck_version, finding_order

JsonObject = dict[str, Any]


SARIF_SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                "sarif-schema-2.1.0.json")
SRCROOT = "%SRCROOT%"
FINDING_FINGERPRINT = "factcheckFindingId/v1"
EVIDENCE_FINGERPRINT = "factcheckEvidence/v1"
STALE_FINGERPRINT = "factcheckStaleVerdict/v1"

CHECKS: dict[str, tuple[str, str]] = {
    "anchor": ("Every quote is found in its source, exactly or after normalisation, at one place.",
               "error"),
    "value": ("The claim's typed value is stated in its quote, and a judgement's cue says it.",
              "error"),
    "party": ("The claim's party is shown saying it: its own source, or named by a reporting verb "
              "near the quote.", "error"),
    "key": ("A claim's key close to another claim's is probably the same thing: use one name or "
            "declare an alias.", "warning"),
    "speaker": ("The speaker's name or an alias appears in or just before the quote's paragraph.",
                "warning"),
    "dates": ("A claim is not stated after its source was published, nor about a later period "
              "unless it is a forecast.", "error"),
    "review": ("Every contradiction and tension has a verdict, and every verdict names a finding "
               "that still exists.", "error"),
}
"""The evidence checks and the review, as SARIF rules: description and default level."""



def _location(corpus: Corpus, key: str, text: str | None = None,
              index: int | None = None) -> JsonObject | None:
    """A SARIF location at the line a claim (or verdict) starts on, None if unknown."""
    origin = corpus.origins.get(key)
    if origin is None:
        return None
    physical: JsonObject = {"artifactLocation": {"uri": origin.file, "uriBaseId": SRCROOT}}
    if origin.line is not None:
        physical["region"] = {"startLine": origin.line}
    location: JsonObject = {}
    if index is not None:
        location["id"] = index
    location["physicalLocation"] = physical
    if text is not None:
        location["message"] = {"text": text}
    return location


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def _evidence_result(problem: Problem, claim: Claim, corpus: Corpus, rule_index: int) -> JsonObject:
    field = problem.location.field or ""
    where = f" ({field})" if field else ""
    result: JsonObject = {
        "ruleId": problem.check, "ruleIndex": rule_index, "level": problem.level,
        "message": {"text": f"claim {claim.id}{where}: {problem.message}"},
    }
    location = _location(corpus, claim.id)
    if location is not None:
        result["locations"] = [location]
    result["partialFingerprints"] = {
        EVIDENCE_FINGERPRINT: _fingerprint(claim.id, problem.check, field)}
    return result


def _finding_result(finding: Finding, corpus: Corpus, rule_index: int,
                    dispute: str | None, claims: Mapping[str, Claim]) -> JsonObject:
    """The result of an unreviewed finding; `claims` holds (at least) its claims by id."""
    result: JsonObject = {
        "ruleId": finding.rule, "ruleIndex": rule_index, "level": "error",
        "message": {"text": f"{finding.severity} {finding.id} has no verdict in verdicts.toml: "
                            f"{finding.message}"},
    }
    primary, *others = finding.claims or ("",)
    location = _location(corpus, primary)
    if location is not None:
        result["locations"] = [location]
    related: list[JsonObject] = []
    for claim_id in others:
        claim = claims.get(claim_id)
        text = f"claim {claim_id}" + (f" ({claim.party})" if claim else "")
        related_location = _location(corpus, claim_id, text, index=len(related))
        if related_location is not None:
            related.append(related_location)
    if related:
        result["relatedLocations"] = related
    result["partialFingerprints"] = {FINDING_FINGERPRINT: finding.id}
    result["properties"] = {"severity": finding.severity, "claims": list(finding.claims),
                            **({"dispute": dispute} if dispute else {})}
    return result


def _stale_result(verdict: Verdict, corpus: Corpus, rule_index: int) -> JsonObject:
    result: JsonObject = {
        "ruleId": "review", "ruleIndex": rule_index, "level": "error",
        "message": {"text": f"verdict for finding {verdict.judges}, which no longer exists; "
                            "remove it or re-review the claims it was about"},
    }
    location = _location(corpus, f"verdict:{verdict.judges}")
    if location is not None:
        result["locations"] = [location]
    result["partialFingerprints"] = {STALE_FINGERPRINT: verdict.judges}
    return result


def _descriptor(rule_id: str, description: str, level: str | None = None) -> JsonObject:
    descriptor: JsonObject = {"id": rule_id, "shortDescription": {"text": description or rule_id}}
    if level is not None:
        descriptor["defaultConfiguration"] = {"level": level}
    return descriptor


def sarif(audit: Audit, *, version: str | None = None) -> JsonObject:
    """A SARIF 2.1.0 log of one run: failing evidence checks, unreviewed contradictions and
    tensions, and stale verdicts, each at its line in its claim (or verdict) file."""
    corpus = audit.corpus
    descriptors = [_descriptor(r.id, r.description) for r in builtin_rules()]
    known = {d["id"] for d in descriptors}
    for rule_id in sorted({f.rule for f in audit.findings} - known):
        descriptors.append(_descriptor(rule_id, f"rule {rule_id} from a rule pack"))
    known |= {f.rule for f in audit.findings}
    checks = dict(CHECKS)
    for problem in audit.problems:
        checks.setdefault(problem.check, (f"check {problem.check}", "error"))
    descriptors += [_descriptor(c, text, level) for c, (text, level) in checks.items()
                    if c not in known]
    index = {d["id"]: n for n, d in enumerate(descriptors)}

    results = []
    for claim_result in sorted(audit.results, key=lambda r: claim_order(corpus, r.claim.id)):
        for problem in claim_result.problems:
            results.append(_evidence_result(problem, claim_result.claim, corpus,
                                            index[problem.check]))
    waiting = {f.id for f in audit.unreviewed}
    dispute_of = audit.dispute_of  # worked out once, not once a finding
    named = {c for f in audit.findings if f.id in waiting for c in f.claims}
    related = {c.id: c for c in corpus.claims if c.id in named}
    for finding in sorted(audit.findings, key=finding_order):
        if finding.id in waiting:
            dispute = dispute_of.get(finding.id)
            results.append(_finding_result(finding, corpus, index[finding.rule],
                                           dispute.id if dispute else None, related))
    for verdict in audit.stale_verdicts:
        results.append(_stale_result(verdict, corpus, index["review"]))
    claims = {c.id: c for c in corpus.claims}
    for problem in audit.review:
        if problem.check == "key" and problem.location.claim in claims:
            results.append(_evidence_result(problem, claims[problem.location.claim], corpus,
                                            index["key"]))
    driver = {"name": "factcheck", "version": version or factcheck_version(), "rules": descriptors}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0",
            "runs": [{"tool": {"driver": driver}, "results": results}]}


def write_sarif(audit: Audit, path: str | os.PathLike[str], *, version: str | None = None) -> None:
    """Write the SARIF log of `audit` to `path`, atomically."""
    write_atomic(path, dump_json(sarif(audit, version=version)))
