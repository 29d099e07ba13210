"""Dates of events: compared at their common precision, found in texts, and the time between
two. Expected values worked out by hand from the calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.text.dates import (
    PartialDate,
    compare_dates,
    find_dates,
    parse_date,
    seconds_between,
)

DAY = 86400


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("2023-03", "2023-03", "same"),
    ("2023-03", "2023-03-15", "within"),   # agree, only to the month
    ("2023", "2023-07-01", "within"),
    ("2023-03", "2024-03", "conflict"),    # the example
    ("2023", "2024", "conflict"),          # years apart are never near
    ("2023-03", "2023-04", "near"),        # decided in one month, announced the next
    ("2023-12", "2024-01", "near"),
    ("2023-03", "2023-05", "conflict"),    # a whole month between
    ("2023-05-03", "2023-05-20", "near"),  # 17 days apart
    ("2023-05-03", "2023-06-03", "conflict"),  # 31 days apart
    ("2023-03-31", "2023-04", "near"),
])
def test_dates_are_compared_at_their_common_precision(a: str, b: str, expected: str) -> None:
    assert compare_dates(parse_date(a), parse_date(b)) == expected
    assert compare_dates(parse_date(b), parse_date(a)) == expected


def _partial(day: dt.date, precision: int) -> PartialDate:
    return parse_date(day.isoformat()[: {1: 4, 2: 7, 3: 10}[precision]])


dates = st.builds(_partial, st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
                  st.sampled_from([1, 2, 3]))


@given(dates, dates)
def test_comparing_dates_is_symmetric_and_agreement_is_overlap(a: PartialDate,
                                                               b: PartialDate) -> None:
    found = compare_dates(a, b)
    assert found == compare_dates(b, a)
    overlap = a.first <= b.last and b.first <= a.last
    assert (found in ("same", "within")) == overlap
    assert (found == "same") == (a == b)


def test_seconds_between_counts_moments_within_the_days() -> None:
    one = parse_date("2023-11-24")
    assert seconds_between(one, one) == (0, DAY)
    assert seconds_between(one, parse_date("2023-11-25")) == (0, 2 * DAY)
    # January 2021 to November 2023: from 31 Jan to 1 Nov is 1,004 days, from 1 Jan to 30 Nov
    # 1,063; a moment inside each day widens both by one.
    assert seconds_between(parse_date("2021-01"), parse_date("2023-11")) == (1003 * DAY, 1064 * DAY)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
       st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
       st.sampled_from([1, 2, 3]), st.sampled_from([1, 2, 3]),
       st.floats(0, 0.999), st.floats(0, 0.999))
def test_seconds_between_holds_every_moment_of_the_two_dates(
        a: dt.date, b: dt.date, pa: int, pb: int, fa: float, fb: float) -> None:
    start, end = _partial(a, pa), _partial(b, pb)
    least, most = seconds_between(start, end)
    elapsed = ((b - a).days + fb - fa) * DAY
    if elapsed >= 0:
        assert least <= elapsed <= most


@pytest.mark.parametrize(("text", "expected"), [
    ("closed in March 2023", [(2023, 3, None)]),
    ("moved into engage on 3 May", [(None, 5, 3)]),
    ("on May 3rd, 2023", [(2023, 5, 3)]),
    ("the 24th of November 2023", [(2023, 11, 24)]),
    ("Published 24th Nov 2023", [(2023, 11, 24)]),
    ("a 2019 recommendation", [(2019, None, None)]),
    ("it may be closed in march", []),     # lower-case 'may' and 'march' are words
    ("2,021 officers and 2.5 million", []),
])
def test_dates_are_found_in_texts(text: str, expected: list[tuple[int | None, ...]]) -> None:
    assert [(m.year, m.month, m.day) for m in find_dates(text)] == expected
