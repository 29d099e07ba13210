"""The `assessment` kind: a proposition the party says holds, or does not hold."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs
from attrs import validators as v

from ...text.numbers import Number
from ..records import Claim, text_field
from .base import (
    BOOLEAN,
    STRING,
    ClaimKind,
    ClaimValue,
    FieldProblem,
    SyntheticClaim,
    no_number,
    no_references,
    value_schema,
)

Resolution = Literal["resolved", "in-progress", "more-to-do"]
RESOLUTIONS: tuple[Resolution, ...] = ("resolved", "in-progress", "more-to-do")


@attrs.frozen(kw_only=True)
class Assessment(Claim):
    """A proposition the party says holds, or does not hold.

    `cue` is the words of the quote that carry the judgement ("is not effectively addressing");
    `resolution` says whether the claim calls an issue resolved, being worked on, or still
    needing work, for the rule that compares such claims with the watchdog's findings."""

    kind: Literal["assessment"] = "assessment"
    proposition: str = text_field()
    holds: bool = attrs.field(validator=v.instance_of(bool))
    cue: str | None = None
    resolution: Resolution | None = attrs.field(
        default=None, validator=v.optional(v.in_(RESOLUTIONS)))


@attrs.frozen(kw_only=True)
class AssessmentValue(ClaimValue):
    """An assessment claim's payload."""

    kind: Literal["assessment"] = "assessment"
    proposition: str
    holds: bool


def category(claim: Assessment) -> str:
    return "holds" if claim.holds else "does not hold"


def _check(claim: Assessment, quote: str, known: Sequence[Number]) -> Iterable[FieldProblem]:
    """Nothing beyond the quote anchoring, yet: which words carry the judgement is not recorded."""
    return ()


def _encode(claim: Assessment) -> AssessmentValue:
    return AssessmentValue(proposition=claim.proposition, holds=claim.holds)


SUBJECTS = ("staffing", "response times", "custody", "call handling", "offender management",
            "investigations", "neighbourhood policing", "the budget", "training", "complaints")


def _synthesise(rng: random.Random, subject: str, like: Mapping[str, Any] | None) -> SyntheticClaim:
    if like is None:
        what, holds = rng.choice(SUBJECTS), rng.random() < 0.5
    else:
        what = like["proposition"].removeprefix(f"{subject} manages ").removesuffix(" effectively")
        holds = not like["holds"]
    verb = "manages" if holds else "does not manage"
    return SyntheticClaim(
        fields={"proposition": f"{subject} manages {what} effectively", "holds": holds},
        sentence=f"In {{period}}, {{who}} said {{name}} {verb} {what} effectively.")


KIND: ClaimKind[Assessment] = ClaimKind(
    name="assessment", record=Assessment, family="categorical",
    key=lambda claim: (claim.proposition,),
    number=no_number, category=category, check_value=_check, check_references=no_references,
    number_fields=(), value_type=AssessmentValue, encode=_encode,
    schema=value_schema("assessment", {"proposition": STRING, "holds": BOOLEAN},
                        required=("holds", "proposition")),
    synthesise=_synthesise)
