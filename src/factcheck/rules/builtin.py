"""The built-in rules: conflicts, disputes, tensions, changes over time and corroboration.

Rules read claims through their kind (`context.kind(claim)`): its number, its category and its
comparison key, so a kind another package registers is compared by the rules of its family.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..corpus import Assessment, Claim, Stance
from ..corpus.kinds.base import FAMILIES, Family
from ..corpus.vocabulary import canonical
from ..text.intervals import Agreement, agreement
from ..text.keys import normalise_key
from ..text.normalise import normalise_text
from ..text.numbers import Number
from .engine import ClaimNumbers, Context
from .findings import Finding, Severity, Value
from .messages import PairMessage, Texts, Wording, describe, quote_text
from .registry import rule

COMPARED: tuple[Family, ...] = ("numeric", "categorical")


def _quote(claim: Claim) -> str:
    return quote_text(claim)


def _number(claim: Claim, context: Context) -> Number | None:
    numbers = context.numbers
    return numbers.number(claim) if isinstance(numbers, ClaimNumbers) else numbers.get(claim.id)


def _value(claim: Claim, context: Context) -> Value:
    if isinstance(context.numbers, ClaimNumbers):
        return context.numbers.value(claim)
    number = context.numbers.get(claim.id)
    if number is None:
        return Value(claim=claim.id, stated=context.category(claim) or "")
    return Value(claim=claim.id, stated=number.text, lo=number.interval.lo,
                 hi=number.interval.hi)


def _describe(claim: Claim, context: Context) -> str:
    return describe(claim, context.corpus, _value(claim, context))


def _about(claim: Claim, context: Context) -> str:
    """The most specific part of what a claim is about: its area, item, proposition..."""
    return context.kind(claim).key(claim)[0]


def pair_finding(severity: Severity, a: Claim, b: Claim, context: Context, what: str,
                 rounding: bool = False) -> Finding:
    """A finding of the running rule on two claims, quoting each with its value; the message is
    written when it is read (`PairMessage`), from the claims and the finding's values."""
    va, vb = _value(a, context), _value(b, context)
    values = (va, vb) if va.claim <= vb.claim else (vb, va)
    wording = context.shared.get(what)
    if wording is None:
        texts = context.shared.get(Texts)  # one for every wording
        if texts is None:
            texts = context.shared[Texts] = Texts()
        wording = context.shared[what] = Wording(what=what, corpus=context.corpus, texts=texts)
    message = PairMessage(wording=wording, a=a, b=b, values=values)
    return context.finding(severity=severity, claims=(a.id, b.id), parties=(a.party, b.party),
                           message=message, subject=a.subject, topic=a.topic,
                           values=values, rounding=rounding)


_LAST_AGREEMENT = "numeric_agreement: the last pair"
"""Where `numeric_agreement` keeps its last pair and answer, in `context.shared`: several rules
ask it of one pair in turn (value-conflict, then corroboration)."""


def numeric_agreement(a: Claim, b: Claim, context: Context) -> Agreement | None:
    """'exact', 'rounding' or 'conflict' for two numeric claims, None when not comparable.

    A numeric kind's category (a change's direction) must agree as well as its number.
    """
    last = context.shared.get(_LAST_AGREEMENT)
    if (last is not None and last[0] is a and last[1] is b and last[2] is context.numbers
            and last[3] is context.corpus):
        found: Agreement | None = last[4]
        return found
    found = _agreement(a, b, context)
    context.shared[_LAST_AGREEMENT] = (a, b, context.numbers, context.corpus, found)
    return found


def _agreement(a: Claim, b: Claim, context: Context) -> Agreement | None:
    ca, cb = context.category(a), context.category(b)
    if ca is not None and cb is not None and ca != cb:
        return "conflict"
    na, nb = _number(a, context), _number(b, context)
    if na is None or nb is None or na.scale != nb.scale:
        return None
    return agreement(na.interval, nb.interval, na.value, nb.value)


def _one_reports_the_other(a: Claim, b: Claim) -> bool:
    """A party's own claim and another's report of it: the attribution rule compares those."""
    return a.party == b.party and (a.reported_by is None) != (b.reported_by is None)


def differ(a: Claim, b: Claim, context: Context) -> bool:
    """Whether two claims about one thing state values that clash."""
    if context.kind(a).family == "numeric":
        return numeric_agreement(a, b, context) == "conflict"
    return context.category(a) != context.category(b)


@rule("value-conflict", families=("numeric",), severities=("contradiction",))
def value_conflict(a: Claim, b: Claim, context: Context) -> Iterator[Finding]:
    """Numbers about the same thing and time whose intervals do not meet."""
    if not _one_reports_the_other(a, b) and numeric_agreement(a, b, context) == "conflict":
        yield pair_finding("contradiction", a, b, context, "the stated values do not meet")


