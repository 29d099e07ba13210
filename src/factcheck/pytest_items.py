"""The test items of the pytest plugin: a claim, a dispute, a stale verdict; and the settings
and failures they share. `factcheck.pytest_plugin` collects them; nothing here judges a claim.

Importing this module imports nothing else of factcheck: the plugin imports it in every
project of the environment, opted in or not. What a failure's text needs is imported when
a failure is shown.
"""

from __future__ import annotations

import functools
import re
import warnings
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from _pytest._code.code import ReprFileLocation
from _pytest._code.code import TerminalRepr as _TerminalRepr

if TYPE_CHECKING:
    from _pytest._code.code import TerminalRepr, TracebackStyle

    from .auditing import Audit
    from .checks.evidence import ClaimResult
    from .errors import Problem
    from .rules.disputes import Dispute
    from .rules.findings import Finding

VERDICTS_FILE = "verdicts.toml"


class FactcheckWarning(UserWarning):
    """A warning-level problem with a claim's evidence: reported, but the claim still passes."""


class ClaimFailed(Exception):
    """A claim, finding or verdict item failed; `report` is the text shown for it."""

    def __init__(self, report: str) -> None:
        super().__init__(report)
        self.report = report


class CorpusUnusable(Exception):
    """The corpus could not be loaded; `report` lists every problem."""

    def __init__(self, report: str) -> None:
        super().__init__(report)
        self.report = report


@attrs.frozen(kw_only=True)
class Settings:
    """Where the corpus is, from the command line, else `[tool.factcheck]`, else the defaults."""

    root: Path
    seeds: str
    claims: str
    report: Path | None = None
    report_on_command_line: bool = False
    active: bool = True
    """Whether the project opted in, so that claim files are collected."""

    @property
    def claims_dir(self) -> Path:
        return (self.root / self.claims).resolve()


# --- markers ----------------------------------------------------------------------------------

SEVERITY_MARKERS = ("contradiction", "tension", "unmatched", "changed", "corroborated")
VERDICT_MARKERS = ("upheld", "dismissed", "explained", "unreviewed")


@functools.lru_cache(maxsize=4096)
def marker_name(prefix: str, name: str) -> str:
    """`prefix_name` with every character that is not a letter, digit or '_' made '_' (made
    once for each name: ten thousand items share a few dozen)."""
    return re.sub(r"\W", "_", f"{prefix}_{name}" if prefix else name, flags=re.ASCII).lower()


def marker_help() -> list[str]:
    """The fixed markers, as `markers` ini lines; `party_*`, `kind_*` and `rule_*` come with
    the corpus and are registered as items are collected."""
    lines = [f"{s}: a factcheck item with a finding of severity {s}" for s in SEVERITY_MARKERS]
    lines += [f"{v}: a factcheck item with a finding whose verdict is {v}" for v in VERDICT_MARKERS]
    lines.append("stale: a factcheck verdict whose finding no longer exists")
    return lines


@attrs.frozen(kw_only=True)
class Marks:
    """What markers and dispute items need from the audit, indexed once per session: the
    findings on each claim, and where each finding stands (its verdict, 'unreviewed', or
    nothing when it needs no verdict). The audit's own lookups rebuild their index on each
    call, which is fine once but not once per item."""

    on_claim: dict[str, list[Finding]]
    findings: dict[str, Finding]
    position: dict[str, int]
    """Each finding's place in the audit's order."""
    standing: dict[str, str]
    kinds: dict[str, str]
    waiting: frozenset[str]
    """The ids of the findings that need a verdict and have none (`Audit.unreviewed`)."""

    @classmethod
    def of(cls, audit: Audit) -> Marks:
        on_claim: dict[str, list[Finding]] = defaultdict(list)
        for finding in audit.findings:
            for claim in finding.claims:
                on_claim[claim].append(finding)
        waiting = frozenset(f.id for f in audit.unreviewed)
        standing: dict[str, str] = {}
        for finding in audit.findings:
            verdict = audit.verdict_on(finding)  # its indexes are worked out once
            if verdict is not None:
                standing[finding.id] = verdict.verdict
            elif finding.id in waiting:
                standing[finding.id] = "unreviewed"
        return cls(on_claim=dict(on_claim), findings={f.id: f for f in audit.findings},
                   position={f.id: place for place, f in enumerate(audit.findings)},
                   standing=standing, kinds={c.id: c.kind for c in audit.corpus.claims},
                   waiting=waiting)

    def of_findings(self, findings: Iterable[Finding]) -> list[str]:
        names: list[str] = []
        for finding in findings:
            names += [marker_name("rule", finding.rule), finding.severity]
            if finding.id in self.standing:
                names.append(self.standing[finding.id])
        return names


