"""The quick paths of `find_numbers` find exactly what the plain reading finds.

`_reference_find_numbers` is `find_numbers` as it was before its quick paths: every START, the
number pattern tried there, each match read with `read`, a mention built for it, and
TAIL_AFTER tried after every mention.  The quick version must give equal mentions, field by
field, on any text."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import NumberError
from factcheck.text import grammar as g
from factcheck.text.numbers import NumberMention, RoundPrecision, find_numbers
from factcheck.text.reading import _Found, read, read_base, unchecked_mention
from tests.strategies import noisy_texts, texts_with_numbers


def _reference_find_numbers(text: str, mode: RoundPrecision) -> list[NumberMention]:
    mentions = []
    position = 0
    while (start := g.START.search(text, position)) is not None:
        m = g.SCAN.match(text, start.start())
        if m is None:
            position = start.start() + 1
            continue
        end = m.end()
        if not m["skip"]:
            try:
                number, end = read(m, mode)
            except NumberError:
                pass
            else:
                mentions.append(NumberMention(start=m.start(), end=end, number=number))
        position = max(end, start.start() + 1)
    out: list[NumberMention] = []
    dropped = -1
    for i, mention in enumerate(mentions):
        if i == dropped:
            continue
        after = g.TAIL_AFTER.match(text, mention.end)
        if after is None or mention.number.per is not None:
            out.append(mention)
            continue
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        keyword = after.start("per") if after["per"] else after.start("rkw")
        base = read_base(after)
        if following is not None and following.start < after.end() and not after["per"]:
            if following.start == keyword and following.end <= after.end():
                dropped = i + 1
            else:
                base = None
        elif following is not None and following.start < keyword:
            base = None
        if base is not None:
            mention = attrs.evolve(mention, number=attrs.evolve(
                mention.number, per=base[0], per_unit=base[1]))
        out.append(mention)
    return out


# Number phrases, with what may stand before or after them, and the words of rates and tails.
_PHRASES = ("2,221", "24.5", "2010", "0", "11", "1,000", "350", "007", "1.", ".5", "2.50",
            "12345678901234567890", "9" * 350, "1" * 450, "-5", "−5", "£5", "$2.9m", "€3bn",
            "3k", "2.94 million", "three million", "a million", "25%", "25 per cent",
            "5 percentage points", "two hundred and fifty", "sixteen hundred", "a dozen",
            "a third", "two thirds", "three quarters", "half", "one in four", "3 in 2021",
            "two out of five", "one in every 1,000", "1 in 4", "2 out of 5", "1 in 10 million",
            "doubled", "halving", "twice a year",
            "once per week", "1 hour 20 minutes", "2 minutes and 30 seconds", "an hour",
            "half an hour", "a minute and a half", "18-month", "5 minutes 2 hours", "12 hours",
            "about 2,221", "around 1,000", "fewer than 10", "within 15 minutes", "just over 5",
            "nearly 2,600", "at least 3", "in excess of 40", "approx. 7", "24th", "M6",
            "Covid-19", "3pm", "10:30", "24/11/2023", "2023-11-24", "1.2.3", "one-off",
            "no one", "one another", "a", "an", "one", "a second")
_TAILS = ("", " per 100,000", " per 1,000 population", " offences per 1,000 residents",
          " a day", " crimes a day", " calls per hour", " per 24 hours", " a week ago",
          " for a year", " a day or two", " per cent", " per thousand", " per 1m", " an hour",
          " per 0", " per " + "9" * 400, " A DAY", " Per Week", " people are an issue",
          " x y z a day", " x y z w a day", "'s a day", " per\u00a0day", "\na\tday", " per")
_GLUE = (" ", "  ", "\n", "-", ", ", ". ", "(", "'", "\u2019", "x", "7", "", "\u00a0", ":",
         "/", "the ", "About ", "Approximately ", "JUST UNDER ", "sſ", "K")
_PIECE = st.builds("{}{}".format, st.sampled_from(_PHRASES), st.sampled_from(_TAILS))
_TEXTS = st.lists(st.tuples(st.sampled_from(_GLUE), _PIECE), max_size=10).map(
    lambda parts: "".join(glue + piece for glue, piece in parts))
_MODES = st.sampled_from(("implied", "exact"))


_START_WORDS = sorted({*g.FIRST_WORDS, *g.HEDGES, *g.FACTORS, *g.FREQUENCIES, "no one",
                       "the", "at", "in", "just", "justice", "atom", "inn", "ones", "abc"})
_CASED_WORDS = st.sampled_from(_START_WORDS).flatmap(lambda word: st.sampled_from((
    word, word.upper(), word.title(), word.replace("i", "\u0130").replace("k", "\u212a"),
    word.replace("s", "\u017f").replace("i", "\u0131"))))
_START_TEXTS = st.lists(st.tuples(st.sampled_from(_GLUE), _CASED_WORDS | st.sampled_from(
    ("5", "٣", ".5", "£", "-", "\u2212", "x", "_", "é", "2,5")) | st.text(max_size=3)),
    max_size=12).map(lambda parts: "".join(glue + piece for glue, piece in parts))


def _fields(mentions: list[NumberMention]) -> list[tuple[int, int, str]]:
    # repr tells -0.0 from 0.0, which == does not
    return [(m.start, m.end, repr(attrs.asdict(m.number))) for m in mentions]


def _outcome(find: Callable[[], list[NumberMention]]) -> list[tuple[int, int, str]] | str:
    try:
        return _fields(find())
    except Exception as exc:  # the same failure is the same outcome
        return repr(exc)


@settings(max_examples=400)
@given(_TEXTS | texts_with_numbers() | noisy_texts | _START_TEXTS, _MODES)
def test_find_numbers_finds_what_the_plain_reading_finds(text: str, mode: RoundPrecision) -> None:
    assert _outcome(lambda: find_numbers(text, round_precision=mode)) == _outcome(
        lambda: _reference_find_numbers(text, mode))


@pytest.mark.parametrize(("text", "expected"), [
    # worked out from the rules in the docstring of factcheck.text.numbers
    ("2,221 calls", [(0, 5, "2,221", 2220.5, 2221.5, None, None)]),
    ("In 2017, 24.5 per 100,000", [(3, 7, "2017", 2016.5, 2017.5, None, None),
                                   (9, 13, "24.5", 24.45, 24.55, 100000.0, None),
                                   (18, 25, "100,000", 50000.0, 150000.0, None, None)]),
    ("220 crimes a day", [(0, 3, "220", 215.0, 225.0, 1.0, "day")]),
    ("3 calls per hour and 7", [(0, 1, "3", 3.0, 3.0, 1.0, "hour"), (21, 22, "7", 7.0, 7.0,
                                                                     None, None)]),
])
def test_find_numbers_reads_rates_and_bare_digits(
        text: str, expected: list[tuple[int, int, str, float, float, float | None, str | None]],
) -> None:
    found = [(m.start, m.end, m.number.text, m.number.interval.lo, m.number.interval.hi,
              m.number.per, m.number.per_unit) for m in find_numbers(text)]
    assert found == expected


@given(_TEXTS | texts_with_numbers())
def test_every_tail_begins_as_the_quick_tail_says(text: str) -> None:
    """TAIL_QUICK matches wherever TAIL_AFTER does, so trying it first loses no base."""
    for position in range(len(text) + 1):
        if g.TAIL_AFTER.match(text, position) is not None:
            assert g.TAIL_QUICK.match(text, position) is not None, (text, position)


def test_the_quick_tail_letters_are_all_that_match_ignoring_case() -> None:
    """Every character that matches a letter of 'per' or 'an' ignoring case (the Kelvin sign
    matches 'k', the long s 's') is in TAIL_QUICK's case-sensitive classes, and no other."""
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    for letter in "pean":
        folded = set(re.findall(letter, everything, re.IGNORECASE))
        pair = re.search(rf"\[({letter.upper()}{letter})\]", g.TAIL_QUICK.pattern)
        assert pair is not None and folded == set(pair[1])


