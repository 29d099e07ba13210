"""factcheck: audit typed claims about a public body against the exact words of their sources.

The public names are imported on first use (PEP 562), so `import factcheck` is cheap: the
pytest plugin is installed for every project of the environment and must not load the
library where it is not used. Type checkers see every name through the TYPE_CHECKING imports.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .auditing import Audit, audit
    from .checks.coverage import Coverage
    from .checks.evidence import ClaimResult
    from .corpus import (
        Anchor,
        Assessment,
        Cause,
        Change,
        Claim,
        ClaimKind,
        Corpus,
        Event,
        Evidence,
        GradingScale,
        KindRegistry,
        Party,
        Quantity,
        Ranking,
        Rate,
        Rating,
        Relation,
        Source,
        Speaker,
        Stance,
        Status,
        Topic,
        Verdict,
        builtin_kinds,
        installed_kinds,
    )
    from .corpus.loading import load
    from .errors import (
        AmbiguousQuote,
        AnchorError,
        FactcheckError,
        InputError,
        Location,
        NumberError,
        Problem,
        QuoteNotFound,
    )
    from .reports.json_report import build_report, load_report, write_report
    from .reports.records import Report
    from .rules import Rule, rule
    from .rules.findings import Finding
    from .text.dates import PartialDate, Period
    from .text.intervals import Interval
    from .text.numbers import Number, parse_number

    __version__: str

_HOMES = {
    ".auditing": ("Audit", "audit"),
    ".checks.coverage": ("Coverage",),
    ".checks.evidence": ("ClaimResult",),
    ".corpus": ("Anchor", "Assessment", "Cause", "Change", "Claim", "ClaimKind", "Corpus", "Event",
                "Evidence", "GradingScale", "KindRegistry", "Party", "Quantity", "Ranking", "Rate",
                "Rating", "Relation", "Source", "Speaker", "Stance", "Status", "Topic", "Verdict",
                "builtin_kinds", "installed_kinds"),
    ".corpus.loading": ("load",),
    ".errors": ("AmbiguousQuote", "AnchorError", "FactcheckError", "InputError", "Location",
                "NumberError", "Problem", "QuoteNotFound"),
    ".reports.json_report": ("build_report", "load_report", "write_report"),
    ".reports.records": ("Report",),
    ".rules": ("Rule", "rule"),
    ".rules.findings": ("Finding",),
    ".text.dates": ("PartialDate", "Period"),
    ".text.intervals": ("Interval",),
    ".text.numbers": ("Number", "parse_number"),
}
_HOME = {name: module for module, names in _HOMES.items() for name in names}
"""The module each public name is imported from, on first use."""

__all__ = [
    "AmbiguousQuote",
    "Anchor",
    "AnchorError",
    "Assessment",
    "Audit",
    "Cause",
    "Change",
    "Claim",
    "ClaimKind",
    "ClaimResult",
    "Corpus",
    "Coverage",
    "Event",
    "Evidence",
    "FactcheckError",
    "Finding",
    "GradingScale",
    "InputError",
    "Interval",
    "KindRegistry",
    "Location",
    "Number",
    "NumberError",
    "PartialDate",
    "Party",
    "Period",
    "Problem",
    "Quantity",
    "QuoteNotFound",
    "Ranking",
    "Rate",
    "Rating",
    "Relation",
    "Report",
    "Rule",
    "Source",
    "Speaker",
    "Stance",
    "Status",
    "Topic",
    "Verdict",
    "__version__",
    "audit",
    "build_report",
    "builtin_kinds",
    "installed_kinds",
    "load",
    "load_report",
    "parse_number",
    "rule",
    "write_report",
]


if not TYPE_CHECKING:  # type checkers see the imports above, and no catch-all attribute

    def __getattr__(name: str) -> object:
        """Import a public name from its home on first use, and keep it in the module."""
        if name == "__version__":
            value: object = importlib.import_module(".reports.json_report", __name__).factcheck_version()
        elif name in _HOME:
            value = getattr(importlib.import_module(_HOME[name], __name__), name)
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
