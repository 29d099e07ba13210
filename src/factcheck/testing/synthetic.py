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
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal

import attrs

from ..rules.findings import Finding, Severity, finding_id

Format = Literal["toml", "jsonl"]
PLANTED_SEVERITIES: tuple[Severity, ...] = ("contradiction", "tension", "changed")

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
GRADES = ("outstanding", "good", "adequate", "requires improvement", "inadequate")
AREAS = ("preventing crime", "responding to the public", "investigating crime",
         "protecting vulnerable people", "managing offenders", "treating the public fairly")
QUANTITIES = (("officers", "officers"), ("arrests", "arrests"), ("emergency calls", "calls"),
              ("open investigations", "investigations"), ("recorded crimes", "crimes"))
RATES = (("offences", "people", "100,000"), ("complaints", "officers", "1,000"),
         ("arrests", "residents", "10,000"))
CAUSES = ("budget cuts", "a failure of leadership", "staff shortages", "the old operating model",
          "rising demand", "poor training")
OUTCOMES = ("the rise in response times", "the fall in arrests", "the backlog of investigations",
            "the drop in public confidence")
_CONSONANTS = "bdfgklmprstvz"
_VOWELS = "aeiou"
_SYLLABLES = tuple(c + v for c in _CONSONANTS for v in _VOWELS)
PUBLISHED_YEAR = 2024


@attrs.frozen(kw_only=True)
class Planted:
    """A finding the corpus was built to contain."""

    rule: str
    severity: Severity
    claims: frozenset[str]

    @property
    def id(self) -> str:
        return finding_id(self.rule, self.claims)


@attrs.frozen(kw_only=True)
class Score:
    """How the findings of a run compare with the plan."""

    expected: int
    found: int
    true_positives: int
    missing: frozenset[tuple[str, frozenset[str]]]
    unexpected: frozenset[tuple[str, frozenset[str]]]

    @property
    def precision(self) -> float:
        return self.true_positives / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0


@attrs.frozen(kw_only=True)
class Plan:
    """What `generate` wrote: where, how much, and the findings it planted."""

    root: Path
    claims: int
    sources: int
    fmt: Format
    seed: int
    planted: tuple[Planted, ...]

    @property
    def expected(self) -> frozenset[tuple[str, frozenset[str]]]:
        """The planted findings as (severity, claim ids)."""
        return frozenset((p.severity, p.claims) for p in self.planted)

    def count(self, severity: Severity) -> int:
        return sum(p.severity == severity for p in self.planted)

    def score(self, findings: Iterable[Finding]) -> Score:
        """Precision and recall of `findings` (all of them, any severity) against the plan."""
        found = frozenset((f.severity, frozenset(f.claims)) for f in findings)
        expected = self.expected
        hits = found & expected
        return Score(expected=len(expected), found=len(found), true_positives=len(hits),
                     missing=expected - found, unexpected=found - expected)


# --- claims as plain records --------------------------------------------------------------------


@attrs.define
class _Draft:
    """A claim before it has an id and a source: its fields and the sentence that carries it."""

    fields: dict[str, Any]
    sentence: str


