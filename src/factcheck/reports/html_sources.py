"""Sources and failed claims as the HTML report shows them.

A source text is cut into segments at every quote's start and end and at every line
break, so overlapping quotes each keep their marks and a quote over two lines is marked
on both. Nothing is escaped here: the Jinja2 templates autoescape every string.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

import attrs

from .html_findings import Lines
from .records import (
    ClaimEntry,
    EvidenceEntry,
    FindingEntry,
    ProblemEntry,
    SourceCoverageEntry,
    SourceEntry,
    Uncovered,
)


@attrs.frozen(kw_only=True)
class Segment:
    """A run of a line's text; `claims` are the claims whose quotes cover all of it."""

    text: str
    claims: tuple[str, ...] = ()
    anchor: str | None = None
    """The id of the quote mark that starts here, when one does."""


@attrs.frozen(kw_only=True)
class LineView:
    """A numbered line of a source, cut into segments, with its uncovered statements."""

    number: int
    segments: tuple[Segment, ...]
    uncovered: tuple[Uncovered, ...] = ()


@attrs.frozen(kw_only=True)
class ClaimRef:
    """A claim listed under a source its quote anchors in."""

    claim: ClaimEntry
    party: str
    value: str
    quote: str | None
    """The id of the claim's mark in this source, None when its quote did not anchor."""
    home: bool
    """Whether the claim's own anchor (`C-…`) is here: its first source only."""
    findings: tuple[FindingEntry, ...]


@attrs.frozen(kw_only=True)
class SourceView:
    """A source with its text marked, its coverage and the claims quoting it."""

    source: SourceEntry
    lines: tuple[LineView, ...]
    coverage: SourceCoverageEntry | None
    claims: tuple[ClaimRef, ...]
    missing: bool
    """True when the audit has no text for the source (it could not be read)."""

    @property
    def height(self) -> int:
        """About how tall the source is drawn, in pixels, so the page can skip laying it out."""
        text = sum(24 * (1 + sum(len(s.text) for s in line.segments) // 110) + 7
                   for line in self.lines if line.segments)
        return 260 + text + 30 * len(self.claims) + 24 * len(self.coverage.uncovered if self.coverage else ())


@attrs.frozen(kw_only=True)
class EvidenceLine:
    """Where a piece of a failed claim's evidence points: the source line, if it anchored."""

    evidence: EvidenceEntry
    path: str
    line: int | None
    text: str | None


@attrs.frozen(kw_only=True)
class ProblemClaim:
    """A claim that failed a check, or has a warning, with what its evidence points at."""

    claim: ClaimEntry
    party: str
    errors: tuple[ProblemEntry, ...]
    warnings: tuple[ProblemEntry, ...]
    evidence: tuple[EvidenceLine, ...]


def quote_id(source: str, start: int) -> str:
    """The HTML id of the mark of a quote starting at offset `start` of `source`."""
    return f"Q-{source}-{start}"


def mark_lines(source: str, text: str, quotes: Sequence[tuple[int, int, str]],
               uncovered: Sequence[Uncovered] = ()) -> tuple[LineView, ...]:
    """The lines of `text`, each cut into segments marked with the claims whose quote covers them.

    `quotes` are (start, end, claim id); a sweep over their ends keeps this linear in the
    text plus the quotes, however they overlap.
    """
    lines = Lines(text)
    cuts = {0, len(text)}
    for start, end, _ in quotes:
        cuts.update((start, end))
    cuts.update(lines.starts)
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for start, end, claim in quotes:
        if start < end:
            opens.setdefault(start, []).append(claim)
            closes.setdefault(end, []).append(claim)
    starts = set(lines.starts)
    by_line: dict[int, list[Uncovered]] = {}
    for item in uncovered:
        by_line.setdefault(item.line, []).append(item)
    active: dict[str, int] = {}
    result: list[LineView] = []
    current: list[Segment] = []
    number = 0
    for here, there in pairwise(points):
        for claim in closes.get(here, ()):
            active[claim] -= 1
            if not active[claim]:
                del active[claim]
        for claim in opens.get(here, ()):
            active[claim] = active.get(claim, 0) + 1
        if here in starts:
            if number:
                result.append(LineView(number=number, segments=tuple(current),
                                       uncovered=tuple(by_line.get(number, ()))))
            number, current = number + 1, []
        piece = text[here:there].replace("\r", "").removesuffix("\n")
        if piece:
            current.append(Segment(text=piece, claims=tuple(sorted(active)),
                                   anchor=quote_id(source, here) if here in opens else None))
    if number:
        result.append(LineView(number=number, segments=tuple(current),
                               uncovered=tuple(by_line.get(number, ()))))
    return tuple(result)


def source_views(sources: Sequence[SourceEntry], claims: Sequence[ClaimEntry], *,
                 texts: Mapping[str, str], coverage: Mapping[str, SourceCoverageEntry],
                 parties: Mapping[str, str],
                 findings: Mapping[str, Sequence[FindingEntry]]) -> tuple[SourceView, ...]:
    """Every source with its marked text and the claims that quote it, in report order."""
    quotes: dict[str, list[tuple[int, int, str]]] = {}
    refs: dict[str, list[ClaimRef]] = {}
    for claim in claims:
        seen: set[str] = set()
        home = True
        for evidence in claim.evidence:
            anchor = evidence.anchor
            if anchor is not None:
                quotes.setdefault(evidence.source, []).append((anchor.start, anchor.end, claim.id))
            if evidence.source in seen:
                continue
            seen.add(evidence.source)
            refs.setdefault(evidence.source, []).append(ClaimRef(
                claim=claim, party=parties.get(claim.party, claim.party), value=claim.value.describe(),
                quote=quote_id(evidence.source, anchor.start) if anchor is not None else None,
                home=home, findings=tuple(findings.get(claim.id, ()))))
            home = False
    views = []
    for source in sources:
        text = texts.get(source.id)
        cover = coverage.get(source.id)
        views.append(SourceView(
            source=source, coverage=cover, claims=tuple(refs.get(source.id, ())),
            lines=() if text is None else mark_lines(source.id, text, quotes.get(source.id, ()),
                                                     cover.uncovered if cover else ()),
            missing=text is None))
    return tuple(views)


def problem_claims(claims: Sequence[ClaimEntry], *, texts: Mapping[str, str],
                   paths: Mapping[str, str], parties: Mapping[str, str],
                   failed: bool) -> tuple[ProblemClaim, ...]:
    """The claims that failed (`failed`), or else those that passed with warnings."""
    lines: dict[str, Lines] = {}
    shown = []
    for claim in claims:
        if claim.ok != (not failed) or (not failed and not claim.problems):
            continue
        evidence = []
        for item in claim.evidence:
            text = texts.get(item.source)
            line = item.anchor.line if item.anchor is not None else None
            words = None
            if text is not None and line is not None:
                words = lines.setdefault(item.source, Lines(text)).line(line)
            evidence.append(EvidenceLine(evidence=item, path=paths.get(item.source, item.source),
                                         line=line, text=words))
        shown.append(ProblemClaim(
            claim=claim, party=parties.get(claim.party, claim.party),
            errors=tuple(p for p in claim.problems if p.level == "error"),
            warnings=tuple(p for p in claim.problems if p.level != "error"),
            evidence=tuple(evidence)))
    return tuple(shown)
