"""Reports of an audit: the JSON report, the HTML report, SARIF, ClaimReview JSON-LD, and explanations."""

from __future__ import annotations

from .claimreview import claimreview, write_claimreview
from .explain import explain
from .files import write_atomic
from .html import render_html, write_html
from .json_report import build_report, dumps, load_report, write_report
from .records import Report
from .sarif import sarif, write_sarif
from .schema import report_schema

__all__ = [
    "Report",
    "build_report",
    "claimreview",
    "dumps",
    "explain",
    "load_report",
    "render_html",
    "report_schema",
    "sarif",
    "write_atomic",
    "write_claimreview",
    "write_html",
    "write_report",
    "write_sarif",
]
