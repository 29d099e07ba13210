"""Coverage of the sources: which stated numbers and graded words no claim's quote covers.

Like coverage.py for code: every number and every graded word in a source is a
statement a claim may cover. Page furniture is left out only through the ignore
list in `claims/coverage.toml`, each entry with its reason.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Literal

import attrs

from ..corpus import Anchor, Claim, Corpus, CoverageConfig
from ..text.lines import index_of
from ..text.numbers import NumberMention, find_numbers

StatementKind = Literal["number", "graded"]
DEFAULT_THRESHOLD = CoverageConfig().threshold


@attrs.frozen(kw_only=True)
class Statement:
    """One number or graded word in a source, and whether a quote covers it."""

    source: str
    start: int
    end: int
    line: int
    text: str
    kind: StatementKind
    covered: bool
    ignored: bool = False


_ROW = 5
"""Numbers a statement takes in `SourceCoverage.rows`: start, end, line, flags, end of its text."""
_CODE: Literal["i"] = "i"
"""32-bit signed integers: offsets in a text factcheck reads (at most 64 MiB) fit."""
_ITEM = array(_CODE).itemsize
_COVERED, _IGNORED, _GRADED = 1, 2, 4
_Row = tuple[int, int, int, str, StatementKind, bool, bool]
"""A statement as start, end, line, text, kind, covered, ignored."""


@attrs.frozen(kw_only=True)
class SourceCoverage:
    """The statements of one source, held in columns: a `Statement` object for each number of
    a source costs about 300 bytes, a million claims' sources hold about two million of them,
    and only the uncovered few are ever looked at. `statements` builds the objects on demand;
    `of` makes one from them."""

    source: str
    rows: bytes = b""
    """`_ROW` signed 32-bit integers a statement (`array('i')`'s bytes)."""
    texts: str = ""
    """The statements' texts, one after another; each row says where its text ends."""

    @classmethod
    def of(cls, source: str, statements: Iterable[Statement]) -> SourceCoverage:
        def rows() -> Iterator[_Row]:
            for s in statements:
                if s.source != source:
                    raise ValueError(f"a statement of {s.source!r} in the coverage of {source!r}")
                yield s.start, s.end, s.line, s.text, s.kind, s.covered, s.ignored

        return cls._packed(source, rows())

    @classmethod
    def _packed(cls, source: str, statements: Iterable[_Row]) -> SourceCoverage:
        """The columns of statements given as rows, with no `Statement` object made."""
        rows = array(_CODE)
        texts: list[str] = []
        length = 0
        for start, end, line, text, kind, covered, ignored in statements:
            length += len(text)
            texts.append(text)
            try:
                rows.extend((start, end, line, _COVERED * covered + _IGNORED * ignored
                             + _GRADED * (kind == "graded"), length))
            except OverflowError:
                raise ValueError(f"a statement of {source!r} at {start}:{end}, line {line}, "
                                 "lies beyond what a text of at most 64 MiB holds") from None
        return cls(source=source, rows=rows.tobytes(), texts="".join(texts))

    def __len__(self) -> int:
        return len(self.rows) // (_ITEM * _ROW)

    @property
    def statements(self) -> tuple[Statement, ...]:
        rows = memoryview(self.rows).cast(_CODE)
        found, begin = [], 0
        for at in range(0, len(rows), _ROW):
            start, end, line, flags, stop = rows[at:at + _ROW]
            found.append(Statement(source=self.source, start=start, end=end, line=line,
                                   text=self.texts[begin:stop],
                                   kind="graded" if flags & _GRADED else "number",
                                   covered=bool(flags & _COVERED), ignored=bool(flags & _IGNORED)))
            begin = stop
        return tuple(found)

    @property
    def counted(self) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if not s.ignored)

    @property
    def uncovered(self) -> tuple[Statement, ...]:
        return tuple(s for s in self.counted if not s.covered)

    @property
    def tally(self) -> tuple[int, int]:
        """(covered, counted): the statements a quote covers, and those not ignored."""
        flags = memoryview(self.rows).cast(_CODE)[3::_ROW]
        counted = sum(1 for f in flags if not f & _IGNORED)
        return sum(1 for f in flags if f & _COVERED and not f & _IGNORED), counted

    @property
    def percent(self) -> float:
        covered, counted = self.tally
        return 100.0 * covered / counted if counted else 100.0


@attrs.frozen(kw_only=True)
class Coverage:
    """Coverage of every source, against the configured threshold."""

    sources: tuple[SourceCoverage, ...]
    threshold: float = DEFAULT_THRESHOLD

    @property
    def total(self) -> int:
        return sum(s.tally[1] for s in self.sources)

    @property
    def covered(self) -> int:
        return sum(s.tally[0] for s in self.sources)

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.total if self.total else 100.0

    @property
    def ok(self) -> bool:
        return self.percent >= self.threshold


