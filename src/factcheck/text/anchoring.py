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
from collections.abc import Callable, Iterator, Sequence
from typing import overload

from rapidfuzz import fuzz

from ..corpus.records import Anchor, MatchKind
from ..errors import AmbiguousQuote, QuoteNotFound
from .lines import LineIndex, index_of

FUZZY_MAX_QUOTE = 500
"""The longest quote (in normalised characters) the fuzzy search tries: about twice the
longest quote of the bundled corpus. Longer quotes match exactly or after normalising."""
SELECTOR_CHARS = 256
"""How many characters of a prefix (its end) and a suffix (its start) are compared."""

_SINGLE = "\u2018\u2019\u201a\u201b\u2032\u2035\u2039\u203a\u02bc\uff07"
_DOUBLE = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\uff02"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"
_FOLD: dict[str, str] = {
    **dict.fromkeys(_SINGLE, "'"),
    **dict.fromkeys(_DOUBLE, '"'),
    **dict.fromkeys(_DASHES, "-"),
}
# Invisible characters web text carries: soft hyphen, Arabic letter mark, Mongolian vowel
# separator, zero-width space/joiners, direction marks, embeddings and isolates, word joiner
# and invisible operators, BOM, variation selectors, combining grapheme joiner, tags.
_DROP_RANGES = ((0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x180E, 0x180E),
                (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F),
                (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xE0001, 0xE0001), (0xE0020, 0xE007F),
                (0xE0100, 0xE01EF))
_DROP = frozenset(chr(c) for low, high in _DROP_RANGES for c in range(low, high + 1))
_PASSAGE = 60
_MAX_LINES_SHOWN = 10
_OPENING_SHOWN = 20
_WIDEST = 64

_DROP_TABLE = str.maketrans(dict.fromkeys(_DROP))
_FOLD_TABLE = str.maketrans(_FOLD)
_SPACES = re.compile(r"\s+")  # \s is str.isspace, character for character
_RUNS = re.compile(r"\s{2,}")
_HAS_DROP = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _DROP_RANGES) + "]")
# Characters that show nothing but are not whitespace and are not dropped.
_BLANKS = frozenset("\u115f\u1160\u2800\u3164\uffa0")
# Characters of combining class 0 that compose with the one before them (Indic and Sinhala
# length marks, Hangul vowels and final consonants...): the same set `_composition` finds
# in the Unicode database, written out so that checking a match's ends needs no scan.
_JOINING_STARTERS = frozenset(
    [*map(chr, (0x09BE, 0x09D7, 0x0B3E, 0x0B56, 0x0B57, 0x0BBE, 0x0BD7, 0x0CC2, 0x0CD5, 0x0CD6,
                0x0D3E, 0x0D57, 0x0DCF, 0x0DDF, 0x0FB5, 0x0FB7, 0x102E, 0x1B35, 0x11127, 0x1133E,
                0x11357, 0x114B0, 0x114BA, 0x114BD, 0x115AF, 0x11930)),
     *map(chr, range(0x1161, 0x1176)), *map(chr, range(0x11A8, 0x11C3))])

Normalised = tuple[str, Sequence[int]]


class _Shift:
    """A map from a derived text back to the text it came from, piece by piece: output
    offset `starts[k] + d` came from input offset `targets[k] + d`."""

    __slots__ = ("starts", "targets")

    def __init__(self) -> None:
        self.starts: list[int] = [0]
        self.targets: list[int] = [0]

    def add(self, start: int, target: int) -> None:
        if self.starts[-1] == start:
            self.targets[-1] = target
        else:
            self.starts.append(start)
            self.targets.append(target)

    def __call__(self, offset: int) -> int:
        k = bisect.bisect_right(self.starts, offset) - 1
        return self.targets[k] + offset - self.starts[k]


class Offsets(Sequence[int]):
    """For each character of a normalised text, the offset in the original text of the
    character it came from, plus a final entry: the original length. Stored as a few
    pieces, not one number a character, so a 50 MB source costs kilobytes here."""

    __slots__ = ("_end", "_length", "_maps")

    def __init__(self, maps: tuple[_Shift, ...], length: int, end: int) -> None:
        self._maps = maps
        self._length = length
        self._end = end

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        if index == self._length - 1:
            return self._end
        for shift in self._maps:
            index = shift(index)
        return index

    def __iter__(self) -> Iterator[int]:
        return (self[i] for i in range(self._length))


def _clusters() -> re.Pattern[str]:
    return _composition()[0]


@functools.cache
def _composition() -> tuple[re.Pattern[str], frozenset[str]]:
    """What NFC may change, and the characters that join the one before them.

    What NFC may change: a character with the marks and vowel signs that may join it
    (combining marks, the second half of a canonical composition, Hangul vowels and final
    consonants), or a lone character NFC replaces. Text between two of these is left as it
    is by NFC, so each can be composed on its own and mapped back. Built on first use, from
    the Unicode database of this Python (about half a second)."""
    joining: set[int] = {*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)}
    replaced: set[int] = set()
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        if unicodedata.combining(ch):
            joining.add(code)
        decomposition = unicodedata.decomposition(ch)
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2:
                joining.add(int(parts[1], 16))
            if unicodedata.normalize("NFC", ch) != ch:
                replaced.add(code)
    join, lone = _char_class(joining), _char_class(replaced - joining)
    return re.compile(f"[^{join}]?[{join}]+|[{lone}]"), frozenset(chr(c) for c in joining)


