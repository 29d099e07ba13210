"""Tests for reading stated numbers as intervals and comparing them."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.errors import NumberError
from factcheck.text import grammar
from factcheck.text.intervals import Interval, agreement
from factcheck.text.numbers import (
    Number,
    find_numbers,
    parse_number,
    quotes,
    stated_in,
)
from tests.strategies import (
    bounded_numbers,
    formatted_durations,
    formatted_numbers,
    in_words,
    noisy_texts,
    one_in_n,
    texts_with_numbers,
    whole_numbers,
)

INF = math.inf


def bounds(text: str) -> tuple[float, float]:
    interval = parse_number(text).interval
    return interval.lo, interval.hi


# --- agreement of stated numbers ------------------------------------------------------------


def test_agreement() -> None:
    a, b = parse_number("2,221"), parse_number("2,220.8")
    assert agreement(a.interval, a.interval, a.value, a.value) == "exact"
    assert agreement(a.interval, b.interval, a.value, b.value) == "rounding"
    c = parse_number("2,300")
    assert agreement(a.interval, c.interval, a.value, c.value) == "conflict"
    assert agreement(parse_number("25%").interval, parse_number("25 per cent").interval,
                     0.25, 0.25) == "exact"


# --- precision rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value", "lo", "hi"), [
    ("2,221", 2221, 2220.5, 2221.5),
    ("24.5", 24.5, 24.45, 24.55),
    ("1.55", 1.55, 1.545, 1.555),
    ("1,000", 1000, 500, 1500),
    ("1,200", 1200, 1150, 1250),
    ("70,000", 70000, 65000, 75000),
    ("350", 350, 345, 355),
    ("2.50", 2.5, 2.495, 2.505),
    ("0", 0, 0, 0),  # a small count: exact
    ("999", 999, 998.5, 999.5),
    ("965774", 965774, 965773.5, 965774.5),
    ("-5", -5, -5.5, -4.5),
    ("£1,200", 1200, 1150, 1250),
])
def test_digit_precision(text: str, value: float, lo: float, hi: float) -> None:
    number = parse_number(text)
    assert (number.value, number.interval.lo, number.interval.hi) == (value, lo, hi)
    assert number.scale == "count" and number.per is None
    assert number.text == text


@pytest.mark.parametrize(("text", "lo", "hi"), [
    ("2010", 2009.5, 2010.5),
    ("2021", 2020.5, 2021.5),
    ("1900", 1899.5, 1900.5),
    ("2100", 2099.5, 2100.5),
    ("2200", 2150, 2250),  # not a year: the trailing-zero rule applies
    ("2,000", 1500, 2500),  # years are not written with separators
    ("£2000", 1500, 2500),
])
def test_years_are_read_to_the_unit(text: str, lo: float, hi: float) -> None:
    assert bounds(text) == (lo, hi)


@pytest.mark.parametrize(("text", "value", "lo", "hi"), [
    ("2.94 million", 2_940_000, 2_935_000, 2_945_000),
    ("3 million", 3e6, 2.5e6, 3.5e6),
    ("£2.9m", 2.9e6, 2.85e6, 2.95e6),
    ("1.2bn", 1.2e9, 1.15e9, 1.25e9),
    ("5 thousand", 5000, 4500, 5500),
    ("three million", 3e6, 2.5e6, 3.5e6),
])
def test_multipliers_scale_value_and_precision(
    text: str, value: float, lo: float, hi: float
) -> None:
    number = parse_number(text)
    assert (number.value, number.interval.lo, number.interval.hi) == (value, lo, hi)


@pytest.mark.parametrize(("text", "value", "lo", "hi"), [
    ("25%", 0.25, 0.245, 0.255),
    ("25 per cent", 0.25, 0.245, 0.255),
    ("25 percent", 0.25, 0.245, 0.255),
    ("58%", 0.58, 0.575, 0.585),
    ("90%", 0.9, 0.895, 0.905),
    ("100%", 1.0, 0.995, 1.005),
    ("2.5%", 0.025, 0.0245, 0.0255),
    ("five per cent", 0.05, 0.045, 0.055),
    ("5 percentage points", 0.05, 0.045, 0.055),
])
def test_percentages_are_ratios_to_the_whole_per_cent(
    text: str, value: float, lo: float, hi: float
) -> None:
    number = parse_number(text)
    assert number.scale == "ratio"
    assert (number.value, number.interval.lo, number.interval.hi) == (value, lo, hi)


@pytest.mark.parametrize(("text", "value"), [
    ("one", 1), ("five", 5), ("Five", 5), ("twelve", 12), ("nineteen", 19), ("twenty", 20),
    ("ninety", 90), ("twenty-five", 25), ("forty one", 41), ("a dozen", 12), ("dozen", 12),
    ("two dozen", 24), ("zero", 0),
])
def test_number_words_below_100_are_exact_counts(text: str, value: float) -> None:
    number = parse_number(text)
    assert number.scale == "count"
    assert (number.value, number.interval.lo, number.interval.hi) == (value, value, value)


@pytest.mark.parametrize("n", range(100))
def test_every_number_word_below_100_reads_as_itself(n: int) -> None:
    """Each spelling from "zero" to "ninety-nine", spelt by the test's own `in_words`."""
    number = parse_number(in_words(n))
    assert (number.value, number.interval.lo, number.interval.hi) == (n, n, n)


