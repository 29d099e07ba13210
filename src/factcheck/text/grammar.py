"""The grammar of stated numbers: their vocabulary and the regular expressions that find them.

This module only says which texts are number expressions and names their parts (as regex
groups); `factcheck.text.numbers` gives each form its value and precision, and documents them.
Every alternation of words is compiled as a trie ("a(?:bout|lmost|...)"), which Python's
regex engine walks several times faster than a flat list of words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from fractions import Fraction

__all__ = [
    "COMPONENT",
    "DIGIT_STARTS",
    "FACTORS",
    "FIRST_WORDS",
    "FOLD",
    "FRACTIONS",
    "FREQUENCIES",
    "FULL",
    "HEDGES",
    "MULTIPLIERS",
    "PER_UNITS",
    "SCAN",
    "SCAN_DIGIT",
    "SINGLE_DURATION",
    "START",
    "START_AFTER",
    "START_AFTER_LOWER",
    "TAIL_AFTER",
    "TAIL_END",
    "TAIL_QUICK",
    "TENS",
    "TIME_UNITS",
    "UNITS",
    "UNIT_SECONDS",
    "alt",
]

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
MULTIPLIERS = {
    "k": 1000, "thousand": 1000, "m": 10**6, "mn": 10**6, "million": 10**6,
    "bn": 10**9, "billion": 10**9, "trillion": 10**12, "hundred": 100,
}
FRACTIONS = {
    "tenth": Fraction(1, 10), "fifth": Fraction(1, 5), "quarter": Fraction(1, 4),
    "third": Fraction(1, 3), "half": Fraction(1, 2), "thirds": Fraction(2, 3),
    "quarters": Fraction(3, 4),
}
FACTORS = {
    "doubled": Fraction(2), "doubling": Fraction(2), "tripled": Fraction(3),
    "tripling": Fraction(3), "trebled": Fraction(3), "trebling": Fraction(3),
    "quadrupled": Fraction(4), "quadrupling": Fraction(4), "halved": Fraction(1, 2),
    "halving": Fraction(1, 2),
}
FREQUENCIES = {"once": 1, "twice": 2, "thrice": 3}
# Each hedge and the kind of reading it gives (see the docstring of factcheck.text.numbers).
HEDGES = {
    "approximately": "about", "approx.": "about", "approx": "about", "roughly": "about",
    "around": "about", "about": "about", "some": "about", "circa": "about",
    "just short of": "almost", "just under": "almost", "just below": "almost",
    "almost": "almost", "nearly": "almost", "approaching": "almost",
    "just over": "just over", "just above": "just over",
    "more than": "more", "in excess of": "more", "at least": "more", "over": "more",
    "above": "more", "upwards of": "more", "no fewer than": "more", "no less than": "more",
    "fewer than": "less", "less than": "less", "up to": "less", "at most": "less",
    "under": "less", "below": "less", "no more than": "less", "within": "less",
}
# Words for units of time, and the unit each names.
TIME_UNITS = {
    "second": "second", "seconds": "second", "sec": "second", "secs": "second",
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour",
    "day": "day", "days": "day", "week": "week", "weeks": "week",
    "month": "month", "months": "month",
    "year": "year", "years": "year", "yr": "year", "yrs": "year",
}
# A month is a twelfth of a year, a year 365.25 days: both a whole number of seconds.
_DAY = 24 * 60 * 60
UNIT_SECONDS = {
    "second": Fraction(1), "minute": Fraction(60), "hour": Fraction(3600), "day": Fraction(_DAY),
    "week": Fraction(7 * _DAY), "month": Fraction(36525 * _DAY, 1200),
    "year": Fraction(36525 * _DAY, 100),
}
PER_UNITS = tuple(UNIT_SECONDS)


def alt(words: Iterable[str]) -> str:
    """A regex matching any of the words, as a trie: longer words are tried first, and a space
    in a word matches any run of whitespace.  Follow it with (?!\\w) to match whole words."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(tree)


_Trie = dict[str, "_Trie"]


