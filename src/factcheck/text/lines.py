"""Lines of a text, counted one way everywhere.

Only ``\\n``, ``\\r\\n`` and ``\\r`` end a line. ``str.splitlines`` also splits at form
feed, U+0085, U+2028, U+2029 and a few other controls; a TOML or JSON string, or a
source text, may hold those, and splitting there would shift every later line number.
Data files, anchoring, coverage, `factcheck explain` and the pytest plugin all count
lines here. A `LineIndex` holds where each line starts, so the line of any offset is
one binary search.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable

import attrs

LINE_END = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The lines of `text`, without their line ends; a final line end adds no empty line."""
    if not text:
        return []
    lines = LINE_END.split(text)
    if lines[-1] == "":
        lines.pop()
    return lines


def line_count(text: str) -> int:
    """How many lines `text` has (``len(split_lines(text))``, without building them)."""
    if not text:
        return 0
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    return breaks + (0 if text.endswith(("\n", "\r")) else 1)


@attrs.frozen
class LineIndex:
    """The offset where each line of a text starts, for line and column lookups."""

    starts: tuple[int, ...]
    length: int

    @property
    def lines(self) -> int:
        return len(self.starts)

    def line(self, offset: int) -> int:
        """The 1-based line of `offset` (an offset inside a ``\\r\\n`` is on the line it ends)."""
        if not 0 <= offset <= self.length:
            raise ValueError(f"offset {offset} outside text of length {self.length}")
        return bisect.bisect_right(self.starts, offset)

    def lines_of(self, offsets: Iterable[int]) -> list[int]:
        """The line of each offset, for many offsets at once."""
        starts = self.starts
        return [bisect.bisect_right(starts, offset) for offset in offsets]

    def line_and_column(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column (in characters) of `offset`."""
        line = self.line(offset)
        return line, offset - self.starts[line - 1] + 1


def build_index(text: str) -> LineIndex:
    """A fresh `LineIndex` of `text`."""
    return LineIndex(starts=(0, *(m.end() for m in LINE_END.finditer(text))), length=len(text))


@functools.lru_cache(maxsize=128)  # the map step checks 64 sources together
def index_of(text: str) -> LineIndex:
    """The `LineIndex` of `text`, kept for the last few texts (the quotes of one source come
    together, and a text's hash is computed once)."""
    return build_index(text)


def line_text(text: str, index: LineIndex, line: int) -> str:
    """The text of a 1-based line, without its line end."""
    start = index.starts[line - 1]
    end = index.starts[line] if line < len(index.starts) else len(text)
    return text[start:end].rstrip("\r\n") if end > start else ""
