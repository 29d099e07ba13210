"""The cases the realistic generator plants, and the findings a careful reader expects of each.

A case is a handful of claims about one thing (a key) from several parties, or about things
that must be kept apart. Each claim is a `Statement` for the truth (who, when, which thing,
what true value, how it was put) and a `Draft` for the files (its fields, its quote, the
paragraph a source prints). `expectations` reads the statements the way a reviewer would and
never calls the library's rules: same thing, same time, two parties, same true value is a
corroboration (by rounding when the stated points differ); values 30% apart a contradiction;
consecutive periods with different values a change; a target against the fact at its deadline.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from itertools import combinations
from typing import Any

import attrs

PARTIES: tuple[tuple[str, str, str, str, str], ...] = (
    # id, name, role, how texts name it, speaker
    ("inspectorate", "Inspectorate of Public Services", "watchdog", "Inspectorate", "Morgan Ellis"),
    ("force", "Riverside Constabulary", "force", "Constabulary", "Jordan Blake"),
    ("commissioner", "Riverside Commissioner", "pcc", "Commissioner", "Avery Quinn"),
    ("ministry", "Ministry of Justice", "government", "Ministry", "Casey Harper"),
    ("federation", "Riverside Staff Federation", "staff-association", "Federation", "Riley Shaw"),
    ("gazette", "Riverside Gazette", "press", "Gazette", "Taylor Reid"),
    ("courier", "Valley Courier", "press", "Courier", "Sam Okafor"),
)
PARTY_IDS = tuple(p[0] for p in PARTIES)
NOT_WATCHDOG = tuple(p[0] for p in PARTIES if p[2] != "watchdog")


@attrs.frozen(kw_only=True)
class Measure:
    """A thing claims count, with the other names writers give it: `plural` and `order` (the same
    words in another number or order), `synonym` (other words) and `sibling` (a different thing
    named with most of the same words: a hard negative)."""

    topic: str
    name: str
    unit: str
    lo: int
    hi: int
    plural: str | None = None
    order: str | None = None
    synonym: str | None = None
    sibling: str | None = None


MEASURES: tuple[Measure, ...] = (
    Measure(topic="staffing", name="officers recruited", unit="officers", lo=1000, hi=9000,
            order="recruited officers", synonym="new officers hired", sibling="officers retired"),
    Measure(topic="response-times", name="emergency calls answered", unit="calls", lo=10000,
            hi=95000, order="answered emergency calls", synonym="999 calls picked up",
            sibling="non-emergency calls answered"),
    Measure(topic="custody", name="people detained in custody", unit="people", lo=1000, hi=20000,
            synonym="detainees held", sibling="people released from custody"),
    Measure(topic="call-handling", name="calls abandoned", unit="calls", lo=1000, hi=30000,
            order="abandoned calls", synonym="calls dropped", sibling="calls transferred"),
    Measure(topic="offender-management", name="registered sex offenders", unit="offenders",
            lo=1000, hi=6000, synonym="sex offenders on the register",
            sibling="registered violent offenders"),
    Measure(topic="investigations", name="crimes recorded", unit="crimes", lo=10000, hi=99000,
            plural="crime recorded", order="recorded crimes", synonym="offences logged",
            sibling="crimes solved"),
    Measure(topic="neighbourhoods", name="arrests for burglary", unit="arrests", lo=1000,
            hi=9000, plural="arrests for burglaries", synonym="burglary arrests",
            sibling="arrests for robbery"),
    Measure(topic="budget", name="posts cut", unit="posts", lo=100, hi=2000, order="cut posts",
            synonym="jobs lost", sibling="posts created"),
    Measure(topic="training", name="officers trained in first aid", unit="officers", lo=1000,
            hi=9000, synonym="officers with first aid training",
            sibling="officers trained in driving"),
    Measure(topic="complaints", name="complaints upheld", unit="complaints", lo=100, hi=5000,
            order="upheld complaints", synonym="complaints found proven",
            sibling="complaints rejected"),
    Measure(topic="custody-suites", name="custody suites open", unit="suites", lo=3, hi=60,
            synonym="working custody suites", sibling="custody suites closed"),
)
ALIAS_TOPIC = "workforce"
TERMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("police officers", ("warranted officers", "officers in post")),
    ("police staff", ("civilian staff", "support staff")),
    ("special constables", ("specials", "volunteer constables")),
)
"""The workforce topic's declared vocabulary: every claim of that topic names one of these."""
ASPECTS = ("custody", "call handling", "offender management", "investigations",
           "neighbourhood policing", "vetting", "training", "complaints")


