"""Errors and problems, each carrying where in the user's data it was found."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Literal

import attrs

Level = Literal["error", "warning"]


@attrs.frozen(kw_only=True)
class Location:
    """Where a problem sits: a file, a line in it, a claim and a field."""

    file: str | None = None
    line: int | None = None
    claim: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        parts = []
        if self.file is not None:
            parts.append(self.file if self.line is None else f"{self.file}:{self.line}")
        if self.claim is not None:
            parts.append(f"claim {self.claim!r}")
        if self.field is not None:
            parts.append(f"field {self.field!r}")
        return ", ".join(parts)


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with the input or with a claim's evidence."""

    check: str
    message: str
    location: Location = Location()
    level: Level = "error"

    def __str__(self) -> str:
        where = str(self.location)
        return f"{where}: {self.message}" if where else self.message


class FactcheckError(Exception):
    """Base of every error factcheck raises on purpose."""

    def __init__(self, message: str, *, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location or Location()

    def __str__(self) -> str:
        where = str(self.location)
        return f"{where}: {self.message}" if where else self.message


class NumberError(FactcheckError):
    """A text that should state a number does not."""


class AnchorError(FactcheckError):
    """A quote could not be placed in its source."""


class QuoteNotFound(AnchorError):
    """The quote is not in the source, not even approximately."""


class AmbiguousQuote(AnchorError):
    """The quote occurs several times and no prefix or suffix picks one."""

    def __init__(
        self, message: str, *, lines: Sequence[int], location: Location | None = None
    ) -> None:
        super().__init__(message, location=location)
        self.lines = tuple(lines)


class UnreadableFile(FactcheckError):
    """A file cannot be read: missing, not a regular file, over the size limit, or not UTF-8."""


class UsageError(FactcheckError):
    """A command-line option or setting cannot be used."""


class OutputError(UsageError):
    """An output path would overwrite a file the corpus reads, another output, or a folder."""


class InputError(FactcheckError):
    """The corpus cannot be used: every problem found is in `problems`."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def path_text(path: Iterable[str | int]) -> str:
    """A field path as users write it: ('evidence', 0, 'quote') is 'evidence[0].quote'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean ...?)' hint for a near-miss name, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    if not close:
        return ""
    return " (did you mean " + " or ".join(repr(c) for c in close) + "?)"
