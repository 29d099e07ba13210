"""Numbers stated in texts, read as intervals that carry the precision they were stated with.

A number in a news report is rarely exact: "2,221" means something that rounds to 2,221, "1,000"
may be any amount that rounds to a thousand.  Each stated number therefore becomes a `Number`
whose `interval` holds every value the statement is compatible with, and two statements
contradict exactly when their intervals do not meet.  The grammar (which texts are numbers) is
in `factcheck.text.grammar`; the rules that give each form its value and interval are these.

Precision rules (a half-width is half a unit of the last stated digit unless said otherwise):

- Decimals: "24.5" -> [24.45, 24.55], "2.50" -> [2.495, 2.505] (zeros after a decimal point are
  significant).
- Small counts are exact: a whole number below 100 stated with no hedge, sign or currency sign,
  in digits or in words, counts discrete things and is read exactly: "three" -> [3, 3],
  "11" -> [11, 11], "0" -> [0, 0], "a dozen" -> [12, 12].  Under a hedge it is read to the unit
  before the hedge applies ("about five" -> [4.5, 5.5]), as are signed and currency amounts
  ("-5" -> [-5.5, -4.5], "£5" -> [4.5, 5.5]).
- Whole numbers of 100 and over follow the setting `round_precision` of `parse_number` and
  `find_numbers`.  "implied" (the default) reads them at the precision of their last non-zero
  digit, the widest reading of what was written: "2,221" -> [2220.5, 2221.5], "350" -> [345, 355],
  "1,200" -> [1150, 1250], "1,000" -> [500, 1500]; words at the unit of their last word:
  "two hundred and fifty" -> [249.5, 250.5], "sixteen hundred" -> [1550, 1650] (like "1,600"),
  "three million" -> [2.5e6, 3.5e6].  "exact" reads
  them as stated: "1,000" -> [1000, 1000], "three million" -> [3e6, 3e6].
- Years: a bare four-digit integer from 1900 to 2100 (no separator, sign, currency, multiplier
  or per cent) is read at unit precision under either setting: "2010" -> [2009.5, 2010.5].
- "thousand", "million", "billion", "trillion" and the suffixes "k", "m", "mn", "bn" glued to
  the digits ("£2.9m") multiply both the value and its precision: "2.94 million" ->
  [2,935,000, 2,945,000], "3 million" -> [2.5e6, 3.5e6].
- Per cent ("25%", "25 per cent", "25 percent", "5 percentage points") is normalised to a ratio
  (scale "ratio"): "25%" -> 0.25 in [0.245, 0.255].  Percentages are conventionally rounded to
  whole per cent, so a whole percentage is read at unit precision: "90%" -> [0.895, 0.905].
- Fraction words (scale "ratio") are read against their own vocabulary: 1/10, 1/5, 1/4, 1/3,
  1/2, 2/3, 3/4, closed below by 0 and above by 1.  A word covers every ratio nearer to it than
  to its neighbours, from the midpoint with the one below to the midpoint with the one above:
  "a third" -> [7/24, 5/12], "a tenth" -> [0.05, 0.15], "three quarters" -> [17/24, 7/8].
- "k in N", "k in every N", "k out of N" (scale "ratio") are the ratio k/N.  The whole number k
  is taken as stated and N to the unit, the precision the words have ("one in four" is said of
  anything from one in 3.5 to one in 4.5): "one in four" -> 0.25 in [1/4.5, 1/3.5], "two out of
  five" -> [2/5.5, 2/4.5]; with a multiplier N is read to half a unit of it: "one in a million"
  -> [1/1.5e6, 1/5e5].  Not a ratio when N is a year ("3 in 2021") or a span of time.
- Factor words (scale "factor") are exact: "doubled", "doubling" -> [2, 2], "tripled",
  "tripling", "trebled", "trebling" -> 3, "quadrupled", "quadrupling" -> 4, "halved",
  "halving" -> 0.5.
- Durations (scale "duration") are in seconds: an amount and a unit of time (seconds, minutes,
  hours, days, weeks, months, years, and "sec", "min", "hr", "yr" with their plurals), or
  several in decreasing order ("1 hour 20 minutes", "2 minutes and 30 seconds"), "an hour",
  "half an hour", "a minute and a half", "one and a half hours", "18-month".  A month is
  365.25/12 days, a year 365.25 days.  They are measures, not counts: the precision is half a
  unit of the last (smallest) stated unit, "three years" -> 3 years +- half a year,
  "2 minutes 30 seconds" -> [149.5, 150.5], "an hour" -> [1800, 5400]; a quarter of it when that
  part is a half ("a minute and a half" -> [75, 105]); a decimal amount keeps its digits
  ("2.5 hours" -> 2.5 +- 0.05 hours); a whole amount of 100 and over follows `round_precision`
  ("300 days" -> +- 50 days, or +- half a day under "exact").  "a second" is the ordinal.
- Hedges before a number widen its interval, and are part of the number's text:
  - "about", "around", "approximately", "roughly", "some", "circa" -> [0.9v, 1.1v] joined with
    the number's own interval ("around 1,000" -> [500, 1500], "about 2,221" -> [1998.9, 2443.1]);
  - bounds take the stated value v itself as the threshold, closed, whatever the precision of
    v: "fewer than", "less than", "under", "below", "up to", "at most", "no more than",
    "within" -> [0, v] ([-inf, v] when v is negative), so "fewer than 10" -> [0, 10] and
    "within 15 minutes" -> [0, 900]; "more than", "over", "above", "at least", "in excess of",
    "upwards of", "no fewer than", "no less than" -> [v, inf];
  - "almost", "nearly", "just under", "just below", "just short of", "approaching" -> [0.9v, v];
    "just over", "just above" -> [v, 1.1v] (for a negative v, the same magnitudes).
- Rates.  "per <base>" ("24.5 per 100,000") sets `per` to the base, taken exactly.  "per", "a"
  or "an" and a unit of time ("220 crimes a day", "3 calls per hour", "1,000 a week") set
  `per` to 1 and `per_unit` to the unit ("day", "week", "month", "year", "hour", "minute",
  "second"); "per 24 hours" sets `per` 24 and `per_unit` "hour"; "once", "twice", "thrice"
  are only numbers with such a unit ("twice a year" -> 2 per year, the unit in the span).  Up to
  three words may stand between the number and its base or unit ("1.55 offences per 1,000
  population"), but not, before a unit of time, a word that makes it a span of time ("for",
  "over", "in", "within", ...), nor when the unit goes on "ago", "later", "or", ...  In running
  text (`find_numbers`) a numeric base is a number of its own too; "a day" after a rate is not.
- Not numbers: digits glued to letters ("24th", "M6", "Covid-19", "3pm"), times ("10:30"),
  dates written with digits only ("24/11/2023", "2023-11-24") and "one-off", "no one".

Quoting (`quotes`): a claimed number quotes a stated one when they have the same scale, `per`
and `per_unit` and each one's value lies in the other's interval.  A count per a numeric base
and a ratio state the same thing, so "around one" per 5 is compared with the ratio "around one
in five" as the ratio 1/5 in [0.5/5, 1.5/5].  `stated_in` also offers the bare amount of a
stated rate per unit of time or of a one-part duration to a claimed count without a unit of
time ("350" is in "350 per month", "11" in "11 months"), as claims record their unit apart.

Interval bounds of stated numbers are computed exactly and then rounded to the nearest float;
rounding is monotone, so comparisons between stated numbers are exact.  Interval arithmetic is
computed exactly and rounded outward, so a result contains every pointwise result.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable

import attrs

from ..errors import NumberError
from . import grammar as g
from .reading import (
    Number,
    NumberMention,
    NumberScale,
    RoundPrecision,
    read,
    read_bare_digits,
    read_base,
    read_found,
    unchecked_mention,
)

__all__ = [
    "Number",
    "NumberMention",
    "NumberScale",
    "RoundPrecision",
    "find_numbers",
    "parse_number",
    "quotes",
    "stated_in",
]

# --- the public functions ----------------------------------------------------------------------

@functools.lru_cache(maxsize=32768)  # a claim field's figure, a few hundred bytes each
def parse_number(text: str, *, round_precision: RoundPrecision = "implied") -> Number:
    """Read a text that is one number expression, such as 'about 25 per cent', '£2.9m',
    'within 15 minutes', 'one in four' or '220 crimes a day'.

    Cached: a Number is immutable, and claims state the same values again and again."""
    m = g.FULL.fullmatch(text)
    if m is None:
        raise NumberError(f"{text!r} is not a number this tool can read")
    number, end = read(m, round_precision, text.strip())
    tail = m
    if end != m.end("num"):  # a duration cut short: '12 hours' of '12 hours a day'
        rest = g.TAIL_END.fullmatch(text, end)
        if rest is None:
            raise NumberError(f"{text!r} is not a number this tool can read: its units of time "
                              "are not in decreasing order")
        tail = rest
    if tail["per"] or tail["rkw"]:
        base = read_base(tail)
        if base is None:
            raise NumberError(f"{text!r} is not per a positive number")
        if number.per is not None:
            raise NumberError(f"{text!r} states its base twice")
        number = attrs.evolve(number, per=base[0], per_unit=base[1])
    return number


def find_numbers(text: str, *, round_precision: RoundPrecision = "implied") -> list[NumberMention]:
    """Every number stated in a text, in order and non-overlapping, bases and units attached."""
    found: list[tuple[int, int, Number]] = []
    plain = read_bare_digits
    match, match_digit, digit_starts = g.SCAN.match, g.SCAN_DIGIT.match, g.DIGIT_STARTS
    digits, skip = g.SCAN.groupindex["digits"], g.SCAN.groupindex["skip"]
    search, starts = _start_search(text)
    at = 0  # each place START matches in turn, -1 after the last
    if g.START.match(text) is None:
        after = search(starts, 0)
        at = -1 if after is None else after.end()
    while at >= 0:
        m = (match_digit if text[at] in digit_starts else match)(text, at)
        if m is None:
            after = search(starts, at)
            at = -1 if after is None else after.end()
            continue
        end = m.end()
        # `_bare_digits(m)`, digits alone, which `read` reads with `read_bare_digits`.
        if m.span(digits) == (at, end) and (number := plain(
                stated := m.group(), stated, round_precision)) is not None:
            found.append((at, end, number))
        elif m.start(skip) < 0:
            try:
                number, end = read_found(m, round_precision)
            except NumberError:
                pass  # hundreds of digits: not a stated amount
            else:
                found.append((at, end, number))
        after = search(starts, max(end, at + 1) - 1)
        at = -1 if after is None else after.end()
    return _attach_bases(text, found)


def _start_search(text: str) -> tuple[Callable[[str, int], re.Match[str] | None], str]:
    """How to search a text for the places after which START matches (see START_AFTER): in the
    text lowered, case-sensitively, unless lowering changes its length ('İ' lowers to two)."""
    lower = text.lower()
    if "\u017f" in lower or "\u0131" in lower:  # rare, and translate is slow
        lower = lower.translate(g.FOLD)
    if len(lower) == len(text):  # each character lowered to one: the same offsets
        return g.START_AFTER_LOWER.search, lower
    return g.START_AFTER.search, text


def _attach_bases(text: str, found: list[tuple[int, int, Number]]) -> list[NumberMention]:
    """The mentions with the base or unit of time that follows each set on it; a unit's own
    mention ('a day' in '220 crimes a day') is dropped."""
    out: list[NumberMention] = []
    dropped = -1
    quick, tail = g.TAIL_QUICK.match, g.TAIL_AFTER.match
    for i, (start, end, number) in enumerate(found):
        if i == dropped:
            continue
        # TAIL_QUICK is a cheaper pattern that every text TAIL_AFTER matches also matches.
        after = None if number.per is not None or quick(text, end) is None else tail(text, end)
        if after is None:
            out.append(unchecked_mention(start, end, number))
            continue
        following = found[i + 1] if i + 1 < len(found) else None
        keyword = after.start("per") if after["per"] else after.start("rkw")
        base = read_base(after)
        if following is not None and following[0] < after.end() and not after["per"]:
            if following[0] == keyword and following[1] <= after.end():
                dropped = i + 1  # 'a day' is the unit of this rate, not a duration
            else:
                base = None
        elif following is not None and following[0] < keyword:
            base = None  # another number stands between this one and the base
        if base is not None:
            number = attrs.evolve(number, per=base[0], per_unit=base[1])
        out.append(unchecked_mention(start, end, number))
    return out


def _as_ratio(number: Number) -> Number:
    """A count per a numeric base as the ratio it states: 'one' per 5 is 1/5."""
    if number.scale != "count" or number.per is None or number.per_unit is not None:
        return number
    return attrs.evolve(number, scale="ratio", value=number.value / number.per,
                        interval=number.interval / number.per, per=None)


def quotes(claimed: Number, stated: Number) -> bool:
    """Whether a stated number could be what a claimed number quotes: same scale, base and unit
    of time, and each one's value inside the other's interval.  A count per a numeric base is
    compared with a ratio as the ratio it states."""
    if claimed.scale != stated.scale and {claimed.scale, stated.scale} == {"count", "ratio"}:
        claimed, stated = _as_ratio(claimed), _as_ratio(stated)
    return (stated.scale == claimed.scale and stated.per == claimed.per
            and stated.per_unit == claimed.per_unit
            and stated.interval.contains(claimed.value) and claimed.interval.contains(stated.value))


def _bare_amounts(number: Number, mode: RoundPrecision) -> list[Number]:
    """What a stated rate per unit of time or one-part duration says without its unit: the 350
    of '350 per month', the 11 of '11 months', the 12 of '12 hours a day'."""
    found = []
    if number.per_unit is not None:
        number = attrs.evolve(number, per=None, per_unit=None)
        found.append(number)
    if number.scale == "duration":
        m = g.SINGLE_DURATION.fullmatch(number.text)
        if m is not None:
            with contextlib.suppress(NumberError):  # 'an hour' has no amount of its own
                found.append(parse_number(m["head"], round_precision=mode))
    return found


def stated_in(claimed: Number, text: str, *,
              round_precision: RoundPrecision = "implied") -> list[Number]:
    """The numbers of `text` that a claimed number could be quoting.  A claimed number with no
    unit of time may quote the bare amount of a stated rate per unit of time or duration."""
    found = []
    for mention in find_numbers(text, round_precision=round_precision):
        stated = mention.number
        if quotes(claimed, stated) or (claimed.per_unit is None and any(
                quotes(claimed, bare) for bare in _bare_amounts(stated, round_precision))):
            found.append(stated)
    return found
