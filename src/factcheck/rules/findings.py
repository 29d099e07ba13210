"""Findings: what the rule engine says about claims taken together."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Literal

import attrs

Severity = Literal["contradiction", "tension", "unmatched", "changed", "corroborated"]
SEVERITIES: tuple[Severity, ...] = ("contradiction", "tension", "unmatched", "changed", "corroborated")
NEEDS_VERDICT: tuple[Severity, ...] = ("contradiction", "tension", "unmatched")
"""Severities a reviewer must give a verdict. `unmatched`: claims about things named alike but
not the same whose values would clash; a verdict says they differ, an alias links them."""


@attrs.frozen(kw_only=True)
class Value:
    """One claim's value as a finding compares it: the words stated and their interval."""

    claim: str
    stated: str
    lo: float | None = None
    hi: float | None = None


@attrs.frozen(kw_only=True)
class Finding:
    """A rule's verdict on some claims: which, whose, how serious and why."""

    id: str
    rule: str
    severity: Severity
    claims: tuple[str, ...]
    parties: tuple[str, ...]
    message: str
    subject: str | None = None
    topic: str | None = None
    values: tuple[Value, ...] = ()
    rounding: bool = False
    unproven: tuple[str, ...] = ()
    """The checks that its claims fail ('claim-id: check'): a finding built on claims the audit
    could not prove says so."""


def finding_id(rule: str, claims: Iterable[str]) -> str:
    """A stable id from the rule and the sorted claim ids, so verdicts survive re-runs."""
    key = rule + "\0" + "\0".join(sorted(claims))
    return "F-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def make_finding(*, rule: str, severity: Severity, claims: Iterable[str],
                 parties: Iterable[str], message: str, subject: str | None = None,
                 topic: str | None = None, values: Iterable[Value] = (),
                 rounding: bool = False) -> Finding:
    """Build a finding with its id and its claims and parties in canonical order."""
    claim_ids = tuple(sorted(set(claims)))
    return Finding(id=finding_id(rule, claim_ids), rule=rule, severity=severity,
                   claims=claim_ids, parties=tuple(sorted(set(parties))), message=message,
                   subject=subject, topic=topic,
                   values=tuple(sorted(values, key=lambda v: v.claim)), rounding=rounding)
