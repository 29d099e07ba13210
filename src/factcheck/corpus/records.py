"""The records a corpus is made of: sources, parties, claims, relations and verdicts.

Every record is frozen, slotted and keyword-only. Behaviour lives in the modules
that use these records, never here.
"""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

import attrs
from attrs import validators as v

from ..text.dates import PartialDate, Period

SourceKind = Literal["news", "press-release", "inspection-report", "statement"]
Role = Literal["watchdog", "force", "pcc", "government", "mayor", "staff-association", "press", "other"]
MatchKind = Literal["exact", "normalised", "fuzzy"]

_ID = v.matches_re(r"^[a-z0-9][a-z0-9._-]*$")
_nonempty: Any = v.min_len(1)


def _text() -> str:
    return attrs.field(validator=[v.instance_of(str), _nonempty])  # type: ignore[no-any-return]


@attrs.frozen(kw_only=True)
class Source:
    """A document claims are drawn from, pinned by the sha256 of its text."""

    id: str = attrs.field(validator=_ID)
    path: str = _text()
    title: str = _text()
    publisher: str = _text()
    published: PartialDate
    kind: SourceKind = attrs.field(validator=v.in_(SourceKind.__args__))  # type: ignore[attr-defined]
    sha256: str = attrs.field(validator=v.matches_re(r"^[0-9a-f]{64}$"))
    url: str | None = None
    date_evidence: str | None = None
    author: str | None = None


@attrs.frozen(kw_only=True)
class Party:
    """An organisation that makes claims, with its role in the story."""

    id: str = attrs.field(validator=_ID)
    name: str = _text()
    role: Role = attrs.field(validator=v.in_(Role.__args__))  # type: ignore[attr-defined]
    aliases: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Speaker:
    """A person who speaks for a party, with the names texts use for them."""

    id: str = attrs.field(validator=_ID)
    party: str = _text()
    name: str = _text()
    title: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@attrs.frozen(kw_only=True)
class Topic:
    """A key of the corpus's topic vocabulary."""

    id: str = attrs.field(validator=_ID)
    description: str = _text()


@attrs.frozen(kw_only=True)
class GradingScale:
    """An ordered grading scale, best grade first."""

    id: str = attrs.field(validator=_ID)
    grades: tuple[str, ...] = attrs.field(validator=v.min_len(2))


@attrs.frozen(kw_only=True)
class Evidence:
    """The exact words that carry a claim, after the W3C TextQuoteSelector."""

    source: str = _text()
    quote: str = _text()
    prefix: str | None = None
    suffix: str | None = None


@attrs.frozen(kw_only=True)
class Anchor:
    """Where a quote was found in its source's text."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    match: MatchKind
    score: float = 100.0
    candidates: int = 1


@attrs.frozen(kw_only=True)
class _ClaimBase:
    """Fields every claim has. `wording`, where a kind has it, is the words of the quote
    that state the value when they differ from its canonical form ('remaining' for 'open')."""

    id: str = attrs.field(validator=_ID)
    party: str = _text()
    subject: str = _text()
    topic: str = _text()
    period: Period
    evidence: tuple[Evidence, ...] = attrs.field(validator=v.min_len(1))
    speaker: str | None = None
    stated: PartialDate | None = None
    forecast: bool = False
    note: str | None = None


@attrs.frozen(kw_only=True)
class Quantity(_ClaimBase):
    """A counted or measured amount: 'reduce its police officer numbers by 2,221'."""

    kind: Literal["quantity"] = "quantity"
    measure: str = _text()
    value: str = _text()
    unit: str = _text()
    tolerance: float | None = None


@attrs.frozen(kw_only=True)
class Rate(_ClaimBase):
    """An amount per base: '24.5 offences per 100,000 population'."""

    kind: Literal["rate"] = "rate"
    measure: str = _text()
    value: str = _text()
    per: str = _text()
    unit: str = _text()
    tolerance: float | None = None


@attrs.frozen(kw_only=True)
class Change(_ClaimBase):
    """A rise or fall, relative ('by a third') or absolute, with optional from and to."""

    kind: Literal["change"] = "change"
    measure: str = _text()
    direction: Literal["increase", "decrease"] = attrs.field(
        validator=v.in_(("increase", "decrease")))
    by: str | None = None
    from_value: str | None = None
    to_value: str | None = None
    unit: str | None = None
    tolerance: float | None = None


@attrs.frozen(kw_only=True)
class Rating(_ClaimBase):
    """A grade on a declared scale for a named area."""

    kind: Literal["rating"] = "rating"
    scale: str = _text()
    area: str = _text()
    grade: str = _text()
    wording: str | None = None


@attrs.frozen(kw_only=True)
class Status(_ClaimBase):
    """A categorical state of an item: a monitoring level, a cause of concern open or closed."""

    kind: Literal["status"] = "status"
    item: str = _text()
    state: str = _text()
    wording: str | None = None


@attrs.frozen(kw_only=True)
class Assessment(_ClaimBase):
    """A proposition the party says holds, or does not hold."""

    kind: Literal["assessment"] = "assessment"
    proposition: str = _text()
    holds: bool = attrs.field(validator=v.instance_of(bool))


@attrs.frozen(kw_only=True)
class Ranking(_ClaimBase):
    """A position in a comparison set: 'the highest rate of any force in England and Wales'."""

    kind: Literal["ranking"] = "ranking"
    measure: str = _text()
    position: str = _text()
    among: str = _text()
    wording: str | None = None


@attrs.frozen(kw_only=True)
class Stance(_ClaimBase):
    """One party disputing or accepting another party's claim or decision."""

    kind: Literal["stance"] = "stance"
    stance: Literal["disputes", "accepts"] = attrs.field(validator=v.in_(("disputes", "accepts")))
    target_party: str = _text()
    about: str = _text()
    target: str | None = None


