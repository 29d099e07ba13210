"""The coverage settings of a corpus, read from `claims/coverage.toml`.

The file holds the threshold under which coverage fails, extra graded words, and the
`[[ignore]]` list of source lines that hold no statement worth a claim, each with its reason.
Every line named must exist in its source: a range is checked against the source's line
count before it is expanded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ..errors import Location, Problem
from .datafiles import TomlFile
from .records import CoverageConfig, Ignore

COVERAGE_FILE = "coverage.toml"
DEFAULT_THRESHOLD = CoverageConfig().threshold


def _lines(value: object, count: int | None) -> tuple[int, ...] | str:
    """The line numbers `value` names (a number, a range like '60-66', or a list of them),
    or a message saying what is wrong ('' when only the line count is missing: the source
    did not load, and says so itself). `count` is the source's line count, when known."""
    items = value if isinstance(value, list) and value else [value]
    ranges: list[tuple[int, int]] = []
    for item in items:
        if isinstance(item, int) and not isinstance(item, bool):
            first = last = item
        elif isinstance(item, str) and (match := re.fullmatch(r"(\d{1,19})-(\d{1,19})", item)):
            first, last = int(match.group(1)), int(match.group(2))
        else:
            return "lines must be a line number, a range like '60-66', or a list of them"
        if not 0 < first <= last:
            return f"lines {item!r}: line numbers start at 1 and a range runs upwards"
        if count is not None and last > count:
            return f"lines {item!r}: the source has {count:,} line{'s' if count != 1 else ''}"
        ranges.append((first, last))
    if count is None:
        return ""
    return tuple(n for first, last in ranges for n in range(first, last + 1))


def read_config(doc: TomlFile, sources: Iterable[str], line_counts: Mapping[str, int],
                ) -> tuple[CoverageConfig, list[Problem]]:
    """The coverage configuration of a parsed `coverage.toml`, and every problem in it.

    `line_counts` gives the number of lines of each source that loaded; the lines an
    `[[ignore]]` names are checked against it (an entry for a source that did not load is
    left out: the load fails on that source anyway).
    """
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
        bad(f"threshold must be a number from 0 to 100, got {_shown(threshold)}", None, "threshold")
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
        source, reason = raw.get("source"), raw.get("reason")
        ok = not unknown
        if not isinstance(source, str) or source not in known_sources:
            bad(f"unknown source {_shown(source)}", line, "source")
            ok = False
        lines = _lines(raw.get("lines"), line_counts.get(source) if isinstance(source, str) else None)
        if isinstance(lines, str):
            if lines:
                bad(lines, line, "lines")
            ok = False
        if not isinstance(reason, str) or len(reason.strip()) < 3:
            bad("every ignored line needs a reason", line, "reason")
            ok = False
        if ok:
            assert isinstance(source, str) and isinstance(reason, str) and not isinstance(lines, str)
            entries.append(Ignore(source=source, lines=lines, reason=reason))
    return CoverageConfig(threshold=float(threshold), graded_words=tuple(words),
                          ignore=tuple(entries)), problems


def _shown(value: object) -> str:
    """A value for a message: its repr when short, else its type."""
    text = repr(value) if isinstance(value, str | int | float | bool | None) else ""
    return text if text and len(text) <= 60 else f"a {type(value).__name__}"
