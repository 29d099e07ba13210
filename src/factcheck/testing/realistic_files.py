"""Writing a realistic corpus: paragraphs into sources, claims into files, and the truth's ids.

Each case's paragraphs go to distinct sources (so one statement printed twice is printed in two
sources, and no source holds one case's words twice); sources hold about `per_source` of them.
Every file is written atomically, every record built as the library's own and written with its
converter.
"""

from __future__ import annotations

import hashlib
import random
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import tomli_w

from ..corpus import Claim, Evidence, Party, Source, Speaker, Term, Topic, builtin_kinds
from ..corpus.convert import record_data
from ..reports.files import write_atomic
from ..text.dates import parse_date, parse_period
from .realistic_cases import ALIAS_TOPIC, MEASURES, PARTIES, TERMS, Case, Draft

PUBLISHED_YEAR = 2024


def _toml(header: str, tables: Mapping[str, list[Any]]) -> str:
    data = {name: [record_data(record) for record in records] for name, records in tables.items()}
    return f"# {header}\n\n" + tomli_w.dumps(data)


def _record(draft: Draft, ident: str, evidence: Sequence[tuple[str, str]]) -> Claim:
    fields = dict(draft.fields)
    fields["period"] = parse_period(fields["period"])
    for name in ("stated", "deadline"):
        if name in fields:
            fields[name] = parse_date(fields[name])
    record: Claim = builtin_kinds().kinds[fields["kind"]].record(
        id=ident, evidence=tuple(Evidence(source=s, quote=q) for s, q in evidence), **fields)
    return record


def write_corpus(root: Path, drafts: Sequence[Draft], cases: Sequence[Case], rng: random.Random,
                 *, per_source: int, speakers: Mapping[str, str]) -> tuple[dict[str, Any], ...]:
    """Write seeds/ and claims/ under `root`; returns the cases with claim ids, for the truth."""
    order = list(range(len(drafts)))
    rng.shuffle(order)
    ids = {draft: f"r{position + 1:06d}" for position, draft in enumerate(order)}
    count = max(8, -(-sum(len(d.quotes) for d in drafts) // per_source))
    width = max(5, len(str(count)))
    names = [f"s{n + 1:0{width}d}" for n in range(count)]
    dates = {name: f"{PUBLISHED_YEAR}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
             for name in names}
    placed: dict[int, list[tuple[str, str]]] = {}
    printed: dict[str, list[str]] = defaultdict(list)
    for case in cases:
        slots = [(d, q) for d in case.members for q in range(len(drafts[d].quotes))]
        for (d, q), source in zip(slots, rng.sample(range(count), len(slots)), strict=True):
            placed.setdefault(d, []).append((names[source], drafts[d].quotes[q][0]))
            printed[names[source]].append(drafts[d].quotes[q][1])
    for evidence in placed.values():
        evidence.sort(key=lambda e: dates[e[0]])  # a claim is stated when its first source is out
    root.mkdir(parents=True, exist_ok=True)
    (root / "seeds").mkdir(exist_ok=True)
    (root / "claims").mkdir(exist_ok=True)
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for d in sorted(order, key=lambda d: ids[d]):
        by_source[placed[d][0][0]].append(_record(drafts[d], ids[d], placed[d]))
    records = []
    for name in names:
        paragraphs = printed[name]
        rng.shuffle(paragraphs)
        publisher = rng.choice(PARTIES)
        text = "\n\n".join([f"Bulletin from {publisher[1]}", *paragraphs]) + "\n"
        write_atomic(root / "seeds" / f"{name}.txt", text)
        records.append(Source(
            id=name, path=f"{name}.txt", title=f"Bulletin {name}", publisher=publisher[1],
            kind="statement", published=parse_period(dates[name]),
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest()))
        if by_source[name]:
            write_atomic(root / "claims" / f"{name}.toml", tomli_w.dumps(
                {"claim": [record_data(r) for r in by_source[name]]}))
    write_atomic(root / "seeds" / "sources.toml",
                 _toml("Realistic synthetic sources, pinned by sha256.", {"source": records}))
    write_atomic(root / "claims" / "parties.toml", _toml("Parties and their speakers.", {
        "party": [Party(id=ident, name=name, role=role, aliases=(short,))
                  for ident, name, role, short, _ in PARTIES],
        "speaker": [Speaker(id=speakers[ident], party=ident, name=person,
                            aliases=(person.split()[-1],))
                    for ident, _, _, _, person in PARTIES]}))
    topics = sorted({m.topic for m in MEASURES} | {ALIAS_TOPIC, "assessments", "shares", "rates"})
    write_atomic(root / "claims" / "topics.toml", _toml("Topics; the workforce vocabulary.", {
        "topic": [Topic(id=t, description=f"What the districts report on {t}.") for t in topics],
        "term": [Term(topic=ALIAS_TOPIC, name=name, field="measure", aliases=aliases)
                 for name, aliases in TERMS]}))
    return tuple({"category": case.category,
                  "claims": sorted(ids[d] for d in case.members),
                  "expect": [{"claims": [sorted(ids[d] for d in slot) for slot in e.slots],
                              "severity": e.severity, "rule": e.rule, "rounding": e.rounding}
                             for e in case.expected]}
                 for case in cases)