@attrs.frozen(kw_only=True)
class Cause(_ClaimBase):
    """What a party says brought an outcome about."""

    kind: Literal["cause"] = "cause"
    outcome: str = _text()
    cause: str = _text()


Claim: TypeAlias = Quantity | Rate | Change | Rating | Status | Assessment | Ranking | Stance | Cause
CLAIM_KINDS: dict[str, type[Claim]] = {
    "quantity": Quantity,
    "rate": Rate,
    "change": Change,
    "rating": Rating,
    "status": Status,
    "assessment": Assessment,
    "ranking": Ranking,
    "stance": Stance,
    "cause": Cause,
}

RelationKind = Literal["sum", "share", "change", "count"]


@attrs.frozen(kw_only=True)
class Relation:
    """A declared arithmetic link between claims, checked with interval arithmetic.

    - sum: the `add` claims less the `subtract` claims make the `total` claim.
    - share: the `part` claim divided by the `whole` claim is the `share` claim.
    - change: from the `start` claim to the `end` claim is the `change` claim.
    - count: the number of `members` claims is the `total` claim.
    """

    id: str = attrs.field(validator=_ID)
    kind: RelationKind = attrs.field(validator=v.in_(("sum", "share", "change", "count")))
    note: str | None = None
    add: tuple[str, ...] = ()
    subtract: tuple[str, ...] = ()
    total: str | None = None
    part: str | None = None
    whole: str | None = None
    share: str | None = None
    start: str | None = None
    end: str | None = None
    change: str | None = None
    members: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Verdict:
    """A reviewer's decision on one finding."""

    finding: str = _text()
    verdict: Literal["upheld", "dismissed", "explained"] = attrs.field(
        validator=v.in_(("upheld", "dismissed", "explained")))
    note: str = _text()
    reviewer: str | None = None


@attrs.frozen(kw_only=True)
class Ignore:
    """Lines of a source that hold no statement worth a claim, and why."""

    source: str
    lines: tuple[int, ...]
    reason: str = attrs.field(validator=attrs.validators.min_len(3))


@attrs.frozen(kw_only=True)
class CoverageConfig:
    """The threshold under which coverage fails, extra graded words, and the ignore list."""

    threshold: float = 95.0
    graded_words: tuple[str, ...] = ()
    ignore: tuple[Ignore, ...] = ()


@attrs.frozen(kw_only=True)
class Origin:
    """Where a record was written: its file and the line its table starts on."""

    file: str
    line: int | None = None


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
    coverage: CoverageConfig = CoverageConfig()

    def claim(self, claim_id: str) -> Claim:
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        raise KeyError(claim_id)

    def stated(self, claim: Claim) -> PartialDate:
        """When the claim was made: its own `stated`, else its first source's date."""
        if claim.stated is not None:
            return claim.stated
        return self.sources[claim.evidence[0].source].published
