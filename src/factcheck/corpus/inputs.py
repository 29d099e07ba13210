"""The files a load of a corpus reads, so that nothing written by the same run replaces one."""

from __future__ import annotations

from pathlib import Path

import attrs

from .datafiles import TomlFile, read_toml

CLAIM_SUFFIXES = (".toml", ".jsonl")
"""Files under the claims folder with these endings are read as claim or settings files."""


@attrs.frozen(kw_only=True)
class Inputs:
    """Every file a load reads, each with what it is, and the folder whose claim files it reads."""

    files: tuple[tuple[Path, str], ...]
    claims_folder: Path


def corpus_inputs(root: str | Path, *, seeds: str = "seeds", claims: str = "claims") -> Inputs:
    """The files `load(root, seeds=seeds, claims=claims)` reads: `seeds/sources.toml`, each
    source text it names (read best-effort: a sources file that does not parse lists none,
    and the load then fails before anything is written), every `.toml` and `.jsonl` file
    under the claims folder, and `pyproject.toml` at the root."""
    base = Path(root)
    seeds_folder = base / seeds
    files: list[tuple[Path, str]] = [
        (seeds_folder / "sources.toml", "the sources file"),
        (base / "pyproject.toml", "the project's pyproject.toml"),
    ]
    doc = read_toml(seeds_folder / "sources.toml", "sources.toml")
    if isinstance(doc, TomlFile) and isinstance(doc.data.get("source"), list):
        for record in doc.data["source"]:
            path = record.get("path") if isinstance(record, dict) else None
            if isinstance(path, str) and path and "\0" not in path:
                files.append((seeds_folder / path, f"the source text {seeds}/{path}"))
    claims_folder = base / claims
    try:
        found = sorted(p for p in claims_folder.rglob("*") if p.suffix in CLAIM_SUFFIXES)
    except (OSError, ValueError):
        found = []
    files += [(path, f"the corpus file {claims}/{path.relative_to(claims_folder).as_posix()}")
              for path in found]
    return Inputs(files=tuple(files), claims_folder=claims_folder)
