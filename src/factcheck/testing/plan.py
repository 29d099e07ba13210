"""What a synthetic corpus was built to contain, and how an audit's findings score against it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import attrs

from ..rules.findings import Finding, Severity, finding_id

Format = Literal["toml", "jsonl"]


@attrs.frozen(kw_only=True)
class Planted:
    """A finding the corpus was built to contain."""

    rule: str
    severity: Severity
    claims: frozenset[str]

    @property
    def id(self) -> str:
        return finding_id(self.rule, self.claims)


@attrs.frozen(kw_only=True)
class Score:
    """How the findings of a run compare with the plan."""

    expected: int
    found: int
    true_positives: int
    missing: frozenset[tuple[str, frozenset[str]]]
    unexpected: frozenset[tuple[str, frozenset[str]]]

    @property
    def precision(self) -> float:
        return self.true_positives / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0


@attrs.frozen(kw_only=True)
class Plan:
    """What `generate` wrote: where, how much, and the findings it planted."""

    root: Path
    claims: int
    sources: int
    fmt: Format
    seed: int
    planted: tuple[Planted, ...]

    @property
    def expected(self) -> frozenset[tuple[str, frozenset[str]]]:
        """The planted findings as (severity, claim ids)."""
        return frozenset((p.severity, p.claims) for p in self.planted)

    def count(self, severity: Severity) -> int:
        return sum(p.severity == severity for p in self.planted)

    def score(self, findings: Iterable[Finding]) -> Score:
        """Precision and recall of `findings` (all of them, any severity) against the plan."""
        found = frozenset((f.severity, frozenset(f.claims)) for f in findings)
        expected = self.expected
        hits = found & expected
        return Score(expected=len(expected), found=len(found), true_positives=len(hits),
                     missing=expected - found, unexpected=found - expected)
