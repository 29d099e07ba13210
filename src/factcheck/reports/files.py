"""Writing report files: never over an input, atomically, and never replacing a device.

`check_outputs` is the one check every writer of a run goes through (the command line's
``--json``, ``--sarif`` and ``--claimreview``, the pytest plugin's ``--factcheck-report``):
an output may not resolve to a file the corpus reads, nor to another output of the same
run. ``-`` means standard output. `write_atomic` writes through a temporary file and a
rename, so a reader sees the old file or the new one, never half; a device or a FIFO
(``/dev/null``, ``/dev/stdout``) is written in place, never replaced.
"""

from __future__ import annotations

import json
import os
import secrets
import stat
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from ..corpus.inputs import CLAIM_SUFFIXES, corpus_inputs
from ..errors import FactcheckError, Location, OutputError

STDOUT = "-"
"""The output name that means standard output."""


class Writable(Protocol):
    def write(self, text: str, /) -> int: ...

    def flush(self) -> None: ...


def dump_json(data: object) -> str:
    """Indented JSON text with a final newline, for the exports people read."""
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _identity(path: Path) -> tuple[str, tuple[int, int] | None]:
    """The real path of `path` (links resolved), and its device and inode when it exists."""
    real = os.path.realpath(path)
    try:
        info = os.stat(real)
    except OSError:
        return real, None
    return real, (info.st_dev, info.st_ino)


def _same(a: tuple[str, tuple[int, int] | None], b: tuple[str, tuple[int, int] | None]) -> bool:
    return a[0] == b[0] or (a[1] is not None and a[1] == b[1])


def check_outputs(outputs: Sequence[tuple[str, str | os.PathLike[str]]], *, root: str | Path,
                  seeds: str = "seeds", claims: str = "claims",
                  also_read: Iterable[tuple[Path, str]] = ()) -> None:
    """Refuse the outputs of a run that would overwrite what it reads or each other.

    `outputs` are (option, path) pairs, such as ``("--json", "report.json")``. Raises
    `OutputError` naming every output that resolves (links followed, hard links too) to a
    file the corpus under `root` reads, to a file in `also_read`, or to another output; that
    is a folder or lies in no folder; or that would be read as a claim file next time (a
    ``.toml`` or ``.jsonl`` file under the claims folder). ``-`` is standard output, once.
    """
    inputs = corpus_inputs(root, seeds=seeds, claims=claims)
    problems: list[str] = []
    read: list[tuple[tuple[str, tuple[int, int] | None], str]] = []
    for path, what in (*inputs.files, *also_read):
        try:
            read.append((_identity(path), what))
        except (OSError, ValueError):
            continue
    claims_folder = os.path.realpath(inputs.claims_folder)
    seen: list[tuple[tuple[str, tuple[int, int] | None], str]] = []
    to_stdout: list[str] = []
    for option, name in outputs:
        text = os.fspath(name)
        if text == STDOUT:
            to_stdout.append(option)
            continue
        if "\0" in text:
            problems.append(f"{option} {text!r}: the path holds a NUL character")
            continue
        path = Path(text)
        me = _identity(path)
        clash = next((what for identity, what in read if _same(me, identity)), None)
        twin = next((other for identity, other in seen if _same(me, identity)), None)
        if clash is not None:
            problems.append(f"{option} {text}: that is {clash}, which this run reads; "
                            "write the output somewhere else")
        elif twin is not None:
            problems.append(f"{option} and {twin} both write to {text}; give each its own file")
        elif os.path.isdir(me[0]):
            problems.append(f"{option} {text}: that is a folder; name a file in it")
        elif not os.path.isdir(os.path.dirname(me[0]) or "."):
            problems.append(f"{option} {text}: there is no folder {path.parent}")
        elif path.suffix in CLAIM_SUFFIXES and Path(me[0]).is_relative_to(claims_folder):
            problems.append(f"{option} {text}: a {path.suffix} file under {claims}/ would be read "
                            "as part of the corpus; write the output somewhere else")
        seen.append((me, option))
    if len(to_stdout) > 1:
        every = "both" if len(to_stdout) == 2 else "all"
        problems.append(f"{' and '.join(to_stdout)} {every} write to standard output ('-'); "
                        "only one output can")
    if problems:
        raise OutputError("; ".join(problems) if len(problems) == 1 else
                          "outputs refused:\n  " + "\n  ".join(problems),
                          location=Location())


def write_output(path: str | os.PathLike[str], text: str | Iterable[str], *,
                 stdout: Writable | None = None) -> None:
    """Write `text` (or its pieces in turn) to `path` with `write_atomic`, or to standard output
    when `path` is '-'."""
    if os.fspath(path) == STDOUT:
        stream = stdout if stdout is not None else sys.stdout
        _write(stream, text)
        stream.flush()
        return
    write_atomic(path, text)


def _write(stream: Writable, text: str | Iterable[str]) -> None:
    if isinstance(text, str):
        stream.write(text)
    else:
        for piece in text:
            stream.write(piece)


def write_atomic(path: str | os.PathLike[str], text: str | Iterable[str]) -> None:
    """Write `text` (a string, or its pieces in turn) to `path` through a temporary file in the
    same folder and a rename.

    A reader sees the old file or the new one, never half of one; on any failure the
    temporary file is removed and nothing else is touched. The file gets the mode a new
    file would get (0666 less the umask). An existing device, FIFO or socket at `path`
    is written in place and never replaced; a folder is refused.
    """
    target = Path(path)
    try:
        mode = os.stat(target).st_mode
    except (OSError, ValueError):
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise FactcheckError(f"cannot write {target}: it is a folder")
    if mode is not None and not stat.S_ISREG(mode):
        try:
            with open(target, "w", encoding="utf-8", newline="\n") as stream:
                _write(stream, text)
        except OSError as exc:
            raise FactcheckError(f"cannot write {target}: {exc.strerror or exc}") from exc
        return
    directory = target.parent
    fd, temp = -1, None
    try:
        for _ in range(100):
            candidate = directory / f".{target.name}.{secrets.token_hex(6)}.tmp"
            try:
                fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            except FileExistsError:
                continue
            temp = candidate
            break
        else:
            raise FileExistsError(f"no free temporary name in {directory}")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            fd = -1
            _write(stream, text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
        temp = None
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise FactcheckError(f"cannot write {target}: {reason}") from exc
    finally:
        if fd >= 0:
            os.close(fd)
        if temp is not None:
            temp.unlink(missing_ok=True)
