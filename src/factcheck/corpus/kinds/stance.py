"""The `stance` kind: one party disputing or accepting another party's claim or decision."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs
from attrs import validators as v

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
    one_of,
    unknown_name,
    value_schema,
)

StanceWord = Literal["disputes", "accepts"]


@attrs.frozen(kw_only=True)
class Stance(Claim):
    """One party disputing or accepting another party's claim or decision.

    `target` is the id of the claim disputed, `targets` several of them, `target_source` a source
    whose claims by `target_party` are all disputed ("the conclusions of the report"); `cue` is
    the words of the quote that carry the stance ("I completely disagree")."""

    kind: Literal["stance"] = "stance"
    stance: StanceWord = attrs.field(validator=v.in_(("disputes", "accepts")))
    target_party: str = text_field()
    about: str = text_field()
    target: str | None = None
    targets: tuple[str, ...] = ()
    target_source: str | None = None
    cue: str | None = None


@attrs.frozen(kw_only=True)
class StanceValue(ClaimValue):
    """A stance claim's payload."""

    kind: Literal["stance"] = "stance"
    stance: StanceWord
    target_party: str
    about: str
    target: str | None = None


def _check(claim: Stance, quote: str, known: Sequence[Number]) -> Iterable[FieldProblem]:
    """Nothing beyond the quote anchoring, yet: which words carry the stance is not recorded."""
    return ()


def _references(claim: Stance, names: Names) -> Iterable[FieldProblem]:
    yield from unknown_name(("target_party",), "party", claim.target_party, names.parties)
    if claim.target is not None:
        yield from unknown_name(("target",), "claim", claim.target, names.claims)


def _encode(claim: Stance) -> StanceValue:
    return StanceValue(stance=claim.stance, target_party=claim.target_party, about=claim.about,
                       target=claim.target)


def _synthesise(rng: random.Random, subject: str, like: Mapping[str, Any] | None) -> SyntheticClaim:
    """A dispute of another party's figures; a generator sets the `target_party` (here a
    placeholder) and the `target` claim, and names the other party in the `{other}` placeholder."""
    about = like["about"] if like is not None else "the figures"
    target_party = like["target_party"] if like is not None else "other-party"
    return SyntheticClaim(
        fields={"stance": "disputes", "target_party": target_party, "about": about},
        sentence=f"In {{period}}, {{who}} disputed what {{other}} said about {about} at {{name}}.")


KIND: ClaimKind[Stance] = ClaimKind(
    name="stance", record=Stance, family="relational",
    key=lambda claim: (claim.target_party, claim.about),
    number=no_number, category=lambda claim: claim.stance, check_value=_check,
    check_references=_references, number_fields=(), value_type=StanceValue, encode=_encode,
    schema=value_schema("stance", {"stance": one_of("disputes", "accepts"),
                                   "target_party": STRING, "about": STRING,
                                   "target": OPTIONAL_STRING},
                        required=("about", "stance", "target_party")),
    synthesise=_synthesise)
