"""The rule engine, and the whole API a rule pack needs, in one module.

A pack imports from here: `rule` to register a function, `Context` (what a rule may consult,
and `context.finding(...)` to report), the severities, `Finding`, `Value`, and the claim records.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..corpus import (
    Assessment,
    Cause,
    Change,
    Claim,
    Corpus,
    Event,
    Quantity,
    Ranking,
    Rate,
    Rating,
    Stance,
    Status,
)
from . import builtin, events, matching, numeric, relations
from .engine import Context, comparable_key, make_context, run_rules
from .findings import NEEDS_VERDICT, SEVERITIES, Finding, Severity, Value, make_finding
from .matching import key_lint
from .registry import ENTRY_POINT_GROUP, Rule, check_rules, collect, rule, rule_packs


def builtin_rules() -> tuple[Rule, ...]:
    """The rules factcheck ships with, in a stable order."""
    return collect([*collect(builtin), *collect(numeric), *collect(events), *collect(matching),
                    *collect(relations)])


def find(corpus: Corpus, rules: Iterable[Rule] | None = None, *,
         context: Context | None = None) -> tuple[Finding, ...]:
    """Run `rules` (by default the built-in ones and every installed pack) over `corpus`.

    Raises `FactcheckError` for a rule that reads a claim kind the corpus does not know.
    """
    chosen = tuple(rules) if rules is not None else builtin_rules() + rule_packs(corpus.kinds)
    check_rules(chosen, corpus.kinds)
    return run_rules(corpus, chosen, context=context)


__all__ = [
    "ENTRY_POINT_GROUP",
    "NEEDS_VERDICT",
    "SEVERITIES",
    "Assessment",
    "Cause",
    "Change",
    "Claim",
    "Context",
    "Event",
    "Finding",
    "Quantity",
    "Ranking",
    "Rate",
    "Rating",
    "Rule",
    "Severity",
    "Stance",
    "Status",
    "Value",
    "builtin_rules",
    "check_rules",
    "collect",
    "comparable_key",
    "find",
    "key_lint",
    "make_context",
    "make_finding",
    "rule",
    "rule_packs",
    "run_rules",
]
