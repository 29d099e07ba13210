"""Closed intervals of reals with outward-rounded arithmetic, and agreement between them.

Interval arithmetic is computed exactly (with fractions) and rounded outward, so a result
contains every pointwise result; an unbounded end is -inf or inf.
"""

from __future__ import annotations

import math
import sys
from fractions import Fraction
from typing import Literal

import attrs

__all__ = ["Agreement", "Interval", "agreement"]

Agreement = Literal["exact", "rounding", "conflict"]

# An exact extended real: a Fraction, or a float that is -inf or inf.
ExtendedReal = Fraction | float


def _as_float(x: float) -> float:
    return float(x)


@attrs.frozen(kw_only=True)
class Interval:
    """A closed set of reals [lo, hi]; lo may be -inf and hi inf, for unbounded readings."""

    lo: float = attrs.field(converter=_as_float)
    hi: float = attrs.field(converter=_as_float)

    def __attrs_post_init__(self) -> None:
        if math.isnan(self.lo) or math.isnan(self.hi):
            raise ValueError("an interval cannot have a NaN bound")
        if self.lo > self.hi:
            raise ValueError(f"interval lower bound {self.lo} is above its upper bound {self.hi}")
        if self.lo == math.inf or self.hi == -math.inf:
            raise ValueError("an interval of reals cannot start at inf or end at -inf")

    @classmethod
    def point(cls, x: float) -> Interval:
        """The interval holding the single value x."""
        return cls(lo=x, hi=x)

    def meets(self, other: Interval) -> bool:
        """Whether the two closed intervals share a value."""
        return self.lo <= other.hi and other.lo <= self.hi

    def contains(self, x: float) -> bool:
        return self.lo <= x <= self.hi

    @property
    def mid(self) -> float:
        """The middle; an unbounded end is the middle, and 0.0 for the whole line."""
        if math.isinf(self.lo) and math.isinf(self.hi):
            return 0.0
        if math.isinf(self.lo):
            return self.lo
        if math.isinf(self.hi):
            return self.hi
        total = self.lo + self.hi
        return total / 2 if math.isfinite(total) else self.lo / 2 + self.hi / 2

    @property
    def width(self) -> float:
        return self.hi - self.lo

    def __add__(self, other: Interval | float) -> Interval:
        b = _coerce(other)
        if b is None:
            return NotImplemented
        return _interval(_add(_ext(self.lo), _ext(b.lo)), _add(_ext(self.hi), _ext(b.hi)))

    __radd__ = __add__

    def __neg__(self) -> Interval:
        return Interval(lo=-self.hi, hi=-self.lo)

    def __sub__(self, other: Interval | float) -> Interval:
        b = _coerce(other)
        if b is None:
            return NotImplemented
        return self + (-b)

    def __rsub__(self, other: float) -> Interval:
        a = _coerce(other)
        if a is None:
            return NotImplemented
        return a - self

    def __mul__(self, other: Interval | float) -> Interval:
        b = _coerce(other)
        if b is None:
            return NotImplemented
        return _product(_ext(self.lo), _ext(self.hi), _ext(b.lo), _ext(b.hi))

    __rmul__ = __mul__

    def __truediv__(self, other: Interval | float) -> Interval:
        """Division; by an interval that contains 0 (even at an end) it is the whole line."""
        b = _coerce(other)
        if b is None:
            return NotImplemented
        if b.lo <= 0 <= b.hi:
            return Interval(lo=-math.inf, hi=math.inf)
        return _product(_ext(self.lo), _ext(self.hi), _reciprocal(b.hi), _reciprocal(b.lo))

    def __rtruediv__(self, other: float) -> Interval:
        a = _coerce(other)
        if a is None:
            return NotImplemented
        return a / self

    def __str__(self) -> str:
        return f"[{_format(self.lo)}, {_format(self.hi)}]"


def _format(x: float) -> str:
    """The shortest text that reads back as x, without a needless '.0'."""
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == 0:
        return "0"
    if x.is_integer() and abs(x) < 1e16:
        return str(int(x))
    return repr(x)


def _coerce(x: object) -> Interval | None:
    if isinstance(x, Interval):
        return x
    if isinstance(x, int | float) and not isinstance(x, bool):
        return Interval.point(float(x))
    return None


def _ext(x: float) -> ExtendedReal:
    return x if math.isinf(x) else Fraction(x)


def _reciprocal(x: float) -> ExtendedReal:
    return Fraction(0) if math.isinf(x) else 1 / Fraction(x)


def _add(x: ExtendedReal, y: ExtendedReal) -> ExtendedReal:
    # Interval invariants rule out inf + -inf: lower bounds are never inf, upper never -inf.
    if isinstance(x, float):
        return x
    if isinstance(y, float):
        return y
    return x + y


def _mul(x: ExtendedReal, y: ExtendedReal) -> ExtendedReal:
    # 0 * inf is 0 here: an unbounded end is never attained, so it cannot make a product.
    if x == 0 or y == 0:
        return Fraction(0)
    if isinstance(x, float) or isinstance(y, float):
        return math.inf if (x > 0) == (y > 0) else -math.inf
    return x * y


def _product(alo: ExtendedReal, ahi: ExtendedReal, blo: ExtendedReal, bhi: ExtendedReal) -> Interval:
    products = [_mul(x, y) for x in (alo, ahi) for y in (blo, bhi)]
    lo = products[0]
    hi = products[0]
    for p in products[1:]:
        lo = p if p < lo else lo
        hi = p if p > hi else hi
    return _interval(lo, hi)


def _interval(lo: ExtendedReal, hi: ExtendedReal) -> Interval:
    """The smallest float interval holding the exact interval [lo, hi]."""
    return Interval(lo=round_down(lo), hi=round_up(hi))


def round_down(q: ExtendedReal) -> float:
    if isinstance(q, float):
        return q
    try:
        f = float(q)
    except OverflowError:
        return -math.inf if q < 0 else sys.float_info.max
    return math.nextafter(f, -math.inf) if f > q else f


def round_up(q: ExtendedReal) -> float:
    if isinstance(q, float):
        return q
    try:
        f = float(q)
    except OverflowError:
        return math.inf if q > 0 else -sys.float_info.max
    return math.nextafter(f, math.inf) if f < q else f


def agreement(a: Interval, b: Interval, a_point: float, b_point: float) -> Agreement:
    """'conflict' if the intervals do not meet, 'exact' if the points agree, else 'rounding'."""
    if not a.meets(b):
        return "conflict"
    if math.isclose(a_point, b_point, rel_tol=1e-9):
        return "exact"
    return "rounding"
