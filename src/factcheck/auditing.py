"""The audit: every claim's evidence checked, the rules run, and findings matched to verdicts."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from .checks.coverage import Coverage, measure_coverage
from .checks.evidence import ClaimResult, check_claim
from .corpus import Corpus, Verdict
from .errors import Location, Problem
from .rules import Rule, find, key_lint, make_context
from .rules.disputes import Dispute, group_disputes
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
    disputes: tuple[Dispute, ...] = ()

    @property
    def verdicts(self) -> dict[str, Verdict]:
        """The corpus's verdicts by the id of the finding or dispute each judges."""
        return {v.judges: v for v in self.corpus.verdicts}

    @property
    def dispute_of(self) -> dict[str, Dispute]:
        """Each finding that needs a verdict, by id, with the dispute it belongs to."""
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
        return not self.errors


def stale_verdicts(corpus: Corpus, findings: Iterable[Finding],
                   disputes: Iterable[Dispute] = ()) -> tuple[Verdict, ...]:
    """The corpus's verdicts on findings or disputes that are not among those given."""
    known = {f.id for f in findings} | {d.id for d in disputes}
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
    failing = {r.claim.id: sorted({p.check for p in r.problems if p.level == "error"})
               for r in results}
    return tuple(attrs.evolve(f, unproven=tuple(f"{c}: {check}" for c in f.claims
                                                for check in failing.get(c, ())))
                 if any(failing.get(c) for c in f.claims) else f for f in findings)


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
    findings = mark_unproven(find(corpus, rules, context=context), results)
    disputes = group_disputes(findings, context)
    coverage = measure_coverage(corpus, ((r.claim, r.anchors) for r in results), mentions=mentions)
    return Audit(corpus=corpus, results=tuple(results), findings=findings, disputes=disputes,
                 review=review_problems(corpus, findings, disputes) + key_lint(context),
                 coverage=coverage)