@pytest.mark.parametrize(("text", "value"), [
    ("two hundred and fifty", 250), ("one hundred and one", 101),
    ("nine hundred and ninety-nine", 999),
])
def test_number_words_of_100_and_over_ending_below_100_are_counts_to_the_unit(
        text: str, value: float) -> None:
    number = parse_number(text)
    assert number.scale == "count"
    assert (number.value, number.interval.lo, number.interval.hi) == (value, value - 0.5,
                                                                      value + 0.5)


@pytest.mark.parametrize("text", ["none", "someone", "alone", "once", "third", "quarter",
                                  "", "  ", "abc", "24th", "Covid-19", "10:30", "3pm",
                                  "2,221 officers", "per cent", "five six", "1.2.3"])
def test_non_numbers_are_rejected(text: str) -> None:
    with pytest.raises(NumberError, match="not a number"):
        parse_number(text)


def test_error_names_the_text() -> None:
    with pytest.raises(NumberError) as info:
        parse_number("lots")
    assert "'lots'" in str(info.value)


def test_surrounding_whitespace_is_allowed() -> None:
    number = parse_number("  2,221\n")
    assert number.value == 2221 and number.text == "2,221"


@pytest.mark.parametrize(("text", "value", "lo", "hi"), [
    ("a third", Fraction(1, 3), Fraction(7, 24), Fraction(5, 12)),
    ("one third", Fraction(1, 3), Fraction(7, 24), Fraction(5, 12)),
    ("two thirds", Fraction(2, 3), Fraction(7, 12), Fraction(17, 24)),
    ("two-thirds", Fraction(2, 3), Fraction(7, 12), Fraction(17, 24)),
    ("half", Fraction(1, 2), Fraction(5, 12), Fraction(7, 12)),
    ("a half", Fraction(1, 2), Fraction(5, 12), Fraction(7, 12)),
    ("a quarter", Fraction(1, 4), Fraction(9, 40), Fraction(7, 24)),
    ("one quarter", Fraction(1, 4), Fraction(9, 40), Fraction(7, 24)),
    ("three quarters", Fraction(3, 4), Fraction(17, 24), Fraction(7, 8)),
    ("a fifth", Fraction(1, 5), Fraction(3, 20), Fraction(9, 40)),
    ("a tenth", Fraction(1, 10), Fraction(1, 20), Fraction(3, 20)),
])
def test_fraction_words_cover_their_share_of_the_ladder(
    text: str, value: Fraction, lo: Fraction, hi: Fraction
) -> None:
    number = parse_number(text)
    assert number.scale == "ratio"
    assert (number.value, number.interval.lo, number.interval.hi) == (
        float(value), float(lo), float(hi))


def test_fraction_intervals_tile_without_gaps() -> None:
    words = ["a tenth", "a fifth", "a quarter", "a third", "half", "two thirds",
             "three quarters"]
    spans = [parse_number(w).interval for w in words]
    assert spans[0].lo == 0.05 and spans[-1].hi == 0.875
    for below, above in itertools.pairwise(spans):
        assert below.hi == above.lo


@pytest.mark.parametrize(("text", "value"), [
    ("doubled", 2), ("tripled", 3), ("trebled", 3), ("quadrupled", 4), ("halved", 0.5),
    ("doubling", 2), ("tripling", 3), ("trebling", 3), ("quadrupling", 4), ("halving", 0.5)])
def test_factor_words_are_exact(text: str, value: float) -> None:
    assert parse_number(text) == Number(text=text, value=value, scale="factor",
                                        interval=Interval.point(value))


