"""Tests for closed intervals: bounds, arithmetic rounded outward, and agreement."""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.text.intervals import Interval, agreement
from tests.strategies import finite_intervals, intervals, intervals_with_points

INF = math.inf


# --- Interval ----------------------------------------------------------------------------------


def test_interval_rejects_bad_bounds() -> None:
    with pytest.raises(ValueError):
        Interval(lo=2, hi=1)
    with pytest.raises(ValueError):
        Interval(lo=math.nan, hi=1)
    with pytest.raises(ValueError):
        Interval(lo=INF, hi=INF)
    assert Interval(lo=-INF, hi=INF).contains(0)


def test_interval_basics() -> None:
    a = Interval(lo=1, hi=3)
    assert a.mid == 2 and a.width == 2
    assert a.contains(1) and a.contains(3) and not a.contains(3.5)
    assert not a.contains(math.nan)
    assert a.meets(Interval(lo=3, hi=4)) and not a.meets(Interval(lo=3.5, hi=4))
    assert Interval.point(5) == Interval(lo=5, hi=5)
    assert Interval(lo=0, hi=INF).mid == INF and Interval(lo=-INF, hi=INF).mid == 0


def test_interval_str() -> None:
    assert str(Interval(lo=2220.5, hi=2221.5)) == "[2220.5, 2221.5]"
    assert str(Interval(lo=500, hi=1500)) == "[500, 1500]"
    assert str(Interval(lo=-INF, hi=INF)) == "[-inf, inf]"
    assert str(Interval(lo=-0.0, hi=0.245)) == "[0, 0.245]"


def test_interval_arithmetic_examples() -> None:
    a, b = Interval(lo=1, hi=2), Interval(lo=3, hi=5)
    assert a + b == Interval(lo=4, hi=7)
    assert a - b == Interval(lo=-4, hi=-1)
    assert a * b == Interval(lo=3, hi=10)
    assert Interval(lo=-1, hi=2) * b == Interval(lo=-5, hi=10)
    assert a / Interval(lo=2, hi=4) == Interval(lo=0.25, hi=1)
    assert a + 1 == Interval(lo=2, hi=3) and 1 + a == Interval(lo=2, hi=3)
    assert 10 - a == Interval(lo=8, hi=9) and 2 * a == Interval(lo=2, hi=4)
    assert 1 / Interval(lo=2, hi=4) == Interval(lo=0.25, hi=0.5)


def test_division_by_interval_containing_zero_is_the_whole_line() -> None:
    whole = Interval(lo=-INF, hi=INF)
    assert Interval(lo=1, hi=2) / Interval(lo=-1, hi=1) == whole
    assert Interval(lo=1, hi=2) / Interval(lo=0, hi=1) == whole
    assert Interval(lo=1, hi=2) / 0 == whole


def test_arithmetic_with_unbounded_intervals() -> None:
    assert Interval(lo=0, hi=1) * Interval(lo=1, hi=INF) == Interval(lo=0, hi=INF)
    assert Interval(lo=-INF, hi=-1) / Interval(lo=1, hi=INF) == Interval(lo=-INF, hi=0)
    assert Interval(lo=1, hi=INF) - Interval(lo=0, hi=INF) == Interval(lo=-INF, hi=INF)


def test_arithmetic_rounds_outward() -> None:
    total = Interval.point(0.1) + Interval.point(0.2)
    assert total.lo < total.hi
    assert total.contains(0.1 + 0.2)
    assert Fraction(total.lo) < Fraction(0.1) + Fraction(0.2) < Fraction(total.hi)
    third = Interval.point(1) / 3
    assert Fraction(third.lo) < Fraction(1, 3) < Fraction(third.hi)


OPS: list[Callable[[Any, Any], Any]] = [operator.add, operator.sub, operator.mul]


@given(intervals_with_points(), intervals_with_points(), st.sampled_from(OPS))
def test_arithmetic_contains_pointwise_results(
    a: tuple[Interval, float], b: tuple[Interval, float], op: Callable[[Any, Any], Any]
) -> None:
    (ia, x), (ib, y) = a, b
    result = op(x, y)
    assert op(ia, ib).contains(result)


@given(intervals_with_points(), intervals_with_points())
def test_division_contains_pointwise_results(
    a: tuple[Interval, float], b: tuple[Interval, float]
) -> None:
    (ia, x), (ib, y) = a, b
    assume(not ib.contains(0))
    assert (ia / ib).contains(x / y)


@given(intervals(), intervals())
def test_meets_is_symmetric(a: Interval, b: Interval) -> None:
    assert a.meets(b) == b.meets(a)


@given(finite_intervals(), finite_intervals(), st.floats(allow_nan=False),
       st.floats(allow_nan=False))
def test_agreement_is_symmetric(a: Interval, b: Interval, x: float, y: float) -> None:
    assert agreement(a, b, x, y) == agreement(b, a, y, x)
