"""Load a corpus from its files: validate every record, cross-check every reference.

All problems found in one run are collected and raised together as an `InputError`.
Nothing from a data file is ever executed, and source paths may not leave the
sources folder.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any, TypeVar, cast

import attrs

from ..errors import InputError, Location, Problem, UnreadableFile, did_you_mean
from ..text.lines import line_count
from .convert import converter, error_paths
from .coverage_config import COVERAGE_FILE, read_config
from .datafiles import JsonLinesFile, TomlFile, decode_text, read_json_lines, read_limited, read_toml
from .guards import kind_is_text
from .records import (
    CLAIM_KINDS,
    Change,
    Claim,
    Corpus,
    CoverageConfig,
    Evidence,
    GradingScale,
    Origin,
    Party,
    Quantity,
    Rate,
    Rating,
    Relation,
    Source,
    Speaker,
    Stance,
    Topic,
    Verdict,
    _ClaimBase,
)

T = TypeVar("T")

SPECIAL_FILES = ("parties.toml", "topics.toml", "verdicts.toml", COVERAGE_FILE)
NUMBER_FIELDS = ("value", "per", "by", "from_value", "to_value")
NUMERIC_KINDS = (Quantity, Rate, Change)


@attrs.define
class _Collector:
    """Problems found so far; the only mutable thing in loading, and local to one load."""

    problems: list[Problem] = attrs.Factory(list)

    def add(self, message: str, *, file: str | None = None, line: int | None = None,
            claim: str | None = None, field: str | None = None) -> None:
        self.problems.append(Problem(check="input", message=message, location=Location(
            file=file, line=line, claim=claim, field=field)))


def _field_name(path: tuple[str | int, ...]) -> str | None:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or None


def _attr_names(cls: type) -> frozenset[str]:
    return _field_names(cast(Hashable, cls))


@functools.lru_cache(maxsize=64)
def _field_names(cls: Any) -> frozenset[str]:
    return frozenset(a.name for a in attrs.fields(cls))


def _unknown_keys(raw: dict[str, Any], cls: type, path: tuple[str | int, ...] = ()) -> Iterable[
        tuple[tuple[str | int, ...], str]]:
    names = _attr_names(cls)
    for key in raw:
        if key not in names:
            hint = did_you_mean(key, [a.name for a in attrs.fields(cls)])
            yield (*path, key), f"unknown field {key!r}{hint}"


def _records(doc: TomlFile | JsonLinesFile, table: str, cls: type[T], out: _Collector,
             prepare: Callable[[dict[str, Any], int], type[T] | None] | None = None,
             ) -> list[tuple[T, int]]:
    """Structure every `[[table]]` of a file into `cls`, reporting each problem at its line."""
    raw_list = doc.data.get(table, [])
    if not isinstance(raw_list, list):
        out.add(f"'{table}' must be an array of tables ([[{table}]])", file=doc.name, field=table)
        return []
    records: list[tuple[T, int]] = []
    for index, raw in enumerate(raw_list):
        line = doc.table_line(table, index)
        if not isinstance(raw, dict):
            out.add(f"each '{table}' must be a table", file=doc.name, line=line)
            continue
        ident = raw.get("id") if isinstance(raw.get("id"), str) else None
        target = cls
        if prepare is not None:
            chosen = prepare(raw, index)
            if chosen is None:
                continue
            target = chosen
        raw = _with_number_text(raw)

        def report(path: tuple[str | int, ...], message: str, *, _index: int = index,
                   _ident: str | None = ident) -> None:
            out.add(message, file=doc.name, line=doc.line_of(table, _index, path),
                    claim=_ident if table == "claim" else None,
                    field=_field_name(path) or None)

        bad = list(_unknown_keys(raw, target))
        if "evidence" in _attr_names(target) and isinstance(raw.get("evidence"), list):
            for number, item in enumerate(raw["evidence"]):
                if isinstance(item, dict):
                    bad.extend(_unknown_keys(item, Evidence, ("evidence", number)))
        for path, message in bad:
            report(path, message)
        if bad:
            continue
        try:
            record = converter.structure(raw, target)
        except Exception as exc:  # cattrs groups every field's failure; attrs validators raise plainly
            for path, message in _explain(exc):
                report(path, message)
            continue
        records.append((record, index))
    return records


def _with_number_text(raw: dict[str, Any]) -> dict[str, Any]:
    """Numbers may be written bare (`value = 5`); they are kept as the text they state."""
    fixed = dict(raw)
    for key in NUMBER_FIELDS:
        value = fixed.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            fixed[key] = repr(value)
    return fixed


def _explain(exc: Exception) -> Iterable[tuple[tuple[str | int, ...], str]]:
    if isinstance(exc, ValueError | TypeError) and len(exc.args) >= 2 and isinstance(
            exc.args[1], attrs.Attribute):
        attribute = exc.args[1]
        yield (attribute.name,), _validator_message(exc, attribute.name)
        return
    if isinstance(exc, ValueError | TypeError) and not hasattr(exc, "exceptions"):
        yield (), str(exc)
        return
    yield from error_paths(exc)


def _validator_message(exc: Exception, name: str) -> str:
    args = exc.args
    if isinstance(exc, ValueError) and len(args) >= 4 and isinstance(args[2], tuple | list):
        options = ", ".join(repr(o) for o in args[2])
        return f"{args[3]!r} is not one of {options}{did_you_mean(str(args[3]), args[2])}"
    if len(args) >= 4 and hasattr(args[2], "pattern"):
        return f"{args[3]!r} is not a valid identifier (lower-case letters, digits, '.', '_', '-')"
    message = str(args[0])
    return message.replace(f"'{name}' ", "", 1)


def _seeds_path(root: Path, seeds: str, path: str, folder: Path | None = None) -> Path | None:
    """The source file's real path, or None when it would lie outside the sources folder
    (`folder` is that folder resolved, when the caller has it)."""
    folder = folder or (root / seeds).resolve()
    if Path(path).is_absolute():
        return None
    candidate = (folder / path).resolve()
    return candidate if candidate.is_relative_to(folder) else None


def _read_sources(root: Path, seeds: str, out: _Collector) -> tuple[
        dict[str, Source], dict[str, str], dict[str, Origin]]:
    name = f"{seeds}/sources.toml"
    doc = read_toml(root / seeds / "sources.toml", name)
    if isinstance(doc, Problem):
        out.problems.append(doc)
        return {}, {}, {}
    sources: dict[str, Source] = {}
    texts: dict[str, str] = {}
    origins: dict[str, Origin] = {}
    folder = (root / seeds).resolve()
    for source, index in _records(doc, "source", Source, out):
        line = doc.table_line("source", index)
        if source.id in sources:
            first = origins[f"source:{source.id}"].line
            out.add(f"duplicate source id {source.id!r} (first at line {first})",
                    file=name, line=line, field="id")
            continue
        sources[source.id] = source
        origins[f"source:{source.id}"] = Origin(file=name, line=line)
        path_line = doc.line_of("source", index, ("path",))
        if "\0" in source.path:
            out.add("path holds a NUL character", file=name, line=path_line, field="path")
            continue
        path = _seeds_path(root, seeds, source.path, folder)
        if path is None:
            out.add(f"path {source.path!r} is outside the sources folder {seeds}/",
                    file=name, line=path_line, field="path")
            continue
        try:
            data = read_limited(path)
        except UnreadableFile as exc:
            out.add(f"cannot read {seeds}/{source.path}: {exc.message}",
                    file=name, line=path_line, field="path")
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != source.sha256:
            out.add(f"the text of {seeds}/{source.path} no longer matches its pinned sha256 "
                    f"(pinned {source.sha256[:12]}…, now {digest[:12]}…); review the change, "
                    "then pin the new sha256", file=name,
                    line=doc.line_of("source", index, ("sha256",)), field="sha256")
        try:
            texts[source.id] = decode_text(data)  # pinned with its BOM, anchored without
        except UnicodeDecodeError as exc:
            bad_line = data[: exc.start].count(b"\n") + 1
            out.add(f"{seeds}/{source.path} is not UTF-8 text ({exc.reason} at byte {exc.start}, "
                    f"line {bad_line})", file=name, line=path_line, field="path")
    return sources, texts, origins


def _index(records: list[tuple[T, int]], doc: TomlFile, table: str, what: str,
           out: _Collector) -> dict[str, T]:
    found: dict[str, T] = {}
    for record, index in records:
        key: str = getattr(record, "id")  # noqa: B009 - every indexed record has an id
        if key in found:
            out.add(f"duplicate {what} id {key!r}", file=doc.name,
                    line=doc.table_line(table, index), field="id")
        else:
            found[key] = record
    return found


def _read(root: Path, claims: str, filename: str, out: _Collector) -> TomlFile | None:
    doc = read_toml(root / claims / filename, f"{claims}/{filename}")
    if isinstance(doc, Problem):
        out.problems.append(doc)
        return None
    return doc


def _claim_class(out: _Collector, doc: TomlFile | JsonLinesFile) -> Callable[
        [dict[str, Any], int], type | None]:
    def choose(raw: dict[str, Any], index: int) -> type | None:
        kind = raw.get("kind")
        ident = raw.get("id") if isinstance(raw.get("id"), str) else None
        if kind is None:
            out.add("required field missing", file=doc.name, line=doc.table_line("claim", index),
                    claim=ident, field="kind")
            return None
        if kind not in CLAIM_KINDS:
            out.add(f"unknown kind {kind!r}{did_you_mean(str(kind), CLAIM_KINDS)}; kinds are "
                    + ", ".join(CLAIM_KINDS), file=doc.name,
                    line=doc.line_of("claim", index, ("kind",)), claim=ident, field="kind")
            return None
        return CLAIM_KINDS[kind]

    return choose


def load(root: str | Path = ".", *, seeds: str = "seeds", claims: str = "claims") -> Corpus:
    """Load and validate the corpus under `root`; raise `InputError` listing every problem."""
    base = Path(root)
    out = _Collector()
    if not (base / claims).is_dir():
        raise InputError([Problem(check="input", message=f"no {claims}/ folder under {base}",
                                  location=Location(file=str(base)))])
    sources, texts, origins = _read_sources(base, seeds, out)

    parties: dict[str, Party] = {}
    speakers: dict[str, Speaker] = {}
    if (doc := _read(base, claims, "parties.toml", out)) is not None:
        parties = _index(_records(doc, "party", Party, out), doc, "party", "party", out)
        speaker_records = _records(doc, "speaker", Speaker, out)
        speakers = _index(speaker_records, doc, "speaker", "speaker", out)
        for speaker, index in speaker_records:
            if speaker.party not in parties:
                out.add(f"unknown party {speaker.party!r}{did_you_mean(speaker.party, parties)}",
                        file=doc.name, line=doc.line_of("speaker", index, ("party",)),
                        field="party")
    topics: dict[str, Topic] = {}
    scales: dict[str, GradingScale] = {}
    if (doc := _read(base, claims, "topics.toml", out)) is not None:
        topics = _index(_records(doc, "topic", Topic, out), doc, "topic", "topic", out)
        scales = _index(_records(doc, "scale", GradingScale, out), doc, "scale", "scale", out)

    claim_list: list[Claim] = []
    relations: list[Relation] = []
    claim_files = sorted([*(base / claims).rglob("*.toml"), *(base / claims).rglob("*.jsonl")])
    for path in claim_files:
        relative = path.relative_to(base / claims).as_posix()
        if relative in SPECIAL_FILES:
            continue
        claim_doc: TomlFile | JsonLinesFile | None
        if path.suffix == ".jsonl":
            read = read_json_lines(path, f"{claims}/{relative}", ("claim", "relation"))
            if isinstance(read, list):
                out.problems.extend(read)
                continue
            claim_doc = read
        else:
            claim_doc = _read(base, claims, relative, out)
        if claim_doc is None:
            continue
        for key in claim_doc.data:
            if key not in ("claim", "relation"):
                out.add(f"unknown table {key!r}{did_you_mean(key, ['claim', 'relation'])}; "
                        "claim files hold [[claim]] and [[relation]]", file=claim_doc.name, field=key)
        claim_records: list[tuple[Any, int]] = _records(
            claim_doc, "claim", _ClaimBase, out,
            prepare=kind_is_text(_claim_class(out, claim_doc), claim_doc, out.add))
        for claim, index in claim_records:
            line = claim_doc.table_line("claim", index)
            if claim.id in origins:
                first = origins[claim.id]
                out.add(f"duplicate claim id {claim.id!r} (first at {first.file}:{first.line})",
                        file=claim_doc.name, line=line, claim=claim.id, field="id")
                continue
            origins[claim.id] = Origin(file=claim_doc.name, line=line)
            claim_list.append(claim)
            _check_claim_refs(claim, claim_doc, index, out, sources=sources, parties=parties,
                              speakers=speakers, topics=topics, scales=scales)
        for relation, index in _records(claim_doc, "relation", Relation, out):
            origins[f"relation:{relation.id}"] = Origin(file=claim_doc.name,
                                                        line=claim_doc.table_line("relation", index))
            relations.append(relation)

    known_claims = {c.id: c for c in claim_list}
    for claim in claim_list:
        if isinstance(claim, Stance) and claim.target is not None and \
                claim.target not in known_claims:
            origin = origins[claim.id]
            out.add(f"unknown claim {claim.target!r}{did_you_mean(claim.target, known_claims)}",
                    file=origin.file, line=origin.line, claim=claim.id, field="target")
    _check_relations(relations, known_claims, origins, out)

    verdicts: list[Verdict] = []
    if (base / claims / "verdicts.toml").exists() and (
            doc := _read(base, claims, "verdicts.toml", out)) is not None:
        seen: set[str] = set()
        for verdict, index in _records(doc, "verdict", Verdict, out):
            if verdict.finding in seen:
                out.add(f"a second verdict for finding {verdict.finding!r}", file=doc.name,
                        line=doc.table_line("verdict", index), field="finding")
                continue
            seen.add(verdict.finding)
            origins[f"verdict:{verdict.finding}"] = Origin(
                file=doc.name, line=doc.table_line("verdict", index))
            verdicts.append(verdict)

    coverage = CoverageConfig()
    if (base / claims / COVERAGE_FILE).exists() and (
            doc := _read(base, claims, COVERAGE_FILE, out)) is not None:
        coverage, coverage_problems = read_config(
            doc, sources, {source: line_count(text) for source, text in texts.items()})
        out.problems.extend(coverage_problems)

    if out.problems:
        raise InputError(out.problems)
    return Corpus(root=str(base), sources=sources, texts=texts, parties=parties,
                  speakers=speakers, topics=topics, scales=scales, claims=tuple(claim_list),
                  relations=tuple(relations), verdicts=tuple(verdicts), origins=origins,
                  coverage=coverage)


def _check_claim_refs(claim: Claim, doc: TomlFile | JsonLinesFile, index: int, out: _Collector, *,
                      sources: dict[str, Source], parties: dict[str, Party],
                      speakers: dict[str, Speaker], topics: dict[str, Topic],
                      scales: dict[str, GradingScale]) -> None:
    def bad(path: tuple[str | int, ...], message: str) -> None:
        out.add(message, file=doc.name, line=doc.line_of("claim", index, path), claim=claim.id,
                field=_field_name(path))

    def known(path: tuple[str | int, ...], what: str, name: str, table: dict[str, Any]) -> bool:
        if name in table:
            return True
        bad(path, f"unknown {what} {name!r}{did_you_mean(name, table)}")
        return False

    party_known = known(("party",), "party", claim.party, parties)
    known(("topic",), "topic", claim.topic, topics)
    if claim.speaker is not None and known(("speaker",), "speaker", claim.speaker, speakers):
        speaker = speakers[claim.speaker]
        if party_known and speaker.party != claim.party:
            bad(("speaker",), f"speaker {speaker.id!r} speaks for {speaker.party!r}, "
                f"not for {claim.party!r}")
    for number, evidence in enumerate(claim.evidence):
        known(("evidence", number, "source"), "source", evidence.source, sources)
        if not evidence.quote.strip():
            bad(("evidence", number, "quote"), "empty quote")
    if isinstance(claim, Rating) and known(("scale",), "scale", claim.scale, scales):
        grades = scales[claim.scale].grades
        if claim.grade not in grades:
            bad(("grade",), f"grade {claim.grade!r} is not on scale {claim.scale!r} "
                f"({', '.join(grades)}){did_you_mean(claim.grade, grades)}")
    if isinstance(claim, Stance):
        known(("target_party",), "party", claim.target_party, parties)


_RELATION_ROLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sum": (("total",), ("add",)),
    "share": (("part", "whole", "share"), ()),
    "change": (("start", "end", "change"), ()),
    "count": (("total",), ("members",)),
}


def _check_relations(relations: list[Relation], claims: dict[str, Claim],
                     origins: dict[str, Origin], out: _Collector) -> None:
    seen: set[str] = set()
    for relation in relations:
        origin = origins[f"relation:{relation.id}"]

        def bad(field: str, message: str, _origin: Origin = origin,
                _name: str = f"relation:{relation.id}") -> None:
            out.add(message, file=_origin.file, line=_origin.line, claim=_name, field=field)

        if relation.id in seen:
            bad("id", f"duplicate relation id {relation.id!r}")
        seen.add(relation.id)
        single, many = _RELATION_ROLES[relation.kind]
        for field in single:
            if getattr(relation, field) is None:
                bad(field, f"a {relation.kind} relation needs '{field}'")
        for field in many:
            if not getattr(relation, field):
                bad(field, f"a {relation.kind} relation needs at least one claim in '{field}'")
        for field in ("add", "subtract", "total", "part", "whole", "share", "start", "end",
                      "change", "members"):
            value = getattr(relation, field)
            ids = value if isinstance(value, tuple) else ((value,) if value else ())
            for claim_id in ids:
                if claim_id not in claims:
                    bad(field, f"unknown claim {claim_id!r}{did_you_mean(claim_id, claims)}")
                elif field != "members" and not isinstance(claims[claim_id], NUMERIC_KINDS):
                    bad(field, f"claim {claim_id!r} is a {claims[claim_id].kind} claim; "
                        "relations compute with quantity, rate and change claims")