def _emit(node: _Trie) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _emit(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_UNIT_RE = alt(UNITS)
_ONE_NINE = alt(w for w, v in UNITS.items() if 1 <= v <= 9)
_BELOW_100 = rf"(?:(?:{alt(TENS)})(?:(?:-|[ \t]+)(?:{_ONE_NINE})(?!\w))?|(?:{_UNIT_RE}))(?!\w)"
_WORDS = (
    rf"(?:(?:a|{_BELOW_100})\s+hundred(?:\s+(?:and\s+)?{_BELOW_100})?"
    rf"|(?:a|{_BELOW_100})\s+dozen|hundred|dozen|{_BELOW_100}"
    r"|a(?=\s+(?:thousand|million|billion|trillion)(?!\w)))"
)
_FRACTION_WORDS = (
    r"(?:(?:a|one)[-\s]+(?:half|third|quarter|fifth|tenth)|half"
    r"|two[-\s]+thirds|three[-\s]+quarters)"
)
_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)"
_WHOLE = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)"
_WORD_MULT = r"(?:thousand|million|billion|trillion)"
_YEAR = r"(?:19[0-9]{2}|20[0-9]{2}|2100)(?![0-9]|,[0-9])"
# Not inside a word, not after "letters-" (Covid-19), not after "digit." etc. (1.2.3, 10:30).
_BEFORE = r"(?<!\w)(?<![^\W\d_]-)(?<!\d[.,:/])"
# Not followed by letters (24th), nor by a continuation (1.2.3, 10:30, 24/11), nor a time or
# a digit-only date (2023-11-24).
_AFTER = r"(?!\w)(?![.,:/]\d)(?!\s*[ap]\.?m(?!\w))(?!-\d\d?-\d)"
_PERCENT = r"\s*%|\s+(?:per[-\s]?cent|percentage\s+points?)(?!\w)"
_TIME_UNIT = rf"(?:{alt(TIME_UNITS)})(?!\w)"
_RATE_UNIT = rf"(?:{alt(PER_UNITS)})(?![\w-])(?!['\u2019]s(?!\w))"
_HALF = r"\s+and\s+a\s+half(?![\w-])"
# A later part of a duration: '30 seconds' in '2 minutes 30 seconds'.
_COMPONENT = rf"(?:{_DIGITS}|{_WORDS}|an?)(?:{_HALF})?(?:\s+|-){_TIME_UNIT}"
# What follows a duration's first unit: 'and a half', or its later parts (' 20 minutes').
_DURATION_END = rf"(?:{_HALF}|(?:,?\s+(?:and\s+)?{_COMPONENT})*)"
# What follows the amount of a duration's first part: ' minutes', ' hour 20 minutes'.
_DURATION_TAIL = rf"(?:{_HALF})?(?:\s+|-){_TIME_UNIT}{_DURATION_END}"


