"""The audit: every claim's evidence checked, the rules run, and findings matched to verdicts."""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Iterable, Iterator

import attrs

from .checks.coverage import Coverage
from .checks.evidence import ClaimResult
from .corpus import Corpus, Verdict
from .errors import Location, Problem
from .map_step import (
    SOURCES_PER_STEP,
    Carried,
    Checked,
    Progress,
    Quoting,
    SourcesPart,
    check_sources,
    gather_parts,
    home_evidence,
    map_sources,
    quoting,
    source_order,
)
from .rules import Context, Rule, find, key_lint, make_context
from .rules.disputes import Dispute, group_disputes
from .rules.findings import NEEDS_VERDICT, Finding

__all__ = [
    "SOURCES_PER_STEP",
    "Audit",
    "Carried",
    "Checked",
    "Progress",
    "Quoting",
    "SourcesPart",
    "assemble",
    "audit",
    "check_sources",
    "cyclic_gc_paused",
    "gather_parts",
    "home_evidence",
    "map_sources",
    "mark_unproven",
    "quoting",
    "review_problems",
    "source_order",
    "stale_verdict_problem",
    "stale_verdicts",
    "unreviewed",
]


@attrs.frozen(kw_only=True)
class Audit:
    """The result of auditing a corpus: per-claim results, findings and review problems."""

    corpus: Corpus = attrs.field(repr=False)
    results: tuple[ClaimResult, ...]
    findings: tuple[Finding, ...] = ()
    _review: tuple[Problem, ...] | None = attrs.field(default=(), eq=False, repr=False)
    """The review problems given, or None: worked out from the findings, the disputes and the
    verdicts when first asked for (`review`), since each quotes a finding's message."""
    coverage: Coverage | None = None
    disputes: tuple[Dispute, ...] = ()
    lint: tuple[Problem, ...] = ()
    """Review problems about the claims' keys (`key_lint`), given with a review worked out later."""
    _written: dict[str, tuple[Problem, ...]] = attrs.field(factory=dict, init=False, eq=False,
                                                           repr=False)

    @property
    def review(self) -> tuple[Problem, ...]:
        """Problems for the reviewer: findings and disputes without a verdict, stale verdicts,
        and the `lint`."""
        if self._review is not None:
            return self._review
        if "review" not in self._written:
            self._written["review"] = (review_problems(self.corpus, self.findings, self.disputes)
                                       + self.lint)
        return self._written["review"]

    @property
    def review_warnings(self) -> int:
        """How many of the review problems are warnings, without writing them."""
        if self._review is not None or "review" in self._written:
            return sum(1 for p in self.review if p.level == "warning")
        return sum(1 for p in self.lint if p.level == "warning")  # the others are all errors

    @functools.cached_property
    def verdicts(self) -> dict[str, Verdict]:
        """The corpus's verdicts by the id of the finding or dispute each judges (worked out
        once: `verdict_on` is asked of every finding)."""
        return {v.judges: v for v in self.corpus.verdicts}

    @functools.cached_property
    def dispute_of(self) -> dict[str, Dispute]:
        """Each finding that needs a verdict, by id, with the dispute it belongs to (worked
        out once)."""
        return {f: d for d in self.disputes for f in d.findings}

    def verdict_on(self, finding: Finding) -> Verdict | None:
        """The finding's own verdict, else its dispute's."""
        verdicts = self.verdicts
        dispute = self.dispute_of.get(finding.id)
        return verdicts.get(finding.id) or (verdicts.get(dispute.id) if dispute else None)

    @property
    def unreviewed(self) -> tuple[Finding, ...]:
        """Findings that need a verdict and have none, of their own or of their dispute."""
        return unreviewed(self.corpus, self.findings, self.disputes)

    @property
    def unreviewed_disputes(self) -> tuple[Dispute, ...]:
        """Disputes with a finding that has no verdict: each is one item to review."""
        waiting = {f.id for f in self.unreviewed}
        return tuple(d for d in self.disputes if waiting & set(d.findings))

    @property
    def stale_verdicts(self) -> tuple[Verdict, ...]:
        """Verdicts on findings or disputes the audit no longer makes: each fails the audit."""
        return stale_verdicts(self.corpus, self.findings, self.disputes)

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
        """No error: in the claims' checks, nor in the review (each finding without a verdict
        and each stale verdict is one, so the review need not be written to know)."""
        if any(p.level == "error" for r in self.results for p in r.problems):
            return False
        if self._review is not None or "review" in self._written:
            return not any(p.level == "error" for p in self.review)
        return not (self.unreviewed or self.stale_verdicts
                    or any(p.level == "error" for p in self.lint))


def stale_verdicts(corpus: Corpus, findings: Iterable[Finding],
                   disputes: Iterable[Dispute] = ()) -> tuple[Verdict, ...]:
    """The corpus's verdicts on findings or disputes that are not among those given."""
    judged = {v.judges for v in corpus.verdicts}  # a few: not a set of a million findings' ids
    known = {f.id for f in findings if f.id in judged} | {d.id for d in disputes if d.id in judged}
    return tuple(sorted((v for v in corpus.verdicts if v.judges not in known),
                        key=lambda v: v.judges))


