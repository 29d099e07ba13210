"""Reading a match of the number grammar into a `Number`: its value, interval, scale and base.

The rules are documented in `factcheck.text.numbers`, which re-exports the records defined here.
"""

from __future__ import annotations

import functools
import math
import re
from fractions import Fraction
from typing import Literal, get_args

import attrs

from ..errors import NumberError
from . import grammar as g
from .intervals import ExtendedReal, Interval

__all__ = ["Number", "NumberMention", "NumberScale", "RoundPrecision", "read", "read_bare_digits",
           "read_base", "read_found", "unchecked_mention"]

NumberScale = Literal["count", "ratio", "factor", "duration"]
RoundPrecision = Literal["implied", "exact"]
"""How whole numbers of 100 and over are read: at the precision their digits imply, or exactly."""


@attrs.frozen(kw_only=True)
class Number:
    """A number as stated: its words, its point value, the values it allows, its scale, and the
    base it is per: a number (`per`), and for a rate per unit of time the unit (`per_unit`)."""

    text: str
    value: float
    interval: Interval
    scale: NumberScale = attrs.field(validator=attrs.validators.in_(get_args(NumberScale)))
    per: float | None = None
    per_unit: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(g.PER_UNITS)))

    def __attrs_post_init__(self) -> None:
        if not self.interval.contains(self.value):
            raise ValueError(f"{self.text!r}: value {self.value} is not in {self.interval}")
        if self.per is not None and not (math.isfinite(self.per) and self.per > 0):
            raise ValueError(f"{self.text!r}: per-base {self.per} must be positive")
        if self.per_unit is not None and self.per is None:
            raise ValueError(f"{self.text!r}: per {self.per_unit} needs a base (per=1)")


@attrs.frozen(kw_only=True)
class NumberMention:
    """A number found in a longer text, with its offsets in that text."""

    start: int
    end: int
    number: Number

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad mention span {self.start}:{self.end}")


def unchecked_mention(start: int, end: int, number: Number) -> NumberMention:
    """`NumberMention(start=start, end=end, number=number)` without its check of the span, for
    the reader, whose spans are those of regex matches (0 <= start <= end): mentions are made by
    the hundred thousand, and this takes two thirds of the time of attrs' __init__ and the check."""
    mention: NumberMention = object.__new__(NumberMention)
    object.__setattr__(mention, "start", start)
    object.__setattr__(mention, "end", end)
    object.__setattr__(mention, "number", number)
    return mention


# --- reading a match ---------------------------------------------------------------------------

_MAX_DIGITS = 400  # longer runs of digits are identifiers, and overflow floats anyway
_HALF = Fraction(1, 2)


_AS_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The letters other than ASCII ones that the grammar, ignoring case, matches as an ASCII letter
(dotted and dotless i, long s, the Kelvin sign): a word the grammar matched is looked up as
the word it matched as ("f\u0131ve" is five; `str.lower` would give no known word)."""


def _lower(word: str) -> str:
    """A matched word as the grammar's word lists hold it: in lower case, in ASCII letters."""
    return word.translate(_AS_ASCII).lower()


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", _lower(text.strip()))


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
    for token in re.split(r"[-\s]+", _lower(words)):
        if token == "a":
            total = 1
        elif token in g.UNITS:
            total += g.UNITS[token]
        elif token in g.TENS:
            total += g.TENS[token]
        elif token == "hundred":
            total = (total or 1) * 100
        elif token == "dozen":
            total = (total or 1) * 12
    return total


def _whole_half(value: Fraction, implied: Fraction, bare: bool, mode: RoundPrecision) -> Fraction:
    """The half-width of a whole number read as a count: below 100 exact when bare, else to
    the unit ('about 20' as 'about twenty'); from 100 up by `mode`, or the precision its
    digits or words imply."""
    if abs(value) < 100:
        return Fraction(0) if bare else _HALF
    return Fraction(0) if mode == "exact" else implied


def _measure_half(value: Fraction, implied: Fraction, mode: RoundPrecision) -> Fraction:
    """The half-width of a whole amount of a measure (a duration): to the unit below 100."""
    return implied if abs(value) >= 100 and mode == "implied" else _HALF


def _fraction_interval(value: Fraction) -> tuple[Fraction, Fraction]:
    """The ratios nearer to this fraction word than to its neighbours in the vocabulary."""
    ladder = [Fraction(0), *sorted(set(g.FRACTIONS.values())), Fraction(1)]
    i = ladder.index(value)
    return (ladder[i - 1] + value) / 2, (value + ladder[i + 1]) / 2


def _hedged(kind: str, v: Fraction, lo: ExtendedReal, hi: ExtendedReal) -> tuple[ExtendedReal, ExtendedReal]:
    nine, eleven = v * Fraction(9, 10), v * Fraction(11, 10)
    if kind == "about":
        return min(lo, nine, eleven), max(hi, nine, eleven)
    if kind == "almost":
        return min(nine, v), max(nine, v)
    if kind == "just over":
        return min(v, eleven), max(v, eleven)
    if kind == "more":
        return v, math.inf
    return (Fraction(0) if v >= 0 else -math.inf), v


