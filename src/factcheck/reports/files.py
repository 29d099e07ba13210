"""Writing report files: atomically, so a reader sees the old file or the new one, never half."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

from ..errors import FactcheckError


def dump_json(data: object) -> str:
    """Indented JSON text with a final newline, for the exports people read."""
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder and a rename.

    A reader sees the old file or the new one, never half of one; on any failure the
    temporary file is removed and nothing else is touched. The file gets the mode a new
    file would get (0666 less the umask).
    """
    target = Path(path)
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
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
        temp = None
    except OSError as exc:
        raise FactcheckError(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        if fd >= 0:
            os.close(fd)
        if temp is not None:
            temp.unlink(missing_ok=True)
