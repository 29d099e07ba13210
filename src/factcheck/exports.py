"""Exports for other tools: schema.org ClaimReview JSON-LD and SARIF 2.1.0.

ClaimReview publishes what the reviewers decided about claims; SARIF puts each failing check
and each unreviewed contradiction or tension at its claim's line in its TOML file, so code
scanning annotates claim files in review. Both are deterministic and written atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from typing import Any

from .audit import Audit
from .errors import Problem
from .findings import NEEDS_VERDICT, Finding
from .model import Claim, Corpus, Party, Stance, Verdict
from .report import claim_order, factcheck_version, finding_order, write_atomic
from .rules import builtin_rules

JsonObject = dict[str, Any]

SARIF_SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                "sarif-schema-2.1.0.json")
SRCROOT = "%SRCROOT%"
FINDING_FINGERPRINT = "factcheckFindingId/v1"
EVIDENCE_FINGERPRINT = "factcheckEvidence/v1"
STALE_FINGERPRINT = "factcheckStaleVerdict/v1"

CHECKS: dict[str, tuple[str, str]] = {
    "anchor": ("Every quote is found in its source, exactly or after normalisation, at one place.",
               "error"),
    "value": ("The claim's typed value is stated in its quote.", "error"),
    "speaker": ("The speaker's name or an alias appears in or just before the quote's paragraph.",
                "warning"),
    "dates": ("A claim is not stated after its source was published, nor about a later period "
              "unless it is a forecast.", "error"),
    "review": ("Every contradiction and tension has a verdict, and every verdict names a finding "
               "that still exists.", "error"),
}
"""The evidence checks and the review, as SARIF rules: description and default level."""


def _dump(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


# --- ClaimReview -------------------------------------------------------------------------------


def short_name(party: Party) -> str:
    """A party's acronym when it has one among its aliases ('HMICFRS'), else its name."""
    acronyms = [a for a in party.aliases if re.fullmatch(r"[A-Z][A-Z&]+", a)]
    return acronyms[0] if acronyms else party.name


def _short(note: str, limit: int = 80) -> str:
    """The first sentence of a note, cut to `limit` characters."""
    sentences = re.split(r"(?<=[^.][.!?])\s+(?=[A-Z\"'“‘])", " ".join(note.split()), maxsplit=1)
    first = sentences[0].rstrip(".")
    return first if len(first) <= limit else first[:limit - 3].rstrip() + "..."


def _names(corpus: Corpus, parties: list[str]) -> str:
    names = [short_name(corpus.parties[p]) if p in corpus.parties else p for p in parties]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def review_phrase(claim: Claim, finding: Finding, verdict: Verdict, corpus: Corpus) -> str:
    """A short phrase of what the audit and its reviewer found about one claim of a finding.

    For instance 'Contradicted by HMICFRS (upheld)', 'Corroborated by WMP', 'Changed over time',
    'Disputed by PCC, explained: <first sentence of the note>', or 'No contradiction
    (dismissed: <...>)'.
    """
    others = [p for p in finding.parties if p != claim.party]
    names = _names(corpus, others) if others else ""

    def with_others(word: str, preposition: str) -> str:
        return f"{word} {preposition} {names}" if names else word

    if finding.rule == "explicit-dispute" and finding.severity == "contradiction":
        phrase = f"Disputes {names}" if isinstance(claim, Stance) and names else with_others(
            "Disputed", "by")
        noun = "dispute"
    elif finding.rule == "relation-check":
        failed = finding.severity in NEEDS_VERDICT
        phrase = "Figures do not add up" if failed else "Figures add up"
        noun = "arithmetic problem" if failed else "arithmetic agreement"
    elif finding.severity == "contradiction":
        phrase, noun = with_others("Contradicted", "by"), "contradiction"
    elif finding.severity == "tension":
        phrase, noun = with_others("In tension", "with"), "tension"
    elif finding.severity == "changed":
        phrase, noun = "Changed over time", "change"
    else:
        phrase, noun = with_others("Corroborated", "by"), "corroboration"
    if verdict.verdict == "dismissed":
        return f"No {noun} (dismissed: {_short(verdict.note)})"
    if verdict.verdict == "explained":
        return f"{phrase}, explained: {_short(verdict.note)}"
    return f"{phrase} (upheld)" if finding.severity in NEEDS_VERDICT else phrase


