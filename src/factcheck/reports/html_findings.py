"""Findings as the HTML report shows them: grouped into disputes, each claim with its quote in context.

Everything here reads the `Report` records (and the source texts, for context around a
quote); nothing is escaped here, since the Jinja2 templates autoescape every string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from ..corpus.kinds.base import Bound
from .records import ClaimEntry, DisputeEntry, EvidenceEntry, FindingEntry, FindingValue

CONTEXT_LINES = 1
"""How many non-blank source lines to show before and after a quote's own lines."""
CONTEXT_CHARS = 160
"""At most this many characters of context on each side of a quote."""
VERDICTS: tuple[str, ...] = ("upheld", "explained", "dismissed", "none")

_SLUG = re.compile(r"[^a-z0-9]+")
_BLANK_LINES = re.compile(r"\n\s*\n")


@attrs.frozen(kw_only=True)
class Dispute:
    """The findings of one dispute of the report, under its stable id."""

    id: str
    subject: str | None
    topic: str | None
    about: str
    findings: tuple[FindingEntry, ...]

    @property
    def parties(self) -> tuple[str, ...]:
        return tuple(sorted({p for f in self.findings for p in f.parties}))


@attrs.frozen(kw_only=True)
class Context:
    """A quote within a few lines of its source: the text before it, the quote, the text after."""

    before: str
    quote: str
    after: str
    line: int
    end_line: int
    match: str


@attrs.frozen(kw_only=True)
class QuoteView:
    """One piece of a claim's evidence; `context` is None when the quote did not anchor."""

    source: str
    title: str
    quote: str
    context: Context | None


@attrs.frozen(kw_only=True)
class Side:
    """One claim of a finding, as a reader compares it with the other side."""

    claim: ClaimEntry
    party: str
    speaker: str | None
    value: str
    compared: FindingValue | None
    quotes: tuple[QuoteView, ...]


@attrs.frozen(kw_only=True)
class FindingView:
    """A finding with its claims side by side; `others` are values of no claim (a relation's)."""

    finding: FindingEntry
    sides: tuple[Side, ...]
    others: tuple[FindingValue, ...]
    parties: tuple[str, ...]
    verdict: str


def slug(text: str) -> str:
    """Lower-case letters, digits and single hyphens: a readable piece of an HTML id."""
    return _SLUG.sub("-", text.lower()).strip("-") or "x"


def group_disputes(findings: Iterable[FindingEntry],
                   disputes: Iterable[DisputeEntry]) -> tuple[Dispute, ...]:
    """The report's disputes with their findings, in the report's order."""
    by_id = {f.id: f for f in findings}
    return tuple(Dispute(id=d.id, subject=d.subject, topic=d.topic, about=d.about,
                         findings=tuple(by_id[f] for f in d.findings if f in by_id))
                 for d in disputes)


def verdict_key(finding: FindingEntry) -> str:
    """The finding's verdict, or 'none'."""
    return finding.verdict.verdict if finding.verdict is not None else "none"


def number(x: float) -> str:
    """A bound as people write it: no trailing '.0', thousands separated."""
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.6g}"


def interval(lo: Bound, hi: Bound) -> str:
    """An interval in mathematical notation; an unbounded end is an infinity."""
    left = "(−∞" if lo is None else f"[{number(lo)}"
    right = "∞)" if hi is None else f"{number(hi)}]"
    return f"{left}, {right}"


class Lines:
    """A source text split into lines, with the offset each starts at, for quoting context."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def line(self, number: int) -> str:
        """Line `number` (1-based) without its line break; '' when out of range."""
        return self.lines[number - 1].rstrip("\r") if 1 <= number <= len(self.lines) else ""

    def _step(self, index: int, step: int, count: int) -> int:
        """The index `count` non-blank lines away from `index` in direction `step`."""
        while count > 0 and 0 <= index + step < len(self.lines):
            index += step
            if self.lines[index].strip():
                count -= 1
        return index

    def context(self, evidence: EvidenceEntry, *, lines: int = CONTEXT_LINES,
                chars: int = CONTEXT_CHARS) -> Context | None:
        """The quote of `evidence` with the lines around it, trimmed to `chars` on each side."""
        anchor = evidence.anchor
        if anchor is None or not 0 <= anchor.start <= anchor.end <= len(self.text):
            return None
        first = self._step(anchor.line - 1, -1, lines)
        last = self._step(anchor.end_line - 1, 1, lines)
        begin = self.starts[first]
        end = self.starts[last] + len(self.lines[last])
        before = _BLANK_LINES.sub("\n", self.text[begin:anchor.start].replace("\r", ""))
        after = _BLANK_LINES.sub("\n", self.text[anchor.end:end].replace("\r", ""))
        if len(before) > chars:
            cut = before[-chars:]
            before = "…" + cut[cut.find(" ") + 1:] if " " in cut else "…" + cut
        if len(after) > chars:
            cut = after[:chars]
            after = (cut[:cut.rfind(" ")] if " " in cut else cut) + "…"
        return Context(before=before, quote=self.text[anchor.start:anchor.end].replace("\r", ""),
                       after=after, line=anchor.line, end_line=anchor.end_line, match=anchor.match)


def finding_view(finding: FindingEntry, *, claims: Mapping[str, ClaimEntry],
                 parties: Mapping[str, str], speakers: Mapping[str, str], titles: Mapping[str, str],
                 texts: Mapping[str, Lines]) -> FindingView:
    """A finding with each of its claims, their quotes in context and the values compared."""
    values = {v.claim: v for v in finding.values}
    sides = []
    for claim_id in finding.claims:
        claim = claims.get(claim_id)
        if claim is None:
            continue
        quotes = tuple(
            QuoteView(source=e.source, title=titles.get(e.source, e.source), quote=e.quote,
                      context=texts[e.source].context(e) if e.source in texts else None)
            for e in claim.evidence)
        sides.append(Side(claim=claim, party=parties.get(claim.party, claim.party),
                          speaker=speakers.get(claim.speaker, claim.speaker) if claim.speaker else None,
                          value=claim.value.describe(), compared=values.get(claim_id),
                          quotes=quotes))
    return FindingView(finding=finding, sides=tuple(sides),
                       others=tuple(v for v in finding.values if v.claim not in claims),
                       parties=tuple(parties.get(p, p) for p in finding.parties),
                       verdict=verdict_key(finding))


def findings_by_claim(findings: Sequence[FindingEntry]) -> dict[str, list[FindingEntry]]:
    """Each claim id with the findings that name it, in report order."""
    found: dict[str, list[FindingEntry]] = {}
    for finding in findings:
        for claim in finding.claims:
            found.setdefault(claim, []).append(finding)
    return found
