"""Number-grammar tests written to kill mutants that survived `scripts/mutation.py`.

Each expected value is worked out by hand from the rules in the docstring of
`factcheck.text.numbers`, not taken from the code's output.
"""

from __future__ import annotations

import math

import pytest

from factcheck.text.numbers import Number, find_numbers, parse_number, stated_in

# The vocabulary, written out independently of factcheck.text.grammar: the word at index i is i.
UNIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
              "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
              "seventeen", "eighteen", "nineteen"]
TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spans(text: str) -> list[tuple[str, float, float | None, str | None]]:
    return [(m.number.text, m.number.value, m.number.per, m.number.per_unit)
            for m in find_numbers(text)]


@pytest.mark.parametrize(("word", "value"), list(zip(UNIT_WORDS, range(20), strict=True)))
def test_every_unit_word_is_its_own_exact_count(word: str, value: int) -> None:
    assert parse_number(word) == Number(text=word, value=value, scale="count",
                                        interval=parse_number(str(value)).interval)
    assert parse_number(word).interval.lo == value == parse_number(word).interval.hi


@pytest.mark.parametrize(("word", "value"),
                         [(w, 20 + 10 * i) for i, w in enumerate(TENS_WORDS)])
def test_every_tens_word_and_its_compounds(word: str, value: int) -> None:
    assert parse_number(word).value == value
    assert parse_number(f"{word}-seven").value == value + 7
    assert parse_number(f"{word} three").value == value + 3
    # in the hundreds, read to the unit: 'nine hundred and <tens>'
    hundreds = parse_number(f"nine hundred and {word}")
    assert (hundreds.value, hundreds.interval.lo, hundreds.interval.hi) == (
        900 + value, 900 + value - 0.5, 900 + value + 0.5)


@pytest.mark.parametrize(("hedge", "kind"), [
    ("approximately", "about"), ("approx.", "about"), ("approx", "about"), ("roughly", "about"),
    ("around", "about"), ("about", "about"), ("some", "about"), ("circa", "about"),
    ("just short of", "almost"), ("just under", "almost"), ("just below", "almost"),
    ("almost", "almost"), ("nearly", "almost"), ("approaching", "almost"),
    ("just over", "just over"), ("just above", "just over"),
    ("more than", "more"), ("in excess of", "more"), ("at least", "more"), ("over", "more"),
    ("above", "more"), ("upwards of", "more"), ("no fewer than", "more"),
    ("no less than", "more"),
    ("fewer than", "less"), ("less than", "less"), ("up to", "less"), ("at most", "less"),
    ("under", "less"), ("below", "less"), ("no more than", "less"), ("within", "less"),
])
def test_every_hedge_reads_twenty_as_documented(hedge: str, kind: str) -> None:
    # A hedged 20 is read to the unit first, [19.5, 20.5]; +-10% of 20 is [18, 22].
    expected = {"about": (18, 22), "almost": (18, 20), "just over": (20, 22),
                "more": (20, math.inf), "less": (0, 20)}[kind]
    interval = parse_number(f"{hedge} 20").interval
    assert (interval.lo, interval.hi) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(("word", "seconds"), [
    ("second", 1), ("seconds", 1), ("sec", 1), ("secs", 1),
    ("minute", 60), ("minutes", 60), ("min", 60), ("mins", 60),
    ("hour", 3600), ("hours", 3600), ("hr", 3600), ("hrs", 3600),
    ("day", 86400), ("days", 86400), ("week", 604800), ("weeks", 604800),
    ("month", 86400 * 365.25 / 12), ("months", 86400 * 365.25 / 12),
    ("year", 86400 * 365.25), ("years", 86400 * 365.25), ("yr", 86400 * 365.25),
    ("yrs", 86400 * 365.25),
])
def test_every_unit_of_time(word: str, seconds: float) -> None:
    number = parse_number(f"3 {word}")
    assert number.scale == "duration"
    assert number.value == pytest.approx(3 * seconds, rel=1e-12)
    assert (number.interval.lo, number.interval.hi) == pytest.approx(
        (2.5 * seconds, 3.5 * seconds), rel=1e-12)


def test_a_rate_drops_the_mention_of_its_own_unit() -> None:
    # 'a day' is read as the rate's unit, not as a duration of its own.
    assert spans("220 crimes a day") == [("220", 220, 1, "day")]
    assert spans("on 5 May there were 220 crimes a day") == [
        ("5", 5, None, None), ("220", 220, 1, "day")]


def test_a_number_between_another_and_its_base_takes_the_base() -> None:
    # 'two' stands between 3 and 'per 100,000': the base is two's, not 3's.
    assert spans("3 officers and two per 100,000") == [
        ("3", 3, None, None), ("two", 2, 100000, None), ("100,000", 100000, None, None)]


def test_a_number_between_another_and_its_unit_of_time_takes_the_unit() -> None:
    assert spans("3 officers did two a day") == [("3", 3, None, None), ("two", 2, 1, "day")]


def test_a_failed_start_does_not_hide_the_next_character() -> None:
    # '£' starts no number here (no digit follows it), but the '-5' just after it does.
    assert spans("a balance of £-5") == [("-5", -5, None, None)]


def test_stated_in_reads_the_source_with_the_given_precision() -> None:
    # '1,000' is [500, 1500] as implied, exactly 1000 as stated; 'about 1,100' is [990, 1210].
    claimed = parse_number("about 1,100")
    assert [n.text for n in stated_in(claimed, "1,000 officers")] == ["1,000"]
    assert stated_in(claimed, "1,000 officers", round_precision="exact") == []


def test_stated_in_reads_a_bare_amount_with_the_given_precision() -> None:
    # The bare 300 of '300 days' is [250, 350] as implied, exactly 300 as stated; 'about 310'
    # is [279, 341] and a count, so only the bare amount can match it.
    claimed = parse_number("about 310")
    assert [n.text for n in stated_in(claimed, "it took 300 days")] == ["300 days"]
    assert stated_in(claimed, "it took 300 days", round_precision="exact") == []
