"""Pinned findings of the Cleveland Police corpus (corpora/cleveland).

The expected lists were reviewed against the texts (each contradiction and tension has its
verdict, with the reason, in corpora/cleveland/claims/verdicts.toml), not copied from a run: a
rule change that adds, drops or re-types a contradiction, tension or change over time fails here
with a readable diff. Corroborations are not pinned: they were not reviewed one by one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck
from factcheck.auditing import Audit, audit

ROOT = Path(__file__).resolve().parent.parent / "corpora" / "cleveland"

# (severity, rule) -> the claim ids of each finding, joined by " | " in sorted order.
EXPECTED: dict[tuple[str, str], list[str]] = {
    # PEEL 2021/22: the release (and the Gazette restating it) grades ten areas, the report says
    # 11 graded of 12. Upheld (D-04f85fb8fc25).
    ("contradiction", "value-conflict"): [
        "hmicfrs-2022-areas-graded-news | hmicfrs-2022-areas-graded-report",
    ],
    # The PCC's "had not made any significant improvements" by May 2021 against Wendy Williams's
    # "significant improvements in some areas" (February 2021). Upheld (D-852c08bc9ce3).
    ("contradiction", "assessment-conflict"): [
        "hmicfrs-2021-williams-significant-improvements | pcc-2021-no-significant-improvement",
    ],
    # The Gazette restating the release's ten graded areas against the report's 11 (D-04f85fb8fc25).
    ("contradiction", "attribution"): [
        "hmicfrs-2022-areas-graded-gazette | hmicfrs-2022-areas-graded-report",
    ],
    # Restatements (indirect speech) with no own words of the party on the point in the corpus:
    # ITV's Gormley ("failing force", "deterioration in the last two years"), the BBC's September
    # 2023 watchdog ("significant improvements ... preventing crime") and others. Explained.
    ("tension", "attribution"): [
        "hmicfrs-2019-gormley-deterioration",
        "hmicfrs-2019-gormley-failing-force",
        "hmicfrs-2019-overall-inadequate-itv",
        "hmicfrs-2019-work-practices",
        "hmicfrs-2022-investigations-gazette",
        "hmicfrs-2023-prevention-improvements-bbc",
        "pcc-2025-storey-webster-contract",
    ],
    # Prevention not a priority (2019) then prioritised (2025); the PEEL 2021/22 counts against
    # the PEEL 2023-2025 counts; four grading tiers, then five. The PEEL 2021/22 release of
    # March 2023 ("remains in ... Engage": the release, Cooke, the Gazette restating it) against
    # the September 2023 move out (the inspectorate's list, Cooke, the PCC, Webster, the Echo,
    # the BBC, the Eye of Media): 3 x 7 changes, not contradictions. Greatest Hits Radio's June
    # 2022 Engage is no longer paired with the move out: the March 2023 statements come between.
    ("changed", "change-over-time"): [
        "bbc-2023-oversight-closed | hmicfrs-2023-cooke-remains-enhanced",
        "bbc-2023-oversight-closed | hmicfrs-2023-remains-engage",
        "bbc-2023-oversight-closed | hmicfrs-2023-remains-engage-gazette",
        "echo-2023-taken-out | hmicfrs-2023-cooke-remains-enhanced",
        "echo-2023-taken-out | hmicfrs-2023-remains-engage",
        "echo-2023-taken-out | hmicfrs-2023-remains-engage-gazette",
        "eyeofmedia-2023-removed | hmicfrs-2023-cooke-remains-enhanced",
        "eyeofmedia-2023-removed | hmicfrs-2023-remains-engage",
        "eyeofmedia-2023-removed | hmicfrs-2023-remains-engage-gazette",
        "force-2023-webster-no-longer-engage | hmicfrs-2023-cooke-remains-enhanced",
        "force-2023-webster-no-longer-engage | hmicfrs-2023-remains-engage",
        "force-2023-webster-no-longer-engage | hmicfrs-2023-remains-engage-gazette",
        "hmicfrs-2023-cooke-remains-enhanced | hmicfrs-2023-cooke-routine-monitoring",
        "hmicfrs-2023-cooke-remains-enhanced | hmicfrs-2023-moved-out-of-engage",
        "hmicfrs-2023-cooke-remains-enhanced | hmicfrs-2023-removed-special-measures-pcc",
        "hmicfrs-2023-cooke-routine-monitoring | hmicfrs-2023-remains-engage",
        "hmicfrs-2023-cooke-routine-monitoring | hmicfrs-2023-remains-engage-gazette",
        "hmicfrs-2023-moved-out-of-engage | hmicfrs-2023-remains-engage",
        "hmicfrs-2023-moved-out-of-engage | hmicfrs-2023-remains-engage-gazette",
        "hmicfrs-2023-remains-engage | hmicfrs-2023-removed-special-measures-pcc",
        "hmicfrs-2023-remains-engage-gazette | hmicfrs-2023-removed-special-measures-pcc",
        "hmicfrs-2021-peel-four-tiers | hmicfrs-2022-peel-five-tiers",
        "hmicfrs-2019-gormley-prevention-not-priority | hmicfrs-2025-prioritises-prevention",
        "hmicfrs-2019-prevention-not-priority | hmicfrs-2025-prioritises-prevention",
        "hmicfrs-2019-prioritise-prevention | hmicfrs-2025-prioritises-prevention",
        "hmicfrs-2022-areas-adequate | hmicfrs-2025-areas-adequate",
        "hmicfrs-2022-areas-adequate-gazette | hmicfrs-2025-areas-adequate",
        "hmicfrs-2022-areas-assessed-report | hmicfrs-2025-areas-assessed-report",
        "hmicfrs-2022-areas-good | hmicfrs-2025-areas-good",
        "hmicfrs-2022-areas-good-gazette | hmicfrs-2025-areas-good",
        "hmicfrs-2022-areas-graded-gazette | hmicfrs-2025-areas-graded-news",
        "hmicfrs-2022-areas-graded-gazette | hmicfrs-2025-areas-graded-report",
        "hmicfrs-2022-areas-graded-news | hmicfrs-2025-areas-graded-news",
        "hmicfrs-2022-areas-graded-news | hmicfrs-2025-areas-graded-report",
        "hmicfrs-2022-areas-graded-report | hmicfrs-2025-areas-graded-news",
        "hmicfrs-2022-areas-graded-report | hmicfrs-2025-areas-graded-report",
        "hmicfrs-2022-areas-requires-improvement | hmicfrs-2025-areas-requires-improvement",
        "hmicfrs-2022-areas-requires-improvement-gazette | hmicfrs-2025-areas-requires-improvement",
    ],
}

# Pairs that must never be found, by any rule at any severity: reviewed near misses.
NEAR_MISSES = [
    # Lewis (February 2021) "things are improving" against the PCC (May 2021) "had not made any
    # significant improvements": improving is not significant improvement.
    "lewis-2021-improving | pcc-2021-no-significant-improvement",
    # The inspectorate's "improved in some areas" against the PCC's "almost all areas": degree.
    "hmicfrs-2022-improved-some-areas | pcc-2022-almost-all-areas",
    # Two restatements of the same two open causes of concern agree.
    "hmicfrs-2022-two-concerns-open-eyeofmedia | hmicfrs-2022-two-concerns-open-pcc",
    # April 2019 (Eye of Media), August 2019 (ITV 2021), September 2019 (ITV 2019): all engage.
    "eyeofmedia-2019-2023-enhanced-monitoring | itv-2019-special-measures",
    "eyeofmedia-2019-2023-enhanced-monitoring | itv-2019-special-measures-august",
    # Investigations found wanting in 2019 and again in 2025: no change.
    "hmicfrs-2019-investigations | hmicfrs-2025-investigations",
    # Engage since 2019 (the Echo) against the move out in September 2023.
    "echo-2019-2023-oversight | hmicfrs-2023-moved-out-of-engage",
    # "81%" (ITV) and "81 per cent" (Police Professional) of one report agree.
    "hmicfrs-2021-vulnerable-identified-itv | hmicfrs-2021-vulnerable-identified-pp",
    # Seventh chief constable (the Echo, the BBC) against six chief constables by 2019 (ITV):
    # different measures, and consistent (Webster came after the six).
    "echo-2022-webster-seventh-chief | itv-2019-six-chief-constables",
    # Five areas of concern signed off in May 2021 against two causes still open in 2022.
    "hmicfrs-2021-areas-signed-off-echo | hmicfrs-2022-two-concerns-open-pcc",
]


@pytest.fixture(scope="module")
def result() -> Audit:
    return audit(factcheck.load(ROOT))


def _found(result: Audit) -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for f in result.findings:
        if f.severity != "corroborated":
            found.setdefault((f.severity, f.rule), []).append(" | ".join(sorted(f.claims)))
    return {key: sorted(ids) for key, ids in sorted(found.items())}


def test_every_claim_proves(result: Audit) -> None:
    assert [r.claim.id for r in result.results if not r.ok] == []
    assert len(result.results) >= 100


def test_findings_are_the_reviewed_ones(result: Audit) -> None:
    expected = {key: sorted(ids) for key, ids in sorted(EXPECTED.items())}
    assert _found(result) == expected


def test_near_misses_are_not_found(result: Audit) -> None:
    found = {" | ".join(sorted(f.claims)) for f in result.findings}
    assert sorted(pair for pair in NEAR_MISSES if pair in found) == []


def test_every_finding_has_a_verdict(result: Audit) -> None:
    assert [str(p) for p in result.review] == []
    counts: dict[str, int] = {}
    for d in result.disputes:
        counts[d.severity] = counts.get(d.severity, 0) + 1
    assert counts == {"contradiction": 2, "tension": 7}


@pytest.mark.xfail(strict=True, reason="engine: 'Less than half' is read as [0, 0.5] and 'just "
                   "over half' as [0.5, 0.55]; the closed bounds touch at 0.5, so two outlets "
                   "reporting one report's figure as under and over half do not clash")
def test_under_half_and_over_half_of_one_report_clash(result: Audit) -> None:
    pair = "hmicfrs-2021-investigations-standard-bbc | hmicfrs-2021-investigations-standard-itv"
    assert pair in {" | ".join(sorted(f.claims)) for f in result.findings
                    if f.severity == "contradiction"}


def test_no_text_about_forces_kept_for_evaluation() -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8").lower()
        assert not any(name in text for name in ("manchester", "devon", "cornwall")), path.name
