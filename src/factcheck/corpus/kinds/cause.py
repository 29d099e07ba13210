"""The `cause` kind: what a party says brought an outcome about."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from ...text.numbers import Number
from ..records import Claim, text_field
from .base import (
    STRING,
    ClaimKind,
    ClaimValue,
    FieldProblem,
    SyntheticClaim,
    no_number,
    no_references,
    value_schema,
)


@attrs.frozen(kw_only=True)
class Cause(Claim):
    """What a party says brought an outcome about; `cue` is the words of the quote that name the
    cause with its causal link ("as a result of a decade of cuts")."""

    kind: Literal["cause"] = "cause"
    outcome: str = text_field()
    cause: str = text_field()
    cue: str | None = None


@attrs.frozen(kw_only=True)
class CauseValue(ClaimValue):
    """A cause claim's payload."""

    kind: Literal["cause"] = "cause"
    outcome: str
    cause: str


def _check(claim: Cause, quote: str, known: Sequence[Number]) -> Iterable[FieldProblem]:
    """Nothing beyond the quote anchoring, yet: which words carry the cause is not recorded."""
    return ()


def _encode(claim: Cause) -> CauseValue:
    return CauseValue(outcome=claim.outcome, cause=claim.cause)


CAUSES = ("budget cuts", "a failure of leadership", "staff shortages", "the old operating model",
          "rising demand", "poor training")
OUTCOMES = ("the rise in response times", "the fall in arrests", "the backlog of investigations",
            "the drop in public confidence")


def _synthesise(rng: random.Random, subject: str, like: Mapping[str, Any] | None) -> SyntheticClaim:
    if like is None:
        outcome, cause = rng.choice(OUTCOMES), rng.choice(CAUSES)
    else:
        outcome = like["outcome"].removesuffix(f" in {subject}")
        cause = rng.choice([c for c in CAUSES if c != like["cause"]])
    return SyntheticClaim(fields={"outcome": f"{outcome} in {subject}", "cause": cause},
                          sentence=f"In {{period}}, {{who}} blamed {cause} for {outcome} in {{name}}.")


KIND: ClaimKind[Cause] = ClaimKind(
    name="cause", record=Cause, family="categorical",
    key=lambda claim: (claim.outcome,),
    number=no_number, category=lambda claim: claim.cause, check_value=_check,
    check_references=no_references, number_fields=(), value_type=CauseValue, encode=_encode,
    schema=value_schema("cause", {"outcome": STRING, "cause": STRING},
                        required=("cause", "outcome")),
    synthesise=_synthesise)
