"""Numbers stated in texts, read as intervals that carry the precision they were stated with.

A number in a news report is rarely exact: "2,221" means something that rounds to 2,221, "1,000"
may be any amount that rounds to a thousand.  Each stated number therefore becomes a `Number`
whose `interval` holds every value the statement is compatible with, and two statements
contradict exactly when their intervals do not meet.

Precision rules (the half-width of an interval is half a unit of the last stated digit):

- Decimals: "24.5" -> [24.45, 24.55], "2.50" -> [2.495, 2.505] (zeros after a decimal point are
  significant).
- Integers are read at the precision of their last non-zero digit, the widest reading of what
  was written: "2,221" -> [2220.5, 2221.5], "350" -> [345, 355], "1,200" -> [1150, 1250],
  "1,000" -> [500, 1500].  "0" -> [-0.5, 0.5].
- Years: a bare four-digit integer from 1900 to 2100 (no separator, sign, currency, multiplier
  or per cent) is read at unit precision, so "2010" -> [2009.5, 2010.5].
- "thousand", "million", "billion", "trillion" and the suffixes "k", "m", "mn", "bn" glued to
  the digits ("£2.9m") multiply both the value and its precision: "2.94 million" ->
  [2,935,000, 2,945,000], "3 million" -> [2.5e6, 3.5e6].
- Per cent ("25%", "25 per cent", "25 percent", "5 percentage points") is normalised to a ratio
  (scale "ratio"): "25%" -> 0.25 in [0.245, 0.255].  Percentages are conventionally rounded to
  whole per cent, so a whole percentage is read at unit precision: "90%" -> [0.895, 0.905].
- Number words ("five", "twenty-five", "a hundred", "two hundred and fifty", "a dozen") are
  counts stated to the unit: "five" -> [4.5, 5.5]; a following multiplier scales the unit.
- Fraction words (scale "ratio") are read against their own vocabulary: 1/10, 1/5, 1/4, 1/3,
  1/2, 2/3, 3/4, closed below by 0 and above by 1.  A word covers every ratio nearer to it than
  to its neighbours, from the midpoint with the one below to the midpoint with the one above:
  "a third" -> [7/24, 5/12], "a tenth" -> [0.05, 0.15], "three quarters" -> [17/24, 7/8].
- Factor words (scale "factor") are exact: "doubled" -> [2, 2], "tripled"/"trebled" -> 3,
  "quadrupled" -> 4, "halved" -> 0.5.
- Hedges before a number widen its interval: "about", "around", "approximately", "roughly",
  "some", "circa" add [0.9v, 1.1v]; "almost", "nearly", "just under", "just short of" give
  [0.9v, hi]; "more than", "over", "at least", "just over", "in excess of" give [lo, inf];
  "fewer than", "less than", "under", "up to", "at most" give [0, hi] (or [-inf, hi] when the
  value is negative).  The hedge is part of the number's text.
- "per <base>" ("24.5 per 100,000") sets `per` to the base, taken exactly.  In running text
  (`find_numbers`) the base is a number of its own too, and sets `per` on the number before it
  when at most three words stand between them ("1.55 offences per 1,000 population").
- Not numbers: digits glued to letters ("24th", "M6", "Covid-19", "3pm"), times ("10:30"),
  dates written with digits only ("24/11/2023", "2023-11-24") and "one-off", "no one".

Interval bounds of stated numbers are computed exactly and then rounded to the nearest float;
rounding is monotone, so comparisons between stated numbers are exact.  Interval arithmetic is
computed exactly and rounded outward, so a result contains every pointwise result.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Iterator
from fractions import Fraction
from typing import Literal, get_args

import attrs

from ..errors import NumberError
from .intervals import ExtendedReal, Interval

__all__ = [
    "Number",
    "NumberMention",
    "NumberScale",
    "find_numbers",
    "parse_number",
    "quotes",
    "stated_in",
]

NumberScale = Literal["count", "ratio", "factor"]


@attrs.frozen(kw_only=True)
class Number:
    """A number as stated: its words, its point value, the values it allows, its scale."""

    text: str
    value: float
    interval: Interval
    scale: NumberScale = attrs.field(validator=attrs.validators.in_(get_args(NumberScale)))
    per: float | None = None

    def __attrs_post_init__(self) -> None:
        if not self.interval.contains(self.value):
            raise ValueError(f"{self.text!r}: value {self.value} is not in {self.interval}")
        if self.per is not None and not (math.isfinite(self.per) and self.per > 0):
            raise ValueError(f"{self.text!r}: per-base {self.per} must be positive")


@attrs.frozen(kw_only=True)
class NumberMention:
    """A number found in a longer text, with its offsets in that text."""

    start: int
    end: int
    number: Number

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad mention span {self.start}:{self.end}")


# --- the grammar -------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_MULTIPLIERS = {
    "k": 1000, "thousand": 1000, "m": 10**6, "mn": 10**6, "million": 10**6,
    "bn": 10**9, "billion": 10**9, "trillion": 10**12, "hundred": 100,
}
_FRACTIONS = {
    "tenth": Fraction(1, 10), "fifth": Fraction(1, 5), "quarter": Fraction(1, 4),
    "third": Fraction(1, 3), "half": Fraction(1, 2), "thirds": Fraction(2, 3),
    "quarters": Fraction(3, 4),
}
_FACTORS = {
    "doubled": Fraction(2), "tripled": Fraction(3), "trebled": Fraction(3),
    "quadrupled": Fraction(4), "halved": Fraction(1, 2),
}
_HEDGES = {
    "approximately": "about", "approx.": "about", "approx": "about", "roughly": "about",
    "around": "about", "about": "about", "some": "about", "circa": "about",
    "just short of": "almost", "just under": "almost", "just below": "almost",
    "almost": "almost", "nearly": "almost",
    "more than": "more", "in excess of": "more", "at least": "more", "just over": "more",
    "over": "more",
    "fewer than": "less", "less than": "less", "up to": "less", "at most": "less",
    "under": "less",
}


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace."""
    items = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_UNIT_RE = _alt(_UNITS)
