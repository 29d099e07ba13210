"""The command line's standard streams: text streams that a closed pipe or a full disk cannot
turn into a traceback."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from typing import Protocol


class Out(Protocol):
    """Where the command prints: a text stream."""

    def write(self, text: str, /) -> int: ...

    def flush(self) -> None: ...

    def isatty(self) -> bool: ...


class OutputFailed(Exception):
    """Standard output could not be written (other than a closed pipe)."""


class Stream:
    """A standard stream that a closed pipe cannot crash.

    After EPIPE the rest of the output is dropped quietly and the run carries on (reports
    are still written, the exit status stands); any other write error, such as a full
    disk, raises `OutputFailed` once. Either way the stream's descriptor is pointed at
    /dev/null, so Python's own flush at exit has nothing left to fail on.
    """

    def __init__(self, stream: Out, *, name: str) -> None:
        self.stream = stream
        self.name = name
        self.dropped = False

    def write(self, text: str, /) -> int:
        if not self.dropped:
            try:
                self._guard(lambda: self.stream.write(text))
            except UnicodeEncodeError:  # a terminal or pipe that cannot take every character
                encoding = getattr(self.stream, "encoding", None) or "ascii"
                safe = text.encode(encoding, "backslashreplace").decode(encoding)
                self._guard(lambda: self.stream.write(safe))
        return len(text)

    def flush(self) -> None:
        if not self.dropped:
            self._guard(self.stream.flush)

    def isatty(self) -> bool:
        try:
            return not self.dropped and self.stream.isatty()
        except (OSError, ValueError):
            return False

    def _guard(self, work: Callable[[], object]) -> None:
        try:
            work()
        except BrokenPipeError:
            self._drop()
        except OSError as exc:
            self._drop()
            if self.name == "stdout":
                raise OutputFailed(f"cannot write to standard output: "
                                   f"{exc.strerror or os.strerror(exc.errno or errno.EIO)}") from None

    def _drop(self) -> None:
        self.dropped = True
        try:
            fileno = self.stream.fileno()  # type: ignore[attr-defined]
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, fileno)
            os.close(devnull)
        except (AttributeError, OSError, ValueError):
            pass
