"""The records a corpus is made of: sources, parties, claims, relations and verdicts.

Every record is frozen, slotted and keyword-only. Behaviour lives in the modules
that use these records, never here.
"""

from __future__ import annotations

import sys
from typing import Any, Literal

import attrs
from attrs import validators as v

from ..text.dates import PartialDate, Period

SourceKind = str
"""A kind of source: one of the corpus's `source_kinds` (`SOURCE_KINDS` unless it declares its own)."""
Role = str
"""A party's role: one of the corpus's `roles` (`ROLES` unless it declares its own)."""
SOURCE_KINDS: tuple[str, ...] = ("news", "press-release", "inspection-report", "statement")
"""The kinds of source a corpus may use when its sources.toml declares none."""
ROLES: tuple[str, ...] = ("watchdog", "force", "pcc", "government", "mayor", "staff-association",
                          "press", "other")
"""The roles a party may play when the corpus's parties.toml declares none."""

ID_CHECK = v.matches_re(r"^[a-z0-9][a-z0-9._-]*$")
"""The validator of an identifier (a record's `id`)."""
_ID = ID_CHECK
_ID_LIKE = v.and_(v.instance_of(str), v.min_len(1))


def _nonempty(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """An empty string is a field left to fill in: say so at the field."""
    if not value:
        raise ValueError(f"'{attribute.name}' must not be empty", attribute, 1, value)


_IS_STR = v.instance_of(str)
AT_LEAST_ONE: Any = v.min_len(1)
"""The validator of an array that may not be empty (a claim's evidence)."""


def text_check(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """`instance_of(str)`, then `_nonempty`, in one call: a million claims have millions of
    text fields. Anything but a plain string is left to `instance_of`, which says why."""
    if type(value) is not str:
        _IS_STR(instance, attribute, value)
    if not value:
        raise ValueError(f"'{attribute.name}' must not be empty", attribute, 1, value)


def text_field() -> str:
    """An attrs field for a non-empty string."""
    return attrs.field(validator=text_check)


def shared(value: str) -> str:
    """The converter of a `shared_text_field`: a string held once, however many records hold it."""
    return sys.intern(value) if type(value) is str else value


def shared_text_field() -> str:
    """An attrs field for a non-empty string that many records repeat (the source of each quote
    of it, a figure many claims state): held once, however many records hold it."""
    return attrs.field(validator=text_check, converter=shared)


@attrs.frozen(kw_only=True)
class Source:
    """A document claims are drawn from, pinned by the sha256 of its text."""

    id: str = attrs.field(validator=_ID)
    path: str = text_field()
    title: str = text_field()
    publisher: str = text_field()
    published: Period
    """When it was published: one partial date, or a range ("2023-01/2023-03") when the
    evidence for the date gives only that."""
    kind: str = text_field()
    """One of the corpus's source kinds (`SOURCE_KINDS` unless sources.toml declares its own)."""
    sha256: str = attrs.field(validator=v.matches_re(r"^[0-9a-f]{64}$"))
    url: str | None = None
    date_evidence: str | None = None
    author: str | None = None
    """The person who wrote the source; in a letter or statement, the speaker of every quote."""
    party: str | None = None
    """The party whose own words the source is (a press release, a letter, an article by its
    outlet): its claims there need no attribution in the text."""


@attrs.frozen(kw_only=True)
class Party:
    """An organisation that makes claims, with its role in the story."""

    id: str = attrs.field(validator=_ID)
    name: str = text_field()
    role: str = text_field()
    """One of the corpus's roles (`ROLES` unless parties.toml declares its own)."""
    aliases: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Speaker:
    """A person who speaks for a party, with the names texts use for them."""

    id: str = attrs.field(validator=_ID)
    party: str = text_field()
    name: str = text_field()
    title: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@attrs.frozen(kw_only=True)
class Topic:
    """A key of the corpus's topic vocabulary."""

    id: str = attrs.field(validator=_ID)
    description: str = text_field()


@attrs.frozen(kw_only=True)
class GradingScale:
    """An ordered grading scale, best grade first."""

    id: str = attrs.field(validator=_ID)
    grades: tuple[str, ...] = attrs.field(validator=v.min_len(2))


@attrs.frozen(kw_only=True, weakref_slot=False)
class Evidence:
    """The exact words that carry a claim, after the W3C TextQuoteSelector."""

    source: str = shared_text_field()
    quote: str = text_field()
    prefix: str | None = None
    suffix: str | None = None


# No weak reference slot here, in the kinds, or in the other records an audit holds millions
# of (evidence, origins, anchors, results, dates): 8 bytes less each.
@attrs.frozen(kw_only=True, weakref_slot=False)
class Claim:
    """What every claim has: who says it, about what and when, and the words that carry it.

    Each claim kind subclasses it with a `kind` field that defaults to the kind's name and the
    fields of its value (see `factcheck.corpus.kinds`).
    """

    kind: str

    id: str = attrs.field(validator=_ID)
    party: str = text_field()
    subject: str = text_field()
    topic: str = text_field()
    period: Period
    evidence: tuple[Evidence, ...] = attrs.field(validator=AT_LEAST_ONE)
    speaker: str | None = None
    stated: PartialDate | None = None
    forecast: bool = False
    note: str | None = None
    reported_by: str | None = None
    """The party that carries another party's claim (a newspaper restating the watchdog): then
    `party` is whose claim it is, and the rules check it against that party's own claims."""
    same_as: str | None = None
    """The id of a claim this one repeats (one statement carried by another source): the rules
    count the two as one statement."""
    deadline: PartialDate | None = None
    """Set on a target: the value is promised by this date ("out of engage by June 2024"). A
    target is never compared as a fact; the `target` rule says whether it was met."""


RelationKind = Literal["sum", "share", "change", "count", "membership", "duration"]
RELATION_KINDS: tuple[RelationKind, ...] = ("sum", "share", "change", "count", "membership",
                                            "duration")


@attrs.frozen(kw_only=True)
class Relation:
    """A declared arithmetic link between claims, checked with interval arithmetic.

    - sum: the `add` claims less the `subtract` claims make the `total` claim.
    - share: the `part` claim divided by the `whole` claim is the `share` claim.
    - change: from the `start` claim to the `end` claim is the `change` claim.
    - count: the number of `members` claims is the `total` claim.
    - membership: each of the `members` claims (one party's list of a set) is about an item
      that one of the `against` claims (another party's list) is about.
    - duration: the time from the `start` event claim to the `end` event claim is what the
      `duration` claim states ("almost three years", "within 15 minutes", "in under eight
      months"): a quantity whose value reads as a duration.
    """

    id: str = attrs.field(validator=_ID)
    kind: RelationKind = attrs.field(validator=v.in_(RELATION_KINDS))
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
    against: tuple[str, ...] = ()
    duration: str | None = None


@attrs.frozen(kw_only=True)
class Term:
    """A thing claims of a topic are about (a measure, an item, an area, a proposition...), named
    once, with the other names claims may use for it. `field` limits it to claims whose key names
    the thing in that field (`measure`, `proposition`, `about`...). A topic's claims may then
    use no other name in that field (in any field, for terms without one)."""

    topic: str = text_field()
    name: str = text_field()
    field: str | None = None
    aliases: tuple[str, ...] = ()
    description: str | None = None


@attrs.frozen(kw_only=True)
class Exclusive:
    """Propositions of which at most one can hold at a time ("it was the Chief Inspector's
    decision", "it was the Inspector's decision"): two parties holding two of them clash."""

    propositions: tuple[str, ...] = attrs.field(validator=v.min_len(2))
    topic: str | None = None
    note: str | None = None


@attrs.frozen(kw_only=True)
class Verdict:
    """A reviewer's decision on one finding, or on a whole dispute (every finding in it that has
    no verdict of its own)."""

    finding: str | None = attrs.field(default=None, validator=v.optional(_ID_LIKE))
    dispute: str | None = attrs.field(default=None, validator=v.optional(_ID_LIKE))
    verdict: Literal["upheld", "dismissed", "explained"] = attrs.field(
        validator=v.in_(("upheld", "dismissed", "explained")))
    note: str = text_field()
    reviewer: str | None = None

    def __attrs_post_init__(self) -> None:
        if (self.finding is None) == (self.dispute is None):
            raise ValueError("a verdict names either a `finding` or a `dispute`, not both nor "
                             "neither")

    @property
    def judges(self) -> str:
        """The id of the finding or dispute this verdict is on."""
        return self.finding or self.dispute or ""


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


@attrs.frozen(kw_only=True, weakref_slot=False)
class Origin:
    """Where a record was written: its file and the line its table starts on."""

    file: str
    line: int | None = None
