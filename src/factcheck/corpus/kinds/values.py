"""Checks and readings that several kinds share: a claimed number against a quote, a word in a quote.

The tolerance rule lives here once: a claim's explicit `tolerance` replaces the precision its
number was stated with by [value - tolerance, value + tolerance].
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence

import attrs

from ...errors import FactcheckError
from ...text.intervals import Interval
from ...text.normalise import comparable_text
from ...text.numbers import Number, find_numbers, parse_number, quotes, stated_in
from .base import FieldProblem, Quote
from .cues import Lexicon


def with_tolerance(number: Number, tolerance: float | None) -> Number:
    """The number with its interval set by an explicit tolerance, when the claim gives one."""
    if tolerance is None:
        return number
    return attrs.evolve(number, interval=Interval(lo=number.value - tolerance,
                                                  hi=number.value + tolerance))


def at_precision(number: Number | None, lexicon: Lexicon) -> Number | None:
    """A claim's number read at the corpus's round-number precision (`round_precision` in
    `claims/lexicon.toml`): under "exact" a round "1,000" is 1,000, not anything from 500 to
    1,500.  A number whose interval a tolerance or a hedge already set is left as it is."""
    if number is None or lexicon.round_precision == "implied":
        return number
    try:
        implied = parse_number(number.text)
        exact = parse_number(number.text, round_precision=lexicon.round_precision)
    except FactcheckError:
        return number
    if implied.interval != number.interval or exact.interval == implied.interval:
        return number
    return attrs.evolve(number, interval=exact.interval)


def claimed_number(text: str, tolerance: float | None = None, *, per: str | None = None) -> Number:
    """The number a claim field states, with its tolerance and its base; raises NumberError."""
    number = with_tolerance(parse_number(text), tolerance)
    if per is not None:
        number = attrs.evolve(number, per=parse_number(per).value)
    return number


def number_or_none(text: str | None, tolerance: float | None = None) -> Number | None:
    """The number a field states, or None when it is absent or does not parse."""
    if text is None:
        return None
    try:
        return claimed_number(text, tolerance)
    except FactcheckError:
        return None


def check_numbers(fields: Iterable[tuple[str, str, str | None]], tolerance: float | None,
                  quotes_: Sequence[Quote]) -> list[FieldProblem]:
    """Each (field, text, per-base) whose number a quote does not state: every quote must.

    A quote's `numbers` are read first; its text is read again only when none of them matches.
    """
    problems = []
    for name, text, per in fields:
        try:
            claimed = claimed_number(text, tolerance, per=per)
        except FactcheckError as exc:
            blamed = name
            if per is not None:
                try:
                    parse_number(per)
                except FactcheckError:
                    blamed, text = "per", per
            problems.append(FieldProblem(path=(blamed,),
                                         message=f"{blamed} {text!r} is not a number: {exc.message}"))
            continue
        for quote in quotes_:
            if any(quotes(claimed, n) for n in quote.numbers) or stated_in(claimed, quote.text):
                continue
            stated = [m.number for m in find_numbers(quote.text)]
            said = ", ".join(f"{n.text!r} {n.interval}" for n in stated) or "no number"
            problems.append(FieldProblem(path=(name,), quote=quote.index, message=(
                f"{name} {text!r} {claimed.interval} is not stated in the quote, which states "
                f"{said}")))
    return problems


def check_words(field: str, word: str, quotes_: Sequence[Quote]) -> list[FieldProblem]:
    """A problem for each quote that does not contain the words stating a categorical value."""
    return [FieldProblem(path=(field,), quote=quote.index, message=(
        f"the quote does not state {word!r}; set `cue` to the quote's own words for the value "
        "if they differ")) for quote in quotes_ if comparable_text(word) not in comparable_text(quote.text)]


def check_meaning(field: str, value: str, words: str, lexicon: Lexicon) -> list[FieldProblem]:
    """A problem unless the words that state a categorical value say that value."""
    if lexicon.states_value(words, value):
        return []
    table = {"state": "states", "grade": "grades", "position": "positions"}.get(field, "states")
    return [FieldProblem(path=(field,), message=(
        f"{words!r} does not say the {field} is {value!r}; if the text says it in other words, "
        f"list them under [{table}] {value!r} in claims/lexicon.toml"))]


def find_cue(cue: str | None, quotes_: Sequence[Quote], *, what: str) -> list[FieldProblem]:
    """Problems unless the cue is given and stands in at least one quote."""
    if cue is None:
        return [FieldProblem(path=("cue",), level="warning", message=(
            f"no cue: name the words of the quote that carry {what} (`cue = \"...\"`), so the "
            "audit can prove it"))]
    if any(comparable_text(cue) in comparable_text(q.text) for q in quotes_):
        return []
    return [FieldProblem(path=("cue",), message=f"the cue {cue!r} is not in the quote")]


def positive_finite(instance: object, attribute: attrs.Attribute[float | None],
                    value: float | None) -> None:
    """An attrs validator: a tolerance is a finite number, zero or more."""
    if value is not None and not (math.isfinite(value) and value >= 0):
        raise ValueError(f"'{attribute.name}' must be a finite number of zero or more, "
                         f"got {value!r}", attribute, value)


# --- synthetic values ----------------------------------------------------------------------------


def synthetic_count(rng: random.Random, avoid: Iterable[int] = ()) -> int:
    """A count from 1,001 to 98,999 without trailing zeros (a "1,000" would be read as anything
    from 500 to 1,500), more than 50 away from every value in `avoid`."""
    avoid = tuple(avoid)
    while True:
        value = rng.randint(1001, 98999)
        if value % 10 and all(abs(value - other) > 50 for other in avoid):
            return value


def synthetic_tenths(rng: random.Random, avoid: Iterable[int] = ()) -> int:
    """A decimal in tenths (123 is 12.3) without a trailing zero, more than 1.0 from `avoid`."""
    avoid = tuple(avoid)
    while True:
        value = rng.randint(11, 999)
        if value % 10 and all(abs(value - other) > 10 for other in avoid):
            return value


def tenths_text(tenths: int) -> str:
    return f"{tenths // 10}.{tenths % 10}"


def text_tenths(text: str) -> int:
    """The inverse of `tenths_text`, for a payload being differed from."""
    whole, _, tenth = text.partition(".")
    return int(whole) * 10 + int(tenth or 0)


WINDOWS = ("day", "week", "month", "quarter", "year", "financial-year", "academic-year", "span")
"""The windows a figure may be counted over; figures of different windows are not compared."""


def window_field() -> str | None:
    """An attrs field for a figure's window: one of `WINDOWS`, or None when not stated."""
    return attrs.field(default=None,
                       validator=attrs.validators.optional(attrs.validators.in_(WINDOWS)))