@pytest.mark.parametrize(("text", "lo", "hi"), [
    ("about 2,221", 1998.9, 2443.1),
    ("around 1,000", 500, 1500),  # the precision interval is wider than +-10%
    ("approximately 50", 45, 55),
    ("roughly 24.5", 22.05, 26.95),
    ("some 70,000", 63000, 77000),
    ("about five", 4.5, 5.5),  # hedged, a small count is read to the unit
    ("almost 1,000", 900, 1000),  # bounds take the stated value as the threshold
    ("nearly 5", 4.5, 5),
    ("just under 2,221", 1998.9, 2221),
    ("just short of 90%", 0.81, 0.9),
    ("approaching 1,000", 900, 1000),
    ("just over 2,221", 2221, 2443.1),
    ("more than 2,221", 2221, INF),
    ("over 11", 11, INF),
    ("at least 25%", 0.25, INF),
    ("more than half", 0.5, INF),
    ("above 40", 40, INF),
    ("upwards of 500", 500, INF),
    ("in excess of 1,200", 1200, INF),
    ("fewer than 350", 0, 350),
    ("fewer than 10", 0, 10),
    ("less than a third", 0, 1 / 3),
    ("under 5", 0, 5),
    ("below 90%", 0, 0.9),
    ("up to 1,200", 0, 1200),
    ("at most 3", 0, 3),
    ("no more than 12", 0, 12),
    ("within 15", 0, 15),
    ("under -3", -INF, -3),
    ("almost -5", -5, -4.5),
    ("more than doubled", 2, INF),
])
def test_hedges_widen(text: str, lo: float, hi: float) -> None:
    number = parse_number(text)
    assert number.text == text
    assert number.interval.lo == pytest.approx(lo, rel=1e-12)
    assert number.interval.hi == pytest.approx(hi, rel=1e-12)


def test_per_base() -> None:
    number = parse_number("24.5 per 100,000")
    assert (number.value, number.per, number.interval) == (
        24.5, 100000.0, Interval(lo=24.45, hi=24.55))
    assert parse_number("1.55 per 1,000").per == 1000.0
    assert parse_number("3 per thousand").per == 1000.0
    assert parse_number("350").per is None
    assert parse_number("1.55 offences per 1,000").per == 1000.0
    with pytest.raises(NumberError):
        parse_number("350 per 0")


@given(formatted_numbers())
def test_formatted_numbers_parse_to_intervals_holding_them(case: tuple[str, Fraction]) -> None:
    text, value = case
    number = parse_number(text)
    assert number.value == float(value)
    assert number.interval.contains(float(value))
    assert Fraction(number.interval.lo) <= value <= Fraction(number.interval.hi)
    assert number.scale == ("ratio" if "%" in text or "cent" in text else "count")


# --- finding numbers in text -------------------------------------------------------------------


def found(text: str) -> list[tuple[str, float, float | None]]:
    return [(text[m.start:m.end], m.number.value, m.number.per) for m in find_numbers(text)]


REAL_TEXTS = [
    ("reduce its police officer numbers by 2,221. That was 25 per cent of our police offices. "
     "Whilst we are due to receive a net increase of 1,200 police officers by 2023, that will "
     "still leave the Force with a shortfall of 1,000 police officers.",
     [("2,221", 2221, None), ("25 per cent", 0.25, None), ("1,200", 1200, None),
      ("2023", 2023, None), ("1,000", 1000, None)]),
    ("covering 348 square miles with a population of 2.94 million people",
     [("348", 348, None), ("2.94 million", 2_940_000, None)]),
    ("the highest rate of firearms offences (24.5 offences per 100,000 population) and knife "
     "crime offences (1.55 offences per 1,000 population)",
     [("24.5", 24.5, 100000), ("100,000", 100000, None), ("1.55", 1.55, 1000),
      ("1,000", 1000, None)]),
    ("We answer 70,000 999 calls each month in an average of five seconds and have improved "
     "the proportion of emergency incidents attended within our specified targets by 25%.",
     [("70,000", 70000, None), ("999", 999, None), ("five seconds", 5, None), ("25%", 0.25, None)]),
    ("our arrest rate has increased by a third", [("a third", 1 / 3, None)]),
    ("domestic abuse arrest rates have increased from 27% to 39%",
     [("27%", 0.27, None), ("39%", 0.39, None)]),
    ("good in five areas, adequate in three areas", [("five", 5, None), ("three", 3, None)]),
    ("three of the four points raised has been addressed",
     [("three", 3, None), ("four", 4, None)]),
    ("in 11 months", [("11 months", 11 * 2_629_800, None)]),  # a month is 365.25/12 days
    ("reducing the number of staff waiting to be vetted by 350 per month",
     [("350", 350, 1)]),
    ("Page View:210 Site View: 965774", [("210", 210, None), ("965774", 965774, None)]),
    ("call handling just fell short of the national target of 90%", [("90%", 0.9, None)]),
    ("Published 24th Nov 2023", [("2023", 2023, None)]),
]


