"""Findings: what the rule engine says about claims taken together."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from itertools import pairwise
from typing import Any, Literal

import attrs

Severity = Literal["contradiction", "tension", "unmatched", "changed", "corroborated"]
SEVERITIES: tuple[Severity, ...] = ("contradiction", "tension", "unmatched", "changed", "corroborated")
NEEDS_VERDICT: tuple[Severity, ...] = ("contradiction", "tension", "unmatched")
"""Severities a reviewer must give a verdict. `unmatched`: claims about things named alike but
not the same whose values would clash; a verdict says they differ, an alias links them."""


@attrs.frozen(kw_only=True, weakref_slot=False)  # no weak reference slot: 64 bytes, not 80
class Value:
    """One claim's value as a finding compares it: the words stated and their interval."""

    claim: str
    stated: str
    lo: float | None = None
    hi: float | None = None


class Deferred:
    """A finding's message written when it is read, from what the finding and its claims hold:
    a million findings' messages, each quoting two claims, need not be held as text at once.
    Pickled (a distributed audit sends findings back), it is its text."""

    __slots__ = ()

    def text(self) -> str:
        raise NotImplementedError

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        return str, (self.text(),)


def message_text(message: str | Deferred) -> str:
    """The text of a message, written now if it was deferred."""
    return message if type(message) is str else message.text()  # type: ignore[union-attr]


def _message_repr(message: str | Deferred) -> str:
    return repr(message_text(message))


@attrs.frozen(kw_only=True)
class Finding:
    """A rule's verdict on some claims: which, whose, how serious and why.

    `message` is given as text, or as a `Deferred` that writes it when it is read; the finding
    is the same either way (equal, hashed and shown by its text)."""

    id: str
    rule: str
    severity: Severity
    claims: tuple[str, ...]
    parties: tuple[str, ...]
    _message: str | Deferred = attrs.field(eq=message_text, repr=_message_repr)
    subject: str | None = None
    topic: str | None = None
    values: tuple[Value, ...] = ()
    rounding: bool = False
    unproven: tuple[str, ...] = ()
    """The checks that its claims fail ('claim-id: check'): a finding built on claims the audit
    could not prove says so."""

    @property
    def message(self) -> str:
        """Why the rule fired, quoting the claims."""
        return message_text(self._message)


def finding_id(rule: str, claims: Iterable[str]) -> str:
    """A stable id from the rule and the sorted claim ids, so verdicts survive re-runs."""
    return _id(rule, sorted(claims))


def _id(rule: str, ordered: Iterable[str]) -> str:
    """`finding_id` of claim ids already sorted."""
    key = rule + "\0" + "\0".join(ordered)
    return "F-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def _canonical(names: Iterable[str]) -> tuple[str, ...]:
    """The distinct names, sorted, as a tuple; a pair (what most findings name) without making a
    set and a list."""
    if type(names) is tuple and len(names) == 2:
        a, b = names
        return (a, b) if a < b else (b, a) if b < a else (a,)
    return tuple(sorted(set(names)))


def make_finding(*, rule: str, severity: Severity, claims: Iterable[str],
                 parties: Iterable[str], message: str | Deferred, subject: str | None = None,
                 topic: str | None = None, values: Iterable[Value] = (),
                 rounding: bool = False, shared: dict[Any, Any] | None = None) -> Finding:
    """Build a finding with its id and its claims and parties in canonical order.

    `values` already a tuple in order of claim id is kept as it is (a deferred message may hold
    it too); `shared`, when given, holds one tuple of each set of parties for all findings."""
    claim_ids = _canonical(claims)
    party_ids = _canonical(parties)
    if shared is not None:
        party_ids = shared.setdefault(party_ids, party_ids)
    if not (type(values) is tuple and (
            values[0].claim <= values[1].claim if len(values) == 2
            else all(a.claim <= b.claim for a, b in pairwise(values)))):
        values = tuple(sorted(values, key=lambda v: v.claim))
    return Finding(id=_id(rule, claim_ids), rule=rule, severity=severity,
                   claims=claim_ids, parties=party_ids, message=message,
                   subject=subject, topic=topic, values=values, rounding=rounding)
