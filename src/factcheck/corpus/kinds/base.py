"""What a claim kind is: its record class and every function the library needs for it, in one place.

A `ClaimKind` is built with keyword arguments that all must be given, so a kind that lacks a
handler (its value check, its comparison key, its report encoding...) is a type error where it
is defined, never a silent default somewhere else. Every other module dispatches through the
`KindRegistry` a corpus carries, never through `isinstance` chains.
"""

from __future__ import annotations

import abc
import math
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Generic, Literal, TypeAlias, TypeVar

import attrs

from ...errors import FactcheckError, Level, did_you_mean
from ...text.intervals import Interval
from ...text.numbers import Number
from ..records import Claim, GradingScale, Party, Source
from .cues import Lexicon

Family = Literal["numeric", "categorical", "relational"]
"""How rules compare claims of a kind: by a number, by a categorical value, or not pairwise
(a stance points at other claims)."""
FAMILIES: tuple[Family, ...] = ("numeric", "categorical", "relational")

FieldPath: TypeAlias = tuple[str | int, ...]
Bound: TypeAlias = float | None
"""An interval end in a report; None (JSON null) where the interval is unbounded on that side."""
Bounds: TypeAlias = tuple[Bound, Bound]

C = TypeVar("C", bound=Claim)


@attrs.frozen(kw_only=True)
class ClaimValue(abc.ABC):
    """The typed payload of a claim as the JSON report writes it; each kind subclasses it and
    says it in words (an abstract method, so a kind without it cannot be instantiated)."""

    kind: str

    @abc.abstractmethod
    def describe(self) -> str:
        """The value in one line of words, for readers of a report."""


@attrs.frozen(kw_only=True)
class FieldProblem:
    """Something wrong with a claim, found by its kind: the field, what, and (when one quote is
    at fault) the index of that quote among the claim's evidence."""

    path: FieldPath
    message: str
    quote: int | None = None
    level: Level = "error"


@attrs.frozen(kw_only=True)
class Quote:
    """One anchored quote of a claim, as a kind's value check reads it.

    `numbers` are the numbers the quote states; `around` is the quote's paragraph with the
    paragraphs that introduce it (where a grade's area or a speaker is named).
    """

    index: int
    source: str
    line: int
    text: str
    numbers: Sequence[Number]
    around: str


@attrs.frozen(kw_only=True)
class Names:
    """The names a claim may refer to, for a kind's reference checks at load time."""

    parties: Mapping[str, Party]
    scales: Mapping[str, GradingScale]
    claims: Mapping[str, Claim]
    sources: Mapping[str, Source]


@attrs.frozen(kw_only=True)
class SyntheticClaim:
    """A kind's fragment of a synthetic corpus: the payload fields and the sentence carrying them.

    `sentence` holds the placeholders `{period}`, `{who}` and `{name}` (the subject's name).
    """

    fields: Mapping[str, Any]
    sentence: str


ValueCheck = Callable[[C, Sequence[Quote], Lexicon], Iterable[FieldProblem]]
"""(claim, its anchored quotes, the corpus's lexicon) -> what the quotes do not say of the value."""
Synthesise = Callable[[random.Random, str, "Mapping[str, Any] | None"], SyntheticClaim]
"""(random generator, subject id, payload to differ from or None) -> a claim's payload and sentence.
Given a payload, the result has the same comparison key and a different value."""


@attrs.frozen(kw_only=True)
class ClaimKind(Generic[C]):
    """One kind of claim: its record and everything the layers above need to handle it.

    - `key_fields`: what, beyond subject, topic and kind, two claims must share to be compared;
      the first names the thing the claim is about (its measure, area, item, proposition...),
      which a corpus's vocabulary may give aliases.
    - `number` and `category`: the value rules compare (a number, or a word such as a grade).
    - `check_value`: what the quotes do not state of the claim's value (empty when all agrees).
    - `check_references`: names the claim uses that the corpus does not declare.
    - `number_fields`: fields that may be written as bare TOML or JSON numbers.
    - `value_type`, `encode` and `schema`: the claim's value in the JSON report, and its schema.
    - `synthesise`: the kind's part of the synthetic corpus generator.
    """

    name: str
    record: type[C]
    family: Family
    key_fields: tuple[str, ...]
    number: Callable[[C], Number | None]
    category: Callable[[C], str | None]
    check_value: ValueCheck[C]
    check_references: Callable[[C, Names], Iterable[FieldProblem]]
    number_fields: tuple[str, ...]
    value_type: type[ClaimValue]
    encode: Callable[[C], ClaimValue]
    schema: Mapping[str, Any]
    synthesise: Synthesise

    def key(self, claim: C) -> tuple[str, ...]:
        """The values of the key fields: what the claim is about, as written."""
        return tuple(str(getattr(claim, name)) for name in self.key_fields)

    @property
    def description(self) -> str:
        """The first line of the record's docstring."""
        lines = (self.record.__doc__ or "").strip().splitlines()
        return lines[0] if lines else self.name