@pytest.mark.parametrize(("text", "expected"), REAL_TEXTS)
def test_find_numbers_in_real_texts(
    text: str, expected: list[tuple[str, float, float | None]]
) -> None:
    assert found(text) == expected


def test_find_numbers_skips_non_numbers() -> None:
    text = ("Covid-19 at 10:30 or 10.30 pm on 24/11/2023 or 2023-11-24, a one-off, no one, "
            "none, someone, alone, once, on the M6 at 3pm, version 1.2.3, the 3rd and 21st")
    assert found(text) == []


def test_find_numbers_keeps_hedges_in_the_span() -> None:
    text = "There were more than 2,221 officers and about a third left, almost 1,000."
    assert found(text) == [("more than 2,221", 2221, None), ("about a third", 1 / 3, None),
                           ("almost 1,000", 1000, None)]
    mention = find_numbers(text)[0]
    assert mention.number.interval == Interval(lo=2221, hi=INF)


def test_per_base_needs_a_close_number_in_the_same_sentence() -> None:
    assert found("5 officers per 1,000")[0] == ("5", 5, 1000)
    assert found("5 very many more officers per 1,000")[0] == ("5", 5, None)
    assert found("5 officers. Per 1,000")[0] == ("5", 5, None)
    assert found("25 per cent per month") == [("25 per cent", 0.25, 1)]  # a rate per month
    assert found("2 and 5 officers per 1,000") == [
        ("2", 2, None), ("5", 5, 1000), ("1,000", 1000, None)]
    assert found("3 per thousand") == [("3", 3, 1000)]


@given(st.one_of(texts_with_numbers(), noisy_texts))
def test_find_numbers_spans_parse_back(text: str) -> None:
    mentions = find_numbers(text)
    previous_end = 0
    for mention in mentions:
        assert previous_end <= mention.start < mention.end <= len(text)
        previous_end = mention.end
        stated = text[mention.start:mention.end]
        assert mention.number.text == stated
        again = parse_number(stated)
        if again.per is not None:  # the base is part of the span: 'twice a year'
            assert again == mention.number
        else:  # a base or unit that follows the span may be set on the mention
            number = mention.number
            assert attrs.evolve(again, per=number.per, per_unit=number.per_unit) == number


@given(formatted_numbers())
def test_a_formatted_number_is_found_in_a_sentence(case: tuple[str, Fraction]) -> None:
    text, value = case
    sentence = f"The force said it had {text} in total."
    assert [m.number.value for m in find_numbers(sentence)] == [float(value)]


# --- matching a claim against its quote --------------------------------------------------------


def test_stated_in() -> None:
    quote = "That was 25 per cent of our police offices, a cut of 2,221."
    assert [n.text for n in stated_in(parse_number("25%"), quote)] == ["25 per cent"]
    assert [n.text for n in stated_in(parse_number("2,221"), quote)] == ["2,221"]
    assert [n.text for n in stated_in(parse_number("a quarter"), quote)] == ["25 per cent"]
    assert stated_in(parse_number("2,300"), quote) == []
    assert stated_in(parse_number("0.25"), quote) == []  # a count is not a ratio


def test_stated_in_compares_per_bases() -> None:
    quote = "firearms offences (24.5 offences per 100,000 population)"
    assert [n.text for n in stated_in(parse_number("24.5 per 100,000"), quote)] == ["24.5"]
    assert stated_in(parse_number("24.5"), quote) == []
    assert stated_in(parse_number("24.5 per 1,000"), quote) == []


def test_stated_in_needs_each_point_in_the_other_interval() -> None:
    # "1,000" allows 1,200 but "1,200" does not allow 1,000: the claim is not the quote.
    assert stated_in(parse_number("1,200"), "a shortfall of 1,000 officers") == []
    assert stated_in(parse_number("1,000"), "a rise of 1,200 officers") == []


# --- small counts and round numbers ------------------------------------------------------------


@pytest.mark.parametrize(("text", "lo", "hi"), [
    ("11", 11, 11),
    ("99", 99, 99),
    ("100", 50, 150),  # 100 and over: the implied precision
    ("£5", 4.5, 5.5),  # an amount of money, not a count
    ("5%", 0.045, 0.055),  # percentages keep their precision
    ("5.0", 4.95, 5.05),  # so do decimals
    ("about 5", 4.5, 5.5),
])
def test_small_counts_are_exact_when_bare(text: str, lo: float, hi: float) -> None:
    assert bounds(text) == (lo, hi)


