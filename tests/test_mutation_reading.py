"""Reading tests written to kill mutants that survived `scripts/mutation.py`.

Expected intervals are worked out by hand from the rules in the docstring of
`factcheck.text.numbers`.
"""

from __future__ import annotations

import math

import pytest

from factcheck.errors import NumberError
from factcheck.text.intervals import Interval
from factcheck.text.numbers import Number, NumberMention, find_numbers, parse_number

INF = math.inf
DAY = 86400


def reading(text: str, **kwargs: str) -> tuple[float, float, float, str, float | None, str | None]:
    n = parse_number(text, **kwargs)  # type: ignore[arg-type]
    return (n.value, n.interval.lo, n.interval.hi, n.scale, n.per, n.per_unit)


@pytest.mark.parametrize(("text", "lo", "hi"), [
    ("1900", 1899.5, 1900.5),  # the first and last years are years
    ("2100", 2099.5, 2100.5),
    ("2110", 2105, 2115),  # past 2100: a count at its implied precision
    ("1890", 1885, 1895),
    ("1,900", 1850, 1950),  # a separator: not a year
    ("£2010", 2005, 2015),  # money: not a year
    ("-2010", -2015, -2005),
    ("2010m", 2.005e9, 2.015e9),
])
def test_years_and_what_is_not_a_year(text: str, lo: float, hi: float) -> None:
    assert reading(text)[1:3] == (lo, hi)


@pytest.mark.parametrize(("text", "lo", "hi"), [
    ("about -20", -22, -18),  # the same magnitudes as for 20
    ("just over -20", -22, -20),
    ("almost -20", -20, -18),
    ("over -20", -20, INF),
    ("under 20", 0, 20),
])
def test_hedges_on_negative_and_positive_values(text: str, lo: float, hi: float) -> None:
    assert reading(text)[1:3] == pytest.approx((lo, hi), rel=1e-12)


def test_ratios_in_words_and_with_multipliers() -> None:
    assert reading("one in a million")[:3] == pytest.approx((1e-6, 1 / 1.5e6, 1 / 5e5), rel=1e-12)
    assert reading("three in 2 thousand")[3] == "ratio"
    assert reading("three in 2 thousand")[:3] == pytest.approx(
        (3 / 2000, 3 / 2500, 3 / 1500), rel=1e-12)
    assert reading("0 in 10") == (0, 0, 0, "ratio", None, None)
    with pytest.raises(NumberError, match="is a ratio to nothing"):
        parse_number("one in 0")


def test_bases_in_words_and_of_time() -> None:
    assert reading("5 per thousand") == (5, 5, 5, "count", 1000, None)
    assert reading("5 per a thousand") == (5, 5, 5, "count", 1000, None)
    assert reading("5 per hundred") == (5, 5, 5, "count", 100, None)
    assert reading("5 per 2k") == (5, 5, 5, "count", 2000, None)
    assert reading("5 per 1.5 million") == (5, 5, 5, "count", 1.5e6, None)
    assert reading("3 per 24 hours") == (3, 3, 3, "count", 24, "hour")
    assert reading("twice a year") == (2, 2, 2, "count", 1, "year")
    assert reading("thrice per Week") == (3, 3, 3, "count", 1, "week")
    with pytest.raises(NumberError, match="is not per a positive number"):
        parse_number("24.5 per 0")
    with pytest.raises(NumberError, match="is not per a positive number"):
        parse_number("24.5 per 1" + "0" * 400)


def test_fraction_words() -> None:
    assert reading("two thirds")[:3] == pytest.approx((2 / 3, 7 / 12, 17 / 24), rel=1e-12)
    assert reading("a tenth")[:3] == pytest.approx((0.1, 0.05, 0.15), rel=1e-12)
    assert reading("one-half")[:3] == pytest.approx((0.5, 5 / 12, 7 / 12), rel=1e-12)
    assert reading("a fifth")[:3] == pytest.approx((0.2, 0.15, 9 / 40), rel=1e-12)
    assert reading("a quarter")[:3] == pytest.approx((0.25, 9 / 40, 7 / 24), rel=1e-12)


def test_number_words_with_hundreds_and_dozens() -> None:
    assert reading("a hundred and five")[:3] == (105, 104.5, 105.5)
    assert reading("twelve dozen")[:3] == (144, 143.5, 144.5)
    assert reading("two dozen")[:3] == (24, 24, 24)
    assert reading("three hundred")[:3] == (300, 250, 350)  # to the hundred, like "300"
    assert reading("a thousand")[:3] == (1000, 500, 1500)


def test_durations_under_either_precision() -> None:
    assert reading("150 minutes")[:3] == (9000, 8700, 9300)  # to the ten minutes
    assert reading("150 minutes", round_precision="exact")[:3] == (9000, 8970, 9030)
    assert reading("300 days", round_precision="exact")[:3] == (
        300 * DAY, 299.5 * DAY, 300.5 * DAY)
    assert reading("1.5 hours")[:3] == (5400, 5220, 5580)
    assert reading("2 hours 5 minutes")[:3] == (7500, 7470, 7530)
    assert reading("half an hour")[:3] == (1800, 900, 2700)
    assert reading("12 hours a day") == (43200, 41400, 45000, "duration", 1, "day")
    with pytest.raises(NumberError, match="not in decreasing order"):
        parse_number("5 minutes 2 hours")


def test_amounts_as_stated_under_exact() -> None:
    assert reading("about 300", round_precision="exact")[:3] == (300, 270, 330)
    assert reading("£300", round_precision="exact")[:3] == (300, 300, 300)
    assert reading("3k", round_precision="exact")[:3] == (3000, 3000, 3000)
    assert reading("3k")[:3] == (3000, 2500, 3500)


def test_very_long_numbers() -> None:
    digits = "9" * 305  # past the fast path's 300 digits, still a finite float
    n = parse_number(digits)
    assert n.value == float(int(digits)) and n.interval.lo <= n.value <= n.interval.hi
    with pytest.raises(NumberError, match="too large a number"):
        parse_number("1" + "0" * 350)
    with pytest.raises(NumberError, match="too many digits"):
        parse_number("1" + "0" * 400)
    # in running text such a run of digits is an identifier, not a number
    assert [(m.start, m.end, m.number.text) for m in find_numbers(
        "id " + "9" * 450 + " then 5")] == [(459, 460, "5")]


def test_a_number_holds_its_own_value_and_a_positive_base() -> None:
    with pytest.raises(ValueError, match="is not in"):
        Number(text="x", value=5, interval=Interval(lo=0, hi=1), scale="count")
    for per in (0.0, -1.0, INF):
        with pytest.raises(ValueError, match="must be positive"):
            Number(text="x", value=1, interval=Interval.point(1), scale="count", per=per)
    with pytest.raises(ValueError, match="needs a base"):
        Number(text="x", value=1, interval=Interval.point(1), scale="count", per_unit="day")
    with pytest.raises(ValueError):
        Number(text="x", value=1, interval=Interval.point(1), scale="count", per=1,
               per_unit="fortnight")
    assert Number(text="x", value=1, interval=Interval.point(1), scale="count", per=1,
                  per_unit="day").per_unit == "day"


def test_a_mention_span_runs_forwards_from_zero() -> None:
    number = parse_number("5")
    assert NumberMention(start=0, end=0, number=number).end == 0
    for start, end in ((-1, 1), (3, 2)):
        with pytest.raises(ValueError, match="bad mention span"):
            NumberMention(start=start, end=end, number=number)
