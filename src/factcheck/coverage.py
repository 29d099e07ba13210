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

from .errors import Location, Problem
from .model import Anchor, Claim, Corpus, CoverageConfig, Ignore
from .numbers import NumberMention, find_numbers
from .tomlfile import TomlFile

StatementKind = Literal["number", "graded"]
COVERAGE_FILE = "coverage.toml"
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


def measure(corpus: Corpus, anchors: Iterable[tuple[Claim, Iterable[Anchor | None]]],
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


def _lines(value: object) -> tuple[int, ...] | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return (value,)
    if isinstance(value, str) and re.fullmatch(r"\d+-\d+", value):
        first, last = (int(x) for x in value.split("-"))
        return tuple(range(first, last + 1)) if 0 < first <= last else None
    if isinstance(value, list) and value and all(_lines(v) for v in value):
        return tuple(n for v in value for n in _lines(v) or ())
    return None


def read_config(doc: TomlFile, sources: Iterable[str]) -> tuple[CoverageConfig, list[Problem]]:
    """The coverage configuration of a parsed `coverage.toml`, and every problem in it."""
    name = doc.name
    known_sources = set(sources)
    problems: list[Problem] = []

    def bad(message: str, line: int | None, field: str) -> None:
        problems.append(Problem(check="input", message=message,
                                location=Location(file=name, line=line, field=field)))

    data = doc.data
    for key in data:
        if key not in ("threshold", "graded_words", "ignore"):
            bad(f"unknown field {key!r}; coverage.toml holds threshold, graded_words and "
                "[[ignore]]", None, key)
    threshold = data.get("threshold", DEFAULT_THRESHOLD)
    if not isinstance(threshold, int | float) or isinstance(threshold, bool) or not (
            0 <= threshold <= 100):
        bad(f"threshold must be a number from 0 to 100, got {threshold!r}", None, "threshold")
        threshold = DEFAULT_THRESHOLD
    words = data.get("graded_words", [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        bad("graded_words must be a list of words", None, "graded_words")
        words = []
    entries = []
    raw_entries = data.get("ignore", [])
    if not isinstance(raw_entries, list):
        bad("ignore must be an array of tables ([[ignore]])", None, "ignore")
        raw_entries = []
    for index, raw in enumerate(raw_entries):
        line = doc.table_line("ignore", index)
        if not isinstance(raw, dict):
            bad("each [[ignore]] must be a table", line, "ignore")
            continue
        unknown = set(raw) - {"source", "lines", "reason"}
        for key in sorted(unknown):
            bad(f"unknown field {key!r} in [[ignore]]", line, key)
        source, lines, reason = raw.get("source"), _lines(raw.get("lines")), raw.get("reason")
        ok = not unknown
        if not isinstance(source, str) or source not in known_sources:
            bad(f"unknown source {source!r}", line, "source")
            ok = False
        if lines is None:
            bad("lines must be a line number, a range like '60-66', or a list of them",
                line, "lines")
            ok = False
        if not isinstance(reason, str) or len(reason.strip()) < 3:
            bad("every ignored line needs a reason", line, "reason")
            ok = False
        if ok:
            assert isinstance(source, str) and isinstance(reason, str) and lines is not None
            entries.append(Ignore(source=source, lines=lines, reason=reason))
    return CoverageConfig(threshold=float(threshold), graded_words=tuple(words),
                          ignore=tuple(entries)), problems