@pytest.mark.parametrize(("text", "lo", "hi"), [
    ("£20", 19.5, 20.5),  # not [15, 25]: below 100, signed and currency amounts are to the unit
    ("-20", -20.5, -19.5),
    ("$90", 89.5, 90.5),
    ("about 20", 18, 22),  # [19.5, 20.5] joined with 20 +- 10%
    ("about twenty", 18, 22),  # words and digits read alike
    ("around 40", 36, 44),
    ("nearly 30", 27, 30),
])
def test_small_round_counts_under_a_hedge_or_sign_are_read_to_the_unit(
        text: str, lo: float, hi: float) -> None:
    assert bounds(text) == pytest.approx((lo, hi), rel=1e-12)


def test_small_counts_no_longer_meet_at_the_half() -> None:
    two, three = parse_number("two"), parse_number("three")
    assert agreement(two.interval, three.interval, two.value, three.value) == "conflict"
    # round numbers keep their implied precision: '300' and '400' still meet at 350
    a, b = parse_number("300"), parse_number("400")
    assert agreement(a.interval, b.interval, a.value, b.value) == "rounding"


@pytest.mark.parametrize(("text", "lo", "hi"), [
    # words are read to the unit of their last word, as digits are to their last non-zero one
    ("sixteen hundred", 1550, 1650),  # "1,600"
    ("three hundred", 250, 350),  # "300"
    ("a hundred", 50, 150),  # "100"
    ("hundred", 50, 150),
    ("eight hundred and twenty", 819.5, 820.5),  # its last word is a unit of one
    ("fifteen hundred per cent", 14.995, 15.005),  # a percentage is to the whole per cent
])
def test_number_words_ending_in_hundred_are_read_to_the_hundred(
        text: str, lo: float, hi: float) -> None:
    number = parse_number(text)
    assert (number.interval.lo, number.interval.hi) == (lo, hi)


@pytest.mark.parametrize(("text", "lo", "hi"), [
    ("1,000", 1000, 1000),
    ("2,221", 2221, 2221),
    ("three million", 3e6, 3e6),
    ("a hundred", 100, 100),
    ("£1,200", 1200, 1200),
    ("2021", 2020.5, 2021.5),  # a year stays a year
    ("24.5", 24.45, 24.55),
    ("25%", 0.245, 0.255),
    ("about 1,000", 900, 1100),
    ("300 days", 300 * 86400 - 43200, 300 * 86400 + 43200),  # a measure: to the unit
])
def test_round_precision_exact_reads_whole_numbers_as_stated(
    text: str, lo: float, hi: float
) -> None:
    interval = parse_number(text, round_precision="exact").interval
    assert (interval.lo, interval.hi) == pytest.approx((lo, hi), rel=1e-12)


def test_round_precision_reaches_find_numbers() -> None:
    text = "a shortfall of 1,000 officers"
    assert find_numbers(text)[0].number.interval == Interval(lo=500, hi=1500)
    exact = find_numbers(text, round_precision="exact")[0].number.interval
    assert exact == Interval.point(1000)


@given(whole_numbers(max_value=99))
def test_bare_whole_numbers_below_100_are_points(case: tuple[str, int]) -> None:
    text, n = case
    assert parse_number(text).interval == Interval.point(n)


@given(whole_numbers(max_value=10**9))
def test_exact_setting_narrows_within_the_implied_reading(case: tuple[str, int]) -> None:
    text, n = case
    implied = parse_number(text).interval
    exact = parse_number(text, round_precision="exact").interval
    assert implied.lo <= exact.lo <= n <= exact.hi <= implied.hi
    if not (text.isdigit() and len(text) == 4 and 1900 <= n <= 2100):  # years keep the unit
        assert exact == Interval.point(n)


# --- durations ---------------------------------------------------------------------------------

YEAR, MONTH, WEEK, DAY = 31_557_600, 2_629_800, 604_800, 86_400


