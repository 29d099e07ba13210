"""`factcheck rules`: every registered rule, its severities and what it fires on, from the registry.

A rule's description is its docstring; its severities are those its `@rule` declares, which
the engine enforces on every finding it makes, so the list cannot drift from the code.
"""

from __future__ import annotations

import inspect
import textwrap

import attrs

from ..reports.sarif import CHECKS
from ..rules import Rule, builtin_rules, rule_packs

_SCOPES = {
    "overlap": "pairs of claims about the same thing whose periods overlap",
    "sequence": "a claim and the next later claims about the same thing",
    "corpus": "the whole corpus",
}


@attrs.frozen(kw_only=True)
class RuleEntry:
    """One rule as `factcheck rules` lists it."""

    id: str
    severities: tuple[str, ...]
    reads: str
    description: str
    builtin: bool


def _reads(found: Rule) -> str:
    return f"{', '.join([*found.kinds, *found.families])} claims; {_SCOPES.get(found.scope, found.scope)}"


def catalogue(*, packs: bool = True) -> list[RuleEntry]:
    """The built-in rules, and those of installed rule packs, sorted by id."""
    builtin = builtin_rules()
    extra = rule_packs() if packs else ()
    return sorted((RuleEntry(
        id=r.id, severities=r.severities, reads=_reads(r), builtin=r in builtin,
        description=" ".join((inspect.getdoc(r.check) or r.description).split("\n\n")[0].split()))
        for r in (*builtin, *extra)), key=lambda e: e.id)


def render(entries: list[RuleEntry]) -> str:
    """The catalogue as text: a heading line per rule, then what it reads and finds; then the
    checks every claim goes through, by the ids diagnostics name them with."""
    width = max((len(e.id) for e in entries), default=10)
    lines = ["rules (findings between claims)", ""]
    for entry in entries:
        severity = ", ".join(entry.severities) or "(not declared)"
        pack = "" if entry.builtin else "  [rule pack]"
        lines.append(f"{entry.id:<{width}}  {severity}{pack}")
        lines.append(textwrap.fill(entry.description, width=96, initial_indent="    ",
                                   subsequent_indent="    "))
        lines.append(f"    reads: {entry.reads}")
    lines += ["", "checks (of each claim, and of the review)", ""]
    input_check = ("Every file of the corpus loads: each field valid, each name declared, each "
                   "text unchanged since it was pinned (otherwise the audit exits 2).", "error")
    for check, (description, level) in {"input": input_check, **CHECKS}.items():
        lines.append(f"{check:<{width}}  {level}")
        lines.append(textwrap.fill(description, width=96, initial_indent="    ",
                                   subsequent_indent="    "))
    return "\n".join(lines)
