"""Reading a number found in a longer text once for all the matches like it gives what reading
each match gives, and the cache of readings holds no source text."""

from __future__ import annotations

import gc
import re
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from factcheck.errors import NumberError
from factcheck.text import grammar as g
from factcheck.text.numbers import find_numbers
from factcheck.text.reading import (
    Number,
    RoundPrecision,
    _Found,
    _read_found,
    read,
    read_found,
)

_PIECES = ("two thirds", "75 per cent", "one in four", "a quarter", "a day", "half an hour",
           "per 1,000", "£2.9m", "twice", "one-off", "2023", "no one", "5 minutes 2 hours", "x")
_FIGURES = st.one_of(st.integers(0, 3000).map(str), st.integers(0, 3000).map("{:,}".format),
                     st.sampled_from(("two", "twenty-one", "sixteen hundred", "half", "a", "1.5")))
_NUMBERS = st.builds("{}{}{}".format,
                     st.sampled_from(("", "about ", "nearly ", "more than ", "at least ", "-")),
                     _FIGURES,
                     st.sampled_from(("", " per cent", "%", " hours", " days a week", " in four",
                                      " per 1,000", "m", " years")))
_GLUE = (" ", "  ", "\n", "-", ", ", "(", "'", "a", "7", "")


def _reading(how: Callable[[re.Match[str], RoundPrecision], tuple[Number, int]],
             m: re.Match[str]) -> tuple[Number, int] | str:
    try:
        return how(m, "implied")
    except NumberError as exc:
        return exc.message


@given(st.lists(st.tuples(st.sampled_from(_GLUE), st.sampled_from(_PIECES) | _NUMBERS),
                max_size=12))
def test_a_match_read_once_for_all_like_it_reads_as_itself(parts: list[tuple[str, str]]) -> None:
    text = "".join(glue + piece for glue, piece in parts)
    for start in g.START.finditer(text):
        m = g.SCAN.match(text, start.start())
        if m is not None and not m["skip"]:
            assert _reading(read_found, m) == _reading(read, m)


def test_the_cache_of_readings_holds_no_match_and_so_no_text() -> None:
    find_numbers("A text of its own: two thirds, 75 per cent and one in four of them.")
    gc.collect()
    held = [o for o in gc.get_objects() if isinstance(o, _Found)]
    assert _read_found.cache_info().currsize > 0
    assert held and all(o.match is None for o in held)
