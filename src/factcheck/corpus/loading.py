"""Load a corpus from its files: validate every record, cross-check every reference.

All problems found in one run are collected and raised together as an `InputError`.
Nothing from a data file is ever executed, and source paths may not leave the
sources folder.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs

from ..errors import InputError, Location, Problem, UnreadableFile, did_you_mean
from ..text.lines import line_count
from .corpus import Corpus
from .coverage_config import COVERAGE_FILE, read_config
from .datafiles import JsonLinesFile, TomlFile, read_json_lines, read_toml
from .declared import check_declared, declared
from .kinds import KindRegistry, Names, installed_kinds
from .kinds.cues import Lexicon, read_lexicon
from .limits import decode_text, read_limited
from .records import (
    ROLES,
    SOURCE_KINDS,
    Claim,
    CoverageConfig,
    Exclusive,
    GradingScale,
    Origin,
    Party,
    Relation,
    Source,
    Speaker,
    Term,
    Topic,
    Verdict,
)
from .relations import check_relations
from .structuring import Collector, field_name, index_records, structure_records
from .vocabulary import build_vocabulary, undeclared

LEXICON_FILE = "lexicon.toml"
SPECIAL_FILES = ("parties.toml", "topics.toml", "verdicts.toml", COVERAGE_FILE, LEXICON_FILE)


def _seeds_path(root: Path, seeds: str, path: str, folder: Path | None = None) -> Path | None:
    """The source file's real path, or None when it would lie outside the sources folder
    (`folder` is that folder resolved, when the caller has it)."""
    folder = folder or (root / seeds).resolve()
    if Path(path).is_absolute():
        return None
    if (plain := _plainly_inside(str(folder), path)) is not None:
        return Path(plain)
    candidate = (folder / path).resolve()
    return candidate if candidate.is_relative_to(folder) else None


def _plainly_inside(folder: str, path: str) -> str | None:
    """`folder/path` (`folder` resolved) when each part of `path` is a plain name of something
    that is no symbolic link: one `lstat` a part. None when it cannot say: `resolve` decides."""
    parts = path.split("/")
    if os.sep != "/" or os.altsep is not None or any(part in ("", ".", "..") for part in parts):
        return None  # on Windows a '\\' separates too: `resolve` decides
    current = folder
    for part in parts:
        current = f"{current}/{part}"
        try:
            if stat.S_ISLNK(os.lstat(current).st_mode):
                return None
        except (OSError, ValueError):
            return None
    return current


def _read_sources(root: Path, seeds: str, out: Collector) -> tuple[
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
    kinds = declared(doc, "source_kinds", SOURCE_KINDS, out)
    for source, index in structure_records(doc, "source", Source, out):
        line = doc.table_line("source", index)
        check_declared(doc, "source", index, "kind", source.kind, kinds, "source_kinds", out)
        if source.id in sources:
            first = origins[f"source:{source.id}"].line
            out.add(f"duplicate source id {source.id!r} (first at line {first})",
                    file=name, line=line, field="id")
            continue
        sources[source.id] = source
        origins[f"source:{source.id}"] = Origin(file=name, line=line)

        def path_problem(message: str, index: int = index) -> None:
            out.add(message, file=name, line=doc.line_of("source", index, ("path",)), field="path")

        if "\0" in source.path:
            path_problem("path holds a NUL character")
            continue
        path = _plainly_inside(str(folder), source.path) or _seeds_path(  # text: no Path made
            root, seeds, source.path, folder)
        if path is None:
            path_problem(f"path {source.path!r} is outside the sources folder {seeds}/")
            continue
        try:
            data = read_limited(path)
        except UnreadableFile as exc:
            path_problem(f"cannot read {seeds}/{source.path}: {exc.message}")
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != source.sha256:
            out.add(f"the text of {seeds}/{source.path} no longer matches its pinned sha256 "
                    f"(pinned {source.sha256[:12]}…, now {digest}); review the change, "
                    f"then pin the new sha256 (`factcheck pin {source.id}` lists the quotes it "
                    "breaks)", file=name,
                    line=doc.line_of("source", index, ("sha256",)), field="sha256")
        try:
            texts[source.id] = decode_text(data)  # pinned with its BOM, anchored without
        except UnicodeDecodeError as exc:
            bad_line = data[: exc.start].count(b"\n") + 1
            path_problem(f"{seeds}/{source.path} is not UTF-8 text ({exc.reason} at byte "
                         f"{exc.start}, line {bad_line})")
    return sources, texts, origins


def _read(root: Path, claims: str, filename: str, out: Collector) -> TomlFile | None:
    doc = read_toml(root / claims / filename, f"{claims}/{filename}")
    if isinstance(doc, Problem):
        out.problems.append(doc)
        return None
    return doc


class _ReadAgain:
    """A TOML claim file's place in the corpus after loading: its lines are read again only if
    a check after loading must locate a problem in it. Holding every file's parsed text until
    then held the corpus's text several times over (a million claims: gigabytes)."""

    def __init__(self, path: Path, name: str) -> None:
        self.name, self._path = name, path
        self._doc: TomlFile | None = None

    def line_of(self, table: str, index: int, path: tuple[str | int, ...] = ()) -> int | None:
        if self._doc is None:
            doc = read_toml(self._path, self.name)
            if isinstance(doc, Problem):  # changed since: the problem is said without its line
                return None
            self._doc = doc
        return self._doc.line_of(table, index, path)


