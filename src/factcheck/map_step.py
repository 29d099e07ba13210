"""The map step of an audit: sources taken a few at a time, each one's numbers read once, every
claim's evidence checked and every source's coverage measured; `factcheck.auditing` runs it in
this process and `factcheck.distributed` on Dask."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

import attrs

from .checks.coverage import SourceCoverage, graded_words, source_coverage
from .checks.evidence import ClaimResult, anchor_of, check_claim
from .corpus import Anchor, Claim, Corpus
from .errors import FactcheckError
from .text.numbers import NumberMention, find_numbers

Progress = Callable[[int, int], None]
"""Called as progress(done, total) while claims are checked."""

SOURCES_PER_STEP = 64
"""Sources a map step of the in-process audit takes at once: their numbers are held together."""
Quoting = Mapping[str, Sequence[tuple[int, int]]]
"""For each source, the quotes in it: (index of the claim in the corpus, index of the evidence)."""


@attrs.frozen(kw_only=True)
class SourcesPart:
    """The map step's result for some sources: the checked claims whose home quote is in one of
    them (with each claim's index in the corpus) and the coverage of each of them (None when it
    was not asked for)."""

    results: tuple[tuple[int, ClaimResult], ...]
    coverage: tuple[SourceCoverage, ...] | None


def quoting(corpus: Corpus) -> dict[str, list[tuple[int, int]]]:
    """Where each claim quotes: for each source, (claim index, evidence index) of its quotes."""
    found: dict[str, list[tuple[int, int]]] = {}
    for index, claim in enumerate(corpus.claims):
        for number, evidence in enumerate(claim.evidence):
            found.setdefault(evidence.source, []).append((index, number))
    return found


def home_evidence(claim: Claim) -> int:
    """The index of the quote a claim is checked with: its first quote in its last source (in
    the order of source ids, the map step's order), so that by the time the claim is checked
    every source it quotes has had its step and its numbers there have been carried forward."""
    evidence = claim.evidence
    if len(evidence) == 1:
        return 0
    last = max(e.source for e in evidence)
    return next(i for i, e in enumerate(evidence) if e.source == last)


@attrs.frozen(kw_only=True)
class Carried:
    """For each claim not yet checked (by its index), what the steps of its other sources found:
    the anchor of each of its quotes there (by evidence index) and the numbers read inside them
    (by source), the part of each source's numbers its checks need."""

    anchors: dict[int, dict[int, Anchor | None]] = attrs.Factory(dict)
    numbers: dict[int, dict[str, list[NumberMention]]] = attrs.Factory(dict)


def check_sources(corpus: Corpus, sources: Sequence[str], quotes: Quoting, *,
                  progress: Callable[[], None] | None = None,
                  carried: Carried | None = None, coverage: bool = True) -> SourcesPart:
    """The map step of an audit over some sources: read each one's numbers once, check every
    claim whose home quote (`home_evidence`) is in one of them, and measure their coverage
    (unless `coverage` is false); the numbers read are dropped when the step ends.

    With `carried`, shared by the steps of one audit run in order, the numbers inside a quote of
    a claim checked in a later step are kept for it there; without it (a step run alone, as on
    Dask), a claim's other sources are read again when it is checked. Either way a check sees
    the same numbers inside its quotes, and anchoring is a pure function of quote and text."""
    mine = set(sources)
    mentions = {source: find_numbers(corpus.texts[source]) for source in sources
                if source in corpus.texts and (coverage or source in quotes)}
    if carried is not None:
        for source in sources:
            for index, number in quotes.get(source, ()):
                claim = corpus.claims[index]
                if claim.evidence[home_evidence(claim)].source in mine:
                    continue
                anchor = anchor_of(corpus.texts[source], claim.evidence[number])
                carried.anchors.setdefault(index, {})[number] = anchor
                if anchor is not None:
                    _carry(carried.numbers.setdefault(index, {}), source, mentions[source],
                           anchor)

    def numbers_of(source: str) -> list[NumberMention]:
        if source not in mentions:
            mentions[source] = find_numbers(corpus.texts[source])
        return mentions[source]

    results: dict[int, ClaimResult] = {}
    lazy = _Lazy(corpus.texts, numbers_of)  # for a claim whose other sources were not carried
    for source in sources:
        for index, number in quotes.get(source, ()):
            claim = corpus.claims[index]
            if number != home_evidence(claim):
                continue
            if len(claim.evidence) == 1:
                results[index] = check_claim(claim, corpus, mentions=mentions)
            else:
                kept = carried.numbers.pop(index, {}) if carried is not None else {}
                found = carried.anchors.pop(index, None) if carried is not None else None
                results[index] = check_claim(claim, corpus, mentions=_Known(mentions, kept, lazy),
                                             anchored=found)
            if progress is not None:
                progress()
    if not coverage:
        return SourcesPart(results=tuple(sorted(results.items())), coverage=None)
    measured = []
    words = graded_words(corpus, corpus.coverage)
    for source in sources:
        if source not in corpus.sources:
            continue
        spans = []
        for index, number in quotes.get(source, ()):
            ahead = carried.anchors.get(index, {}) if carried is not None else {}
            if index in results:
                anchor = results[index].anchor(number)
            elif number in ahead:  # anchored above for a claim checked in a later step
                anchor = ahead[number]
            else:
                anchor = anchor_of(corpus.texts[source], corpus.claims[index].evidence[number])
            if anchor is not None and anchor.match != "fuzzy":
                spans.append((anchor.start, anchor.end))
        measured.append(source_coverage(corpus, source, spans, words, corpus.coverage,
                                        numbers_of(source)))
    return SourcesPart(results=tuple(sorted(results.items())), coverage=tuple(measured))


def _carry(kept: dict[str, list[NumberMention]], source: str, mentions: Sequence[NumberMention],
           anchor: Anchor) -> None:
    """Keep the numbers of a source that start inside an anchor, in order, with any kept for
    another quote of the same claim in that source."""
    first = bisect.bisect_left(mentions, anchor.start, key=lambda m: m.start)
    last = bisect.bisect_left(mentions, anchor.end, key=lambda m: m.start)
    inside = list(mentions[first:last])
    if source in kept:
        inside = sorted(set(kept[source]) | set(inside), key=lambda m: (m.start, m.end))
    kept[source] = inside


class _Known(Mapping[str, Sequence[NumberMention]]):
    """The numbers a claim's check sees: its step's sources', those carried for it from earlier
    steps, and any other read when asked for."""

    def __init__(self, mentions: Mapping[str, Sequence[NumberMention]],
                 carried: Mapping[str, Sequence[NumberMention]],
                 lazy: Mapping[str, Sequence[NumberMention]]) -> None:
        self._mentions, self._carried, self._lazy = mentions, carried, lazy

    def __getitem__(self, source: str) -> Sequence[NumberMention]:
        for found in (self._mentions, self._carried):
            if source in found:
                return found[source]
        return self._lazy[source]

    def __iter__(self) -> Iterator[str]:
        return iter(self._lazy)

    def __len__(self) -> int:
        return len(self._lazy)


class _Lazy(Mapping[str, Sequence[NumberMention]]):
    """The numbers of the given sources, read when first asked for."""

    def __init__(self, sources: Mapping[str, object],
                 read: Callable[[str], list[NumberMention]]) -> None:
        self._sources, self._read = sources, read

    def __getitem__(self, source: str) -> list[NumberMention]:
        if source not in self._sources:
            raise KeyError(source)
        return self._read(source)

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


def source_order(corpus: Corpus, quotes: Quoting) -> list[str]:
    """The sources of a corpus and those its claims quote, in order."""
    return sorted(set(corpus.sources) | set(quotes))


@attrs.frozen(kw_only=True)
class Checked:
    """The map step's parts put together: every claim's result in corpus order, and the
    coverage of every source in order of its id (None when it was not measured)."""

    results: tuple[ClaimResult, ...]
    coverage: tuple[SourceCoverage, ...] | None


def gather_parts(corpus: Corpus, parts: Iterable[SourcesPart]) -> Checked:
    """The map step's parts, taken one at a time (each can be dropped once taken), put together."""
    results: list[ClaimResult | None] = [None] * len(corpus.claims)
    sources: list[SourceCoverage] = []
    measured = True
    for part in parts:
        for index, result in part.results:
            results[index] = result
        if part.coverage is None:
            measured = False
        else:
            sources.extend(part.coverage)
    checked = tuple(r for r in results if r is not None)
    if len(checked) != len(results):
        raise FactcheckError("a claim was not checked: its home quote's source was in no part")
    return Checked(results=checked, coverage=tuple(sorted(sources, key=lambda s: s.source))
                   if measured else None)


def map_sources(corpus: Corpus, *, progress: Progress | None = None,
                sources_per_step: int = SOURCES_PER_STEP,
                coverage: bool = True) -> Iterator[SourcesPart]:
    """The map step over every source, `sources_per_step` at a time, in this process: a part
    is made when it is asked for, so `gather_parts` holds one at a time. Without `coverage`,
    no source's coverage is measured."""
    if sources_per_step < 1:
        raise FactcheckError(f"a map step takes at least 1 source, not {sources_per_step}")
    quotes = quoting(corpus)
    total, done = len(corpus.claims), 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    order = source_order(corpus, quotes)
    carried = Carried()
    return (check_sources(corpus, order[i:i + sources_per_step], quotes, progress=step,
                          carried=carried, coverage=coverage)
            for i in range(0, len(order), sources_per_step))
