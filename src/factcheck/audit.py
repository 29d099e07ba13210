"""The audit: every claim's evidence checked, then (as they land) rules and coverage."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from .errors import Problem
from .evidence import ClaimResult, check_claim
from .model import Corpus

Progress = Callable[[int, int], None]
"""Called as progress(done, total) while claims are checked."""


@attrs.frozen(kw_only=True)
class Audit:
    """The result of auditing a corpus."""

    corpus: Corpus = attrs.field(repr=False)
    results: tuple[ClaimResult, ...]

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(p for r in self.results for p in r.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == "warning")

    @property
    def ok(self) -> bool:
        return not self.errors


def audit(corpus: Corpus, *, progress: Progress | None = None) -> Audit:
    """Check every claim of `corpus` against its sources."""
    results = []
    total = len(corpus.claims)
    for done, claim in enumerate(corpus.claims, start=1):
        results.append(check_claim(claim, corpus))
        if progress is not None:
            progress(done, total)
    return Audit(corpus=corpus, results=tuple(results))
