"""The built-in rules: conflicts, disputes, tensions, changes over time and corroboration."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..corpus.records import (
    Assessment,
    Cause,
    Change,
    Claim,
    Ranking,
    Rating,
    Stance,
    Status,
)
from ..text.anchoring import normalise_text
from ..text.intervals import agreement
from .engine import Context
from .findings import Finding, Severity, Value, make_finding
from .registry import rule

NUMERIC = ("quantity", "rate", "change")
CATEGORICAL = ("rating", "status", "assessment", "ranking", "cause")


def _quote(claim: Claim) -> str:
    quote = " ".join(claim.evidence[0].quote.split())
    return quote if len(quote) <= 160 else quote[:157] + "..."


def _says(claim: Claim, context: Context, value: str) -> str:
    return (f"{claim.party} ({claim.id}, about {claim.period}, stated "
            f"{context.stated(claim)}) says {value}: \"{_quote(claim)}\"")


def _value(claim: Claim, context: Context) -> Value:
    number = context.numbers.get(claim.id)
    if number is None:
        return Value(claim=claim.id, stated=_categorical(claim))
    return Value(claim=claim.id, stated=number.text, lo=number.interval.lo,
                 hi=number.interval.hi)


def _categorical(claim: Claim) -> str:
    if isinstance(claim, Rating):
        return claim.grade
    if isinstance(claim, Status):
        return claim.state
    if isinstance(claim, Assessment):
        return "holds" if claim.holds else "does not hold"
    if isinstance(claim, Ranking):
        return claim.position
    if isinstance(claim, Cause):
        return claim.cause
    if isinstance(claim, Change):
        return claim.direction
    if isinstance(claim, Stance):
        return claim.stance
    return ""


def _describe(claim: Claim, context: Context) -> str:
    number = context.numbers.get(claim.id)
    if number is None:
        return repr(_categorical(claim))
    text = f"{number.text!r} = {number.interval}"
    if isinstance(claim, Change):
        text = f"{claim.direction} by {text}"
    return text


def _pair(rule_id: str, severity: Severity, a: Claim, b: Claim, context: Context, what: str,
          rounding: bool = False) -> Finding:
    message = (f"{what}: {_says(a, context, _describe(a, context))}; "
               f"{_says(b, context, _describe(b, context))}")
    return make_finding(rule=rule_id, severity=severity, claims=(a.id, b.id),
                        parties=(a.party, b.party), message=message, subject=a.subject,
                        topic=a.topic, values=(_value(a, context), _value(b, context)),
                        rounding=rounding)


def _numeric_agreement(a: Claim, b: Claim, context: Context) -> str | None:
    """'exact', 'rounding' or 'conflict' for two numeric claims, None when not comparable."""
    if isinstance(a, Change) and isinstance(b, Change) and a.direction != b.direction:
        return "conflict"
    na, nb = context.numbers.get(a.id), context.numbers.get(b.id)
    if na is None or nb is None or na.scale != nb.scale:
        return None
    return agreement(na.interval, nb.interval, na.value, nb.value)


@rule("value-conflict", kinds=NUMERIC)
def value_conflict(a: Claim, b: Claim, context: Context) -> Iterator[Finding]:
    """Numbers about the same thing and time whose intervals do not meet."""
    if _numeric_agreement(a, b, context) == "conflict":
        yield _pair("value-conflict", "contradiction", a, b, context,
                    "the stated values do not meet")


@rule("assessment-conflict", kinds=("assessment",))
def assessment_conflict(a: Claim, b: Claim, context: Context) -> Iterator[Finding]:
    """Opposite judgements on the same proposition at the same time."""
    assert isinstance(a, Assessment) and isinstance(b, Assessment)
    if a.holds != b.holds:
        yield _pair("assessment-conflict", "contradiction", a, b, context,
                    f"opposite judgements on {a.proposition!r}")


@rule("rating-status-conflict", kinds=("rating", "status"))
def rating_status_conflict(a: Claim, b: Claim, context: Context) -> Iterator[Finding]:
    """Different grades or states for the same area or item at the same time."""
    if _categorical(a) != _categorical(b):
        what = f"area {a.area!r}" if isinstance(a, Rating) else f"item {getattr(a, 'item', '')!r}"
        yield _pair("rating-status-conflict", "contradiction", a, b, context,
                    f"different {a.kind}s for {what}")


@rule("ranking-conflict", kinds=("ranking",))
def ranking_conflict(a: Claim, b: Claim, context: Context) -> Iterator[Finding]:
    """Two parties placing the same thing differently in the same comparison."""
    if a.party != b.party and _categorical(a) != _categorical(b):
        yield _pair("ranking-conflict", "tension", a, b, context, "different rankings")


@rule("competing-causes", kinds=("cause",))
def competing_causes(a: Claim, b: Claim, context: Context) -> Iterator[Finding]:
    """Two parties blaming different causes for the same outcome."""
    assert isinstance(a, Cause) and isinstance(b, Cause)
    if a.party != b.party and a.cause != b.cause:
        yield _pair("competing-causes", "tension", a, b, context,
                    f"different causes given for {a.outcome!r}")


@rule("corroboration", kinds=NUMERIC + CATEGORICAL)
def corroboration(a: Claim, b: Claim, context: Context) -> Iterator[Finding]:
    """Two parties agreeing about the same thing at the same time."""
    if a.party == b.party:
        return
    if a.kind in NUMERIC:
        found = _numeric_agreement(a, b, context)
        if found in ("exact", "rounding"):
            what = ("the values agree only thanks to rounding" if found == "rounding"
                    else "the values agree")
            yield _pair("corroboration", "corroborated", a, b, context, what,
                        rounding=found == "rounding")
    elif _categorical(a) == _categorical(b):
        yield _pair("corroboration", "corroborated", a, b, context, "two parties agree")


@rule("change-over-time", kinds=NUMERIC + CATEGORICAL, scope="sequence")
def change_over_time(a: Claim, b: Claim, context: Context) -> Iterator[Finding]:
    """The same thing at periods that do not overlap, with different values."""
    if a.kind in NUMERIC:
        changed = _numeric_agreement(a, b, context) == "conflict"
    else:
        changed = _categorical(a) != _categorical(b)
    if changed:
        yield _pair("change-over-time", "changed", a, b, context,
                    f"changed between {a.period} and {b.period}")


@rule("explicit-dispute", kinds=("stance",), scope="corpus")
def explicit_dispute(context: Context) -> Iterator[Finding]:
    """A party disputing (or accepting) another party's claim or decision."""
    for claim in context.corpus.claims:
        if not isinstance(claim, Stance):
            continue
        claims = [claim.id] + ([claim.target] if claim.target else [])
        severity: Severity = "contradiction" if claim.stance == "disputes" else "corroborated"
        target = f" (claim {claim.target})" if claim.target else ""
        message = (f"{claim.party} {claim.stance} {claim.target_party}{target} on "
                   f"{claim.about!r}: \"{_quote(claim)}\"")
        yield make_finding(rule="explicit-dispute", severity=severity, claims=claims,
                           parties=(claim.party, claim.target_party), message=message,
                           subject=claim.subject, topic=claim.topic)