@rule("assessment-conflict", kinds=("assessment",), severities=("contradiction",))
def assessment_conflict(a: Claim, b: Claim, context: Context) -> Iterator[Finding]:
    """Opposite judgements on the same proposition at the same time."""
    if not _one_reports_the_other(a, b) and differ(a, b, context):
        yield pair_finding("contradiction", a, b, context,
                    f"opposite judgements on {_about(a, context)!r}")


@rule("rating-status-conflict", kinds=("rating", "status"), severities=("contradiction",))
def rating_status_conflict(a: Claim, b: Claim, context: Context) -> Iterator[Finding]:
    """Different grades or states for the same area or item at the same time."""
    if not _one_reports_the_other(a, b) and differ(a, b, context):
        yield pair_finding("contradiction", a, b, context,
                    f"different {a.kind} values for {_about(a, context)!r}")


@rule("ranking-conflict", kinds=("ranking",), severities=("tension",))
def ranking_conflict(a: Claim, b: Claim, context: Context) -> Iterator[Finding]:
    """Two parties placing the same thing differently in the same comparison."""
    if a.party != b.party and differ(a, b, context):
        yield pair_finding("tension", a, b, context, "different rankings")


@rule("competing-causes", kinds=("cause",), severities=("tension",))
def competing_causes(a: Claim, b: Claim, context: Context) -> Iterator[Finding]:
    """Two parties blaming different causes for the same outcome."""
    if a.party != b.party and differ(a, b, context):
        yield pair_finding("tension", a, b, context,
                    f"different causes given for {_about(a, context)!r}")


@rule("corroboration", families=COMPARED, severities=("corroborated",))
def corroboration(a: Claim, b: Claim, context: Context) -> Iterator[Finding]:
    """Two parties agreeing about the same thing at the same time."""
    if a.party == b.party:
        return
    if context.kind(a).family == "numeric":
        found = numeric_agreement(a, b, context)
        if found in ("exact", "rounding"):
            what = ("the values agree only thanks to rounding" if found == "rounding"
                    else "the values agree")
            yield pair_finding("corroborated", a, b, context, what, rounding=found == "rounding")
    elif context.category(a) == context.category(b):
        yield pair_finding("corroborated", a, b, context, "two parties agree")


@rule("change-over-time", families=COMPARED, scope="sequence", severities=("changed",))
def change_over_time(a: Claim, b: Claim, context: Context) -> Iterator[Finding]:
    """The same thing at periods that do not overlap, with different values."""
    if differ(a, b, context):
        yield pair_finding("changed", a, b, context, f"changed between {a.period} and {b.period}")


@rule("explicit-dispute", kinds=("stance",), scope="corpus", severities=("contradiction", "corroborated"))
def explicit_dispute(context: Context) -> Iterator[Finding]:
    """A party disputing (or accepting) another party's claim or decision."""
    for claim in context.of_kind(Stance):
        claims = [claim.id, *([claim.target] if claim.target else []), *claim.targets]
        if claim.target_source is not None:
            claims += [c.id for c in context.iter_claims() if c.party == claim.target_party
                       and any(e.source == claim.target_source for e in c.evidence)]
        severity: Severity = "contradiction" if claim.stance == "disputes" else "corroborated"
        named = len(claims) - 1
        target = (f" (claim {claims[1]})" if named == 1 else f" ({named} claims)" if named else "")
        message = (f"{claim.party} {claim.stance} {claim.target_party}{target} on "
                   f"{claim.about!r}: \"{_quote(claim)}\"")
        yield context.finding(severity=severity, claims=claims,
                              parties=(claim.party, claim.target_party), message=message,
                              subject=claim.subject, topic=claim.topic)


def _issue(context: Context, claim: Assessment) -> str:
    """The proposition a claim is about, as the corpus's vocabulary names it."""
    return canonical(context.vocabulary, claim.topic, claim.proposition)


