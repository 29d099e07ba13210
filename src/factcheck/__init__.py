"""factcheck: audit typed claims about a public body against the exact words of their sources."""

from __future__ import annotations

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
from .reports.json_report import build_report, factcheck_version, load_report, write_report
from .reports.records import Report
from .rules import Rule, rule
from .rules.findings import Finding
from .text.dates import PartialDate, Period
from .text.intervals import Interval
from .text.numbers import Number, parse_number

__version__ = factcheck_version()

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