@attrs.frozen(kw_only=True)
class KindRegistry:
    """The claim kinds a corpus may use, by name. A corpus carries the registry it was loaded with."""

    kinds: Mapping[str, ClaimKind[Any]]

    def of(self, claim: Claim) -> ClaimKind[Any]:
        """The kind of a claim; a claim of an unregistered kind is a bug of the caller."""
        try:
            return self.kinds[claim.kind]
        except KeyError:
            raise FactcheckError(f"claim {claim.id!r} is of kind {claim.kind!r}, which is not "
                                 f"registered (kinds: {', '.join(self.kinds)})") from None

    def __contains__(self, name: object) -> bool:
        return name in self.kinds

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.kinds)

    def in_family(self, *families: Family) -> tuple[str, ...]:
        """The names of the kinds of the given families, in registration order."""
        return tuple(name for name, kind in self.kinds.items() if kind.family in families)


def make_registry(kinds: Iterable[ClaimKind[Any]], *, origin: Mapping[str, str] | None = None,
                  ) -> KindRegistry:
    """A registry of `kinds`; two kinds of one name are an error naming where each came from."""
    found: dict[str, ClaimKind[Any]] = {}
    origin = origin or {}
    for kind in kinds:
        if not isinstance(kind, ClaimKind):
            raise FactcheckError(f"{kind!r} is not a factcheck ClaimKind")
        check_kind(kind)
        if kind.name in found:
            where = origin.get(kind.name, "a kind pack")
            raise FactcheckError(f"claim kind {kind.name!r} is registered twice ({where})")
        found[kind.name] = kind
    return KindRegistry(kinds=found)


def check_kind(kind: ClaimKind[Any]) -> None:
    """Refuse a kind whose record cannot carry its name: the `kind` field must default to it."""
    fields = attrs.fields_dict(kind.record) if attrs.has(kind.record) else {}
    default = fields["kind"].default if "kind" in fields else None
    if default != kind.name:
        raise FactcheckError(f"claim kind {kind.name!r}: its record {kind.record.__name__} needs "
                             f"a field `kind: Literal[{kind.name!r}] = {kind.name!r}`")
    missing = [name for name in kind.key_fields if name not in fields]
    if not kind.key_fields or missing:
        raise FactcheckError(f"claim kind {kind.name!r}: key_fields must name fields of its record "
                             f"(not {', '.join(missing) or 'none'})")
    if kind.family not in FAMILIES:
        raise FactcheckError(f"claim kind {kind.name!r}: family {kind.family!r} is not one of "
                             f"{', '.join(FAMILIES)}")
    if not issubclass(kind.record, Claim):
        raise FactcheckError(f"claim kind {kind.name!r}: its record must subclass factcheck.Claim")


# --- helpers kinds share -------------------------------------------------------------------------


def bounds(interval: Interval) -> Bounds:
    """An interval as a report writes it: JSON has no infinity, so an unbounded end is None."""
    return (interval.lo if math.isfinite(interval.lo) else None,
            interval.hi if math.isfinite(interval.hi) else None)


def no_number(claim: Claim) -> None:
    """For kinds whose value is not a number."""
    return None


def no_category(claim: Claim) -> None:
    """For kinds whose value is not a category."""
    return None


def no_references(claim: Claim, names: Names) -> Iterable[FieldProblem]:
    """For kinds that name nothing beyond what every claim names."""
    return ()


def unknown_name(path: FieldPath, what: str, name: str, known: Mapping[str, object],
                 ) -> Iterable[FieldProblem]:
    """A problem when `name` is not among `known`, with a did-you-mean."""
    if name not in known:
        yield FieldProblem(path=path, message=f"unknown {what} {name!r}{did_you_mean(name, known)}")


# --- pieces of a kind's report schema ------------------------------------------------------------

STRING: Mapping[str, Any] = {"type": "string", "minLength": 1}
OPTIONAL_STRING: Mapping[str, Any] = {"type": ["string", "null"]}
OPTIONAL_NUMBER: Mapping[str, Any] = {"type": ["number", "null"]}
BOOLEAN: Mapping[str, Any] = {"type": "boolean"}
INTERVAL: Mapping[str, Any] = {
    "oneOf": [{"$ref": "#/$defs/interval"}, {"type": "null"}],
    "description": "The values the stated number allows; null when it does not parse."}


def one_of(*values: str) -> Mapping[str, Any]:
    return {"enum": list(values)}


def value_schema(kind: str, properties: Mapping[str, Mapping[str, Any]], *,
                 required: Iterable[str], description: str | None = None) -> Mapping[str, Any]:
    """The JSON Schema of a kind's report value: an object with `kind` and the given fields."""
    schema: dict[str, Any] = {"type": "object"}
    if description is not None:
        schema["description"] = description
    schema["required"] = sorted({"kind", *required})
    schema["properties"] = {"kind": {"const": kind}, **properties}
    schema["additionalProperties"] = False
    return schema