@pytest.mark.parametrize(("text", "value", "lo", "hi"), [
    ("15 minutes", 900, 870, 930),
    ("15 mins", 900, 870, 930),
    ("2 minutes 30 seconds", 150, 149.5, 150.5),
    ("2 minutes and 30 seconds", 150, 149.5, 150.5),
    ("a minute and a half", 90, 75, 105),  # the half is stated to a quarter of a minute
    ("an hour", 3600, 1800, 5400),
    ("half an hour", 1800, 900, 2700),
    ("one and a half hours", 5400, 4500, 6300),
    ("2 hrs", 7200, 5400, 9000),
    ("three years", 3 * YEAR, 2.5 * YEAR, 3.5 * YEAR),
    ("18 months", 18 * MONTH, 17.5 * MONTH, 18.5 * MONTH),
    ("18-month", 18 * MONTH, 17.5 * MONTH, 18.5 * MONTH),
    ("six weeks", 6 * WEEK, 5.5 * WEEK, 6.5 * WEEK),
    ("90 days", 90 * DAY, 89.5 * DAY, 90.5 * DAY),
    ("300 days", 300 * DAY, 250 * DAY, 350 * DAY),  # 100 and over: the implied precision
    ("1 hour 20 minutes", 4800, 4770, 4830),
    ("3 years, 2 months", 3 * YEAR + 2 * MONTH, 3 * YEAR + 1.5 * MONTH, 3 * YEAR + 2.5 * MONTH),
    ("a year and a day", YEAR + DAY, YEAR + 0.5 * DAY, YEAR + 1.5 * DAY),
    ("2.5 hours", 9000, 8820, 9180),  # a decimal keeps its digits: 2.5 +- 0.05 hours
    ("one second", 1, 0.5, 1.5),
])
def test_durations_in_seconds(text: str, value: float, lo: float, hi: float) -> None:
    number = parse_number(text)
    assert number.scale == "duration" and number.per is None
    assert (number.value, number.interval.lo, number.interval.hi) == (value, lo, hi)


def test_a_month_and_a_year() -> None:
    assert parse_number("a year").value == 365.25 * DAY
    assert parse_number("12 months").value == parse_number("a year").value
    assert parse_number("1 week").value == 7 * DAY


@pytest.mark.parametrize(("text", "lo", "hi"), [
    ("within 15 minutes", 0, 900),
    ("under eight months", 0, 8 * MONTH),
    ("about 15 minutes", 810, 990),
    ("more than 18 months", 18 * MONTH, INF),
    ("nearly three years", 0.9 * 3 * YEAR, 3 * YEAR),
])
def test_durations_take_hedges(text: str, lo: float, hi: float) -> None:
    interval = parse_number(text).interval
    assert (interval.lo, interval.hi) == pytest.approx((lo, hi), rel=1e-12)


def test_durations_in_running_text() -> None:
    text = ("It answered within 15 minutes, fixed it in under eight months and waited "
            "2 minutes 30 seconds; a second inspection followed.")
    assert [(text[m.start:m.end], m.number.value) for m in find_numbers(text)] == [
        ("within 15 minutes", 900), ("under eight months", 8 * MONTH),
        ("2 minutes 30 seconds", 150)]


def test_duration_parts_must_go_down() -> None:
    with pytest.raises(NumberError, match="decreasing"):
        parse_number("5 minutes 2 hours")
    assert [(n.number.text, n.number.value) for n in find_numbers("5 minutes 2 hours later")] == [
        ("5 minutes", 300), ("2 hours", 7200)]


@given(formatted_durations())
def test_formatted_durations_hold_their_seconds(case: tuple[str, Fraction]) -> None:
    text, seconds = case
    number = parse_number(text)
    assert number.scale == "duration" and number.value == float(seconds)
    assert Fraction(number.interval.lo) <= seconds <= Fraction(number.interval.hi)
    sentence = f"The response took {text} on average."
    assert [m.number.text for m in find_numbers(sentence)] == [text]


# --- ratios: 'one in four' ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value", "lo", "hi"), [
    ("one in four", Fraction(1, 4), Fraction(2, 9), Fraction(2, 7)),
    ("1 in 5", Fraction(1, 5), Fraction(2, 11), Fraction(2, 9)),
    ("one in every three", Fraction(1, 3), Fraction(2, 7), Fraction(2, 5)),
    ("two out of five", Fraction(2, 5), Fraction(4, 11), Fraction(4, 9)),
    ("3 out of every 10", Fraction(3, 10), Fraction(2, 7), Fraction(6, 19)),
    ("1 in 100", Fraction(1, 100), Fraction(2, 201), Fraction(2, 199)),
    ("one in a million", Fraction(1, 10**6), Fraction(1, 1_500_000), Fraction(1, 500_000)),
    ("around one in five", Fraction(1, 5), Fraction(9, 50), Fraction(2, 9)),
    ("more than one in four", Fraction(1, 4), Fraction(1, 4), INF),
])
def test_one_in_n_is_a_ratio(text: str, value: Fraction, lo: Fraction, hi: float) -> None:
    number = parse_number(text)
    assert number.scale == "ratio"
    assert (number.value, number.interval.lo, number.interval.hi) == (
        float(value), float(lo), float(hi))


