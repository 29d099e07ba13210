"""The first and last day of periods, worked out once for each period object: claims share a few
period objects, and the rules ask their bounds again and again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..text.dates import Period

Bounds = Callable[[Period], tuple[dt.date, dt.date]]
"""Gives a period's first and last day (`period_bounds`)."""


def period_bounds(size: int = 4096) -> Bounds:
    """A function giving a period's (first day, last day), worked out once for each period
    object: claims share a few period objects, and the last day of a month is not free. It
    remembers at most `size` of them, and gives one tuple for each."""
    seen: dict[int, tuple[Period, tuple[dt.date, dt.date]]] = {}

    def bounds(period: Period) -> tuple[dt.date, dt.date]:
        found = seen.get(id(period))
        if found is not None and found[0] is period:
            return found[1]
        if len(seen) >= size:
            seen.clear()
        span = (period.first, period.last)
        seen[id(period)] = (period, span)  # the period is held: its id is not reused meanwhile
        return span

    return bounds
