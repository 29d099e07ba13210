"""The audit: every claim's evidence checked, the rules run, and findings matched to verdicts."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

import attrs

from .checks.coverage import Coverage, SourceCoverage, graded_words, source_coverage
from .checks.evidence import ClaimResult, anchor_of, check_claim
from .corpus import Corpus, Verdict
from .errors import FactcheckError, Location, Problem
from .rules import Context, Rule, find, key_lint, make_context
from .rules.disputes import Dispute, group_disputes
from .rules.findings import NEEDS_VERDICT, Finding
from .text.numbers import NumberMention, find_numbers

Progress = Callable[[int, int], None]
"""Called as progress(done, total) while claims are checked."""


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


SOURCES_PER_STEP = 64
"""Sources a map step of the in-process audit takes at once: their numbers are held together."""
Quoting = Mapping[str, Sequence[tuple[int, int]]]
"""For each source, the quotes in it: (index of the claim in the corpus, index of the evidence)."""


@attrs.frozen(kw_only=True)
class SourcesPart:
    """The map step's result for some sources: the checked claims whose first quote is in one of
    them (with each claim's index in the corpus) and the coverage of each of them."""

    results: tuple[tuple[int, ClaimResult], ...]
    coverage: tuple[SourceCoverage, ...]


def quoting(corpus: Corpus) -> dict[str, list[tuple[int, int]]]:
    """Where each claim quotes: for each source, (claim index, evidence index) of its quotes."""
    found: dict[str, list[tuple[int, int]]] = {}
    for index, claim in enumerate(corpus.claims):
        for number, evidence in enumerate(claim.evidence):
            found.setdefault(evidence.source, []).append((index, number))
    return found


def check_sources(corpus: Corpus, sources: Sequence[str], quotes: Quoting, *,
                  progress: Callable[[], None] | None = None) -> SourcesPart:
    """The map step of an audit over some sources: read each one's numbers once, check every
    claim whose first quote is in one of them, and measure their coverage; the numbers read are
    dropped when the step ends. A quote in one of them by a claim checked elsewhere is anchored
    again here (anchoring is a pure function of the quote and the text)."""
    mine = set(sources)
    mentions = {source: find_numbers(corpus.texts[source]) for source in sources
                if source in corpus.texts}

    def numbers_of(source: str) -> list[NumberMention]:
        if source not in mentions:
            mentions[source] = find_numbers(corpus.texts[source])
        return mentions[source]

    results: dict[int, ClaimResult] = {}
    lazy = _Lazy(corpus.texts, numbers_of)  # for a claim that also quotes another source
    for source in sources:
        for index, number in quotes.get(source, ()):
            if number == 0:
                claim = corpus.claims[index]
                results[index] = check_claim(
                    claim, corpus, mentions=mentions if len(claim.evidence) == 1 else lazy)
                if progress is not None:
                    progress()
    coverage = []
    words = graded_words(corpus, corpus.coverage)
    for source in sources:
        if source not in corpus.sources:
            continue
        spans = []
        for index, number in quotes.get(source, ()):
            claim = corpus.claims[index]
            if claim.evidence[0].source in mine:
                anchor = results[index].anchors[number]
            else:
                anchor = anchor_of(corpus.texts[source], claim.evidence[number])
            if anchor is not None and anchor.match != "fuzzy":
                spans.append((anchor.start, anchor.end))
        coverage.append(source_coverage(corpus, source, spans, words, corpus.coverage,
                                        numbers_of(source)))
    return SourcesPart(results=tuple(sorted(results.items())), coverage=tuple(coverage))


class _Lazy(Mapping[str, Sequence[NumberMention]]):
    """The numbers of the given sources, read when first asked for."""

    def __init__(self, sources: Mapping[str, object],
                 read: Callable[[str], list[NumberMention]]) -> None:
        self._sources, self._read = sources, read

    def __getitem__(self, source: str) -> list[NumberMention]:
        if source not in self._sources:
            raise KeyError(source)
        return self._read(source)

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


def source_order(corpus: Corpus, quotes: Quoting) -> list[str]:
    """The sources of a corpus and those its claims quote, in order."""
    return sorted(set(corpus.sources) | set(quotes))


@attrs.frozen(kw_only=True)
class Checked:
    """The map step's parts put together: every claim's result in corpus order, and the
    coverage of every source in order of its id."""

    results: tuple[ClaimResult, ...]
    coverage: tuple[SourceCoverage, ...]


def gather_parts(corpus: Corpus, parts: Iterable[SourcesPart]) -> Checked:
    """The map step's parts, taken one at a time (each can be dropped once taken), put together."""
    results: list[ClaimResult | None] = [None] * len(corpus.claims)
    sources: list[SourceCoverage] = []
    for part in parts:
        for index, result in part.results:
            results[index] = result
        sources.extend(part.coverage)
    checked = tuple(r for r in results if r is not None)
    if len(checked) != len(results):
        raise FactcheckError("a claim was not checked: its first quote's source was in no part")
    return Checked(results=checked, coverage=tuple(sorted(sources, key=lambda s: s.source)))


def assemble(corpus: Corpus, checked: Checked, findings: Iterable[Finding],
             context: Context) -> Audit:
    """The audit from the map step's checks and the reduce step's findings."""
    findings = mark_unproven(findings, checked.results)
    disputes = group_disputes(findings, context)
    coverage = Coverage(sources=checked.coverage, threshold=corpus.coverage.threshold)
    return Audit(corpus=corpus, results=checked.results, findings=findings, disputes=disputes,
                 review=None, lint=key_lint(context), coverage=coverage)


def map_sources(corpus: Corpus, *, progress: Progress | None = None) -> Iterator[SourcesPart]:
    """The map step over every source, `SOURCES_PER_STEP` at a time, in this process: a part
    is made when it is asked for, so `gather_parts` holds one at a time."""
    quotes = quoting(corpus)
    total, done = len(corpus.claims), 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    order = source_order(corpus, quotes)
    return (check_sources(corpus, order[i:i + SOURCES_PER_STEP], quotes, progress=step)
            for i in range(0, len(order), SOURCES_PER_STEP))


def audit(corpus: Corpus, *, rules: Iterable[Rule] | None = None,
          progress: Progress | None = None) -> Audit:
    """Check every claim of `corpus` against its sources, then run the rules.

    A few sources at a time (the map step), so only their numbers are held at once; then the
    rules, key by key (the reduce step). `factcheck.distributed` runs the same steps on Dask."""
    checked = gather_parts(corpus, map_sources(corpus, progress=progress))
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