def item_markers(item: _FactcheckItem, marks: Marks) -> list[str]:
    """The item's markers, each once, in a stable order."""
    return list(dict.fromkeys(item.markers(marks)))


class _Report(_TerminalRepr):
    """A failure's text, with the one line `--tb=line` and the short summary show (with
    `--tb=line` pytest writes that line itself, so the text is left out)."""

    def __init__(self, text: str, crash: ReprFileLocation) -> None:
        self.text = text
        self.reprcrash = crash

    def toterminal(self, tw: Any) -> None:
        if self.text:
            tw.line(self.text)


class _FactcheckItem(pytest.Item):
    """What every factcheck item shares: the audit, a line to point at, our own failures."""

    def __init__(self, *, audit: Audit, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.audit = audit

    def origin_key(self) -> str:
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError

    def markers(self, marks: Marks) -> list[str]:
        raise NotImplementedError

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: TracebackStyle | None = None
    ) -> str | TerminalRepr:
        """Our failures as text, cut to fit `--tb`: 'line' one line, 'short' its first
        paragraph, the other styles all of it; others as pytest shows them."""
        if not isinstance(excinfo.value, ClaimFailed):
            return super().repr_failure(excinfo, style)
        text = excinfo.value.report
        style = style or self.config.getoption("tbstyle", "auto")
        first = text.split("\n", 1)[0]
        if style == "short":
            text = text.split("\n\n", 1)[0]
        elif style == "line":
            text = ""
        path, line, _ = self.reportinfo()
        return _Report(text, ReprFileLocation(str(path), (line or 0) + 1, first))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        origin = self.audit.corpus.origins.get(self.origin_key())
        line = origin.line - 1 if origin is not None and origin.line is not None else None
        return self.path, line, self.describe()

    def where(self) -> str:
        origin = self.audit.corpus.origins.get(self.origin_key())
        if origin is None:
            return "?"
        return origin.file if origin.line is None else f"{origin.file}:{origin.line}"


