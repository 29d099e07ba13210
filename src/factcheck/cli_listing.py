"""What `factcheck audit` prints: the listing (each problem as `path:line:col: check message` at
its field's line, as ruff and mypy print theirs), or the diagnostics as JSON, GitHub Actions
annotations or SARIF; colour only on a terminal, never under NO_COLOR unless asked for."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping
from typing import Literal

from .auditing import Audit, stale_verdict_problem
from .cli_streams import Out
from .reports.diagnostics import Diagnostic, diagnostics
from .rules.findings import NEEDS_VERDICT, SEVERITIES

ColorMode = Literal["auto", "always", "never"]
COLOR_MODES: tuple[ColorMode, ...] = ("auto", "always", "never")


class Style:
    """ANSI colour: `always`, `never`, or on a terminal when NO_COLOR is not set (`auto`)."""

    def __init__(self, stream: Out, mode: ColorMode = "auto",
                 environ: Mapping[str, str] | None = None) -> None:
        environ = os.environ if environ is None else environ
        self.on = mode == "always" or (mode == "auto" and not environ.get("NO_COLOR")
                                       and stream.isatty())

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.on else text


def summary(result: Audit) -> str:
    """The audit's one-line summary."""
    passed = sum(1 for r in result.results if r.ok)
    failed = len(result.results) - passed
    counts = Counter(f.severity for f in result.findings)
    return (f"{len(result.results)} claims: {passed} passed, {failed} failed, "
            f"{len(result.warnings)} warnings; findings: "
            + ", ".join(f"{counts[s]} {s}" for s in SEVERITIES)
            + f"; {len(result.unreviewed)} without a verdict")


def _problem_line(found: Diagnostic) -> str:
    where = ":".join(str(p) for p in (found.file, found.line, found.column) if p is not None)
    field = f"{found.field}: " if found.field else ""
    return f"{where}: {found.check} {field}{found.message}"


def print_audit(result: Audit, out: Out, *, quiet: bool, color: ColorMode = "auto") -> None:
    """The listing: each claim file, each claim's mark and problems, the findings, the summary."""
    style = Style(out, color)
    width = max((len(r.claim.id) for r in result.results), default=10)
    placed = iter(diagnostics(result))
    current_file = None
    for item in result.results:
        found = {id(problem): next(placed) for problem in item.problems}
        origin = result.corpus.origins.get(item.claim.id)
        file = origin.file if origin else "?"
        errors = [p for p in item.problems if p.level == "error"]
        warnings = [p for p in item.problems if p.level == "warning"]
        if quiet and not item.problems:
            continue
        if file != current_file:
            print(style(file, "1"), file=out)
            current_file = file
        mark = style("FAIL", "31") if errors else (style("warn", "33") if warnings else
                                                  style("ok  ", "32"))
        line = f":{origin.line}" if origin and origin.line else ""
        print(f"  {mark} {item.claim.id:<{width}}  {item.claim.kind:<10} {item.claim.party}"
              f"  ({file}{line})", file=out)
        for problem in errors + warnings:
            print(f"       {_problem_line(found[id(problem)])}", file=out)
    _print_findings(result, out, style, quiet=quiet)
    for problem in result.review:
        if problem.level == "warning":
            print(style(f"  warn {problem.check}: ", "33") + str(problem), file=out)
    for verdict in result.stale_verdicts:
        print(style("  stale verdict: ", "31") + str(stale_verdict_problem(result.corpus, verdict)),
              file=out)
    print(style(summary(result), "32" if result.ok else "31"), file=out)


def _print_findings(result: Audit, out: Out, style: Style, *, quiet: bool) -> None:
    waiting = {f.id for f in result.unreviewed}
    shown = [f for f in result.findings if not quiet or f.id in waiting]
    if not shown:
        return
    print(style("findings", "1"), file=out)
    colours = {"contradiction": "31", "tension": "33", "unmatched": "35", "changed": "36",
               "corroborated": "32"}
    for finding in sorted(shown, key=lambda f: (SEVERITIES.index(f.severity), f.rule, f.id)):
        verdict = result.verdict_on(finding)
        state: str
        if verdict is not None:
            state = verdict.verdict
        elif finding.severity in NEEDS_VERDICT:
            state = style("NO VERDICT", "31")
        else:
            state = "-"
        print(f"  {finding.id}  {style(f'{finding.severity:<13}', colours[finding.severity])} "
              f"{finding.rule:<24} {state}", file=out)
        print(f"      {finding.message}", file=out)
        if finding.unproven:
            print(style(f"      unproven: {'; '.join(finding.unproven)}", "33"), file=out)
