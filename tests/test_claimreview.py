"""ClaimReview JSON-LD that Google's fact-check structured-data rules accept (issue 15)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

import factcheck
from factcheck import Audit
from factcheck.errors import UsageError
from factcheck.reports.claimreview import (
    BEST_RATING,
    RATING_SCALE,
    WORST_RATING,
    claimreview,
    write_claimreview,
)

from .conftest import Builder, sources_toml
from .test_exports import CONFLICT, FAILING_CLAIMS, FAILING_TEXT, _verdicts

ROOT = Path(__file__).parents[1]
BASE = "https://example.org/checks/2021"
DAY = datetime.date(2026, 11, 24)

# Google Search Central, "Fact check (ClaimReview) structured data", property tables:
GOOGLE_REQUIRED: dict[str, tuple[str, ...]] = {
    "ClaimReview": ("claimReviewed", "reviewRating", "url"),
    "Rating": ("alternateName",),
    "Organization": ("name",),
}
GOOGLE_RECOMMENDED: dict[str, tuple[str, ...]] = {
    "ClaimReview": ("author", "itemReviewed", "datePublished"),
    "Claim": ("appearance", "author", "datePublished"),
    "Rating": ("bestRating", "name", "ratingValue", "worstRating"),
    "Organization": ("url",),
}


def _google_missing(item: dict[str, Any]) -> list[str]:
    """Every required or recommended property of Google's list the item lacks."""
    missing = []
    parts = {"ClaimReview": item, "Claim": item.get("itemReviewed", {}),
             "Rating": item.get("reviewRating", {}), "Organization": item.get("author", {})}
    for table in (GOOGLE_REQUIRED, GOOGLE_RECOMMENDED):
        for part, names in table.items():
            missing += [f"{part}.{n}" for n in names if parts[part].get(n) in (None, "", [])]
    return missing


def _reviewed(make_corpus: Builder, verdict: str, *, url: str | None = None) -> Audit:
    text = FAILING_TEXT.encode()
    sources = sources_toml(text) + (f'url = "{url}"\n' if url else "")
    root = make_corpus(text=text, sources=sources, claims=FAILING_CLAIMS,
                       extra={"verdicts.toml": _verdicts(verdict)})
    return factcheck.audit(factcheck.load(root))


def _items(audit: Audit) -> list[dict[str, Any]]:
    return claimreview(audit, author="Fact Desk", author_url="https://example.org", url=BASE,
                       published=DAY)


def test_an_upheld_contradiction_has_every_field_google_lists(make_corpus: Builder) -> None:
    audit = _reviewed(make_corpus, "upheld", url="https://news.example/watchdog")
    items = _items(audit)
    by_claim = {item["itemReviewed"]["identifier"]: item for item in items}
    assert list(by_claim) == ["doe-officers-cut", "watchdog-officers-cut"]
    for item in items:
        assert _google_missing(item) == []
    doe = by_claim["doe-officers-cut"]
    assert doe["url"] == "https://example.org/checks/2021#doe-officers-cut"
    assert doe["datePublished"] == "2026-11-24"
    assert doe["claimReviewed"] == "We have lost 2,221 officers."
    assert doe["itemReviewed"]["author"] == {
        "@type": "Person", "name": "John Doe",
        "affiliation": {"@type": "Organization", "name": "The Commissioner's office"}}
    assert doe["itemReviewed"]["datePublished"] == "2021-06-01"
    assert doe["itemReviewed"]["appearance"] == [{
        "@type": "CreativeWork", "url": "https://news.example/watchdog",
        "headline": "Watchdog finds force wanting", "datePublished": "2021-06-01",
        "publisher": {"@type": "Organization", "name": "The Daily"}}]
    assert doe["reviewRating"] == {
        "@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
        "alternateName": "Contradicted by The Watchdog (upheld)",
        "name": "Contradicted by The Watchdog (upheld)",
        "ratingExplanation": "The two counts cover different staff. More detail."}
    assert doe["author"] == {"@type": "Organization", "name": "Fact Desk",
                             "url": "https://example.org"}
    watchdog = by_claim["watchdog-officers-cut"]
    assert watchdog["reviewRating"]["alternateName"] == \
        "Contradicted by The Commissioner's office (upheld)"
    assert watchdog["url"] == "https://example.org/checks/2021#watchdog-officers-cut"


