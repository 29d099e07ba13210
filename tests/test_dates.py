"""Partial dates and periods keep the precision they were written with."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import FactcheckError
from factcheck.text.dates import parse_date, parse_period


def test_precision_is_kept() -> None:
    year, month, day = parse_date("2021"), parse_date("2021-05"), parse_date("2021-05-06")
    assert (year.first, year.last) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert (month.first, month.last) == (dt.date(2021, 5, 1), dt.date(2021, 5, 31))
    assert day.first == day.last == dt.date(2021, 5, 6)
    assert parse_date(dt.date(2021, 5, 6)) == day
    assert str(parse_period("2020-04/2021-03")) == "2020-04/2021-03"


@pytest.mark.parametrize("text", ["21", "2021-13", "2021-02-30", "May 2021", "2021/05"])
def test_bad_dates_are_refused(text: str) -> None:
    with pytest.raises(FactcheckError):
        parse_date(text)


def test_backwards_period_is_refused() -> None:
    with pytest.raises(FactcheckError, match="ends"):
        parse_period("2023/2021")


@given(st.dates(min_value=dt.date(1900, 1, 1)), st.dates(min_value=dt.date(1900, 1, 1)),
       st.sampled_from([1, 2, 3]), st.sampled_from([1, 2, 3]))
def test_overlap_is_symmetric_and_matches_the_days(a: dt.date, b: dt.date, pa: int,
                                                   pb: int) -> None:
    first = parse_period(a.isoformat()[: {1: 4, 2: 7, 3: 10}[pa]])
    second = parse_period(b.isoformat()[: {1: 4, 2: 7, 3: 10}[pb]])
    assert first.overlaps(second) == second.overlaps(first)
    assert first.overlaps(second) == (first.first <= second.last and second.first <= first.last)
    assert first.first <= a <= first.last


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(9998, 12, 31)),
       st.sampled_from([1, 2, 3]))
def test_the_last_day_is_the_day_before_the_next_date_of_the_same_precision(
        day: dt.date, precision: int) -> None:
    date = parse_date(day.isoformat()[: {1: 4, 2: 7, 3: 10}[precision]])
    following = {1: dt.date(day.year + 1, 1, 1),
                 2: dt.date(day.year + day.month // 12, day.month % 12 + 1, 1),
                 3: day + dt.timedelta(days=1)}[precision]
    assert date.last == following - dt.timedelta(days=1)