def _char_class(codes: set[int]) -> str:
    """The inside of a regex character class holding `codes`, as ranges."""
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
                   for low, high in ranges)


def normalise_text(text: str) -> str:
    """``normalise(text)[0]``, without the offsets: the quick way to compare texts."""
    if _HAS_DROP.search(text) is not None:
        text = text.translate(_DROP_TABLE)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", text.translate(_FOLD_TABLE))


def normalise(text: str) -> Normalised:
    """Drop invisible characters, compose (NFC), fold quote marks and dashes, and collapse
    whitespace runs to one space.

    Returns the normalised text and, for each of its characters, the offset in `text`
    of the character it came from (a whitespace run maps to its first character, a
    composed character to the first of those it came from), plus a final entry
    ``len(text)``, so that spans found in it map back.
    """
    maps: list[_Shift] = []
    current = text
    if _HAS_DROP.search(current) is not None:
        shift = _Shift()
        for dropped, match in enumerate(_HAS_DROP.finditer(current), start=1):
            shift.add(match.start() - dropped + 1, match.start() + 1)
        current = current.translate(_DROP_TABLE)
        maps.append(shift)
    if not unicodedata.is_normalized("NFC", current):
        shift = _Shift()
        pieces: list[str] = []
        position = growth = 0
        for match in _clusters().finditer(current):
            stretch = match.group()
            composed = unicodedata.normalize("NFC", stretch)
            if composed == stretch:
                continue
            start, end = match.span()
            pieces += [current[position:start], composed]
            out = start + growth
            for k in range(len(composed)):
                shift.add(out + k, start)
            shift.add(out + len(composed), end)
            growth += len(composed) - len(stretch)
            position = end
        pieces.append(current[position:])
        current = "".join(pieces)
        maps.append(shift)
    current = current.translate(_FOLD_TABLE)
    if _RUNS.search(current) is not None:
        shift = _Shift()
        removed = 0
        for match in _RUNS.finditer(current):
            start, end = match.span()
            shift.add(start - removed, start)
            shift.add(start - removed + 1, end)
            removed += end - start - 1
        maps.append(shift)
    ntext = _SPACES.sub(" ", current)
    return ntext, Offsets(tuple(reversed(maps)), len(ntext) + 1, len(text))


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
    folded = _fold(quote)
    if not folded:
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


@functools.lru_cache(maxsize=16)
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
    while end < len(text) and text[end] in _DROP:  # dropped before composing: look past them
        end += 1
    return not ((start > 0 and _joins(text[start])) or (end < len(text) and _joins(text[end])))


def _joins(ch: str) -> bool:
    """Whether `ch` joins the character before it: a combining mark, or one of the few
    other characters a canonical composition takes as its second half."""
    return ch >= "\u0300" and (unicodedata.combining(ch) != 0 or ch in _JOINING_STARTERS)


def _end(text: str, offsets: Sequence[int], start: int, stop: int) -> int:
    """The original offset just after normalised characters `start:stop`: where the next one
    came from, less any whitespace or dropped characters between."""
    begin, end = offsets[start], offsets[stop]
    while end > begin + 1 and (text[end - 1].isspace() or text[end - 1] in _DROP):
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


def _invisible(text: str) -> dict[str, None]:
    """The characters of `text` that show nothing and are neither whitespace nor dropped."""
    return dict.fromkeys(ch for ch in text if ch in _BLANKS or (
        not ch.isprintable() and not ch.isspace() and ch not in _DROP))


def _name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')}"


def describe_difference(quote: str, passage: str) -> str:
    """How a quote differs from a passage that looks the same, or '' when it does not look
    the same: invisible characters on one side, or Unicode compatibility forms (NFKC)."""
    hidden_quote = [ch for ch in _invisible(quote) if ch not in passage]
    hidden_passage = [ch for ch in _invisible(passage) if ch not in quote]

    def visible(text: str) -> str:
        hidden = _invisible(text)
        return "".join(ch for ch in normalise_text(text) if ch not in hidden).strip()

    parts = []
    if (hidden_quote or hidden_passage) and visible(quote) == visible(passage):
        if hidden_quote:
            parts.append("the quote holds invisible characters the source does not ("
                         + ", ".join(_name(ch) for ch in hidden_quote[:3]) + ")")
        if hidden_passage:
            parts.append("the source holds invisible characters the quote does not ("
                         + ", ".join(_name(ch) for ch in hidden_passage[:3]) + ")")
        return " and ".join(parts)
    left, right = normalise_text(quote).strip(), normalise_text(passage).strip()
    if left != right and _compatible(left) == _compatible(right):
        forms = [ch for ch in dict.fromkeys(left + right)
                 if unicodedata.normalize("NFKC", ch) != ch][:3]
        shown = ", ".join(f"{_name(ch)} for {unicodedata.normalize('NFKC', ch)!r}" for ch in forms)
        return ("they differ only in Unicode compatibility forms, equal after NFKC "
                f"normalisation ({shown})")
    return ""


def _compatible(text: str) -> str:
    return normalise_text(unicodedata.normalize("NFKC", text)).strip()
