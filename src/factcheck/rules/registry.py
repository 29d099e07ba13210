"""Rules are plain functions turned into `Rule` records by the `rule` decorator.

A rule reads pairs of comparable claims (scope "overlap": periods that overlap;
scope "sequence": a claim and the next later claims about the same thing) or the
whole corpus (scope "corpus"). It names the claim kinds it reads, by name (`kinds`) or
by family (`families`: "numeric", "categorical", "relational"), so kinds that other
packages register are compared too. Third-party packs expose rules through the
`factcheck.rules` entry point group: each entry point names a `Rule`, a list of
them, or a module whose `Rule` attributes are all taken.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from importlib.metadata import entry_points
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ..corpus.kinds import KindRegistry
from ..corpus.kinds.base import FAMILIES, ClaimKind, Family
from ..errors import FactcheckError
from .findings import SEVERITIES, Severity

if TYPE_CHECKING:
    from .findings import Finding

Scope = Literal["overlap", "sequence", "corpus"]
SCOPES: tuple[Scope, ...] = ("overlap", "sequence", "corpus")
ENTRY_POINT_GROUP = "factcheck.rules"
_ARGUMENTS = {"overlap": ("a", "b", "context"), "sequence": ("a", "b", "context"),
              "corpus": ("context",)}


@attrs.frozen(kw_only=True)
class Rule:
    """A named check over claims of the given kinds or families of kinds."""

    id: str
    kinds: tuple[str, ...]
    families: tuple[Family, ...] = ()
    scope: Scope
    check: Callable[..., Iterable[Finding]] = attrs.field(eq=False, repr=False)
    severities: tuple[Severity, ...] = ()
    """The severities its findings may have; a finding of any other is a rule's bug (empty:
    not declared, as in rule packs written before severities were declared)."""
    description: str = ""

    def applies(self, kind: ClaimKind[Any]) -> bool:
        """Whether the rule reads claims of this kind."""
        return kind.name in self.kinds or kind.family in self.families


def rule(id: str, *, kinds: Iterable[str] = (), families: Iterable[Family] = (),
         scope: Scope = "overlap", severities: Iterable[Severity] = (),
         ) -> Callable[[Callable[..., Iterable[Finding]]], Rule]:
    """Make a function a rule; its docstring's first line describes it.

    The scope and the function's signature are checked here: a pair rule takes
    `(a, b, context)`, a corpus rule `(context)`. The kinds are checked against the registered
    kinds when the rules run or their pack loads.
    """
    kinds, families, declared = tuple(kinds), tuple(families), tuple(severities)
    for severity in declared:
        if severity not in SEVERITIES:
            raise FactcheckError(f"rule {id!r}: severity {severity!r} is not one of "
                                 f"{', '.join(SEVERITIES)}")
    if scope not in SCOPES:
        raise FactcheckError(f"rule {id!r}: scope {scope!r} is not one of {', '.join(SCOPES)}")
    for family in families:
        if family not in FAMILIES:
            raise FactcheckError(f"rule {id!r}: family {family!r} is not one of "
                                 f"{', '.join(FAMILIES)}")
    if not kinds and not families:
        raise FactcheckError(f"rule {id!r} names no claim kind nor family it reads")

    def wrap(function: Callable[..., Iterable[Finding]]) -> Rule:
        wanted = _ARGUMENTS[scope]
        try:
            inspect.signature(function).bind(*wanted)
        except TypeError:
            raise FactcheckError(f"rule {id!r} ({function.__module__}.{function.__qualname__}): a "
                                 f"{scope} rule is called as f({', '.join(wanted)})") from None
        except ValueError:
            pass  # no signature to inspect (a builtin); it will fail loudly when called
        doc = (function.__doc__ or "").strip().splitlines()
        return Rule(id=id, kinds=kinds, families=families, scope=scope, check=function,
                    severities=declared,
                    description=doc[0] if doc else "")

    return wrap


def check_rules(rules: Iterable[Rule], kinds: KindRegistry, *, pack: str | None = None) -> None:
    """Refuse rules that name claim kinds nobody registered; the error names the pack."""
    for found in rules:
        unknown = [name for name in found.kinds if name not in kinds]
        if unknown:
            where = f"rule pack {pack!r}: " if pack else ""
            raise FactcheckError(f"{where}rule {found.id!r} reads unknown claim kind(s) "
                                 f"{', '.join(map(repr, unknown))}; kinds are "
                                 f"{', '.join(kinds.names)}")


def collect(namespace: ModuleType | Iterable[Any] | Rule) -> tuple[Rule, ...]:
    """The rules a module, a list or a single rule holds, in a stable order."""
    if isinstance(namespace, Rule):
        return (namespace,)
    items: Iterable[Any] = (vars(namespace).values() if isinstance(namespace, ModuleType)
                            else namespace)
    found = [item for item in items if isinstance(item, Rule)]
    return tuple(sorted(found, key=lambda r: r.id))


def rule_packs(kinds: KindRegistry | None = None) -> tuple[Rule, ...]:
    """Every rule registered by installed packages under the `factcheck.rules` entry points,
    checked against `kinds` when given."""
    rules: list[Rule] = []
    for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: p.name):
        try:
            loaded = collect(point.load())
        except Exception as exc:  # a broken third-party pack must not hide which one it is
            raise FactcheckError(f"rule pack {point.name!r} ({point.value}) failed to load: "
                                 f"{exc}") from exc
        if kinds is not None:
            check_rules(loaded, kinds, pack=point.name)
        rules.extend(loaded)
    return tuple(rules)