def _number_re(p: str, *, words: bool = True) -> str:
    """The pattern of one number expression; group names start with prefix p.  Without `words`,
    the branches that begin with a word never match (they keep their groups, so the groups are
    numbered alike): what is left is the pattern where a number begins with no letter."""
    w = "" if words else "(?!)"
    return (
        rf"(?:{w}(?<![\w-])(?P<{p}hedge>{alt(HEDGES)})\s+)?"
        rf"(?:"
        rf"{w}{_BEFORE}(?P<{p}freq>{alt(FREQUENCIES)})\s+(?:an?|per)\s+(?P<{p}funit>{_RATE_UNIT})"
        rf"|{_BEFORE}(?P<{p}rnum>{_WHOLE}|{w}{_BELOW_100})\s+(?:in|out\s+of)\s+(?:every\s+)?"
        rf"(?!{_YEAR})(?:(?P<{p}rdigits>{_WHOLE})(?:\s+(?P<{p}rmult>{_WORD_MULT}))?{_AFTER}"
        rf"|(?P<{p}rwords>{_WORDS})(?:\s+(?P<{p}rwmult>{_WORD_MULT}))?(?!\w))"
        rf"(?!{_PERCENT}|(?:\s+|-){_TIME_UNIT})"
        rf"|{w}{_BEFORE}(?P<{p}art>half\s+an?|an?)(?P<{p}adur>\s+(?!sec(?:ond)?s?(?!\w))"
        rf"{_TIME_UNIT}{_DURATION_END})"
        rf"|{w}{_BEFORE}(?P<{p}frac>{_FRACTION_WORDS})(?!\w)"
        rf"|{w}{_BEFORE}(?P<{p}factor>{alt(FACTORS)})(?!\w)"
        rf"|{_BEFORE}(?P<{p}sign>[-\u2212](?=[£$€]?\d))?(?P<{p}cur>[£$€])?(?P<{p}digits>{_DIGITS})"
        rf"(?:(?P<{p}sfx>bn|mn|m|k)|\s+(?P<{p}mult>{_WORD_MULT}))?{_AFTER}"
        rf"(?:(?P<{p}pct>{_PERCENT})"
        rf"|(?({p}sfx)(?!)|(?({p}mult)(?!)|(?({p}sign)(?!)|(?({p}cur)(?!)|"
        rf"(?P<{p}dur>{_DURATION_TAIL}))))))?"
        rf"|{w}{_BEFORE}(?P<{p}words>{_WORDS})(?:\s+(?P<{p}wmult>{_WORD_MULT}))?(?!\w)"
        rf"(?:(?P<{p}wpct>{_PERCENT})|(?({p}wmult)(?!)|(?P<{p}wdur>{_DURATION_TAIL})))?"
        rf")"
    )


def _base_re(p: str) -> str:
    """The pattern of the base after 'per': '100,000', '1 million', 'thousand', '24 hours'."""
    return (
        rf"(?:(?P<{p}digits>{_DIGITS})(?:(?P<{p}sfx>bn|mn|m|k)|\s+(?P<{p}mult>{_WORD_MULT}))?"
        rf"{_AFTER}(?:(?:\s+|-)(?P<{p}unit>{_TIME_UNIT}))?"
        rf"|(?:(?:a|one)\s+)?(?P<{p}word>hundred|{_WORD_MULT})(?!\w))"
    )


# Up to three words between a number and its base ('1.55 offences per 1,000 population').
_BETWEEN = r"(?:\s+[^\W\d_]+(?:['\u2019-][^\W\d_]+)*){0,3}"
# The same before a unit of time, but not through a word that makes the unit a span of time
# rather than a rate ('two officers for a year', 'arrested in a day').
_BETWEEN_RATE = (r"(?:\s+(?!(?:for|over|within|after|before|during|than|in|since|until|by|from)"
                 r"(?!\w))[^\W\d_]+(?:['\u2019-][^\W\d_]+)*){0,3}")
# Not a rate when the unit goes on to say when: 'a year ago', 'a day or two'.
_NOT_RATE = r"(?!\s+(?:ago|later|earlier|before|after|on|from|since|or)(?!\w))"
_TAIL = (rf"(?:{_BETWEEN}\s+(?P<per>per)\s+{_base_re('b')}"
         rf"|{_BETWEEN_RATE}\s+(?P<rkw>per|an?)\s+(?P<runit>{_RATE_UNIT}){_NOT_RATE})")

