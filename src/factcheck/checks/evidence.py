"""Checks on a claim's evidence: the quote is in its source and states what the claim says."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Mapping, Sequence

import attrs

from ..corpus import Anchor, Claim, Corpus, Evidence
from ..errors import AmbiguousQuote, Location, Problem, QuoteNotFound
from ..text.anchoring import comparable_text, resolve
from ..text.numbers import NumberMention

SPEAKER_WINDOW = 2
"""How many paragraphs before a quoted speech may name its speaker."""
_OPENING_QUOTES = "\"'“‘«"


@attrs.frozen(kw_only=True)
class ClaimResult:
    """A claim with the anchor of each of its quotes (None where it did not anchor) and problems."""

    claim: Claim
    anchors: tuple[Anchor | None, ...]
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not any(p.level == "error" for p in self.problems)


def check_claim(claim: Claim, corpus: Corpus, *,
                mentions: Mapping[str, Sequence[NumberMention]] | None = None) -> ClaimResult:
    """Run every evidence check on one claim.

    `mentions`, the numbers of each source text read once (`find_numbers`), spares reading
    every quote again: a value found among the mentions inside the quote needs no more work.
    """
    origin = corpus.origins.get(claim.id)
    problems: list[Problem] = []

    def problem(check: str, message: str, field: str, level: str = "error") -> None:
        problems.append(Problem(check=check, message=message, level=level,  # type: ignore[arg-type]
                                location=Location(file=origin.file if origin else None,
                                                  line=origin.line if origin else None,
                                                  claim=claim.id, field=field)))

    kind = corpus.kinds.of(claim)
    anchors: list[Anchor | None] = []
    for index, evidence in enumerate(claim.evidence):
        field = f"evidence[{index}]"
        text = corpus.texts[evidence.source]
        anchor = _anchor(evidence, text, lambda m, f=field: problem("anchor", m, f + ".quote"))
        anchors.append(anchor)
        if anchor is None:
            continue
        quote = text[anchor.start:anchor.end]
        inside = [m.number for m in (mentions or {}).get(evidence.source, ())
                  if anchor.start <= m.start and m.end <= anchor.end]
        for found in kind.check_value(claim, quote, inside):
            problem("value", f"{found.message} (quote at {evidence.source} line {anchor.line})",
                    field + ".quote")
        if claim.speaker is not None and claim.speaker in corpus.speakers:
            names = corpus.speakers[claim.speaker].names
            if not _named_near(text, anchor, names):
                problem("speaker", f"none of {', '.join(repr(n) for n in names)} appears in or just "
                        f"before the quote's paragraph at {evidence.source} line {anchor.line}",
                        "speaker", level="warning")
    problems.extend(_date_problems(claim, corpus, origin_location=Location(
        file=origin.file if origin else None, line=origin.line if origin else None,
        claim=claim.id)))
    return ClaimResult(claim=claim, anchors=tuple(anchors), problems=tuple(problems))


def _anchor(evidence: Evidence, text: str, report: object) -> Anchor | None:
    assert callable(report)
    try:
        anchor = resolve(text, evidence.quote, prefix=evidence.prefix, suffix=evidence.suffix)
    except (QuoteNotFound, AmbiguousQuote) as exc:
        report(f"{exc.message} in source {evidence.source!r}")
        return None
    if anchor.match == "fuzzy":
        found = text[anchor.start:anchor.end]
        report(f"quote matches source {evidence.source!r} only approximately (score "
               f"{anchor.score:.1f}) at line {anchor.line}: the source says {found!r}")
    return anchor




@functools.lru_cache(maxsize=16)
def _paragraphs(text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The lines of a text and the numbers (1-based) of its non-blank lines, computed once a
    text: the quotes of one source are checked together."""
    lines = tuple(text.splitlines())
    return lines, tuple(n for n, line in enumerate(lines, start=1) if line.strip())


@functools.lru_cache(maxsize=1024)
def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(comparable_text(name))}\b")


def _named_near(text: str, anchor: Anchor, names: tuple[str, ...]) -> bool:
    """Whether a name appears in the quote's paragraph or the ones that introduce it.

    Walks back over paragraphs that open with a quotation mark (a speech running on
    over several paragraphs), then takes `SPEAKER_WINDOW` more.
    """
    lines, nonblank = _paragraphs(text)
    count = bisect.bisect_right(nonblank, anchor.line)  # the paragraphs up to the quote's line
    index = count - 1
    while index > 0 and lines[nonblank[index] - 1].lstrip()[:1] in _OPENING_QUOTES:
        index -= 1
    first = nonblank[max(index - SPEAKER_WINDOW, 0)] if count else 1
    window = comparable_text("\n".join(lines[first - 1:anchor.end_line]))
    return any(_name_pattern(name).search(window) for name in names)


def _date_problems(claim: Claim, corpus: Corpus, origin_location: Location) -> list[Problem]:
    problems = []
    stated = corpus.stated(claim)
    for evidence in claim.evidence:
        published = corpus.sources[evidence.source].published
        if stated.first > published.last:
            problems.append(Problem(
                check="dates", location=attrs.evolve(origin_location, field="stated"),
                message=f"stated {stated} is after source {evidence.source!r} was published "
                        f"({published})"))
    if not claim.forecast and claim.period.first > stated.last:
        problems.append(Problem(
            check="dates", location=attrs.evolve(origin_location, field="period"),
            message=f"period {claim.period} lies after the claim was stated ({stated}); "
                    "set `forecast = true` if it is a forecast"))
    return problems
