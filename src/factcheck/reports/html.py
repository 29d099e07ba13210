"""The HTML report: one self-contained page to read an audit in a browser, offline.

`write_html(audit, path)` writes it atomically; `render_html(audit)` gives the text. The
page is built from the `Report` records (`build_report`) plus the source texts, for
context around quotes, and rendered with Jinja2 with autoescaping on: source texts,
quotes, notes and claim fields are untrusted, and a `<script>` in any of them is shown
as text. CSS and the small script are inline, nothing is fetched, and a Content Security
Policy allows only the page's own script (by its hash), so the file opens from disk with
no network. Without JavaScript the page shows everything; the script adds the filters,
opens a collapsed section a link points into, and opens every section for printing.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
from collections import Counter
from collections.abc import Mapping

import attrs
import jinja2
from markupsafe import Markup

from ..auditing import Audit
from ..rules.findings import SEVERITIES
from .files import write_atomic
from .html_findings import (
    VERDICTS,
    Dispute,
    FindingView,
    Lines,
    finding_view,
    findings_by_claim,
    group_disputes,
    interval,
    verdict_key,
)
from .html_sources import ProblemClaim, SourceView, problem_claims, source_views
from .json_report import build_report
from .records import FindingEntry, Report
from .timeline import Timelines, timelines

PALETTE_SIZE = 8
"""Party colours cycle through this many CSS classes (`party-0` … `party-7`)."""


@attrs.frozen(kw_only=True)
class Filter:
    """A filter menu: its name and the (value, label) options, in display order."""

    name: str
    label: str
    options: tuple[tuple[str, str], ...]


@attrs.frozen(kw_only=True)
class Page:
    """Everything the template shows, worked out in Python so the template only lays it out."""

    report: Report
    title: str
    parties: Mapping[str, str]
    colours: Mapping[str, int]
    """Party id to its colour class number."""
    topics: Mapping[str, str]
    verdict_counts: Mapping[str, Mapping[str, int]]
    """Severity to verdict ('upheld', 'explained', 'dismissed', 'none') to count."""
    disputes: tuple[Dispute, ...]
    others: tuple[FindingEntry, ...]
    """Changed and corroborated findings."""
    views: Mapping[str, FindingView]
    filters: tuple[Filter, ...]
    timelines: Timelines
    sources: tuple[SourceView, ...]
    failed: tuple[ProblemClaim, ...]
    warned: tuple[ProblemClaim, ...]


def build_page(audit: Audit) -> Page:
    """Work out what the HTML report shows from an audit's report and its source texts."""
    report = build_report(audit)
    corpus = audit.corpus
    parties = {p.id: p.name for p in report.parties}
    speakers = {s.id: s.name for s in report.speakers}
    colours = party_colours(report)
    claims = {c.id: c for c in report.claims}
    texts = {s: t for s, t in corpus.texts.items() if isinstance(t, str)}
    lines = {s: Lines(t) for s, t in texts.items()}
    titles = {s.id: s.title for s in report.sources}
    views = {f.id: finding_view(f, claims=claims, parties=parties, speakers=speakers,
                                titles=titles, texts=lines) for f in report.findings}
    counts: dict[str, Counter[str]] = {s: Counter() for s in SEVERITIES}
    for finding in report.findings:
        counts.setdefault(finding.severity, Counter())[verdict_key(finding)] += 1
    verdict_counts = {s: {v: c[v] for v in VERDICTS} for s, c in counts.items()}
    disputes = group_disputes(report.findings, report.disputes)
    in_disputes = {f.id for d in disputes for f in d.findings}
    coverage = {s.source: s for s in report.coverage.sources} if report.coverage else {}
    paths = {s.id: s.path for s in report.sources}
    by_claim = findings_by_claim(report.findings)
    lines_of_time = timelines(report.claims, report.findings, parties=parties,
                              short=short_names(audit, parties), colours=colours)
    return Page(
        report=report, title=_title(audit), parties=parties, colours=colours,
        topics={t.id: t.description for t in corpus.topics.values()},
        verdict_counts=verdict_counts, disputes=disputes,
        others=tuple(f for f in report.findings if f.id not in in_disputes), views=views,
        filters=_filters(report.findings, parties),
        timelines=lines_of_time,
        sources=source_views(report.sources, report.claims, texts=texts, coverage=coverage,
                             parties=parties, findings=by_claim),
        failed=problem_claims(report.claims, texts=texts, paths=paths, parties=parties, failed=True),
        warned=problem_claims(report.claims, texts=texts, paths=paths, parties=parties,
                              failed=False))


def party_colours(report: Report) -> dict[str, int]:
    """A colour number per party: the parties with the most claims get the first, most distinct ones."""
    claims = Counter(c.party for c in report.claims)
    ranked = sorted(report.parties, key=lambda p: (-claims[p.id], p.id))
    return {p.id: n % PALETTE_SIZE for n, p in enumerate(ranked)}


def short_names(audit: Audit, names: Mapping[str, str], *, limit: int = 24) -> dict[str, str]:
    """Names that fit a timeline lane: the name, else its first alias short enough, else the name."""
    short = {}
    for party, name in names.items():
        record = audit.corpus.parties.get(party)
        aliases = record.aliases if record is not None else ()
        fits = [a for a in aliases if 2 < len(a) <= limit] if len(name) > limit else []
        short[party] = fits[0] if fits else name
    return short


def _title(audit: Audit) -> str:
    root = os.path.basename(os.path.abspath(audit.corpus.root)) or audit.corpus.root
    return f"factcheck audit: {root}"


def _filters(findings: tuple[FindingEntry, ...], parties: Mapping[str, str]) -> tuple[Filter, ...]:
    """The filter menus, offering only values some finding has."""
    party_ids = sorted({p for f in findings for p in f.parties}, key=lambda p: (parties.get(p, p), p))
    topics = sorted({f.topic for f in findings if f.topic})
    severities = [s for s in SEVERITIES if any(f.severity == s for f in findings)]
    verdicts = [v for v in VERDICTS if any(verdict_key(f) == v for f in findings)]
    return (
        Filter(name="party", label="Party", options=tuple((p, parties.get(p, p)) for p in party_ids)),
        Filter(name="topic", label="Topic", options=tuple((t, t) for t in topics)),
        Filter(name="severity", label="Severity", options=tuple((s, s) for s in severities)),
        Filter(name="verdict", label="Verdict", options=tuple((v, v) for v in verdicts)),
    )


@functools.cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment of the report templates: autoescaping on, undefined names fail."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("factcheck.reports", "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True)
    env.filters["interval"] = lambda v: interval(v.lo, v.hi)
    env.filters["party_name"] = lambda party, names: names.get(party, party)
    env.tests["web_url"] = is_web_url
    return env


def is_web_url(url: str) -> bool:
    """Whether a source's URL may be a link: http or https only, never `javascript:` and the like."""
    return url.lower().startswith(("http://", "https://"))


def _script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def render_html(audit: Audit) -> str:
    """The HTML report of `audit` as text: deterministic for the same corpus."""
    env = environment()
    assert env.loader is not None
    script = env.loader.get_source(env, "report.js")[0]
    style = env.loader.get_source(env, "report.css")[0]
    # Our own files, inserted as they are (autoescaping would turn '&&' into '&amp;&amp;').
    return env.get_template("report.html.j2").render(
        page=build_page(audit), script=Markup(script), style=Markup(style),
        script_hash=_script_hash(script))


def write_html(audit: Audit, path: str | os.PathLike[str]) -> None:
    """Write the HTML report of `audit` to `path`, atomically."""
    write_atomic(path, render_html(audit))
