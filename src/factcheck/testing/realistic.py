"""A realistic synthetic corpus: many claims a thing from several parties, with a planted truth.

`generate(root, claims=N, seed=S)` writes ``seeds/`` and ``claims/`` as the bundled corpus has
them, and ``truth.json``: each planted case with its category, its claim ids and the findings a
reviewer expects of it, each as ``claims`` (one list a statement, of the claims that carry it:
an echo's claims are alternatives), ``severity``, ``rule`` (the family a reviewer would name)
and, for a corroboration, ``rounding``. Writers name one thing in several
ways (case and punctuation, an alias the topic declares, a plural, another word order, a
synonym), state numbers exactly, rounded, hedged or in words, quote in several sentences and
sometimes from two sources, and repeat one statement in several sources. Distractors must not
clash: agreement only by rounding, changes over time, figures over different windows, effort
against a later finding, a faithful report, hard negatives (a thing named with most of the same
words). The truth comes from what was planted (`realistic_cases.expectations`), never from the
library's rules. The same seed writes the same bytes.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from ..reports.files import write_atomic
from .realistic_cases import (
    ALIAS_TOPIC,
    ASPECTS,
    MEASURES,
    NOT_WATCHDOG,
    PARTY_IDS,
    TERMS,
    Case,
    Expected,
    Measure,
    Statement,
    month,
    year,
)
from .realistic_claims import SHORT, SPEAKER, Writer, print_quote, speaker_id
from .realistic_files import write_corpus
from .realistic_shares import rates, shares
from .realistic_text import CLOSE_STYLES, STYLES, far_from, state

CATEGORIES: tuple[str, ...] = (
    "agreement", "rounding", "number-words", "contradiction", "close-contradiction",
    "reworded-case", "reworded-alias",
    "reworded-plural", "reworded-order", "reworded-synonym", "change", "window", "echo",
    "several-quotes", "report", "misreport", "target", "resolution", "effort",
    "assessment-conflict", "assessment-reworded", "hard-negative", "shares", "rates")
"""Every category of planted case; each is drawn about as often as the others."""


@attrs.frozen(kw_only=True)
class Truth:
    """What `generate` wrote and planted: where, how many claims, and each case."""

    root: Path
    claims: int
    seed: int
    cases: tuple[dict[str, Any], ...]


class _Planner(Writer):
    """Plants the cases of each category, drafting their claims with `Writer`."""

    # --- cases ---------------------------------------------------------------------------------

    def numbers(self, category: str) -> None:
        """A numeric case: one thing, several parties, one or two true values."""
        rng = self.rng
        wanted = {"reworded-plural": "plural", "reworded-order": "order"}.get(category)
        measure = rng.choice([m for m in MEASURES if wanted is None or getattr(m, wanted)])
        subject, y = self.subject(measure.topic), rng.randint(2017, 2023)
        clash = category in ("contradiction", "close-contradiction") or (
            category.startswith("reworded") and rng.random() < 0.5)
        parties = rng.sample(PARTY_IDS, rng.randint(2, 4))
        value = rng.randint(measure.lo, measure.hi)
        values = [value] * len(parties)
        if clash:
            other = far_from(rng, value, measure.lo, measure.hi)
            if category == "close-contradiction":  # 3% to 15% apart, each figure exact
                other = round(value * rng.uniform(1.03, 1.15)) + rng.randint(1, 3)
            values = [value if i % 2 == 0 else other for i in range(len(parties))]
        styles = {"agreement": ("exact",), "rounding": STYLES, "number-words": STYLES,
                  "close-contradiction": ("exact",)}.get(category, CLOSE_STYLES)
        variant = {"reworded-plural": measure.plural, "reworded-order": measure.order,
                   "reworded-synonym": measure.synonym}.get(category)
        statements: list[Statement] = []
        for n, (party, true) in enumerate(zip(parties, values, strict=True)):
            if category == "number-words" and n == 0:
                style = "words"
            elif category == "rounding" and n == 0:
                style = rng.choice(("rounded", "hedged", "nearly", "over"))
            else:
                style = rng.choice(styles)
            stated = state(rng, true, style if not clash or style in CLOSE_STYLES else "exact")
            last = n == len(parties) - 1
            name = self.cased(variant if variant is not None and last else measure.name)
            if category == "reworded-case" and last:  # surely typed otherwise than the others
                typed = {self.drafts[s.slot[0]].fields["measure"] for s in statements}
                name = rng.choice([t for t in (measure.name.title(), measure.name.upper(),
                                               measure.name + ".", measure.name.replace(" ", "-", 1))
                                   if t not in typed])
            index = self.count(party, subject, measure.topic, name, measure.unit, stated, y)
            statements.append(self.stat(index, party, measure.name, y, true, stated.point))
        self.case(category, statements)

    def alias(self) -> None:
        """Two or three parties naming one workforce figure by its declared name or aliases."""
        rng = self.rng
        term, aliases = rng.choice(TERMS)
        subject, y = self.subject(ALIAS_TOPIC), rng.randint(2017, 2023)
        value = rng.randint(200, 9000)
        parties = rng.sample(PARTY_IDS, rng.randint(2, 3))
        values = [value, far_from(rng, value, 200, 9000)] if rng.random() < 0.5 else [value] * 2
        values += [value] * (len(parties) - 2)
        statements = []
        for n, (party, true) in enumerate(zip(parties, values, strict=True)):
            name = term if n == 0 else rng.choice(aliases)
            stated = state(rng, true, rng.choice(CLOSE_STYLES))
            index = self.count(party, subject, ALIAS_TOPIC, self.cased(name), "people", stated, y)
            statements.append(self.stat(index, party, term, y, true, stated.point))
        self.case("reworded-alias", statements)

    def change(self) -> None:
        """One thing over two or three years, each year from one or two parties."""
        rng = self.rng
        measure = rng.choice(MEASURES)
        subject = self.subject(measure.topic)
        years = sorted(rng.sample(range(2016, 2024), rng.randint(2, 3)))
        value = rng.randint(measure.lo, measure.hi)
        statements = []
        for y in years:
            for party in rng.sample(PARTY_IDS, rng.choice((1, 1, 2))):
                stated = state(rng, value, rng.choice(CLOSE_STYLES))
                index = self.count(party, subject, measure.topic, self.cased(measure.name),
                                   measure.unit, stated, y)
                statements.append(self.stat(index, party, measure.name, y, value, stated.point))
            value = far_from(rng, value, measure.lo, measure.hi)
        self.case("change", statements)

    def window(self) -> None:
        """A yearly figure from one or two parties and a monthly one of the same measure."""
        rng = self.rng
        measure = rng.choice([m for m in MEASURES if m.lo >= 1000])
        subject, y = self.subject(measure.topic), rng.randint(2017, 2023)
        value = rng.randint(measure.lo * 12, measure.hi * 12)
        parties = rng.sample(PARTY_IDS, 3)
        statements = []
        for party in parties[:rng.randint(1, 2)]:
            stated = state(rng, value, rng.choice(CLOSE_STYLES))
            index = self.count(party, subject, measure.topic, self.cased(measure.name),
                               measure.unit, stated, y, window="year")
            statements.append(self.stat(index, party, measure.name, y, value, stated.point,
                                        window="year"))
        monthly = value // 12 + rng.randint(-50, 50)
        stated = state(rng, monthly, rng.choice(CLOSE_STYLES))
        index = self.count(parties[2], subject, measure.topic, self.cased(measure.name),
                           measure.unit, stated, y, window="month")
        statements.append(self.stat(index, parties[2], measure.name, y, monthly, stated.point,
                                    window="month"))
        self.case("window", statements)

    def echo(self) -> None:
        """One speaker's words printed in two or three sources (one statement, several claims),
        and another party's figure agreeing or clashing with it."""
        rng = self.rng
        measure = rng.choice(MEASURES)
        subject, y = self.subject(measure.topic), rng.randint(2017, 2023)
        speaker, other = rng.sample(PARTY_IDS, 2)
        value = rng.randint(measure.lo, measure.hi)
        stated = state(rng, value, rng.choice(CLOSE_STYLES))
        quote = f"In {y}, {subject[1]} had {stated.text} {measure.name}"
        echoes = []
        for n in range(rng.randint(2, 3)):
            fields = {"kind": "quantity", "party": speaker, "speaker": speaker_id(speaker),
                      "subject": subject[0], "topic": measure.topic, "period": str(y),
                      "measure": measure.name, "value": stated.text, "unit": measure.unit}
            paragraph = (f"\u201c{{q}},\u201d said {SPEAKER[speaker]}, for the {SHORT[speaker]}."
                         if n % 2 == 0 else
                         f"{SPEAKER[speaker]} of the {SHORT[speaker]} said: \u201c{{q}}.\u201d")
            echoes.append(self.draft(fields, quote, paragraph))
        true = value if rng.random() < 0.5 else far_from(rng, value, measure.lo, measure.hi)
        theirs = state(rng, true, rng.choice(CLOSE_STYLES))
        index = self.count(other, subject, measure.topic, self.cased(measure.name), measure.unit,
                           theirs, y)
        self.case("echo", [self.stat(tuple(echoes), speaker, measure.name, y, value, stated.point),
                           self.stat(index, other, measure.name, y, true, theirs.point)])

    def several_quotes(self) -> None:
        """A claim carried by the same words in two sources, and one by two different wordings."""
        rng = self.rng
        measure = rng.choice(MEASURES)
        subject, y = self.subject(measure.topic), rng.randint(2017, 2023)
        party = rng.choice(PARTY_IDS)
        stated = state(rng, rng.randint(measure.lo, measure.hi), rng.choice(CLOSE_STYLES))
        index = self.count(party, subject, measure.topic, measure.name, measure.unit, stated, y,
                           speaker=False, form=1)
        first_quote = self.drafts[index].quotes[0]
        same = rng.random() < 0.5
        if same:
            self.drafts[index].quotes.append(first_quote)
        else:
            quote = f"{subject[1]} ended {y} with {stated.text} {measure.name}"
            self.drafts[index].quotes.append(
                (quote, f"{print_quote(quote, rng)}, the {SHORT[party]} said later."))
        members = (index,)
        expected = (Expected(slots=((index,),), severity="corroborated", rule="same-quote"),) \
            if same else ()
        self.cases.append(Case(category="several-quotes", members=members, expected=expected))

    def report(self, faithful: bool) -> None:
        """The watchdog's own figure, and a newspaper's report of it (faithful or not)."""
        rng = self.rng
        measure = rng.choice(MEASURES)
        subject, y = self.subject(measure.topic), rng.randint(2017, 2023)
        value = rng.randint(measure.lo, measure.hi)
        own = state(rng, value, rng.choice(CLOSE_STYLES))
        first = self.count("inspectorate", subject, measure.topic, self.cased(measure.name),
                           measure.unit, own, y, speaker=False)
        reporter = rng.choice(("gazette", "courier"))
        true = value if faithful else far_from(rng, value, measure.lo, measure.hi)
        told = state(rng, true, "exact")
        quote = f"{subject[1]} had {told.text} {measure.name} during {y}"
        fields = {"kind": "quantity", "party": "inspectorate", "reported_by": reporter,
                  "subject": subject[0], "topic": measure.topic, "period": str(y),
                  "measure": self.cased(measure.name), "value": told.text, "unit": measure.unit}
        second = self.draft(fields, quote,
                            f"The {SHORT[reporter]} reported that the Inspectorate said {{q}}.")
        self.case("report" if faithful else "misreport", [
            self.stat(first, "inspectorate", measure.name, y, value, own.point),
            self.stat(second, "inspectorate", measure.name, y, true, told.point,
                      reporter=reporter)])

    def target(self) -> None:
        """A party's target for a deadline, the watchdog's figure for the year of the deadline
        (met or missed), and its figure for an earlier year."""
        rng = self.rng
        measure = rng.choice(MEASURES)
        subject, y = self.subject(measure.topic), rng.randint(2019, 2023)
        party = rng.choice(NOT_WATCHDOG)
        aim = rng.randint(measure.lo, measure.hi)
        promised = state(rng, aim, rng.choice(("exact", "rounded")))
        fields = {"kind": "quantity", "party": party, "subject": subject[0],
                  "topic": measure.topic, "period": str(y), "deadline": f"{y}-03",
                  "measure": self.cased(measure.name), "value": promised.text,
                  "unit": measure.unit}
        quote = f"{subject[1]} would have {promised.text} {measure.name} by March {y}"
        promise = self.draft(fields, quote, f"The {SHORT[party]} said it had set a target that {{q}}.")
        outcome = aim if rng.random() < 0.5 else far_from(rng, aim, measure.lo, measure.hi)
        found = state(rng, outcome, rng.choice(CLOSE_STYLES))
        late = self.count("inspectorate", subject, measure.topic, self.cased(measure.name),
                          measure.unit, found, y)
        before = far_from(rng, outcome, measure.lo, measure.hi)
        early_stated = state(rng, before, rng.choice(CLOSE_STYLES))
        early = self.count("inspectorate", subject, measure.topic, self.cased(measure.name),
                           measure.unit, early_stated, y - 2)
        self.case("target", [
            self.stat(promise, party, measure.name, y, aim, promised.point, deadline=month(y, 3)),
            self.stat(late, "inspectorate", measure.name, y, outcome, found.point),
            self.stat(early, "inspectorate", measure.name, y - 2, before, early_stated.point)])

    def resolution(self, effort: bool) -> None:
        """A party calls an issue resolved (or being worked on); the watchdog later finds it not."""
        rng = self.rng
        aspect = rng.choice(ASPECTS)
        topic = "assessments"
        subject = self.subject(topic)
        party = rng.choice(NOT_WATCHDOG)
        said_y, found_y = (2023, 2023) if effort else (2021, 2023)
        said_m, found_m = (6, 11) if effort else (3, 10)
        period = f"{said_y}-{said_m:02d}" if effort else str(said_y)
        said = self.judge(party, subject, topic, aspect, True, period,
                          stated=f"{said_y}-{said_m:02d}",
                          resolution="in-progress" if effort else "resolved")
        found = self.judge("inspectorate", subject, topic, aspect, False,
                           f"{found_y}-{found_m:02d}" if effort else str(found_y),
                           stated=f"{found_y}-{found_m:02d}")
        start, end = ((month(said_y, said_m),) * 2 if effort else year(said_y))
        f_start, f_end = ((month(found_y, found_m),) * 2 if effort else year(found_y))
        key = f"{subject[0]} {aspect}"
        self.case("effort" if effort else "resolution", [
            Statement(slot=(said,), party=party, key=key, start=start, end=end, value=True,
                      resolution="in-progress" if effort else "resolved",
                      stated=month(said_y, said_m)),
            Statement(slot=(found,), party="inspectorate", key=key, start=f_start, end=f_end,
                      value=False, stated=month(found_y, found_m), watchdog=True)])

    def judgements(self, reworded: bool = False) -> None:
        """Two to three parties judging one proposition at one time, not all alike; `reworded`,
        the last of them puts the proposition in other words."""
        rng = self.rng
        aspect = rng.choice(ASPECTS)
        subject, y = self.subject("assessments"), rng.randint(2017, 2023)
        parties = rng.sample(PARTY_IDS, rng.randint(2, 3))
        verdicts = [True, False, rng.random() < 0.5][:len(parties)]
        statements = []
        for n, (party, holds) in enumerate(zip(parties, verdicts, strict=True)):
            index = self.judge(party, subject, "assessments", aspect, holds, str(y),
                               well=reworded and n == len(parties) - 1)
            statements.append(Statement(slot=(index,), party=party, key=aspect,
                                        start=year(y)[0], end=year(y)[1], value=holds,
                                        watchdog=party == "inspectorate"))
        self.case("assessment-reworded" if reworded else "assessment-conflict", statements)

    def hard_negative(self) -> None:
        """Two parties' figures for things named with most of the same words (one subject, topic
        and year), or for one thing in two places: nothing to compare."""
        rng = self.rng
        measure: Measure = rng.choice(MEASURES)
        subject, y = self.subject(measure.topic), rng.randint(2017, 2023)
        first, second = rng.sample(PARTY_IDS, 2)
        value = rng.randint(measure.lo, measure.hi)
        other = far_from(rng, value, measure.lo, measure.hi)
        a_stated, b_stated = state(rng, value, "exact"), state(rng, other, "exact")
        a = self.count(first, subject, measure.topic, measure.name, measure.unit, a_stated, y)
        if measure.sibling is not None and rng.random() < 0.75:
            b = self.count(second, subject, measure.topic, measure.sibling, measure.unit,
                           b_stated, y)
            key = measure.sibling
        else:
            b = self.count(second, self.subject(measure.topic), measure.topic, measure.name,
                           measure.unit, b_stated, y)
            key = measure.name + " elsewhere"
        self.case("hard-negative", [self.stat(a, first, measure.name, y, value, a_stated.point),
                                    self.stat(b, second, key, y, other, b_stated.point)])

    def plant(self, category: str) -> None:
        builders: dict[str, Callable[[], None]] = {
            "reworded-alias": self.alias, "change": self.change, "window": self.window,
            "echo": self.echo, "several-quotes": self.several_quotes,
            "report": lambda: self.report(True), "misreport": lambda: self.report(False),
            "target": self.target, "resolution": lambda: self.resolution(False),
            "effort": lambda: self.resolution(True), "assessment-conflict": self.judgements,
            "assessment-reworded": lambda: self.judgements(True),
            "hard-negative": self.hard_negative, "shares": lambda: shares(self),
            "rates": lambda: rates(self)}
        builders.get(category, lambda: self.numbers(category))()


def generate(root: Path, *, claims: int, seed: int = 0, per_source: int = 10) -> Truth:
    """Write a realistic corpus of about `claims` claims (whole cases: at most a few more)
    under `root`, and its planted truth in ``root/truth.json``."""
    if claims < len(CATEGORIES) or per_source < 1:
        raise ValueError(f"claims must be at least {len(CATEGORIES)} and per_source positive")
    rng = random.Random(seed)
    planner = _Planner(rng)
    n = 0
    while len(planner.drafts) < claims:
        planner.plant(CATEGORIES[n % len(CATEGORIES)])
        n += 1
    cases = write_corpus(Path(root), planner.drafts, planner.cases, rng, per_source=per_source,
                         speakers={p: speaker_id(p) for p in PARTY_IDS})
    truth = Truth(root=Path(root), claims=len(planner.drafts), seed=seed, cases=cases)
    lines = ",\n".join(json.dumps(case, separators=(",", ":")) for case in cases)
    write_atomic(Path(root) / "truth.json", f'{{"seed":{seed},"claims":{truth.claims},'
                 f'"cases":[\n{lines}\n]}}\n')
    return truth
