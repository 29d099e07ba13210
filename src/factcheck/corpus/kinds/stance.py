"""The `stance` kind: one party disputing or accepting another party's claim or decision."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs
from attrs import validators as v

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
    one_of,
    unknown_name,
    value_schema,
)
from .cues import Lexicon, stance_by_cue
from .values import find_cue

StanceWord = Literal["disputes", "accepts"]


@attrs.frozen(kw_only=True, weakref_slot=False)
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
    targets: tuple[str, ...] = ()
    target_source: str | None = None
    cue: str | None = None

    def describe(self) -> str:
        targets = [t for t in (self.target, *self.targets) if t]
        target = f" (claim{'s' if len(targets) > 1 else ''} {', '.join(targets)})" if targets else ""
        return f"{self.stance} {self.target_party}{target} on {self.about}"


def _check(claim: Stance, quotes: Sequence[Quote], lexicon: Lexicon) -> Iterable[FieldProblem]:
    """The cue is in a quote and carries the stance: a disputing or an accepting term."""
    problems = find_cue(claim.cue, quotes, what="the stance")
    if claim.cue is not None:
        said = stance_by_cue(claim.cue, lexicon)
        if said != claim.stance:
            what = f"says it {said}" if said else "holds no disputing or accepting term"
            problems.append(FieldProblem(path=("stance",), message=(
                f"stance = {claim.stance!r}, but the cue {claim.cue!r} {what}")))
    return problems


def _references(claim: Stance, names: Names) -> Iterable[FieldProblem]:
    yield from unknown_name(("target_party",), "party", claim.target_party, names.parties)
    if claim.target is not None:
        yield from unknown_name(("target",), "claim", claim.target, names.claims)
    for index, target in enumerate(claim.targets):
        yield from unknown_name(("targets", index), "claim", target, names.claims)
    if claim.target_source is not None:
        yield from unknown_name(("target_source",), "source", claim.target_source, names.sources)


def _encode(claim: Stance) -> StanceValue:
    return StanceValue(stance=claim.stance, target_party=claim.target_party, about=claim.about,
                       target=claim.target, targets=claim.targets,
                       target_source=claim.target_source, cue=claim.cue)


def _synthesise(rng: random.Random, subject: str, like: Mapping[str, Any] | None) -> SyntheticClaim:
    """A dispute of another party's figures; a generator sets the `target_party` (here a
    placeholder) and the `target` claim, and names the other party in the `{other}` placeholder."""
    about = like["about"] if like is not None else "the figures"
    target_party = like["target_party"] if like is not None else "other-party"
    return SyntheticClaim(
        fields={"stance": "disputes", "target_party": target_party, "about": about,
                "cue": "disputed"},
        sentence=f"In {{period}}, {{who}} disputed what {{other}} said about {about} at {{name}}.")


KIND: ClaimKind[Stance] = ClaimKind(
    name="stance", record=Stance, family="relational",
    key_fields=("about", "target_party"),
    number=no_number, category=lambda claim: claim.stance, check_value=_check,
    check_references=_references, number_fields=(), value_type=StanceValue, encode=_encode,
    schema=value_schema("stance", {"stance": one_of("disputes", "accepts"),
                                   "target_party": STRING, "about": STRING,
                                   "target": OPTIONAL_STRING,
                                   "targets": {"type": "array", "items": STRING},
                                   "target_source": OPTIONAL_STRING, "cue": OPTIONAL_STRING},
                        required=("about", "stance", "target_party")),
    synthesise=_synthesise)