@rule("resolution-contradicted", kinds=("assessment",), scope="corpus", severities=("tension",))
def resolution_contradicted(context: Context) -> Iterator[Finding]:
    """A party calls an issue resolved; the watchdog finds, then or later, that it is not.

    Only claims marked `resolution = "resolved"` are read: effort ("in-progress") and "more to
    do" are never contradicted by a finding that there is more to do.
    """
    refuted: dict[tuple[str, str, str], list[Assessment]] = defaultdict(list)
    resolved: list[Assessment] = []
    for claim in context.of_kind(Assessment):
        if context.role(claim.party) == "watchdog":
            if not claim.holds:
                refuted[(claim.subject, claim.topic, _issue(context, claim))].append(claim)
        elif claim.resolution == "resolved":
            resolved.append(claim)
    for claim in resolved:
        said = context.stated(claim).first
        found = sorted((w for w in refuted.get((claim.subject, claim.topic, _issue(context, claim)), ())
                        if context.stated(w).last >= said),
                       key=lambda w: (context.stated(w).first, w.id))
        for watchdog in found:
            yield pair_finding("tension", claim, watchdog, context,
                               "an issue said to be resolved is found wanting then or later")


@rule("attribution", families=FAMILIES, scope="corpus", severities=("contradiction", "tension"))
def attribution(context: Context) -> Iterator[Finding]:
    """A claim one party reports as another's, checked against that party's own claims: said
    differently is a contradiction; never said, where the corpus holds that party's own texts on
    the subject and topic at that time, is a tension."""
    sources = context.corpus.sources
    reported = [c for c in context.iter_claims() if c.reported_by is not None]
    wanted = {(c.party, c.subject, c.topic) for c in reported}  # only these texts are looked up
    own_texts: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for c in context.iter_claims() if wanted else ():
        if (c.reported_by is None and (c.party, c.subject, c.topic) in wanted
                and any(getattr(sources.get(e.source), "party", None) == c.party
                        for e in c.evidence)):
            own_texts[(c.party, c.subject, c.topic)].append(c)
    for claim in reported:
        assert claim.reported_by is not None
        own = [c for c in context.by_key.get(context.key(claim), ()) if c.party == claim.party
               and c.reported_by is None and c.period.overlaps(claim.period)]
        for other in (c for c in own if differ(claim, c, context)):
            yield pair_finding("contradiction", claim, other, context,
                               f"{claim.reported_by} reports {claim.party} saying otherwise than "
                               f"{claim.party} itself")
        said_then = [c for c in own_texts.get((claim.party, claim.subject, claim.topic), ())
                     if c.period.overlaps(claim.period)]
        if not own and said_then:
            yield context.finding(
                severity="tension", claims=(claim.id,), parties=(claim.party, claim.reported_by),
                subject=claim.subject, topic=claim.topic,
                message=f"{claim.reported_by} reports {claim.party} saying "
                        f"{_describe(claim, context)} about {_about(claim, context)!r}, which "
                        f"{claim.party}'s own texts on it at the time do not say: "
                        f"\"{_quote(claim)}\"")


@rule("exclusive-conflict", kinds=("assessment",), scope="corpus", severities=("contradiction",))
def exclusive_conflict(context: Context) -> Iterator[Finding]:
    """Two parties holding two propositions the corpus declares exclusive, at the same time."""
    for group in context.corpus.exclusive:
        members = {normalise_key(p) for p in group.propositions}
        holding = [c for c in context.of_kind(Assessment) if c.holds
                   and normalise_key(c.proposition) in members
                   and (group.topic is None or c.topic == group.topic)]
        for index, a in enumerate(holding):
            for b in holding[index + 1:]:
                if (a.party != b.party and normalise_key(a.proposition) != normalise_key(b.proposition)
                        and a.subject == b.subject and a.period.overlaps(b.period)):
                    yield pair_finding("contradiction", a, b, context,
                                "propositions that cannot both hold are held")


@rule("target", families=COMPARED, scope="corpus", severities=("tension", "corroborated"))
def target(context: Context) -> Iterator[Finding]:
    """A target against the claims of fact about the same thing at its deadline: met (a
    corroboration) when a fact within the deadline states the promised value, missed (a
    tension) when the fact at the deadline's end states another.

    "By 2024" is due at the end of 2024: a state that held in April 2024 and changed in May
    does not miss it."""
    for promise in context.targets:
        assert promise.deadline is not None
        due = promise.deadline
        for outcome in context.by_key.get(context.key(promise), ()):
            missed = differ(promise, outcome, context)
            judged = (outcome.period.first <= due.last <= outcome.period.last if missed
                      else outcome.period.first <= due.last and due.first <= outcome.period.last)
            if judged:
                yield pair_finding("tension" if missed else "corroborated", promise, outcome,
                                   context, f"a target for {due} {'missed' if missed else 'met'}")


@rule("same-quote", families=FAMILIES, scope="corpus", severities=("corroborated",))
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
            yield context.finding(
                severity="corroborated", claims=(claim.id,), parties=(claim.party,),
                subject=claim.subject, topic=claim.topic,
                message=f"the same words appear in {len(sources)} sources "
                        f"({', '.join(sources)}): \"{_quote(claim)}\"")
