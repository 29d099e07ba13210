"""The `event` kind: an item's transition at a date of stated precision ("the cause of concern
was closed in March 2023", "the force was moved into enhanced monitoring on 3 May").

Fields:

- `item`: what changes, named as status claims of it name it ("monitoring level", "cause of
  concern: investigations"), so events and status claims of one item meet;
- `to_state`: the state the item is in after the event, as a status claim would name it
  ("engage", "closed"); leave it out for a plain happening ("the launch of the new operating
  model");
- `from_state`: the state it leaves, when the text says it;
- `date`: when it happened, as precisely as the quote says it ("2023", "2023-03", "2023-05-03");
  a target event (one with a `deadline`, "to be closed by June 2024") has no `date`;
- `date_cue`: the quote's own words for the date when they do not name it in full ("last
  November", "on 3 May", "today"): they must stand in the quote and not name another year,
  month or day;
- `cue`: the quote's own words for the transition when `to_state` is not among them ("escalated
  to", "now closed").
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from ...text.dates import (
    MONTHS,
    PartialDate,
    find_dates,
    mention_coarser,
    mention_disagrees,
    mention_says,
    parse_date,
)
from ...text.normalise import comparable_text
from ..records import Claim, text_field
from .base import (
    OPTIONAL_STRING,
    STRING,
    ClaimKind,
    ClaimValue,
    FieldProblem,
    Quote,
    SyntheticClaim,
    no_number,
    no_references,
    value_schema,
)
from .cues import Lexicon
from .rating import AREAS
from .values import check_meaning, check_words

HAPPENED = "happened"
"""The category of an event that names no state it leads to."""



def _optional_text(instance: object, attribute: attrs.Attribute[str | None],
                   value: str | None) -> None:
    """Optional words: absent, or text that is not blank."""
    if value is None:
        return
    if not isinstance(value, str):
        raise TypeError(f"must be text, got {type(value).__name__}", attribute)
    if not value.strip():
        raise ValueError("must not be empty: leave the field out instead", attribute)


def _as_date(value: object) -> PartialDate | None:
    """A date field given as a PartialDate, or as the text of one (as synthetic drafts write it)."""
    if value is None or isinstance(value, PartialDate):
        return value
    return parse_date(value)


def _dated_once(instance: Event, attribute: attrs.Attribute[PartialDate | None],
                value: PartialDate | None) -> None:
    """A fact has a `date`; a target has a `deadline` and no `date`."""
    if value is None and instance.deadline is None:
        raise ValueError("an event needs `date`: when it happened, as precisely as the quote "
                         "says it ('2023', '2023-03' or '2023-03-15')", attribute)
    if value is not None and instance.deadline is not None:
        raise ValueError("a target event (with a `deadline`) has no `date`: it is dated by its "
                         "deadline", attribute)


@attrs.frozen(kw_only=True, weakref_slot=False)
class Event(Claim):
    """An item's transition at a date of stated precision: 'the cause of concern was closed in
    March 2023'. `to_state` is the state after it (none for a plain happening)."""

    kind: Literal["event"] = "event"
    item: str = text_field()
    to_state: str | None = attrs.field(default=None, validator=_optional_text)
    from_state: str | None = attrs.field(default=None, validator=_optional_text)
    date: PartialDate | None = attrs.field(default=None, converter=_as_date,
                                           validator=_dated_once)
    date_cue: str | None = attrs.field(default=None, validator=_optional_text)
    cue: str | None = attrs.field(default=None, validator=_optional_text)

    @property
    def when(self) -> PartialDate:
        """The date of the event: when it happened, or for a target, its deadline."""
        found = self.date or self.deadline
        assert found is not None  # the validator makes sure
        return found


@attrs.frozen(kw_only=True)
class EventValue(ClaimValue):
    """An event claim's payload."""

    kind: Literal["event"] = "event"
    item: str
    to_state: str | None = None
    from_state: str | None = None
    date: str | None = None
    date_cue: str | None = None
    cue: str | None = None

    def describe(self) -> str:
        moved = (f"{self.from_state} -> {self.to_state}" if self.from_state and self.to_state
                 else f"-> {self.to_state}" if self.to_state
                 else f"{self.from_state} -> ?" if self.from_state else HAPPENED)
        return f"{self.item}: {moved}" + (f" on {self.date}" if self.date else "")


def category(claim: Event) -> str:
    """What an event leads to: its `to_state`, or 'happened'."""
    return claim.to_state or HAPPENED


