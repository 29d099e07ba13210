"""Precision that matches what people mean: the corpus's round-number setting, one party's
figures that agree only by rounding, the two ends of a change, sources dated by a range, and a
located message for a bad value of every field these add. Expected findings worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck
from factcheck.cli import main
from factcheck.corpus.kinds.cues import Lexicon
from factcheck.errors import InputError
from factcheck.rules import builtin_rules, run_rules

from .conftest import CLAIMS, TEXT, Builder, sources_toml
from .factories import claim, corpus

Found = set[tuple[str, str, tuple[str, ...], bool]]


def rules(*claims: object, lexicon: Lexicon | None = None) -> Found:
    built = corpus(list(claims))  # type: ignore[arg-type]
    if lexicon is not None:
        import attrs
        built = attrs.evolve(built, lexicon=lexicon)
    return {(f.rule, f.severity, f.claims, f.rounding) for f in run_rules(built, builtin_rules())}


ROUND = dict(measure="officers", unit="officers")


def test_a_round_thousand_hides_a_change_to_800_only_when_read_as_implied() -> None:
    # "1,000" implied is [500, 1500], which holds 800: the values agree only by rounding.
    pair = (claim("quantity", "a", value="1,000", **ROUND),
            claim("quantity", "b", party="force", value="800", **ROUND))
    assert rules(*pair) == {("corroboration", "corroborated", ("a", "b"), True)}
    # Read as stated, 1,000 and 800 do not meet.
    assert rules(*pair, lexicon=Lexicon(round_precision="exact")) == {
        ("value-conflict", "contradiction", ("a", "b"), False)}


def test_exact_reading_keeps_a_hedge_and_a_tolerance() -> None:
    exact = Lexicon(round_precision="exact")
    # "about 1,000" is 1,000 +- 10% under "exact": [900, 1100] holds 950 (two values differ,
    # so the agreement is by rounding, not exact).
    assert rules(claim("quantity", "a", value="about 1,000", **ROUND),
                 claim("quantity", "b", party="force", value="950", **ROUND), lexicon=exact) == {
        ("corroboration", "corroborated", ("a", "b"), True)}
    # A tolerance of 300 is the claim writer's own reading and is kept: [700, 1300] holds 800.
    assert rules(claim("quantity", "a", value="1,000", tolerance=300.0, **ROUND),
                 claim("quantity", "b", party="force", value="800", **ROUND), lexicon=exact) == {
        ("corroboration", "corroborated", ("a", "b"), True)}


def test_one_partys_figures_that_agree_only_by_rounding_say_so() -> None:
    # 1,000 (implied [500, 1500]) and 1,021: the same party, so no corroboration, but a note.
    found = rules(claim("quantity", "a", party="force", value="1,000", **ROUND),
                  claim("quantity", "b", party="force", value="1,021", **ROUND))
    assert found == {("rounding-only", "corroborated", ("a", "b"), True)}


def test_one_partys_equal_figures_and_two_parties_figures_are_not_rounding_only() -> None:
    assert rules(claim("quantity", "a", party="force", value="1,021", **ROUND),
                 claim("quantity", "b", party="force", value="1,021", **ROUND)) == set()
    assert {f[0] for f in rules(claim("quantity", "a", value="1,000", **ROUND),
                                claim("quantity", "b", party="force", value="1,021", **ROUND))} == {
        "corroboration"}


CHANGE = dict(measure="officers", direction="decrease", by=None)


def test_two_changes_that_start_from_figures_that_do_not_meet_clash() -> None:
    # 7,100 is [7050, 7150], 6,800 is [6750, 6850]: the starts do not meet, the ends are equal.
    found = rules(claim("change", "a", from_value="7,100", to_value="6,500", **CHANGE),
                  claim("change", "b", party="force", from_value="6,800", to_value="6,500", **CHANGE))
    assert ("change-endpoints-conflict", "contradiction", ("a", "b"), False) in found


def test_changes_whose_ends_meet_or_are_not_both_given_do_not_clash() -> None:
    found = rules(claim("change", "a", from_value="7,100", to_value="6,500", **CHANGE),
                  claim("change", "b", party="force", from_value="7,100", to_value="6,500", **CHANGE))
    assert not any(f[0] == "change-endpoints-conflict" for f in found)
    found = rules(claim("change", "a", from_value="7,100", **CHANGE),
                  claim("change", "b", party="force", to_value="6,800", **CHANGE))
    assert not any(f[0] == "change-endpoints-conflict" for f in found)


def _change_corpus(make_corpus: Builder, fields: str, quote: str) -> Path:
    text = f"Watchdog finds force wanting\n\n{quote}\n"
    return make_corpus(text=text.encode(), claims=f"""
[[claim]]
id = "doe-change"
kind = "change"
party = "watchdog"
subject = "force"
topic = "officer-numbers"
period = "2010/2021"
measure = "officers"
{fields}

