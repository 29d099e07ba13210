"""The `change` kind: a rise or fall, relative ('by a third') or absolute, with optional from and to."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs
from attrs import validators as v

from ...text.numbers import Number
from ..records import Claim, text_field
from .base import (
    INTERVAL,
    OPTIONAL_NUMBER,
    OPTIONAL_STRING,
    STRING,
    Bounds,
    ClaimKind,
    ClaimValue,
    FieldProblem,
    Quote,
    SyntheticClaim,
    bounds,
    no_references,
    one_of,
    value_schema,
)
from .cues import Lexicon
from .quantity import MEASURES
from .values import check_numbers, number_or_none, positive_finite, synthetic_tenths, window_field

Direction = Literal["increase", "decrease"]


@attrs.frozen(kw_only=True, weakref_slot=False)
class Change(Claim):
    """A rise or fall, relative ('by a third') or absolute, with optional from and to."""

    kind: Literal["change"] = "change"
    measure: str = text_field()
    direction: Direction = attrs.field(validator=v.in_(("increase", "decrease")))
    by: str | None = None
    from_value: str | None = None
    to_value: str | None = None
    unit: str | None = None
    tolerance: float | None = attrs.field(default=None, validator=positive_finite)
    window: str | None = window_field()


@attrs.frozen(kw_only=True)
class ChangeValue(ClaimValue):
    """A change claim's payload; `interval` is what `by` allows, when it is given and parses."""

    kind: Literal["change"] = "change"
    measure: str
    direction: Direction
    by: str | None = None
    from_value: str | None = None
    to_value: str | None = None
    unit: str | None = None
    tolerance: float | None = None
    window: str | None = None
    interval: Bounds | None = None

    def describe(self) -> str:
        amount = " ".join(f"{name.removesuffix('_value')} {text}" for name, text in (
            ("by", self.by), ("from_value", self.from_value), ("to_value", self.to_value),
            ("unit", self.unit)) if text is not None)
        return " ".join(f"{self.direction} {amount} ({self.measure})".split())


def _number(claim: Change) -> Number | None:
    return number_or_none(claim.by, claim.tolerance)


def _check(claim: Change, quotes: Sequence[Quote], lexicon: Lexicon) -> Iterable[FieldProblem]:
    stated = [(name, text, None) for name, text in (("by", claim.by), ("from_value", claim.from_value),
                                                     ("to_value", claim.to_value)) if text is not None]
    return [*check_numbers(stated, claim.tolerance, quotes), *_consistency(claim)]


def _consistency(claim: Change) -> list[FieldProblem]:
    """Warnings when a change's own figures disagree: 'rose from 7,100 to 6,500', or 'by 10%'
    from 100 to 150.  A warning, not an error: the claim may faithfully record a text that
    contradicts itself, which a reader should still be told."""
    start, end = number_or_none(claim.from_value), number_or_none(claim.to_value)
    if start is None or end is None or start.scale != end.scale:
        return []
    moved = end.interval - start.interval
    if claim.direction == "decrease":
        moved = -moved
    if moved.hi < 0:
        return [FieldProblem(path=("direction",), level="warning", message=(
            f"from {claim.from_value} to {claim.to_value} is not an {claim.direction}"))]
    by = number_or_none(claim.by, claim.tolerance)
    if by is None:
        return []
    if by.scale == "factor" and start.interval.lo > 0:
        moved = end.interval / start.interval
    elif by.scale == "ratio" and start.interval.lo > 0:
        moved = moved / start.interval
    elif by.scale != start.scale:
        return []
    if moved.meets(by.interval):
        return []
    return [FieldProblem(path=("by",), level="warning", message=(
        f"by {claim.by} {by.interval} does not fit from {claim.from_value} to {claim.to_value}, "
        f"a {claim.direction} of {moved}"))]


def _encode(claim: Change) -> ChangeValue:
    number = _number(claim)
    return ChangeValue(measure=claim.measure, direction=claim.direction, by=claim.by,
                       from_value=claim.from_value, to_value=claim.to_value, unit=claim.unit,
                       tolerance=claim.tolerance, window=claim.window,
                       interval=None if number is None else bounds(number.interval))


def _synthesise(rng: random.Random, subject: str, like: Mapping[str, Any] | None) -> SyntheticClaim:
    if like is None:
        noun = rng.choice(MEASURES)[0]
        direction = rng.choice(("increase", "decrease"))
    else:
        noun = like["measure"]
        direction = "decrease" if like["direction"] == "increase" else "increase"
    by = f"{synthetic_tenths(rng) / 10:.1f}%"
    verb = "rose" if direction == "increase" else "fell"
    return SyntheticClaim(fields={"measure": noun, "direction": direction, "by": by},
                          sentence=f"In {{period}}, {{who}} said {noun} in {{name}} {verb} by {by}.")


KIND: ClaimKind[Change] = ClaimKind(
    name="change", record=Change, family="numeric",
    key_fields=("measure", "window"),
    number=_number, category=lambda claim: claim.direction, check_value=_check,
    check_references=no_references, number_fields=("by", "from_value", "to_value"),
    value_type=ChangeValue, encode=_encode,
    schema=value_schema("change", {
        "measure": STRING, "direction": one_of("increase", "decrease"), "by": OPTIONAL_STRING,
        "from_value": OPTIONAL_STRING, "to_value": OPTIONAL_STRING, "unit": OPTIONAL_STRING,
        "tolerance": OPTIONAL_NUMBER, "window": OPTIONAL_STRING, "interval": INTERVAL},
        required=("direction", "measure"), description="interval is of `by`."),
    synthesise=_synthesise)