class ClaimItem(_FactcheckItem):
    """One claim: fails when its evidence has error-level problems; warnings are warned."""

    def __init__(self, *, result: ClaimResult, settings: Settings, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.result = result
        self.settings = settings

    def origin_key(self) -> str:
        return self.result.claim.id

    def describe(self) -> str:
        return f"claim {self.result.claim.id}"

    def markers(self, marks: Marks) -> list[str]:
        claim = self.result.claim
        own = [marker_name("party", claim.party), marker_name("kind", claim.kind)]
        return own + marks.of_findings(marks.on_claim.get(claim.id, ()))

    def runtest(self) -> None:
        origin = self.audit.corpus.origins.get(self.result.claim.id)
        for problem in self.result.problems:
            if problem.level == "warning":
                warnings.warn_explicit(
                    FactcheckWarning(f"claim {self.result.claim.id}: [{problem.check}] "
                                     f"{problem.message}"),
                    FactcheckWarning, filename=str(self.path),
                    lineno=origin.line if origin is not None and origin.line is not None else 0)
        if not self.result.ok:
            raise ClaimFailed(self.failure())

    def failure(self) -> str:
        from .text.lines import index_of, line_text

        claim = self.result.claim
        corpus = self.audit.corpus
        errors = [p for p in self.result.problems if p.level == "error"]
        lines = [f"claim {claim.id} ({claim.kind}, {claim.party}, about {claim.period}) at "
                 f"{self.where()} fails {len(errors)} check{'s' if len(errors) != 1 else ''}:", ""]
        lines += [_problem_line(p) for p in self.result.problems]
        for index, (evidence, anchor) in enumerate(zip(claim.evidence, self.result.anchors,
                                                       strict=True)):
            lines += ["", f"evidence[{index}] from {evidence.source}:",
                      f"  quote: {evidence.quote!r}"]
            if anchor is None:
                lines.append("  does not anchor (the problem above names the closest passage)")
                continue
            text = corpus.texts[evidence.source]
            source = corpus.sources[evidence.source]
            path = f"{self.settings.seeds}/{source.path}"
            starts = index_of(text)
            lines.append(f"  anchored ({anchor.match}) at:")
            for number in range(anchor.line, anchor.end_line + 1):
                lines.append(f"  {path}:{number}: {line_text(text, starts, number)}")
        return "\n".join(lines)


def _problem_line(problem: Problem) -> str:
    field = f" {problem.location.field}" if problem.location.field else ""
    return f"  {problem.level} [{problem.check}]{field}: {problem.message}"


class DisputeItem(_FactcheckItem):
    """A dispute: fails while a finding in it has no verdict, of its own or of the dispute."""

    def __init__(self, *, dispute: Dispute, settings: Settings, marks: Marks, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.dispute = dispute
        self.settings = settings
        self.marks = marks

    def origin_key(self) -> str:
        return self.dispute.claims[0] if self.dispute.claims else ""

    def describe(self) -> str:
        return f"{self.dispute.severity} dispute {self.dispute.id}"

    def markers(self, marks: Marks) -> list[str]:
        kinds = [marker_name("kind", marks.kinds[c]) for c in self.dispute.claims if c in marks.kinds]
        return [*(marker_name("party", p) for p in self.dispute.parties), *kinds,
                *marks.of_findings(marks.findings[f] for f in self.dispute.findings
                                   if f in marks.findings)]

    def runtest(self) -> None:
        marks = self.marks
        open_ids = [f for f in self.dispute.findings if f in marks.waiting and f in marks.findings]
        open_findings = [marks.findings[f] for f in sorted(open_ids, key=marks.position.__getitem__)]
        if not open_findings:
            return
        from .reports.explain import explain

        count = len(open_findings)
        header = (f"{self.dispute.severity} dispute {self.dispute.id} about "
                  f"{self.dispute.about!r}: {count} finding{'s' if count != 1 else ''} "
                  f"({', '.join(f.id for f in open_findings)}) without a verdict: review it, then "
                  f'add [[verdict]] dispute = "{self.dispute.id}" (or one per finding) to '
                  f"{self.settings.claims}/{VERDICTS_FILE}")
        raise ClaimFailed("\n\n".join([header, *(explain(self.audit, f) for f in open_findings)]))


class StaleVerdictItem(_FactcheckItem):
    """A verdict whose finding no longer exists: always fails."""

    def __init__(self, *, finding_id: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.finding_id = finding_id

    def origin_key(self) -> str:
        return f"verdict:{self.finding_id}"

    def describe(self) -> str:
        return f"stale verdict {self.finding_id}"

    def markers(self, marks: Marks) -> list[str]:
        return ["stale"]

    def runtest(self) -> None:
        raise ClaimFailed(f"the verdict at {self.where()} is for finding {self.finding_id}, which "
                          "no longer exists; remove it, or re-review the claims it was about")


# --- fixtures and the report ------------------------------------------------------------------
