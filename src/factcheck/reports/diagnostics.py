"""Diagnostics as ruff and mypy print them: `path:line:col: check message`, at the field's line.

Every failing check, warning and review problem of an audit (and every problem of a corpus that
cannot be loaded) becomes one `Diagnostic`, located at the line of the field it is about when
the file says where that is (the claim's first line otherwise), with the column where the
field's value starts. They print as text, JSON, GitHub Actions annotations, or SARIF (the
`sarif` module).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import attrs

from ..auditing import Audit
from ..corpus.datafiles import JsonLinesFile, TomlFile, read_json_lines, read_toml
from ..errors import Level, Problem

OutputFormat = Literal["text", "json", "github", "sarif"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("text", "json", "github", "sarif")
_PART = re.compile(r"([A-Za-z_][\w-]*)|\[(\d+)\]")


@attrs.frozen(kw_only=True)
class Diagnostic:
    """One problem at one place: a file (as the user reaches it from here), a line and a column."""

    file: str | None
    line: int | None
    column: int | None
    check: str
    level: Level
    message: str
    claim: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.file, self.line, self.column) if p is not None)
        about = ", ".join(p for p in (f"claim {self.claim!r}" if self.claim else "",
                                      f"field {self.field!r}" if self.field else "") if p)
        text = f"{self.check} {self.message}" + (f" ({about})" if about else "")
        return f"{where}: {text}" if where else text


def field_path(field: str) -> tuple[str | int, ...]:
    """'evidence[0].quote' as the path ('evidence', 0, 'quote')."""
    return tuple(int(number) if number else name for name, number in _PART.findall(field))


class _Files:
    """The data files read to place diagnostics, each parsed once per call."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs: dict[str, TomlFile | JsonLinesFile | None] = {}
        self.claim_index: dict[str, dict[str, int]] = {}

    def index(self, name: str, doc: TomlFile | JsonLinesFile) -> dict[str, int]:
        """Each claim id of a file with its position among the file's claims."""
        if name not in self.claim_index:
            claims = doc.data.get("claim", [])
            self.claim_index[name] = {c["id"]: i for i, c in enumerate(claims)
                                      if isinstance(c, dict) and isinstance(c.get("id"), str)} \
                if isinstance(claims, list) else {}
        return self.claim_index[name]

    def doc(self, name: str) -> TomlFile | JsonLinesFile | None:
        if name not in self.docs:
            path = self.root / name
            read = (read_json_lines(path, name, ("claim", "relation")) if name.endswith(".jsonl")
                    else read_toml(path, name))
            self.docs[name] = read if isinstance(read, TomlFile | JsonLinesFile) else None
        return self.docs[name]

    def place(self, problem: Problem) -> tuple[int | None, int | None]:
        """The line of the problem's field (its claim's line, else its own) and its value's column."""
        where = problem.location
        line = where.line
        if where.field is None or where.file is None:  # at a table's header: its first column
            return line, None if line is None else 1
        doc = self.doc(where.file)
        if doc is None:
            return line, None
        if where.claim is not None:
            index = self.index(where.file, doc).get(where.claim)
            if index is not None:
                line = doc.line_of("claim", index, field_path(where.field)) or line
        if line is None or not isinstance(doc, TomlFile) or not 0 < line <= len(doc.lines):
            return line, None if line is None else 1
        text = doc.lines[line - 1]
        value = re.match(r"^\s*[\w.\"'-]+\s*=\s*", text)
        return line, (value.end() if value else len(text) - len(text.lstrip())) + 1


def _shown(root: Path, name: str | None) -> str | None:
    """A corpus file's path as the user reaches it: relative to the current folder when it is
    under it, else under the root as given."""
    if name is None:
        return None
    path = root / name
    if not Path(os.path.abspath(path)).is_relative_to(Path.cwd()):
        return str(path)  # outside the current folder: as the root was given
    return os.path.relpath(path)


def from_problems(problems: Iterable[Problem], root: str | Path) -> list[Diagnostic]:
    """Problems as diagnostics, each at its field's line and column."""
    files = _Files(Path(root))
    found = []
    for problem in problems:
        line, column = files.place(problem)
        found.append(Diagnostic(file=_shown(files.root, problem.location.file), line=line,
                                column=column, check=problem.check, level=problem.level,
                                message=problem.message, claim=problem.location.claim,
                                field=problem.location.field))
    return found


def diagnostics(result: Audit) -> list[Diagnostic]:
    """Every problem the audit found: failing checks, warnings, findings without a verdict and
    stale verdicts."""
    return from_problems(result.problems, result.corpus.root)


def github(found: Iterable[Diagnostic]) -> str:
    """GitHub Actions workflow commands that annotate each file at its line."""
    def escape(text: str, *, property: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if property else text

    lines = []
    for item in found:
        command = "error" if item.level == "error" else "warning"
        props = [f"file={escape(item.file, property=True)}"] if item.file else []
        props += [f"{key}={value}" for key, value in (("line", item.line), ("col", item.column))
                  if value is not None]
        props.append(f"title={escape('factcheck ' + item.check, property=True)}")
        about = ", ".join(p for p in (f"claim {item.claim!r}" if item.claim else "",
                                      f"field {item.field!r}" if item.field else "") if p)
        message = item.message + (f" ({about})" if about else "")
        lines.append(f"::{command} {','.join(props)}::{escape(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def as_json(found: Iterable[Diagnostic]) -> str:
    """The diagnostics as a JSON array, one object each, in the order given."""
    return json.dumps([attrs.asdict(item) for item in found], indent=2, ensure_ascii=False) + "\n"
