"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from factcheck.corpus import (
    Assessment,
    Cause,
    Change,
    Claim,
    Evidence,
    Quantity,
    Ranking,
    Rate,
    Rating,
    Stance,
    Status,
    builtin_kinds,
)
from factcheck.text.dates import PartialDate, Period
from factcheck.text.intervals import Interval

# --- numbers -----------------------------------------------------------------------------------


def _grouped(n: int) -> str:
    return f"{n:,}"


@st.composite
def formatted_numbers(draw: st.DrawFn) -> tuple[str, Fraction]:
    """A number written the way reports write it, with the exact value it states."""
    kind = draw(st.sampled_from(["int", "grouped", "decimal", "percent", "million"]))
    n = draw(st.integers(min_value=0, max_value=10**9))
    if kind == "int":
        return str(n), Fraction(n)
    if kind == "grouped":
        return _grouped(n), Fraction(n)
    places = draw(st.integers(min_value=1, max_value=3))
    decimal = f"{n % 10**6}.{draw(st.integers(0, 10**places - 1)):0{places}d}"
    if kind == "decimal":
        return decimal, Fraction(decimal)
    if kind == "percent":
        digits = draw(st.sampled_from([str(n % 1000), decimal]))
        suffix = draw(st.sampled_from(["%", " per cent", " percent"]))
        return digits + suffix, Fraction(digits) / 100
    digits = draw(st.sampled_from([str(n % 1000), decimal]))
    word, factor = draw(st.sampled_from([(" million", 10**6), (" thousand", 10**3),
                                         (" billion", 10**9), ("m", 10**6), ("bn", 10**9)]))
    return digits + word, Fraction(digits) * factor


_FINITE = st.floats(allow_nan=False, allow_infinity=False)


@st.composite
def finite_intervals(draw: st.DrawFn) -> Interval:
    a, b = draw(_FINITE), draw(_FINITE)
    return Interval(lo=min(a, b), hi=max(a, b))


@st.composite
def intervals_with_points(draw: st.DrawFn) -> tuple[Interval, float]:
    """A finite interval and a value inside it."""
    interval = draw(finite_intervals())
    return interval, draw(st.floats(min_value=interval.lo, max_value=interval.hi))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    """Any interval, possibly unbounded at either end."""
    lo = draw(st.floats(allow_nan=False, max_value=1e300) | st.just(float("-inf")))
    hi = draw(st.floats(allow_nan=False, min_value=max(lo, -1e300)) | st.just(float("inf")))
    return Interval(lo=lo, hi=max(lo, hi))


_FILLER = ["the", "police", "officers", "per", "cent", "about", "more", "than", "a", "one",
           "third", "half", "over", "under", "million", "offences", "population", "in", "by",
           "Covid-19", "24th", "10:30", "2023-11-24", "no", "one-off", "someone", "twenty",
           "five", "hundred", "and", "dozen", "doubled", "£", "%", "-", ",", ".", "(", ")"]


@st.composite
def texts_with_numbers(draw: st.DrawFn) -> str:
    """Running text mixing words, punctuation and written numbers."""
    parts = draw(st.lists(st.sampled_from(_FILLER) | formatted_numbers().map(lambda p: p[0]),
                          max_size=25))
    seps = draw(st.lists(st.sampled_from([" ", "  ", "", ", ", ". ", "\n"]),
                         min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=True))


noisy_texts = st.text(alphabet="0123456789 ,.%-£:/aemkbnperctoh", max_size=40)


# --- records of the data model -------------------------------------------------------

identifiers = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,12}", fullmatch=True)
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ’“”–,.", min_size=1, max_size=30).filter(
    lambda s: s.strip() != "")


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    year = draw(st.integers(1990, 2030))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return PartialDate(year=year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return PartialDate(year=year, month=month)
    return PartialDate(year=year, month=month, day=draw(st.integers(1, 28)))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start, end = draw(partial_dates()), draw(partial_dates())
    if end.last < start.first:
        start, end = end, start
    if end.last < start.first:
        end = start
    return Period(start=start, end=end)


evidences = st.builds(Evidence, source=identifiers, quote=words,
                      prefix=st.none() | words, suffix=st.none() | words)
numbers_as_text = st.sampled_from(["2,221", "25 per cent", "a third", "five", "24.5", "1,000"])
_common = {
    "id": identifiers, "party": identifiers, "subject": identifiers, "topic": identifiers,
    "period": periods(), "evidence": st.lists(evidences, min_size=1, max_size=3).map(tuple),
    "speaker": st.none() | identifiers, "stated": st.none() | partial_dates(),
    "forecast": st.booleans(), "note": st.none() | words,
}
claims = st.one_of(
    st.builds(Quantity, measure=words, value=numbers_as_text, unit=words,
              tolerance=st.none() | st.floats(0, 100), **_common),
    st.builds(Rate, measure=words, value=numbers_as_text, per=st.just("100,000"), unit=words,
              **_common),
    st.builds(Change, measure=words, direction=st.sampled_from(["increase", "decrease"]),
              by=st.none() | numbers_as_text, from_value=st.none() | numbers_as_text, **_common),
    st.builds(Rating, scale=identifiers, area=words, grade=words, wording=st.none() | words,
              **_common),
    st.builds(Status, item=words, state=words, **_common),
    st.builds(Assessment, proposition=words, holds=st.booleans(), **_common),
    st.builds(Ranking, measure=words, position=words, among=words, **_common),
    st.builds(Stance, stance=st.sampled_from(["disputes", "accepts"]), target_party=identifiers,
              about=words, target=st.none() | identifiers, **_common),
    st.builds(Cause, outcome=words, cause=words, **_common),
)


@st.composite
def synthesised_claims(draw: st.DrawFn) -> Claim:
    """A claim of any built-in kind, its payload made by the kind's own synthetic fragment, so a
    kind added to the registry is covered without a strategy of its own."""
    registry = builtin_kinds()
    kind = registry.kinds[draw(st.sampled_from(registry.names))]
    subject = draw(identifiers)
    payload = kind.synthesise(draw(st.randoms(use_true_random=False)), subject, None).fields
    common = {name: draw(strategy) for name, strategy in _common.items() if name != "subject"}
    return kind.record(subject=subject, **common, **payload)
