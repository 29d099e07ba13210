"""The `ranking` kind: a position in a comparison set, 'the highest rate of any force'."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from ..records import Claim, text_field
from .base import (
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
from .cues import Lexicon
from .rate import MEASURES
from .values import check_meaning, check_words


@attrs.frozen(kw_only=True, weakref_slot=False)
class Ranking(Claim):
    """A position in a comparison set: 'the highest rate of any force in England and Wales'.
    `cue` is the quote's own words for the position when they differ from it (`wording` is its
    older name)."""

    kind: Literal["ranking"] = "ranking"
    measure: str = text_field()
    position: str = text_field()
    among: str = text_field()
    wording: str | None = None
    cue: str | None = None


@attrs.frozen(kw_only=True)
class RankingValue(ClaimValue):
    """A ranking claim's payload."""

    kind: Literal["ranking"] = "ranking"
    measure: str
    position: str
    among: str
    wording: str | None = None
    cue: str | None = None

    def describe(self) -> str:
        return f"{self.position} among {self.among} ({self.measure})"


def _check(claim: Ranking, quotes: Sequence[Quote], lexicon: Lexicon) -> Iterable[FieldProblem]:
    words = claim.cue or claim.wording or claim.position
    return [*check_words("position", words, quotes),
            *check_meaning("position", claim.position, words, lexicon)]


def _encode(claim: Ranking) -> RankingValue:
    return RankingValue(measure=claim.measure, position=claim.position, among=claim.among,
                        wording=claim.wording, cue=claim.cue)


def _synthesise(rng: random.Random, subject: str, like: Mapping[str, Any] | None) -> SyntheticClaim:
    if like is None:
        measure, position = rng.choice(MEASURES)[0], rng.choice(("highest", "lowest"))
    else:
        measure = like["measure"]
        position = "lowest" if like["position"] == "highest" else "highest"
    return SyntheticClaim(
        fields={"measure": measure, "position": position, "among": "districts in the region"},
        sentence=f"In {{period}}, {{who}} said {{name}} had the {position} rate of {measure} of "
                 "any district in the region.")


KIND: ClaimKind[Ranking] = ClaimKind(
    name="ranking", record=Ranking, family="categorical",
    key_fields=("measure", "among"),
    number=no_number, category=lambda claim: claim.position, check_value=_check,
    check_references=no_references, number_fields=(), value_type=RankingValue, encode=_encode,
    schema=value_schema("ranking", {"measure": STRING, "position": STRING, "among": STRING,
                                    "wording": OPTIONAL_STRING,
                                    "cue": OPTIONAL_STRING},
                        required=("among", "measure", "position")),
    synthesise=_synthesise)
