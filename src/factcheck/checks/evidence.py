"""Checks on a claim's evidence: the quote is in its source and states what the claim says."""

from __future__ import annotations

import bisect
import functools
import re
import struct
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import get_args

import attrs

from ..corpus import Anchor, Claim, Corpus, Evidence
from ..corpus.kinds.base import Quote
from ..corpus.kinds.cues import reported_near
from ..errors import AmbiguousQuote, Level, Location, Problem, QuoteNotFound, path_text
from ..text.anchoring import MatchKind, resolve
from ..text.lines import split_lines
from ..text.normalise import comparable_text
from ..text.numbers import Number, NumberMention

SPEAKER_WINDOW = 2
"""How many paragraphs before a quoted speech may name its speaker."""
_OPENING_QUOTES = "\"'“‘«"
_PRONOUN_SAYS = re.compile(r"(?=[hsti])\b(?:he|she|they|it)\s+(?:said|says|added|told|explained|posted|"
                           r"continued|wrote|stated|states|found|finds|concluded|identified)\b",
                           re.IGNORECASE)
"""A pronoun and a reporting verb; the lookahead of the pronouns' first letters (matched
ignoring case, as the rest) lets the search skip the places no pronoun starts at."""
PRONOUN_REACH = 2
"""How many paragraphs back a pronoun sayer ("he said") may name the person it stands for."""


_PACKED = struct.Struct("<5qBdq")
"""An anchor packed: start, end, line, column, end line, match (`_MATCHES`, or `_NO_ANCHOR`),
score, candidates."""
_MATCHES: tuple[MatchKind, ...] = get_args(MatchKind)
_NO_ANCHOR = 255


def _pack(anchors: Iterable[Anchor | None]) -> bytes:
    return b"".join(
        _PACKED.pack(0, 0, 0, 0, 0, _NO_ANCHOR, 0.0, 0) if anchor is None else _PACKED.pack(
            anchor.start, anchor.end, anchor.line, anchor.column, anchor.end_line,
            _MATCHES.index(anchor.match), anchor.score, anchor.candidates)
        for anchor in anchors)


def _unpacked(fields: tuple[int, int, int, int, int, int, float, int]) -> Anchor | None:
    start, end, line, column, end_line, match, score, candidates = fields
    return None if match == _NO_ANCHOR else Anchor(
        start=start, end=end, line=line, column=column, end_line=end_line,
        match=_MATCHES[match], score=score, candidates=candidates)


@attrs.frozen(kw_only=True, weakref_slot=False)
class ClaimResult:
    """A claim with the anchor of each of its quotes (None where it did not anchor) and problems.

    The anchors are held packed in bytes and made again when asked for: an audit holds a result
    a claim until its report is written, and a million `Anchor` objects with their offsets take
    about 150 MB more."""

    claim: Claim
    _anchors: bytes = attrs.field(alias="anchors", converter=_pack, repr=False)
    problems: tuple[Problem, ...] = ()

    @property
    def anchors(self) -> tuple[Anchor | None, ...]:
        return tuple(map(_unpacked, _PACKED.iter_unpack(self._anchors)))

    def anchor(self, index: int) -> Anchor | None:
        """`anchors[index]` (of a quote, by its index in the claim's evidence), unpacked alone."""
        if not 0 <= index < len(self._anchors) // _PACKED.size:
            raise IndexError(f"claim {self.claim.id!r} has no quote {index}")
        return _unpacked(_PACKED.unpack_from(self._anchors, index * _PACKED.size))

    @property
    def ok(self) -> bool:
        return not any(p.level == "error" for p in self.problems)

    def __repr__(self) -> str:
        return (f"ClaimResult(claim={self.claim!r}, anchors={self.anchors!r}, "
                f"problems={self.problems!r})")


def check_claim(claim: Claim, corpus: Corpus, *,
                mentions: Mapping[str, Sequence[NumberMention]] | None = None,
                anchored: Mapping[int, Anchor | None] | None = None) -> ClaimResult:
    """Run every evidence check on one claim.

    `mentions`, the numbers of each source text read once (`find_numbers`), spares reading
    every quote again: a value found among the mentions inside the quote needs no more work.
    `anchored`, by evidence index, are quotes already anchored (`anchor_of`): each is not
    searched for again.
    """
    origin = corpus.origins.get(claim.id)
    problems: list[Problem] = []

    def problem(check: str, message: str, field: str, level: Level = "error") -> None:
        problems.append(Problem(check=check, message=message, level=level,
                                location=Location(file=origin.file if origin else None,
                                                  line=origin.line if origin else None,
                                                  claim=claim.id, field=field)))

    kind = corpus.kinds.of(claim)
    anchors: list[Anchor | None] = []
    quotes: list[Quote] = []
    sayers: list[str] = []
    for index, evidence in enumerate(claim.evidence):
        field = f"evidence[{index}]"
        text = corpus.texts[evidence.source]
        anchor = anchored.get(index) if anchored is not None else None
        if anchor is None or anchor.match == "fuzzy":  # not anchored yet, or said again
            anchor = _anchor(evidence, text, lambda m, f=field: problem("anchor", m, f + ".quote"))
        anchors.append(anchor)
        if anchor is None:
            continue
        inside = _numbers_inside((mentions or {}).get(evidence.source, ()), anchor)
        quotes.append(Quote(index=index, source=evidence.source, line=anchor.line,
                            text=text[anchor.start:anchor.end], numbers=inside,
                            around=_window(text, anchor)))
        sayers.append(_sayer_window(text, anchor))
    for found in kind.check_value(claim, quotes, corpus.lexicon) if quotes else ():
        if found.quote is not None:
            where = quotes[[q.index for q in quotes].index(found.quote)]
            problem("value", f"{found.message} (quote at {where.source} line {where.line})",
                    f"evidence[{found.quote}].quote", found.level)
        else:
            problem("value", found.message, path_text(found.path), found.level)
    attributions = _attribution_problems(claim, corpus, quotes, sayers) if quotes else ()
    for check, message, field, level in attributions:
        problem(check, message, field, level)
    problems.extend(_date_problems(claim, corpus, origin_location=Location(
        file=origin.file if origin else None, line=origin.line if origin else None,
        claim=claim.id)))
    return ClaimResult(claim=claim, anchors=tuple(anchors), problems=tuple(problems))


