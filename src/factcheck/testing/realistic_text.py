"""How the realistic generator's writers state a number: exactly, rounded, hedged or in words.

Each rendering of a true value says what the writer meant, worked out here and never with the
library's number reader: the stated point (what the words say the value is) and whether a
careful reader would take the words as consistent with the true value. The generator's planted
truth is built from these, so the benchmark measures the reader against this independent account.
"""

from __future__ import annotations

import random

import attrs

_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

STYLES = ("exact", "rounded", "hedged", "nearly", "over", "words")
"""How a writer may state a value. `over` ("more than 1,100") is only a lower bound, so it is
used only where every claim of a key states one true value."""
CLOSE_STYLES = ("exact", "rounded", "hedged", "nearly")
"""Styles whose words a reader takes within 12% of the stated point: safe on either side of
a planted clash (its two true values are at least 30% apart)."""
_NUMBER_STEMS = (*_ONES[1:], *_TENS[2:], "hundred", "thousand")
"""A soft hyphen never falls in a number or the four words after one: the library reads neither
"nine\u00adteen" as 19, nor "413.8 burgl\u00adaries per 10,000" as a rate."""
HEDGES = ("about", "around", "roughly", "some", "approximately")


@attrs.frozen(kw_only=True)
class Stated:
    """A value as a writer put it: the words, and the point they state."""

    text: str
    point: float
    style: str


def words(n: int) -> str:
    """An integer from 0 to 9,999 in English words, as a writer spells it out ("forty-two",
    "twelve hundred", "three hundred and seven", "four thousand")."""
    if not 0 <= n < 10000:
        raise ValueError(f"{n} is out of range for words")
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n % 1000 == 0:
        return f"{_ONES[n // 1000]} thousand"
    if n % 100 == 0 and n < 2000:
        return f"{words(n // 100)} hundred"
    if n >= 1000:
        raise ValueError(f"{n} has no plain spelling in words here")
    hundreds, rest = divmod(n, 100)
    return f"{_ONES[hundreds]} hundred" + (f" and {words(rest)}" if rest else "")


def round_figures(value: int, figures: int = 2, how: str = "nearest") -> int:
    """`value` to `figures` significant figures, to the nearest, "up" or "down"; a third figure
    when two would leave one ("2,000" for 1,967 says anything from 1,500 to 2,500 to a reader
    who takes a round number at its last non-zero digit; "1,970" keeps the writer's meaning)."""
    unit: int = 10 ** max(len(str(value)) - figures, 0)
    while True:
        if how == "up":
            result = -(-value // unit) * unit
        elif how == "down":
            result = value // unit * unit
        else:
            result = (2 * value + unit) // (2 * unit) * unit
        if figures != 2 or unit == 1 or (result // unit) % 10:
            return result
        unit //= 10


def state(rng: random.Random, value: int, style: str) -> Stated:
    """`value` stated in `style`; a style that does not fit the value falls back to exact."""
    rounded = round_figures(value)
    if style == "rounded" and rounded != value and value >= 100:
        return Stated(text=f"{rounded:,}", point=rounded, style=style)
    if style == "hedged" and value >= 100:
        return Stated(text=f"{rng.choice(HEDGES)} {rounded:,}", point=rounded, style=style)
    if style == "nearly" and value >= 100:
        up = round_figures(value, how="up")
        if up != value:
            return Stated(text=f"{rng.choice(('nearly', 'almost'))} {up:,}", point=up, style=style)
    if style == "over" and value >= 100:
        down = round_figures(value, how="down")
        if down != value:
            return Stated(text=f"{rng.choice(('more than', 'over'))} {down:,}", point=down,
                          style=style)
    if style == "words":
        spoken = value if value < 100 else rounded
        try:
            return Stated(text=words(spoken), point=spoken, style=style)
        except ValueError:
            pass
    return Stated(text=f"{value:,}", point=value, style="exact")


def far_from(rng: random.Random, value: int, lo: int, hi: int) -> int:
    """A value in [lo, hi] at least 30% away from `value` either way (a real clash or change)."""
    while True:
        other = rng.randint(lo, hi)
        if other >= value * 1.3 or other * 1.3 <= value:
            return other


def wrapped(text: str, rng: random.Random) -> str:
    """The words of a quote as a source prints them: straight quote marks curled, a soft hyphen
    inside a long word, or a line break between two words (the quote itself keeps the plain
    form, so anchoring must normalise)."""
    choice = rng.random()
    if "'" in text and choice < 0.5:
        return text.replace("'", "\u2019")
    tokens = text.split(" ")
    near_number = {i + step for i, w in enumerate(tokens) for step in range(5)
                   if any(ch.isdigit() for ch in w) or w.lower().startswith(_NUMBER_STEMS)}
    long_words = [w for i, w in enumerate(tokens) if len(w) >= 8 and w.isalpha()
                  and i not in near_number]
    if long_words and choice < 0.75:
        word = rng.choice(long_words)
        middle = len(word) // 2
        return text.replace(word, word[:middle] + "\u00ad" + word[middle:], 1)
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if len(spaces) >= 4:
        at = spaces[len(spaces) // 2]
        return text[:at] + "\n" + text[at + 1:]
    return text
