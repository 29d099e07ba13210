"""The grammar's pattern builders, called directly.

`alt` and `_number_re` run while `factcheck.text.grammar` is imported, so the compiled
patterns alone cannot show whether they are right in general (nor can mutation testing,
which switches a mutant on only after the import): these tests call them.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from factcheck.text import grammar as g

words = st.text(alphabet="abc.?(", min_size=1, max_size=6)


@given(st.lists(words, min_size=1, max_size=8), st.lists(words, max_size=8))
def test_alt_matches_exactly_its_words(chosen: list[str], others: list[str]) -> None:
    pattern = re.compile(g.alt(chosen))
    for word in chosen:
        assert pattern.fullmatch(word)
    for word in others:
        assert bool(pattern.fullmatch(word)) == (word in chosen)


def test_alt_tries_longer_words_first() -> None:
    # A trie: 'a', 'ab' and 'abc' share their start, and the longest match is found.
    assert g.alt(["a", "ab", "abc"]) == "a(?:b(?:c)?)?"
    assert g.alt(["ab", "cd"]) == "(?:ab|cd)"
    assert re.match(g.alt(["a", "ab", "abc"]), "abcd")[0] == "abc"  # type: ignore[index]


def test_alt_lowercases_its_words_and_lets_a_space_be_any_whitespace() -> None:
    pattern = re.compile(g.alt(["Just Over", "A.B"]))
    assert pattern.fullmatch("just \n over")
    assert pattern.fullmatch("a.b")
    assert not pattern.fullmatch("JUST OVER")  # case is the caller's flag, not alt's
    assert not pattern.fullmatch("justover")
    assert not pattern.fullmatch("axb")  # '.' is escaped


def test_the_number_pattern_names_its_groups_with_the_prefix() -> None:
    pattern = re.compile(g._number_re("n_"), re.IGNORECASE)
    hedged = pattern.fullmatch("About 25 per cent")
    assert hedged is not None and (hedged["n_hedge"], hedged["n_digits"]) == ("About", "25")
    freq = pattern.fullmatch("twice a week")
    assert freq is not None and (freq["n_freq"], freq["n_funit"]) == ("twice", "week")
    factor = pattern.fullmatch("trebled")
    assert factor is not None and factor["n_factor"] == "trebled"
    base = re.compile(g._base_re("b_"), re.IGNORECASE).fullmatch("1.5 million")
    assert base is not None and (base["b_digits"], base["b_mult"]) == ("1.5", "million")
