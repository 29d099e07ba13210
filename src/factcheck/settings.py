"""The `[tool.factcheck]` table of a pyproject.toml: shared by the CLI and the pytest plugin."""

from __future__ import annotations

import tomllib
from pathlib import Path

from .errors import FactcheckError, Location

KEYS = ("root", "seeds", "claims", "report", "review_author", "review_author_url")


def tool_settings(folder: Path) -> dict[str, str]:
    """`[tool.factcheck]` from `folder/pyproject.toml`, empty when there is none.

    Raises `FactcheckError` for a file that cannot be read or a setting of the wrong type.
    """
    path = folder / "pyproject.toml"
    where = Location(file=str(path))
    try:
        with path.open("rb") as stream:
            data = tomllib.load(stream)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise FactcheckError(f"cannot read {path}: {exc}", location=where) from None
    table = data.get("tool", {}).get("factcheck", {})
    if not isinstance(table, dict):
        raise FactcheckError("[tool.factcheck] must be a table", location=where)
    for key, value in table.items():
        if key in KEYS and not isinstance(value, str):
            raise FactcheckError(f"[tool.factcheck] {key} must be a string, not {value!r}",
                                 location=where)
    return {key: value for key, value in table.items() if key in KEYS}