@attrs.frozen(kw_only=True)
class Statement:
    """What one claim (or one statement repeated as several claims: an echo) says, for the truth.

    `start` and `end` are months (year * 12 + month - 1); `stated` is a month too; `key` names
    the thing the writer meant, whatever words they used; `value` is the true value (a count,
    or whether a proposition holds); `point` is the value the words state.
    """

    slot: tuple[int, ...]
    party: str
    key: str
    start: int
    end: int
    value: int | bool
    point: float | None = None
    window: str | None = None
    reporter: str | None = None
    deadline: int | None = None
    resolution: str | None = None
    stated: int | None = None
    watchdog: bool = False


@attrs.frozen(kw_only=True)
class Expected:
    """A finding the truth expects: the claims (one of each slot's alternatives), severity,
    the family of rule a reviewer would name, and for a corroboration whether it is by rounding."""

    slots: tuple[tuple[int, ...], ...]
    severity: str
    rule: str
    rounding: bool | None = None


@attrs.define
class Draft:
    """A claim being written: its fields, and each quote with the paragraph that prints it."""

    fields: dict[str, Any]
    quotes: list[tuple[str, str]]  # (quote as the claim gives it, paragraph as the source prints it)
    case: int


@attrs.frozen(kw_only=True)
class Case:
    """A planted case: its category, its claims (draft indices) and the findings expected."""

    category: str
    members: tuple[int, ...]
    expected: tuple[Expected, ...]


def year(y: int) -> tuple[int, int]:
    return y * 12, y * 12 + 11


def month(y: int, m: int) -> int:
    return y * 12 + m - 1


def expectations(statements: list[Statement]) -> Iterator[Expected]:
    """The findings a reviewer expects among one case's statements (see the module's docstring)."""
    facts = [s for s in statements if s.deadline is None]
    for a, b in combinations(statements, 2):
        if a.key != b.key:
            continue
        if a.deadline is not None or b.deadline is not None:
            promise, fact = (a, b) if a.deadline is not None else (b, a)
            if (fact.deadline is None and fact.window == promise.window
                    and fact.start <= promise.deadline <= fact.end):  # type: ignore[operator]
                met = fact.value == promise.value
                yield Expected(slots=(a.slot, b.slot), rule="target",
                               severity="corroborated" if met else "tension")
            continue
        if a.window != b.window:
            continue
        if a.start <= b.end and b.start <= a.end:
            if a.party == b.party:
                if (a.reporter is None) != (b.reporter is None) and a.value != b.value:
                    yield Expected(slots=(a.slot, b.slot), severity="contradiction",
                                   rule="attribution")
            elif a.value != b.value:
                yield Expected(slots=(a.slot, b.slot), severity="contradiction", rule="conflict")
            else:
                rounding = (None if a.point is None or b.point is None
                            else not math.isclose(a.point, b.point, rel_tol=1e-9))
                yield Expected(slots=(a.slot, b.slot), severity="corroborated",
                               rule="corroboration", rounding=rounding)
        else:
            first, second = (a, b) if a.start < b.start else (b, a)
            later = [s.start for s in facts if s.key == first.key and s.window == first.window
                     and s.start > first.end]
            if later and second.start == min(later) and a.value != b.value:
                yield Expected(slots=(first.slot, second.slot), severity="changed",
                               rule="change")
        for said, found in ((a, b), (b, a)):
            if (said.resolution == "resolved" and not said.watchdog and found.watchdog
                    and found.value is False and said.stated is not None
                    and found.stated is not None and found.stated >= said.stated):
                yield Expected(slots=(said.slot, found.slot), severity="tension",
                               rule="resolution")