def test_not_a_ratio() -> None:
    assert found("3 in 2021") == [("3", 3, None), ("2021", 2021, None)]
    assert [(t, n) for t, n, _ in found("one in four years")] == [
        ("one", 1), ("four years", 4 * YEAR)]
    assert found("5 in 10%") == [("5", 5, None), ("10%", 0.1, None)]


@given(one_in_n())
def test_one_in_n_holds_its_ratio_within_the_unit_reading(case: tuple[str, int, int]) -> None:
    text, k, n = case
    number = parse_number(text)
    ratio = Fraction(k, n)
    assert number.scale == "ratio" and number.value == float(ratio)
    assert Fraction(number.interval.lo) <= ratio <= Fraction(number.interval.hi)
    half = Fraction(1, 2)
    assert float(k / (n + half)) <= number.interval.lo
    assert number.interval.hi <= float(k / (n - half))


# --- bounds ------------------------------------------------------------------------------------


@given(bounded_numbers())
def test_a_bound_is_open_on_its_side_and_holds_the_value(case: tuple[str, str, Fraction]) -> None:
    text, kind, value = case
    interval = parse_number(text).interval
    assert interval.contains(float(value))
    if kind == "less":
        assert (interval.lo, interval.hi) == (0, float(value))
    elif kind == "more":
        assert (interval.lo, interval.hi) == (float(value), INF)
    elif kind == "almost":
        assert (interval.lo, interval.hi) == (float(value * Fraction(9, 10)), float(value))
    else:
        assert (interval.lo, interval.hi) == (float(value), float(value * Fraction(11, 10)))


# --- rates per unit of time --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value", "lo", "hi", "per", "unit"), [
    ("220 crimes a day", 220, 215, 225, 1, "day"),
    ("3 calls per hour", 3, 3, 3, 1, "hour"),
    ("1,000 a week", 1000, 500, 1500, 1, "week"),
    ("twice a year", 2, 2, 2, 1, "year"),
    ("once a month", 1, 1, 1, 1, "month"),
    ("350 per month", 350, 345, 355, 1, "month"),
    ("3 per 24 hours", 3, 3, 3, 24, "hour"),
    ("12 hours a day", 43200, 41400, 45000, 1, "day"),
    ("24.5 per 100,000", 24.5, 24.45, 24.55, 100_000, None),
])
def test_rates_per_unit_of_time(
    text: str, value: float, lo: float, hi: float, per: float, unit: str | None
) -> None:
    number = parse_number(text)
    assert (number.value, number.interval, number.per, number.per_unit) == (
        value, Interval(lo=lo, hi=hi), per, unit)


def test_rates_in_running_text() -> None:
    text = ("The force records 220 crimes a day, answers 3 calls per hour, 1,000 a week, "
            "and is inspected twice a year.")
    assert [(text[m.start:m.end], m.number.per, m.number.per_unit)
            for m in find_numbers(text)] == [
        ("220", 1, "day"), ("3", 1, "hour"), ("1,000", 1, "week"), ("twice a year", 1, "year")]


@pytest.mark.parametrize(("text", "expected"), [
    ("five officers left a year ago", [("five", None), ("a year", None)]),
    ("two officers for a year", [("two", None), ("a year", None)]),
    ("3 officers a day or two later", [("3", None), ("a day", None), ("two", None)]),
    ("3 in a day", [("3", None), ("a day", None)]),
])
def test_a_span_of_time_is_not_a_rate(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(text[m.start:m.end], m.number.per_unit) for m in find_numbers(text)] == expected


def test_a_unit_needs_a_base() -> None:
    with pytest.raises(ValueError, match="needs a base"):
        Number(text="x", value=1, interval=Interval.point(1), scale="count", per_unit="day")
    with pytest.raises(ValueError):
        Number(text="x", value=1, interval=Interval.point(1), scale="count", per=1,
               per_unit="fortnight")


def test_quotes_needs_the_same_unit_of_time() -> None:
    day, week = parse_number("220 a day"), parse_number("220 a week")
    assert quotes(day, parse_number("220 crimes a day"))
    assert not quotes(day, week)
    assert not quotes(parse_number("220"), day)
    assert not quotes(day, parse_number("220"))