def check_date(field: str, date: PartialDate, cue: str | None,
               quotes: Sequence[Quote]) -> list[FieldProblem]:
    """Problems unless every quote states the date: with no cue, a date the quote names at the
    date's own precision, year included; with a cue, the cue's words in the quote, naming no
    other year, month or day and, when they name a month or year, as precise as the date."""
    problems = []
    if cue is not None:
        said = find_dates(cue)
        wrong = [w for w in (mention_disagrees(m, date) for m in said) if w]
        if wrong:
            problems.append(FieldProblem(path=(field,), message=(
                f"{field} {date} is not what the date_cue {cue!r} says: it names {wrong[0]}")))
        elif said and all(mention_coarser(m, date) for m in said):
            problems.append(FieldProblem(path=(field,), message=(
                f"{field} {date} is more precise than the date_cue {cue!r}; give the date only "
                "as precisely as the quote states it")))
        problems += [FieldProblem(path=("date_cue",), quote=quote.index, message=(
            f"the date_cue {cue!r} is not in the quote")) for quote in quotes
            if comparable_text(cue) not in comparable_text(quote.text)]
        return problems
    for quote in quotes:
        mentions = find_dates(quote.text)
        if any(mention_says(m, date) for m in mentions):
            continue
        partial = [m.text for m in mentions if mention_disagrees(m, date) is None
                   and m.month is not None and m.year is None]
        hint = (f"; it names {partial[0]!r} without the year: set `date_cue = {partial[0]!r}` "
                "if the year is clear from the text around it") if partial else (
                "; if it says the date in other words ('last November', 'today'), name them in "
                "`date_cue`")
        stated = ", ".join(repr(m.text) for m in mentions) or "no date"
        problems.append(FieldProblem(path=(field,), quote=quote.index, message=(
            f"{field} {date} ({_spoken(date)}) is not stated in the quote, which states "
            f"{stated}{hint}")))
    return problems


def _spoken(date: PartialDate) -> str:
    """A date as a text would say it: '3 May 2023', 'May 2023', '2023'."""
    month = MONTHS[date.month - 1].capitalize() if date.month else ""
    return " ".join(str(part) for part in (date.day or "", month, date.year) if part)


def _check(claim: Event, quotes: Sequence[Quote], lexicon: Lexicon) -> Iterable[FieldProblem]:
    """The date and the state the event leads to are in every quote; the date lies in the
    claim's period."""
    field = "date" if claim.date is not None else "deadline"
    problems = check_date(field, claim.when, claim.date_cue, quotes)
    if claim.to_state is not None:
        words = claim.cue or claim.to_state
        problems += [*check_words("to_state", words, quotes),
                     *check_meaning("to_state", claim.to_state, words, lexicon)]
    elif claim.cue is not None:
        problems += [FieldProblem(path=("cue",), quote=q.index, message=(
            f"the cue {claim.cue!r} is not in the quote")) for q in quotes
            if comparable_text(claim.cue) not in comparable_text(q.text)]
    if claim.date is not None and not (claim.period.first <= claim.date.first
                                       and claim.date.last <= claim.period.last):
        problems.append(FieldProblem(path=("date",), level="warning", message=(
            f"date {claim.date} is outside the claim's period {claim.period}; an event's "
            "period is usually its date")))
    return problems


def _encode(claim: Event) -> EventValue:
    return EventValue(item=claim.item, to_state=claim.to_state, from_state=claim.from_state,
                      date=None if claim.date is None else str(claim.date),
                      date_cue=claim.date_cue, cue=claim.cue)


def _synthesise(rng: random.Random, subject: str, like: Mapping[str, Any] | None) -> SyntheticClaim:
    if like is None:
        area, state = rng.choice(AREAS), rng.choice(("open", "closed"))
        year, month = rng.randint(2016, 2022), rng.randint(1, 12)
    else:
        area = like["item"].removeprefix("cause of concern on ")
        state = like["to_state"]
        year, month = (int(part) for part in like["date"].split("-"))
        year += 1  # the same event, dated a year apart
    date = PartialDate(year=year, month=month)
    return SyntheticClaim(
        fields={"item": f"cause of concern on {area}", "to_state": state, "date": str(date)},
        sentence=f"In {{period}}, {{who}} said the cause of concern on {area} at {{name}} was "
                 f"declared {state} in {_spoken(date)}.")


KIND: ClaimKind[Event] = ClaimKind(
    name="event", record=Event, family="relational",
    key_fields=("item", "to_state"),
    number=no_number, category=category, check_value=_check,
    check_references=no_references, number_fields=(), value_type=EventValue, encode=_encode,
    schema=value_schema("event", {
        "item": STRING, "to_state": OPTIONAL_STRING, "from_state": OPTIONAL_STRING,
        "date": {"type": ["string", "null"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
                 "description": "When it happened, at the precision stated; null for a target."},
        "date_cue": OPTIONAL_STRING, "cue": OPTIONAL_STRING},
        required=("item",)),
    synthesise=_synthesise)
