"""Anchoring tests written to kill mutants that survived `scripts/mutation.py`.

Offsets and messages are counted by hand from the texts below.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.errors import AmbiguousQuote, QuoteNotFound
from factcheck.text.anchoring import resolve

# Curly quotes in the text, straight in the quote: every match here is a normalised one.
TWICE = "He said: \u201cthe force is good\u201d and \u201cthe force is good\u201d again."
QUOTE = '"the force is good"'


def test_a_normalised_match_is_picked_by_its_prefix_or_suffix() -> None:
    first = resolve(TWICE, QUOTE, prefix="said:")
    assert (first.start, first.end, first.column, first.candidates, first.match) == (
        9, 28, 10, 2, "normalised")
    second = resolve(TWICE, QUOTE, suffix="again.")
    assert (second.start, second.end, second.column, second.candidates) == (33, 52, 34, 2)
    assert resolve(TWICE, QUOTE, suffix="and").start == 9
    assert resolve(TWICE, QUOTE, prefix="and", suffix="again").start == 33


def test_a_normalised_match_at_the_very_ends_of_the_text() -> None:
    text = "\u201cthe force is good\u201d and \u201cthe force is good\u201d"
    assert resolve(text, QUOTE, prefix="and").start == 24
    assert resolve(text, QUOTE, suffix="and").start == 0
    with pytest.raises(QuoteNotFound, match=r"but none with suffix 'again'"):
        resolve(text, QUOTE, suffix="again")


def test_a_normalised_selector_must_fit_exactly() -> None:
    with pytest.raises(QuoteNotFound) as info:
        resolve(TWICE, QUOTE, prefix="nope")
    assert str(info.value) == "quote occurs 2 times (lines 1, 1) but none with prefix 'nope'"
    with pytest.raises(QuoteNotFound, match="but none with prefix 'said:' and suffix 'again'"):
        resolve(TWICE, QUOTE, prefix="said:", suffix="again")


def test_both_occurrences_fitting_the_prefix_are_named() -> None:
    text = "Prefix quote here. Prefix quote here."
    with pytest.raises(AmbiguousQuote) as info:
        resolve(text, "quote here", prefix="Prefix")
    assert str(info.value) == (
        "quote occurs 2 times (lines 1, 1) and 2 of them (lines 1, 1) have prefix 'Prefix'; "
        "lengthen the prefix or suffix to pick one")
    assert info.value.lines == (1, 1)


@pytest.mark.parametrize("gap", [" " * 40, " " * 100, " \n" * 2500])
def test_a_prefix_or_suffix_beyond_a_run_of_whitespace_still_counts(gap: str) -> None:
    text = f"Prefix{gap}quote here. Other quote here. Suffix"
    anchor = resolve(text, "quote here", prefix="Prefix")
    assert anchor.start == 6 + len(gap) and anchor.candidates == 2
    text = f"Other{gap}quote here. Prefix quote here."
    assert resolve(text, "quote here", prefix="Prefix").start == 5 + len(gap) + 19
    text = f"quote here{gap}Suffix. quote here other"
    assert resolve(text, "quote here", suffix="Suffix").start == 0
    text = f"quote here{gap}Other. quote here Suffix"
    assert resolve(text, "quote here", suffix="Suffix").start == 10 + len(gap) + 7


def test_a_long_prefix_that_the_text_before_cannot_hold() -> None:
    text = "ab quote. xyz quote."
    with pytest.raises(QuoteNotFound, match="but none with prefix"):
        resolve(text, "quote", prefix="a much longer prefix than the text ab")
    assert resolve(text, "quote", prefix="ab").start == 3


def test_many_occurrences_show_ten_lines_then_dots() -> None:
    with pytest.raises(AmbiguousQuote) as info:
        resolve("x\n" * 12, "x")
    assert str(info.value) == ("quote occurs 12 times (lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ...); "
                               "add a prefix or suffix to pick one")
    with pytest.raises(AmbiguousQuote) as ten:
        resolve("x\n" * 10, "x")
    assert "(lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);" in str(ten.value)


def test_a_long_selector_is_cut_to_sixty_characters_in_messages() -> None:
    prefix = "p" * 61
    with pytest.raises(QuoteNotFound) as info:
        resolve(TWICE, QUOTE, prefix=prefix)
    assert str(info.value).endswith(f"but none with prefix '{'p' * 60}...'")
    with pytest.raises(QuoteNotFound) as exact:
        resolve(TWICE, QUOTE, prefix="q" * 60)
    assert str(exact.value).endswith(f"but none with prefix '{'q' * 60}'")


def test_a_long_quote_that_departs_early_names_its_opening() -> None:
    text = "x" * 30 + " the opening words of it, then the rest.\n"
    quote = "the opening words of it, and something else " + "y" * 600
    with pytest.raises(QuoteNotFound) as info:
        resolve(text, quote)
    message = str(info.value)
    assert "it is 644 characters long" in message
    assert ("its first 25 characters are at line 1, then the quote has "
            "'and something else yyyyyyyyyyy' where the source has 'then the rest. '") in message


def test_a_long_quote_whose_opening_is_just_too_short_to_show() -> None:
    text = "0123456789012345678 and the rest\n"
    quote = "0123456789012345678" + "z" * 600
    with pytest.raises(QuoteNotFound, match="not even its first 20 characters are in the source"):
        resolve(text, quote)
    text = "01234567890123456789 and the rest\n"
    quote = "01234567890123456789" + "z" * 600
    with pytest.raises(QuoteNotFound, match="its first 20 characters are at line 1"):
        resolve(text, quote)


def test_a_long_quote_found_later_in_the_text_names_that_line() -> None:
    text = "a\nb\n" + "the opening words of the quote, " * 2 + "\n"
    quote = "the opening words of the quote, then more " + "y" * 600
    # 'the opening words of the quote, the' (35 characters) is in the text, at line 3.
    with pytest.raises(QuoteNotFound) as info:
        resolve(text, quote)
    assert str(info.value).endswith(
        "its first 35 characters are at line 3, then the quote has 'n more " + "y" * 23
        + "' where the source has ' opening words of the quote, '")


def test_a_selector_right_against_the_quote_needs_no_space() -> None:
    # Double spaces force the normalised path; the selector touches the quote.
    assert resolve(TWICE, "the force  is good\"", prefix="said: \"").start == 10
    assert resolve(TWICE, "the force  is good", suffix="\" again").start == 34


def test_a_quote_at_the_start_has_no_prefix_even_if_the_text_ends_with_it() -> None:
    text = "\u201cabc\u201d and \u201cabc\u201d and\n"
    anchor = resolve(text, '"abc"', prefix="and")
    assert (anchor.start, anchor.end, anchor.candidates) == (10, 15, 2)


def test_an_empty_source_is_said_to_be_empty() -> None:
    with pytest.raises(QuoteNotFound) as info:
        resolve("   \n  ", "abc")
    assert str(info.value) == "quote not found in source; the source is empty"


@pytest.mark.parametrize(("text", "quote", "passage"), [
    # a letter missing, added or swapped: the passage is the words the quote misspells
    ("The assessment is the same in connection with investigation teams.\n",
     "The assesment is the same", "The assessment is the same"),
    ("The assessment is the same in connection with investigation teams.\n",
     "assessment is the samee", "assessment is the same"),
    ("The assessment is the same in connection with investigation teams.\n",
     "he assessment is teh same in", "he assessment is the same in"),
    ("The assessment is the same in connection with investigation teams.\n",
     "investigation teems.", "investigation teams."),
    ("Some words here,   and   the assessment is the same   in all.\n",
     "the asessment is the same", "the assessment is the same"),
])
def test_a_fuzzy_match_is_the_passage_the_quote_misspells(text: str, quote: str,
                                                          passage: str) -> None:
    anchor = resolve(text, quote)
    assert anchor.match == "fuzzy"
    assert text[anchor.start:anchor.end] == passage
    assert anchor.start == text.index(passage)


def test_a_passage_scoring_exactly_the_threshold_is_accepted() -> None:
    text = "The assessment is the same in connection with investigation teams.\n"
    score = resolve(text, "The assesment is the same").score
    assert resolve(text, "The assesment is the same", fuzzy_threshold=score).match == "fuzzy"
    with pytest.raises(QuoteNotFound, match="closest passage"):
        resolve(text, "The assesment is the same", fuzzy_threshold=score + 0.01)


ab = st.text(alphabet="ab", max_size=40)


@given(st.text(alphabet="ab", min_size=501, max_size=560), st.integers(0, 80), ab, ab, ab,
       st.booleans())
def test_a_long_quote_reports_the_longest_opening_the_source_holds(
        quote: str, size: int, before: str, between: str, after: str, twice: bool) -> None:
    # Letters only: normalising changes nothing, so the opening is counted on the raw strings.
    opening = quote[:size]
    text = before + opening + between + (opening + after if twice else after)
    k = max(n for n in range(len(quote) + 1) if quote[:n] in text)
    head = (f"quote not found in source; it is {len(quote):,} characters long, and quotes over "
            "500 characters are matched only exactly or after normalising (no fuzzy search)")
    with pytest.raises(QuoteNotFound) as info:
        resolve(text, quote)
    if k < 20:
        assert str(info.value) == f"{head}; not even its first 20 characters are in the source"
    else:
        at = text.find(quote[:k])
        assert str(info.value) == (
            f"{head}; its first {k:,} characters are at line 1, then the quote has "
            f"{quote[k:k + 30]!r} where the source has {text[at + k:at + k + 30]!r}")


def test_the_default_threshold_is_85() -> None:
    # Three letters of twenty replaced: 6 edits in 40 characters, a score of exactly 85.
    text = "Officers were sent to the scene by car.\n"
    anchor = resolve(text, "sxnt to thx scxne by")
    assert (anchor.match, anchor.score, anchor.candidates) == ("fuzzy", 85.0, 1)
    assert text[anchor.start:anchor.end] == "sent to the scene by"


def test_a_quote_of_exactly_500_characters_is_still_searched_fuzzily() -> None:
    text = "word " * 120
    quote = "word " * 99 + "wordx"  # 500 characters, one too many
    anchor = resolve(text, quote)
    assert anchor.match == "fuzzy" and anchor.start == 0


def test_a_normalised_match_never_ends_between_a_letter_and_its_accent() -> None:
    # 'q' has no precomposed form with U+0301: the first 'and q' would end inside 'q́'.
    anchor = resolve("and q\u0301 x, and q y", "and  q")
    assert (anchor.start, anchor.end, anchor.candidates, anchor.match) == (10, 15, 1, "normalised")


@pytest.mark.parametrize(("text", "quote", "start"), [
    ("x q\u200b\u0301 y and q z", "q", 12),  # an invisible character between letter and accent
    ("xa\u0300 and xa", "xa", 8),  # U+0300, the first combining mark, joins too
])
def test_an_exact_match_never_ends_between_a_letter_and_its_accent(
        text: str, quote: str, start: int) -> None:
    anchor = resolve(text, quote)
    assert (anchor.start, anchor.match, anchor.candidates) == (start, "exact", 1)


def test_a_quote_may_start_with_a_mark_only_at_the_start_of_the_text() -> None:
    anchor = resolve("\u0301abc and more", "\u0301abc")
    assert (anchor.start, anchor.end, anchor.match) == (0, 4, "exact")
    with pytest.raises(QuoteNotFound):
        resolve("a\u0301bc and more", "\u0301bc")


@pytest.mark.parametrize(("text", "quote", "end"), [
    ("a\u2019\u200b b", "'", 2),  # an invisible character after the match is not in it
    ("it\u2019s  \n", "it's", 4),  # nor is the whitespace at the end of the text
    ("it\u2019s\u200b", "it's", 4),
])
def test_a_normalised_match_ends_at_its_last_character(text: str, quote: str, end: int) -> None:
    anchor = resolve(text, quote)
    assert anchor.match == "normalised" and anchor.end == end


@given(st.text(alphabet="abx", max_size=5), st.text(alphabet="ab", min_size=1, max_size=4),
       st.integers(1, 6), st.text(alphabet="ab", max_size=3), st.text(alphabet="abx", max_size=8))
def test_every_occurrence_is_found_in_repeating_text(
        before: str, unit: str, times: int, cut: str, after: str) -> None:
    # Periodic needles after a prefix: the next occurrences are found by their period.
    from factcheck.text.anchoring import _find_all

    needle = (unit * 3)[:len(unit) * 2 + len(cut)] or unit
    haystack = before + unit * times + cut + after + needle + unit
    naive = [i for i in range(len(haystack)) if haystack.startswith(needle, i)]
    assert _find_all(haystack, needle) == naive


@pytest.mark.parametrize(("haystack", "needle", "starts"), [
    ("x" + "ab" * 6 + "a", "abababa", [1, 3, 5, 7]),
    ("ababa" + "bb" + "ababa", "ababa", [0, 7]),
    ("ababababa", "ababa", [0, 2, 4]),
])
def test_every_occurrence_of_a_periodic_quote(haystack: str, needle: str,
                                              starts: list[int]) -> None:
    from factcheck.text.anchoring import _find_all

    assert _find_all(haystack, needle) == starts


@pytest.mark.parametrize("quote", [
    "investigations were thoroughly unsatisfactoryy",
    "investigationz were thoroughly unsatisfactory",
])
def test_a_fuzzy_passage_keeps_its_long_first_and_last_words(quote: str) -> None:
    text = "Inspectors found the investigations were thoroughly unsatisfactory in places.\n"
    anchor = resolve(text, quote)
    assert text[anchor.start:anchor.end] == "investigations were thoroughly unsatisfactory"


@given(st.text(alphabet="ab ", min_size=1, max_size=12), st.text(alphabet="ab ", max_size=40),
       st.data())
def test_refining_a_window_keeps_it_off_spaces_and_no_worse(
        quote: str, ntext: str, data: st.DataObject) -> None:
    from rapidfuzz import fuzz

    from factcheck.text.anchoring import _refine

    folded = quote.strip() or "a"
    ntext = "b" + ntext + "a"
    start = data.draw(st.integers(0, len(ntext) - 1))
    end = data.draw(st.integers(start + 1, len(ntext)))
    trimmed = ntext[start:end].strip(" ")
    assume(trimmed)  # partial_ratio's window holds some of the quote's letters
    s, e, score = _refine(folded, ntext, start, end)
    assert 0 <= s < e <= len(ntext)
    assert ntext[s] != " " and ntext[e - 1] != " "
    assert score == fuzz.ratio(folded, ntext[s:e])
    assert score >= fuzz.ratio(folded, trimmed)


def test_the_shortcut_period_is_that_of_the_quote_not_of_a_longer_opening() -> None:
    # "abcabca" has period 3: occurrences at 1 and 4; the "cabca" at 11 must not be taken
    # for the tail of a period-5 repeat (which would report 9, where "acabca" does not match).
    from factcheck.text.anchoring import _find_all

    assert _find_all("xabcabcabcacabca", "abcabca") == [1, 4]


# fuzz.ratio is 200 * LCS / (len(a) + len(b)). In the windows below the quote's characters
# are distinct and "z" is not one of them, so a window's LCS is the number of the quote's
# characters it holds: widening over a letter raises the ratio, over a "z" lowers it, and
# each end moves straight towards the passage, at most `reach` characters a round
# (3 below 16 characters, a quarter of the length up to 32), for two rounds.
_Z = "z" * 24
_T = "abcdefghijklmnopqrst"  # 20 characters: reach 5
_WIDE = "".join(chr(0x4E00 + i) for i in range(136))  # 136 characters: reach 32, not 34


def _assert_refined(folded: str, ntext: str, window: tuple[int, int],
                    refined: tuple[int, int, float]) -> None:
    """`_refine` moves the window to `refined`'s ends with its score."""
    from factcheck.text.anchoring import _refine

    start, end, score = _refine(folded, ntext, *window)
    assert (start, end) == refined[:2]
    assert score == pytest.approx(refined[2])


