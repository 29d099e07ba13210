"""Place a quote in its source text, after the W3C TextQuoteSelector.

Three attempts, cheapest first: an exact match (a ``str.find`` loop), a match after
normalising both texts, then a fuzzy match with rapidfuzz that callers count as a
failure but can report. Normalising composes characters (Unicode NFC, so a quote typed
with combining accents matches the same words precomposed), drops invisible format
characters (soft hyphen, zero-width spaces and joiners, direction marks, BOM), folds
quote marks and dashes, and collapses whitespace runs to one space. Prefix and suffix
pick one of several occurrences; only their `SELECTOR_CHARS` characters nearest the
quote are compared.

The work is bounded for any input: line numbers come from one index of line starts
(`factcheck.text.lines`), an occurrence costs a binary search, and the fuzzy search only
tries quotes of at most `FUZZY_MAX_QUOTE` characters (its cost grows with the square of
the quote's length). A longer quote that is not found exactly or after normalising is
reported with the longest opening of it that the source holds. When a quote and the
passage it resembles differ only by invisible characters or by Unicode compatibility
forms (a ligature, a full-width letter), the error says so instead of giving a score.

The normalised form of the last few texts is kept (a small LRU cache of a pure
function); a caller may also compute ``normalise(text)`` once and pass it as
``normalised=``.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Literal

import attrs
from rapidfuzz import fuzz

from ..errors import AmbiguousQuote, QuoteNotFound
from .lines import LineIndex, index_of
from .normalise import (
    DROPPED,
    JOINING_STARTERS,
    Normalised,
    describe_difference,
    normalise,
    normalise_text,
)

FUZZY_MAX_QUOTE = 500
"""The longest quote (in normalised characters) the fuzzy search tries: about twice the
longest quote of the bundled corpus. Longer quotes match exactly or after normalising."""
SELECTOR_CHARS = 256
"""How many characters of a prefix (its end) and a suffix (its start) are compared."""

MatchKind = Literal["exact", "normalised", "fuzzy"]
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


@attrs.frozen(kw_only=True, weakref_slot=False)
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



_PASSAGE = 60
_MAX_LINES_SHOWN = 10
_OPENING_SHOWN = 20
_WIDEST = 64


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of `offset` in `text`.

    Lines end at ``\\n``, ``\\r\\n`` or ``\\r`` only (see `factcheck.text.lines`).
    """
    return index_of(text).line_and_column(offset)


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
    # A quote with a letter or digit is never empty once folded: it is folded only when the
    # exact search fails.
    worded = _LETTER_OR_DIGIT.search(quote) is not None
    folded = "" if worded else _fold(quote)
    if not worded and not folded:
        raise QuoteNotFound("empty quote")
    selector = (_fold(prefix)[-SELECTOR_CHARS:] if prefix else "",
                _fold(suffix)[:SELECTOR_CHARS] if suffix else "")
    lines = index_of(text)

    def normal() -> Normalised:
        return normalised if normalised is not None else _normalised(text)

    starts = _find_all(text, quote)
    if starts and not text.isascii():  # never start or end between a letter and its accent
        starts = [i for i in starts if _whole(text, i, i + len(quote))]
    if starts:
        spans = [(i, i + len(quote)) for i in starts]
        kept = [span for span in spans if _fits_raw(text, span, selector, normal)] \
            if any(selector) else spans
        return _pick(lines, spans, kept, "exact", selector)

    folded = folded or _fold(quote)
    ntext, offsets = normal()
    size = len(folded)
    found = _find_all(ntext, folded)
    if found and not ntext.isascii():
        found = [i for i in found if _whole(ntext, i, i + size)]
    if found:
        spans = [(offsets[i], _end(text, offsets, i, i + size)) for i in found]
        kept = [span for i, span in zip(found, spans, strict=True)
                if _fits(ntext, i, i + size, selector)] if any(selector) else spans
        return _pick(lines, spans, kept, "normalised", selector)
    if size > FUZZY_MAX_QUOTE:
        raise _long_quote_not_found(text, lines, ntext, offsets, folded)
    return _fuzzy(text, lines, ntext, offsets, quote, folded, fuzzy_threshold)


