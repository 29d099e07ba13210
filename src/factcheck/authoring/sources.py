"""`factcheck add-source` and `factcheck pin`: a source text into the corpus, pinned by sha256.

`add_source` copies a text into the sources folder byte for byte and appends its
`[[source]]` entry to `sources.toml`; `pin` lists the quotes a changed text no longer
anchors, then re-pins its sha256. Both check what they are given before writing anything,
and write atomically, leaving the rest of `sources.toml` as it was.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import tomli_w

from ..corpus.datafiles import JsonLinesFile, TomlFile, read_json_lines, read_toml
from ..corpus.declared import VOCABULARY, plain_list
from ..corpus.limits import decode_text, read_limited
from ..corpus.loading import SPECIAL_FILES
from ..corpus.records import SOURCE_KINDS
from ..errors import AnchorError, Location, Problem, UnreadableFile, UsageError, did_you_mean
from ..reports.files import write_atomic
from ..text.anchoring import resolve
from ..text.dates import parse_date
from .editing import read_raw, replace_value, write_checked

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@attrs.frozen(kw_only=True)
class Added:
    """A source added: its entry as written, where its text now is, and whether it was copied."""

    id: str
    path: Path
    sha256: str
    copied: bool


@attrs.frozen(kw_only=True)
class Broken:
    """A quote that does not anchor in a source's new text."""

    claim: str
    location: Location
    quote: str
    reason: str


@attrs.frozen(kw_only=True)
class Pin:
    """What re-pinning a source does: its old and new sha256, and the quotes that no longer anchor."""

    source: str
    old: str
    new: str
    broken: tuple[Broken, ...]
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.old != self.new


def _sources(root: Path, seeds: str) -> tuple[Path, str, TomlFile | None]:
    path = root / seeds / "sources.toml"
    name = f"{seeds}/sources.toml"
    if not path.exists():
        return path, "", None
    raw, doc = read_raw(path, name)
    return path, raw, doc


def _entries(doc: TomlFile | None) -> list[dict[str, Any]]:
    found = doc.data.get("source", []) if doc is not None else []
    return [entry for entry in found if isinstance(entry, dict)] if isinstance(found, list) else []


def source_kinds(doc: TomlFile | None) -> tuple[str, ...]:
    """The source kinds `sources.toml` declares, else the defaults."""
    table = doc.data.get(VOCABULARY) if doc is not None else None
    names = table.get("source_kinds") if isinstance(table, dict) else None
    return tuple(names) if isinstance(names, list) and names else SOURCE_KINDS


def _party_ids(root: Path, claims: str) -> list[str] | None:
    doc = read_toml(root / claims / "parties.toml", f"{claims}/parties.toml")
    if isinstance(doc, Problem):
        return None
    return [p["id"] for p in doc.data.get("party", []) if isinstance(p, dict) and isinstance(
        p.get("id"), str)]


def source_id(name: str) -> str:
    """An id made from a file name: 'BBC News 2024.txt' is 'bbc-news-2024'."""
    return re.sub(r"[^a-z0-9._-]+", "-", Path(name).stem.lower()).strip("-._") or "source"


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line[:200]


def add_source(root: Path, file: Path, *, seeds: str = "seeds", claims: str = "claims",
               publisher: str, published: str, kind: str, title: str | None = None,
               url: str | None = None, party: str | None = None, id: str | None = None,
               name: str | None = None) -> Added:
    """Copy `file` into the sources folder as `name` (its own name by default) and append its
    entry, pinned by sha256, to `sources.toml`. Raises `UsageError` before writing anything
    when an argument cannot be used."""
    folder = (root / seeds).resolve()
    sources_path, raw, doc = _sources(root, seeds)
    entries = _entries(doc)
    ident = id or source_id(file.name)
    if not _ID.match(ident):
        raise UsageError(f"source id {ident!r} must be lower-case letters, digits, '.', '_' or '-'")
    known = [str(e.get("id")) for e in entries]
    if ident in known:
        raise UsageError(f"{seeds}/sources.toml already has a source {ident!r}; choose another id "
                         "with --id")
    kinds = source_kinds(doc)
    if kind not in kinds:
        raise UsageError(f"--kind {kind!r} is not one of {plain_list(kinds)}{did_you_mean(kind, kinds)}; "
                         f"declare more in {seeds}/sources.toml [{VOCABULARY}] source_kinds")
    try:
        parse_date(published)
    except Exception as exc:
        raise UsageError(f"--published: {exc}") from None
    if party is not None and (parties := _party_ids(root, claims)) is not None and party not in parties:
        raise UsageError(f"--party {party!r} is not a party of {claims}/parties.toml"
                         f"{did_you_mean(party, parties)}")
    try:
        data = read_limited(file)
        text = decode_text(data)
    except UnreadableFile as exc:
        raise UsageError(f"cannot read {file}: {exc.message}") from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"{file} is not UTF-8 text ({exc.reason} at byte {exc.start}); save it "
                         "as UTF-8 first") from None
    real = file.resolve()
    in_place = real.is_relative_to(folder) and name is None
    target = real if in_place else (folder / (name or file.name))
    if not target.resolve().is_relative_to(folder) or Path(name or "x").is_absolute():
        raise UsageError(f"{name or file.name!r} would lie outside the sources folder {seeds}/")
    relative = target.resolve().relative_to(folder).as_posix()
    if relative == "sources.toml":
        raise UsageError(f"{seeds}/sources.toml lists the sources; it cannot be one")
    if relative in [str(e.get("path")) for e in entries]:
        raise UsageError(f"{seeds}/sources.toml already lists {seeds}/{relative}")
    copied = not in_place
    if copied and target.exists():
        if target.is_file() and target.read_bytes() == data:
            copied = False
        else:
            raise UsageError(f"{seeds}/{relative} already exists with other content; choose another "
                             "name with --as")
    digest = hashlib.sha256(data).hexdigest()
    entry: dict[str, str] = {"id": ident, "path": relative, "title": title or _first_line(text) or ident,
                             "publisher": publisher, "published": published, "kind": kind}
    entry.update({key: value for key, value in (("url", url), ("party", party)) if value})
    entry["sha256"] = digest
    block = tomli_w.dumps({"source": [entry]})
    newline = "\r\n" if "\r\n" in raw else "\n"
    if raw and not raw.endswith(("\n", "\r")):
        raw += newline
    updated = raw + (newline if raw else "") + block.replace("\n", newline)
    expected = None
    if doc is not None:
        expected = dict(doc.data)
        expected["source"] = [*doc.data.get("source", []), entry]
    if copied:
        folder.mkdir(parents=True, exist_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data.decode("utf-8"))  # exactly the bytes read: UTF-8, nothing translated
    write_checked(sources_path, f"{seeds}/sources.toml", updated, expected)
    return Added(id=ident, path=target, sha256=digest, copied=copied)