_ONE_NINE = _alt(w for w, v in _UNITS.items() if 1 <= v <= 9)
_BELOW_100 = rf"(?:(?:{_alt(_TENS)})(?:(?:-|[ \t]+)(?:{_ONE_NINE})(?!\w))?|(?:{_UNIT_RE}))(?!\w)"
_WORDS = (
    rf"(?:(?:a|{_BELOW_100})\s+hundred(?:\s+(?:and\s+)?{_BELOW_100})?"
    rf"|(?:a|{_BELOW_100})\s+dozen|hundred|dozen|{_BELOW_100}"
    r"|a(?=\s+(?:thousand|million|billion|trillion)(?!\w)))"
)
_FRACTION_WORDS = (
    r"(?:(?:a|one)[-\s]+(?:half|third|quarter|fifth|tenth)|half"
    r"|two[-\s]+thirds|three[-\s]+quarters)"
)
_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)"
_WORD_MULT = r"thousand|million|billion|trillion"
# Not inside a word, not after "letters-" (Covid-19), not after "digit." etc. (1.2.3, 10:30).
_BEFORE = r"(?<!\w)(?<![^\W\d_]-)(?<!\d[.,:/])"
# Not followed by letters (24th), nor by a continuation (1.2.3, 10:30, 24/11), nor a time or
# a digit-only date (2023-11-24).
_AFTER = r"(?!\w)(?![.,:/]\d)(?!\s*[ap]\.?m(?!\w))(?!-\d\d?-\d)"
_PERCENT = r"\s*%|\s+(?:per[-\s]?cent|percentage\s+points?)(?!\w)"


