"""The `cause` kind: what a party says brought an outcome about."""

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
from .cues import Lexicon, content_words, has_term
from .values import find_cue


@attrs.frozen(kw_only=True, weakref_slot=False)
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
    cue: str | None = None

    def describe(self) -> str:
        return f"{self.outcome}: caused by {self.cause}"


def _check(claim: Cause, quotes: Sequence[Quote], lexicon: Lexicon) -> Iterable[FieldProblem]:
    """The cue is in a quote, holds a causal link, and names the cause the claim gives."""
    problems = find_cue(claim.cue, quotes, what="the cause")
    if claim.cue is None:
        return problems
    if not has_term(claim.cue, lexicon.causal):
        problems.append(FieldProblem(path=("cue",), message=(
            f"the cue {claim.cue!r} holds no causal link (such as 'because', 'as a result of')")))
    if not content_words(claim.cue) & content_words(claim.cause):
        problems.append(FieldProblem(path=("cause",), message=(
            f"the cue {claim.cue!r} does not name the cause {claim.cause!r}")))
    return problems


def _encode(claim: Cause) -> CauseValue:
    return CauseValue(outcome=claim.outcome, cause=claim.cause, cue=claim.cue)


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
    return SyntheticClaim(fields={"outcome": f"{outcome} in {subject}", "cause": cause,
                                  "cue": f"blamed {cause}"},
                          sentence=f"In {{period}}, {{who}} blamed {cause} for {outcome} in {{name}}.")


KIND: ClaimKind[Cause] = ClaimKind(
    name="cause", record=Cause, family="categorical",
    key_fields=("outcome",),
    number=no_number, category=lambda claim: claim.cause, check_value=_check,
    check_references=no_references, number_fields=(), value_type=CauseValue, encode=_encode,
    schema=value_schema("cause", {"outcome": STRING, "cause": STRING, "cue": OPTIONAL_STRING},
                        required=("cause", "outcome")),
    synthesise=_synthesise)
