"""The JSON report of an audit: versioned, deterministic, and round-tripping through cattrs.

`build_report` turns an `Audit` into plain attrs records; `dumps` gives the JSON text (sorted
keys, no timestamps, so the same corpus always gives the same bytes); `load_report` reads it
back into the same records. The JSON Schema ships in the package (`report_schema`).

Numbers are intervals, and JSON has no infinity: an unbounded end of an interval is written
as null ("more than 1,500" is [1450, null]).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

import attrs
from cattrs.errors import BaseValidationError

from ..auditing import Audit
from ..checks.coverage import Coverage
from ..checks.evidence import ClaimResult
from ..corpus import Anchor, Claim, ClaimValue, Corpus, KindRegistry, Origin, installed_kinds
from ..corpus.convert import error_paths
from ..corpus.kinds.base import bounds
from ..corpus.kinds.cues import Lexicon
from ..corpus.kinds.values import at_precision
from ..errors import FactcheckError, Problem, path_text
from ..rules.findings import SEVERITIES, Finding
from ..text.dates import PartialDate, Period
from .encoding import batches, date_texts, json_line, record_data, record_encoder, report_converter
from .files import write_atomic
from .finding_data import dispute_data, dispute_entries, finding_data, finding_entries
from .records import (
    SCHEMA,
    ClaimEntry,
    CoverageEntry,
    DisputeEntry,
    EvidenceEntry,
    FindingCounts,
    FindingEntry,
    FindingValue,  # noqa: F401  (the report's records are imported from here too)
    PartyEntry,
    ProblemEntry,
    Report,
    SourceCoverageEntry,
    SourceEntry,
    SpeakerEntry,
    StaleVerdict,
    Summary,
    Uncovered,
    VerdictEntry,  # noqa: F401
)

# --- building ----------------------------------------------------------------------------------


def claim_value(claim: Claim, kinds: KindRegistry, lexicon: Lexicon | None = None) -> ClaimValue:
    """The typed payload of a claim as its kind encodes it, with the interval of its number
    read at the corpus's round-number precision."""
    kind = kinds.of(claim)
    value = kind.encode(claim)
    if lexicon is None or lexicon.round_precision == "implied":
        return value
    number = at_precision(kind.number(claim), lexicon)
    if number is None or "interval" not in attrs.fields_dict(type(value)):
        return value
    return attrs.evolve(value, interval=bounds(number.interval))  # type: ignore[call-arg]


def _span(date: PartialDate | Period) -> Period:
    return Period(start=date, end=date) if isinstance(date, PartialDate) else date


def _problem(problem: Problem) -> ProblemEntry:
    return ProblemEntry(check=problem.check, level=problem.level, message=problem.message,
                        field=problem.location.field)


def claim_order(corpus: Corpus, claim_id: str) -> tuple[str, int, str]:
    """Sort key of a claim: its file, its line there, its id."""
    origin = corpus.origins.get(claim_id)
    return (origin.file if origin else "", (origin.line or 0) if origin else 0, claim_id)


def finding_order(finding: Finding) -> tuple[int, str, str]:
    """Sort key of a finding: severity (contradictions first), rule, id."""
    return (SEVERITIES.index(finding.severity), finding.rule, finding.id)


def _coverage(coverage: Coverage | None) -> CoverageEntry | None:
    """The coverage entry; each source's counted and uncovered statements listed once, and the
    totals summed as `Coverage` sums them."""
    if coverage is None:
        return None
    sources = []
    covered_total = counted_total = 0
    for source in coverage.sources:
        statements = source.statements  # a large corpus has a million: no property, no tuple
        uncovered = [s for s in statements if not s.covered and not s.ignored]
        counted = len(statements) - len([s for s in statements if s.ignored])
        covered = counted - len(uncovered)
        covered_total += covered
        counted_total += counted
        sources.append(SourceCoverageEntry(
            source=source.source,
            percent=round(100.0 * covered / counted if counted else 100.0, 2),
            covered=covered, total=counted,
            ignored=len(statements) - counted,
            uncovered=tuple(Uncovered(line=s.line, text=s.text, kind=s.kind) for s in uncovered)))
    percent = 100.0 * covered_total / counted_total if counted_total else 100.0
    return CoverageEntry(threshold=float(coverage.threshold), percent=round(percent, 2),
                         covered=covered_total, total=counted_total,
                         ok=percent >= coverage.threshold,
                         sources=tuple(sorted(sources, key=lambda s: s.source)))


