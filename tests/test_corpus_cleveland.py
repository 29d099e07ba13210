"""Pinned findings of the Cleveland Police corpus (corpora/cleveland).

The expected lists were reviewed against the texts (see the verdicts in
corpora/cleveland/claims/verdicts.toml), not copied from a run: a rule change that adds, drops
or re-types a contradiction, tension or change over time fails here with a readable diff.
Corroborations are not pinned (not yet reviewed one by one).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck
from factcheck.auditing import Audit, audit

ROOT = Path(__file__).resolve().parent.parent / "corpora" / "cleveland"

# (severity, rule, sorted claim ids)
_MONITORING_2023 = [
    # The undated PEEL 2021/22 release ("remains in ... Engage", year 2023) against the
    # September 2023 move out: explained (a change within 2023), D-d4de81206f6d.
    (
        "contradiction",
        "attribution",
        ("hmicfrs-2023-cooke-remains-enhanced", "hmicfrs-2023-removed-special-measures-pcc"),
    ),
    (
        "contradiction",
        "attribution",
        ("hmicfrs-2023-remains-engage", "hmicfrs-2023-removed-special-measures-pcc"),
    ),
    (
        "contradiction",
        "attribution",
        ("hmicfrs-2023-moved-out-of-engage", "hmicfrs-2023-remains-engage-gazette"),
    ),
    (
        "contradiction",
        "attribution",
        ("hmicfrs-2023-cooke-routine-monitoring", "hmicfrs-2023-remains-engage-gazette"),
    ),
    (
        "contradiction",
        "rating-status-conflict",
        ("echo-2023-taken-out", "hmicfrs-2023-cooke-remains-enhanced"),
    ),
    (
        "contradiction",
        "rating-status-conflict",
        ("echo-2023-taken-out", "hmicfrs-2023-remains-engage-gazette"),
    ),
    ("contradiction", "rating-status-conflict", ("echo-2023-taken-out", "hmicfrs-2023-remains-engage")),
    (
        "contradiction",
        "rating-status-conflict",
        ("hmicfrs-2023-moved-out-of-engage", "hmicfrs-2023-remains-engage"),
    ),
    (
        "contradiction",
        "rating-status-conflict",
        ("hmicfrs-2023-cooke-routine-monitoring", "hmicfrs-2023-remains-engage"),
    ),
    (
        "contradiction",
        "rating-status-conflict",
        ("force-2023-webster-no-longer-engage", "hmicfrs-2023-cooke-remains-enhanced"),
    ),
    (
        "contradiction",
        "rating-status-conflict",
        ("force-2023-webster-no-longer-engage", "hmicfrs-2023-remains-engage"),
    ),
    ("contradiction", "rating-status-conflict", ("bbc-2023-oversight-closed", "hmicfrs-2023-remains-engage")),
    ("contradiction", "rating-status-conflict", ("eyeofmedia-2023-removed", "hmicfrs-2023-remains-engage")),
    (
        "contradiction",
        "rating-status-conflict",
        ("hmicfrs-2023-cooke-remains-enhanced", "hmicfrs-2023-moved-out-of-engage"),
    ),
    (
        "contradiction",
        "rating-status-conflict",
        ("eyeofmedia-2023-removed", "hmicfrs-2023-cooke-remains-enhanced"),
    ),
    (
        "contradiction",
        "rating-status-conflict",
        ("bbc-2023-oversight-closed", "hmicfrs-2023-cooke-remains-enhanced"),
    ),
    (
        "contradiction",
        "rating-status-conflict",
        ("bbc-2023-oversight-closed", "hmicfrs-2023-remains-engage-gazette"),
    ),
    (
        "contradiction",
        "rating-status-conflict",
        ("force-2023-webster-no-longer-engage", "hmicfrs-2023-remains-engage-gazette"),
    ),
    (
        "contradiction",
        "rating-status-conflict",
        ("eyeofmedia-2023-removed", "hmicfrs-2023-remains-engage-gazette"),
    ),
    (
        "contradiction",
        "rating-status-conflict",
        ("hmicfrs-2023-cooke-remains-enhanced", "hmicfrs-2023-cooke-routine-monitoring"),
    ),
    (
        "contradiction",
        "rating-status-conflict",
        ("hmicfrs-2023-remains-engage-gazette", "hmicfrs-2023-removed-special-measures-pcc"),
    ),
]

EXPECTED = sorted(
    [
        # PEEL 2021/22: ten areas graded (release, Gazette) against 11 (report): upheld.
        (
            "contradiction",
            "attribution",
            ("hmicfrs-2022-areas-graded-gazette", "hmicfrs-2022-areas-graded-report"),
        ),
        (
            "contradiction",
            "value-conflict",
            ("hmicfrs-2022-areas-graded-news", "hmicfrs-2022-areas-graded-report"),
        ),
        *_MONITORING_2023,
        # Restatements of the inspectorate with no own words of it on the point: explained.
        ("tension", "attribution", ("hmicfrs-2019-work-practices",)),
        ("tension", "attribution", ("hmicfrs-2019-all-areas-gazette",)),
        ("tension", "attribution", ("hmicfrs-2019-every-area-echo",)),
        ("tension", "attribution", ("hmicfrs-2019-key-areas-inadequate-itv",)),
        ("tension", "attribution", ("hmicfrs-2019-all-areas-eyeofmedia",)),
        ("tension", "attribution", ("hmicfrs-2019-overall-inadequate-itv",)),
        ("tension", "attribution", ("hmicfrs-2022-investigations-gazette",)),
        ("tension", "attribution", ("hmicfrs-2019-all-areas-pcc",)),
        ("tension", "attribution", ("hmicfrs-2019-efficiency-inadequate-itv",)),
        # Changes over time: prevention not a priority (2019) then prioritised (2025); PEEL
        # 2021/22 counts against PEEL 2023-2025 counts; Engage in 2021 then out in 2023.
        (
            "changed",
            "change-over-time",
            ("hmicfrs-2019-prevention-not-priority", "hmicfrs-2025-prioritises-prevention"),
        ),
        (
            "changed",
            "change-over-time",
            ("hmicfrs-2019-prioritise-prevention", "hmicfrs-2025-prioritises-prevention"),
        ),
        ("changed", "change-over-time", ("eyeofmedia-2023-removed", "lewis-2021-engaged")),
        (
            "changed",
            "change-over-time",
            ("hmicfrs-2022-areas-graded-news", "hmicfrs-2025-areas-graded-report"),
        ),
        (
            "changed",
            "change-over-time",
            ("hmicfrs-2022-areas-graded-gazette", "hmicfrs-2025-areas-graded-news"),
        ),
        (
            "changed",
            "change-over-time",
            ("hmicfrs-2022-areas-graded-gazette", "hmicfrs-2025-areas-graded-report"),
        ),
        (
            "changed",
            "change-over-time",
            ("hmicfrs-2022-areas-graded-report", "hmicfrs-2025-areas-graded-news"),
        ),
        (
            "changed",
            "change-over-time",
            ("hmicfrs-2022-areas-graded-report", "hmicfrs-2025-areas-graded-report"),
        ),
        ("changed", "change-over-time", ("hmicfrs-2022-areas-graded-news", "hmicfrs-2025-areas-graded-news")),
        (
            "changed",
            "change-over-time",
            ("hmicfrs-2022-areas-assessed-report", "hmicfrs-2025-areas-assessed-report"),
        ),
        ("changed", "change-over-time", ("hmicfrs-2022-areas-good", "hmicfrs-2025-areas-good")),
        ("changed", "change-over-time", ("hmicfrs-2022-areas-good-gazette", "hmicfrs-2025-areas-good")),
        ("changed", "change-over-time", ("hmicfrs-2022-areas-adequate", "hmicfrs-2025-areas-adequate")),
        (
            "changed",
            "change-over-time",
            ("hmicfrs-2022-areas-adequate-gazette", "hmicfrs-2025-areas-adequate"),
        ),
        (
            "changed",
            "change-over-time",
            ("hmicfrs-2022-areas-requires-improvement", "hmicfrs-2025-areas-requires-improvement"),
        ),
        (
            "changed",
            "change-over-time",
            ("hmicfrs-2022-areas-requires-improvement-gazette", "hmicfrs-2025-areas-requires-improvement"),
        ),
    ]
)

# Pairs that must never be found (any rule, any severity): reviewed near misses.
NEAR_MISSES = [
    # Lewis (Feb 2021) "things are improving" vs the PCC (May 2021) "had not made any
    # significant improvements": improvement that is not significant; different propositions.
    ("lewis-2021-improving", "pcc-2021-no-significant-improvement"),
    # The inspectorate's "improved in some areas" vs the PCC's "almost all areas": degree, not clash.
    ("hmicfrs-2022-improved-some-areas", "pcc-2022-almost-all-areas"),
    # Two restatements of the same two open causes of concern agree.
    ("hmicfrs-2022-two-concerns-open-eyeofmedia", "hmicfrs-2022-two-concerns-open-pcc"),
    # April 2019 (Eye of Media) vs September 2019 (ITV): both say engage.
    ("eyeofmedia-2019-2023-enhanced-monitoring", "itv-2019-special-measures"),
    # Investigations found wanting in 2019 and again in 2025: no change.
    ("hmicfrs-2019-investigations", "hmicfrs-2025-investigations"),
    # Engage since 2019 (the Echo) against the move out in September 2023.
    ("echo-2019-2023-oversight", "hmicfrs-2023-moved-out-of-engage"),
    # Five areas in the 2021/22 release sum: the counts add up to ten.
    ("hmicfrs-2022-areas-good", "hmicfrs-2022-areas-inadequate"),
]


@pytest.fixture(scope="module")
def result() -> Audit:
    return audit(factcheck.load(ROOT))


def _pinned(result: Audit) -> list[tuple[str, str, tuple[str, ...]]]:
    return sorted(
        (f.severity, f.rule, tuple(sorted(f.claims))) for f in result.findings if f.severity != "corroborated"
    )


def test_every_claim_proves(result: Audit) -> None:
    assert [r.claim.id for r in result.results if not r.ok] == []
    assert len(result.results) >= 100


def test_findings_are_the_reviewed_ones(result: Audit) -> None:
    expected = sorted((s, r, tuple(sorted(c))) for s, r, c in EXPECTED)
    assert _pinned(result) == expected


def test_near_misses_are_not_found(result: Audit) -> None:
    found = {frozenset(f.claims) for f in result.findings}
    assert sorted(tuple(sorted(p)) for p in NEAR_MISSES if frozenset(p) in found) == []


def test_every_finding_is_reviewed(result: Audit) -> None:
    assert [str(p) for p in result.review] == []
    disputes = {d.severity: 0 for d in result.disputes}
    for d in result.disputes:
        disputes[d.severity] += 1
    assert disputes == {"contradiction": 2, "tension": 6}