@functools.lru_cache(maxsize=128)  # the map step checks 64 sources together
def _normalised(text: str) -> Normalised:
    """``normalise(text)`` of the few source texts in use: quotes of one source come together."""
    return normalise(text)


def _fold(text: str) -> str:
    return normalise_text(text).strip()


def _find_all(haystack: str, needle: str) -> list[int]:
    """Start of every occurrence of `needle`, overlapping ones included, in linear time.

    Once two occurrences overlap by half the needle or more, the needle is periodic with
    smallest period p (the primitive root of the overlap), and the next occurrence after
    one at i is at i + p exactly when the text goes on repeating for p more characters;
    otherwise it is past i + len(needle) - p. So no character is compared over and over.
    """
    size = len(needle)
    found: list[int] = []
    period, tail = 0, ""
    i = haystack.find(needle)
    while i >= 0:
        found.append(i)
        if period:
            if haystack.startswith(tail, i + size):
                i += period
            else:
                i = haystack.find(needle, i + size - period + 1)
            continue
        following = haystack.find(needle, i + 1)
        if following >= 0 and following - i <= size // 2:
            root = needle[:following - i]
            period = (root + root).find(root, 1)
            tail = needle[size - period:]
        i = following
    return found


def _whole(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` neither starts nor stops between a character and the
    marks or vowel signs that join it."""
    while end < len(text) and text[end] in DROPPED:  # dropped before composing: look past them
        end += 1
    return not ((start > 0 and _joins(text[start])) or (end < len(text) and _joins(text[end])))


def _joins(ch: str) -> bool:
    """Whether `ch` joins the character before it: a combining mark, or one of the few
    other characters a canonical composition takes as its second half."""
    return ch >= "\u0300" and (unicodedata.combining(ch) != 0 or ch in JOINING_STARTERS)


def _end(text: str, offsets: Sequence[int], start: int, stop: int) -> int:
    """The original offset just after normalised characters `start:stop`: where the next one
    came from, less any whitespace or dropped characters between."""
    begin, end = offsets[start], offsets[stop]
    while end > begin + 1 and (text[end - 1].isspace() or text[end - 1] in DROPPED):
        end -= 1
    return end


def _fits(ntext: str, start: int, stop: int, selector: tuple[str, str]) -> bool:
    """Whether the normalised text before `start` ends with the prefix and the text after
    `stop` starts with the suffix, whitespace at the junctions ignored."""
    prefix, suffix = selector
    if prefix:
        before = start - 1 if start > 0 and ntext[start - 1] == " " else start
        if not ntext.endswith(prefix, 0, before):
            return False
    if suffix:
        after = stop + 1 if stop < len(ntext) and ntext[stop] == " " else stop
        if not ntext.startswith(suffix, after):
            return False
    return True


def _fits_raw(text: str, span: tuple[int, int], selector: tuple[str, str],
              normal: Callable[[], Normalised]) -> bool:
    """`_fits` for a span of the original text: normalises a window on each side, widened
    until it holds enough characters; a window that stays short (whitespace for pages on
    end) is settled in the normalised text instead, so each check is bounded."""
    prefix, suffix = selector
    for wanted, before in ((prefix, True), (suffix, False)):
        if not wanted:
            continue
        width = 2 * len(wanted) + 16
        while True:
            if before:
                begin = max(0, span[0] - width)
                near = normalise_text(text[begin:span[0]]).rstrip()
                done = begin == 0
            else:
                stop = min(len(text), span[1] + width)
                near = normalise_text(text[span[1]:stop]).lstrip()
                done = stop == len(text)
            if len(near) >= len(wanted) or done:
                fits = near.endswith(wanted) if before else near.startswith(wanted)
                break
            if width > _WIDEST * len(wanted):
                ntext, offsets = normal()
                start, stop = bisect.bisect_left(offsets, span[0]), bisect.bisect_left(offsets, span[1])
                fits = _fits(ntext, start, stop, (wanted, "") if before else ("", wanted))
                break
            width *= 2
        if not fits:
            return False
    return True


def _anchor(
    index: LineIndex, start: int, end: int, match: MatchKind, *, score: float = 100.0,
    candidates: int = 1,
) -> Anchor:
    line, column = index.line_and_column(start)
    end_line = index.line(end - 1) if end > start else line
    return Anchor(start=start, end=end, line=line, column=column, end_line=end_line,
                  match=match, score=score, candidates=candidates)


def _pick(
    index: LineIndex, spans: list[tuple[int, int]], kept: list[tuple[int, int]],
    match: MatchKind, selector: tuple[str, str],
) -> Anchor:
    """The one occurrence left after the prefix and suffix, or an error saying why not."""
    if len(kept) == 1:
        return _anchor(index, *kept[0], match, candidates=len(spans))
    prefix, suffix = selector
    all_lines = index.lines_of(start for start, _ in spans)
    occurs = f"quote occurs {_times(len(spans))} ({_lines(all_lines)})"
    if not prefix and not suffix:
        raise AmbiguousQuote(f"{occurs}; add a prefix or suffix to pick one", lines=all_lines)
    wanted = " and ".join(
        f"{name} {_short(value)!r}" for name, value in (("prefix", prefix), ("suffix", suffix))
        if value)
    if not kept:
        none = "not" if len(spans) == 1 else "none"
        raise QuoteNotFound(f"{occurs} but {none} with {wanted}")
    kept_lines = index.lines_of(start for start, _ in kept)
    raise AmbiguousQuote(
        f"{occurs} and {len(kept)} of them ({_lines(kept_lines)}) have {wanted};"
        " lengthen the prefix or suffix to pick one",
        lines=kept_lines,
    )


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n:,} times"


def _lines(lines: Sequence[int]) -> str:
    shown = ", ".join(str(n) for n in lines[:_MAX_LINES_SHOWN])
    more = ", ..." if len(lines) > _MAX_LINES_SHOWN else ""
    return f"line{'s' if len(lines) > 1 else ''} {shown}{more}"


def _short(text: str) -> str:
    return text if len(text) <= _PASSAGE else text[:_PASSAGE] + "..."


def _fuzzy(
    text: str, index: LineIndex, ntext: str, offsets: Sequence[int], quote: str, folded: str,
    threshold: float,
) -> Anchor:
    """The closest passage as a fuzzy anchor if it scores `threshold`, else QuoteNotFound."""
    if not ntext.strip():
        raise QuoteNotFound("quote not found in source; the source is empty")
    aligned = fuzz.partial_ratio_alignment(folded, ntext)
    if aligned is None:  # only happens with a score_cutoff, which is not set
        raise QuoteNotFound("quote not found in source")
    start, end, score = _refine(folded, ntext, aligned.dest_start, aligned.dest_end)
    ostart = offsets[start]
    oend = _end(text, offsets, start, end) if end > start else ostart
    line = index.line(ostart)
    difference = describe_difference(quote, text[ostart:oend])
    if difference:
        raise QuoteNotFound(
            f"quote not found in source; the passage at line {line} looks the same but "
            f"{difference}: copy the quote from the source again")
    if score >= threshold:
        return _anchor(index, ostart, oend, "fuzzy", score=score)
    raise QuoteNotFound(
        f"quote not found in source; closest passage (score {score:.1f}) at line {line}: "
        f"{_short(ntext[start:end])!r}"
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


def _long_quote_not_found(text: str, index: LineIndex, ntext: str, offsets: Sequence[int],
                          folded: str) -> QuoteNotFound:
    """A quote too long for the fuzzy search: say how much of its opening the source holds
    (a binary search on the opening's length, each step one ``str.find``)."""
    low, high, at = 0, len(folded), -1
    while low < high:
        middle = (low + high + 1) // 2
        found = ntext.find(folded[:middle])
        if found >= 0:
            low, at = middle, found
        else:
            high = middle - 1
    head = (f"quote not found in source; it is {len(folded):,} characters long, and quotes "
            f"over {FUZZY_MAX_QUOTE} characters are matched only exactly or after normalising "
            "(no fuzzy search)")
    if low < _OPENING_SHOWN:
        return QuoteNotFound(f"{head}; not even its first {_OPENING_SHOWN} characters are in "
                             "the source")
    line = index.line(offsets[at])
    source_next = ntext[at + low:at + low + 30]
    return QuoteNotFound(
        f"{head}; its first {low:,} characters are at line {line}, then the quote has "
        f"{folded[low:low + 30]!r} where the source has {source_next!r}")


