"""factcheck: audit typed claims about a public body against the exact words of their sources."""

from __future__ import annotations

from .audit import Audit, audit
from .coverage import Coverage
from .dates import PartialDate, Period
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
from .evidence import ClaimResult
from .findings import Finding
from .loading import load
from .model import (
    Anchor,
    Assessment,
    Cause,
    Change,
    Claim,
    Corpus,
    Evidence,
    Party,
    Quantity,
    Ranking,
    Rate,
    Rating,
    Relation,
    Scale,
    Source,
    Speaker,
    Stance,
    Status,
    Topic,
    Verdict,
)
from .numbers import Interval, Number, parse_number
from .report import build_report, load_report, write_report
from .report_records import Report
from .rules import Rule, rule

__all__ = [
    "AmbiguousQuote",
    "Anchor",
    "AnchorError",
    "Assessment",
    "Audit",
    "Cause",
    "Change",
    "Claim",
    "ClaimResult",
    "Corpus",
    "Coverage",
    "Evidence",
    "FactcheckError",
    "Finding",
    "InputError",
    "Interval",
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
    "Scale",
    "Source",
    "Speaker",
    "Stance",
    "Status",
    "Topic",
    "Verdict",
    "audit",
    "build_report",
    "load",
    "load_report",
    "parse_number",
    "rule",
    "write_report",
]
