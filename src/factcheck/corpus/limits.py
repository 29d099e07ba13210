"""Reading data within limits: a file's size and kind, a TOML file's nesting, a JSON value's
depth, integers and strings. Every limit reached is reported, never worked through.
"""

from __future__ import annotations

import itertools
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from ..errors import Location, Problem, UnreadableFile

MAX_FILE_BYTES = 64 * 1024 * 1024
"""The largest file factcheck reads: 64 MiB."""
MAX_DEPTH = 64
"""The deepest nesting of arrays and tables, and the most parts of a dotted key."""
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
BOM = "\ufeff"
RANGE_MESSAGE = "integers must fit in 64 bits (-2**63 to 2**63 - 1)"

LONG_DIGITS = re.compile(r"[0-9_]{4300,}")
_TOML_TOKENS = re.compile(  # string bodies as unrolled loops: no backtracking per character
    r'(?P<ml>"{3}[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"{3}"{0,2}'
    r"|'{3}[^']*(?:'(?!'')[^']*)*'{3}'{0,2})"
    r'|(?P<str>"[^"\\\n]*(?:\\.[^"\\\n]*)*"|' + r"'[^'\n]*')"
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<open>[\[{])"
    r"|(?P<close>[\]}])"
    r"|(?P<eq>=)"
    r"|(?P<comma>,)"
    r"|(?P<dot>\.)"
    r"|(?P<nl>\n)",
    re.S)


def read_limited(path: str | Path, *, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (default `MAX_FILE_BYTES`);
    raises UnreadableFile saying why not.

    The file is opened without blocking and checked to be a regular file before it is read,
    so a FIFO, a device or a folder is refused rather than waited on.
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError) as exc:
        raise UnreadableFile(_reason(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise UnreadableFile(f"it is {what}")
        if info.st_size > limit:
            raise UnreadableFile(f"it is {_size(info.st_size)}, over the limit of {_size(limit)}")
        chunks, total = [], 0
        while chunk := os.read(fd, min(1 << 24, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise UnreadableFile(f"it is over the limit of {_size(limit)}")
        return b"".join(chunks)
    except OSError as exc:
        raise UnreadableFile(_reason(exc)) from None
    finally:
        os.close(fd)


def _reason(exc: OSError | ValueError) -> str:
    if isinstance(exc, ValueError):  # os.open refuses an embedded NUL
        return "the path holds a NUL character"
    return exc.strerror or str(exc)


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):,.1f} MiB" if n >= 1024 * 1024 else f"{n:,} bytes"


def decode_text(data: bytes) -> str:
    """UTF-8 text without a leading byte-order mark; raises UnicodeDecodeError."""
    return data.decode("utf-8").removeprefix(BOM)


def read_text(path: Path, name: str) -> str | Problem:
    """The text of a data file, or a Problem saying why it cannot be read."""
    try:
        data = read_limited(path)
    except UnreadableFile as exc:
        return Problem(check="input", message=f"cannot read file: {exc.message}",
                       location=Location(file=name))
    try:
        return decode_text(data)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        return Problem(check="input", message=f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                       location=Location(file=name, line=line))


_TOML_SKIPPED = re.compile(_TOML_TOKENS.pattern.split("|(?P<open>")[0], re.S)
"""The strings and comments of a TOML text, as `_TOML_TOKENS` finds them."""
_BRACKETS = re.compile(r"[\[\]{}]")
_MANY_DOTS = re.compile(rf"(?:^|=)(?:[^.=]*\.){{{MAX_DEPTH}}}")
"""`MAX_DEPTH` dots with no '=' between them: `toml_nesting` starts counting a key's parts
afresh at every '=', so with fewer it cannot find a key of too many parts."""


def plainly_shallow(text: str) -> bool:
    """A quick look at a TOML text that, when it says yes, spares `toml_nesting` its scan (a
    tenth of loading a large corpus): outside strings and comments, brackets that never close
    more than they opened nor stand more than `MAX_DEPTH` deep, and never `MAX_DEPTH` dots
    between two '='. When it says yes the scan finds nothing; a no only means it must look."""
    bare = _TOML_SKIPPED.sub(" ", text)
    if _MANY_DOTS.search(bare) is not None:
        return False
    depths = list(itertools.accumulate(1 if b in "[{" else -1 for b in _BRACKETS.findall(bare)))
    return not depths or (min(depths) >= 0 and max(depths) <= MAX_DEPTH)


_MANY_DOTS_ON_A_LINE = re.compile(rf"^(?:[^.\n]*\.){{{MAX_DEPTH}}}", re.M)


def plainly_short_keys(text: str) -> bool:
    """Whether no line of a TOML text holds `MAX_DEPTH` dots, so that no key or table name in
    it has more than `MAX_DEPTH` parts (TOML writes a key on one line): the text may then be
    parsed before `toml_nesting` scans it, since the parser costs no more than its length. A
    no only means the scan must run first."""
    return text.count(".") < MAX_DEPTH or _MANY_DOTS_ON_A_LINE.search(text) is None


def toml_nesting(text: str) -> tuple[int, str] | None:
    """Where a TOML text nests too deep for its parser, as (line, message), or None.

    Scans tokens (strings, comments, brackets, '=', ',', '.' and line ends) without
    parsing: arrays and inline tables deeper than `MAX_DEPTH`, or a dotted key or table
    name of more than `MAX_DEPTH` parts.
    """
    stack: list[str] = []
    line, key, parts = 1, True, 1
    for token in _TOML_TOKENS.finditer(text):
        kind = token.lastgroup
        if kind == "nl":
            line += 1
            if not stack:
                key, parts = True, 1
        elif kind == "ml":
            line += token.group().count("\n")
        elif kind == "open":
            header = key and (not stack or stack[-1] == "header")
            stack.append("header" if header else token.group())
            if token.group() == "{":
                key, parts = True, 1
            if len(stack) > MAX_DEPTH:
                return line, f"arrays and tables nest deeper than {MAX_DEPTH} levels, the limit"
        elif kind == "close":
            if stack and stack.pop() == "{":
                key = False  # what follows an inline table is a value, or a ',' that says so
        elif kind == "eq":
            key, parts = False, 1
        elif kind == "comma":
            if stack and stack[-1] == "{":
                key, parts = True, 1
        elif kind == "dot" and key:
            parts += 1
            if parts > MAX_DEPTH:
                return line, f"a dotted key of more than {MAX_DEPTH} parts, the limit"
    return None


def out_of_bounds(data: object) -> tuple[tuple[str | int, ...], str] | None:
    """The path to the first value past a limit, and what is wrong with it: nesting deeper
    than `MAX_DEPTH`, an integer outside 64 bits, or a string (or key) holding a lone
    surrogate. None when every value is in bounds."""
    stack: list[tuple[object, tuple[str | int, ...], int]] = [(data, (), 0)]
    while stack:
        value, path, depth = stack.pop()
        children: Iterator[tuple[str | int, object]]
        if isinstance(value, dict):
            if (bad := next((key for key in value if not _text(key)), None)) is not None:
                return (*path, bad), _SURROGATE
            children = iter(value.items())
        elif isinstance(value, list):
            children = iter(enumerate(value))
        else:
            if isinstance(value, int) and not isinstance(value, bool) and not (
                    INT_MIN <= value <= INT_MAX):
                return path, f"integer out of range ({value.bit_length():,} bits); {RANGE_MESSAGE}"
            if isinstance(value, str) and not _text(value):
                return path, _SURROGATE
            continue
        if depth >= MAX_DEPTH:
            return path, f"values nest deeper than {MAX_DEPTH} levels, the limit"
        stack.extend((item, (*path, key), depth + 1) for key, item in reversed(list(children)))
    return None


def within_bounds(value: object, depth: int = 0) -> bool:
    """Whether `out_of_bounds(value)` is None, found without building a path for every value
    (a tenth of loading a large TOML corpus): the walk that names the place runs only when
    this says no. It recurses at most `MAX_DEPTH` levels."""
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict):
        return depth < MAX_DEPTH and all(map(_text, value)) and all(
            within_bounds(item, depth + 1) for item in value.values())
    if isinstance(value, list):
        return depth < MAX_DEPTH and all(within_bounds(item, depth + 1) for item in value)
    if isinstance(value, int) and not isinstance(value, bool):
        return INT_MIN <= value <= INT_MAX
    return True


def parsed_within_bounds(data: object, text: str) -> bool:
    """`within_bounds(data)` for `data` that `tomli` parsed from `text`, found quicker: a
    text without lone surrogates gives none to its strings (the parser refuses escaped ones), so
    only arrays, tables and integers need a look. Anything not of a type the parser makes is
    left to `within_bounds`."""
    if not isinstance(data, dict):
        return within_bounds(data)
    return (text.isascii() or _text(text)) and _containers_within_bounds(data, 0)


def _containers_within_bounds(value: dict[str, object] | list[object], depth: int) -> bool:
    if depth >= MAX_DEPTH:
        return False
    for item in value.values() if isinstance(value, dict) else value:
        kind = type(item)
        if kind is str or kind is float or kind is bool:
            continue
        if isinstance(item, dict | list):
            if not _containers_within_bounds(item, depth + 1):
                return False
        elif not within_bounds(item, depth + 1):  # an integer's range, and the rest
            return False
    return True


_LONG_NUMBER = re.compile(r"\d{19}")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def plainly_in_bounds(line: str) -> bool:
    """A quick look at a JSON line that, when it says yes, spares `out_of_bounds` its walk: too
    few brackets to nest past the limit, no run of 19 digits (every shorter integer fits in 64
    bits), no escaped surrogate. A no only means the walk must look."""
    return (line.count("[") + line.count("{") <= MAX_DEPTH and not _LONG_NUMBER.search(line)
            and not _SURROGATE_ESCAPE.search(line))


_SURROGATE = "a string holds a lone surrogate (such as \\ud800), which is not Unicode text"


def _text(value: str) -> bool:
    """Whether a string is Unicode text: no lone surrogates (JSON's \\ud800 escapes)."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
