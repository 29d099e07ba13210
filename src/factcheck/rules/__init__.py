"""The rule engine: registered rules, run over an indexed corpus."""

from __future__ import annotations

from collections.abc import Iterable

from ..corpus.records import Corpus
from . import builtin, relations
from .engine import Context, comparable_key, run_rules
from .findings import Finding
from .registry import ENTRY_POINT_GROUP, Rule, collect, rule, rule_packs


def builtin_rules() -> tuple[Rule, ...]:
    """The rules factcheck ships with, in a stable order."""
    return collect([*collect(builtin), *collect(relations)])


def find(corpus: Corpus, rules: Iterable[Rule] | None = None) -> tuple[Finding, ...]:
    """Run `rules` (by default the built-in ones and every installed pack) over `corpus`."""
    chosen = tuple(rules) if rules is not None else builtin_rules() + rule_packs()
    return run_rules(corpus, chosen)


__all__ = ["ENTRY_POINT_GROUP", "Context", "Rule", "builtin_rules", "collect",
           "comparable_key", "find", "rule", "rule_packs", "run_rules"]
