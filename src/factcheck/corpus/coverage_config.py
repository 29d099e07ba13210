"""The coverage settings of a corpus, read from `claims/coverage.toml`.

The file holds the threshold under which coverage fails, extra graded words, and the
`[[ignore]]` list of source lines that hold no statement worth a claim, each with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import Location, Problem
from .datafiles import TomlFile
from .records import CoverageConfig, Ignore

COVERAGE_FILE = "coverage.toml"
DEFAULT_THRESHOLD = CoverageConfig().threshold


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
