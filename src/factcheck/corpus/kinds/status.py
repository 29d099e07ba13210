"""The `status` kind: a categorical state of an item, a monitoring level, a cause of concern open."""

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
from .rating import AREAS
from .values import check_meaning, check_words


@attrs.frozen(kw_only=True, weakref_slot=False)
class Status(Claim):
    """A categorical state of an item: a monitoring level, a cause of concern open or closed.
    `cue` is the quote's own words for the state when they differ ('remaining' for 'open');
    `wording` is its older name."""

    kind: Literal["status"] = "status"
    item: str = text_field()
    state: str = text_field()
    wording: str | None = None
    cue: str | None = None


@attrs.frozen(kw_only=True)
class StatusValue(ClaimValue):
    """A status claim's payload."""

    kind: Literal["status"] = "status"
    item: str
    state: str
    wording: str | None = None
    cue: str | None = None

    def describe(self) -> str:
        return f"{self.item}: {self.state}"


def _check(claim: Status, quotes: Sequence[Quote], lexicon: Lexicon) -> Iterable[FieldProblem]:
    """The state's words are in every quote, and say that state."""
    words = claim.cue or claim.wording or claim.state
    return [*check_words("state", words, quotes),
            *check_meaning("state", claim.state, words, lexicon)]


def _encode(claim: Status) -> StatusValue:
    return StatusValue(item=claim.item, state=claim.state, wording=claim.wording, cue=claim.cue)


def _synthesise(rng: random.Random, subject: str, like: Mapping[str, Any] | None) -> SyntheticClaim:
    if like is None:
        area, state = rng.choice(AREAS), rng.choice(("open", "closed"))
    else:
        area = like["item"].removeprefix("cause of concern on ")
        state = "closed" if like["state"] == "open" else "open"
    return SyntheticClaim(
        fields={"item": f"cause of concern on {area}", "state": state},
        sentence=f"In {{period}}, {{who}} said the cause of concern on {area} at {{name}} was "
                 f"{state}.")


KIND: ClaimKind[Status] = ClaimKind(
    name="status", record=Status, family="categorical",
    key_fields=("item",),
    number=no_number, category=lambda claim: claim.state, check_value=_check,
    check_references=no_references, number_fields=(), value_type=StatusValue, encode=_encode,
    schema=value_schema("status", {"item": STRING, "state": STRING, "wording": OPTIONAL_STRING,
                                    "cue": OPTIONAL_STRING},
                        required=("item", "kind", "state")),
    synthesise=_synthesise)
