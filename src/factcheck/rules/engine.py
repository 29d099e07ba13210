"""Run rules over a corpus, comparing only claims that can clash.

Claims are indexed by what they are about (subject, topic, kind and the measure,
area, item or proposition). Within one key a sweep over periods sorted by start
yields the pairs whose periods overlap, and each claim is paired with the next
later claims for changes over time, so the cost grows with the number of claims
and the pairs that really meet, not with the square of the corpus.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from operator import attrgetter
from typing import Any, TypeVar

import attrs

from ..corpus import Claim, ClaimKind, Corpus
from ..corpus.kinds.values import at_precision
from ..corpus.vocabulary import Vocabulary, build_vocabulary, canonical
from ..errors import FactcheckError
from ..text.dates import PartialDate, Period
from ..text.keys import normalise_key
from ..text.numbers import Number
from .findings import Deferred, Finding, Severity, Value, make_finding
from .periods import Bounds, period_bounds
from .registry import Rule

C = TypeVar("C", bound=Claim)
Key = tuple[str, ...]
_UNREAD: Any = object()


def comparable_key(claim: Claim, kind: ClaimKind[Any], vocabulary: Vocabulary | None = None) -> Key:
    """What a claim is about, finely enough that two claims with one key can be compared: its
    key fields compared as people mean them (`normalise_key`), its thing named as the topic's
    vocabulary names it."""
    written = (_key_fields(kind.key_fields)(claim) if type(kind).key is ClaimKind.key
               else kind.key(claim))
    topic = claim.topic
    thing = canonical(vocabulary or _NO_VOCABULARY, topic, written[0])
    if len(written) == 1:
        return (claim.subject, topic, claim.kind, thing)
    return (claim.subject, topic, claim.kind, thing, *map(normalise_key, written[1:]))


_NO_VOCABULARY: Vocabulary = {}


@functools.lru_cache(maxsize=64)
def _key_fields(names: tuple[str, ...]) -> Callable[[Claim], tuple[str, ...]]:
    """`ClaimKind.key` for a kind of these key fields, each field read in C (`attrgetter`)."""
    if len(names) == 1:
        read_one = attrgetter(names[0])
        return lambda claim: (str(read_one(claim)),)
    read = attrgetter(*names)
    return lambda claim: tuple(map(str, read(claim)))


@attrs.frozen(kw_only=True)
class Context:
    """What rules may consult: the corpus, claims by key, each claim's number, and which rule runs.

    `finding` builds a finding of the running rule, so a rule's id is written once, in `@rule`.
    """

    corpus: Corpus
    by_key: dict[Key, tuple[Claim, ...]]
    numbers: Mapping[str, Number]
    vocabulary: Vocabulary = attrs.field(factory=dict)
    echoes: Mapping[str, str] = attrs.field(factory=dict)
    rule: str = ""
    severities: tuple[Severity, ...] = ()
    shared: dict[Any, Any] = attrs.field(factory=dict, eq=False, repr=False)
    """Values many findings hold alike (their parties, their wording), one of each: the rules'
    contexts share it."""

    @property
    def claims(self) -> tuple[Claim, ...]:
        """The corpus's claims of fact, each statement once: less the echoes and the targets."""
        return tuple(self.iter_claims())

    def iter_claims(self) -> Iterator[Claim]:
        """The claims of `claims`, one at a time: a rule that reads them once need not make the
        tuple of a million claims."""
        echoes = self.echoes
        for claim in self.corpus.claims:
            if claim.deadline is None and claim.id not in echoes:
                yield claim

    @property
    def targets(self) -> tuple[Claim, ...]:
        """The claims that promise a value by a deadline."""
        return tuple(c for c in self.corpus.claims if c.deadline is not None)

    def key(self, claim: Claim) -> Key:
        """The claim's comparable key, under the corpus's vocabulary."""
        return comparable_key(claim, self.corpus.kinds.of(claim), self.vocabulary)

    def role(self, party: str) -> str:
        found = self.corpus.parties.get(party)
        return found.role if found else "other"

    def stated(self, claim: Claim) -> PartialDate | Period:
        return self.corpus.stated(claim)

    def kind(self, claim: Claim) -> ClaimKind[Any]:
        return self.corpus.kinds.of(claim)

    def category(self, claim: Claim) -> str | None:
        """The categorical value of a claim (a grade, a state, 'holds'), None if it has none."""
        return self.corpus.kinds.of(claim).category(claim)

    def of_kind(self, record: type[C]) -> Iterator[C]:
        """The corpus's claims of one kind, typed as that kind's record."""
        echoes = self.echoes
        for claim in self.corpus.claims:
            if isinstance(claim, record) and claim.deadline is None and claim.id not in echoes:
                yield claim

    def finding(self, *, severity: Severity, claims: Iterable[str], parties: Iterable[str],
                message: str | Deferred, subject: str | None = None, topic: str | None = None,
                values: Iterable[Value] = (), rounding: bool = False) -> Finding:
        """A finding of the rule being run; a severity the rule does not declare is its bug."""
        if self.severities and severity not in self.severities:
            raise FactcheckError(f"rule {self.rule!r} made a {severity} finding but declares only "
                                 f"{', '.join(self.severities)}")
        return make_finding(rule=self.rule, severity=severity, claims=claims, parties=parties,
                            message=message, subject=subject, topic=topic, values=values,
                            rounding=rounding, shared=self.shared)


