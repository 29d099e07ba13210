"""Reading TOML and JSON-lines data files while keeping the line each table and field is on.

Every file is read within the same limits, and a file past one is reported, never parsed:

- `MAX_FILE_BYTES` (64 MiB) a file, data file or source text; only regular files are read
  (a FIFO or a device would block or never end);
- `MAX_DEPTH` (64) levels of nested arrays and tables, and parts of a dotted key (the TOML
  parser's memory grows with the square of a key's parts);
- integers within 64 bits (TOML's own rule, applied to JSON lines too); JSON has no NaN or
  infinity, and its strings hold no lone surrogates (``"\\ud800"`` is not text).

A byte-order mark at the start of a file is dropped, and lines are counted by
`factcheck.text.lines` (only ``\\n``, ``\\r\\n`` and ``\\r`` end a line).
"""

from __future__ import annotations

import bisect
import json
import math
import re
from pathlib import Path
from typing import Any

import attrs
import orjson
import tomli

from ..errors import Location, Problem
from ..text.lines import split_lines
from .limits import (
    BOM,
    INT_MAX,
    INT_MIN,
    LONG_DIGITS,
    MAX_DEPTH,
    RANGE_MESSAGE,
    out_of_bounds,
    parsed_within_bounds,
    plainly_in_bounds,
    plainly_shallow,
    plainly_short_keys,
    read_text,
    toml_nesting,
    within_bounds,
)

_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-]+)\s*\]\]?")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@attrs.frozen(kw_only=True)
class TomlFile:
    """A parsed TOML file, its display name, its text and the lines of its table headers.

    Its `lines` are split from the text the first time a problem must be located in them:
    a file without problems never needs them.
    """

    name: str
    data: dict[str, Any]
    text: str = attrs.field(repr=False)
    headers: tuple[tuple[int, str], ...]
    _by_table: dict[str, list[int]] = attrs.field(init=False, eq=False, repr=False)
    _lines: tuple[str, ...] | None = attrs.field(init=False, default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_table: dict[str, list[int]] = {}
        for line, name in self.headers:
            by_table.setdefault(name, []).append(line)
        object.__setattr__(self, "_by_table", by_table)

    @property
    def lines(self) -> tuple[str, ...]:
        """The lines of the text (`factcheck.text.lines.split_lines`), split once."""
        if self._lines is None:
            object.__setattr__(self, "_lines", tuple(split_lines(self.text)))
        assert self._lines is not None
        return self._lines

    def table_line(self, table: str, index: int) -> int | None:
        """The line of the `index`-th `[[table]]` header, 1-based."""
        found = self._by_table.get(table, [])
        return found[index] if index < len(found) else None

    def line_of(self, table: str, index: int, path: tuple[str | int, ...] = ()) -> int | None:
        """Best known line for a field path inside the `index`-th `[[table]]`."""
        start = self.table_line(table, index)
        if start is None:
            return None
        end = self._block_end(start, table)
        # The headers strictly inside the block: headers are sorted by line.
        inside = self.headers[bisect.bisect_right(self.headers, (start, "\uffff")):
                              bisect.bisect_left(self.headers, (end, ""))]
        if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], int):
            subtable = f"{table}.{path[0]}"
            subs = [line for line, name in inside if name == subtable]
            if path[1] < len(subs):
                sub_start = subs[path[1]]
                sub_end = self._block_end(sub_start, subtable)
                if len(path) > 2 and isinstance(path[2], str):
                    return self._key_line(path[2], sub_start, sub_end) or sub_start
                return sub_start
        if path and isinstance(path[0], str):
            own_end = inside[0][0] if inside else end
            return self._key_line(path[0], start, own_end) or start
        return start

    def path_line(self, path: tuple[str | int, ...]) -> int | None:
        """Best known line for a path into the data: a field of an array of tables, or a
        top-level key."""
        if not path or not isinstance(path[0], str):
            return None
        if len(path) > 1 and isinstance(path[1], int) and isinstance(self.data.get(path[0]), list):
            return self.line_of(path[0], path[1], path[2:])
        return self._key_line(path[0], 1, len(self.lines) + 1) or self.table_line(path[0], 0)

    def _block_end(self, start: int, table: str) -> int:
        position = bisect.bisect_right(self.headers, (start, "\uffff"))
        prefix = table + "."
        for i in range(position, len(self.headers)):  # no copy of the rest of the headers
            line, name = self.headers[i]
            if not name.startswith(prefix):
                return line
        return len(self.lines) + 1

    def _key_line(self, key: str, start: int, end: int) -> int | None:
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number in range(start, min(end, len(self.lines) + 1)):
            if pattern.match(self.lines[number - 1]):
                return number
        return None


def read_toml(path: Path, name: str) -> TomlFile | Problem:
    """Read and parse one TOML file, or say in a Problem why it cannot be used."""
    text = read_text(path, name)
    return text if isinstance(text, Problem) else parse_toml(text, name)


