"""A synthetic corpus: N sources and M claims in the real corpus's formats, with known findings.

`generate(root, claims=M)` writes ``seeds/`` (one text a source, one sentence a claim,
pinned in ``seeds/sources.toml``) and ``claims/`` (parties, topics with a grading scale,
one claim file a source, TOML or JSON lines) and returns a `Plan`: the contradictions,
tensions and changes over time it planted. Every other claim is about a subject of its
own, so no rule can pair it with anything: on this corpus the engine must find exactly
the plan. The same seed writes the same bytes.

Values are chosen so that numbers never agree or clash by accident: integers have no
trailing zeros (a "1,000" would be read as anything from 500 to 1,500) and the values of
a planted pair are far apart; texts use no number words and no hedges.

Each claim's payload and sentence come from its kind's `synthesise` fragment, and every
record is built as the library's own attrs record and written with the library's converter.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Any

import attrs
import tomli_w

from ..corpus import (
    Claim,
    Evidence,
    GradingScale,
    KindRegistry,
    Party,
    Source,
    Speaker,
    Topic,
    Verdict,
    builtin_kinds,
)
from ..corpus.convert import record_data
from ..corpus.kinds.rating import SYNTHETIC_GRADES, SYNTHETIC_SCALE
from ..rules.findings import Severity
from ..text.dates import parse_date, parse_period
from .plan import Format, Plan, Planted

PARTIES: tuple[tuple[str, str, str, str, str], ...] = (
    # id, name, role, how texts name it, speaker name
    ("inspectorate", "Inspectorate of Public Services", "watchdog", "The Inspectorate", "Morgan Ellis"),
    ("force", "Riverside Constabulary", "force", "The Constabulary", "Jordan Blake"),
    ("commissioner", "Riverside Commissioner", "pcc", "The Commissioner", "Avery Quinn"),
    ("ministry", "Ministry of Justice", "government", "The Ministry", "Casey Harper"),
    ("federation", "Riverside Staff Federation", "staff-association", "The Federation", "Riley Shaw"),
    ("gazette", "Riverside Gazette", "press", "The Gazette", "Taylor Reid"),
)
NON_WATCHDOG = tuple(p[0] for p in PARTIES if p[2] != "watchdog")
TOPICS: tuple[tuple[str, str], ...] = (
    ("staffing", "staffing"), ("response-times", "response times"), ("custody", "custody"),
    ("call-handling", "call handling"), ("offender-management", "offender management"),
    ("investigations", "investigations"), ("neighbourhoods", "neighbourhood policing"),
    ("budget", "the budget"), ("training", "training"), ("complaints", "complaints"),
)
_CONSONANTS = "bdfgklmprstvz"
_VOWELS = "aeiou"
_SYLLABLES = tuple(c + v for c in _CONSONANTS for v in _VOWELS)
PUBLISHED_YEAR = 2024


# --- claims as drafts -----------------------------------------------------------------------------

CONFLICT_RULES: Mapping[str, str] = {
    "quantity": "value-conflict", "rate": "value-conflict", "assessment": "assessment-conflict",
    "rating": "rating-status-conflict", "status": "rating-status-conflict"}
"""The kinds planted as contradictions, and the rule each pair must fire."""
TENSION_RULES: Mapping[str, str] = {"cause": "competing-causes", "ranking": "ranking-conflict"}
CHANGING_KINDS = ("quantity", "rate", "rating", "status")
SINGLE_WEIGHTS: Mapping[str, int] = {"quantity": 30, "rate": 15, "change": 10, "rating": 10,
                                     "status": 10, "assessment": 10, "ranking": 5, "cause": 10}


@attrs.define
class _Draft:
    """A claim before it has an id and a source: its fields, its payload and its sentence."""

    fields: dict[str, Any]
    payload: Mapping[str, Any]
    sentence: str


class _Writer:
    """Builds claim drafts from one random generator; all state is local to one `generate`."""

    def __init__(self, rng: random.Random, kinds: KindRegistry) -> None:
        self.rng = rng
        self.kinds = kinds
        self.subjects = 0
        self.drafts: list[_Draft] = []
        self.groups: list[tuple[str, Severity, list[int]]] = []  # rule, severity, draft indices

    def subject(self) -> tuple[str, str]:
        """A fresh subject: its id and the name texts use (letters only, never a number word)."""
        n = self.subjects
        self.subjects += 1
        syllables = []
        for _ in range(3):
            n, digit = divmod(n, len(_SYLLABLES))
            syllables.append(_SYLLABLES[digit])
        syllables.append(_SYLLABLES[n % len(_SYLLABLES)] if n else "")
        word = "".join(reversed(syllables))
        return f"{word}-district", f"{word.capitalize()} District"

    def period(self) -> str:
        return str(self.rng.randint(2016, 2022))

    def claim(self, kind: str, party: str, subject: tuple[str, str], topic: str, period: str, *,
              like: int | None = None, other: str = "") -> int:
        """Draft a claim of `kind`; with `like`, about the same thing as that draft, valued otherwise."""
        ident, name = subject
        said, speaker = _party(party)
        fields: dict[str, Any] = {"kind": kind, "party": party, "subject": ident, "topic": topic,
                                  "period": period}
        if self.rng.random() < 0.2:
            fields["speaker"] = _speaker_id(party)
            who = f"{speaker}, for the {said[4:]},"
        else:
            who = "the " + said[4:]
        made = self.kinds.kinds[kind].synthesise(
            self.rng, ident, None if like is None else self.drafts[like].payload)
        fields.update(made.fields)
        sentence = made.sentence.format(period=period, who=who, name=name, other=other)
        self.drafts.append(_Draft(fields=fields, payload=made.fields, sentence=sentence))
        return len(self.drafts) - 1

    def redraw(self, draft: Callable[[], int], wanted: Callable[[_Draft], bool]) -> int:
        """Draft a claim again until it is as `wanted`; returns its index."""
        index = draft()
        while not wanted(self.drafts[index]):
            self.drafts.pop()
            index = draft()
        return index

    def group(self, rule: str, severity: Severity, members: list[int]) -> None:
        self.groups.append((rule, severity, members))

    def single(self) -> None:
        kinds = [k for k in SINGLE_WEIGHTS if k in self.kinds]
        kind = self.rng.choices(kinds, weights=[SINGLE_WEIGHTS[k] for k in kinds])[0]
        self.claim(kind, self.rng.choice(PARTIES)[0], self.subject(),
                   self.rng.choice(TOPICS)[0], self.period())

    def contradiction(self, variant: int) -> None:
        rng = self.rng
        subject, topic, period = self.subject(), rng.choice(TOPICS)[0], self.period()
        kinds = tuple(CONFLICT_RULES)
        if variant >= len(kinds):  # a party disputing another's figure
            a, b = rng.sample([p[0] for p in PARTIES], 2)
            target = self.claim("quantity", b, subject, topic, period)
            stance = self.claim("stance", a, subject, topic, period,
                                other="the " + _party(b)[0][4:])
            self.drafts[stance].fields.update(target_party=b, target=("@", target))
            self.group("explicit-dispute", "contradiction", [target, stance])
            return
        kind = kinds[variant]
        # No watchdog in an assessment conflict: a later watchdog 'does not hold' would be a
        # resolution tension too.
        a, b = rng.sample(NON_WATCHDOG if kind == "assessment" else [p[0] for p in PARTIES], 2)
        first = self.claim(kind, a, subject, topic, period)
        second = self.claim(kind, b, subject, topic, period, like=first)
        self.group(CONFLICT_RULES[kind], "contradiction", [first, second])

    def tension(self, variant: int) -> None:
        rng = self.rng
        subject, topic, period = self.subject(), rng.choice(TOPICS)[0], self.period()
        kinds = tuple(TENSION_RULES)
        if variant < len(kinds):
            a, b = rng.sample([p[0] for p in PARTIES], 2)
            first = self.claim(kinds[variant], a, subject, topic, period)
            second = self.claim(kinds[variant], b, subject, topic, period, like=first)
            self.group(TENSION_RULES[kinds[variant]], "tension", [first, second])
            return
        # A party calls it resolved; the watchdog finds later that it is not. The two are about
        # one proposition at different times, so they are a change over time as well.
        said = self.redraw(lambda: self.claim("assessment", rng.choice(NON_WATCHDOG), subject,
                                                topic, "2021"),
                           lambda draft: draft.fields["holds"])
        found = self.claim("assessment", "inspectorate", subject, topic, "2023", like=said)
        self.drafts[said].fields.update(stated="2021-03", resolution="resolved")
        self.drafts[found].fields.update(stated="2023-10")
        self.group("resolution-contradicted", "tension", [said, found])
        self.group("change-over-time", "changed", [said, found])

    def changes(self, variant: int, length: int) -> int:
        """A chain of `length` claims over non-overlapping years; returns the findings planted."""
        rng = self.rng
        subject, topic = self.subject(), rng.choice(TOPICS)[0]
        years = sorted(rng.sample(range(2016, 2023), length))
        party = rng.choice(PARTIES)[0]
        kind = CHANGING_KINDS[variant % len(CHANGING_KINDS)]
        members: list[int] = []
        for year in years:
            members.append(self.claim(kind, party, subject, topic, str(year),
                                      like=members[-1] if members else None))
        for first, second in pairwise(members):
            self.group("change-over-time", "changed", [first, second])
        return length - 1


def _party(party: str) -> tuple[str, str]:
    """How a text names a party, and its speaker."""
    for ident, _, _, said, speaker in PARTIES:
        if ident == party:
            return said, speaker
    raise KeyError(party)


def _speaker_id(party: str) -> str:
    return _party(party)[1].lower().replace(" ", "-")


# --- writing files ---------------------------------------------------------------------------------


def _toml(header: str, tables: Mapping[str, list[Any]]) -> str:
    """A TOML file of arrays of tables, each record written by the library's converter."""
    data = {name: [record_data(record) for record in records] for name, records in tables.items()}
    return f"# {header}\n\n" + tomli_w.dumps(data)