def find_echoes(corpus: Corpus, vocabulary: Vocabulary | None = None) -> dict[str, str]:
    """Claims that repeat another, by id, with the claim they repeat: declared (`same_as`, to
    the end of a chain), or the same party and speaker saying the same thing in the same words
    in another source."""
    declared = {c.id: c.same_as for c in corpus.claims if c.same_as is not None}
    echoes: dict[str, str] = {}
    for claim_id in declared:
        root, seen = claim_id, {claim_id}
        while root in declared and declared[root] not in seen:
            root = declared[root]
            seen.add(root)
        if root != claim_id:
            echoes[claim_id] = root
    # Claims are grouped by what is cheap to compare, first by its hash alone (an int a claim,
    # not a tuple: a million claims are mostly alone); only a group of two or more needs its
    # keys compared, and each claim's number read and its quote folded.
    def said(claim: Claim, kind: ClaimKind[Any]) -> tuple[str, ...]:
        return (claim.party, claim.speaker or "", *comparable_key(claim, kind, vocabulary),
                str(kind.category(claim)))

    by_hash: dict[int, list[Claim]] = {}
    for claim in sorted(corpus.claims, key=lambda c: c.id):
        if claim.speaker is None or claim.id in echoes:
            continue
        by_hash.setdefault(hash(said(claim, corpus.kinds.of(claim))), []).append(claim)
    groups: dict[tuple[str, ...], list[tuple[Claim, ClaimKind[Any]]]] = defaultdict(list)
    for candidates in by_hash.values():
        if len(candidates) > 1:
            for claim in candidates:
                kind = corpus.kinds.of(claim)
                groups[said(claim, kind)].append((claim, kind))
    del by_hash
    found: list[tuple[str, str]] = []
    for group in groups.values():
        if len(group) < 2:
            continue
        first: dict[tuple[str, str], str] = {}
        for claim, kind in group:
            number = kind.number(claim)
            words = (number.text if number else "", normalise_key(claim.evidence[0].quote))
            if words in first:
                found.append((claim.id, first[words]))
            else:
                first[words] = claim.id
    echoes.update(sorted(found))
    return echoes