def _nearest(q: ExtendedReal, text: str) -> float:
    try:
        return float(q)
    except OverflowError:
        raise NumberError(f"{text!r} is too large a number") from None


@functools.lru_cache(maxsize=4096)
def read_bare_digits(digits: str, text: str, mode: RoundPrecision) -> Number | None:
    """A bare number written in digits ('2,221', '24.5', '2010') read with integer arithmetic:
    the same Number the general path makes with fractions (int / int is correctly rounded, as
    is float(Fraction)), or None when it is long enough to need the general path. Cached: a
    Number is immutable, and texts state the same years and figures again and again."""
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
    elif n < 100 or mode == "exact":
        return Number(text=text, value=float(n), scale="count", interval=Interval.point(float(n)))
    else:
        half_units = 10 ** (len(plain) - len(plain.rstrip("0")))
    return Number(text=text, value=float(n), scale="count",
                  interval=Interval(lo=(2 * n - half_units) / 2, hi=(2 * n + half_units) / 2))


def _bare_digits(m: re.Match[str]) -> bool:
    """Whether a match is digits alone, with nothing around them that changes their reading:
    a hedge, sign or currency sign would stand before them, a multiplier, per cent or unit of
    time after them, and any other form is another branch of the pattern, without digits."""
    return m.span("digits") == m.span("num" if "num" in m.re.groupindex else 0)


def _amount(text: str) -> Fraction:
    """The amount of one part of a duration: digits, number words, 'a', 'an' or 'half a'."""
    key = _key(text)
    if key[0].isdigit() or key[0] == ".":
        return _digits_value(key)[0]
    if key.startswith("half"):
        return _HALF
    return Fraction(1) if key in ("a", "an") else Fraction(_words_value(key))


def _duration(text: str, start: int, end: int, mode: RoundPrecision) -> tuple[Fraction, Fraction, int]:
    """The seconds of the duration text[start:end], half its precision, and where it ends: at
    the last part whose unit is smaller than the one before ('5 minutes 2 hours' stops at
    '5 minutes')."""
    value, half, stop = Fraction(0), Fraction(0), start
    previous: ExtendedReal = math.inf
    for part in g.COMPONENT.finditer(text, start, end):
        unit = g.UNIT_SECONDS[g.TIME_UNITS[_lower(part["unit"])]]
        if unit >= previous:
            break
        amount_text = part["amount"]
        amount = _amount(amount_text)
        halved = bool(part["half1"] or part["half2"])
        value += (amount + (_HALF if halved else 0)) * unit
        if halved or _key(amount_text).startswith("half"):
            half = unit / 4
        elif amount_text[0].isdigit() or amount_text[0] == ".":
            _, implied, integer = _digits_value(amount_text)
            half = (_measure_half(amount, implied, mode) if integer else implied) * unit
        else:
            half = unit / 2
        previous, stop = unit, part.end()
    if stop == start:
        raise NumberError(f"{text[start:end]!r} is not a duration")
    return value, half, stop


class _Found:
    """A match of the number pattern found in a longer text, equal to another exactly when
    what `read` looks at is the same in both: the character before it, its text, and where
    each of its groups is within it. The match itself is let go once read, so that a cache of
    these holds no source text."""

    __slots__ = ("key", "match")

    def __init__(self, m: re.Match[str]) -> None:
        start, end = m.span()
        self.match: re.Match[str] | None = m
        self.key: str | tuple[str, str, tuple[tuple[int, int] | None, ...]]
        if m.end("digits") == end and m.start("hedge") == start and m["sign"] is None \
                and m["cur"] is None:
            # A hedge and digits alone ('about 2,221'): the digits follow the last space and the
            # hedge ends at the space before them, so their text is all that `read` reads.
            self.key = m.group()
        else:
            self.key = (m.string[start - 1:start] if start else "", m.group(),
                        tuple([(a - start, b - start) if a >= 0 else None for a, b in m.regs]))

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Found) and self.key == other.key


@functools.lru_cache(maxsize=4096)
def _read_found(found: _Found, mode: RoundPrecision) -> tuple[Number, int]:
    assert found.match is not None
    number, end = read(found.match, mode)
    length = end - found.match.start()
    found.match = None
    return number, length


def read_found(m: re.Match[str], mode: RoundPrecision) -> tuple[Number, int]:
    """`read(m, mode)` of a match found in a longer text: a bare number in digits reads quickly,
    and anything else is read once for all the matches like it (the same words with the same
    character before them: "two thirds", "75 per cent", "one in four" come again and again)."""
    if _bare_digits(m):
        return read(m, mode)
    number, length = _read_found(_Found(m), mode)
    return number, m.start() + length


