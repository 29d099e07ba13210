"""Text as a reader compares it: composed (NFC), invisible format characters dropped, quote
marks and dashes folded, whitespace runs collapsed; with the offsets back into the original.

`normalise` keeps, for each character of the normalised text, where it came from, so a match
found in the normalised text is placed in the original. `describe_difference` says what a
quote and a passage that look the same differ by (invisible characters, compatibility forms).
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import overload

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
DROPPED = frozenset(chr(c) for low, high in _DROP_RANGES for c in range(low, high + 1))

_DROP_TABLE = str.maketrans(dict.fromkeys(DROPPED))
_FOLD_TABLE = str.maketrans(_FOLD)
# Folding one mark at a time is translating at once only if no mark folds into another
# (tests/test_anchoring.py checks it).
_RUNS = re.compile(r"\s{2,}")
_HAS_DROP = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _DROP_RANGES) + "]")
# Characters that show nothing but are not whitespace and are not dropped.
_BLANKS = frozenset("\u115f\u1160\u2800\u3164\uffa0")
# Characters of combining class 0 that compose with the one before them (Indic and Sinhala
# length marks, Hangul vowels and final consonants...): the same set `composition` finds
# in the Unicode database, written out so that checking a match's ends needs no scan.
JOINING_STARTERS = frozenset(
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
    return composition()[0]


@functools.cache
def composition() -> tuple[re.Pattern[str], frozenset[str]]:
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


def _dropped(text: str) -> str:
    """The text without its invisible characters: `str.translate` with `_DROP_TABLE`, done a
    character at a time (a text holds few of them, and translate looks up every character)."""
    for invisible in set(_HAS_DROP.findall(text)):
        text = text.replace(invisible, "")
    return text


def _folded(text: str) -> str:
    """The text with its quote marks and dashes folded: `str.translate` with `_FOLD_TABLE`,
    a mark at a time, which is the same while no mark folds into another."""
    for mark, folded in _FOLD.items():
        if mark in text:
            text = text.replace(mark, folded)
    return text


def _collapsed(text: str) -> str:
    """Each run of whitespace as one space, as ``re.sub(r"\\s+", " ", text)`` does: by
    `str.split`, which splits at the same characters (those of `str.isspace`), a few times
    quicker than the regular expression on prose, where most runs are one space already."""
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    return f"{' ' if text[0].isspace() else ''}{inner}{' ' if text[-1].isspace() else ''}"


def normalise_text(text: str) -> str:
    """``normalise(text)[0]``, without the offsets: the quick way to compare texts."""
    if not text.isascii():  # ASCII has nothing to drop, compose or fold
        text = _dropped(text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        text = _folded(text)
    if "  " not in text and text.isprintable():  # every other whitespace is unprintable
        return text
    return _collapsed(text)


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
        current = _dropped(current)
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
    current = _folded(current)
    if _RUNS.search(current) is not None:
        shift = _Shift()
        starts, targets = shift.starts, shift.targets
        removed = 0
        for match in _RUNS.finditer(current):
            start, end = match.span()
            # `shift.add` written out (there is a run every paragraph): a piece never starts
            # where the one before it does, except a run at 0, which the first piece maps.
            if start:
                starts.append(start - removed)
                targets.append(start)
            starts.append(start - removed + 1)
            targets.append(end)
            removed += end - start - 1
        maps.append(shift)
    ntext = _collapsed(current)
    return ntext, Offsets(tuple(reversed(maps)), len(ntext) + 1, len(text))


@functools.lru_cache(maxsize=1024)
def comparable_text(text: str) -> str:
    """Text compared as a reader would: quotes, dashes and spaces normalised, case folded.

    Cached: the paragraphs around the quotes of one source are compared again and again."""
    return normalise_text(text).casefold()


def _invisible(text: str) -> dict[str, None]:
    """The characters of `text` that show nothing and are neither whitespace nor dropped."""
    return dict.fromkeys(ch for ch in text if ch in _BLANKS or (
        not ch.isprintable() and not ch.isspace() and ch not in DROPPED))


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