class _Writer:
    """Builds claim drafts from one random generator; all state is local to one `generate`."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.subjects = 0
        self.used_values: set[str] = set()
        self.drafts: list[_Draft] = []
        self.groups: list[tuple[str, Severity, list[int]]] = []  # rule, severity, draft indices

    # names and values

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

    def count(self, avoid: Iterable[int] = ()) -> int:
        """A count from 1,001 to 98,999 without trailing zeros, far from every value in `avoid`."""
        while True:
            value = self.rng.randint(1001, 98999)
            if value % 10 and all(abs(value - other) > 50 for other in avoid):
                return value

    def tenths(self, avoid: Iterable[int] = ()) -> int:
        """A rate in tenths (123 is 12.3) without a trailing zero, far from `avoid`."""
        while True:
            value = self.rng.randint(11, 999)
            if value % 10 and all(abs(value - other) > 10 for other in avoid):
                return value

    def period(self) -> str:
        return str(self.rng.randint(2016, 2022))

    # one claim

    def add(self, fields: dict[str, Any], sentence: str) -> int:
        self.drafts.append(_Draft(fields=fields, sentence=sentence))
        return len(self.drafts) - 1

    def base(self, party: str, subject: str, topic: str, period: str, kind: str,
             speaker: bool | None = None) -> tuple[dict[str, Any], str]:
        """The common fields of a claim, and how its sentence names the party."""
        name, said = _party(party)
        if speaker is None:
            speaker = self.rng.random() < 0.2
        fields: dict[str, Any] = {"kind": kind, "party": party, "subject": subject, "topic": topic,
                                  "period": period}
        if speaker:
            fields["speaker"] = _speaker_id(party)
            return fields, f"{said}, for the {name[4:]},"
        return fields, "the " + name[4:]

    def quantity(self, party: str, subject: str, name: str, topic: str, period: str,
                 measure: tuple[str, str], value: int) -> int:
        fields, who = self.base(party, subject, topic, period, "quantity")
        text = f"{value:,}"
        fields.update(measure=measure[0], value=text, unit=measure[1])
        return self.add(fields, f"In {period}, {who} said {name} had {text} {measure[0]}.")

    def rate(self, party: str, subject: str, name: str, topic: str, period: str,
             measure: tuple[str, str, str], tenths: int) -> int:
        fields, who = self.base(party, subject, topic, period, "rate")
        noun, population, per = measure
        text = f"{tenths // 10}.{tenths % 10}"
        fields.update(measure=f"{noun} per {per} {population}", value=text, per=per, unit=noun)
        return self.add(fields, f"In {period}, {who} said {name} recorded {text} {noun} per "
                                     f"{per} {population}.")

    def change(self, party: str, subject: str, name: str, topic: str, period: str) -> int:
        fields, who = self.base(party, subject, topic, period, "change")
        noun = self.rng.choice(QUANTITIES)[0]
        direction = self.rng.choice(("increase", "decrease"))
        by = f"{self.tenths()/10:.1f}%"
        fields.update(measure=noun, direction=direction, by=by)
        verb = "rose" if direction == "increase" else "fell"
        return self.add(fields, f"In {period}, {who} said {noun} in {name} {verb} by {by}.")

    def rating(self, party: str, subject: str, name: str, topic: str, period: str,
               area: str, grade: str) -> int:
        fields, who = self.base(party, subject, topic, period, "rating")
        fields.update(scale="grading", area=area, grade=grade)
        return self.add(fields, f"In {period}, {who} graded {name} as {grade} at {area}.")

    def status(self, party: str, subject: str, name: str, topic: str, period: str,
               area: str, state: str) -> int:
        fields, who = self.base(party, subject, topic, period, "status")
        fields.update(item=f"cause of concern on {area}", state=state)
        return self.add(fields, f"In {period}, {who} said the cause of concern on {area} at "
                                     f"{name} was {state}.")

    def assessment(self, party: str, subject: str, name: str, topic: str, period: str,
                   holds: bool, what: str | None = None) -> int:
        fields, who = self.base(party, subject, topic, period, "assessment")
        what = what or dict(TOPICS)[topic]
        fields.update(proposition=f"{subject} manages {what} effectively", holds=holds)
        verb = "manages" if holds else "does not manage"
        return self.add(fields, f"In {period}, {who} said {name} {verb} {what} effectively.")

    def ranking(self, party: str, subject: str, name: str, topic: str, period: str,
                measure: str, position: str) -> int:
        fields, who = self.base(party, subject, topic, period, "ranking")
        fields.update(measure=measure, position=position, among="districts in the region")
        return self.add(fields, f"In {period}, {who} said {name} had the {position} rate of "
                                     f"{measure} of any district in the region.")

    def cause(self, party: str, subject: str, name: str, topic: str, period: str,
              outcome: str, cause: str) -> int:
        fields, who = self.base(party, subject, topic, period, "cause")
        fields.update(outcome=f"{outcome} in {subject}", cause=cause)
        return self.add(fields, f"In {period}, {who} blamed {cause} for {outcome} in {name}.")

    def stance(self, party: str, subject: str, name: str, topic: str, period: str,
               target_party: str, target: int, about: str) -> int:
        fields, who = self.base(party, subject, topic, period, "stance")
        fields.update(stance="disputes", target_party=target_party, about=about,
                      target=("@", target))
        other = _party(target_party)[0]
        other = other[0].lower() + other[1:]
        return self.add(fields, f"In {period}, {who} disputed what {other} said about "
                                     f"{about} at {name}.")

    # groups

    def single(self) -> None:
        rng = self.rng
        subject, name = self.subject()
        topic = rng.choice(TOPICS)[0]
        period = self.period()
        party = rng.choice(PARTIES)[0]
        kind = rng.choices(("quantity", "rate", "change", "rating", "status", "assessment", "ranking",
                            "cause"), weights=(30, 15, 10, 10, 10, 10, 5, 10))[0]
        if kind == "quantity":
            self.quantity(party, subject, name, topic, period, rng.choice(QUANTITIES), self.count())
        elif kind == "rate":
            self.rate(party, subject, name, topic, period, rng.choice(RATES), self.tenths())
        elif kind == "change":
            self.change(party, subject, name, topic, period)
        elif kind == "rating":
            self.rating(party, subject, name, topic, period, rng.choice(AREAS), rng.choice(GRADES))
        elif kind == "status":
            self.status(party, subject, name, topic, period, rng.choice(AREAS),
                        rng.choice(("open", "closed")))
        elif kind == "assessment":
            self.assessment(party, subject, name, topic, period, rng.random() < 0.5)
        elif kind == "ranking":
            self.ranking(party, subject, name, topic, period, rng.choice(RATES)[0],
                         rng.choice(("highest", "lowest")))
        else:
            self.cause(party, subject, name, topic, period, rng.choice(OUTCOMES), rng.choice(CAUSES))

    def group(self, rule: str, severity: Severity, members: list[int]) -> None:
        self.groups.append((rule, severity, members))

    def contradiction(self, variant: int) -> None:
        rng = self.rng
        subject, name = self.subject()
        topic = rng.choice(TOPICS)[0]
        period = self.period()
        a, b = rng.sample(NON_WATCHDOG if variant == 2 else tuple(p[0] for p in PARTIES), 2)
        if variant == 0:
            measure = rng.choice(QUANTITIES)
            first = self.count()
            pair = [self.quantity(a, subject, name, topic, period, measure, first),
                    self.quantity(b, subject, name, topic, period, measure, self.count([first]))]
            self.group("value-conflict", "contradiction", pair)
        elif variant == 1:
            rate = rng.choice(RATES)
            first = self.tenths()
            pair = [self.rate(a, subject, name, topic, period, rate, first),
                    self.rate(b, subject, name, topic, period, rate, self.tenths([first]))]
            self.group("value-conflict", "contradiction", pair)
        elif variant == 2:  # no watchdog: a later watchdog 'does not hold' would be a tension too
            holds = rng.random() < 0.5
            pair = [self.assessment(a, subject, name, topic, period, holds),
                    self.assessment(b, subject, name, topic, period, not holds)]
            self.group("assessment-conflict", "contradiction", pair)
        elif variant == 3:
            area = rng.choice(AREAS)
            g1, g2 = rng.sample(GRADES, 2)
            pair = [self.rating(a, subject, name, topic, period, area, g1),
                    self.rating(b, subject, name, topic, period, area, g2)]
            self.group("rating-status-conflict", "contradiction", pair)
        elif variant == 4:
            area = rng.choice(AREAS)
            pair = [self.status(a, subject, name, topic, period, area, "open"),
                    self.status(b, subject, name, topic, period, area, "closed")]
            self.group("rating-status-conflict", "contradiction", pair)
        else:
            measure = rng.choice(QUANTITIES)
            target = self.quantity(b, subject, name, topic, period, measure, self.count())
            stance = self.stance(a, subject, name, topic, period, b, target,
                                 f"the number of {measure[0]}")
            self.group("explicit-dispute", "contradiction", [target, stance])

    def tension(self, variant: int) -> None:
        rng = self.rng
        subject, name = self.subject()
        topic = rng.choice(TOPICS)[0]
        period = self.period()
        if variant == 0:
            a, b = rng.sample([p[0] for p in PARTIES], 2)
            outcome = rng.choice(OUTCOMES)
            c1, c2 = rng.sample(CAUSES, 2)
            pair = [self.cause(a, subject, name, topic, period, outcome, c1),
                    self.cause(b, subject, name, topic, period, outcome, c2)]
            self.group("competing-causes", "tension", pair)
        elif variant == 1:
            a, b = rng.sample([p[0] for p in PARTIES], 2)
            measure = rng.choice(RATES)[0]
            pair = [self.ranking(a, subject, name, topic, period, measure, "highest"),
                    self.ranking(b, subject, name, topic, period, measure, "lowest")]
            self.group("ranking-conflict", "tension", pair)
        else:  # a party says it is dealt with; the watchdog says later it is not
            party = rng.choice(NON_WATCHDOG)
            said = self.assessment(party, subject, name, topic, "2022", True,
                                   what="its improvement plan")
            found = self.assessment("inspectorate", subject, name, topic, "2022", False,
                                    what="its custody suites")
            self.drafts[said].fields["stated"] = "2023-03"
            self.drafts[found].fields["stated"] = "2023-10"
            self.group("resolution-contradicted", "tension", [said, found])

    def changes(self, variant: int, length: int) -> int:
        """A chain of `length` claims over non-overlapping years; returns the findings planted."""
        rng = self.rng
        subject, name = self.subject()
        topic = rng.choice(TOPICS)[0]
        years = sorted(rng.sample(range(2016, 2023), length))
        party = rng.choice(PARTIES)[0]
        members: list[int] = []
        if variant == 0:
            measure = rng.choice(QUANTITIES)
            values: list[int] = []
            for year in years:
                values.append(self.count(values))
                members.append(self.quantity(party, subject, name, topic, str(year), measure,
                                             values[-1]))
        elif variant == 1:
            rate = rng.choice(RATES)
            values = []
            for year in years:
                values.append(self.tenths(values))
                members.append(self.rate(party, subject, name, topic, str(year), rate, values[-1]))
        elif variant == 2:
            area = rng.choice(AREAS)
            grades = rng.sample(GRADES, length)
            for year, grade in zip(years, grades, strict=True):
                members.append(self.rating(party, subject, name, topic, str(year), area, grade))
        else:
            area = rng.choice(AREAS)
            states = ["open", "closed"] if length == 2 else ["open", "closed", "reopened"]
            for year, state in zip(years, states, strict=True):
                members.append(self.status(party, subject, name, topic, str(year), area, state))
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


# --- writing files -----------------------------------------------------------------------------


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


def _toml_claim(fields: dict[str, Any], evidence: dict[str, str]) -> str:
    lines = ["[[claim]]"]
    lines += [f"{name} = {_toml_value(value)}" for name, value in fields.items()]
    lines += ["", "[[claim.evidence]]"]
    lines += [f"{name} = {_toml_value(value)}" for name, value in evidence.items()]
    return "\n".join(lines) + "\n"


def _parties_toml() -> str:
    out = ["# Synthetic parties and the people who speak for them.", ""]
    for ident, name, role, said, _ in PARTIES:
        out += ["[[party]]", f"id = {_toml_value(ident)}", f"name = {_toml_value(name)}",
                f"role = {_toml_value(role)}", f"aliases = [{_toml_value(said[4:])}]", ""]
    for ident, _, _, _, speaker in PARTIES:
        surname = speaker.split()[-1]
        out += ["[[speaker]]", f"id = {_toml_value(_speaker_id(ident))}",
                f"party = {_toml_value(ident)}", f"name = {_toml_value(speaker)}",
                f"aliases = [{_toml_value(surname)}]", ""]
    return "\n".join(out)


def _topics_toml() -> str:
    out = ["# Synthetic topics, and a PEEL-like grading scale (best first).", ""]
    for ident, words in TOPICS:
        out += ["[[topic]]", f"id = {_toml_value(ident)}",
                f"description = {_toml_value('How the district handles ' + words + '.')}", ""]
    out += ["[[scale]]", 'id = "grading"', f"grades = [{', '.join(_toml_value(g) for g in GRADES)}]", ""]
    return "\n".join(out)


def _plant(writer: _Writer, claims: int) -> None:
    """Planted groups first (about 1.5% of `claims` findings of each severity), then singles."""
    each = max(1, round(claims * 0.015)) if claims >= 60 else max(0, claims // 40)
    for n in range(each):
        writer.contradiction(n % 6)
    for n in range(each):
        writer.tension(n % 3)
    planted = 0
    n = 0
    while planted < each:
        planted += writer.changes(n % 4, 3 if n % 3 == 2 and each - planted >= 2 else 2)
        n += 1
    if len(writer.drafts) > claims:
        raise ValueError(f"{claims} claims are too few for the planted findings")
    while len(writer.drafts) < claims:
        writer.single()


def generate(root: Path, *, claims: int, per_source: int = 10, seed: int = 0,
             fmt: Format = "toml", verdicts: bool = False) -> Plan:
    """Write a synthetic corpus of `claims` claims, `per_source` to a source, under `root`.

    With `verdicts`, claims/verdicts.toml upholds every planted contradiction and tension,
    so the audit passes; without, there is no verdicts file and each of them is unreviewed.
    """
    if claims < 1 or per_source < 1:
        raise ValueError("claims and per_source must be positive")
    if fmt not in ("toml", "jsonl"):
        raise ValueError(f"unknown format {fmt!r}")
    rng = random.Random(seed)
    writer = _Writer(rng)
    _plant(writer, claims)
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
    source_entries = []
    for number in range(sources):
        source_id = f"s{number + 1:0{width}d}"
        chunk = order[number * per_source:(number + 1) * per_source]
        publisher = rng.choice(PARTIES)
        paragraphs = [f"Bulletin from {publisher[1]}"] + [drafts[d].sentence for d in chunk]
        text = "\n\n".join(paragraphs) + "\n"
        data = text.encode("utf-8")
        (seeds_dir / f"{source_id}.txt").write_bytes(data)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        source_entries.append("\n".join([
            "[[source]]", f"id = {_toml_value(source_id)}", f"path = {_toml_value(source_id + '.txt')}",
            f"title = {_toml_value('Bulletin ' + source_id)}", f"publisher = {_toml_value(publisher[1])}",
            'kind = "statement"', f'published = "{PUBLISHED_YEAR}-{month:02d}-{day:02d}"',
            f'sha256 = "{hashlib.sha256(data).hexdigest()}"', ""]))
        records = []
        for d in chunk:
            fields = {"id": ids[d], **drafts[d].fields}
            if isinstance(fields.get("target"), tuple):
                fields["target"] = ids[fields["target"][1]]
            evidence = {"source": source_id, "quote": drafts[d].sentence}
            if fmt == "toml":
                records.append(_toml_claim(fields, evidence))
            else:
                records.append(json.dumps({"claim": {**fields, "evidence": [evidence]}},
                                          ensure_ascii=False) + "\n")
        body = "\n".join(records) if fmt == "toml" else "".join(records)
        (claims_dir / f"{source_id}.{fmt}").write_text(body, encoding="utf-8")
    (seeds_dir / "sources.toml").write_text(
        "# Synthetic sources, pinned by sha256.\n\n" + "\n".join(source_entries), encoding="utf-8")
    (claims_dir / "parties.toml").write_text(_parties_toml(), encoding="utf-8")
    (claims_dir / "topics.toml").write_text(_topics_toml(), encoding="utf-8")
    planted = tuple(Planted(rule=rule, severity=severity, claims=frozenset(ids[m] for m in members))
                    for rule, severity, members in writer.groups)
    planted = tuple(sorted(planted, key=lambda p: (p.severity, p.rule, sorted(p.claims))))
    if verdicts:
        (claims_dir / "verdicts.toml").write_text("".join(_verdicts(planted)), encoding="utf-8")
    return Plan(root=root, claims=claims, sources=sources, fmt=fmt, seed=seed, planted=planted)


def _verdicts(planted: Iterable[Planted]) -> Iterator[str]:
    yield "# Every planted contradiction and tension, upheld.\n"
    for found in planted:
        if found.severity in ("contradiction", "tension"):
            yield (f'\n[[verdict]]\nfinding = "{found.id}"\nverdict = "upheld"\n'
                   f'note = "Planted {found.rule}."\n')
