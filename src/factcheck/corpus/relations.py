"""Checks on declared relations at load time: each names the claims its kind needs, and those
claims exist and state numbers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..errors import Location, Problem, did_you_mean
from .kinds import KindRegistry
from .records import Claim, Origin, Relation

_RELATION_ROLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sum": (("total",), ("add",)),
    "share": (("part", "whole", "share"), ()),
    "change": (("start", "end", "change"), ()),
    "count": (("total",), ("members",)),
    "membership": ((), ("members", "against")),
    "duration": (("start", "end", "duration"), ()),
}
_EVENT_ROLES = ("start", "end")
"""The roles of a duration relation that name event claims (the others name numeric claims)."""


def check_relations(relations: Iterable[Relation], claims: Mapping[str, Claim],
                    origins: Mapping[str, Origin], kinds: KindRegistry) -> list[Problem]:
    """Every problem of the declared relations: duplicate ids, missing roles, unknown claims,
    and claims whose kind states no number to compute with."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for relation in relations:
        origin = origins[f"relation:{relation.id}"]

        def bad(field: str, message: str, _origin: Origin = origin,
                _name: str = f"relation:{relation.id}") -> None:
            problems.append(Problem(check="input", message=message, location=Location(
                file=_origin.file, line=_origin.line, claim=_name, field=field)))

        if relation.id in seen:
            bad("id", f"duplicate relation id {relation.id!r}")
        seen.add(relation.id)
        single, many = _RELATION_ROLES[relation.kind]
        for field in single:
            if getattr(relation, field) is None:
                bad(field, f"a {relation.kind} relation needs '{field}'")
        for field in many:
            if not getattr(relation, field):
                bad(field, f"a {relation.kind} relation needs at least one claim in '{field}'")
        for field in ("add", "subtract", "total", "part", "whole", "share", "start", "end",
                      "change", "members", "against", "duration"):
            value = getattr(relation, field)
            ids = value if isinstance(value, tuple) else ((value,) if value else ())
            for claim_id in ids:
                if claim_id not in claims:
                    bad(field, f"unknown claim {claim_id!r}{did_you_mean(claim_id, claims)}")
                elif relation.kind == "duration" and field in _EVENT_ROLES:
                    if claims[claim_id].kind != "event":
                        bad(field, f"claim {claim_id!r} is a {claims[claim_id].kind} claim; a "
                            "duration relation runs from one event claim to another")
                    elif claims[claim_id].deadline is not None:
                        bad(field, f"claim {claim_id!r} is a target event (it has a deadline); "
                            "a duration relation runs between events that happened")
                elif field not in ("members", "against") and \
                        kinds.of(claims[claim_id]).family != "numeric":
                    bad(field, f"claim {claim_id!r} is a {claims[claim_id].kind} claim; relations "
                        f"compute with {', '.join(kinds.in_family('numeric'))} claims")
    return problems