def _number_re(p: str) -> str:
    """The pattern of one number expression; group names start with prefix p."""
    return (
        rf"(?:(?<![\w-])(?P<{p}hedge>{_alt(_HEDGES)})\s+)?"
        rf"(?:"
        rf"{_BEFORE}(?P<{p}frac>{_FRACTION_WORDS})(?!\w)"
        rf"|{_BEFORE}(?P<{p}factor>{_alt(_FACTORS)})(?!\w)"
        rf"|{_BEFORE}(?P<{p}sign>[-\u2212](?=[£$€]?\d))?(?P<{p}cur>[£$€])?(?P<{p}digits>{_DIGITS})"
        rf"(?:(?P<{p}sfx>bn|mn|m|k)|\s+(?P<{p}mult>{_WORD_MULT}))?{_AFTER}"
        rf"(?P<{p}pct>{_PERCENT})?"
        rf"|{_BEFORE}(?P<{p}words>{_WORDS})(?:\s+(?P<{p}wmult>{_WORD_MULT}))?(?!\w)"
        rf"(?P<{p}wpct>{_PERCENT})?"
        rf")"
    )


def _base_re(p: str) -> str:
    """The pattern of the base after 'per': '100,000', '1 million', 'thousand'."""
    return (
        rf"(?:(?P<{p}digits>{_DIGITS})(?:(?P<{p}sfx>bn|mn|m|k)|\s+(?P<{p}mult>{_WORD_MULT}))?"
        rf"{_AFTER}|(?:(?:a|one)\s+)?(?P<{p}word>hundred|{_WORD_MULT})(?!\w))"
    )


_SKIP = (
    r"(?<![\w.,:/-])\d{1,4}(?P<sep>[-/.])\d{1,2}(?P=sep)\d{1,4}(?!\w)(?![.,:/-]\d)"
    r"|(?<![\w-])(?:one-offs?|no\s+one|one\s+another)(?!\w)"
)
_FLAGS = re.IGNORECASE
_SCAN = re.compile(rf"(?P<skip>{_SKIP})|{_number_re('')}", _FLAGS)
# Where a match of _SCAN may start: every branch starts after a non-word character, on a digit,
# sign, currency sign or '.', or on the first word of a hedge, number word, fraction or factor
# (or of "one-off", "no one"), a whole word: in every branch a non-word character follows it.
# Scanning for these first and trying _SCAN only there finds the same matches as
# _SCAN.finditer, several times faster.
_FIRST_WORDS = {w.split()[0].rstrip(".") for w in (*_HEDGES, *_UNITS, *_TENS, *_FACTORS)}
_FIRST_WORDS |= {"a", "one", "half", "two", "three", "hundred", "dozen", "no"}
_START = re.compile(rf"(?<!\w)(?:[\d.£$€\-\u2212]|(?:{_alt(_FIRST_WORDS)})(?!\w))", _FLAGS)
_FULL = re.compile(rf"\s*{_number_re('')}(?:\s+per\s+{_base_re('b')})?\s*", _FLAGS)
_PER_AFTER = re.compile(
    r"(?:\s+[^\W\d_]+(?:['\u2019-][^\W\d_]+)*){0,3}\s+(?P<per>per)\s+" + _base_re("b"), _FLAGS)


# --- reading a match ---------------------------------------------------------------------------

_MAX_DIGITS = 400  # longer runs of digits are identifiers, and overflow floats anyway


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def _digits_value(digits: str) -> tuple[Fraction, Fraction, bool]:
    """The exact value of written digits, half a unit of their last digit, whether integer."""
    plain = digits.replace(",", "")
    if len(plain) > _MAX_DIGITS:
        raise NumberError(f"{digits!r} has too many digits to be a stated amount")
    value = Fraction(plain)
    _, dot, decimals = plain.partition(".")
    if dot:
        return value, Fraction(1, 2 * 10 ** len(decimals)), False
    n = int(plain)
    zeros = len(plain) - len(plain.rstrip("0")) if n else 0
    return value, Fraction(10**zeros, 2), True