def test_stated_in_offers_the_amount_of_a_rate_or_duration() -> None:
    # A claim records its unit apart from its value: "350" staff per month, "11" months.
    assert [n.text for n in stated_in(parse_number("350"), "by 350 per month")] == ["350"]
    assert [n.text for n in stated_in(parse_number("350 per month"), "by 350 per month")] == [
        "350"]
    assert stated_in(parse_number("350 a week"), "by 350 per month") == []
    assert [n.text for n in stated_in(parse_number("11"), "in 11 months")] == ["11 months"]
    assert [n.text for n in stated_in(parse_number("12"), "12 hours a day")] == ["12 hours"]
    assert stated_in(parse_number("12"), "an hour a day") == []


# --- 'around one in five': a count per a base and a ratio --------------------------------------


def test_a_count_per_a_base_quotes_the_ratio_it_states() -> None:
    stated = find_numbers("around one in five officers")[0].number
    assert (stated.text, stated.scale, stated.value) == ("around one in five", "ratio", 0.2)
    # a rate claim: value "around one", per "5" -> [0.5, 1.5] / 5 = [0.1, 0.3] around 0.2
    claimed = attrs.evolve(parse_number("around one"), per=5.0)
    assert quotes(claimed, stated) and quotes(stated, claimed)
    assert stated_in(claimed, "around one in five officers") == [stated]
    assert quotes(parse_number("around one in five"), stated)
    assert not quotes(parse_number("around one"), stated)  # no base: a count, not a ratio
    assert not quotes(attrs.evolve(parse_number("one"), per=4.0), stated)  # 1/4 is not 1/5
    assert quotes(attrs.evolve(parse_number("25"), per=100.0), parse_number("25%"))


def _spans_trying_everywhere(text: str) -> list[tuple[int, int]]:
    """SCAN tried at every position, the next try after the end of each match."""
    found, position = [], 0
    while position <= len(text):
        m = grammar.SCAN.match(text, position)
        if m is None:
            position += 1
            continue
        found.append(m.span())
        position = max(m.end(), position + 1)
    return found


def _spans_from_starts(text: str) -> list[tuple[int, int]]:
    """SCAN tried only where START says a number may begin, as `find_numbers` does."""
    found, position = [], 0
    while (start := grammar.START.search(text, position)) is not None:
        m = grammar.SCAN.match(text, start.start())
        if m is None:
            position = start.start() + 1
            continue
        found.append(m.span())
        position = max(m.end(), start.start() + 1)
    return found


_GRAMMAR_WORDS = sorted({*grammar.HEDGES, *grammar.UNITS, *grammar.TENS, *grammar.FACTORS,
                         *grammar.FREQUENCIES, "a", "an", "half", "no", "one", "another",
                         "one-off", "per cent", "percent", "%", "a day", "in", "at", "up",
                         "just", "more", "less", "fewer", "upwards", "excess", "of", "than"})


@given(st.lists(st.sampled_from(_GRAMMAR_WORDS) | st.sampled_from(_GRAMMAR_WORDS).map(
    lambda word: word + " 5") | st.sampled_from(
    [" ", "  ", "\n", "-", ".", ",", "1", "25", "1,000", "2.5", "2023", "£", "x", "the"]),
    max_size=14).map(" ".join))
def test_numbers_start_only_where_the_scan_looks(text: str) -> None:
    """Trying the number pattern only where START finds a possible beginning finds what trying it
    at every position finds: START leaves out no place a number can begin."""
    assert _spans_from_starts(text) == _spans_trying_everywhere(text)


_LOOK_ALIKES = {"i": ("\u0130", "\u0131"), "s": ("\u017f",), "k": ("\u212a",)}
"""Letters the grammar matches, ignoring case, as the ASCII letter: İ and ı as i, ſ as s, the
Kelvin sign as k."""


@given(st.sampled_from(["halving", "about 5 minutes", "in excess of 5", "five", "some 5",
                        "six weeks", "twice a week", "3 in six", "2 million", "5k",
                        "nearly 6 hours", "sixty per cent", "at least six"]), st.data())
def test_a_look_alike_letter_reads_as_the_letter_it_matches_as(phrase: str,
                                                               data: st.DataObject) -> None:
    """A source may spell a word with a letter the grammar matches as an ASCII one ('fıve'):
    it is read as the word it matched as, never as nothing or with a traceback."""
    swapped = "".join(data.draw(st.sampled_from((ch, *_LOOK_ALIKES.get(ch, ())))) for ch in phrase)
    expected = [(m.start, m.end, m.number.value, m.number.interval, m.number.scale,
                 m.number.per, m.number.per_unit) for m in find_numbers(phrase)]
    assert [(m.start, m.end, m.number.value, m.number.interval, m.number.scale, m.number.per,
             m.number.per_unit) for m in find_numbers(swapped)] == expected
