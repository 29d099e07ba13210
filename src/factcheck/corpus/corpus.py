"""The corpus: everything loaded from one corpus root, with the claim kinds it was loaded with."""

from __future__ import annotations

import attrs

from ..text.dates import PartialDate, Period
from .kinds import KindRegistry, builtin_kinds
from .kinds.cues import Lexicon
from .records import (
    Claim,
    CoverageConfig,
    Exclusive,
    GradingScale,
    Origin,
    Party,
    Relation,
    Source,
    Speaker,
    Term,
    Topic,
    Verdict,
)


@attrs.frozen(kw_only=True)
class Corpus:
    """Everything loaded from one corpus root, validated and cross-checked."""

    root: str
    sources: dict[str, Source] = attrs.field(eq=False)
    texts: dict[str, str] = attrs.field(eq=False, repr=False)
    parties: dict[str, Party] = attrs.field(eq=False)
    speakers: dict[str, Speaker] = attrs.field(eq=False)
    topics: dict[str, Topic] = attrs.field(eq=False)
    scales: dict[str, GradingScale] = attrs.field(eq=False)
    claims: tuple[Claim, ...]
    relations: tuple[Relation, ...] = ()
    verdicts: tuple[Verdict, ...] = ()
    origins: dict[str, Origin] = attrs.field(factory=dict, eq=False, repr=False)
    coverage: CoverageConfig = attrs.field(factory=CoverageConfig)
    kinds: KindRegistry = attrs.field(factory=builtin_kinds, eq=False, repr=False)
    lexicon: Lexicon = attrs.field(factory=Lexicon, eq=False, repr=False)
    exclusive: tuple[Exclusive, ...] = ()
    terms: tuple[Term, ...] = ()

    def claim(self, claim_id: str) -> Claim:
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        raise KeyError(claim_id)

    def stated(self, claim: Claim) -> PartialDate | Period:
        """When the claim was made: its own `stated`, else its first source's date (a range
        when the source's date is one)."""
        if claim.stated is not None:
            return claim.stated
        return self.sources[claim.evidence[0].source].published
