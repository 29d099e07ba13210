"""Claim kinds: one module a kind, each holding its record and every handler it needs.

The built-in kinds are registered here; third-party kinds register under the `factcheck.kinds`
entry point group, naming a `ClaimKind`, a list of them, or a module whose `KIND` (or
`ClaimKind` attributes) is taken. Adding a kind is one new module and one line in `BUILTIN`
(or one entry point).
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import entry_points
from types import ModuleType
from typing import Any

from ...errors import FactcheckError
from . import assessment, cause, change, event, quantity, ranking, rate, rating, stance, status
from .base import ClaimKind, ClaimValue, Family, KindRegistry, Names, make_registry

ENTRY_POINT_GROUP = "factcheck.kinds"

BUILTIN: tuple[ClaimKind[Any], ...] = (
    quantity.KIND, rate.KIND, change.KIND, rating.KIND, status.KIND, assessment.KIND,
    ranking.KIND, stance.KIND, cause.KIND, event.KIND,
)


def builtin_kinds() -> KindRegistry:
    """The kinds factcheck ships with."""
    return make_registry(BUILTIN)


def collect_kinds(namespace: ModuleType | Iterable[Any] | ClaimKind[Any]) -> tuple[ClaimKind[Any], ...]:
    """The kinds a module, a list or a single kind holds."""
    if isinstance(namespace, ClaimKind):
        return (namespace,)
    items: Iterable[Any] = (vars(namespace).values() if isinstance(namespace, ModuleType)
                            else namespace)
    return tuple(item for item in items if isinstance(item, ClaimKind))


def installed_kinds(extra: Iterable[ClaimKind[Any]] = ()) -> KindRegistry:
    """The built-in kinds, every kind installed packages register, and `extra`."""
    kinds = list(BUILTIN)
    origin = {kind.name: "built in" for kind in BUILTIN}
    for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: p.name):
        try:
            found = collect_kinds(point.load())
        except Exception as exc:  # a broken third-party pack must not hide which one it is
            raise FactcheckError(f"kind pack {point.name!r} ({point.value}) failed to load: "
                                 f"{exc}") from exc
        if not found:
            raise FactcheckError(f"kind pack {point.name!r} ({point.value}) holds no ClaimKind")
        for kind in found:
            if kind.name in origin:
                raise FactcheckError(f"kind pack {point.name!r} ({point.value}) registers claim "
                                     f"kind {kind.name!r}, already {origin[kind.name]}")
            origin[kind.name] = f"kind pack {point.name!r}"
            kinds.append(kind)
    for kind in extra:
        origin.setdefault(kind.name, "passed in")
        kinds.append(kind)
    return make_registry(kinds, origin=origin)


__all__ = ["BUILTIN", "ENTRY_POINT_GROUP", "ClaimKind", "ClaimValue", "Family", "KindRegistry",
           "Names", "builtin_kinds", "collect_kinds", "installed_kinds"]