@pytest.mark.parametrize(("verdict", "phrase", "value"), [
    ("explained", "Contradicted by The Watchdog, explained", 3),
    ("dismissed", "No contradiction (dismissed)", 4),
])
def test_phrases_are_short_and_never_cut(make_corpus: Builder, verdict: str, phrase: str,
                                         value: int) -> None:
    items = _items(_reviewed(make_corpus, verdict))
    rating = items[0]["reviewRating"]
    assert rating["alternateName"] == phrase
    assert rating["ratingValue"] == value
    assert rating["ratingExplanation"] == "The two counts cover different staff. More detail."


@pytest.mark.parametrize(("author", "url", "named"), [
    (None, BASE, ["review_author"]),
    ("", BASE, ["review_author"]),
    ("Fact Desk", None, ["review_url"]),
    (None, None, ["review_author", "review_url"]),
])
def test_a_missing_author_or_url_is_an_error(make_corpus: Builder, author: str | None,
                                             url: str | None, named: list[str]) -> None:
    audit = _reviewed(make_corpus, "upheld")
    with pytest.raises(UsageError) as info:
        claimreview(audit, author=author, url=url)
    for key in named:
        assert key in str(info.value)
    assert "factcheck\"" not in str(info.value)


def test_the_scale_is_documented_and_the_bounds_are_its_ends() -> None:
    assert (WORST_RATING, BEST_RATING) == (1, 5)
    assert sorted(RATING_SCALE) == [1, 2, 3, 4, 5]


def test_the_bundled_corpus(tmp_path: Path) -> None:
    audit = factcheck.audit(factcheck.load(ROOT))
    items = _items(audit)
    assert items
    judged = {v.judges for v in audit.corpus.verdicts}
    in_judged_dispute = {f for d in audit.disputes if d.id in judged for f in d.findings}
    concerned = {c for f in audit.findings if f.id in judged | in_judged_dispute for c in f.claims}
    assert {item["itemReviewed"]["identifier"] for item in items} == concerned
    for item in items:
        assert _google_missing(item) == [], item["itemReviewed"]["identifier"]
        name = item["reviewRating"]["alternateName"]
        assert not name.endswith("...") and "..." not in name and len(name) <= 80
        assert WORST_RATING <= item["reviewRating"]["ratingValue"] <= BEST_RATING
        assert item["url"] == f"{BASE}#{item['itemReviewed']['identifier']}"
    path = tmp_path / "claimreview.json"
    write_claimreview(audit, path, author="Fact Desk", url=BASE, published=DAY)
    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == claimreview(audit, author="Fact Desk", url=BASE, published=DAY)
    assert [p.name for p in tmp_path.iterdir()] == ["claimreview.json"]


def test_no_reviews_without_verdicts(make_corpus: Builder) -> None:
    root = make_corpus(text=FAILING_TEXT.encode(), claims=FAILING_CLAIMS)
    assert _items(factcheck.audit(factcheck.load(root))) == []
    assert CONFLICT.startswith("F-")


def test_the_command_refuses_claimreview_without_an_author(make_corpus: Builder, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.cli import main

    root = make_corpus()
    (root / "pyproject.toml").write_text('[tool.factcheck]\nreview_url = "https://example.org/c"\n')
    out = tmp_path / "reviews.jsonld"
    assert main(["audit", str(root), "--claimreview", str(out)]) == 2
    assert "review_author" in capsys.readouterr().err
    assert not out.exists()
    assert main(["audit", str(root), "--claimreview", str(out), "--review-author", "Desk"]) == 0
    assert json.loads(out.read_text()) == []