def graded_words(corpus: Corpus, config: CoverageConfig) -> tuple[str, ...]:
    """The grades of every declared scale, and any extra words from the configuration."""
    words = {g for scale in corpus.scales.values() for g in scale.grades}
    words.update(config.graded_words)
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@functools.lru_cache(maxsize=256)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)


def ascii_word_spans(lowered: str, word: str) -> Iterator[tuple[int, int]]:
    """Where `_word_pattern(word)` matches an ASCII text, found by `str.find` in the text lowered
    (`word`, not empty, lowered too): ignoring case is lowering there, and a word character is a
    letter, a digit or "_". Left to right and apart, as `finditer` finds them."""
    size, length = len(word), len(lowered)
    at = lowered.find(word)
    while at >= 0:
        end = at + size
        if (at == 0 or not _word_or_hyphen(lowered[at - 1])) and (
                end == length or not _word_or_hyphen(lowered[end])):
            yield at, end
            at = lowered.find(word, end)
        else:
            at = lowered.find(word, at + 1)


def _word_or_hyphen(char: str) -> bool:
    return char.isalnum() or char in "_-"


def statements(text: str, words: Iterable[str], numbers: Sequence[NumberMention] | None = None,
               ) -> list[tuple[int, int, str, StatementKind]]:
    """Every number and graded word of a text as (start, end, text, kind), in order.

    `numbers` are the text's number mentions when they have been read already. A graded
    word that overlaps a number or a longer word already found is left out; the spans
    taken are kept sorted and apart, so each check is a binary search.
    """
    mentions = find_numbers(text) if numbers is None else numbers
    found: list[tuple[int, int, str, StatementKind]] = [
        (m.start, m.end, text[m.start:m.end], "number") for m in mentions]
    starts = [m.start for m in mentions]
    ends = [m.end for m in mentions]
    lowered = text.lower() if text.isascii() else None
    for word in words:
        if lowered is not None and word and word.isascii():
            spans = ascii_word_spans(lowered, word.lower())
        else:
            spans = (match.span() for match in _word_pattern(word).finditer(text))
        added: list[tuple[int, int]] = []
        for start, end in spans:
            k = bisect.bisect_right(ends, start)  # the first span taken that ends after start
            if k < len(starts) and starts[k] < end:
                continue
            added.append((start, end))
            found.append((start, end, text[start:end], "graded"))
        if added:
            merged = sorted([*zip(starts, ends, strict=True), *added])
            starts, ends = [s for s, _ in merged], [e for _, e in merged]
    return sorted(found)


def measure_coverage(corpus: Corpus, anchors: Iterable[tuple[Claim, Iterable[Anchor | None]]],
            config: CoverageConfig | None = None, *,
            mentions: Mapping[str, Sequence[NumberMention]] | None = None) -> Coverage:
    """Which statements of each source lie inside a quote of some claim."""
    config = config or corpus.coverage
    spans: dict[str, list[tuple[int, int]]] = {source: [] for source in corpus.sources}
    for claim, claim_anchors in anchors:
        for evidence, anchor in zip(claim.evidence, claim_anchors, strict=True):
            if anchor is not None and anchor.match != "fuzzy":
                spans[evidence.source].append((anchor.start, anchor.end))
    words = graded_words(corpus, config)
    return Coverage(sources=tuple(
        source_coverage(corpus, source_id, spans[source_id], words, config,
                        (mentions or {}).get(source_id))
        for source_id in sorted(corpus.sources)), threshold=config.threshold)


def source_coverage(corpus: Corpus, source_id: str, spans: Iterable[tuple[int, int]],
                    words: Iterable[str], config: CoverageConfig,
                    mentions: Sequence[NumberMention] | None = None) -> SourceCoverage:
    """The statements of one source, each covered when one of `spans` (the quotes anchored in
    the source, fuzzy ones left out) holds it. `words` are `graded_words(corpus, config)`."""
    skip = {line for entry in config.ignore if entry.source == source_id for line in entry.lines}
    text = corpus.texts[source_id]
    lines = index_of(text)
    covers = _Covers(spans)
    def rows() -> Iterator[_Row]:
        for start, end, stated, kind in statements(text, words, mentions):
            line = lines.line(start)
            yield start, end, line, stated, kind, covers(start, end), line in skip

    return SourceCoverage._packed(source_id, rows())


class _Covers:
    """Whether some span holds a given one: spans sorted by start, with the furthest end
    reached so far, so each question is a binary search."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))

    def __call__(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self.starts, start)
        return k > 0 and self.reach[k - 1] >= end
