"""Coverage of stated numbers and graded words, on small texts of its own."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import InputError, audit, load
from factcheck.checks.coverage import SourceCoverage, Statement, statements

from .conftest import CLAIMS, Builder


def test_statements_finds_numbers_and_graded_words() -> None:
    text = 'Rated "good" in five areas and requires improvement in 3; 25% of 2,221.'
    found = [(t, k) for _, _, t, k in statements(text, ["requires improvement", "good"])]
    assert found == [("good", "graded"), ("five", "number"), ("requires improvement", "graded"),
                     ("3", "number"), ("25%", "number"), ("2,221", "number")]


def test_graded_words_are_whole_words_only() -> None:
    assert statements("goodwill and goods, not good-natured", ["good"]) == []


def test_coverage_of_a_small_corpus(make_corpus: Builder) -> None:
    coverage = audit(load(make_corpus())).coverage
    assert coverage is not None
    [source] = coverage.sources
    missing = [(s.line, s.text) for s in source.uncovered]
    assert missing == [(3, "adequate"), (3, "three"), (7, "25 per cent")]
    assert (source.percent, coverage.percent) == (50.0, 50.0)
    assert not coverage.ok


def test_ignored_lines_do_not_count_and_threshold_is_read(make_corpus: Builder) -> None:
    config = ('threshold = 60\n[[ignore]]\nsource = "report"\nlines = [3, "7-7"]\n'
              'reason = "Test furniture."\n')
    coverage = audit(load(make_corpus(extra={"coverage.toml": config}))).coverage
    assert coverage is not None
    assert coverage.percent == 100.0
    assert coverage.threshold == 60.0
    assert coverage.sources[0].statements[0].ignored is True


def test_a_fuzzy_quote_covers_nothing(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace("We have lost 2,221 officers.",
                                             "We have lots 2,221 officers.", 1))
    coverage = audit(load(root)).coverage
    assert coverage is not None
    assert "2,221" in [s.text for s in coverage.sources[0].uncovered]


@pytest.mark.parametrize(("config", "expected"), [
    ('[[ignore]]\nsource = "report"\nlines = 3\n', "every ignored line needs a reason"),
    ('[[ignore]]\nsource = "nope"\nlines = 3\nreason = "Why."\n', "unknown source 'nope'"),
    ('[[ignore]]\nsource = "report"\nlines = "x"\nreason = "Why."\n', "lines must be"),
    ("threshold = 101\n", "threshold must be a number from 0 to 100"),
    ("treshold = 90\n", "unknown field 'treshold'"),
])
def test_bad_coverage_config_is_unusable_input(make_corpus: Builder, config: str,
                                               expected: str) -> None:
    with pytest.raises(InputError) as info:
        load(make_corpus(extra={"coverage.toml": config}))
    assert expected in str(info.value)
    assert "claims/coverage.toml" in str(info.value)


def _statements_reference(text: str, words: list[str]) -> list[tuple[int, int, str, str]]:
    """The plain quadratic definition: numbers, then each word where nothing is taken yet."""
    import re

    from factcheck.text.numbers import find_numbers

    found = [(m.start, m.end, text[m.start:m.end], "number") for m in find_numbers(text)]
    taken = [(s, e) for s, e, _, _ in found]
    for word in words:
        for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append(match.span())
            found.append((*match.span(), match.group(0), "graded"))
    return sorted(found)


WORDS = ["requires improvement", "good good", "improvement", "good", "adequate"]


@given(st.lists(st.sampled_from(["good", "Good", "improvement", "requires", "adequate", "3",
                                 "2,221", "five", "per cent", "-", "x", " ", "\n"]), max_size=40))
def test_statements_agree_with_the_plain_definition(pieces: list[str]) -> None:
    text = " ".join(pieces)
    assert statements(text, WORDS) == _statements_reference(text, WORDS)


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 20)), max_size=8),
       st.integers(0, 60), st.integers(0, 20))
def test_a_statement_is_covered_when_some_span_holds_it(
        spans: list[tuple[int, int]], start: int, length: int) -> None:
    from factcheck.checks.coverage import _Covers

    pairs = [(s, s + n) for s, n in spans]
    assert _Covers(pairs)(start, start + length) == any(
        s <= start and start + length <= e for s, e in pairs)


@pytest.mark.parametrize("end", ["\r\n", "\r"])
def test_coverage_lines_count_every_line_end(make_corpus: Builder, end: str) -> None:
    from .conftest import TEXT

    text = TEXT.replace("\n", end).encode()
    coverage = audit(load(make_corpus(text=text))).coverage
    assert coverage is not None
    assert [(s.line, s.text) for s in coverage.sources[0].uncovered] == [
        (3, "adequate"), (3, "three"), (7, "25 per cent")]


_statements = st.builds(
    lambda start, length, **fields: Statement(source="s", start=start, end=start + length,
                                              **fields),
    # A text factcheck reads is at most 64 MiB: its offsets and lines are below 2**26.
    start=st.integers(0, 2**26), length=st.integers(0, 50), line=st.integers(1, 2**26),
    text=st.text(max_size=12), kind=st.sampled_from(["number", "graded"]), covered=st.booleans(),
    ignored=st.booleans())


@given(st.lists(_statements, max_size=30))
def test_a_source_coverage_keeps_every_statement_as_given(given_statements: list[Statement]) -> None:
    """The coverage of a source is held in columns; what goes in comes out, field for field, and
    the tally counts what a reader counting the statements by hand would."""
    held = SourceCoverage.of("s", given_statements)
    assert held.statements == tuple(given_statements)
    assert len(held) == len(given_statements)
    counted = [s for s in given_statements if not s.ignored]
    assert held.tally == (sum(1 for s in counted if s.covered), len(counted))
    assert held.uncovered == tuple(s for s in counted if not s.covered)


@pytest.mark.parametrize("field", ["start", "end", "line"])
def test_a_statement_beyond_any_text_factcheck_reads_is_refused(field: str) -> None:
    fields = {"start": 0, "end": 1, "line": 1, field: 2**31}
    if field == "start":
        fields["end"] = 2**31 + 1
    statement = Statement(source="s", text="1", kind="number", covered=True, **fields)
    with pytest.raises(ValueError, match="beyond what a text of at most 64 MiB holds"):
        SourceCoverage.of("s", [statement])


def test_a_source_coverage_refuses_another_source_statement() -> None:
    other = Statement(source="t", start=0, end=1, line=1, text="1", kind="number", covered=True)
    with pytest.raises(ValueError, match="a statement of 't' in the coverage of 's'"):
        SourceCoverage.of("s", [other])


@given(st.lists(st.sampled_from(["Good", "good", "GOOD", "goodness", "requires improvement",
                                 "Requires  Improvement", "adequate", "inadequate", "-good",
                                 "good-", "3", "three", " ", "\n", ".", "x"]), max_size=12))
def test_graded_words_of_an_ascii_text_are_found_as_in_any_other(pieces: list[str]) -> None:
    """ASCII texts skip the words they cannot hold; a text that is not ASCII (a word added after
    a space, which changes nothing before it) takes every word's pattern: both find the same."""
    text = "".join(pieces)
    words = ["requires improvement", "inadequate", "adequate", "good"]
    assert statements(text, words) == statements(text + " \u00e9t\u00e9", words)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_text_normalises_as_the_full_normalisation_does(text: str) -> None:
    from factcheck.text.normalise import normalise, normalise_text

    assert normalise_text(text) == normalise(text)[0]