def _claim_author(claim: Claim, corpus: Corpus) -> JsonObject:
    party = corpus.parties.get(claim.party)
    organisation = {"@type": "Organization", "name": party.name if party else claim.party}
    speaker = corpus.speakers.get(claim.speaker) if claim.speaker else None
    if speaker is None:
        return organisation
    person: JsonObject = {"@type": "Person", "name": speaker.name}
    if speaker.title:
        person["jobTitle"] = speaker.title
    person["affiliation"] = organisation
    return person


def _appearances(claim: Claim, corpus: Corpus) -> list[JsonObject]:
    works = []
    for source_id in dict.fromkeys(e.source for e in claim.evidence):
        source = corpus.sources[source_id]
        work: JsonObject = {"@type": "CreativeWork"}
        if source.url:
            work["url"] = source.url
        work.update({"headline": source.title, "datePublished": str(source.published),
                     "publisher": {"@type": "Organization", "name": source.publisher}})
        works.append(work)
    return works


def claimreview(audit: Audit, *, author: str = "factcheck", author_url: str | None = None,
                url: str | None = None) -> list[JsonObject]:
    """schema.org ClaimReview items for each claim that a finding with a verdict concerns.

    Each claim is rated by its most serious reviewed finding (contradictions first). `url`,
    when given, is where the review is published; each item gets `url#claim-id`.
    """
    corpus = audit.corpus
    verdicts = audit.verdicts
    reviewed: dict[str, tuple[Finding, Verdict]] = {}
    for finding in sorted(audit.findings, key=finding_order):
        verdict = verdicts.get(finding.id)
        if verdict is None:
            continue
        for claim_id in finding.claims:
            reviewed.setdefault(claim_id, (finding, verdict))
    review_author: JsonObject = {"@type": "Organization", "name": author}
    if author_url:
        review_author["url"] = author_url
    known = {c.id: c for c in corpus.claims}
    items = []
    for claim_id in sorted((c for c in reviewed if c in known),
                           key=lambda c: claim_order(corpus, c)):
        claim = known[claim_id]
        finding, verdict = reviewed[claim_id]
        item: JsonObject = {"@context": "https://schema.org", "@type": "ClaimReview"}
        if url:
            item["url"] = f"{url}#{claim.id}"
        item.update({
            "claimReviewed": " ".join(claim.evidence[0].quote.split()),
            "itemReviewed": {
                "@type": "Claim",
                "identifier": claim.id,
                "author": _claim_author(claim, corpus),
                "appearance": _appearances(claim, corpus),
                "datePublished": str(corpus.stated(claim)),
            },
            "reviewRating": {
                "@type": "Rating",
                "alternateName": review_phrase(claim, finding, verdict, corpus),
                "ratingExplanation": verdict.note,
            },
            "author": dict(review_author),
        })
        items.append(item)
    return items


def write_claimreview(audit: Audit, path: str | os.PathLike[str], *, author: str = "factcheck",
                      author_url: str | None = None, url: str | None = None) -> None:
    """Write the ClaimReview items of `audit` to `path` as a JSON array, atomically."""
    write_atomic(path, _dump(claimreview(audit, author=author, author_url=author_url, url=url)))


# --- SARIF -------------------------------------------------------------------------------------


def _location(corpus: Corpus, key: str, text: str | None = None,
              index: int | None = None) -> JsonObject | None:
    """A SARIF location at the line a claim (or verdict) starts on, None if unknown."""
    origin = corpus.origins.get(key)
    if origin is None:
        return None
    physical: JsonObject = {"artifactLocation": {"uri": origin.file, "uriBaseId": SRCROOT}}
    if origin.line is not None:
        physical["region"] = {"startLine": origin.line}
    location: JsonObject = {}
    if index is not None:
        location["id"] = index
    location["physicalLocation"] = physical
    if text is not None:
        location["message"] = {"text": text}
    return location


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def _evidence_result(problem: Problem, claim: Claim, corpus: Corpus, rule_index: int) -> JsonObject:
    field = problem.location.field or ""
    where = f" ({field})" if field else ""
    result: JsonObject = {
        "ruleId": problem.check, "ruleIndex": rule_index, "level": problem.level,
        "message": {"text": f"claim {claim.id}{where}: {problem.message}"},
    }
    location = _location(corpus, claim.id)
    if location is not None:
        result["locations"] = [location]
    result["partialFingerprints"] = {
        EVIDENCE_FINGERPRINT: _fingerprint(claim.id, problem.check, field)}
    return result


