"""The `rate` kind: an amount per base, '24.5 offences per 100,000 population'."""

from __future__ import annotations

import functools
import math
import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from ...errors import FactcheckError
from ...text.numbers import Number, parse_number
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
from .values import (
    check_numbers,
    number_or_none,
    positive_finite,
    synthetic_tenths,
    tenths_text,
    text_tenths,
    window_field,
)


def _positive_base(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """The base of a rate is a number above zero: 'per 100,000', never 'per 0'."""
    try:
        base = parse_number(value).value
    except FactcheckError as exc:
        raise ValueError(f"{value!r} is not a number: {exc.message}", attribute) from None
    if not (math.isfinite(base) and base > 0):
        raise ValueError(f"the base of a rate must be a number above zero, got {value!r}", attribute)


@attrs.frozen(kw_only=True, weakref_slot=False)
class Rate(Claim):
    """An amount per base: '24.5 offences per 100,000 population'."""

    kind: Literal["rate"] = "rate"
    measure: str = text_field()
    value: str = shared_text_field()
    per: str = attrs.field(validator=[attrs.validators.instance_of(str), _positive_base])
    unit: str = text_field()
    tolerance: float | None = attrs.field(default=None, validator=positive_finite)
    window: str | None = window_field()


@attrs.frozen(kw_only=True)
class RateValue(ClaimValue):
    """A rate claim's payload; `interval` is what `value` allows per `per` of the base."""

    kind: Literal["rate"] = "rate"
    measure: str
    value: str
    per: str
    unit: str
    tolerance: float | None = None
    window: str | None = None
    interval: Bounds | None = None

    def describe(self) -> str:
        return f"{self.value} {self.unit} per {self.per} ({self.measure})"


def _number(claim: Rate) -> Number | None:
    """The rate per one unit of its base, so rates on different bases compare."""
    return _per_one(claim.value, claim.tolerance, claim.per)


@functools.lru_cache(maxsize=4096)
def _per_one(value: str, tolerance: float | None, per: str) -> Number | None:
    """`_number` of a rate's fields, worked out once for each: claims state the same rates
    again and again, and dividing an interval exactly is slow."""
    number = number_or_none(value, tolerance)
    base = number_or_none(per)
    if number is None or base is None or base.value <= 0:
        return None
    return attrs.evolve(number, value=number.value / base.value,
                        interval=number.interval / base.value, per=None)


def _check(claim: Rate, quotes: Sequence[Quote], lexicon: Lexicon) -> Iterable[FieldProblem]:
    return check_numbers([("value", claim.value, claim.per)], claim.tolerance, quotes)


def _encode(claim: Rate) -> RateValue:
    number = number_or_none(claim.value, claim.tolerance)
    return RateValue(measure=claim.measure, value=claim.value, per=claim.per, unit=claim.unit,
                     tolerance=claim.tolerance, window=claim.window,
                     interval=None if number is None else bounds(number.interval))


MEASURES = (("offences", "people", "100,000"), ("complaints", "officers", "1,000"),
            ("arrests", "residents", "10,000"))


def _synthesise(rng: random.Random, subject: str, like: Mapping[str, Any] | None) -> SyntheticClaim:
    if like is None:
        noun, population, per = rng.choice(MEASURES)
        tenths = synthetic_tenths(rng)
    else:
        noun, per = like["unit"], like["per"]
        population = like["measure"].rsplit(" ", 1)[-1]
        tenths = synthetic_tenths(rng, [text_tenths(like["value"])])
    value = tenths_text(tenths)
    return SyntheticClaim(
        fields={"measure": f"{noun} per {per} {population}", "value": value, "per": per,
                "unit": noun},
        sentence=f"In {{period}}, {{who}} said {{name}} recorded {value} {noun} per {per} "
                 f"{population}.")


KIND: ClaimKind[Rate] = ClaimKind(
    name="rate", record=Rate, family="numeric",
    key_fields=("measure", "unit", "window"),
    number=_number, category=no_category, check_value=_check, check_references=no_references,
    number_fields=("value", "per"), value_type=RateValue, encode=_encode,
    schema=value_schema("rate", {"measure": STRING, "value": STRING, "per": STRING,
                                 "unit": STRING, "tolerance": OPTIONAL_NUMBER,
                                 "window": OPTIONAL_STRING, "interval": INTERVAL},
                        required=("measure", "per", "unit", "value"),
                        description="interval is of the stated value, per `per` of the base."),
    synthesise=_synthesise)
