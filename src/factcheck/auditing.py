"""The audit: every claim's evidence checked, the rules run, and findings matched to verdicts."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from .checks.coverage import Coverage, measure_coverage
from .checks.evidence import ClaimResult, check_claim
from .corpus import Corpus, Verdict
from .errors import Location, Problem
from .rules import Rule, find, key_lint, make_context
from .rules.findings import NEEDS_VERDICT, Finding
from .text.numbers import find_numbers

Progress = Callable[[int, int], None]
"""Called as progress(done, total) while claims are checked."""


@attrs.frozen(kw_only=True)
class Audit:
    """The result of auditing a corpus: per-claim results, findings and review problems."""

    corpus: Corpus = attrs.field(repr=False)
    results: tuple[ClaimResult, ...]
    findings: tuple[Finding, ...] = ()
    review: tuple[Problem, ...] = ()
    coverage: Coverage | None = None

    @property
    def verdicts(self) -> dict[str, Verdict]:
        return {v.finding: v for v in self.corpus.verdicts}

    @property
    def unreviewed(self) -> tuple[Finding, ...]:
        """Contradictions and tensions that no verdict covers: each fails the audit."""
        verdicts = self.verdicts
        return tuple(f for f in self.findings
                     if f.severity in NEEDS_VERDICT and f.id not in verdicts)

    @property
    def stale_verdicts(self) -> tuple[Verdict, ...]:
        """Verdicts on findings the audit no longer makes: each fails the audit."""
        return stale_verdicts(self.corpus, self.findings)

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(p for r in self.results for p in r.problems) + self.review

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == "warning")

    @property
    def ok(self) -> bool:
        return not self.errors


def stale_verdicts(corpus: Corpus, findings: Iterable[Finding]) -> tuple[Verdict, ...]:
    """The corpus's verdicts on findings that are not among `findings`, by finding id."""
    known = {f.id for f in findings}
    return tuple(sorted((v for v in corpus.verdicts if v.finding not in known),
                        key=lambda v: v.finding))


def stale_verdict_problem(corpus: Corpus, verdict: Verdict) -> Problem:
    """The review problem a stale verdict is, located at the verdict."""
    origin = corpus.origins.get(f"verdict:{verdict.finding}")
    return Problem(check="review", message=f"verdict for finding {verdict.finding!r}, which no "
                   "longer exists; remove it or re-review the claims it was about",
                   location=Location(file=origin.file if origin else None,
                                     line=origin.line if origin else None, field="finding"))


def review_problems(corpus: Corpus, findings: Iterable[Finding]) -> tuple[Problem, ...]:
    """A problem for each contradiction or tension without a verdict, and each stale verdict."""
    findings = tuple(findings)
    verdicts = {v.finding: v for v in corpus.verdicts}
    problems = []
    for finding in findings:
        if finding.severity in NEEDS_VERDICT and finding.id not in verdicts:
            origin = corpus.origins.get(finding.claims[0]) if finding.claims else None
            problems.append(Problem(
                check="review", message=f"{finding.severity} {finding.id} ({finding.rule}) has "
                f"no verdict in verdicts.toml: {finding.message}",
                location=Location(file=origin.file if origin else None,
                                  line=origin.line if origin else None,
                                  claim=finding.claims[0] if finding.claims else None)))
    problems.extend(stale_verdict_problem(corpus, v) for v in stale_verdicts(corpus, findings))
    return tuple(problems)


def audit(corpus: Corpus, *, rules: Iterable[Rule] | None = None,
          progress: Progress | None = None) -> Audit:
    """Check every claim of `corpus` against its sources, then run the rules."""
    mentions = {source: find_numbers(text) for source, text in corpus.texts.items()}
    results = []
    total = len(corpus.claims)
    for done, claim in enumerate(corpus.claims, start=1):
        results.append(check_claim(claim, corpus, mentions=mentions))
        if progress is not None:
            progress(done, total)
    context = make_context(corpus)
    findings = find(corpus, rules, context=context)
    coverage = measure_coverage(corpus, ((r.claim, r.anchors) for r in results), mentions=mentions)
    return Audit(corpus=corpus, results=tuple(results), findings=findings,
                 review=review_problems(corpus, findings) + key_lint(context), coverage=coverage)
