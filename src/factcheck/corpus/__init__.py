"""The corpus layer: the records a corpus is made of, its claim kinds, and loading them from files."""

from __future__ import annotations

from ..text.anchoring import Anchor
from .corpus import Corpus
from .kinds import ClaimKind, ClaimValue, KindRegistry, builtin_kinds, installed_kinds
from .kinds.assessment import Assessment
from .kinds.cause import Cause
from .kinds.change import Change
from .kinds.event import Event
from .kinds.quantity import Quantity
from .kinds.ranking import Ranking
from .kinds.rate import Rate
from .kinds.rating import Rating
from .kinds.stance import Stance
from .kinds.status import Status
from .records import (
    Claim,
    CoverageConfig,
    Evidence,
    Exclusive,
    GradingScale,
    Ignore,
    Origin,
    Party,
    Relation,
    Source,
    Speaker,
    Term,
    Topic,
    Verdict,
)

__all__ = [
    "Anchor",
    "Assessment",
    "Cause",
    "Change",
    "Claim",
    "ClaimKind",
    "ClaimValue",
    "Corpus",
    "CoverageConfig",
    "Event",
    "Evidence",
    "Exclusive",
    "GradingScale",
    "Ignore",
    "KindRegistry",
    "Origin",
    "Party",
    "Quantity",
    "Ranking",
    "Rate",
    "Rating",
    "Relation",
    "Source",
    "Speaker",
    "Stance",
    "Status",
    "Term",
    "Topic",
    "Verdict",
    "builtin_kinds",
    "installed_kinds",
]