@given(_TEXTS | texts_with_numbers() | noisy_texts)
def test_where_a_number_begins_on_a_digit_the_digit_scan_matches_as_the_scan(text: str) -> None:
    """SCAN_DIGIT, tried where the text has a digit, sign, currency sign or '.', makes the match
    SCAN makes there, group by group."""
    for position, char in enumerate(text):
        if char in g.DIGIT_STARTS:
            full, digit = g.SCAN.match(text, position), g.SCAN_DIGIT.match(text, position)
            assert (full and full.regs) == (digit and digit.regs), (text, position)


def test_no_digit_start_is_a_letter() -> None:
    """The branches SCAN_DIGIT leaves out all begin with a letter (ignoring case)."""
    assert re.search(r"[^\W\d_]", g.DIGIT_STARTS, re.IGNORECASE) is None


def _starts_after(text: str) -> list[int]:
    found = [0] if g.START.match(text) is not None else []
    position = 1
    while (after := g.START_AFTER.search(text, position - 1)) is not None:
        found.append(after.end())
        position = after.end() + 1
    return found


@given(_START_TEXTS | _TEXTS | noisy_texts)
def test_start_after_finds_where_start_matches(text: str) -> None:
    assert _starts_after(text) == [m.start() for m in _all_starts(text)]


