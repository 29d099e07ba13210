"""Editing a user's TOML file in place: one value on one line, the rest kept byte for byte.

No round trip through a TOML writer: the file's comments, order and spacing are the user's.
A line is rewritten only when the line alone parses to the old value and the new line parses
to the new one, and the whole file is parsed again before it is written atomically.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import tomli
import tomli_w

from ..corpus.datafiles import TomlFile, parse_toml
from ..corpus.limits import read_limited
from ..errors import Problem, UnreadableFile, UsageError
from ..reports.files import write_atomic

_LINE_ENDS = re.compile(r"(\r\n|\r|\n)")


def read_raw(path: Path, name: str) -> tuple[str, TomlFile]:
    """A TOML file's text exactly as stored (a byte-order mark and line ends kept) and its parse."""
    try:
        raw = read_limited(path).decode("utf-8")
    except UnreadableFile as exc:
        raise UsageError(f"cannot read {name}: {exc.message}") from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"{name} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    doc = parse_toml(raw, name)
    if isinstance(doc, Problem):
        raise UsageError(doc.message, location=doc.location)
    return raw, doc


def toml_string(value: str) -> str:
    """`value` as a TOML basic string."""
    return tomli_w.dumps({"v": value}).removeprefix("v = ").rstrip("\n")


def _string_end(text: str, start: int) -> int | None:
    """The offset just past a one-line TOML string starting at `start`, None for any other value."""
    opener = text[start:start + 1]
    if opener not in ('"', "'") or text.startswith(opener * 3, start):
        return None
    i = start + 1
    while i < len(text):
        if opener == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == opener:
            return i + 1
        i += 1
    return None


def replace_value(raw: str, line: int, key: str, old: str, new: str) -> str | None:
    """`raw` with `key`'s one-line string value on `line` (1-based) changed from `old` to `new`,
    or None when that line does not hold exactly `key = "old"` (the fix is then not certain)."""
    parts = _LINE_ENDS.split(raw)
    index = 2 * (line - 1)  # parts alternate: text, line end, text...
    if index >= len(parts):
        return None
    text = parts[index].removeprefix("\ufeff") if index == 0 else parts[index]
    bom = parts[index][: len(parts[index]) - len(text)]
    match = re.match(rf"^(\s*{re.escape(key)}\s*=\s*)", text)
    if not match or (end := _string_end(text, match.end())) is None:
        return None
    try:
        if tomli.loads(text) != {key: old}:
            return None
    except tomli.TOMLDecodeError:
        return None
    changed = text[: match.end()] + toml_string(new) + text[end:]
    if tomli.loads(changed) != {key: new}:
        return None
    parts[index] = bom + changed
    return "".join(parts)


def write_checked(path: Path, name: str, raw: str, expected: Mapping[str, object] | None = None) -> None:
    """Write `raw` over `path` atomically once it parses (to `expected`, when given)."""
    doc = parse_toml(raw, name)
    if isinstance(doc, Problem) or (expected is not None and doc.data != expected):
        raise UsageError(f"{name}: the edited file would not read back as intended; left unchanged")
    write_atomic(path, raw)