def _claim_class(out: Collector, doc: TomlFile | JsonLinesFile, chosen: Mapping[
        str, tuple[type[Claim], tuple[str, ...]]]) -> Callable[
        [dict[str, Any], int], tuple[type[Claim], tuple[str, ...]] | None]:
    """Pick each claim's record class (and the fields it may write as bare numbers) by its kind."""
    def choose(raw: dict[str, Any], index: int) -> tuple[type[Claim], tuple[str, ...]] | None:
        kind = raw.get("kind")
        if isinstance(kind, str) and kind in chosen:
            return chosen[kind]
        ident = raw.get("id") if isinstance(raw.get("id"), str) else None

        def bad(message: str) -> None:
            out.add(message, file=doc.name, line=doc.line_of("claim", index, ("kind",)),
                    claim=ident, field="kind")

        if kind is None:
            bad("required field missing")
        elif not isinstance(kind, str):
            article = "an" if type(kind).__name__[:1] in "aeiou" else "a"
            bad(f"kind must be a string, one of {', '.join(chosen)}; got {article} "
                f"{type(kind).__name__}")
        else:
            bad(f"unknown kind {kind!r}{did_you_mean(kind, chosen)}; kinds are "
                + ", ".join(chosen))
        return None

    return choose


def load(root: str | Path = ".", *, seeds: str = "seeds", claims: str = "claims",
         kinds: KindRegistry | None = None) -> Corpus:
    """Load and validate the corpus under `root`; raise `InputError` listing every problem.

    `kinds` are the claim kinds the corpus may use: by default the built-in ones and every kind
    installed packages register under the `factcheck.kinds` entry points.
    """
    base = Path(root)
    kinds = installed_kinds() if kinds is None else kinds
    out = Collector()
    if not (base / claims).is_dir():
        raise InputError([Problem(check="input", message=f"no {claims}/ folder under {base}",
                                  location=Location(file=str(base)))])
    sources, texts, origins = _read_sources(base, seeds, out)

    parties: dict[str, Party] = {}
    speakers: dict[str, Speaker] = {}
    if (doc := _read(base, claims, "parties.toml", out)) is not None:
        party_records = structure_records(doc, "party", Party, out)
        roles = declared(doc, "roles", ROLES, out)
        for party, index in party_records:
            check_declared(doc, "party", index, "role", party.role, roles, "roles", out)
        parties = index_records(party_records, doc, "party", "party", out)
        speaker_records = structure_records(doc, "speaker", Speaker, out)
        speakers = index_records(speaker_records, doc, "speaker", "speaker", out)
        for speaker, index in speaker_records:
            if speaker.party not in parties:
                out.add(f"unknown party {speaker.party!r}{did_you_mean(speaker.party, parties)}",
                        file=doc.name, line=doc.line_of("speaker", index, ("party",)),
                        field="party")
    for source in sources.values():
        if source.party is not None and source.party not in parties:
            origin = origins[f"source:{source.id}"]
            out.add(f"unknown party {source.party!r}{did_you_mean(source.party, parties)}",
                    file=origin.file, line=origin.line, field="party")
    topics: dict[str, Topic] = {}
    scales: dict[str, GradingScale] = {}
    exclusive: list[Exclusive] = []
    terms: list[Term] = []
    if (doc := _read(base, claims, "topics.toml", out)) is not None:
        topics = index_records(structure_records(doc, "topic", Topic, out), doc, "topic", "topic", out)
        scales = index_records(structure_records(doc, "scale", GradingScale, out), doc, "scale", "scale", out)
        exclusive = [record for record, _ in structure_records(doc, "exclusive", Exclusive, out)]
        for term, index in (found := structure_records(doc, "term", Term, out)):
            if term.topic not in topics:
                out.add(f"unknown topic {term.topic!r}{did_you_mean(term.topic, topics)}",
                        file=doc.name, line=doc.line_of("term", index, ("topic",)), field="topic")
        terms = [term for term, _ in found]

    claim_list: list[Claim] = []
    chosen = {name: (spec.record, spec.number_fields) for name, spec in kinds.kinds.items()}
    written: list[tuple[Claim, JsonLinesFile | _ReadAgain, int]] = []
    relations: list[Relation] = []
    claims_dir = base / claims
    # Sorted as paths sort (part by part), with each path's parts made once.
    claim_files = sorted([*claims_dir.rglob("*.toml"), *claims_dir.rglob("*.jsonl")],
                         key=lambda path: path.parts)
    prefix = f"{claims_dir}/"
    for path in claim_files:
        text_path = str(path)
        relative = text_path[len(prefix):] if text_path.startswith(prefix) else \
            path.relative_to(claims_dir).as_posix()
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
            parsed = read_toml(path, f"{claims}/{relative}")
            claim_doc = None if isinstance(parsed, Problem) else parsed
            if isinstance(parsed, Problem):
                out.problems.append(parsed)
        if claim_doc is None:
            continue
        for key in claim_doc.data:
            if key not in ("claim", "relation"):
                out.add(f"unknown table {key!r}{did_you_mean(key, ['claim', 'relation'])}; "
                        "claim files hold [[claim]] and [[relation]]", file=claim_doc.name, field=key)
        claim_records: list[tuple[Any, int]] = structure_records(
            claim_doc, "claim", Claim, out, prepare=_claim_class(out, claim_doc, chosen))
        # What the checks after loading need of the file: where its records start, not its data.
        located = attrs.evolve(claim_doc, data={}) if isinstance(claim_doc, JsonLinesFile) \
            else _ReadAgain(path, claim_doc.name)
        for claim, index in claim_records:
            line = claim_doc.table_line("claim", index)
            if claim.id in origins:
                first = origins[claim.id]
                out.add(f"duplicate claim id {claim.id!r} (first at {first.file}:{first.line})",
                        file=claim_doc.name, line=line, claim=claim.id, field="id")
                continue
            origins[claim.id] = Origin(file=claim_doc.name, line=line)
            claim_list.append(claim)
            written.append((claim, located, index))
        for relation, index in structure_records(claim_doc, "relation", Relation, out):
            origins[f"relation:{relation.id}"] = Origin(file=claim_doc.name,
                                                        line=claim_doc.table_line("relation", index))
            relations.append(relation)

    known_claims = {c.id: c for c in claim_list}
    names = Names(parties=parties, scales=scales, claims=known_claims, sources=sources)
    vocabulary = build_vocabulary(terms)
    declaring = {(term.topic, term.field) for term in terms}
    for claim, where, index in written:
        spec = kinds.of(claim)
        if not _plainly_known(claim, names, speakers, topics):
            _check_claim_refs(claim, where, index, out, kinds=kinds, names=names, sources=sources,
                              speakers=speakers, topics=topics)
        else:
            for problem in spec.check_references(claim, names):
                out.add(problem.message, file=where.name,
                        line=where.line_of("claim", index, problem.path), claim=claim.id,
                        field=field_name(problem.path))
        field = spec.key_fields[0]
        if declaring and ((claim.topic, None) in declaring or (claim.topic, field) in declaring) and (
                why := undeclared(vocabulary, terms, claim.topic, field,
                                  getattr(claim, field))) is not None:
            out.add(why, file=where.name, line=where.line_of("claim", index, (field,)),
                    claim=claim.id, field=field)
    out.problems.extend(check_relations(relations, known_claims, origins, kinds))

    verdicts: list[Verdict] = []
    if (base / claims / "verdicts.toml").exists() and (
            doc := _read(base, claims, "verdicts.toml", out)) is not None:
        seen: set[str] = set()
        for verdict, index in structure_records(doc, "verdict", Verdict, out):
            if verdict.judges in seen:
                out.add(f"a second verdict for {verdict.judges!r}", file=doc.name,
                        line=doc.table_line("verdict", index), field="finding")
                continue
            seen.add(verdict.judges)
            origins[f"verdict:{verdict.judges}"] = Origin(
                file=doc.name, line=doc.table_line("verdict", index))
            verdicts.append(verdict)

    coverage = CoverageConfig()
    if (base / claims / COVERAGE_FILE).exists() and (
            doc := _read(base, claims, COVERAGE_FILE, out)) is not None:
        coverage, coverage_problems = read_config(
            doc, sources, {source: line_count(text) for source, text in texts.items()})
        out.problems.extend(coverage_problems)

    lexicon = Lexicon()
    if (base / claims / LEXICON_FILE).exists() and (
            doc := _read(base, claims, LEXICON_FILE, out)) is not None:
        lexicon, lexicon_problems = read_lexicon(doc.data)
        out.extend(file=doc.name, fields=lexicon_problems)

    if out.problems:
        raise InputError(out.problems)
    return Corpus(root=str(base), sources=sources, texts=texts, parties=parties,
                  speakers=speakers, topics=topics, scales=scales, claims=tuple(claim_list),
                  relations=tuple(relations), verdicts=tuple(verdicts), origins=origins,
                  coverage=coverage, kinds=kinds, lexicon=lexicon, exclusive=tuple(exclusive),
                  terms=tuple(terms))


