"""The `rating` kind: a grade on a declared scale for a named area."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from ...errors import did_you_mean
from ..records import Claim, text_field
from .base import (
    OPTIONAL_STRING,
    STRING,
    ClaimKind,
    ClaimValue,
    FieldProblem,
    Names,
    Quote,
    SyntheticClaim,
    no_number,
    unknown_name,
    value_schema,
)
from .cues import Lexicon, content_words
from .values import check_meaning, check_words


@attrs.frozen(kw_only=True, weakref_slot=False)
class Rating(Claim):
    """A grade on a declared scale for a named area. `cue` is the quote's own words for the grade
    when they differ from it (`wording` is its older name)."""

    kind: Literal["rating"] = "rating"
    scale: str = text_field()
    area: str = text_field()
    grade: str = text_field()
    wording: str | None = None
    cue: str | None = None


@attrs.frozen(kw_only=True)
class RatingValue(ClaimValue):
    """A rating claim's payload."""

    kind: Literal["rating"] = "rating"
    scale: str
    area: str
    grade: str
    wording: str | None = None
    cue: str | None = None

    def describe(self) -> str:
        return f"{self.area}: {self.grade} ({self.scale})"


def _check(claim: Rating, quotes: Sequence[Quote], lexicon: Lexicon) -> Iterable[FieldProblem]:
    """The grade's words are in every quote, and the area is named in or just before one."""
    words = claim.cue or claim.wording or claim.grade
    problems = [*check_words("grade", words, quotes),
                *check_meaning("grade", claim.grade, words, lexicon)]
    area = content_words(claim.area)
    if area and not any(area & content_words(q.around) for q in quotes):
        problems.append(FieldProblem(path=("area",), message=(
            f"the area {claim.area!r} is not named in or just before the quote's paragraph")))
    return problems


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
    return RatingValue(scale=claim.scale, area=claim.area, grade=claim.grade,
                       wording=claim.wording, cue=claim.cue)


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
    key_fields=("area", "scale"),
    number=no_number, category=lambda claim: claim.grade, check_value=_check,
    check_references=_references, number_fields=(), value_type=RatingValue, encode=_encode,
    schema=value_schema("rating", {"scale": STRING, "area": STRING, "grade": STRING,
                                   "wording": OPTIONAL_STRING,
                                    "cue": OPTIONAL_STRING},
                        required=("area", "grade", "scale")),
    synthesise=_synthesise)
