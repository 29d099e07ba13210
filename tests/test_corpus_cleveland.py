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
    # 11 graded of 12. Upheld (D-40e2d7483311).
    ("contradiction", "value-conflict"): [
        "hmicfrs-2022-areas-graded-news | hmicfrs-2022-areas-graded-report",
    ],
    # The PCC's "had not made any significant improvements" by May 2021 against Wendy Williams's
    # "significant improvements in some areas" (February 2021). Upheld (D-4652b7dbcfce).
    ("contradiction", "assessment-conflict"): [
        "hmicfrs-2021-williams-significant-improvements | pcc-2021-no-significant-improvement",
    ],
    # The Gazette restating the release's ten graded areas against the report's 11 (D-40e2d7483311).
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
    # The move into Engage dated April 2019 by the Eye of Media (2023) against August 2019 (ITV,
    # July 2021): April comes before the inspection of 20-31 May 2019 and the rating it names
    # was published in September. Upheld (D-4e9b7b459a1f). ITV's 27 September 2019 "the
    # findings mean the force is effectively plunged into special measures" names no time in
    # its words: a status, not a dated entry, so neither against April nor against ITV's
    # August. Mark Webster's appointment: February 2022 (the BBC) against "April last year"
    # (the Gazette, 2023). Upheld (D-e0074fc6d917).
    ("contradiction", "event-date-conflict"): [
        "bbc-2022-webster-appointed-february | gazette-2022-webster-appointed-april",
        "eyeofmedia-2019-engage-commenced-april | itv-2019-engage-august",
    ],
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
    # Webster appointed in February 2022 (the BBC) and joining in April 2022 (his own words):
    # two events, not two datings of one.
    "bbc-2022-webster-appointed-february | force-2022-webster-joined-april",
    "force-2022-webster-joined-april | gazette-2022-webster-appointed-april",
    # The May 2019 inspection (ITV) is not the move into Engage: not against the Eye of Media's
    # April (a month apart: a tension were they one event), nor ITV's own August placement.
    "eyeofmedia-2019-engage-commenced-april | itv-2019-peel-inspection-may",
    "itv-2019-engage-august | itv-2019-peel-inspection-may",
    # The BBC's two "2019"s agree and are one party's: nothing to report.
    "bbc-2019-engage-placed-2021 | bbc-2019-engage-placed-2025",
]

# Datings of one event that agree, by two parties, at their common precision: each must be found
# as a corroboration (`rounding` when one is coarser), never as a clash. Reviewed one by one.
AGREEING_DATINGS: dict[str, bool] = {
    # "2019" (the inspectorate's list) holds April and August 2019 alike.
    "eyeofmedia-2019-engage-commenced-april | hmicfrs-2019-engage-entered-event": True,
    "hmicfrs-2019-engage-entered-event | itv-2019-engage-august": True,
    "echo-2019-engage-since-inspection | hmicfrs-2019-engage-entered-event": False,
    # Out of Engage: every dating is the inspectorate's (its list, Cooke's "today", and Cooke's
    # announcement as the PCC and the Eye of Media restate it), so none corroborates another;
    # the BBC's "In September 2023, the watchdog said ... meaning oversight arrangements could
    # be brought to a close" dates the watchdog's words, not the move, and is no event.
    # The PEEL 2018/19 inspection: "between 20 and 31 May 2019", "in May 2019", "in 2019".
    "hmicfrs-2019-peel-inspection-may | itv-2019-peel-inspection-may": False,
    "echo-2019-peel-inspection | hmicfrs-2019-peel-inspection-may": True,
    # The 2019 report "published in September 2019" (Lewis) and "published in 2019" (ITV).
    "itv-2019-report-published | lewis-2019-report-published-event": True,
    # "In November" in three reports of 19 February 2021: November 2020.
    "bbc-2020-inspection-november | itv-2020-inspection-november": False,
    "bbc-2020-inspection-november | pp-2020-inspection-november": False,
    "itv-2020-inspection-november | pp-2020-inspection-november": False,
    # The May 2021 revisit: "in May 2021" (ITV) and "in May" (the Echo, 2021).
    "echo-2021-revisit-may | itv-2021-revisit-may": False,
    # Webster became chief "last year" (the Echo, 2023): 2022, both the BBC's and the Gazette's.
    "bbc-2022-webster-appointed-february | echo-2022-webster-became-chief": True,
    "echo-2022-webster-became-chief | gazette-2022-webster-appointed-april": True,
}


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


def test_agreeing_datings_corroborate(result: Audit) -> None:
    found: dict[str, set[tuple[str, bool]]] = {}
    for f in result.findings:
        found.setdefault(" | ".join(sorted(f.claims)), set()).add((f.severity, f.rounding))
    assert {pair: found.get(pair) for pair in AGREEING_DATINGS} == {
        pair: {("corroborated", rounding)} for pair, rounding in AGREEING_DATINGS.items()}


def test_the_eye_of_medias_four_years_hold_only_by_rounding(result: Audit) -> None:
    # April 2019 to some day of 2023 is 1341 to 1736 days (30 April 2019 to 1 January 2023 is
    # 1342 days, less the two part days; 1 April 2019 to 31 December 2023 is 1735 days, plus
    # one); "four years" reads as 3.5 to 4.5 years of 365.25 days, 1278.375 to 1643.625 days:
    # they meet (1341 to 1643.625), so the relation holds. Not exactly: the span's middle,
    # 1538.5 days, is not the stated 1461 (1 April 2019 to 1 April 2023 is exactly four years
    # and lies in both, but the dates are a month and a year wide), so only by rounding.
    [found] = [f for f in result.findings if f.rule == "relation-check"
               and "eyeofmedia-time-in-engage" in f.message]
    assert (found.severity, found.rounding) == ("corroborated", True)
    day = 86400
    assert {v.claim: (v.lo, v.hi) for v in found.values} == {
        "relation:eyeofmedia-time-in-engage": (1341 * day, 1736 * day),
        "eyeofmedia-2019-2023-four-years-scrutiny": (1278.375 * day, 1643.625 * day)}


def test_every_finding_has_a_verdict(result: Audit) -> None:
    assert [str(p) for p in result.review] == []
    counts: dict[str, int] = {}
    for d in result.disputes:
        counts[d.severity] = counts.get(d.severity, 0) + 1
    assert counts == {"contradiction": 4, "tension": 7}


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