def factcheck_version() -> str:
    """The installed version of factcheck, or 'unknown' when it is not installed."""
    try:
        return package_version("factcheck")
    except PackageNotFoundError:
        return "unknown"


def claim_entries(audit: Audit) -> Iterator[ClaimEntry]:
    """The report's entry of each claim, in report order, one at a time."""
    corpus = audit.corpus
    origins = corpus.origins
    for result in in_report_order(audit):
        claim = result.claim
        origin = origins.get(claim.id)
        yield ClaimEntry(
            id=claim.id, kind=claim.kind, party=claim.party, speaker=claim.speaker,
            subject=claim.subject, topic=claim.topic, period=claim.period,
            stated=_span(corpus.stated(claim)), forecast=claim.forecast, note=claim.note,
            file=origin.file if origin else None, line=origin.line if origin else None,
            value=claim_value(claim, corpus.kinds, corpus.lexicon),
            evidence=tuple(EvidenceEntry(source=e.source, quote=e.quote, prefix=e.prefix,
                                         suffix=e.suffix, anchor=a)
                           for e, a in zip(claim.evidence, result.anchors, strict=True)),
            problems=tuple(_problem(p) for p in result.problems), ok=result.ok,
            reported_by=claim.reported_by, deadline=claim.deadline)


def build_report(audit: Audit, *, version: str | None = None) -> Report:
    """The report of an audit, in a deterministic order and without timestamps."""
    return _report(audit, version, claims=tuple(claim_entries(audit)),
                   findings=tuple(finding_entries(audit)), disputes=tuple(dispute_entries(audit)))


def _report(audit: Audit, version: str | None, *, claims: tuple[ClaimEntry, ...] = (),
            findings: tuple[FindingEntry, ...] = (), disputes: tuple[DisputeEntry, ...] = (),
            ) -> Report:
    """The report, with `claims`, `findings` and `disputes` as its own (none when they are
    streamed apart)."""
    corpus = audit.corpus
    stale = []
    for verdict in audit.stale_verdicts:
        origin = corpus.origins.get(f"verdict:{verdict.judges}")
        stale.append(StaleVerdict(finding=verdict.judges, verdict=verdict.verdict,
                                  note=verdict.note, file=origin.file if origin else None,
                                  line=origin.line if origin else None))
    results = audit.results
    passed = warnings = 0
    for result in results:  # one pass, and most results have no problem to look through
        if not result.problems:
            passed += 1
            continue
        passed += result.ok
        warnings += sum(1 for p in result.problems if p.level == "warning")
    warnings += audit.review_warnings
    counts = Counter(f.severity for f in audit.findings)
    coverage = _coverage(audit.coverage)
    summary = Summary(
        claims=len(results), passed=passed, failed=len(results) - passed,
        warnings=warnings,
        findings=FindingCounts(**{s: counts[s] for s in SEVERITIES}),
        unreviewed=len(audit.unreviewed), stale_verdicts=len(stale),
        coverage_percent=None if coverage is None else coverage.percent, ok=audit.ok)
    return Report(
        generated_by=f"factcheck {version or factcheck_version()}",
        sources=tuple(SourceEntry(id=s.id, path=s.path, title=s.title, publisher=s.publisher,
                                  published=s.published, kind=s.kind, sha256=s.sha256, url=s.url)
                      for _, s in sorted(corpus.sources.items())),
        parties=tuple(PartyEntry(id=p.id, name=p.name, role=p.role)
                      for _, p in sorted(corpus.parties.items())),
        speakers=tuple(SpeakerEntry(id=s.id, party=s.party, name=s.name, title=s.title)
                       for _, s in sorted(corpus.speakers.items())),
        claims=claims, findings=findings, stale_verdicts=tuple(stale),
        coverage=coverage, summary=summary, disputes=disputes)


# --- JSON in and out ---------------------------------------------------------------------------


def dumps(report: Report) -> str:
    """The report as JSON text: sorted keys, one source, claim or finding a line, a final newline.

    Each record sits on a line of its own, so the file diffs and greps well; orjson writes each
    line (`json_line`), without spaces.
    """
    return "".join(iter_dumps(report))