def _plainly_known(claim: Claim, names: Names, speakers: Mapping[str, Speaker],
                   topics: Mapping[str, Topic]) -> bool:
    """Whether `_check_claim_refs` finds nothing wrong but perhaps its kind's own references:
    party, topic and sources known, a speaker of its party, no claim repeated, no empty quote."""
    if claim.party not in names.parties or claim.topic not in topics or claim.same_as is not None:
        return False
    if claim.reported_by is not None and claim.reported_by not in names.parties:
        return False
    if claim.speaker is not None and (
            claim.speaker not in speakers or speakers[claim.speaker].party != claim.party):
        return False
    return all(evidence.source in names.sources and evidence.quote.strip()
               for evidence in claim.evidence)


def _check_claim_refs(claim: Claim, doc: JsonLinesFile | _ReadAgain, index: int, out: Collector, *,
                      kinds: KindRegistry, names: Names, sources: dict[str, Source],
                      speakers: dict[str, Speaker], topics: dict[str, Topic]) -> None:
    """Every name a claim uses is declared: its party, topic, speaker, sources, and what its kind
    refers to (a grading scale, another party, another claim)."""
    def bad(path: tuple[str | int, ...], message: str) -> None:
        out.add(message, file=doc.name, line=doc.line_of("claim", index, path), claim=claim.id,
                field=field_name(path))

    def known(path: tuple[str | int, ...], what: str, name: str, table: Mapping[str, Any]) -> bool:
        if name in table:
            return True
        bad(path, f"unknown {what} {name!r}{did_you_mean(name, table)}")
        return False

    party_known = known(("party",), "party", claim.party, names.parties)
    if (claim.same_as is not None
            and known(("same_as",), "claim", claim.same_as, names.claims)
            and (owner := names.claims[claim.same_as].party) != claim.party):
        bad(("same_as",), f"claim {claim.same_as!r} is {owner!r}'s, not {claim.party!r}'s: one "
            "statement has one party")
    if claim.reported_by is not None:
        known(("reported_by",), "party", claim.reported_by, names.parties)
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
    for problem in kinds.of(claim).check_references(claim, names):
        bad(problem.path, problem.message)