def parse_toml(text: str, name: str) -> TomlFile | Problem:
    """Parse TOML text (a leading BOM is dropped) within the limits, keeping its lines.

    The text is parsed first, and scanned for nesting (`toml_nesting`) only when something is
    wrong, or when a line could hold a key of too many parts (the one thing that costs the
    parser more than the scan): a problem is reported exactly as if the scan had run first.
    """
    text = text.removeprefix(BOM)

    def problem(message: str, line: int | None = None) -> Problem:
        return Problem(check="input", message=message, location=Location(file=name, line=line))

    def too_deep() -> Problem | None:
        if plainly_shallow(text) or (deep := toml_nesting(text)) is None:
            return None
        return problem(f"malformed TOML: {deep[1]}", deep[0])

    if not plainly_short_keys(text) and (found := too_deep()) is not None:
        return found
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        line = int(match.group(1)) if match else None
        return too_deep() or problem(
            f"malformed TOML: {_TOML_POSITION.sub('', message).strip()}", line)
    except ValueError:  # Python will not read an integer of thousands of digits
        digits = LONG_DIGITS.search(text)
        line = text.count("\n", 0, digits.start()) + 1 if digits else None
        return too_deep() or problem(
            f"integer out of range (thousands of digits); {RANGE_MESSAGE}", line)
    except RecursionError:  # nested past Python's own limit: the scan says where
        return too_deep() or problem(
            f"malformed TOML: nested deeper than {MAX_DEPTH} levels, the limit")
    doc = TomlFile(name=name, data=data, text=text, headers=toml_headers(text))
    if not parsed_within_bounds(data, text) and not within_bounds(data):
        if (found := too_deep()) is not None:
            return found
        if (bad := out_of_bounds(data)) is not None:
            path, message = bad
            return problem(message, doc.path_line(path))
    return doc


_HEADER_IN_TEXT = re.compile(r"\n[^\S\n]*\[\[?[^\S\n]*([A-Za-z0-9_.\-]+)[^\S\n]*\]\]?")
"""`_HEADER` after a ``\\n`` (a literal start, which the regex engine looks for quickly)."""


def toml_headers(text: str) -> tuple[tuple[int, str], ...]:
    """Each line that starts a table (`_HEADER`), as (line number, table name), found in the
    whole text at once rather than line by line (a text with a ``\\r`` is split into lines)."""
    if "\r" in text:
        return tuple((number, match.group(1))
                     for number, line in enumerate(split_lines(text), start=1)
                     if (match := _HEADER.match(line)))
    found: list[tuple[int, str]] = []
    line, last = 1, 0
    for match in _HEADER_IN_TEXT.finditer("\n" + text):
        start = match.start()  # where the line starts in `text`
        line += text.count("\n", last, start)
        last = start
        found.append((line, match.group(1)))
    return tuple(found)


@attrs.frozen(kw_only=True)
class JsonLinesFile:
    """Machine-written records, one JSON object a line: {"claim": {...}} or {"relation": {...}}."""

    name: str
    data: dict[str, Any]
    record_lines: dict[str, tuple[int, ...]]

    def table_line(self, table: str, index: int) -> int | None:
        found = self.record_lines.get(table, ())
        return found[index] if index < len(found) else None

    def line_of(self, table: str, index: int, path: tuple[str | int, ...] = ()) -> int | None:
        return self.table_line(table, index)


class _Unacceptable(ValueError):
    """A JSON number past a limit (raised from the decoder's hooks)."""


def _json_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > 19 and (digits > 4000 or not INT_MIN <= int(text) <= INT_MAX):
        raise _Unacceptable(f"integer out of range ({digits:,} digits); {RANGE_MESSAGE}")
    return int(text)


def _json_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Unacceptable(f"the number {text[:40]} is out of range")
    return value


def _json_constant(text: str) -> float:
    raise _Unacceptable(f"{text} is not JSON (JSON has no NaN or infinity)")


def fast_json_line(line: str, tables: tuple[str, ...]) -> tuple[str, Any] | None:
    """A well-formed line's (table, record), decoded by orjson; None when anything is off, so the
    line is read again by the stdlib decoder, whose messages say what. orjson refuses all the
    stdlib decoder refuses, and more (NaN, infinity, lone surrogates); a line that is not
    plainly in bounds never takes this path."""
    if not plainly_in_bounds(line):
        return None
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if isinstance(record, dict) and len(record) == 1 and (table := next(iter(record))) in tables:
        return table, record[table]
    return None


def read_json_line(line: str, tables: tuple[str, ...]) -> tuple[str, Any] | str:
    """One line's (table, record) by the stdlib decoder, or the message saying what is wrong."""
    try:
        record = json.loads(line, parse_int=_json_int, parse_float=_json_float,
                            parse_constant=_json_constant)
    except json.JSONDecodeError as exc:
        return f"malformed JSON: {exc.msg} (column {exc.colno})"
    except _Unacceptable as exc:
        return f"malformed JSON: {exc}"
    except RecursionError:
        return f"malformed JSON: nested deeper than {MAX_DEPTH} levels, the limit"
    if not plainly_in_bounds(line) and (bad := out_of_bounds(record)) is not None:
        return f"malformed JSON: {bad[1]}"
    if not isinstance(record, dict) or len(record) != 1 or next(iter(record)) not in tables:
        return ("each line must be one object with a single key, one of "
                + ", ".join(repr(t) for t in tables))
    table, value = next(iter(record.items()))
    return table, value


def read_json_lines(path: Path, name: str, tables: tuple[str, ...]) -> JsonLinesFile | list[Problem]:
    """Parse a JSON lines file of records, or every problem that stops it being read.

    A line ends at ``\\n``, ``\\r\\n`` or ``\\r`` only, so a raw U+2028 or U+0085 inside a
    JSON string stays in its string.
    """
    text = read_text(path, name)
    if isinstance(text, Problem):
        return [text]
    data: dict[str, list[Any]] = {table: [] for table in tables}
    lines: dict[str, list[int]] = {table: [] for table in tables}
    problems = []
    for number, line in enumerate(split_lines(text), start=1):
        if not line.strip():
            continue
        found = fast_json_line(line, tables) or read_json_line(line, tables)
        if isinstance(found, str):
            problems.append(Problem(check="input", message=found,
                                    location=Location(file=name, line=number)))
            continue
        data[found[0]].append(found[1])
        lines[found[0]].append(number)
    if problems:
        return problems
    return JsonLinesFile(name=name, data=dict(data), record_lines={k: tuple(v) for k, v in lines.items()})
