"""Timelines for the HTML report: plain inline SVG, laid out here and drawn by a Jinja2 macro.

No charting library and no script: this module computes the geometry (one timeline per
subject and topic, a lane per party, each claim a mark at its period, each clash a link
between two marks) and `templates/_timeline.html.j2` writes the SVG elements, so every
label goes through the template's autoescaping.

Marks come in three shapes: a span for a claim about a period, a point for a claim about
one day, and a distinct target mark. Today every claim kind has a period, so spans and
points are all the corpus makes; event kinds (a point in time) and target kinds (a goal
for a date) are expected, and `mark_shape` is where they are told apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from itertools import pairwise
from typing import Literal

import attrs

from ..rules.findings import NEEDS_VERDICT
from .html_findings import slug
from .records import ClaimEntry, FindingEntry

MarkShape = Literal["span", "point", "target"]
POINT_KINDS: frozenset[str] = frozenset({"event"})
"""Claim kinds drawn as a point whatever their period (none of today's kinds)."""
TARGET_KINDS: frozenset[str] = frozenset({"target"})
"""Claim kinds drawn with the target mark (none of today's kinds)."""

WIDTH = 1076
LABEL = 170
"""Room on the left for the lane labels."""
RIGHT = 24
ROW = 18
LANE_GAP = 8
AXIS = 28
"""Room at the bottom for the axis and its labels."""
MIN_SPAN = 5.0
"""The narrowest a span is drawn, in pixels, so a month in a decade stays visible."""
POINT = 5.0
"""A point's radius, and the gap kept between marks sharing a row."""


@attrs.frozen(kw_only=True)
class Mark:
    """One claim on a timeline: x to x2 on the row whose centre is y."""

    claim: str
    party: str
    shape: MarkShape
    x: float
    x2: float
    y: float
    colour: int
    label: str
    clash: bool
    """Whether the claim is on a side of a contradiction or tension."""

    @property
    def centre(self) -> float:
        return (self.x + self.x2) / 2


@attrs.frozen(kw_only=True)
class Link:
    """A clash drawn between two marks, pointing at its finding."""

    finding: str
    severity: str
    path: str
    label: str


@attrs.frozen(kw_only=True)
class Lane:
    """A party's band across the timeline."""

    party: str
    name: str
    short: str
    y: float
    height: float
    colour: int
    anchor: str | None = None
    """The HTML id of the row, in a chart of single claims."""


@attrs.frozen(kw_only=True)
class Tick:
    """A labelled date on the axis."""

    x: float
    label: str


@attrs.frozen(kw_only=True)
class Timeline:
    """The claims about one subject and topic, over time."""

    id: str
    subject: str
    topic: str
    width: int
    height: float
    lanes: tuple[Lane, ...]
    marks: tuple[Mark, ...]
    links: tuple[Link, ...]
    ticks: tuple[Tick, ...]
    start: str
    end: str
    compact: bool = False
    """A chart of single claims, a row each, rather than a lane per party."""

    @property
    def axis_y(self) -> float:
        return self.height - AXIS

    @property
    def left(self) -> int:
        return LABEL

    @property
    def right(self) -> int:
        return self.width - RIGHT


def mark_shape(claim: ClaimEntry) -> MarkShape:
    """How a claim is drawn: a target mark, a point (one day, or an event) or a span."""
    if claim.kind in TARGET_KINDS:
        return "target"
    if claim.kind in POINT_KINDS or claim.period.first == claim.period.last:
        return "point"
    return "span"


def _ticks(first: dt.date, last: dt.date, x: Scale) -> tuple[Tick, ...]:
    """Year ticks, thinned to at most about eight; months when the range is short."""
    years = last.year - first.year
    if years <= 1:
        dates = [dt.date(y, m, 1) for y in range(first.year, last.year + 2) for m in (1, 4, 7, 10)]
        fmt = "%b %Y"
    else:
        step = max(1, -(-(years + 1) // 8))
        dates = [dt.date(y, 1, 1) for y in range(first.year - first.year % step, last.year + 2, step)]
        fmt = "%Y"
    return tuple(Tick(x=round(x(d), 1), label=d.strftime(fmt)) for d in dates if first <= d <= last)


class Scale:
    """Days to pixels across the plotting area."""

    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.first = first.toordinal()
        self.days = max(1, last.toordinal() - self.first)
        self.left, self.width = LABEL + POINT, WIDTH - LABEL - RIGHT - 2 * POINT

    def __call__(self, day: dt.date) -> float:
        return self.left + (day.toordinal() - self.first) / self.days * self.width


def _rows(extents: Sequence[tuple[float, float]]) -> list[int]:
    """Greedy packing: the row of each extent, sorted input, so marks in a row never touch."""
    ends: list[float] = []
    rows = []
    for lo, hi in extents:
        for row, end in enumerate(ends):
            if lo > end + POINT:
                ends[row] = hi
                rows.append(row)
                break
        else:
            ends.append(hi)
            rows.append(len(ends) - 1)
    return rows


def _extent(claim: ClaimEntry, x: Scale) -> tuple[float, float]:
    """The pixels a claim's mark takes, with room around a point so rows keep them apart."""
    lo = x(claim.period.first)
    hi = max(x(claim.period.last + dt.timedelta(days=1)), lo + MIN_SPAN)
    if mark_shape(claim) == "span":
        return lo, hi
    middle = (lo + hi) / 2
    return middle - POINT, middle + POINT


def _mark(claim: ClaimEntry, extent: tuple[float, float], y: float, *, parties: Mapping[str, str],
          colours: Mapping[str, int], clash: bool) -> Mark:
    shape = mark_shape(claim)
    lo, hi = extent if shape == "span" else (extent[0] + POINT, extent[1] - POINT)
    party = parties.get(claim.party, claim.party)
    return Mark(claim=claim.id, party=claim.party, shape=shape, x=round(lo, 1), x2=round(hi, 1),
                y=y, colour=colours.get(claim.party, 0), clash=clash,
                label=f"{claim.id} ({party}, about {claim.period}, stated {claim.stated}): "
                      f"{claim.value.describe()}")


def _span(claims: Iterable[ClaimEntry]) -> tuple[dt.date, dt.date]:
    """The first day of the earliest period and the day after the latest."""
    listed = list(claims)
    return (min(c.period.first for c in listed),
            max(c.period.last for c in listed) + dt.timedelta(days=1))


def timeline(anchor: str, subject: str, topic: str, claims: Sequence[ClaimEntry],
             findings: Iterable[FindingEntry], *, parties: Mapping[str, str],
             short: Mapping[str, str], colours: Mapping[str, int]) -> Timeline:
    """Lay out one subject and topic: lanes in party order, marks packed into rows, clash links."""
    first, last = _span(claims)
    x = Scale(first, last)
    clashes = [f for f in findings if f.severity in NEEDS_VERDICT]
    clashing = {c for f in clashes for c in f.claims}
    lanes, marks = [], []
    y = 0.0
    for party in sorted({c.party for c in claims}, key=lambda p: (parties.get(p, p), p)):
        mine = sorted((c for c in claims if c.party == party),
                      key=lambda c: (c.period.first, c.period.last, c.id))
        extents = [_extent(c, x) for c in mine]
        rows = _rows(extents)
        for claim, extent, row in zip(mine, extents, rows, strict=True):
            marks.append(_mark(claim, extent, y + LANE_GAP / 2 + row * ROW + ROW / 2,
                               parties=parties, colours=colours, clash=claim.id in clashing))
        height = (max(rows) + 1) * ROW + LANE_GAP
        lanes.append(Lane(party=party, name=parties.get(party, party),
                          short=short.get(party, parties.get(party, party)), y=y,
                          height=height, colour=colours.get(party, 0)))
        y += height
    where = {m.claim: m for m in marks}
    links = []
    for finding in clashes:
        ends = [where[c] for c in finding.claims if c in where]
        for a, b in pairwise(ends):
            bend = 28 + abs(a.y - b.y) / 4
            links.append(Link(
                finding=finding.id, severity=finding.severity,
                path=f"M{a.centre:.1f},{a.y:.1f} C{a.centre + bend:.1f},{a.y:.1f} "
                     f"{b.centre + bend:.1f},{b.y:.1f} {b.centre:.1f},{b.y:.1f}",
                label=f"{finding.severity} {finding.id} ({finding.rule}): {a.claim} and {b.claim}"))
    return Timeline(id=anchor, subject=subject, topic=topic,
                    width=WIDTH, height=y + AXIS, lanes=tuple(lanes), marks=tuple(marks),
                    links=tuple(links), ticks=_ticks(first, last, x),
                    start=str(first), end=str(last - dt.timedelta(days=1)))


def singles(claims: Sequence[ClaimEntry], *, anchors: Mapping[tuple[str, str], str],
            clashing: Collection[str], parties: Mapping[str, str],
            colours: Mapping[str, int]) -> Timeline:
    """The subjects and topics with one claim each, a row apiece on one shared time axis.

    A timeline of its own for each would repeat an axis around a single mark thousands of
    times on a large corpus; here each row still has the subject and topic's anchor.
    """
    first, last = _span(claims)
    x = Scale(first, last)
    lanes, marks = [], []
    for row, claim in enumerate(sorted(claims, key=lambda c: (c.subject, c.topic, c.id))):
        y = row * ROW
        about = f"{claim.subject} · {claim.topic}"
        lanes.append(Lane(party=claim.party, name=f"{about} ({parties.get(claim.party, claim.party)})",
                          short=about, y=y, height=ROW, colour=colours.get(claim.party, 0),
                          anchor=anchors[(claim.subject, claim.topic)]))
        marks.append(_mark(claim, _extent(claim, x), y + ROW / 2, parties=parties,
                           colours=colours, clash=claim.id in clashing))
    return Timeline(id="T-singles", subject="", topic="", width=WIDTH,
                    height=len(lanes) * ROW + AXIS, lanes=tuple(lanes), marks=tuple(marks),
                    links=(), ticks=_ticks(first, last, x), start=str(first),
                    end=str(last - dt.timedelta(days=1)), compact=True)


@attrs.frozen(kw_only=True)
class Timelines:
    """A timeline for each subject and topic with two claims or more; the rest share `singles`."""

    figures: tuple[Timeline, ...]
    singles: Timeline | None
    anchors: Mapping[tuple[str, str], str]
    """(subject, topic) to the HTML id of its timeline, or of its row in `singles`."""


def timelines(claims: Sequence[ClaimEntry], findings: Sequence[FindingEntry], *,
              parties: Mapping[str, str], short: Mapping[str, str],
              colours: Mapping[str, int]) -> Timelines:
    """Timelines by subject and topic: those with clashes first, then the busiest, then by name."""
    groups: dict[tuple[str, str], list[ClaimEntry]] = {}
    for claim in claims:
        groups.setdefault((claim.subject, claim.topic), []).append(claim)
    group_of = {c.id: (c.subject, c.topic) for c in claims}
    about: dict[tuple[str, str], list[FindingEntry]] = {}
    for finding in findings:  # a finding belongs to the timeline of each of its claims
        for key in sorted({group_of[c] for c in finding.claims if c in group_of}):
            about.setdefault(key, []).append(finding)
    anchors: dict[tuple[str, str], str] = {}
    used: set[str] = set()
    for key in sorted(groups):
        anchor = base = f"T-{slug(key[0])}--{slug(key[1])}"
        n = 1
        while anchor in used:  # two subjects that slug alike
            n += 1
            anchor = f"{base}-{n}"
        used.add(anchor)
        anchors[key] = anchor
    order = sorted((k for k in groups if len(groups[k]) > 1), key=lambda k: (
        -sum(f.severity in NEEDS_VERDICT for f in about.get(k, ())), -len(groups[k]), k))
    figures = tuple(timeline(anchors[k], k[0], k[1], groups[k], about.get(k, ()), parties=parties,
                             short=short, colours=colours) for k in order)
    lone = [g[0] for g in groups.values() if len(g) == 1]
    clashing = {c for f in findings if f.severity in NEEDS_VERDICT for c in f.claims}
    return Timelines(figures=figures, anchors=anchors, singles=singles(
        lone, anchors=anchors, clashing=clashing, parties=parties, colours=colours) if lone else None)