class ClaimNumbers(Mapping[str, Number]):
    """The number of each claim the rules compare (every claim but the echoes), read the first
    time a rule asks for it: most claims are never paired with another, and reading a number is
    not free. The numbers read (and the values made of them) are kept until `forget`: the pair
    rules forget a key's when they are done with it, so a million claims' numbers are never held
    at once. A rule with a claim asks `number(claim)`; by id, the claims are indexed when first
    asked for."""

    def __init__(self, corpus: Corpus, echoes: Mapping[str, str]) -> None:
        self._corpus = corpus
        self._echoes = echoes
        self._index: dict[str, Claim] | None = None
        self._read: dict[str, Number | None] = {}
        self._values: dict[str, Value] = {}

    def _claims(self) -> dict[str, Claim]:
        """The compared claims by id."""
        if self._index is None:
            self._index = {c.id: c for c in self._corpus.claims if c.id not in self._echoes}
        return self._index

    def number(self, claim: Claim) -> Number | None:
        """The claim's number; None when it has none, or is an echo (not compared)."""
        number: Number | None = self._read.get(claim.id, _UNREAD)
        if number is _UNREAD:
            if claim.id in self._echoes:
                return None
            number = self._read[claim.id] = at_precision(
                self._corpus.kinds.of(claim).number(claim), self._corpus.lexicon)
        return number

    def _number(self, claim_id: str) -> Number | None:
        """The claim's number, None when it has none; a KeyError for a claim not compared."""
        try:
            return self._read[claim_id]
        except KeyError:
            return self.number(self._claims()[claim_id])

    def value(self, claim: Claim) -> Value:
        """The claim's value as a finding holds it (its number's words and interval, else its
        category), one object for every finding on the claim until forgotten."""
        found = self._values.get(claim.id)
        if found is None:
            number = self.number(claim)
            found = self._values[claim.id] = (
                Value(claim=claim.id, stated=self._corpus.kinds.of(claim).category(claim) or "")
                if number is None else Value(claim=claim.id, stated=number.text,
                                             lo=number.interval.lo, hi=number.interval.hi))
        return found

    def forget(self, *, index: bool = False) -> None:
        """Drop the numbers and values read so far, and with `index` the index of the claims
        (each is made again if asked for)."""
        self._read.clear()
        self._values.clear()
        if index:
            self._index = None

    def __getitem__(self, claim_id: str) -> Number:
        number = self._number(claim_id)
        if number is None:
            raise KeyError(claim_id)
        return number

    def get(self, claim_id: str, default: Any = None) -> Any:
        """As `Mapping.get`, without raising and catching a KeyError for each claim without a
        number."""
        if claim_id in self._read:
            number = self._read[claim_id]
        else:
            claim = self._claims().get(claim_id)
            number = None if claim is None else self.number(claim)
        return default if number is None else number

    def __contains__(self, claim_id: object) -> bool:
        return isinstance(claim_id, str) and self.get(claim_id) is not None

    def __iter__(self) -> Iterator[str]:
        return (claim_id for claim_id in self._claims() if claim_id in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def make_context(corpus: Corpus) -> Context:
    """Index the corpus once for every rule."""
    groups: defaultdict[Key, Any] = defaultdict(list)  # lists, each made a sorted tuple in place
    vocabulary = build_vocabulary(corpus.terms)
    echoes = find_echoes(corpus, vocabulary)
    for claim in corpus.claims:
        if claim.id in echoes:
            continue
        if claim.deadline is None:
            groups[comparable_key(claim, corpus.kinds.of(claim), vocabulary)].append(claim)
    bounds = period_bounds()
    by_id = attrgetter("id")
    for key, group in groups.items():  # in place: a million claims' lists are not held twice
        if len(group) > 1:  # by (first day, last day, id): by id, then by the period's bounds
            group.sort(key=by_id)
            group.sort(key=lambda c: bounds(c.period))
        groups[key] = tuple(group)
    groups.default_factory = None  # a plain mapping from here on: a missing key is a KeyError
    return Context(corpus=corpus, by_key=groups, numbers=ClaimNumbers(corpus, echoes),
                   vocabulary=vocabulary, echoes=echoes)


def overlapping_pairs(claims: Sequence[Claim], bounds: Bounds | None = None,
                      ) -> Iterator[tuple[Claim, Claim]]:
    """Pairs whose periods overlap, from claims sorted by period start (a sweep)."""
    bounds = bounds or period_bounds()
    active: list[tuple[dt.date, Claim]] = []  # each claim with its last day
    for claim in claims:
        first, last = bounds(claim.period)
        if active:
            active = [a for a in active if a[0] >= first]
            for _, other in active:
                yield (other, claim) if other.id < claim.id else (claim, other)
        active.append((last, claim))


def sequential_pairs(claims: Sequence[Claim], bounds: Bounds | None = None,
                     ) -> Iterator[tuple[Claim, Claim]]:
    """Each claim with the claims that start first after its period has ended."""
    bounds = bounds or period_bounds()
    spans = [bounds(c.period) for c in claims]
    starts = [first for first, _ in spans]
    for claim, (_, last) in zip(claims, spans, strict=True):
        index = bisect.bisect_right(starts, last)
        if index == len(claims):
            continue
        first = starts[index]
        while index < len(claims) and starts[index] == first:
            yield claim, claims[index]
            index += 1


def run_rules(corpus: Corpus, rules: Iterable[Rule], *, context: Context | None = None,
              ) -> tuple[Finding, ...]:
    """Every finding of every rule, deduplicated by id and sorted for stable output."""
    context = make_context(corpus) if context is None else context
    rules = tuple(rules)
    found = merge_findings([pair_findings(context, rules, context.by_key),
                            corpus_findings(context, rules)])
    if isinstance(context.numbers, ClaimNumbers):
        context.numbers.forget(index=True)
    return found


def pair_findings(context: Context, rules: Sequence[Rule], keys: Iterable[Key]) -> list[Finding]:
    """The findings of the pair rules among the claims of each of `keys`, in order: the reduce
    step of an audit, which a distributed audit runs on a share of the keys at a time."""
    found: list[Finding] = []
    contexts = {rule.id: attrs.evolve(context, rule=rule.id, severities=rule.severities)
                for rule in rules}
    kinds = context.corpus.kinds.kinds
    wanted_by_kind = {name: tuple([(r.check, contexts[r.id]) for r in rules
                                   if r.scope == scope and r.applies(kind)]
                                  for scope in ("overlap", "sequence"))
                      for name, kind in kinds.items()}
    bounds = period_bounds()
    numbers = context.numbers if isinstance(context.numbers, ClaimNumbers) else None
    by_key = context.by_key
    for key in keys:
        claims = by_key[key]
        if len(claims) < 2:
            continue
        overlap, sequence = wanted_by_kind[key[2]]
        if overlap:
            for a, b in overlapping_pairs(claims, bounds):
                for check, rule_context in overlap:
                    found.extend(check(a, b, rule_context))
        if sequence:
            for a, b in sequential_pairs(claims, bounds):
                for check, rule_context in sequence:
                    found.extend(check(a, b, rule_context))
        if numbers is not None and (overlap or sequence):
            numbers.forget()  # a claim is under one key: its number is not asked again
    return found


def corpus_findings(context: Context, rules: Sequence[Rule]) -> list[Finding]:
    """The findings of the rules that look at the whole corpus at once."""
    found: list[Finding] = []
    for rule in rules:
        if rule.scope == "corpus":
            found.extend(rule.check(attrs.evolve(context, rule=rule.id,
                                                 severities=rule.severities)))
    return found


def merge_findings(parts: Iterable[Iterable[Finding]]) -> tuple[Finding, ...]:
    """Findings from parts taken in order, the first of each id kept, sorted for stable output."""
    found: dict[str, Finding] = {}
    for part in parts:
        for finding in part:
            found.setdefault(finding.id, finding)
    ordered = list(found.values())
    del found
    # By (rule, claims) in two stable sorts, without a tuple made for each of a million findings.
    ordered.sort(key=attrgetter("claims"))
    ordered.sort(key=attrgetter("rule"))
    return tuple(ordered)