@pytest.mark.parametrize(("folded", "ntext", "window", "refined"), [
    # 8 characters, reach 3. Window 5 to the right: 3 then 2 back; the end drops the z's.
    ("abcdefgh", _Z + "abcdefgh" + _Z, (29, 37), (24, 32, 100.0)),
    # 7 to the right: 3 and 3 back leave "a" out; the end reaches back to one z past "h".
    ("abcdefgh", _Z + "abcdefgh" + _Z, (31, 39), (25, 33, 200 * 7 / 16)),
    # 7 to the left: the mirror image, one z before the passage and "h" left out.
    ("abcdefgh", _Z + "abcdefgh" + _Z, (17, 25), (23, 31, 200 * 7 / 16)),
    # the passage at the start of the text: the start goes back to 0 itself.
    ("abcdefgh", "abcdefgh" + _Z, (3, 11), (0, 8, 100.0)),
    # 20 characters, reach 5: 11 to the right ends 1 short, one z past the end.
    (_T, _Z + _T + _Z, (35, 55), (25, 45, 200 * 19 / 40)),
    # 136 characters, reach 32: 65 to the right ends 1 short.
    (_WIDE, "z" * 200 + _WIDE + "z" * 200, (265, 401), (201, 337, 200 * 135 / 272)),
])
def test_refining_moves_each_end_by_its_reach_for_two_rounds(
        folded: str, ntext: str, window: tuple[int, int],
        refined: tuple[int, int, float]) -> None:
    _assert_refined(folded, ntext, window, refined)