def read(m: re.Match[str], mode: RoundPrecision, stated: str | None = None) -> tuple[Number, int]:
    """The Number that a match of the number pattern states, and where it ends (before the end
    of the match when a duration runs on into a part it cannot have).  Its text is `stated`,
    or else the text it matched."""
    text = m.string
    whole = "num" if "num" in m.re.groupindex else 0
    first, end = m.start(whole), m.end(whole)
    if _bare_digits(m):
        number = read_bare_digits(m["digits"], text[first:end] if stated is None else stated, mode)
        if number is not None:
            return number, end
    scale: NumberScale = "count"
    per: float | None = None
    per_unit: str | None = None
    if m["freq"]:
        value = Fraction(g.FREQUENCIES[_lower(m["freq"])])
        lo, hi = value, value
        per, per_unit = 1.0, g.TIME_UNITS[_lower(m["funit"])]
    elif m["rnum"]:
        scale = "ratio"
        k = Fraction(m["rnum"].replace(",", "")) if m["rnum"][0].isdigit() else Fraction(
            _words_value(m["rnum"]))
        mult_word = m["rmult"] or m["rwmult"]
        n = _digits_value(m["rdigits"])[0] if m["rdigits"] else Fraction(_words_value(m["rwords"]))
        mult = g.MULTIPLIERS[_lower(mult_word)] if mult_word else 1
        n, half = n * mult, _HALF * mult
        if n == 0:
            raise NumberError(f"{m.group(0)!r} is a ratio to nothing")
        value, lo, hi = k / n, k / (n + half), k / (n - half)
    elif m["art"] or m["dur"] or m["wdur"]:
        scale = "duration"
        begin = m.start("art") if m["art"] else m.start("digits") if m["dur"] else m.start("words")
        value, half, end = _duration(text, begin, end, mode)
        lo, hi = value - half, value + half
    elif m["frac"]:
        scale = "ratio"
        value = g.FRACTIONS[_key(m["frac"]).split()[-1].split("-")[-1]]
        lo, hi = _fraction_interval(value)
    elif m["factor"]:
        scale = "factor"
        value = g.FACTORS[_key(m["factor"])]
        lo, hi = value, value
    else:
        pct = m["pct"] or m["wpct"]
        mult_word = m["sfx"] or m["mult"] or m["wmult"]
        mult = g.MULTIPLIERS[_lower(mult_word)] if mult_word else 1
        bare = not (m["hedge"] or m["sign"] or m["cur"])
        if m["digits"]:
            value, half, integer = _digits_value(m["digits"])
            year = (integer and len(m["digits"]) == 4 and 1900 <= value <= 2100
                    and not (m["sign"] or m["cur"] or mult_word))
            if integer and (pct or year):
                half = _HALF
            elif integer:
                half = _whole_half(value * mult, half * mult, bare, mode) / mult
            if m["sign"]:
                value = -value
        else:
            value = Fraction(_words_value(m["words"]))
            # To the unit of the last word: "sixteen hundred" is 1,600 +- 50, like "1,600".
            unit = 100 if _lower(m["words"]).rstrip().endswith("hundred") else 1
            half = _HALF if pct else _whole_half(value * mult, _HALF * unit * mult, bare, mode) / mult
        value, half = value * mult, half * mult
        if pct:
            scale = "ratio"
            value, half = value / 100, half / 100
        lo, hi = value - half, value + half
    xlo: ExtendedReal = lo
    xhi: ExtendedReal = hi
    if stated is None:
        stated = text[first:end]
    if m["hedge"]:
        xlo, xhi = _hedged(g.HEDGES[_key(m["hedge"])], value, lo, hi)
    number = Number(text=stated, value=_nearest(value, stated), scale=scale, per=per,
                    per_unit=per_unit,
                    interval=Interval(lo=_nearest(xlo, stated), hi=_nearest(xhi, stated)))
    return number, end


def read_base(m: re.Match[str]) -> tuple[float, str | None] | None:
    """The base of a tail ('per 100,000', 'per 24 hours', 'a day'), or None if it is not a
    usable (positive, finite) one."""
    if m["runit"]:
        return 1.0, g.TIME_UNITS[_lower(m["runit"])]
    if m["bdigits"]:
        mult_word = m["bsfx"] or m["bmult"]
        mult = g.MULTIPLIERS[_lower(mult_word)] if mult_word else 1
        digits = m["bdigits"].replace(",", "")
        if len(digits) > _MAX_DIGITS:
            return None
        try:
            base = float(Fraction(digits) * mult)
        except OverflowError:
            return None
    else:
        base = float(g.MULTIPLIERS[_lower(m["bword"])])
    unit = g.TIME_UNITS[_lower(m["bunit"])] if m["bunit"] else None
    return (base, unit) if 0 < base < math.inf else None