@rule("resolution-contradicted", kinds=("assessment",), scope="corpus")
def resolution_contradicted(context: Context) -> Iterator[Finding]:
    """A party says an issue is dealt with; a later watchdog finding says it is not."""
    resolved: dict[tuple[str, str], list[Assessment]] = defaultdict(list)
    refuted: dict[tuple[str, str], list[Assessment]] = defaultdict(list)
    for claim in context.corpus.claims:
        if not isinstance(claim, Assessment):
            continue
        key = (claim.subject, claim.topic)
        if context.role(claim.party) == "watchdog":
            if not claim.holds:
                refuted[key].append(claim)
        elif claim.holds:
            resolved[key].append(claim)
    for key, claims in resolved.items():
        later = sorted(refuted.get(key, ()), key=lambda c: (context.stated(c).first, c.id))
        for claim in claims:
            said = context.stated(claim).last
            watchdog = next((w for w in later if context.stated(w).first > said), None)
            if watchdog is not None:
                yield _pair("resolution-contradicted", "tension", claim, watchdog, context,
                            "an issue said to be dealt with is found wanting later")


@rule("same-quote", kinds=NUMERIC + CATEGORICAL + ("stance",), scope="corpus")
def same_quote(context: Context) -> Iterator[Finding]:
    """The same words carrying a claim in two different sources."""
    for claim in context.corpus.claims:
        if len(claim.evidence) < 2:
            continue  # one quote cannot appear in two sources
        by_quote: dict[str, set[str]] = defaultdict(set)
        for evidence in claim.evidence:
            by_quote[normalise_text(evidence.quote).strip().casefold()].add(evidence.source)
        sources = sorted({s for found in by_quote.values() if len(found) > 1 for s in found})
        if sources:
            yield make_finding(
                rule="same-quote", severity="corroborated", claims=(claim.id,),
                parties=(claim.party,), subject=claim.subject, topic=claim.topic,
                message=f"the same words appear in {len(sources)} sources "
                        f"({', '.join(sources)}): \"{_quote(claim)}\"")
