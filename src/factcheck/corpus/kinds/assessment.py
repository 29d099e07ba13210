"""The `assessment` kind: a proposition the party says holds, or does not hold."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs
from attrs import validators as v

from ..records import Claim, text_field
from .base import (
    BOOLEAN,
    OPTIONAL_STRING,
    STRING,
    ClaimKind,
    ClaimValue,
    FieldProblem,
    Quote,
    SyntheticClaim,
    no_number,
    no_references,
    value_schema,
)
from .cues import Lexicon, count_terms, holds_by_cue
from .values import find_cue

Resolution = Literal["resolved", "in-progress", "more-to-do"]
RESOLUTIONS: tuple[Resolution, ...] = ("resolved", "in-progress", "more-to-do")


@attrs.frozen(kw_only=True, weakref_slot=False)
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
    cue: str | None = None
    resolution: Resolution | None = None

    def describe(self) -> str:
        return f"{'holds' if self.holds else 'does not hold'}: {self.proposition}"


def category(claim: Assessment) -> str:
    return "holds" if claim.holds else "does not hold"


def _check(claim: Assessment, quotes: Sequence[Quote], lexicon: Lexicon) -> Iterable[FieldProblem]:
    """The cue is in a quote, and its negations agree with `holds`."""
    problems = find_cue(claim.cue, quotes, what="the judgement")
    if claim.cue is not None and holds_by_cue(claim.cue, lexicon) != claim.holds:
        said = "holds" if not claim.holds else "does not hold"
        problems.append(FieldProblem(path=("holds",), message=(
            f"holds = {str(claim.holds).lower()}, but the cue {claim.cue!r} says the proposition "
            f"{said} ({count_terms(claim.cue, lexicon.negative)} negative terms)")))
    return problems


def _encode(claim: Assessment) -> AssessmentValue:
    return AssessmentValue(proposition=claim.proposition, holds=claim.holds, cue=claim.cue,
                           resolution=claim.resolution)


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
        fields={"proposition": f"{subject} manages {what} effectively", "holds": holds,
                "cue": f"{verb} {what} effectively"},
        sentence=f"In {{period}}, {{who}} said {{name}} {verb} {what} effectively.")


KIND: ClaimKind[Assessment] = ClaimKind(
    name="assessment", record=Assessment, family="categorical",
    key_fields=("proposition",),
    number=no_number, category=category, check_value=_check, check_references=no_references,
    number_fields=(), value_type=AssessmentValue, encode=_encode,
    schema=value_schema("assessment", {"proposition": STRING, "holds": BOOLEAN,
                                       "cue": OPTIONAL_STRING,
                                       "resolution": {"enum": [*RESOLUTIONS, None]}},
                        required=("holds", "proposition")),
    synthesise=_synthesise)
