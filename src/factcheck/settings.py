"""The `[tool.factcheck]` table of a pyproject.toml: shared by the CLI and the pytest plugin."""

from __future__ import annotations

from pathlib import Path

from .corpus.datafiles import read_toml
from .errors import Location, Problem, UsageError

KEYS = ("root", "seeds", "claims", "report", "review_author", "review_author_url",
        "review_url")
PYPROJECT = "pyproject.toml"


def tool_settings(folder: Path) -> dict[str, str]:
    """`[tool.factcheck]` from `folder/pyproject.toml`, empty when there is none.

    The file is read within the same limits as the corpus's data files. Raises
    `UsageError` for a file that cannot be read or a setting of the wrong type.
    """
    path = folder / PYPROJECT
    where = Location(file=str(path))
    if not path.exists():
        return {}
    doc = read_toml(path, str(path))
    if isinstance(doc, Problem):
        raise UsageError(doc.message, location=doc.location)
    tool = doc.data.get("tool", {})
    table = tool.get("factcheck", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise UsageError("[tool.factcheck] must be a table", location=where)
    for key, value in table.items():
        if key in KEYS and not isinstance(value, str):
            shown = repr(value) if isinstance(value, int | float | bool) else type(value).__name__
            raise UsageError(f"[tool.factcheck] {key} must be a string, not {shown}",
                             location=where)
        if key in KEYS and "\0" in value:
            raise UsageError(f"[tool.factcheck] {key} holds a NUL character", location=where)
    return {key: value for key, value in table.items() if key in KEYS}