def _numbers_inside(mentions: Sequence[NumberMention], anchor: Anchor) -> list[Number]:
    """The numbers of the mentions (in order of their starts, as `find_numbers` gives them) that
    lie inside the anchor: found by a binary search, so a source of many quotes costs no more
    than the quotes."""
    first = bisect.bisect_left(mentions, anchor.start, key=lambda m: m.start)
    inside = []
    for index in range(first, len(mentions)):
        mention = mentions[index]
        if mention.start >= anchor.end:
            break
        if mention.end <= anchor.end:
            inside.append(mention.number)
    return inside


def anchor_of(text: str, evidence: Evidence) -> Anchor | None:
    """Where a quote sits in its source's text, as `check_claim` finds it; None when it does not."""
    return _anchor(evidence, text, lambda message: None)


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




@functools.lru_cache(maxsize=128)  # the map step checks 64 sources together
def _paragraphs(text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The lines of a text and the numbers (1-based) of its non-blank lines, computed once a
    text: the quotes of one source are checked together."""
    lines = tuple(split_lines(text))
    return lines, tuple(n for n, line in enumerate(lines, start=1) if line.strip())


@functools.lru_cache(maxsize=1024)
def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(comparable_text(name))}\b")


def _window(text: str, anchor: Anchor) -> str:
    """The quote's paragraph up to its last line, with the paragraphs that introduce it.

    Walks back over paragraphs that open with a quotation mark (a speech running on
    over several paragraphs), then takes `SPEAKER_WINDOW` more.
    """
    lines, nonblank = _paragraphs(text)
    count = bisect.bisect_right(nonblank, anchor.line)  # the paragraphs up to the quote's line
    index = count - 1
    while index > 0 and lines[nonblank[index] - 1].lstrip()[:1] in _OPENING_QUOTES:
        index -= 1
    first = nonblank[max(index - SPEAKER_WINDOW, 0)] if count else 1
    return "\n".join(lines[first - 1:anchor.end_line])


def _sayer_window(text: str, anchor: Anchor) -> str:
    """The quote's paragraph, with those before it that the same speech or list runs on from:
    back over paragraphs that open with a quotation mark or a list marker, or that follow one
    ending with a colon ("HMICFRS said the force had failed to:"); a sayer that is a pronoun
    ("..., he said.", "It found that ...") reaches back `PRONOUN_REACH` paragraphs for the
    name it stands for."""
    lines, nonblank = _paragraphs(text)
    index = bisect.bisect_right(nonblank, anchor.line) - 1
    while index > 0 and (lines[nonblank[index] - 1].lstrip()[:1] in _OPENING_QUOTES + "-•*"
                         or lines[nonblank[index - 1] - 1].rstrip().endswith(":")):
        index -= 1
    if index >= 0 and _PRONOUN_SAYS.search(lines[nonblank[index] - 1]):
        index = max(index - PRONOUN_REACH, 0)
    first = nonblank[index] if index >= 0 else 1
    return "\n".join(lines[first - 1:anchor.end_line])


def _named_in(window: str, names: Iterable[str]) -> bool:
    folded = comparable_text(window)
    return any(_name_pattern(name).search(folded) for name in names)


def _attribution_problems(claim: Claim, corpus: Corpus, quotes: Sequence[Quote],
                          sayers: Sequence[str]) -> Iterator[tuple[str, str, str, Level]]:
    """Who says it: the speaker is named near a quote (a warning), and the party is shown saying
    it (an error: a claim given to the wrong party fails), unless the source is the party's own
    words, or the claim is marked as reported by the party whose own text the source is."""
    speaker = corpus.speakers.get(claim.speaker) if claim.speaker is not None else None
    sources = [corpus.sources[q.source] for q in quotes]
    if speaker is not None and not any(
            _named_in(q.around, speaker.names) or (s.author is not None and s.author in speaker.names)
            for q, s in zip(quotes, sources, strict=True)):
        first = quotes[0]
        yield ("speaker", f"none of {', '.join(repr(n) for n in speaker.names)} appears in or just "
               f"before the quote's paragraph at {first.source} line {first.line}", "speaker",
               "warning")
    if any(s.party == (claim.reported_by or claim.party) for s in sources):
        return  # the party's own words, or the reporter's own text restating the party
    party = corpus.parties.get(claim.party)
    if party is None:
        return
    names = (party.name, *party.aliases, *(speaker.names if speaker is not None else ()))
    if not any(reported_near(window, names, corpus.lexicon) for window in sayers):
        first = quotes[0]
        yield ("party", f"the text near the quote at {first.source} line {first.line} does not "
               f"show {party.name} ({claim.party}) saying it: name it next to a reporting verb "
               "in the quote, set the source's `party` if the source is its own words, or check "
               "who is speaking", "party", "error")


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
    if not claim.forecast and claim.deadline is None and claim.period.first > stated.last:
        problems.append(Problem(
            check="dates", location=attrs.evolve(origin_location, field="period"),
            message=f"period {claim.period} lies after the claim was stated ({stated}); "
                    "set `forecast = true` if it is a forecast"))
    return problems
