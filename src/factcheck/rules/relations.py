"""The relation check: declared arithmetic links recomputed with interval arithmetic."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..corpus import Claim, Event, Relation
from ..text.dates import seconds_between
from ..text.intervals import Interval, agreement
from ..text.normalise import comparable_text
from .engine import Context
from .findings import Finding, Value
from .registry import rule


def _sum(context: Context, ids: tuple[str, ...]) -> tuple[Interval, float] | None:
    interval, point = Interval.point(0.0), 0.0
    for claim_id in ids:
        number = context.numbers.get(claim_id)
        if number is None:
            return None
        interval, point = interval + number.interval, point + number.value
    return interval, point


def _computed(relation: Relation, context: Context) -> tuple[
        tuple[Interval, float], str, str] | None:
    """(computed interval and point, the claim it must meet, a formula) or None."""
    numbers = context.numbers
    if relation.kind == "sum" and relation.total is not None:
        added, taken = _sum(context, relation.add), _sum(context, relation.subtract)
        if added is None or taken is None:
            return None
        formula = " + ".join(relation.add) + "".join(f" - {s}" for s in relation.subtract)
        return (added[0] - taken[0], added[1] - taken[1]), relation.total, formula
    if relation.kind == "count" and relation.total is not None:
        count = float(len(relation.members))
        return (Interval.point(count), count), relation.total, f"count of {len(relation.members)}"
    if relation.kind == "share" and relation.part and relation.whole and relation.share:
        part, whole = numbers.get(relation.part), numbers.get(relation.whole)
        if part is None or whole is None or whole.value == 0:
            return None
        return ((part.interval / whole.interval, part.value / whole.value), relation.share,
                f"{relation.part} / {relation.whole}")
    if relation.kind == "change" and relation.start and relation.end and relation.change:
        start, end = numbers.get(relation.start), numbers.get(relation.end)
        change = numbers.get(relation.change)
        if start is None or end is None or change is None or start.value == 0:
            return None
        if change.scale == "ratio":
            return (((end.interval - start.interval) / start.interval,
                     (end.value - start.value) / start.value), relation.change,
                    f"({relation.end} - {relation.start}) / {relation.start}")
        return ((end.interval - start.interval, end.value - start.value), relation.change,
                f"{relation.end} - {relation.start}")
    if relation.kind == "duration" and relation.start and relation.end and relation.duration:
        return _elapsed(relation, context)
    return None


def _elapsed(relation: Relation, context: Context) -> tuple[tuple[Interval, float], str, str] | None:
    """The time from the start event to the end event, in seconds, from the days their dates
    can mean; None unless both are events of fact and the duration claim states a duration."""
    events = {c.id: c for c in context.corpus.claims if isinstance(c, Event)}
    start, end = events.get(relation.start or ""), events.get(relation.end or "")
    stated = context.numbers.get(relation.duration or "")
    if (start is None or end is None or start.date is None or end.date is None
            or stated is None or stated.scale != "duration" or relation.duration is None):
        return None
    least, most = seconds_between(start.date, end.date)
    return ((Interval(lo=least, hi=most), (least + most) / 2), relation.duration,
            f"{relation.end} ({end.date}) - {relation.start} ({start.date})")


@rule("relation-check", families=("numeric",), scope="corpus", severities=("tension", "corroborated"))
def relation_check(context: Context) -> Iterator[Finding]:
    """A declared sum, share, change or count that does not hold, or holds only by rounding."""
    claims = {c.id: c for c in context.corpus.claims}
    for relation in context.corpus.relations:
        if relation.kind == "membership":
            yield from _membership(relation, claims, context)
            continue
        computed = _computed(relation, context)
        involved = sorted({*relation.add, *relation.subtract, *relation.members,
                           *(x for x in (relation.total, relation.part, relation.whole,
                                         relation.share, relation.start, relation.end,
                                         relation.change, relation.duration) if x)})
        parties = sorted({claims[c].party for c in involved if c in claims})
        first = claims[involved[0]] if involved and involved[0] in claims else None
        subject = first.subject if first else None
        topic = first.topic if first else None
        if computed is None:
            yield context.finding(
                severity="tension", claims=involved, parties=parties,
                subject=subject, topic=topic,
                message=f"relation {relation.id!r} cannot be computed: a claim in it states no "
                        "usable number" + (" (a duration relation needs two dated events and a "
                                           "stated duration)" if relation.kind == "duration"
                                           else ""))
            continue
        (interval, point), target_id, formula = computed
        target = context.numbers.get(target_id)
        if target is None:
            continue
        found = agreement(interval, target.interval, point, target.value)
        verdict = {"exact": "holds", "rounding": "holds only thanks to rounding",
                   "conflict": "does not hold"}[found]
        if relation.kind == "duration":
            message = (f"relation {relation.id!r} (duration) {verdict}: {formula} = "
                       f"{_days(interval)}, against {target_id} stated as {target.text!r} "
                       f"{_days(target.interval)}")
        else:
            message = (f"relation {relation.id!r} ({relation.kind}) {verdict}: {formula} = "
                       f"{point:g} {interval}, against {target_id} stated as {target.text!r} "
                       f"{target.interval}")
        if relation.note:
            message += f" ({relation.note})"
        yield context.finding(
            severity="tension" if found == "conflict" else "corroborated",
            claims=involved, parties=parties, subject=subject, topic=topic, message=message,
            values=(Value(claim=f"relation:{relation.id}", stated=formula, lo=interval.lo,
                          hi=interval.hi),
                    Value(claim=target_id, stated=target.text, lo=target.interval.lo,
                          hi=target.interval.hi)),
            rounding=found == "rounding")


def _days(interval: Interval) -> str:
    """A span of seconds in days (in hours under two days), as people count time between dates."""
    unit, size = ("hours", 3600) if interval.hi < 2 * 86400 else ("days", 86400)
    lo, hi = interval.lo / size, interval.hi / size
    return f"{lo:g} {unit}" if lo == hi else f"{lo:.4g} to {hi:.4g} {unit}"


def _membership(relation: Relation, claims: Mapping[str, Claim], context: Context) -> Iterator[
        Finding]:
    """Each member claim names an item that one of the `against` claims names; the wrong members
    make a tension, all right a corroboration."""
    members = [claims[c] for c in relation.members if c in claims]
    against = [claims[c] for c in relation.against if c in claims]

    def item(claim: Claim) -> str:
        return comparable_text(context.kind(claim).key(claim)[0]).strip(" .")

    known = {item(c) for c in against}
    wrong = [c for c in members if item(c) not in known]
    involved = sorted({c.id for c in (*members, *against)})
    parties = sorted({c.party for c in (*members, *against)})
    first = members[0] if members else None
    if wrong:
        listed = ", ".join(f"{c.id} ({item(c)!r})" for c in wrong)
        message = (f"relation {relation.id!r} (membership) does not hold: {listed} "
                   f"{'is' if len(wrong) == 1 else 'are'} not among the items of "
                   f"{', '.join(relation.against)}")
    else:
        message = (f"relation {relation.id!r} (membership) holds: every member is among the "
                   f"items of {', '.join(relation.against)}")
    if relation.note:
        message += f" ({relation.note})"
    yield context.finding(severity="tension" if wrong else "corroborated", claims=involved,
                          parties=parties, subject=first.subject if first else None,
                          topic=first.topic if first else None, message=message)