def _claim_files(root: Path, claims: str) -> Iterator[TomlFile | JsonLinesFile]:
    base = root / claims
    for path in sorted([*base.rglob("*.toml"), *base.rglob("*.jsonl")]):
        relative = path.relative_to(base).as_posix()
        if relative in SPECIAL_FILES:
            continue
        name = f"{claims}/{relative}"
        doc = (read_json_lines(path, name, ("claim", "relation")) if path.suffix == ".jsonl"
               else read_toml(path, name))
        if isinstance(doc, TomlFile | JsonLinesFile):
            yield doc


def quotes_of(root: Path, claims: str, source: str) -> Iterator[tuple[str, Location, dict[str, Any]]]:
    """Every evidence of `source` in the claim files, as written: (claim id, where, evidence)."""
    for doc in _claim_files(root, claims):
        found = doc.data.get("claim", [])
        for index, claim in enumerate(found if isinstance(found, list) else []):
            if not isinstance(claim, dict) or not isinstance(claim.get("evidence"), list):
                continue
            for number, evidence in enumerate(claim["evidence"]):
                if isinstance(evidence, dict) and evidence.get("source") == source and isinstance(
                        evidence.get("quote"), str):
                    ident = str(claim.get("id"))
                    line = doc.line_of("claim", index, ("evidence", number, "quote"))
                    yield ident, Location(file=doc.name, line=line, claim=ident,
                                          field=f"evidence[{number}].quote"), evidence


def pin(root: Path, source: str, *, seeds: str = "seeds", claims: str = "claims",
        write: bool = False) -> Pin:
    """Compare `source`'s text with its pinned sha256, list the quotes that no longer anchor in
    it, and with `write` re-pin it in `sources.toml` (the rest of the file kept as it was)."""
    sources_path, raw, doc = _sources(root, seeds)
    entries = _entries(doc)
    ids = [str(e.get("id")) for e in entries]
    if doc is None or source not in ids:
        raise UsageError(f"no source {source!r} in {seeds}/sources.toml{did_you_mean(source, ids)}")
    index = ids.index(source)
    entry = entries[index]
    path = (root / seeds / str(entry.get("path"))).resolve()
    if not path.is_relative_to((root / seeds).resolve()):
        raise UsageError(f"the path of source {source!r} lies outside the sources folder {seeds}/")
    try:
        data = read_limited(path)
        text = decode_text(data)
    except UnreadableFile as exc:
        raise UsageError(f"cannot read {seeds}/{entry.get('path')}: {exc.message}") from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"{seeds}/{entry.get('path')} is not UTF-8 text ({exc.reason})") from None
    old, new = str(entry.get("sha256")), hashlib.sha256(data).hexdigest()
    broken = []
    for claim, where, evidence in quotes_of(root, claims, source):
        try:
            anchor = resolve(text, evidence["quote"], prefix=evidence.get("prefix"),
                             suffix=evidence.get("suffix"))
        except AnchorError as exc:
            broken.append(Broken(claim=claim, location=where, quote=evidence["quote"], reason=exc.message))
            continue
        if anchor.match == "fuzzy":
            broken.append(Broken(claim=claim, location=where, quote=evidence["quote"],
                                 reason=f"only a fuzzy match (score {anchor.score:.0f}) at line "
                                 f"{anchor.line}"))
    result = Pin(source=source, old=old, new=new, broken=tuple(broken))
    if not write or not result.changed:
        return result
    line = doc.line_of("source", index, ("sha256",))
    updated = replace_value(raw, line, "sha256", old, new) if line is not None else None
    if updated is None:
        raise UsageError(f"cannot re-pin {source!r}: its sha256 is not a one-line string in "
                         f"{seeds}/sources.toml; set it to {new} by hand")
    expected = dict(doc.data)
    expected["source"] = [dict(e, sha256=new) if i == index else e
                          for i, e in enumerate(doc.data["source"])]
    write_checked(sources_path, f"{seeds}/sources.toml", updated, expected)
    return attrs.evolve(result, written=True)
