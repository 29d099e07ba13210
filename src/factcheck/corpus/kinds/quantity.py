"""The `quantity` kind: a counted or measured amount, 'reduce its police officer numbers by 2,221'."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from ...text.numbers import Number
from ..records import Claim, shared_text_field, text_field
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
    no_category,
    no_references,
    value_schema,
)
from .cues import Lexicon
from .values import check_numbers, number_or_none, positive_finite, synthetic_count, window_field


@attrs.frozen(kw_only=True, weakref_slot=False)
class Quantity(Claim):
    """A counted or measured amount: 'reduce its police officer numbers by 2,221'."""

    kind: Literal["quantity"] = "quantity"
    measure: str = text_field()
    value: str = shared_text_field()
    unit: str = text_field()
    tolerance: float | None = attrs.field(default=None, validator=positive_finite)
    window: str | None = window_field()


@attrs.frozen(kw_only=True)
class QuantityValue(ClaimValue):
    """A quantity claim's payload; `interval` is what `value` allows, None if unparseable."""

    kind: Literal["quantity"] = "quantity"
    measure: str
    value: str
    unit: str
    tolerance: float | None = None
    window: str | None = None
    interval: Bounds | None = None

    def describe(self) -> str:
        return f"{self.value} {self.unit} ({self.measure})"


def _number(claim: Quantity) -> Number | None:
    return number_or_none(claim.value, claim.tolerance)


def _check(claim: Quantity, quotes: Sequence[Quote], lexicon: Lexicon) -> Iterable[FieldProblem]:
    return check_numbers([("value", claim.value, None)], claim.tolerance, quotes)


def _encode(claim: Quantity) -> QuantityValue:
    number = _number(claim)
    return QuantityValue(measure=claim.measure, value=claim.value, unit=claim.unit,
                         tolerance=claim.tolerance, window=claim.window,
                         interval=None if number is None else bounds(number.interval))


MEASURES = (("officers", "officers"), ("arrests", "arrests"), ("emergency calls", "calls"),
            ("open investigations", "investigations"), ("recorded crimes", "crimes"))


def _synthesise(rng: random.Random, subject: str, like: Mapping[str, Any] | None) -> SyntheticClaim:
    if like is None:
        measure, unit = rng.choice(MEASURES)
        value = synthetic_count(rng)
    else:
        measure, unit = like["measure"], like["unit"]
        value = synthetic_count(rng, [int(like["value"].replace(",", ""))])
    return SyntheticClaim(fields={"measure": measure, "value": f"{value:,}", "unit": unit},
                          sentence=f"In {{period}}, {{who}} said {{name}} had {value:,} {measure}.")


KIND: ClaimKind[Quantity] = ClaimKind(
    name="quantity", record=Quantity, family="numeric",
    key_fields=("measure", "unit", "window"),
    number=_number, category=no_category, check_value=_check, check_references=no_references,
    number_fields=("value",), value_type=QuantityValue, encode=_encode,
    schema=value_schema("quantity", {"measure": STRING, "value": STRING, "unit": STRING,
                                     "tolerance": OPTIONAL_NUMBER, "window": OPTIONAL_STRING,
                                     "interval": INTERVAL},
                        required=("measure", "unit", "value")),
    synthesise=_synthesise)
