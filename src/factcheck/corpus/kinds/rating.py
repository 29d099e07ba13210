"""The `rating` kind: a grade on a declared scale for a named area."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from ...errors import did_you_mean
from ...text.numbers import Number
from ..records import Claim, text_field
from .base import (
    OPTIONAL_STRING,
    STRING,
    ClaimKind,
    ClaimValue,
    FieldProblem,
    Names,
    SyntheticClaim,
    no_number,
    unknown_name,
    value_schema,
)
from .values import check_words


@attrs.frozen(kw_only=True)
class Rating(Claim):
    """A grade on a declared scale for a named area. `wording` is the quote's own words for the
    grade when they differ from it."""

    kind: Literal["rating"] = "rating"
    scale: str = text_field()
    area: str = text_field()
    grade: str = text_field()
    wording: str | None = None


@attrs.frozen(kw_only=True)
class RatingValue(ClaimValue):
    """A rating claim's payload."""

    kind: Literal["rating"] = "rating"
    scale: str
    area: str
    grade: str
    wording: str | None = None


def _check(claim: Rating, quote: str, known: Sequence[Number]) -> Iterable[FieldProblem]:
    return check_words("grade", claim.wording or claim.grade, quote)


def _references(claim: Rating, names: Names) -> Iterable[FieldProblem]:
    missing = list(unknown_name(("scale",), "scale", claim.scale, names.scales))
    if missing:
        return missing
    grades = names.scales[claim.scale].grades
    if claim.grade in grades:
        return ()
    return [FieldProblem(path=("grade",), message=(
        f"grade {claim.grade!r} is not on scale {claim.scale!r} ({', '.join(grades)})"
        f"{did_you_mean(claim.grade, grades)}"))]


def _encode(claim: Rating) -> RatingValue:
    return RatingValue(scale=claim.scale, area=claim.area, grade=claim.grade, wording=claim.wording)


SYNTHETIC_SCALE = "grading"
SYNTHETIC_GRADES = ("outstanding", "good", "adequate", "requires improvement", "inadequate")
AREAS = ("preventing crime", "responding to the public", "investigating crime",
         "protecting vulnerable people", "managing offenders", "treating the public fairly")


def _synthesise(rng: random.Random, subject: str, like: Mapping[str, Any] | None) -> SyntheticClaim:
    if like is None:
        area, grade = rng.choice(AREAS), rng.choice(SYNTHETIC_GRADES)
    else:
        area = like["area"]
        grade = rng.choice([g for g in SYNTHETIC_GRADES if g != like["grade"]])
    return SyntheticClaim(fields={"scale": SYNTHETIC_SCALE, "area": area, "grade": grade},
                          sentence=f"In {{period}}, {{who}} graded {{name}} as {grade} at {area}.")


KIND: ClaimKind[Rating] = ClaimKind(
    name="rating", record=Rating, family="categorical",
    key=lambda claim: (claim.scale, claim.area),
    number=no_number, category=lambda claim: claim.grade, check_value=_check,
    check_references=_references, number_fields=(), value_type=RatingValue, encode=_encode,
    schema=value_schema("rating", {"scale": STRING, "area": STRING, "grade": STRING,
                                   "wording": OPTIONAL_STRING},
                        required=("area", "grade", "scale")),
    synthesise=_synthesise)