def _parties() -> dict[str, list[Any]]:
    return {
        "party": [Party(id=ident, name=name, role=role, aliases=(said[4:],))
                  for ident, name, role, said, _ in PARTIES],
        "speaker": [Speaker(id=_speaker_id(ident), party=ident, name=speaker,
                            aliases=(speaker.split()[-1],))
                    for ident, _, _, _, speaker in PARTIES]}


def _topics() -> dict[str, list[Any]]:
    return {"topic": [Topic(id=ident, description=f"How the district handles {words}.")
                      for ident, words in TOPICS],
            "scale": [GradingScale(id=SYNTHETIC_SCALE, grades=SYNTHETIC_GRADES)]}


def _plant(writer: _Writer, claims: int) -> None:
    """Planted groups first (about 1.5% of `claims` findings of each severity), then singles."""
    each = max(1, round(claims * 0.015)) if claims >= 60 else max(0, claims // 40)
    for n in range(each):
        writer.contradiction(n % (len(CONFLICT_RULES) + 1))
    for n in range(each):
        writer.tension(n % (len(TENSION_RULES) + 1))
    planted = 0
    n = 0
    while planted < each:
        planted += writer.changes(n, 3 if n % 3 == 2 and each - planted >= 2 else 2)
        n += 1
    if len(writer.drafts) > claims:
        raise ValueError(f"{claims} claims are too few for the planted findings")
    while len(writer.drafts) < claims:
        writer.single()


REWORDINGS = ("case", "plural", "order")


def reworded(text: str, how: str) -> str:
    """A thing's name as another writer might put it: other case and punctuation, or a word's
    other number (the same key once normalised), or two words swapped (a near miss; a one-word
    name gets an "s" added instead, a plural or a typo)."""
    words = text.split()
    if how == "case":
        return text.upper() + "."
    if how == "plural":
        index = next((i for i, w in enumerate(words) if len(w) > 3), 0)
        word = words[index]
        words[index] = word[:-1] if word.endswith("s") else word + "s"
        return " ".join(words)
    return " ".join([*words[1:2], *words[:1], *words[2:]]) if len(words) > 1 else text + "s"


def _reword(writer: _Writer) -> None:
    """Reword the thing of the second claim of each planted pair of two parties; a near miss
    (two words swapped) is then planted as `unmatched` (what a reviewer must see), a case or
    number change as the same clash."""
    pairs = set(CONFLICT_RULES.values()) | set(TENSION_RULES.values())
    for number, (rule, _severity, members) in enumerate(writer.groups):
        if rule not in pairs or len(members) != 2:
            continue
        draft = writer.drafts[members[1]]
        field = writer.kinds.kinds[draft.fields["kind"]].key_fields[0]
        how = REWORDINGS[number % len(REWORDINGS)]
        text = draft.fields[field]
        # two words swapped, or a one-word name with an "s" too many ("arrestss"): a near miss
        swapped = how == "order" and (len(text.split()) > 1 or text.endswith("s"))
        draft.fields[field] = reworded(draft.fields[field], how)
        if swapped:
            writer.groups[number] = ("unmatched", "unmatched", members)


def _record(draft: _Draft, ident: str, source: str, ids: Mapping[int, str],
            kinds: KindRegistry) -> Claim:
    fields = dict(draft.fields)
    if isinstance(fields.get("target"), tuple):
        fields["target"] = ids[fields["target"][1]]
    fields["period"] = parse_period(fields["period"])
    if "stated" in fields:
        fields["stated"] = parse_date(fields["stated"])
    record: Claim = kinds.kinds[fields["kind"]].record(
        id=ident, evidence=(Evidence(source=source, quote=draft.sentence),), **fields)
    return record


def generate(root: Path, *, claims: int, per_source: int = 10, seed: int = 0,
             fmt: Format = "toml", verdicts: bool = False, reword: bool = False) -> Plan:
    """Write a synthetic corpus of `claims` claims, `per_source` to a source, under `root`.

    With `verdicts`, claims/verdicts.toml upholds every planted contradiction and tension,
    so the audit passes; without, there is no verdicts file and each of them is unreviewed.
    With `reword`, one claim of each planted pair names its thing as another writer would.
    """
    if claims < 1 or per_source < 1:
        raise ValueError("claims and per_source must be positive")
    if fmt not in ("toml", "jsonl"):
        raise ValueError(f"unknown format {fmt!r}")
    rng = random.Random(seed)
    kinds = builtin_kinds()
    writer = _Writer(rng, kinds)
    _plant(writer, claims)
    if reword:
        _reword(writer)
    drafts = writer.drafts
    order = list(range(len(drafts)))
    rng.shuffle(order)
    ids = {draft: f"c{position + 1:06d}" for position, draft in enumerate(order)}
    sources = -(-claims // per_source)
    width = max(5, len(str(sources)))

    root = Path(root)
    seeds_dir, claims_dir = root / "seeds", root / "claims"
    seeds_dir.mkdir(parents=True, exist_ok=True)
    claims_dir.mkdir(parents=True, exist_ok=True)
    source_records = []
    for number in range(sources):
        source_id = f"s{number + 1:0{width}d}"
        chunk = order[number * per_source:(number + 1) * per_source]
        publisher = rng.choice(PARTIES)
        paragraphs = [f"Bulletin from {publisher[1]}"] + [drafts[d].sentence for d in chunk]
        data = ("\n\n".join(paragraphs) + "\n").encode("utf-8")
        (seeds_dir / f"{source_id}.txt").write_bytes(data)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        source_records.append(Source(
            id=source_id, path=f"{source_id}.txt", title=f"Bulletin {source_id}",
            publisher=publisher[1], kind="statement",
            published=parse_period(f"{PUBLISHED_YEAR}-{month:02d}-{day:02d}"),
            sha256=hashlib.sha256(data).hexdigest()))
        records = [_record(drafts[d], ids[d], source_id, ids, kinds) for d in chunk]
        if fmt == "toml":
            body = tomli_w.dumps({"claim": [record_data(r) for r in records]})
        else:
            body = "".join(json.dumps({"claim": record_data(r)}, ensure_ascii=False) + "\n"
                           for r in records)
        (claims_dir / f"{source_id}.{fmt}").write_text(body, encoding="utf-8")
    (seeds_dir / "sources.toml").write_text(
        _toml("Synthetic sources, pinned by sha256.", {"source": source_records}), encoding="utf-8")
    (claims_dir / "parties.toml").write_text(
        _toml("Synthetic parties and the people who speak for them.", _parties()), encoding="utf-8")
    (claims_dir / "topics.toml").write_text(
        _toml("Synthetic topics, and a PEEL-like grading scale (best first).", _topics()),
        encoding="utf-8")
    planted = tuple(Planted(rule=rule, severity=severity, claims=frozenset(ids[m] for m in members))
                    for rule, severity, members in writer.groups)
    planted = tuple(sorted(planted, key=lambda p: (p.severity, p.rule, sorted(p.claims))))
    if verdicts:
        upheld = [Verdict(finding=found.id, verdict="upheld", note=f"Planted {found.rule}.")
                  for found in planted if found.severity in ("contradiction", "tension")]
        (claims_dir / "verdicts.toml").write_text(
            _toml("Every planted contradiction and tension, upheld.", {"verdict": upheld}),
            encoding="utf-8")
    return Plan(root=root, claims=claims, sources=sources, fmt=fmt, seed=seed, planted=planted)
