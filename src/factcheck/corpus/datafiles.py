"""Reading TOML data files while keeping the line each table and field is written on."""

from __future__ import annotations

import bisect
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import attrs

from ..errors import Location, Problem

_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-]+)\s*\]\]?")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@attrs.frozen(kw_only=True)
class TomlFile:
    """A parsed TOML file, its display name and the lines of its table headers."""

    name: str
    data: dict[str, Any]
    lines: tuple[str, ...]
    headers: tuple[tuple[int, str], ...]
    _by_table: dict[str, list[int]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_table: dict[str, list[int]] = {}
        for line, name in self.headers:
            by_table.setdefault(name, []).append(line)
        object.__setattr__(self, "_by_table", by_table)

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
    """Parse one TOML file, or say in a Problem why it cannot be read."""
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        return Problem(check="input", message=f"cannot read file: {exc.strerror}",
                       location=Location(file=name))
    except UnicodeDecodeError as exc:
        return Problem(check="input", message=f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                       location=Location(file=name))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        line = int(match.group(1)) if match else None
        message = _TOML_POSITION.sub("", message).strip()
        return Problem(check="input", message=f"malformed TOML: {message}",
                       location=Location(file=name, line=line))
    lines = tuple(text.splitlines())
    headers = tuple(
        (number, match.group(1))
        for number, line in enumerate(lines, start=1)
        if (match := _HEADER.match(line))
    )
    return TomlFile(name=name, data=data, lines=lines, headers=headers)


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


def read_json_lines(path: Path, name: str, tables: tuple[str, ...]) -> JsonLinesFile | list[Problem]:
    """Parse a JSON lines file of records, or every problem that stops it being read."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [Problem(check="input", message=f"cannot read file: {exc}", location=Location(file=name))]
    data: dict[str, list[Any]] = {table: [] for table in tables}
    lines: dict[str, list[int]] = {table: [] for table in tables}
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(check="input", message=f"malformed JSON: {exc.msg} (column {exc.colno})",
                                    location=Location(file=name, line=number)))
            continue
        if not isinstance(record, dict) or len(record) != 1 or next(iter(record)) not in tables:
            problems.append(Problem(
                check="input", location=Location(file=name, line=number),
                message="each line must be one object with a single key, one of "
                        + ", ".join(repr(t) for t in tables)))
            continue
        table, value = next(iter(record.items()))
        data[table].append(value)
        lines[table].append(number)
    if problems:
        return problems
    return JsonLinesFile(name=name, data=dict(data), record_lines={k: tuple(v) for k, v in lines.items()})