def _all_starts(text: str) -> list[re.Match[str]]:
    found, position = [], 0
    while (start := g.START.search(text, position)) is not None:
        found.append(start)
        position = start.start() + 1
    return found


_REPEATED = st.lists(st.tuples(st.sampled_from(_GLUE), st.sampled_from((
    "about 5", "nearly 5", "about  5", "About 5", "no more than 2,600", "approx. 7", "about -5",
    "about £5", "about 5 hours", "about 5%", "around 1,000", "over 2010", "under 2010",
    "some 3 in 10", "about 5m", "2 minutes 30 seconds", "a day", "5", "one in four"))),
    min_size=2, max_size=12).map(lambda parts: "".join(glue + piece for glue, piece in parts))


@given(_REPEATED, _MODES)
def test_matches_with_one_key_read_alike(text: str, mode: RoundPrecision) -> None:
    """`read_found` reads one match of each key and gives its reading to all the others: a key
    must tell apart any two matches that `read` reads differently."""
    readings: dict[object, object] = {}
    for start in _all_starts(text):
        m = g.SCAN.match(text, start.start())
        if m is None or m["skip"]:
            continue
        try:
            number, end = read(m, mode)
        except NumberError as exc:
            reading: object = exc.message
        else:
            reading = (repr(attrs.asdict(number)), end - m.start())
        assert readings.setdefault(_Found(m).key, reading) == reading, text


def test_a_mention_made_quickly_is_the_mention() -> None:
    number = find_numbers("about 5")[0].number
    assert [field.name for field in attrs.fields(NumberMention)] == ["start", "end", "number"]
    quick = unchecked_mention(3, 10, number)
    assert quick == NumberMention(start=3, end=10, number=number)
    assert type(quick) is NumberMention and hash(quick) == hash(
        NumberMention(start=3, end=10, number=number))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quick.start = 4  # type: ignore[misc]


def _lowered_starts_after(text: str) -> list[int]:
    lower = text.lower().translate(g.FOLD)
    assert len(lower) == len(text)
    return [m.end() for m in g.START_AFTER_LOWER.finditer(lower)]


@given(_START_TEXTS | _TEXTS)
def test_start_after_lower_finds_in_the_lowered_text_where_start_after_matches(text: str) -> None:
    if len(text.lower()) == len(text):
        assert _lowered_starts_after(text) == [m.end() for m in g.START_AFTER.finditer(text)]


def test_lowering_keeps_what_the_start_patterns_look_at() -> None:
    """Each character that lowers to one character: it and its lowered form are alike non-word
    characters, whitespace, digits or signs, or not; and it matches an ASCII letter ignoring
    case exactly when its lowered form is that letter (so 'ſ' and 'ı' are folded to 's' and
    'i').  `str.lower` lowers a character by itself but for a final sigma, which is a letter
    either way."""
    chars = [chr(c) for c in range(sys.maxunicode + 1)]
    kept = "".join(c for c in chars if len(c.lower()) == 1)
    lowered = "".join(c.lower() for c in kept).translate(g.FOLD)
    assert len(lowered) == len(kept) > 1_000_000
    for pattern in (r"\W", r"\w", r"\s", r"[\d.£$€\-\u2212]"):
        assert [m.start() for m in re.finditer(pattern, kept)] == [
            m.start() for m in re.finditer(pattern, lowered)], pattern
    for letter in "abcdefghijklmnopqrstuvwxyz":
        assert [m.start() for m in re.finditer(letter, kept, re.IGNORECASE)] == [
            m.start() for m in re.finditer(letter, lowered)], letter