_SKIP_DATE = r"(?<![\w.,:/-])\d{1,4}(?P<sep>[-/.])\d{1,2}(?P=sep)\d{1,4}(?!\w)(?![.,:/-]\d)"
_SKIP = rf"{_SKIP_DATE}|(?<![\w-])(?:one-offs?|no\s+one|one\s+another)(?!\w)"
_FLAGS = re.IGNORECASE
SCAN = re.compile(rf"(?P<skip>{_SKIP})|{_number_re('')}", _FLAGS)
# SCAN where a number begins on one of DIGIT_STARTS: only its branches that begin with a digit,
# a sign, a currency sign or '.' can match there, so leaving out the others (the hedges, number
# words, fractions...) changes no match, not even the numbering of its groups, and is quicker.
DIGIT_STARTS = "0123456789.-\u2212£$€"
SCAN_DIGIT = re.compile(rf"(?P<skip>{_SKIP_DATE})|{_number_re('', words=False)}", _FLAGS)
# Where a match of SCAN may start: every branch starts after a non-word character, on a digit,
# sign, currency sign or '.', or on the first word of a hedge, number word, fraction, factor,
# frequency or article (or of "one-off", "no one"), a whole word: in every branch a non-word
# character follows it.  Scanning for these first and trying SCAN only there finds the same
# matches as SCAN.finditer, several times faster.
# A first word that only ever begins a longer phrase ("at" of "at least", "in" of "in excess
# of") is a start only where the whole phrase follows: such words are common in prose, and
# trying the number pattern after each of them was a tenth of reading a text's numbers.
_PHRASES = (*HEDGES, *UNITS, *TENS, *FACTORS, "no one")
_ALONE = {w.split()[0].rstrip(".") for w in _PHRASES if len(w.split()) == 1}
_ALONE |= {"a", "an", "one", "half", "two", "three", "hundred", "dozen", *FREQUENCIES}
FIRST_WORDS = frozenset(w.split()[0].rstrip(".") for w in _PHRASES) | _ALONE
_LEADING = [w for w in _PHRASES if w.split()[0].rstrip(".") not in _ALONE]
START = re.compile(rf"(?<!\w)(?:[\d.£$€\-\u2212]|(?:{alt(_ALONE)})(?!\w)"
                   rf"|(?=(?:{alt(_LEADING)})(?!\w)))", _FLAGS)
# START one character on, for searching: a non-word character, then (looking ahead) what START
# matches after it.  The regex engine skips to each non-word character at once, where START tries
# every position: START_AFTER.search(text, p - 1).end() is START.search(text, p).start() for
# p >= 1.  START_AFTER_LOWER is the same case-sensitive, for the text lowered by `str.lower` and
# FOLD when that keeps its length: there each letter that matches an ASCII letter ignoring case is
# that letter, and the regex engine skips a branch whose first letter differs at once.
_STARTS_AFTER = rf"\W(?=[\d.£$€\-\u2212]|(?:{alt({*_ALONE, *_LEADING})})(?!\w))"
START_AFTER = re.compile(_STARTS_AFTER, _FLAGS)
START_AFTER_LOWER = re.compile(_STARTS_AFTER)
# The letters that match an ASCII letter ignoring case but that `str.lower` leaves alone.
FOLD = str.maketrans("\u017f\u0131", "si")
FULL = re.compile(rf"\s*(?P<num>{_number_re('')})(?:{_TAIL})?\s*", _FLAGS)
TAIL_AFTER = re.compile(_TAIL, _FLAGS)
# What every match of TAIL_AFTER begins with: up to three words, then "per", "a" or "an".  Tried
# first after each number found in a text, as it rules out nearly all of them in half the time:
# it is case-sensitive (the classes hold every letter that matches one of "per", "an" ignoring
# case) and takes no word back.
TAIL_QUICK = re.compile(r"(?:\s++[^\W\d_]++(?:['\u2019-][^\W\d_]++)*+){0,3}?\s+"
                        r"(?:[Pp][Ee][Rr]|[Aa][Nn]?)\s")
# What may follow a number that a duration's misordered part cut short: '12 hours' + ' a day'.
TAIL_END = re.compile(rf"(?:{_TAIL})?\s*", _FLAGS)
COMPONENT = re.compile(
    rf"(?<!\w)(?P<amount>{_DIGITS}|{_WORDS}|half\s+an?|an?)(?P<half1>{_HALF})?(?:\s+|-)"
    rf"(?P<unit>{_TIME_UNIT})(?P<half2>{_HALF})?", _FLAGS)
# A duration of one part, split into what precedes the unit and the unit: 'about 11 months'.
SINGLE_DURATION = re.compile(rf"(?P<head>.+?)(?:\s+|-)(?P<unit>{_TIME_UNIT})", _FLAGS | re.DOTALL)