def _words_value(words: str) -> int:
    total = 0
    for token in re.split(r"[-\s]+", words.lower()):
        if token == "a":
            total = 1
        elif token in _UNITS:
            total += _UNITS[token]
        elif token in _TENS:
            total += _TENS[token]
        elif token == "hundred":
            total = (total or 1) * 100
        elif token == "dozen":
            total = (total or 1) * 12
    return total


def _fraction_interval(value: Fraction) -> tuple[Fraction, Fraction]:
    """The ratios nearer to this fraction word than to its neighbours in the vocabulary."""
    ladder = [Fraction(0), *sorted(set(_FRACTIONS.values())), Fraction(1)]
    i = ladder.index(value)
    return (ladder[i - 1] + value) / 2, (value + ladder[i + 1]) / 2


def _hedged(kind: str, v: Fraction, lo: ExtendedReal, hi: ExtendedReal) -> tuple[ExtendedReal, ExtendedReal]:
    nine, eleven = v * Fraction(9, 10), v * Fraction(11, 10)
    if kind == "about":
        return min(lo, nine, eleven), max(hi, nine, eleven)
    if kind == "almost":
        return (nine, hi) if v >= 0 else (lo, nine)
    if kind == "more":
        return lo, math.inf
    return (Fraction(0) if v >= 0 else -math.inf), hi


def _nearest(q: ExtendedReal, text: str) -> float:
    try:
        return float(q)
    except OverflowError:
        raise NumberError(f"{text!r} is too large a number") from None


_PLAIN_GROUPS = ("frac", "factor", "hedge", "pct", "wpct", "sfx", "mult", "wmult", "sign", "cur")


@functools.lru_cache(maxsize=8)
def _plain_groups(p: str) -> tuple[str, ...]:
    """The groups of `_number_re(p)` that make a number more than bare digits."""
    return tuple(p + group for group in _PLAIN_GROUPS)


def _plain(digits: str, text: str) -> Number | None:
    """A bare number written in digits ('2,221', '24.5', '2010') read with integer arithmetic:
    the same Number `_build` makes with fractions (int / int is correctly rounded, as is
    float(Fraction)), or None when it is long enough to need the general path."""
    plain = digits.replace(",", "")
    if len(plain) > 300:
        return None
    whole, dot, decimals = plain.partition(".")
    if dot:
        mantissa, unit = int(whole + decimals), 10 ** len(decimals)
        lo, hi = (2 * mantissa - 1) / (2 * unit), (2 * mantissa + 1) / (2 * unit)
        return Number(text=text, value=mantissa / unit, scale="count", interval=Interval(lo=lo, hi=hi))
    n = int(plain)
    if len(digits) == 4 and 1900 <= n <= 2100:
        half_units = 1
    else:
        half_units = 10 ** (len(plain) - len(plain.rstrip("0"))) if n else 1
    return Number(text=text, value=float(n), scale="count",
                  interval=Interval(lo=(2 * n - half_units) / 2, hi=(2 * n + half_units) / 2))


def _build(m: re.Match[str], text: str, p: str = "") -> Number:
    """The Number that a match of `_number_re(p)` states."""
    if m[p + "digits"] and not any(m.group(*_plain_groups(p))):
        number = _plain(m[p + "digits"], text)
        if number is not None:
            return number
    scale: NumberScale = "count"
    if m[p + "frac"]:
        scale = "ratio"
        value = _FRACTIONS[_key(m[p + "frac"]).split()[-1].split("-")[-1]]
        lo, hi = _fraction_interval(value)
    elif m[p + "factor"]:
        scale = "factor"
        value = _FACTORS[_key(m[p + "factor"])]
        lo, hi = value, value
    else:
        pct = m[p + "pct"] or m[p + "wpct"]
        mult_word = m[p + "sfx"] or m[p + "mult"] or m[p + "wmult"]
        mult = _MULTIPLIERS[mult_word.lower()] if mult_word else 1
        if m[p + "digits"]:
            value, half, integer = _digits_value(m[p + "digits"])
            if integer and (pct or (
                    len(m[p + "digits"]) == 4 and 1900 <= value <= 2100
                    and not (m[p + "sign"] or m[p + "cur"] or mult_word))):
                half = Fraction(1, 2)
            if m[p + "sign"]:
                value = -value
        else:
            value, half = Fraction(_words_value(m[p + "words"])), Fraction(1, 2)
        value, half = value * mult, half * mult
        if pct:
            scale = "ratio"
            value, half = value / 100, half / 100
        lo, hi = value - half, value + half
    xlo: ExtendedReal = lo
    xhi: ExtendedReal = hi
    if m[p + "hedge"]:
        xlo, xhi = _hedged(_HEDGES[_key(m[p + "hedge"])], value, lo, hi)
    return Number(text=text, value=_nearest(value, text), scale=scale,
                  interval=Interval(lo=_nearest(xlo, text), hi=_nearest(xhi, text)))


