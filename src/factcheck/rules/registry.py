"""Rules are plain functions turned into `Rule` records by the `rule` decorator.

A rule reads pairs of comparable claims (scope "overlap": periods that overlap;
scope "sequence": a claim and the next later claims about the same thing) or the
whole corpus (scope "corpus"). Third-party packs expose rules through the
`factcheck.rules` entry point group: each entry point names a `Rule`, a list of
them, or a module whose `Rule` attributes are all taken.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib.metadata import entry_points
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ..errors import FactcheckError

if TYPE_CHECKING:
    from ..corpus.records import Claim
    from .engine import Context
    from .findings import Finding

Scope = Literal["overlap", "sequence", "corpus"]
ENTRY_POINT_GROUP = "factcheck.rules"

PairCheck = Callable[["Claim", "Claim", "Context"], "Iterable[Finding]"]
CorpusCheck = Callable[["Context"], "Iterable[Finding]"]


@attrs.frozen(kw_only=True)
class Rule:
    """A named check over claims of the given kinds."""

    id: str
    kinds: tuple[str, ...]
    scope: Scope
    check: Callable[..., Iterable[Finding]] = attrs.field(eq=False, repr=False)
    description: str = ""


def rule(id: str, *, kinds: Iterable[str], scope: Scope = "overlap") -> Callable[
        [Callable[..., Iterable[Finding]]], Rule]:
    """Make a function a rule; its docstring's first line describes it."""

    def wrap(function: Callable[..., Iterable[Finding]]) -> Rule:
        doc = (function.__doc__ or "").strip().splitlines()
        return Rule(id=id, kinds=tuple(kinds), scope=scope, check=function,
                    description=doc[0] if doc else "")

    return wrap


def collect(namespace: ModuleType | Iterable[Any] | Rule) -> tuple[Rule, ...]:
    """The rules a module, a list or a single rule holds, in a stable order."""
    if isinstance(namespace, Rule):
        return (namespace,)
    items: Iterable[Any] = (vars(namespace).values() if isinstance(namespace, ModuleType)
                            else namespace)
    found = [item for item in items if isinstance(item, Rule)]
    return tuple(sorted(found, key=lambda r: r.id))


def rule_packs() -> tuple[Rule, ...]:
    """Every rule registered by installed packages under the `factcheck.rules` entry points."""
    rules: list[Rule] = []
    for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: p.name):
        try:
            loaded = point.load()
        except Exception as exc:  # a broken third-party pack must not hide which one it is
            raise FactcheckError(f"rule pack {point.name!r} ({point.value}) failed to load: "
                                 f"{exc}") from exc
        rules.extend(collect(loaded))
    return tuple(rules)
