"""Coverage of the sources: which stated numbers and graded words no claim's quote covers.

Like coverage.py for code: every number and every graded word in a source is a
statement a claim may cover. Page furniture is left out only through the ignore
list in `claims/coverage.toml`, each entry with its reason.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import attrs

from ..corpus import Anchor, Claim, Corpus, CoverageConfig
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


@attrs.frozen(kw_only=True)
class SourceCoverage:
    """The statements of one source."""

    source: str
    statements: tuple[Statement, ...]

    @property
    def counted(self) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if not s.ignored)

    @property
    def uncovered(self) -> tuple[Statement, ...]:
        return tuple(s for s in self.counted if not s.covered)

    @property
    def percent(self) -> float:
        counted = self.counted
        return 100.0 * sum(s.covered for s in counted) / len(counted) if counted else 100.0


@attrs.frozen(kw_only=True)
class Coverage:
    """Coverage of every source, against the configured threshold."""

    sources: tuple[SourceCoverage, ...]
    threshold: float = DEFAULT_THRESHOLD

    @property
    def total(self) -> int:
        return sum(len(s.counted) for s in self.sources)

    @property
    def covered(self) -> int:
        return sum(len(s.counted) - len(s.uncovered) for s in self.sources)

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


def statements(text: str, words: Iterable[str], numbers: Sequence[NumberMention] | None = None,
               ) -> list[tuple[int, int, str, StatementKind]]:
    """Every number and graded word of a text as (start, end, text, kind), in order.

    `numbers` are the text's number mentions when they have been read already.
    """
    mentions = find_numbers(text) if numbers is None else numbers
    found: list[tuple[int, int, str, StatementKind]] = [
        (m.start, m.end, text[m.start:m.end], "number") for m in mentions]
    taken = [(s, e) for s, e, _, _ in found]
    for word in words:
        for match in _word_pattern(word).finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append((match.start(), match.end(), match.group(0), "graded"))
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
    ignored: dict[str, set[int]] = {}
    for entry in config.ignore:
        ignored.setdefault(entry.source, set()).update(entry.lines)
    words = graded_words(corpus, config)
    result = []
    for source_id in sorted(corpus.sources):
        text = corpus.texts[source_id]
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        found = []
        for start, end, stated, kind in statements(text, words, (mentions or {}).get(source_id)):
            line = _line(line_starts, start)
            found.append(Statement(
                source=source_id, start=start, end=end, line=line, text=stated, kind=kind,
                covered=any(s <= start and end <= e for s, e in spans[source_id]),
                ignored=line in ignored.get(source_id, set())))
        result.append(SourceCoverage(source=source_id, statements=tuple(found)))
    return Coverage(sources=tuple(result), threshold=config.threshold)


def _line(starts: list[int], offset: int) -> int:
    low, high = 0, len(starts)
    while low + 1 < high:
        middle = (low + high) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle
    return low + 1
