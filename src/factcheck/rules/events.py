"""Rules on events: one event dated differently, status claims against the states events
establish, and target events met or missed.

Dates are compared at their common precision (`factcheck.text.dates.compare_dates`): "March
2023" and "2023-03-15" agree, only to the month; "March" and "April" of one year are near (a
tension: decided in one month, announced the next, perhaps); 2023-03 and 2024-03 clash.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator

import attrs

from ..corpus import Claim, Event, Status
from ..text.dates import PartialDate, common_precision, compare_dates, days_apart
from ..text.keys import normalise_key
from .builtin import pair_finding
from .engine import Context
from .findings import Finding, Severity, Value
from .registry import rule


@attrs.frozen(kw_only=True)
class DerivedState:
    """A state an item is surely in between two events: from the day after the latest day the
    event that brought it can mean (`first`) to the day before the earliest day of the next
    event that changed it (`last`, None while nothing has). `since` and `until` are those events."""

    item: str
    state: str
    first: dt.date
    last: dt.date | None
    since: Event
    until: Event | None = None

    def holds_over(self, first: dt.date, last: dt.date) -> bool:
        """Whether the span of days [first, last] lies wholly inside this state."""
        return self.first <= first and (self.last is None or last <= self.last)


def derive_states(events: Iterable[Event]) -> tuple[DerivedState, ...]:
    """The states a sequence of events of one item yields: after each event that leads to a state,
    that state until the next event leading elsewhere that surely comes after it.

    An event that repeats the state (another dating of it, a second source) does not end it; of
    several datings of one change, the most precise bounds it; a plain happening (no
    `to_state`) changes no state; a state with another change dated within its own date (their
    order unknown) is left out.
    """
    ordered = sorted((e for e in events if e.to_state is not None),
                     key=lambda e: (e.when.first, e.when.last, e.id))
    runs: list[list[Event]] = []
    for event in ordered:
        if runs and normalise_key(runs[-1][0].to_state or "") == normalise_key(event.to_state or ""):
            runs[-1].append(event)  # another dating of the state already reached
        else:
            runs.append([event])
    states = []
    for index, run in enumerate(runs):
        since = min(run, key=lambda e: (e.when.last, e.id))
        if any(e.when.first <= since.when.last and since.when.first <= e.when.last
               for other in runs if other is not run for e in other):
            continue  # another change may have come the same day: which came last is unknown
        following = runs[index + 1] if index + 1 < len(runs) else []
        # Every dating of the next change holds its day, so it comes no earlier than the
        # latest first day among them: "2023", "September 2023" and "20 September 2023" of one
        # change leave the state in place until 19 September 2023.
        until = max(following, key=lambda e: (e.when.first, e.id)) if following else None
        first = since.when.last + dt.timedelta(days=1)
        last = None if until is None else until.when.first - dt.timedelta(days=1)
        if last is None or first <= last:
            assert since.to_state is not None
            states.append(DerivedState(item=since.item, state=since.to_state, first=first,
                                       last=last, since=since, until=until))
    return tuple(states)


def _dated(claim: Event) -> Value:
    return Value(claim=claim.id, stated=str(claim.when))


def _sources(claim: Claim) -> frozenset[str]:
    return frozenset(e.source for e in claim.evidence)


def _facts_by_key(context: Context) -> dict[tuple[str, ...], list[Event]]:
    grouped: dict[tuple[str, ...], list[Event]] = defaultdict(list)
    for event in context.of_kind(Event):
        grouped[context.key(event)].append(event)
    return grouped


@rule("event-date-conflict", kinds=("event",), scope="corpus",
       severities=("contradiction", "tension", "corroborated"))
def event_date_conflict(context: Context) -> Iterator[Finding]:
    """One event dated differently by two parties or two sources, compared at their common
    precision: apart is a contradiction, less than four weeks apart (at month or day precision)
    a tension; two parties agreeing corroborate, saying so when only to the coarser precision."""
    for events in _facts_by_key(context).values():
        events.sort(key=lambda e: e.id)
        for index, a in enumerate(events):
            for b in events[index + 1:]:
                if a.party == b.party and _sources(a) == _sources(b):
                    continue
                yield from _compare(a, b, context)


def _compare(a: Event, b: Event, context: Context) -> Iterator[Finding]:
    da, db = a.when, b.when
    found = compare_dates(da, db)
    if found == "same" and a.party != b.party:
        yield _event_pair("corroborated", a, b, context, "the event is dated alike")
    elif found == "within" and a.party != b.party:
        yield _event_pair("corroborated", a, b, context,
                          f"the event is dated alike only to the {common_precision(da, db)}",
                          rounding=True)
    elif found == "near":
        yield _event_pair("tension", a, b, context,
                          f"the event is dated {days_apart(da, db)} day(s) apart: perhaps decided "
                          "on one date and announced on the other; a reviewer says which")
    elif found == "conflict":
        yield _event_pair("contradiction", a, b, context,
                          "the event is dated differently at the dates' common precision "
                          f"({common_precision(da, db)})")


def _event_pair(severity: Severity, a: Event, b: Event, context: Context, what: str,
                rounding: bool = False) -> Finding:
    """A finding on two datings of one event, quoting each with its date."""
    said = "; ".join(f"{c.party} ({c.id}, stated {context.stated(c)}) dates it {c.when}"
                     f"{f' ({c.date_cue!r})' if c.date_cue else ''}: \"{_quote(c)}\""
                     for c in (a, b))
    return context.finding(severity=severity, claims=(a.id, b.id), parties=(a.party, b.party),
                           message=f"{what}: {said}", subject=a.subject, topic=a.topic,
                           values=(_dated(a), _dated(b)), rounding=rounding)


@rule("event-status-conflict", kinds=("event", "status"), scope="corpus", severities=("contradiction",))
def event_status_conflict(context: Context) -> Iterator[Finding]:
    """A status claim whose period lies wholly in a state that events of its item establish
    (between one event and the next), naming another state; or an event leaving a state
    (`from_state`) other than the one the event before it established."""
    by_item: dict[tuple[str, str, str], list[Event]] = defaultdict(list)
    for event in context.of_kind(Event):
        key = context.key(event)
        by_item[(key[0], key[1], key[3])].append(event)
    derived = {item: derive_states(events) for item, events in by_item.items()}
    for states in derived.values():
        yield from _left_another_state(states, context)
    for status in context.of_kind(Status):
        key = context.key(status)
        for state in derived.get((key[0], key[1], key[3]), ()):
            if (state.holds_over(status.period.first, status.period.last)
                    and normalise_key(state.state) != normalise_key(status.state)):
                yield _status_finding(status, state, context)


def _left_another_state(states: Iterable[DerivedState], context: Context) -> Iterator[Finding]:
    for state in states:
        after = state.until
        if (after is None or after.from_state is None
                or normalise_key(after.from_state) == normalise_key(state.state)):
            continue
        since = state.since
        yield _event_pair(
            "contradiction", since, after, context,
            f"{after.id} moves {state.item!r} out of {after.from_state!r}, but the event before "
            f"it ({since.id}) put it in {state.state!r} and none changed it between")


def _status_finding(status: Status, state: DerivedState, context: Context) -> Finding:
    since = state.since
    until = "" if state.until is None else (
        f" and before {state.until.id} moved it to {state.until.to_state!r} ({state.until.when})")
    message = (f"{status.party} ({status.id}) says {status.item!r} was {status.state!r} over "
               f"{status.period}, wholly after {since.party} ({since.id}) dated its move to "
               f"{state.state!r} at {since.when}{until}: \"{_quote(status)}\"")
    events = [since, *([state.until] if state.until else [])]
    return context.finding(
        severity="contradiction", claims=(status.id, *(e.id for e in events)),
        parties=(status.party, *(e.party for e in events)), subject=status.subject,
        topic=status.topic, message=message,
        values=(Value(claim=status.id, stated=status.state), *map(_dated, events)))


def _quote(claim: Claim) -> str:
    quote = " ".join(claim.evidence[0].quote.split())
    return quote if len(quote) <= 160 else quote[:157] + "..."


@rule("event-deadline", kinds=("event", "status"), scope="corpus", severities=("tension", "corroborated"))
def event_deadline(context: Context) -> Iterator[Finding]:
    """A target event ("closed by June 2024") against the events and status claims of its item:
    happened by the deadline is met; happened later, or a status after the deadline still in
    another state with no event by then, is missed (a tension)."""
    facts = _facts_by_key(context)
    statuses: dict[tuple[str, str, str], list[Status]] = defaultdict(list)
    for status in context.of_kind(Status):
        key = context.key(status)
        statuses[(key[0], key[1], key[3])].append(status)
    for target in (c for c in context.targets if isinstance(c, Event)):
        key = context.key(target)
        due = target.when
        outcomes = sorted(facts.get(key, ()), key=lambda e: (e.when.first, e.id))
        on_time = [e for e in outcomes if e.when.last <= due.last]
        late = [e for e in outcomes if e.when.first > due.last]
        if on_time:
            yield pair_finding("corroborated", target, on_time[0], context,
                               f"a target for {due} met: it happened {on_time[0].when}")
        elif late:
            yield pair_finding("tension", target, late[0], context,
                               f"a target for {due} missed: it happened {late[0].when}")
        elif outcomes:
            yield pair_finding("tension", target, outcomes[0], context,
                               f"a target for {due}: it happened {outcomes[0].when}, which "
                               "cannot tell whether it was met")
        else:
            yield from _missed_by_status(target, due, statuses.get(
                (key[0], key[1], key[3]), ()), context)


def _missed_by_status(target: Event, due: PartialDate, statuses: Iterable[Status],
                      context: Context) -> Iterator[Finding]:
    for status in statuses:
        if (status.period.first > due.last and target.to_state is not None
                and normalise_key(status.state) != normalise_key(target.to_state)):
            yield pair_finding("tension", target, status, context,
                               f"a target for {due} missed: after it, {status.item!r} is still "
                               f"{status.state!r}")