_REPORT_KEYS = tuple(sorted(a.name for a in attrs.fields(Report)))


def iter_dumps(report: Report, *, claims: Iterable[dict[str, Any]] | None = None,
               findings: Iterable[dict[str, Any]] | None = None,
               disputes: Iterable[dict[str, Any]] | None = None) -> Iterator[str]:
    """`dumps` a few hundred lines at a time, each record turned to JSON as its line is written,
    so the report is never held whole, as text or as data. `claims`, `findings` and `disputes`,
    when given, stand for the report's own, as data (iterators of them, built as they are
    written: `claim_data`, `finding_data`, `dispute_data`)."""
    yield "{\n"
    last_key = len(_REPORT_KEYS) - 1
    streamed = {"claims": claims, "findings": findings, "disputes": disputes}
    for number, key in enumerate(_REPORT_KEYS):
        comma = "," if number < last_key else ""
        value = getattr(report, key)
        if streamed.get(key) is not None:
            items: Iterable[Any] = streamed[key]  # type: ignore[assignment]
        elif isinstance(value, tuple):
            items = map(record_data, value)
        else:
            data = None if value is None else record_data(value) if attrs.has(type(value)) else value
            yield f"  {json.dumps(key)}: {json_line(data).decode()}{comma}\n"
            continue
        opening = f"  {json.dumps(key)}: [\n    "
        for batch in batches(map(json_line, items)):
            yield opening + b",\n    ".join(batch).decode()
            opening = ",\n    "
        yield f"  {json.dumps(key)}: []{comma}\n" if opening.startswith("  ") else f"\n  ]{comma}\n"
    yield "}\n"


_CLAIM_FIELDS = ("id", "kind", "party", "speaker", "subject", "topic", "period", "stated",
                 "forecast", "note", "file", "line", "value", "evidence", "problems", "ok",
                 "reported_by", "deadline")
_DIRECT = (tuple(a.name for a in attrs.fields(ClaimEntry)) == _CLAIM_FIELDS
           and tuple(a.name for a in attrs.fields(EvidenceEntry))
           == ("source", "quote", "prefix", "suffix", "anchor")
           and tuple(a.name for a in attrs.fields(ProblemEntry)) == ("check", "level", "message", "field"))
"""Whether `claim_data` may write the entries' data itself: it knows every field they have."""


def in_report_order(audit: Audit) -> list[ClaimResult]:
    """The claim results in report order: by `claim_order` (file, line there, id), ties in the
    audit's order. Three stable sorts by one field each, so no key tuple is made for each of a
    million claims."""
    origins = audit.corpus.origins

    def line(result: ClaimResult) -> int:
        origin = origins.get(result.claim.id)
        return (origin.line or 0) if origin is not None else 0

    def file(result: ClaimResult) -> str:
        origin = origins.get(result.claim.id)
        return origin.file if origin is not None else ""

    ordered = list(audit.results)
    if _in_order(ordered, origins):
        return ordered  # as a corpus loads its files and their lines in order: nothing to sort
    ordered.sort(key=lambda r: r.claim.id)
    ordered.sort(key=line)
    ordered.sort(key=file)
    return ordered


def _in_order(results: list[ClaimResult], origins: Mapping[str, Origin]) -> bool:
    """Whether the results are in report order already (by file, line there, id), checked
    without a key tuple made for each."""
    last_file, last_line, last_id = "", 0, ""
    for result in results:
        claim_id = result.claim.id
        origin = origins.get(claim_id)
        file, line = ("", 0) if origin is None else (origin.file, origin.line or 0)
        if file != last_file:
            if file < last_file:
                return False
            last_file, last_line, last_id = file, line, claim_id
            continue
        if line < last_line or (line == last_line and claim_id < last_id):
            return False
        last_line, last_id = line, claim_id
    return True