def _finding_result(finding: Finding, corpus: Corpus, rule_index: int) -> JsonObject:
    result: JsonObject = {
        "ruleId": finding.rule, "ruleIndex": rule_index, "level": "error",
        "message": {"text": f"{finding.severity} {finding.id} has no verdict in verdicts.toml: "
                            f"{finding.message}"},
    }
    primary, *others = finding.claims or ("",)
    location = _location(corpus, primary)
    if location is not None:
        result["locations"] = [location]
    related: list[JsonObject] = []
    for claim_id in others:
        claim = next((c for c in corpus.claims if c.id == claim_id), None)
        text = f"claim {claim_id}" + (f" ({claim.party})" if claim else "")
        related_location = _location(corpus, claim_id, text, index=len(related))
        if related_location is not None:
            related.append(related_location)
    if related:
        result["relatedLocations"] = related
    result["partialFingerprints"] = {FINDING_FINGERPRINT: finding.id}
    result["properties"] = {"severity": finding.severity, "claims": list(finding.claims)}
    return result


def _stale_result(verdict: Verdict, corpus: Corpus, rule_index: int) -> JsonObject:
    result: JsonObject = {
        "ruleId": "review", "ruleIndex": rule_index, "level": "error",
        "message": {"text": f"verdict for finding {verdict.finding}, which no longer exists; "
                            "remove it or re-review the claims it was about"},
    }
    location = _location(corpus, f"verdict:{verdict.finding}")
    if location is not None:
        result["locations"] = [location]
    result["partialFingerprints"] = {STALE_FINGERPRINT: verdict.finding}
    return result


def _descriptor(rule_id: str, description: str, level: str | None = None) -> JsonObject:
    descriptor: JsonObject = {"id": rule_id, "shortDescription": {"text": description or rule_id}}
    if level is not None:
        descriptor["defaultConfiguration"] = {"level": level}
    return descriptor


def sarif(audit: Audit, *, version: str | None = None) -> JsonObject:
    """A SARIF 2.1.0 log of one run: failing evidence checks, unreviewed contradictions and
    tensions, and stale verdicts, each at its line in its claim (or verdict) file."""
    corpus = audit.corpus
    descriptors = [_descriptor(r.id, r.description) for r in builtin_rules()]
    known = {d["id"] for d in descriptors}
    for rule_id in sorted({f.rule for f in audit.findings} - known):
        descriptors.append(_descriptor(rule_id, f"rule {rule_id} from a rule pack"))
    known |= {f.rule for f in audit.findings}
    checks = dict(CHECKS)
    for problem in audit.problems:
        checks.setdefault(problem.check, (f"check {problem.check}", "error"))
    descriptors += [_descriptor(c, text, level) for c, (text, level) in checks.items()
                    if c not in known]
    index = {d["id"]: n for n, d in enumerate(descriptors)}

    results = []
    for claim_result in sorted(audit.results, key=lambda r: claim_order(corpus, r.claim.id)):
        for problem in claim_result.problems:
            results.append(_evidence_result(problem, claim_result.claim, corpus,
                                            index[problem.check]))
    verdicts = audit.verdicts
    for finding in sorted(audit.findings, key=finding_order):
        if finding.severity in NEEDS_VERDICT and finding.id not in verdicts:
            results.append(_finding_result(finding, corpus, index[finding.rule]))
    existing = {f.id for f in audit.findings}
    for verdict in sorted(corpus.verdicts, key=lambda v: v.finding):
        if verdict.finding not in existing:
            results.append(_stale_result(verdict, corpus, index["review"]))
    driver = {"name": "factcheck", "version": version or factcheck_version(), "rules": descriptors}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0",
            "runs": [{"tool": {"driver": driver}, "results": results}]}


def write_sarif(audit: Audit, path: str | os.PathLike[str], *, version: str | None = None) -> None:
    """Write the SARIF log of `audit` to `path`, atomically."""
    write_atomic(path, _dump(sarif(audit, version=version)))

