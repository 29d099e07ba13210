"""Tests for placing quotes in source texts."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.errors import AmbiguousQuote, QuoteNotFound
from factcheck.text import normalise as normalise_module
from factcheck.text.anchoring import line_and_column, resolve
from factcheck.text.normalise import normalise

# Lines from a news article about an inspection of West Midlands Police.
SOURCE = (
    "West Midlands Police inspection\n"  # line 1
    "\n"
    "An inspection found that West Midlands Police (WMP) was \"good\" in five areas,"
    " \"adequate\" in three areas and \"requires improvement\" in three areas.\n"  # line 3
    "\n"
    "The three classed as \"requires improvement\" were investigating crime,"
    " protecting vulnerable people and managing offenders.\n"  # line 5
    "\n"
    "He said: \u201cAs the report states, West Midlands Police \u2018can\u2019t meet the"
    " demand for its services in protecting vulnerable people with the resources it"
    " has\u2019. The assessment is the same in connection with investigation teams.\n"  # line 7
)


def test_exact_match_offsets_line_and_column() -> None:
    quote = 'requires improvement" were investigating crime'
    anchor = resolve(SOURCE, quote)
    assert anchor.match == "exact"
    assert (anchor.start, anchor.end) == (203, 249)
    assert SOURCE[anchor.start : anchor.end] == quote
    assert (anchor.line, anchor.column, anchor.end_line) == (5, 23, 5)
    assert anchor.score == 100.0
    assert anchor.candidates == 1


def test_straight_quotes_match_curly_ones() -> None:
    anchor = resolve(SOURCE, "West Midlands Police 'can't meet the demand")
    assert anchor.match == "normalised"
    assert SOURCE[anchor.start : anchor.end] == (
        "West Midlands Police \u2018can\u2019t meet the demand"
    )
    assert (anchor.line, anchor.column, anchor.end_line) == (7, 33, 7)
    assert anchor.score == 100.0


def test_quote_spanning_line_breaks() -> None:
    anchor = resolve(SOURCE, "in three areas. The three classed as")
    assert anchor.match == "normalised"
    assert SOURCE[anchor.start : anchor.end] == "in three areas.\n\nThe three classed as"
    assert (anchor.line, anchor.end_line) == (3, 5)


def test_dashes_and_unusual_spaces() -> None:
    text = "First line.\nThe plan \u2013 agreed in\u00a0March \u2014 was dropped.\n"
    anchor = resolve(text, "plan - agreed in March - was")
    assert anchor.match == "normalised"
    assert text[anchor.start : anchor.end] == "plan \u2013 agreed in\u00a0March \u2014 was"
    assert (anchor.line, anchor.column) == (2, 5)


def test_typo_is_a_fuzzy_match_with_its_score() -> None:
    anchor = resolve(SOURCE, "cant meet the demmand for its servises")
    assert anchor.match == "fuzzy"
    assert 85.0 <= anchor.score < 100.0
    assert SOURCE[anchor.start : anchor.end] == "can\u2019t meet the demand for its services"
    assert anchor.line == 7


def test_fuzzy_threshold_is_respected() -> None:
    with pytest.raises(QuoteNotFound, match="closest passage"):
        resolve(SOURCE, "cant meet the demmand for its servises", fuzzy_threshold=99.0)


def test_not_found_names_the_closest_line() -> None:
    with pytest.raises(QuoteNotFound) as info:
        resolve(SOURCE, "The assessment was different for the investigation squads")
    message = str(info.value)
    assert message.startswith("quote not found in source; closest passage (score ")
    assert "at line 7: 'The assessment is the same" in message


def test_ambiguous_quote_names_the_lines() -> None:
    with pytest.raises(AmbiguousQuote) as info:
        resolve(SOURCE, "requires improvement")
    assert info.value.lines == (3, 5)
    assert "2 times (lines 3, 5)" in str(info.value)
    assert "prefix or suffix" in str(info.value)


def test_overlapping_occurrences_count() -> None:
    with pytest.raises(AmbiguousQuote) as info:
        resolve("aaa", "aa")
    assert info.value.lines == (1, 1)


def test_prefix_picks_one_occurrence() -> None:
    # Curly prefix against a straight quote mark in the text.
    anchor = resolve(SOURCE, "requires improvement", prefix="areas and \u201c")
    assert (anchor.line, anchor.column, anchor.candidates) == (3, 110, 2)


def test_suffix_picks_one_occurrence() -> None:
    anchor = resolve(SOURCE, "requires improvement", suffix='" were')
    assert (anchor.line, anchor.column, anchor.candidates) == (5, 23, 2)


def test_prefix_whitespace_at_the_junction_does_not_matter() -> None:
    for prefix in ("found that", "found that ", "found\nthat  "):
        anchor = resolve(SOURCE, "West Midlands Police", prefix=prefix)
        assert (anchor.line, anchor.candidates) == (3, 3)
    anchor = resolve(SOURCE, "West Midlands Police", prefix="said: \u201cAs the report states,")
    assert anchor.line == 7


def test_prefix_and_suffix_together() -> None:
    anchor = resolve(SOURCE, "three", prefix="in", suffix="areas.")
    assert anchor.line == 3
    assert SOURCE[anchor.end : anchor.end + 7] == " areas."


def test_wrong_prefix_is_an_error() -> None:
    with pytest.raises(QuoteNotFound, match=r"occurs 3 times \(lines 1, 3, 7\) but none"):
        resolve(SOURCE, "West Midlands Police", prefix="the chief of")


def test_wrong_prefix_on_a_single_occurrence_is_an_error() -> None:
    with pytest.raises(QuoteNotFound, match=r"occurs once \(line 5\) but not with prefix"):
        resolve(SOURCE, "investigating crime", prefix="were not")


def test_selector_that_still_fits_several_is_ambiguous() -> None:
    with pytest.raises(AmbiguousQuote) as info:
        resolve(SOURCE, "requires improvement", prefix='"')
    assert info.value.lines == (3, 5)


@pytest.mark.parametrize("quote", ["", "   ", " \n\t\u00a0"])
def test_empty_quote(quote: str) -> None:
    with pytest.raises(QuoteNotFound, match=r"^empty quote$"):
        resolve(SOURCE, quote)


def test_normalise_maps_back_to_original_offsets() -> None:
    text = "a \u00a0\n b\u2019\u200bc\u2014"
    ntext, offsets = normalise(text)
    assert (ntext, list(offsets)) == ("a b'c-", [0, 1, 5, 6, 8, 9, 10])


def test_precomputed_normalisation_gives_the_same_anchor() -> None:
    quote = "West Midlands Police 'can't meet the demand"
    assert resolve(SOURCE, quote, normalised=normalise(SOURCE)) == resolve(SOURCE, quote)


def test_line_and_column() -> None:
    assert line_and_column("ab\ncd\n", 0) == (1, 1)
    assert line_and_column("ab\ncd\n", 2) == (1, 3)
    assert line_and_column("ab\ncd\n", 3) == (2, 1)
    assert line_and_column("ab\ncd\n", 6) == (3, 1)
    with pytest.raises(ValueError):
        line_and_column("ab", 3)


# --- properties ---------------------------------------------------------------

CURLY = "\u2018\u2019\u201c\u201d"
DASHES = "\u2013\u2014-"
ALPHABET = "abcx  \n" + CURLY + DASHES + "'\"\u00a0"
texts = st.text(alphabet=ALPHABET, max_size=80)
STRAIGHTEN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _count(haystack: str, needle: str) -> int:
    return sum(1 for i in range(len(haystack)) if haystack.startswith(needle, i))


@given(texts, st.data())
def test_unique_slice_resolves_exactly(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, max(0, len(text) - 1)))
    end = data.draw(st.integers(start + 1, max(start + 1, len(text))))
    quote = text[start:end]
    assume(quote.strip() and _count(text, quote) == 1)
    anchor = resolve(text, quote)
    assert (anchor.start, anchor.end, anchor.match) == (start, end, "exact")


@given(texts, st.data())
def test_reworded_whitespace_and_quotes_map_back(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, max(0, len(text) - 1)))
    end = data.draw(st.integers(start + 1, max(start + 1, len(text))))
    pieces = text[start:end].translate(STRAIGHTEN).split()
    seps = [data.draw(st.sampled_from([" ", "\n", "\n\n", "  "])) for _ in pieces]
    quote = "".join(p + s for p, s in zip(pieces, seps, strict=True)).strip()
    folded = normalise(quote)[0].strip()
    assume(folded and _count(normalise(text)[0], folded) == 1 and _count(text, quote) <= 1)
    anchor = resolve(text, quote)
    assert anchor.match in ("exact", "normalised")
    assert normalise(text[anchor.start : anchor.end])[0].strip() == folded


@given(texts, st.data())
def test_line_and_column_counts_newlines(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    lines = text[:offset].split("\n")
    assert line_and_column(text, offset) == (len(lines), len(lines[-1]) + 1)


# --- lines, Unicode and bounded work (issue 17) -------------------------------


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_every_line_end_counts(end: str) -> None:
    text = end.join(["first line", "second line", "third line here"]) + end
    anchor = resolve(text, "line here")
    assert (anchor.line, anchor.column, anchor.end_line) == (3, 7, 3)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0c", "\x0b"])
def test_unicode_line_separators_do_not_end_a_line(separator: str) -> None:
    text = f"one{separator}two\nthree"
    assert resolve(text, "three").line == 2
    assert resolve(text, "two").line == 1


def test_nfd_quote_matches_nfc_source_after_normalising() -> None:
    import unicodedata

    source = "The café in Zürich said the rôle was not théirs.\n"
    quote = unicodedata.normalize("NFD", "café in Zürich said the rôle")
    assert quote != "café in Zürich said the rôle"
    anchor = resolve(unicodedata.normalize("NFC", source), quote)
    assert anchor.match == "normalised"
    assert source[anchor.start:anchor.end] == "café in Zürich said the rôle"


def test_nfc_quote_matches_nfd_source_and_keeps_the_accent() -> None:
    import unicodedata

    source = unicodedata.normalize("NFD", "Le préfet a parlé.\n")
    anchor = resolve(source, "a parlé")
    assert anchor.match == "normalised"
    assert source[anchor.start:anchor.end] == unicodedata.normalize("NFD", "a parlé")


def test_invisible_characters_are_dropped_when_normalising() -> None:
    text = "the\u200e force\u2060 has 2,221 officers"
    anchor = resolve(text, "the force has 2,221\u200b officers")
    assert anchor.match == "normalised"
    assert (anchor.start, anchor.end) == (0, len(text))


def test_a_control_character_in_the_quote_is_named() -> None:
    with pytest.raises(QuoteNotFound, match=r"invisible characters the source does not "
                                            r"\(U\+0007 unnamed character\)"):
        resolve(SOURCE, "investigating\x07 crime, protecting vulnerable people")


def test_compatibility_forms_are_named_not_scored() -> None:
    with pytest.raises(QuoteNotFound, match=r"Unicode compatibility forms.*U\+FB01 LATIN SMALL "
                                            r"LIGATURE FI for 'fi'"):
        resolve("The force must find officers.\n", "The force must \ufb01nd officers")


def test_a_quote_too_long_for_the_fuzzy_search_says_where_it_departs() -> None:
    text = "word " * 40 + "the end of the source.\n"
    quote = "word " * 40 + "the end of a different text " + "x" * 600
    with pytest.raises(QuoteNotFound) as info:
        resolve(text, quote)
    message = str(info.value)
    assert "over 500 characters are matched only exactly or after normalising" in message
    assert ("its first 211 characters are at line 1, then the quote has 'a different text xxx"
            in message)
    assert "where the source has 'the source. '" in message


def test_a_long_quote_with_no_opening_in_the_source() -> None:
    with pytest.raises(QuoteNotFound, match="not even its first 20 characters"):
        resolve(SOURCE, "z" * 2000)


def test_one_character_quote_in_a_large_source_names_its_lines() -> None:
    text = "ab\n" * 100_000
    with pytest.raises(AmbiguousQuote) as info:
        resolve(text, "b")
    assert len(info.value.lines) == 100_000
    assert info.value.lines[-1] == 100_000
    assert "100,000 times (lines 1, 2, 3" in str(info.value)


def test_prefix_picks_among_many_periodic_occurrences() -> None:
    text = "aaaa" * 1000 + "X" + "aaaa" * 1000
    anchor = resolve(text, "a" * 8, prefix="X")
    assert anchor.start == 4001 and anchor.candidates == 2 * (4000 - 8 + 1)


def test_only_the_nearest_characters_of_a_long_prefix_count() -> None:
    text = "y" * 300 + " QUOTE\n" + "w" * 300 + " QUOTE\n"
    anchor = resolve(text, "QUOTE", prefix="anything at all " * 40 + "y" * 300)
    assert anchor.line == 1


def _naive_find_all(haystack: str, needle: str) -> list[int]:
    return [i for i in range(len(haystack) - len(needle) + 1) if haystack.startswith(needle, i)]


@given(st.text(alphabet="ab", max_size=60), st.text(alphabet="ab", min_size=1, max_size=10))
def test_find_all_finds_every_occurrence(haystack: str, needle: str) -> None:
    from factcheck.text.anchoring import _find_all

    assert _find_all(haystack, needle) == _naive_find_all(haystack, needle)


COMBINING = "e\u0301\u0308\u0327a\u030a\u1100\u1161\u11a8 \n\u200b\u00ad"


@given(st.text(alphabet=COMBINING + "xy'\u2019", max_size=60))
def test_normalise_agrees_with_whole_text_nfc(text: str) -> None:
    import unicodedata

    from factcheck.text.normalise import normalise_text

    ntext, offsets = normalise(text)
    assert ntext == normalise_text(text)
    dropped = text.replace("\u200b", "").replace("\u00ad", "")
    expected = " ".join(unicodedata.normalize("NFC", dropped).replace("\u2019", "'").split())
    assert ntext.strip() == expected
    positions = list(offsets)
    assert len(positions) == len(ntext) + 1 and positions[-1] == len(text)
    assert positions == sorted(positions)


@given(st.text(alphabet=COMBINING.replace("\u200b\u00ad", "") + "xy", min_size=1, max_size=40),
       st.data())
def test_nfd_slices_resolve_to_the_same_words(text: str, data: st.DataObject) -> None:
    import unicodedata

    from factcheck.text.anchoring import _joins

    whole = [i for i in range(len(text) + 1) if i == len(text) or not _joins(text[i])]
    start = data.draw(st.sampled_from(whole))
    assume(start < len(text))
    end = data.draw(st.sampled_from([i for i in whole if i > start]))
    quote = unicodedata.normalize(data.draw(st.sampled_from(["NFC", "NFD"])), text[start:end])
    folded = normalise(quote)[0].strip()
    assume(folded and _count(normalise(text)[0], folded) == 1)
    anchor = resolve(text, quote)
    assert normalise(text[anchor.start:anchor.end])[0].strip() == folded


def test_the_written_out_joining_characters_match_the_unicode_database() -> None:
    import unicodedata

    from factcheck.text.normalise import JOINING_STARTERS, composition

    assert {ch for ch in composition()[1] if not unicodedata.combining(ch)} == JOINING_STARTERS


@given(st.text(max_size=80) | st.text(alphabet="a \u00a0\t\n\u2019\u201c\u2014\u00ad\u0301e'-", max_size=40))
def test_normalise_text_is_normalise_without_offsets(text: str) -> None:
    """The quick path (no offsets, ASCII and already-plain texts short-cut) says what the full
    normalisation says, for any text."""
    from factcheck.text.normalise import normalise_text

    assert normalise_text(text) == normalise(text)[0]


def test_no_mark_folds_into_another() -> None:
    """`normalise_text` folds the marks one after another, which is folding them at once only
    while no mark's fold is itself a mark."""
    from factcheck.text.normalise import _FOLD

    assert not set(_FOLD.values()) & set(_FOLD)


