"""Partial dates (a year, a month or a day) and periods between them."""

from __future__ import annotations

import calendar
import datetime as dt
import re

import attrs

from ..errors import FactcheckError

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@attrs.frozen(kw_only=True, order=False)
class PartialDate:
    """A date known to the year, the month or the day, keeping that precision."""

    year: int = attrs.field(validator=attrs.validators.and_(
        attrs.validators.ge(1), attrs.validators.le(9999)))
    month: int | None = attrs.field(default=None, validator=attrs.validators.optional(
        attrs.validators.and_(attrs.validators.ge(1), attrs.validators.le(12))))
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.day is not None:
            if self.month is None:
                raise ValueError("a day needs a month")
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"day {self.day} is not in {self.year}-{self.month:02d}")

    @property
    def first(self) -> dt.date:
        """The earliest day this date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> dt.date:
        """The latest day this date can mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


@attrs.frozen(kw_only=True)
class Period:
    """A span of time a claim is about, from the start of one partial date to the end of another."""

    start: PartialDate
    end: PartialDate

    def __attrs_post_init__(self) -> None:
        if self.end.last < self.start.first:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    @property
    def first(self) -> dt.date:
        return self.start.first

    @property
    def last(self) -> dt.date:
        return self.end.last

    def overlaps(self, other: Period) -> bool:
        return self.first <= other.last and other.first <= self.last

    def __str__(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}/{self.end}"


def parse_date(value: object) -> PartialDate:
    """Read '2021', '2021-05', '2021-05-06' or a TOML date into a PartialDate."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PartialDate(year=value.year, month=value.month, day=value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        shown = (str(value).lower() if isinstance(value, bool) else repr(value)
                 if isinstance(value, float) else f"a {type(value).__name__}")
        raise FactcheckError(f"expected a date like '2021', '2021-05' or '2021-05-06', got {shown}")
    match = _DATE.match(value.strip())
    if not match:
        raise FactcheckError(f"{value!r} is not a date like '2021', '2021-05' or '2021-05-06'")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        return PartialDate(year=year, month=month, day=day)
    except ValueError as exc:
        raise FactcheckError(f"{value!r} is not a real date: {exc}") from None


def parse_period(value: object) -> Period:
    """Read a partial date, 'START/END', or a TOML date into a Period."""
    if isinstance(value, str) and "/" in value:
        start_text, _, end_text = value.partition("/")
        start, end = parse_date(start_text), parse_date(end_text)
    else:
        start = end = parse_date(value)
    try:
        return Period(start=start, end=end)
    except ValueError as exc:
        raise FactcheckError(str(exc)) from None