def claim_data(audit: Audit) -> Iterator[dict[str, Any]]:
    """Each claim's entry as the report's data, in report order: what `record_data` makes of
    `claim_entries`, written directly (without making the entries), unless the entries have
    fields this does not know."""
    if not _DIRECT:
        yield from map(record_data, claim_entries(audit))
        return
    corpus = audit.corpus
    kinds, lexicon = corpus.kinds, corpus.lexicon
    encoders = {} if lexicon.round_precision != "implied" else {
        name: kind.encode for name, kind in kinds.kinds.items()}  # what `claim_value` calls then
    date = date_texts()
    anchor_data = record_encoder(Anchor)
    value_data: dict[type, Any] = {}  # `record_encoder` of each value class, looked up once
    origins = corpus.origins
    for result in in_report_order(audit):
        claim = result.claim
        origin = origins.get(claim.id)
        encode = encoders.get(claim.kind)
        value = claim_value(claim, kinds, lexicon) if encode is None else encode(claim)
        value_type = type(value)
        write_value = value_data.get(value_type)
        if write_value is None:
            write_value = value_data[value_type] = record_encoder(value_type)
        stated = claim.stated
        deadline = claim.deadline
        problems = result.problems
        yield {
            "id": claim.id, "kind": claim.kind, "party": claim.party, "speaker": claim.speaker,
            "subject": claim.subject, "topic": claim.topic, "period": date(claim.period),
            "stated": date(corpus.stated(claim) if stated is None else stated),
            "forecast": claim.forecast, "note": claim.note,
            "file": None if origin is None else origin.file,
            "line": None if origin is None else origin.line,
            "value": write_value(value),
            "evidence": [{"source": e.source, "quote": e.quote, "prefix": e.prefix,
                          "suffix": e.suffix, "anchor": None if a is None else anchor_data(a)}
                         for e, a in zip(claim.evidence, result.anchors, strict=True)],
            "problems": [{"check": p.check, "level": p.level, "message": p.message,
                          "field": p.location.field} for p in problems] if problems else [],
            "ok": not problems or result.ok, "reported_by": claim.reported_by,
            "deadline": None if deadline is None else date(deadline)}


def report_text(audit: Audit, *, version: str | None = None) -> Iterator[str]:
    """`dumps(build_report(audit))` in pieces, each claim's entry built as it is written."""
    return iter_dumps(_report(audit, version), claims=claim_data(audit),
                      findings=finding_data(audit), disputes=dispute_data(audit))


def write_report(audit: Audit, path: str | os.PathLike[str], *, version: str | None = None) -> None:
    """Write the JSON report of `audit` to `path`, atomically, streamed (`report_text`)."""
    write_atomic(path, report_text(audit, version=version))


def load_report(source: str | os.PathLike[str], *, kinds: KindRegistry | None = None) -> Report:
    """Read a report from a path, or from JSON text (a string starting with '{' or '[').

    Claim values are read as the kinds of `kinds` (by default every installed kind) encode them.
    Raises FactcheckError naming every place where the data is not a valid report.
    """
    kinds = installed_kinds() if kinds is None else kinds
    if isinstance(source, str) and source.lstrip()[:1] in ("{", "["):
        text, name = source, "report"
    else:
        name = os.fspath(source)
        try:
            text = Path(source).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise FactcheckError(f"cannot read report {name}: {exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FactcheckError(f"{name} is not JSON: {exc.msg} at line {exc.lineno} column "
                             f"{exc.colno}") from None
    if not isinstance(data, dict) or "schema" not in data:
        raise FactcheckError(f"{name} is not a factcheck report (no 'schema' key)")
    if data["schema"] != SCHEMA:
        raise FactcheckError(f"{name} is a report of schema {data['schema']!r}; this version of "
                             f"factcheck reads {SCHEMA!r}")
    problems = _value_kind_problems(data, kinds)
    if not problems:
        try:
            report: Report = report_converter(kinds).structure(data, Report)
            return report
        except BaseValidationError as exc:
            problems = [f"{path_text(path) or 'report'}: {message}" for path, message in error_paths(exc)]
        except (FactcheckError, ValueError, TypeError) as exc:
            problems = [str(exc)]
    raise FactcheckError(f"{name} is not a valid {SCHEMA} report:\n  " + "\n  ".join(problems))


def _value_kind_problems(data: dict[str, Any], kinds: KindRegistry) -> list[str]:
    """Claim values whose kind is unknown (cattrs would only say a key is missing)."""
    problems = []
    claims = data.get("claims")
    for index, claim in enumerate(claims if isinstance(claims, list) else []):
        value = claim.get("value") if isinstance(claim, dict) else None
        if isinstance(value, dict) and value.get("kind") not in kinds:
            problems.append(f"claims[{index}].value.kind: {value.get('kind')!r} is not one of "
                            + ", ".join(kinds.names))
    return problems
