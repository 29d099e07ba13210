"""The findings and disputes of the JSON report as its data, one at a time, in report order:
what `record_data` makes of the report's `FindingEntry` and `DisputeEntry` records, written
directly, so a million findings' entries (and their messages) are never held at once."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from operator import attrgetter
from typing import Any

import attrs

from ..auditing import Audit
from ..corpus import Verdict
from ..rules.findings import SEVERITIES, Finding
from .encoding import record_data
from .records import DisputeEntry, FindingEntry, FindingValue, VerdictEntry

Bound = float | None


def bound(x: float) -> Bound:
    """An end of an interval as the report writes it: an unbounded end is None (null)."""
    return x if math.isfinite(x) else None


def verdict_entry(verdict: Verdict | None) -> VerdictEntry | None:
    return None if verdict is None else VerdictEntry(verdict=verdict.verdict, note=verdict.note,
                                                     reviewer=verdict.reviewer)


def in_finding_order(findings: Iterable[Finding]) -> list[Finding]:
    """The findings sorted as `finding_order` sorts them (severity, rule, id), without a tuple
    made for each: by severity, then two stable sorts by a single field."""
    findings = tuple(findings)
    ordered: list[Finding] = []
    for severity in SEVERITIES:
        group = [f for f in findings if f.severity == severity]
        group.sort(key=attrgetter("id"))
        group.sort(key=attrgetter("rule"))
        ordered += group
    if len(ordered) != len(findings):
        unknown = next(f.severity for f in findings if f.severity not in SEVERITIES)
        raise ValueError(f"{unknown!r} is not a severity")
    return ordered


_FINDING_FIELDS = ("id", "rule", "severity", "claims", "parties", "subject", "topic", "message",
                   "values", "rounding", "verdict", "dispute", "unproven")
_DIRECT = (tuple(a.name for a in attrs.fields(FindingEntry)) == _FINDING_FIELDS
           and tuple(a.name for a in attrs.fields(FindingValue)) == ("claim", "stated", "lo", "hi")
           and tuple(a.name for a in attrs.fields(VerdictEntry)) == ("verdict", "note", "reviewer")
           and tuple(a.name for a in attrs.fields(DisputeEntry))
           == ("id", "severity", "subject", "topic", "about", "findings", "claims", "parties",
               "verdict"))
"""Whether the entries' data may be written here directly: this knows every field they have."""


def finding_entries(audit: Audit) -> Iterator[FindingEntry]:
    """The report's entry of each finding, in report order, one at a time."""
    dispute_of = audit.dispute_of
    verdicts = audit.verdicts  # each worked out once: a report has thousands of findings
    for finding in in_finding_order(audit.findings):
        dispute = dispute_of.get(finding.id)
        verdict = verdicts.get(finding.id) or (verdicts.get(dispute.id) if dispute else None)
        yield FindingEntry(
            id=finding.id, rule=finding.rule, severity=finding.severity, claims=finding.claims,
            parties=finding.parties, subject=finding.subject, topic=finding.topic,
            message=finding.message,
            values=tuple(FindingValue(claim=v.claim, stated=v.stated,
                                      lo=None if v.lo is None else bound(v.lo),
                                      hi=None if v.hi is None else bound(v.hi))
                         for v in finding.values),
            rounding=finding.rounding, dispute=dispute.id if dispute else None,
            unproven=finding.unproven, verdict=verdict_entry(verdict))


def dispute_entries(audit: Audit) -> Iterator[DisputeEntry]:
    """The report's entry of each dispute, in the audit's order."""
    verdicts = audit.verdicts
    for d in audit.disputes:
        yield DisputeEntry(id=d.id, severity=d.severity, subject=d.subject, topic=d.topic,
                           about=d.about, findings=d.findings, claims=d.claims, parties=d.parties,
                           verdict=verdict_entry(verdicts.get(d.id)))


def _verdict_data(verdict: Verdict | None) -> dict[str, Any] | None:
    return None if verdict is None else {"verdict": verdict.verdict, "note": verdict.note,
                                         "reviewer": verdict.reviewer}


def finding_data(audit: Audit) -> Iterator[dict[str, Any]]:
    """Each finding's entry as the report's data, in report order (`finding_entries`, as
    `record_data` writes them), its message written as it is written."""
    if not _DIRECT:
        yield from map(record_data, finding_entries(audit))
        return
    dispute_of = audit.dispute_of
    verdicts = audit.verdicts
    for finding in in_finding_order(audit.findings):
        dispute = dispute_of.get(finding.id)
        verdict = verdicts.get(finding.id) or (verdicts.get(dispute.id) if dispute else None)
        yield {
            "id": finding.id, "rule": finding.rule, "severity": finding.severity,
            "claims": finding.claims, "parties": finding.parties, "subject": finding.subject,
            "topic": finding.topic, "message": finding.message,
            "values": [{"claim": v.claim, "stated": v.stated,
                        "lo": None if v.lo is None else bound(v.lo),
                        "hi": None if v.hi is None else bound(v.hi)} for v in finding.values],
            "rounding": finding.rounding, "verdict": _verdict_data(verdict),
            "dispute": dispute.id if dispute else None, "unproven": finding.unproven}


def dispute_data(audit: Audit) -> Iterator[dict[str, Any]]:
    """Each dispute's entry as the report's data (`dispute_entries`, as `record_data` writes
    them)."""
    if not _DIRECT:
        yield from map(record_data, dispute_entries(audit))
        return
    verdicts = audit.verdicts
    for d in audit.disputes:
        yield {"id": d.id, "severity": d.severity, "subject": d.subject, "topic": d.topic,
               "about": d.about, "findings": d.findings, "claims": d.claims,
               "parties": d.parties, "verdict": _verdict_data(verdicts.get(d.id))}