@pytest.mark.parametrize(("folded", "ntext", "window", "refined"), [
    # "qr" in "zzqzz" from "qz" (50): the end comes back to just after the start, "q" (66.7).
    ("qr", "zzqzz", (2, 4), (2, 3, 200 * 1 / 3)),
    # "ab" and "abxyc" both score 200 * 2 / 6 = 200 * 3 / 9: the first end found is kept.
    ("abcd", "abxyczz", (0, 4), (0, 2, 200 * 2 / 6)),
    # "bxycd" and "cd" tie likewise: the first start found (from "xycd", 50) is kept.
    ("abcd", "zzbxycd", (3, 7), (2, 7, 200 * 2 / 6)),
    # a window that already scores the best is kept over an earlier start that ties it.
    ("abcd", "zzbxycd", (5, 7), (5, 7, 200 * 2 / 6)),
    # the space at its start is dropped first: "cd" ties "bx cd", so the start stays on "c".
    ("abcd", "zzbx cd", (4, 7), (5, 7, 200 * 2 / 6)),
    # a space at its end is dropped: "abxyc" ties "ab", so the end stays after "c".
    ("abcd", "abxyc zz", (0, 6), (0, 5, 200 * 3 / 9)),
    # and so is a space that ends the text, with nothing after it to look at.
    ("abcd", "abxyc ", (0, 6), (0, 5, 200 * 3 / 9)),
    # " its" starts on "i" after its space: "th its" (80, LCS "t is") is 3 back from there.
    ("t is", "with its to", (4, 8), (2, 8, 80.0)),
])
def test_refining_keeps_the_first_of_equal_scores_and_drops_end_spaces(
        folded: str, ntext: str, window: tuple[int, int],
        refined: tuple[int, int, float]) -> None:
    _assert_refined(folded, ntext, window, refined)