@given(st.text(alphabet=st.sampled_from(sorted(normalise_module.DROPPED))
               | st.sampled_from(sorted(normalise_module._FOLD)) | st.characters(), max_size=40))
def test_dropping_and_folding_a_character_at_a_time_is_translating(text: str) -> None:
    """The invisible characters are dropped and the marks folded one kind at a time, which says
    the same as `str.translate` with the tables they are defined by."""
    from factcheck.text.normalise import _DROP_TABLE, _FOLD_TABLE, _dropped, _folded

    assert _dropped(text) == text.translate(_DROP_TABLE)
    assert _folded(text) == text.translate(_FOLD_TABLE)


_WHITESPACE = sorted(ch for ch in map(chr, range(0x110000)) if ch.isspace())


@given(st.text(alphabet=st.sampled_from(_WHITESPACE) | st.sampled_from(" \n\tab") | st.characters(),
               max_size=40))
def test_collapsing_whitespace_by_splitting_is_the_regular_expression(text: str) -> None:
    """Runs of whitespace become one space by `str.split`, which must split at exactly the
    characters `\\s` matches and keep a run at either end as one space, as `re.sub` does."""
    from factcheck.text.normalise import _collapsed

    assert _collapsed(text) == re.sub(r"\s+", " ", text)


def _naive_collapse(text: str) -> tuple[str, list[int]]:
    """Each whitespace run as one space mapped to the run's first character, and every other
    character (a curly apostrophe folded) mapped to itself; then the text's length."""
    out, offsets, i = [], [], 0
    while i < len(text):
        offsets.append(i)
        if text[i].isspace():
            out.append(" ")
            while i < len(text) and text[i].isspace():
                i += 1
        else:
            out.append(text[i].replace("\u2019", "'"))
            i += 1
    return "".join(out), [*offsets, len(text)]


@given(st.text(alphabet="ab \n\t\u2019", max_size=60))
def test_collapsed_runs_map_back_to_where_each_run_starts(text: str) -> None:
    ntext, offsets = normalise(text)
    assert (ntext, list(offsets)) == _naive_collapse(text)