[[claim.evidence]]
source = "report"
quote = "{quote}"
""")


@pytest.mark.parametrize(("fields", "quote", "expected"), [
    # 7,100 -> 6,500 is a fall, whatever the rounding: the direction is wrong.
    ('direction = "increase"\nfrom_value = "7,100"\nto_value = "6,500"',
     "The inspectors said officers rose from 7,100 to 6,500.", [("direction", "warning")]),
    # A fall of 500 to 700 from about 7,100 is 7.0% to 9.9%, so 20% does not fit.
    ('direction = "decrease"\nfrom_value = "7,100"\nto_value = "6,500"\nby = "20%"',
     "The inspectors said officers fell by 20% from 7,100 to 6,500.", [("by", "warning")]),
    # ... and 8.5% does.
    ('direction = "decrease"\nfrom_value = "7,100"\nto_value = "6,500"\nby = "8.5%"',
     "The inspectors said officers fell by 8.5% from 7,100 to 6,500.", []),
    # Halved from 7,100 to 3,550: to / from = 0.5 within rounding.
    ('direction = "decrease"\nfrom_value = "7,100"\nto_value = "3,550"\nby = "halved"',
     "The inspectors said officers halved from 7,100 to 3,550.", []),
    # Doubled from 7,100 to 9,000 is not a doubling.
    ('direction = "increase"\nfrom_value = "7,100"\nto_value = "9,000"\nby = "doubled"',
     "The inspectors said officers doubled from 7,100 to 9,000.", [("by", "warning")]),
])
def test_a_changes_own_figures_are_checked_against_each_other(
        make_corpus: Builder, fields: str, quote: str, expected: list[tuple[str, str]]) -> None:
    result = factcheck.audit(factcheck.load(_change_corpus(make_corpus, fields, quote)))
    found = [(p.location.field, p.level) for r in result.results for p in r.problems]
    assert found == expected


def test_a_source_dated_by_a_range_loads_and_bounds_its_claims(make_corpus: Builder) -> None:
    text = TEXT.encode()
    claims = CLAIMS.split("[[claim]]")[1]
    root = make_corpus(sources=sources_toml(text, published="2021-01/2021-03"),
                       claims="[[claim]]" + claims.replace('period = "2010/2021"',
                                                          'period = "2010/2020"'))
    loaded = factcheck.load(root)
    assert str(loaded.sources["report"].published) == "2021-01/2021-03"
    assert factcheck.audit(loaded).ok
    # Stated in May 2021 but drawn from a source published by March 2021 at the latest.
    root = make_corpus(sources=sources_toml(text, published="2021-01/2021-03"),
                       claims="[[claim]]" + claims.replace(
                           'period = "2010/2021"', 'period = "2010/2020"\nstated = "2021-05"'))
    result = factcheck.audit(factcheck.load(root))
    [problem] = [p for r in result.results for p in r.problems]
    assert problem.location.field == "stated"
    assert "(2021-01/2021-03)" in problem.message


LEXICON_PATH = "lexicon.toml"


@pytest.mark.parametrize(("edit", "field", "words"), [
    (("unit = \"officers\"", "unit = \"officers\"\ndeadline = \"2024-13\""), "deadline", "2024-13"),
    (("unit = \"officers\"", "unit = \"officers\"\ndeadline = true"), "deadline", "true"),
    (("unit = \"officers\"", "unit = \"officers\"\ntolerance = -5"), "tolerance", "-5"),
    (("unit = \"officers\"", "unit = \"officers\"\ntolerance = \"wide\""), "tolerance", "wide"),
    (("unit = \"officers\"", "unit = \"officers\"\nwindow = 7"), "window", "7"),
    (("unit = \"officers\"", "unit = \"officers\"\nreported_by = \"nobody\""), "reported_by",
     "nobody"),
])
def test_every_new_claim_field_has_a_located_message_and_exit_2(
        make_corpus: Builder, edit: tuple[str, str], field: str, words: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    root = make_corpus(claims=CLAIMS.replace(*edit, 1))
    with pytest.raises(InputError) as caught:
        factcheck.load(root)
    [problem] = caught.value.problems
    assert problem.location.field == field
    assert problem.location.claim == "doe-officers-cut"
    assert problem.location.file == "claims/main.toml" and problem.location.line is not None
    assert main(["audit", str(root)]) == 2
    err = capsys.readouterr().err
    assert field in err and words in err and "Traceback" not in err


@pytest.mark.parametrize(("content", "words"), [
    ('round_precision = "rough"', "'rough'"),
    ("round_precision = 3", "3"),
])
def test_a_bad_round_precision_is_located(make_corpus: Builder, content: str, words: str) -> None:
    root = make_corpus(extra={LEXICON_PATH: content})
    with pytest.raises(InputError) as caught:
        factcheck.load(root)
    [problem] = caught.value.problems
    assert problem.location.file == "claims/" + LEXICON_PATH and problem.location.field == "round_precision"
    assert words in problem.message and '"exact"' in problem.message


def test_a_source_range_that_ends_before_it_starts_is_located(make_corpus: Builder) -> None:
    root = make_corpus(sources=sources_toml(TEXT.encode(), published="2021-05/2021-01"))
    with pytest.raises(InputError) as caught:
        factcheck.load(root)
    assert [(p.location.field, "before it starts" in p.message)
            for p in caught.value.problems][:1] == [("published", True)]


def test_round_precision_exact_is_read_from_the_lexicon_file(make_corpus: Builder) -> None:
    root = make_corpus(extra={LEXICON_PATH: 'round_precision = "exact"'})
    assert factcheck.load(root).lexicon.round_precision == "exact"
    root = make_corpus(extra={LEXICON_PATH: 'negative = ["hardly"]'})
    assert factcheck.load(root).lexicon.round_precision == "implied"