def unreviewed(corpus: Corpus, findings: Iterable[Finding],
               disputes: Iterable[Dispute] = ()) -> tuple[Finding, ...]:
    """Findings that need a verdict and have none, of their own or of their dispute."""
    judged = {v.judges for v in corpus.verdicts}
    judged |= {f for d in disputes if d.id in judged for f in d.findings}
    return tuple(f for f in findings if f.severity in NEEDS_VERDICT and f.id not in judged)


def stale_verdict_problem(corpus: Corpus, verdict: Verdict) -> Problem:
    """The review problem a stale verdict is, located at the verdict."""
    origin = corpus.origins.get(f"verdict:{verdict.judges}")
    return Problem(check="review", message=f"verdict for {verdict.judges!r}, which no "
                   "longer exists; remove it or re-review the claims it was about",
                   location=Location(file=origin.file if origin else None,
                                     line=origin.line if origin else None, field="finding"))


def review_problems(corpus: Corpus, findings: Iterable[Finding],
                    disputes: Iterable[Dispute] = ()) -> tuple[Problem, ...]:
    """A problem for each dispute with findings that have no verdict (or, outside any dispute,
    each such finding), and one for each stale verdict."""
    findings, disputes = tuple(findings), tuple(disputes)
    waiting = {f.id: f for f in unreviewed(corpus, findings, disputes)}
    problems = []
    grouped: set[str] = set()
    for dispute in disputes:
        open_findings = [waiting[f] for f in dispute.findings if f in waiting]
        if not open_findings:
            continue
        grouped.update(f.id for f in open_findings)
        first = open_findings[0]
        what = (f"{first.severity} {first.id} ({first.rule}) has" if len(open_findings) == 1 else
                f"{len(open_findings)} findings ({', '.join(f.id for f in open_findings)}) have")
        problems.append(_unreviewed_problem(
            corpus, first, f"dispute {dispute.id} about {dispute.about!r}: {what} no verdict in "
            f"verdicts.toml (give the dispute one, `dispute = \"{dispute.id}\"`, or each "
            f"finding its own): {first.message}"))
    for finding in waiting.values():
        if finding.id not in grouped:
            problems.append(_unreviewed_problem(
                corpus, finding, f"{finding.severity} {finding.id} ({finding.rule}) has no "
                f"verdict in verdicts.toml: {finding.message}"))
    problems.extend(stale_verdict_problem(corpus, v)
                    for v in stale_verdicts(corpus, findings, disputes))
    return tuple(problems)


def _unreviewed_problem(corpus: Corpus, finding: Finding, message: str) -> Problem:
    origin = corpus.origins.get(finding.claims[0]) if finding.claims else None
    return Problem(check="review", message=message, location=Location(
        file=origin.file if origin else None, line=origin.line if origin else None,
        claim=finding.claims[0] if finding.claims else None))


def mark_unproven(findings: Iterable[Finding], results: Iterable[ClaimResult],
                  ) -> tuple[Finding, ...]:
    """Each finding with the failing checks of its claims, so none rests unseen on a claim the
    audit could not prove."""
    failing = {r.claim.id: sorted(checks) for r in results
               if (checks := {p.check for p in r.problems if p.level == "error"})}
    return tuple(attrs.evolve(f, unproven=tuple(f"{c}: {check}" for c in f.claims
                                                for check in failing.get(c, ())))
                 if any(failing.get(c) for c in f.claims) else f for f in findings)


def assemble(corpus: Corpus, checked: Checked, findings: Iterable[Finding],
             context: Context) -> Audit:
    """The audit from the map step's checks and the reduce step's findings."""
    findings = mark_unproven(findings, checked.results)
    disputes = group_disputes(findings, context)
    coverage = None if checked.coverage is None else Coverage(
        sources=checked.coverage, threshold=corpus.coverage.threshold)
    return Audit(corpus=corpus, results=checked.results, findings=findings, disputes=disputes,
                 review=None, lint=key_lint(context), coverage=coverage)


def audit(corpus: Corpus, *, rules: Iterable[Rule] | None = None,
          progress: Progress | None = None, coverage: bool = True) -> Audit:
    """Check every claim of `corpus` against its sources, then run the rules.

    A few sources at a time (the map step), so only their numbers are held at once; then the
    rules, key by key (the reduce step). `factcheck.distributed` runs the same steps on Dask.
    With `coverage` false, the sources' coverage is not measured (`Audit.coverage` is None): for
    a caller that reports none, such as the pytest plugin without a report to write."""
    checked = gather_parts(corpus, map_sources(corpus, progress=progress, coverage=coverage))
    context = make_context(corpus)
    return assemble(corpus, checked, find(corpus, rules, context=context), context)


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a front end loads and audits a corpus.

    A corpus is hundreds of thousands of small acyclic records; the collector would walk
    them again and again for nothing (a quarter of the run at 100,000 claims). Reference
    counting still frees everything; the collector is restored afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
