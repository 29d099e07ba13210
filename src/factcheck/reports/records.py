"""The records of the JSON report (`factcheck-report/1`), one attrs class per JSON object.

They mirror the report's JSON Schema; `factcheck.report` builds, writes and reads them.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs

from ..checks.coverage import StatementKind
from ..corpus.kinds.base import ClaimValue
from ..corpus.records import Role, SourceKind
from ..errors import Level
from ..rules.findings import Severity
from ..text.anchoring import Anchor
from ..text.dates import PartialDate, Period

SCHEMA = "factcheck-report/1"
SCHEMA_FILE = "factcheck-report-1.schema.json"



# --- the records -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SourceEntry:
    """A source as the report lists it."""

    id: str
    path: str
    title: str
    publisher: str
    published: Period
    kind: SourceKind
    sha256: str
    url: str | None = None


@attrs.frozen(kw_only=True)
class PartyEntry:
    """A party: an organisation with its role."""

    id: str
    name: str
    role: Role


@attrs.frozen(kw_only=True)
class SpeakerEntry:
    """A person who speaks for a party."""

    id: str
    party: str
    name: str
    title: str | None = None


AnchorEntry: TypeAlias = Anchor
"""A resolved quote is reported exactly as the model records it."""


@attrs.frozen(kw_only=True)
class EvidenceEntry:
    """A quote with its resolved anchor (None where it did not anchor)."""

    source: str
    quote: str
    prefix: str | None = None
    suffix: str | None = None
    anchor: AnchorEntry | None = None


@attrs.frozen(kw_only=True)
class ProblemEntry:
    """A failed evidence check of a claim."""

    check: str
    level: Level
    message: str
    field: str | None = None


@attrs.frozen(kw_only=True)
class ClaimEntry:
    """A claim with its typed value, resolved evidence and the problems its checks found."""

    id: str
    kind: str
    party: str
    speaker: str | None
    subject: str
    topic: str
    period: Period
    stated: Period
    forecast: bool
    note: str | None
    file: str | None
    line: int | None
    value: ClaimValue
    evidence: tuple[EvidenceEntry, ...]
    problems: tuple[ProblemEntry, ...]
    ok: bool
    reported_by: str | None = None
    deadline: PartialDate | None = None


@attrs.frozen(kw_only=True)
class FindingValue:
    """One claim's value as a finding compares it; lo and hi are None when not a number."""

    claim: str
    stated: str
    lo: float | None = None
    hi: float | None = None


@attrs.frozen(kw_only=True)
class VerdictEntry:
    """A reviewer's decision on a finding."""

    verdict: Literal["upheld", "dismissed", "explained"]
    note: str
    reviewer: str | None = None


@attrs.frozen(kw_only=True)
class FindingEntry:
    """A finding with its verdict (None if not reviewed)."""

    id: str
    rule: str
    severity: Severity
    claims: tuple[str, ...]
    parties: tuple[str, ...]
    subject: str | None
    topic: str | None
    message: str
    values: tuple[FindingValue, ...]
    rounding: bool
    verdict: VerdictEntry | None
    dispute: str | None = None
    unproven: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class DisputeEntry:
    """One thing disputed: its findings, the claims and parties on its sides, its verdict (None
    when it has none of its own)."""

    id: str
    severity: Severity
    subject: str | None
    topic: str | None
    about: str
    findings: tuple[str, ...]
    claims: tuple[str, ...]
    parties: tuple[str, ...]
    verdict: VerdictEntry | None = None


@attrs.frozen(kw_only=True)
class StaleVerdict:
    """A verdict naming a finding the audit no longer makes."""

    finding: str
    verdict: Literal["upheld", "dismissed", "explained"]
    note: str
    file: str | None = None
    line: int | None = None


@attrs.frozen(kw_only=True)
class Uncovered:
    """A number or graded word of a source that no claim's quote covers."""

    line: int
    text: str
    kind: StatementKind


@attrs.frozen(kw_only=True)
class SourceCoverageEntry:
    """Coverage of one source; `ignored` counts statements on ignored lines."""

    source: str
    percent: float
    covered: int
    total: int
    ignored: int
    uncovered: tuple[Uncovered, ...]


@attrs.frozen(kw_only=True)
class CoverageEntry:
    """Coverage of all sources against the threshold."""

    threshold: float
    percent: float
    covered: int
    total: int
    ok: bool
    sources: tuple[SourceCoverageEntry, ...]


@attrs.frozen(kw_only=True)
class FindingCounts:
    """How many findings of each severity."""

    contradiction: int = 0
    tension: int = 0
    unmatched: int = 0
    changed: int = 0
    corroborated: int = 0


@attrs.frozen(kw_only=True)
class Summary:
    """The counts a reader looks at first; `ok` is whether the audit passes."""

    claims: int
    passed: int
    failed: int
    warnings: int
    findings: FindingCounts
    unreviewed: int
    stale_verdicts: int
    coverage_percent: float | None
    ok: bool


@attrs.frozen(kw_only=True)
class Report:
    """Everything an audit found, in a stable order."""

    schema: str = SCHEMA
    generated_by: str
    sources: tuple[SourceEntry, ...]
    parties: tuple[PartyEntry, ...]
    speakers: tuple[SpeakerEntry, ...]
    claims: tuple[ClaimEntry, ...]
    findings: tuple[FindingEntry, ...]
    stale_verdicts: tuple[StaleVerdict, ...]
    coverage: CoverageEntry | None
    summary: Summary
    disputes: tuple[DisputeEntry, ...] = ()
