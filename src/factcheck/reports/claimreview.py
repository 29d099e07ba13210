"""schema.org ClaimReview JSON-LD: what the reviewers decided about the claims findings concern.

Shaped for Google's fact-check structured data: every review has its `url`, `datePublished`,
an author from the configuration, a numeric rating on `RATING_SCALE` with a short text
(`alternateName`), and the claim's appearances with their source URLs.
"""

from __future__ import annotations

import os
import re
from datetime import date
from typing import Any

from ..auditing import Audit
from ..corpus import Claim, Corpus, Party, Verdict
from ..errors import UsageError
from ..rules.findings import NEEDS_VERDICT, Finding
from .files import dump_json, write_atomic
from .json_report import claim_order, finding_order

JsonObject = dict[str, Any]



def short_name(party: Party) -> str:
    """A party's acronym when it has one among its aliases ('HMICFRS'), else its name."""
    acronyms = [a for a in party.aliases if re.fullmatch(r"[A-Z][A-Z&]+", a)]
    return acronyms[0] if acronyms else party.name


def _names(corpus: Corpus, parties: list[str]) -> str:
    names = [short_name(corpus.parties[p]) if p in corpus.parties else p for p in parties]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


RATING_SCALE: dict[int, str] = {
    1: "contradicted: a contradiction (or a dispute, or figures that do not add up) upheld",
    2: "in tension with another party's claim, upheld",
    3: "at odds or changed over time, upheld; or a clash explained by the reviewer",
    4: "no contradiction: the reviewer dismissed the finding",
    5: "corroborated, or figures that add up",
}
"""The numeric rating of a review, `worstRating` 1 to `bestRating` 5: how far the audit and its
reviewer found the claim to stand. The text Google shows is the rating's `alternateName`."""
WORST_RATING, BEST_RATING = min(RATING_SCALE), max(RATING_SCALE)


def review_rating(finding: Finding, verdict: Verdict) -> int:
    """Where one reviewed finding puts a claim on `RATING_SCALE`."""
    if verdict.verdict == "dismissed":
        return 4
    if verdict.verdict == "explained":
        return 3
    if finding.severity not in NEEDS_VERDICT:
        return 5
    return {"contradiction": 1, "tension": 2}.get(finding.severity, 3)


def review_phrase(claim: Claim, finding: Finding, verdict: Verdict, corpus: Corpus) -> str:
    """A short phrase of what the audit and its reviewer found about one claim of a finding.

    For instance 'Contradicted by HMICFRS (upheld)', 'Corroborated by WMP', 'Changed over time',
    'Disputed by PCC, explained', or 'No contradiction (dismissed)'. The reviewer's note is the
    rating's explanation, never cut into the phrase.
    """
    others = [p for p in finding.parties if p != claim.party]
    names = _names(corpus, others) if others else ""

    def with_others(word: str, preposition: str) -> str:
        return f"{word} {preposition} {names}" if names else word

    if finding.rule == "explicit-dispute" and finding.severity == "contradiction":
        disputer = corpus.kinds.of(claim).family == "relational"
        phrase = f"Disputes {names}" if disputer and names else with_others("Disputed", "by")
        noun = "dispute"
    elif finding.rule == "relation-check":
        failed = finding.severity in NEEDS_VERDICT
        phrase = "Figures do not add up" if failed else "Figures add up"
        noun = "arithmetic problem" if failed else "arithmetic agreement"
    elif finding.severity == "contradiction":
        phrase, noun = with_others("Contradicted", "by"), "contradiction"
    elif finding.severity == "tension":
        phrase, noun = with_others("In tension", "with"), "tension"
    elif finding.severity == "unmatched":
        phrase, noun = with_others("Possibly at odds", "with"), "possible clash"
    elif finding.severity == "changed":
        phrase, noun = "Changed over time", "change"
    else:
        phrase, noun = with_others("Corroborated", "by"), "corroboration"
    if verdict.verdict == "dismissed":
        return f"No {noun} (dismissed)"
    if verdict.verdict == "explained":
        return f"{phrase}, explained"
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


def claimreview(audit: Audit, *, author: str | None, url: str | None,
                author_url: str | None = None, published: date | None = None) -> list[JsonObject]:
    """schema.org ClaimReview items for each claim that a finding with a verdict concerns.

    Each claim is rated by its most serious reviewed finding (contradictions first), on
    `RATING_SCALE`. `author` signs every review and `url` is the page that publishes them
    (each item's `url` is `url#claim-id`): Google requires both, so either missing is a
    `UsageError` rather than a made-up default. `published` is the reviews' date (today when
    not given).
    """
    missing = [what for what, value in (("review_author (who signs the reviews)", author),
                                        ("review_url (the page that publishes them)", url))
               if not value or not value.strip()]
    if missing:
        raise UsageError("ClaimReview needs " + " and ".join(missing)
                         + ": set them in [tool.factcheck] of pyproject.toml")
    assert author is not None and url is not None
    day = (published or date.today()).isoformat()
    corpus = audit.corpus
    reviewed: dict[str, tuple[Finding, Verdict]] = {}
    for finding in sorted(audit.findings, key=finding_order):
        verdict = audit.verdict_on(finding)  # its indexes are worked out once
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
        phrase = review_phrase(claim, finding, verdict, corpus)
        items.append({
            "@context": "https://schema.org", "@type": "ClaimReview",
            "url": f"{url}#{claim.id}",
            "datePublished": day,
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
                "ratingValue": review_rating(finding, verdict),
                "bestRating": BEST_RATING,
                "worstRating": WORST_RATING,
                "alternateName": phrase,
                "name": phrase,
                "ratingExplanation": verdict.note,
            },
            "author": dict(review_author),
        })
    return items


def write_claimreview(audit: Audit, path: str | os.PathLike[str], *, author: str | None,
                      url: str | None, author_url: str | None = None,
                      published: date | None = None) -> None:
    """Write the ClaimReview items of `audit` to `path` as a JSON array, atomically."""
    write_atomic(path, dump_json(claimreview(audit, author=author, author_url=author_url, url=url,
                                             published=published)))
