"""Partial dates (a year, a month or a day) and periods between them."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import Literal

import attrs

from ..errors import FactcheckError

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@attrs.frozen(kw_only=True, order=False, weakref_slot=False)
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
        return _last_day(self.year, self.month, self.day)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


@functools.lru_cache(maxsize=4096)
def _last_day(year: int, month: int | None, day: int | None) -> dt.date:
    """The latest day a partial date can mean: worked out once a date, since the rules ask for
    the end of the same few periods again and again."""
    month = month or 12
    return dt.date(year, month, day or calendar.monthrange(year, month)[1])


@attrs.frozen(kw_only=True, weakref_slot=False)
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


# --- comparing dates of one event, and the time between two -------------------------------------

Precision = Literal["year", "month", "day"]
PRECISIONS: tuple[Precision, ...] = ("year", "month", "day")
DateAgreement = Literal["same", "within", "near", "conflict"]
"""How two datings of one event compare, at their common precision:

- "same": equal, at the same precision;
- "within": equal at the coarser one's precision only ("March 2023" and "2023-03-15");
- "near": different, but at month or day precision and less than `NEAR_DAYS` apart (decided in
  one month, announced the next);
- "conflict": different otherwise (2023-03 and 2024-03; 2023 and 2024)."""

NEAR_DAYS = 28
"""The most days between two datings (the end of the earlier, the start of the later) that are
"near": adjacent months always are, months two apart never."""


def precision(date: PartialDate) -> Precision:
    """How precisely a date is known."""
    return "day" if date.day is not None else "month" if date.month is not None else "year"


def truncate(date: PartialDate, to: Precision) -> PartialDate:
    """The date known only to `to` (never more precise than it was)."""
    if to == "year":
        return PartialDate(year=date.year)
    if to == "month" or date.day is None:
        return PartialDate(year=date.year, month=date.month)
    return date


def common_precision(a: PartialDate, b: PartialDate) -> Precision:
    """The coarser of the two dates' precisions."""
    return PRECISIONS[min(PRECISIONS.index(precision(a)), PRECISIONS.index(precision(b)))]


def days_apart(a: PartialDate, b: PartialDate) -> int:
    """Days from the end of the earlier date to the start of the later; 0 if they overlap."""
    if a.first <= b.last and b.first <= a.last:
        return 0
    earlier, later = (a, b) if a.last < b.first else (b, a)
    return (later.first - earlier.last).days


def compare_dates(a: PartialDate, b: PartialDate) -> DateAgreement:
    """Two datings of one event compared at their common precision (see `DateAgreement`)."""
    common = common_precision(a, b)
    if truncate(a, common) == truncate(b, common):
        return "same" if precision(a) == precision(b) else "within"
    if common != "year" and days_apart(a, b) <= NEAR_DAYS:
        return "near"
    return "conflict"


def seconds_between(start: PartialDate, end: PartialDate) -> tuple[float, float]:
    """The least and the most time from a moment in the days `start` can mean to a moment in the
    days `end` can mean, in seconds, never less than zero: two events on one day are from 0 to
    86,400 seconds apart."""
    least = max(0, (end.first - start.last).days - 1)
    most = max(0, (end.last - start.first).days + 1)
    return float(least * _DAY_SECONDS), float(most * _DAY_SECONDS)


_DAY_SECONDS = 86400


# --- dates as texts state them -------------------------------------------------------------------

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_MONTH_WORDS = {name: index + 1 for index, name in enumerate(MONTHS)}
_MONTH_WORDS.update({name[:3]: index + 1 for index, name in enumerate(MONTHS) if name != "may"})
_MONTH_WORDS["sept"] = 9
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True)) + "|(?:" + "|".join(
    sorted((w for w in _MONTH_WORDS if w not in MONTHS), key=len, reverse=True)) + r")\.?"
_MENTION = re.compile(
    rf"(?<![\w-])(?:{_ORDINAL}\s+(?:of\s+)?)?({_MONTH})(?![\w-])(?:\s+{_ORDINAL}(?![\w:]))?"
    rf"(?:,?\s+((?:19|20)\d\d)(?![\w-]))?|(?<![\w.,-])((?:19|20)\d\d)(?![\w-])", re.IGNORECASE)


@attrs.frozen(kw_only=True)
class DateMention:
    """What some words say of a date: the year, month and day they name (None where they do not),
    and the words."""

    year: int | None
    month: int | None
    day: int | None
    text: str


def find_dates(text: str) -> list[DateMention]:
    """The dates a text names: a capitalised month with its day or year ("3 May", "May 3rd,
    2023", "March 2023", "Nov"), or a bare year from 1900 to 2099 ("in 2023")."""
    found = []
    for match in _MENTION.finditer(text):
        day_before, month, day_after, year, bare_year = match.groups()
        if bare_year is not None:
            found.append(DateMention(year=int(bare_year), month=None, day=None,
                                     text=match.group(0)))
            continue
        if month[0].islower():
            continue  # 'may', 'march' as words, not months
        day = day_before or day_after
        if day is not None and not 1 <= int(day) <= 31:
            day = None
        found.append(DateMention(year=int(year) if year else None,
                                 month=_MONTH_WORDS[month.casefold().rstrip(".")],
                                 day=int(day) if day else None, text=match.group(0)))
    return found


def mention_says(mention: DateMention, date: PartialDate) -> bool:
    """Whether a mention states a date at the date's own precision, with nothing that differs:
    the year must be stated; the month and day too when the date has them."""
    if mention.year != date.year:
        return False
    if date.month is not None and mention.month != date.month:
        return False
    return date.day is None or mention.day == date.day


def mention_disagrees(mention: DateMention, date: PartialDate) -> str | None:
    """What a mention names that the date is not (a year, month or day), or None."""
    if mention.year is not None and mention.year != date.year:
        return f"the year {mention.year}"
    if mention.month is not None and date.month is not None and mention.month != date.month:
        return f"the month {MONTHS[mention.month - 1].capitalize()}"
    if mention.day is not None and date.day is not None and mention.day != date.day:
        return f"the day {mention.day}"
    return None


def mention_coarser(mention: DateMention, date: PartialDate) -> bool:
    """Whether a mention that names a month or year is less precise than the date (it names no
    month, or no day, that the date has)."""
    if mention.month is None and mention.year is None:
        return False
    if date.month is not None and mention.month is None:
        return True
    return date.day is not None and mention.day is None
