"""The evidence checks' quick paths find what their plain forms find."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.checks.coverage import ascii_word_spans
from factcheck.checks.evidence import _PRONOUN_SAYS

_PLAIN_PRONOUN_SAYS = re.compile(
    r"\b(?:he|she|they|it)\s+(?:said|says|added|told|explained|posted|continued|wrote|stated|"
    r"states|found|finds|concluded|identified)\b", re.IGNORECASE)
"""The pattern as it was before its first-letter lookahead: the oracle."""

_PIECES = st.sampled_from([
    " ", "\n", "\t", "x", "-", ".", ",", "'", "t", "h", "s", "i", "e", "\u212a", "é", "_", "1",
    "said", "Says", "found", "the", "he", "it"])
_LOOK_ALIKE = str.maketrans({"s": "\u017f", "i": "\u0131", "I": "\u0130", "k": "\u212a"})
_PHRASES = st.builds(
    lambda pronoun, space, verb, case, look_alike: (
        (pronoun + space + verb).upper() if case else pronoun + space + verb
    ).translate(_LOOK_ALIKE if look_alike else {}),
    st.sampled_from(["he", "she", "they", "it", "the", "sh", "its"]),
    st.sampled_from([" ", "  ", "\n", "\t", "", "-"]),
    st.sampled_from(["said", "says", "told", "stated", "identified", "saying", "sai"]),
    st.booleans(), st.booleans())


@settings(max_examples=400)
@given(st.lists(_PIECES | _PHRASES, max_size=8).map("".join))
def test_the_pronoun_sayer_is_found_where_the_plain_pattern_finds_it(text: str) -> None:
    found, plain = _PRONOUN_SAYS.search(text), _PLAIN_PRONOUN_SAYS.search(text)
    assert (found is None) == (plain is None)
    assert found is None or plain is None or found.span() == plain.span()


@pytest.mark.parametrize("pronoun", ["he", "she", "they", "it"])
@pytest.mark.parametrize("spelt", [str, str.upper, str.title, lambda w: w.translate(_LOOK_ALIKE),
                                   lambda w: w.upper().translate(_LOOK_ALIKE)])
def test_every_pronoun_in_every_spelling_is_a_sayer(pronoun: str,
                                                    spelt: Callable[[str], str]) -> None:
    for text in (f"{spelt(pronoun)} said", f"And, {spelt(pronoun)}\tfound."):
        assert _PRONOUN_SAYS.search(text) is not None, text
        assert _PLAIN_PRONOUN_SAYS.search(text) is not None, text


def test_a_pronoun_in_letters_that_match_ascii_ignoring_case_is_a_sayer() -> None:
    assert _PRONOUN_SAYS.search("Then \u017fhe said so") is not None  # long s
    assert _PRONOUN_SAYS.search("and \u0130T FOUND that") is not None  # dotted capital I
    assert _PRONOUN_SAYS.search("the theme said") is None


_ASCII = st.text(alphabet=st.sampled_from("aAbBgGoOdD _-1.\n\tkK"), max_size=40)


@given(text=_ASCII, word=st.text(alphabet=st.sampled_from("aAbBgGoOdD _-1."), min_size=1,
                                 max_size=4))
def test_a_graded_word_in_an_ascii_text_is_where_its_pattern_finds_it(text: str,
                                                                      word: str) -> None:
    expected = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text,
                                              re.IGNORECASE)]
    assert list(ascii_word_spans(text.lower(), word.lower())) == expected


def test_a_graded_word_is_found_whole_and_in_any_case() -> None:
    text = "Good, not good-ish nor goods; GOOD_ good GOOD"
    assert list(ascii_word_spans(text.lower(), "good")) == [(0, 4), (36, 40), (41, 45)]
    assert list(ascii_word_spans("a a a a", "a a")) == [(0, 3), (4, 7)]  # apart, not overlapping
