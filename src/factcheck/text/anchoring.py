"""Place a quote in its source text, after the W3C TextQuoteSelector.

Three attempts, cheapest first: an exact match (a ``str.find`` loop), a match after
normalising quote marks, dashes and whitespace, then a fuzzy match with rapidfuzz
that callers count as a failure but can report. Prefix and suffix pick one of
several occurrences. The normalised form of the last few texts is kept (a small LRU
cache of a pure function); a caller may also compute ``normalise(text)`` once and
pass it as ``normalised=``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Literal

import attrs
from rapidfuzz import fuzz

from ..errors import AmbiguousQuote, QuoteNotFound

Normalised = tuple[str, list[int]]

MatchKind = Literal["exact", "normalised", "fuzzy"]


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



_SINGLE = "\u2018\u2019\u201a\u201b\u2032\u2035\u2039\u203a\u02bc\uff07"
_DOUBLE = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\uff02"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"
_FOLD: dict[str, str] = {
    **dict.fromkeys(_SINGLE, "'"),
    **dict.fromkeys(_DOUBLE, '"'),
    **dict.fromkeys(_DASHES, "-"),
}
# Invisible characters web text carries: soft hyphen, zero-width space/joiners, BOM.
_DROP = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_PASSAGE = 60
_MAX_LINES_SHOWN = 10


_TABLE = str.maketrans({**_FOLD, **dict.fromkeys(_DROP)})
_SPACES = re.compile(r"\s+")  # \s is str.isspace, character for character
_HAS_DROP = re.compile("[" + "".join(sorted(_DROP)) + "]")


def normalise_text(text: str) -> str:
    """``normalise(text)[0]``, without the offsets: the quick way to compare texts."""
    return _SPACES.sub(" ", text.translate(_TABLE))


def normalise(text: str) -> Normalised:
    """Fold quote marks, dashes and spaces and collapse whitespace runs to one space.

    Returns the normalised text and, for each of its characters, the offset in `text`
    of the character it came from (a whitespace run maps to its first character),
    plus a final entry ``len(text)``, so that spans found in it map back.
    """
    if _HAS_DROP.search(text) is None:  # folding keeps every offset; only spaces collapse
        folded = text.translate(_TABLE)
        pieces: list[str] = []
        kept: list[int] = []
        position = 0
        for run in _SPACES.finditer(folded):
            start = run.start()
            pieces.append(folded[position:start])
            pieces.append(" ")
            kept.extend(range(position, start + 1))
            position = run.end()
        pieces.append(folded[position:])
        kept.extend(range(position, len(text) + 1))
        return "".join(pieces), kept
    out: list[str] = []
    offsets: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space:
                out.append(" ")
                offsets.append(i)
                in_space = True
        elif ch not in _DROP:
            out.append(_FOLD.get(ch, ch))
            offsets.append(i)
            in_space = False
    offsets.append(len(text))
    return "".join(out), offsets


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of `offset` in `text`."""
    if not 0 <= offset <= len(text):
        raise ValueError(f"offset {offset} outside text of length {len(text)}")
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def resolve(
    text: str,
    quote: str,
    *,
    prefix: str | None = None,
    suffix: str | None = None,
    fuzzy_threshold: float = 85.0,
    normalised: Normalised | None = None,
) -> Anchor:
    """Find where `quote` sits in `text`: exactly, after normalising, or fuzzily.

    `prefix` and `suffix` (compared normalised, whitespace at the junction ignored)
    choose among several occurrences and must fit when given. `normalised` is
    ``normalise(text)`` if the caller already has it. Raises QuoteNotFound or
    AmbiguousQuote.
    """
    folded = _fold(quote)
    if not folded:
        raise QuoteNotFound("empty quote")
    selector = (_fold(prefix) if prefix else "", _fold(suffix) if suffix else "")

    spans = [(i, i + len(quote)) for i in _find_all(text, quote)]
    if spans:
        return _pick(text, spans, "exact", selector)

    ntext, offsets = normalised if normalised is not None else _normalised(text)
    spans = [(offsets[i], offsets[i + len(folded) - 1] + 1) for i in _find_all(ntext, folded)]
    if spans:
        return _pick(text, spans, "normalised", selector)
    return _fuzzy(text, ntext, offsets, folded, fuzzy_threshold)


@functools.lru_cache(maxsize=16)
def _normalised(text: str) -> Normalised:
    """``normalise(text)`` of the few source texts in use: quotes of one source come together.
    Callers only read the offsets list."""
    return normalise(text)


def _fold(text: str) -> str:
    return normalise_text(text).strip()


def _find_all(haystack: str, needle: str) -> list[int]:
    """Start of every occurrence of `needle`, overlapping ones included."""
    found: list[int] = []
    i = haystack.find(needle)
    while i >= 0:
        found.append(i)
        i = haystack.find(needle, i + 1)
    return found


def _anchor(
    text: str, start: int, end: int, match: MatchKind, *, score: float = 100.0,
    candidates: int = 1,
) -> Anchor:
    line, column = line_and_column(text, start)
    end_line = line + text.count("\n", start, end - 1) if end > start else line
    return Anchor(start=start, end=end, line=line, column=column, end_line=end_line,
                  match=match, score=score, candidates=candidates)