def _base_value(m: re.Match[str], p: str) -> float | None:
    """The exact base after 'per', or None if it is not a usable (positive, finite) one."""
    if m[p + "digits"]:
        mult_word = m[p + "sfx"] or m[p + "mult"]
        mult = _MULTIPLIERS[mult_word.lower()] if mult_word else 1
        digits = m[p + "digits"].replace(",", "")
        if len(digits) > _MAX_DIGITS:
            return None
        try:
            base = float(Fraction(digits) * mult)
        except OverflowError:
            return None
    else:
        base = float(_MULTIPLIERS[m[p + "word"].lower()])
    return base if 0 < base < math.inf else None


# --- the public functions ----------------------------------------------------------------------

@functools.lru_cache(maxsize=4096)
def parse_number(text: str) -> Number:
    """Read a text that is one number expression, such as 'about 25 per cent' or '£2.9m'.

    Cached: a Number is immutable, and claims state the same values again and again."""
    m = _FULL.fullmatch(text)
    if m is None:
        raise NumberError(f"{text!r} is not a number this tool can read")
    stated = text.strip()
    number = _build(m, stated)
    if m["bdigits"] or m["bword"]:
        per = _base_value(m, "b")
        if per is None:
            raise NumberError(f"{text!r} is not per a positive number")
        number = attrs.evolve(number, per=per)
    return number


def _scan(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_SCAN.finditer(text)`, tried only where `_START` says one may begin."""
    search, match = _START.search, _SCAN.match
    position = 0
    while (start := search(text, position)) is not None:
        found = match(text, start.start())
        if found is None:
            position = start.start() + 1
        else:
            yield found
            position = max(found.end(), start.start() + 1)


def find_numbers(text: str) -> list[NumberMention]:
    """Every number stated in a text, in order and non-overlapping, per-bases attached."""
    mentions = []
    for m in _scan(text):
        if m["skip"]:
            continue
        try:
            number = _build(m, m.group(0))
        except NumberError:
            continue  # hundreds of digits: not a stated amount
        mentions.append(NumberMention(start=m.start(), end=m.end(), number=number))
    for i, mention in enumerate(mentions):
        after = _PER_AFTER.match(text, mention.end)
        if after is None:
            continue
        if i + 1 < len(mentions) and mentions[i + 1].start < after.start("per"):
            continue  # another number stands between this one and the base
        per = _base_value(after, "b")
        if per is not None:
            mentions[i] = attrs.evolve(mention, number=attrs.evolve(mention.number, per=per))
    return mentions


def quotes(claimed: Number, stated: Number) -> bool:
    """Whether a stated number could be what a claimed number quotes: same scale and base,
    and each one's value inside the other's interval."""
    return (stated.scale == claimed.scale and stated.per == claimed.per
            and stated.interval.contains(claimed.value) and claimed.interval.contains(stated.value))


def stated_in(claimed: Number, text: str) -> list[Number]:
    """The numbers of `text` that a claimed number could be quoting."""
    return [mention.number for mention in find_numbers(text) if quotes(claimed, mention.number)]
