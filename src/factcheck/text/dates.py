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
        raise FactcheckError(f"expected a date like '2021', '2021-05' or '2021-05-06', got {value!r}")
    match = _DATE.match(value.strip())
    if (split := _SPLIT_YEAR.match(value.strip())) and int(split.group(3)) == (
            int(split.group(1)) + 1) % 100 and not (split.group(2) == "-" and int(split.group(3)) <= 12):
        raise FactcheckError(f"{value!r} is a financial or academic year, a span of time: a date is "
                             "a year, a month or a day ('2025', '2025-03' or '2025-03-31')")
    if not match:
        raise FactcheckError(f"{value!r} is not a date like '2021', '2021-05' or '2021-05-06'")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is not None and not 1 <= month <= 12:
        raise FactcheckError(f"{value!r} is not a real date: months run from 01 to 12")
    try:
        return PartialDate(year=year, month=month, day=day)
    except ValueError as exc:
        raise FactcheckError(f"{value!r} is not a real date: {exc}") from None


_SPLIT_YEAR = re.compile(r"^(\d{4})([-/])(\d{2})$")
SPLIT_YEAR_STARTS = 4
"""The month a split year such as '2024-25' starts in: April, as financial years do in the UK and
elsewhere, so that consecutive years never overlap. Write the months ('2024-09/2025-08') for a
year that starts in another month."""


def split_year(value: str) -> Period | None:
    """A financial or academic year written '2024-25' or '2024/25', None for any other text.

    '2011-12' stays December 2011 (a month comes first); '2011/12' is the split year.
    """
    match = _SPLIT_YEAR.match(value.strip())
    if not match:
        return None
    first, separator, second = int(match.group(1)), match.group(2), int(match.group(3))
    if separator == "-" and 1 <= second <= 12:
        return None
    if second != (first + 1) % 100:
        month = " a month (01 to 12) nor" if separator == "-" else ""
        raise FactcheckError(f"{value!r} is not{month} a financial or academic year such as "
                             f"'{first}-{(first + 1) % 100:02d}', whose second year follows the first")
    if first == 9999:
        raise FactcheckError(f"{value!r} is not a real year")
    return Period(start=PartialDate(year=first, month=SPLIT_YEAR_STARTS),
                  end=PartialDate(year=first + 1, month=SPLIT_YEAR_STARTS - 1))


def parse_period(value: object) -> Period:
    """Read a partial date, 'START/END', a financial or academic year ('2024-25', '2024/25', see
    `split_year`), or a TOML date into a Period."""
    if isinstance(value, str) and (year := split_year(value)) is not None:
        return year
    if isinstance(value, str) and "/" in value:
        start_text, _, end_text = value.partition("/")
        start, end = parse_date(start_text), parse_date(end_text)
    else:
        start = end = parse_date(value)
    try:
        return Period(start=start, end=end)
    except ValueError as exc:
        raise FactcheckError(str(exc)) from None