def _ends_with(text: str, stop: int, prefix: str) -> bool:
    """Whether text[:stop], normalised and right-stripped, ends with `prefix`.

    Only a window before `stop` is normalised, widened until it is long enough:
    the normalised window is always a suffix of the normalised whole.
    """
    width = 2 * len(prefix) + 16
    while True:
        begin = max(0, stop - width)
        before = normalise_text(text[begin:stop]).rstrip()
        if len(before) >= len(prefix) or begin == 0:
            return before.endswith(prefix)
        width *= 2


def _starts_with(text: str, start: int, suffix: str) -> bool:
    """Whether text[start:], normalised and left-stripped, starts with `suffix`."""
    width = 2 * len(suffix) + 16
    while True:
        stop = min(len(text), start + width)
        after = normalise_text(text[start:stop]).lstrip()
        if len(after) >= len(suffix) or stop == len(text):
            return after.startswith(suffix)
        width *= 2


def _pick(
    text: str, spans: list[tuple[int, int]], match: MatchKind, selector: tuple[str, str]
) -> Anchor:
    """The one occurrence that fits the prefix and suffix, or an error saying why not."""
    prefix, suffix = selector
    kept = [
        (start, end) for start, end in spans
        if (not prefix or _ends_with(text, start, prefix))
        and (not suffix or _starts_with(text, end, suffix))
    ]
    if len(kept) == 1:
        return _anchor(text, *kept[0], match, candidates=len(spans))

    all_lines = [line_and_column(text, start)[0] for start, _ in spans]
    occurs = f"quote occurs {_times(len(spans))} ({_lines(all_lines)})"
    if not prefix and not suffix:
        raise AmbiguousQuote(f"{occurs}; add a prefix or suffix to pick one", lines=all_lines)
    wanted = " and ".join(
        f"{name} {value!r}" for name, value in (("prefix", prefix), ("suffix", suffix)) if value
    )
    if not kept:
        none = "not" if len(spans) == 1 else "none"
        raise QuoteNotFound(f"{occurs} but {none} with {wanted}")
    kept_lines = [line_and_column(text, start)[0] for start, _ in kept]
    raise AmbiguousQuote(
        f"{occurs} and {len(kept)} of them ({_lines(kept_lines)}) have {wanted};"
        " lengthen the prefix or suffix to pick one",
        lines=kept_lines,
    )


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def _lines(lines: Sequence[int]) -> str:
    shown = ", ".join(str(n) for n in lines[:_MAX_LINES_SHOWN])
    more = ", ..." if len(lines) > _MAX_LINES_SHOWN else ""
    return f"line{'s' if len(lines) > 1 else ''} {shown}{more}"


def _fuzzy(
    text: str, ntext: str, offsets: list[int], folded: str, threshold: float
) -> Anchor:
    """The closest passage as a fuzzy anchor if it scores `threshold`, else QuoteNotFound."""
    if not ntext.strip():
        raise QuoteNotFound("quote not found in source; the source is empty")
    aligned = fuzz.partial_ratio_alignment(folded, ntext)
    if aligned is None:  # only happens with a score_cutoff, which is not set
        raise QuoteNotFound("quote not found in source")
    start, end, score = _refine(folded, ntext, aligned.dest_start, aligned.dest_end)
    ostart = offsets[start]
    oend = offsets[end - 1] + 1 if end > start else ostart
    if score >= threshold:
        return _anchor(text, ostart, oend, "fuzzy", score=score)
    passage = ntext[start:end]
    if len(passage) > _PASSAGE:
        passage = passage[:_PASSAGE] + "..."
    line = line_and_column(text, ostart)[0]
    raise QuoteNotFound(
        f"quote not found in source; closest passage (score {score:.1f}) at line {line}: "
        f"{passage!r}"
    )


def _refine(folded: str, ntext: str, start: int, end: int) -> tuple[int, int, float]:
    """Move the ends of partial_ratio's window (the quote's length) to best fit the quote.

    partial_ratio compares windows as long as the quote, so a quote with a letter
    missing or added is aligned one character off; nudging each end in turn to the
    best fuzz.ratio recovers the passage. Ends never sit on a space.
    """
    while start < end and ntext[start] == " ":
        start += 1
    while end > start and ntext[end - 1] == " ":
        end -= 1
    best = fuzz.ratio(folded, ntext[start:end])
    reach = max(3, min(32, len(folded) // 4))
    for _ in range(2):
        for s in range(max(0, start - reach), min(end, start + reach + 1)):
            if ntext[s] != " " and (score := fuzz.ratio(folded, ntext[s:end])) > best:
                best, start = score, s
        for e in range(max(start + 1, end - reach), min(len(ntext), end + reach) + 1):
            if ntext[e - 1] != " " and (score := fuzz.ratio(folded, ntext[start:e])) > best:
                best, end = score, e
    return start, end, best


def comparable_text(text: str) -> str:
    """Text compared as a reader would: quotes, dashes and spaces normalised, case folded."""
    return normalise_text(text).casefold()
