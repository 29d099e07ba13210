"""Disputes: the findings a reviewer must judge, grouped by the thing disputed.

Two watchdog claims against three of the force's about one proposition are six pairwise
findings but one dispute. Findings that need a verdict fall into one dispute when they share a
thing disputed (a comparable key of their claims) at overlapping times; a relation that fails
is a dispute of its own. A verdict may judge a whole dispute, or one finding inside it.

A dispute's id is stable while the dispute is about the same thing: it is computed from the
smallest key among its findings' claims and the year its earliest claim's period starts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from ..corpus import Claim
from .engine import Context, Key
from .findings import NEEDS_VERDICT, SEVERITIES, Finding, Severity
from .periods import Bounds, period_bounds

LONE_RULES = ("relation-check",)
"""Rules whose findings are each a dispute of their own: a relation ties claims about different
things together, which must not merge their disputes."""


@attrs.frozen(kw_only=True, weakref_slot=False)  # no weak reference slot: 96 bytes, not 112
class Dispute:
    """One thing disputed, with every finding on it and every claim and party on each side."""

    id: str
    severity: Severity
    subject: str | None
    topic: str | None
    about: str
    findings: tuple[str, ...]
    claims: tuple[str, ...]
    parties: tuple[str, ...]


def dispute_id(key: Sequence[str], year: int) -> str:
    """A stable id from the thing disputed and the year it starts."""
    text = "\0".join(key) + f"\0{year}"
    return "D-" + hashlib.sha256(text.encode()).hexdigest()[:12]


def group_disputes(findings: Iterable[Finding], context: Context) -> tuple[Dispute, ...]:
    """The disputes of the findings that need a verdict, in a stable order."""
    wanted = [f for f in findings if f.severity in NEEDS_VERDICT]
    named = {c for f in wanted for c in f.claims}  # not every claim of a large corpus
    claims = {c.id: c for c in context.corpus.claims if c.id in named}
    parent = list(range(len(wanted)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def keys_of(finding: Finding) -> set[Key]:
        return {context.key(claims[c]) for c in finding.claims if c in claims}

    by_key: dict[Key, list[int]] = defaultdict(list)
    for index, finding in enumerate(wanted):
        if finding.rule in LONE_RULES:
            continue
        for key in keys_of(finding):
            by_key[key].append(index)
    bounds = period_bounds()
    for members in by_key.values():
        if len(members) < 2:
            continue
        spans = [_span(wanted[m], claims, bounds) for m in members]  # each worked out once
        for a_index, a in enumerate(members):
            sa = spans[a_index]
            for b_index in range(a_index + 1, len(members)):
                sb = spans[b_index]
                if sa is not None and sb is not None and sa[0] <= sb[1] and sb[0] <= sa[1]:
                    parent[root(members[b_index])] = root(a)
    components: dict[int, list[Finding]] = defaultdict(list)
    for index, finding in enumerate(wanted):
        components[root(index)].append(finding)
    disputes = [_dispute(group, claims, context, bounds) for group in components.values()]
    return tuple(sorted(disputes, key=lambda d: (SEVERITIES.index(d.severity), d.about, d.id)))


def _span(finding: Finding, claims: dict[str, Claim], bounds: Bounds,
          ) -> tuple[dt.date, dt.date] | None:
    """The days a finding's claims are about, from the first to the last; None without claims."""
    found = [bounds(claims[c].period) for c in finding.claims if c in claims]
    if not found:
        return None
    return min(first for first, _ in found), max(last for _, last in found)


def _dispute(group: list[Finding], claims: dict[str, Claim], context: Context,
             bounds: Bounds) -> Dispute:
    members = sorted({c for f in group for c in f.claims if c in claims})
    in_claims = [claims[c] for c in members]
    keys = sorted({context.key(c) for c in in_claims}) or [("",)]
    anchor = keys[0] if not any(f.rule in LONE_RULES for f in group) else (
        group[0].rule, *sorted(f.id for f in group))
    year = min((bounds(c.period)[0].year for c in in_claims), default=0)
    first = in_claims[0] if in_claims else None
    about = context.kind(first).key(first)[0] if first is not None else group[0].rule
    return Dispute(
        id=dispute_id(anchor, year),
        severity=min((f.severity for f in group), key=SEVERITIES.index),
        subject=first.subject if first else group[0].subject,
        topic=first.topic if first else group[0].topic, about=about,
        findings=tuple(sorted(f.id for f in group)), claims=tuple(members),
        parties=tuple(sorted({p for f in group for p in f.parties})))
