"""The `[tool.factcheck]` table of a pyproject.toml: one reader for the CLI and the pytest plugin.

Like ruff and pytest, the command line looks for it in the folder it is given and then in
each parent, stopping at the first pyproject.toml that has the table. A key the table does
not know is a usage error with a did-you-mean, so a misspelt setting is never ignored.
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from .corpus.datafiles import TomlFile, read_toml
from .errors import Location, Problem, UsageError, did_you_mean

SETTINGS = {
    "root": "the corpus folder, relative to this pyproject.toml",
    "seeds": "the sources folder under the root",
    "claims": "the claims folder under the root",
    "report": "where the pytest plugin writes the JSON report",
    "review_author": "who signs the ClaimReview items",
    "review_author_url": "the ClaimReview author's web page",
    "review_url": "the web page the ClaimReview items are published on (each review's url is "
                  "it and the claim id)",
}
"""Every key of `[tool.factcheck]`, with what it sets."""
KEYS = tuple(SETTINGS)
PYPROJECT = "pyproject.toml"
MAX_SCAN = 1 << 20
"""How much of a pyproject.toml is scanned for the word factcheck before parsing it."""


@attrs.frozen(kw_only=True)
class FoundSettings:
    """The `[tool.factcheck]` table found for a folder, and the pyproject.toml it came from
    (None when no file up the tree has the table)."""

    values: dict[str, str] = attrs.field(factory=dict)
    file: Path | None = None

    @property
    def folder(self) -> Path | None:
        """The folder of the pyproject.toml, which the table's paths are relative to."""
        return None if self.file is None else self.file.parent


def _table(path: Path) -> tuple[dict[str, str], TomlFile] | None:
    """The checked `[tool.factcheck]` table of one pyproject.toml, or None when it has none."""
    doc = read_toml(path, str(path))
    if isinstance(doc, Problem):
        raise UsageError(doc.message, location=doc.location)
    tool = doc.data.get("tool", {})
    if not isinstance(tool, dict) or "factcheck" not in tool:
        return None
    table = tool["factcheck"]
    where = Location(file=str(path))
    if not isinstance(table, dict):
        raise UsageError("[tool.factcheck] must be a table", location=where)
    for key, value in table.items():
        line = _key_line(doc, key)
        here = Location(file=str(path), line=line)
        if key not in SETTINGS:
            raise UsageError(f"[tool.factcheck] has no setting {key!r}{did_you_mean(key, KEYS)}; "
                             "the settings are " + ", ".join(KEYS), location=here)
        if not isinstance(value, str):
            shown = repr(value) if isinstance(value, int | float | bool) else type(value).__name__
            raise UsageError(f"[tool.factcheck] {key} must be a string, not {shown}", location=here)
        if "\0" in value:
            raise UsageError(f"[tool.factcheck] {key} holds a NUL character", location=here)
    return dict(table), doc


def _key_line(doc: TomlFile, key: str) -> int | None:
    """The line `key` is set on inside `[tool.factcheck]` (or as `factcheck.key` under `[tool]`)."""
    start = next((line for line, name in doc.headers if name == "tool.factcheck"), None)
    if start is None:
        return None
    for number in range(start + 1, len(doc.lines) + 1):
        text = doc.lines[number - 1].strip()
        if text.startswith("["):
            break
        if text.split("=", 1)[0].strip().strip("\"'") == key:
            return number
    return None


def tool_settings(folder: Path) -> dict[str, str]:
    """`[tool.factcheck]` from `folder/pyproject.toml`, empty when there is none.

    The file is read within the same limits as the corpus's data files. Raises
    `UsageError` for a file that cannot be read, an unknown key or a setting of the wrong type.
    """
    path = folder / PYPROJECT
    if not path.exists():
        return {}
    found = _table(path)
    return {} if found is None else found[0]


def _mentions_factcheck(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return b"factcheck" in stream.read(MAX_SCAN)
    except OSError:
        return False


def find_settings(start: Path) -> FoundSettings:
    """The `[tool.factcheck]` table of the first pyproject.toml that has one, from `start` up.

    A pyproject.toml that does not mention factcheck is skipped unread, so a broken file of
    an unrelated project above the corpus is never an error.
    """
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / PYPROJECT
        if not path.is_file() or not _mentions_factcheck(path):
            continue
        found = _table(path)
        if found is not None:
            return FoundSettings(values=found[0], file=path)
    return FoundSettings()


@attrs.frozen(kw_only=True)
class CorpusPaths:
    """Where a command's corpus is: the root folder, its sources and claims folders, and the
    settings they came from."""

    root: str
    seeds: str
    claims: str
    settings: FoundSettings


def corpus_paths(root: str | None, *, seeds: str | None = None, claims: str | None = None,
                 start: Path | None = None) -> CorpusPaths:
    """The corpus a command works on: what the command line says, else `[tool.factcheck]`
    (found from `root`, or from `start`, the current folder, up), else the defaults.

    A root given on the command line is the root; the table's `seeds` and `claims` still
    apply under it. Without one, the root is the table's `root`, relative to its pyproject.toml.
    """
    found = find_settings(Path(root) if root is not None else (start or Path.cwd()))
    table = found.values
    if root is None:
        folder = found.folder
        root = os.path.relpath(folder / table.get("root", ".")) if folder is not None else "."
    return CorpusPaths(root=root, seeds=seeds or table.get("seeds", "seeds"),
                       claims=claims or table.get("claims", "claims"), settings=found)


def describe(found: FoundSettings) -> str:
    """One line saying which settings file is used, for `--help` and verbose output."""
    if found.file is None:
        return "settings: no pyproject.toml with [tool.factcheck] here or above; defaults used"
    return f"settings: [tool.factcheck] in {found.file}"
