"""Domain-neutral vocabularies: roles and source kinds a corpus declares, allowed values in plain
words, and financial or academic years as periods."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.corpus.loading import load
from factcheck.errors import FactcheckError, InputError
from factcheck.text.dates import parse_period

from .conftest import CLAIMS, PARTIES, TEXT, Builder, sources_toml


def problems(root: object) -> list[str]:
    with pytest.raises(InputError) as info:
        load(root)  # type: ignore[arg-type]
    return [str(p) for p in info.value.problems]


def test_declared_roles_and_source_kinds_are_accepted(make_corpus: Builder) -> None:
    parties = ('[vocabulary]\nroles = ["watchdog", "council", "residents-group"]\n'
               + PARTIES.replace('role = "pcc"', 'role = "residents-group"'))
    sources = ('[vocabulary]\nsource_kinds = ["letter", "survey"]\n'
               + sources_toml(TEXT.encode()).replace('kind = "news"', 'kind = "letter"'))
    corpus = load(make_corpus(parties=parties, sources=sources))
    assert corpus.parties["commissioner"].role == "residents-group"
    assert corpus.sources["report"].kind == "letter"


def test_a_role_outside_the_declared_ones_is_located_with_a_did_you_mean(make_corpus: Builder) -> None:
    parties = '[vocabulary]\nroles = ["watchdog", "council"]\n' + PARTIES.replace(
        'role = "pcc"', 'role = "councl"')
    found = problems(make_corpus(parties=parties))
    # 2 lines of vocabulary, then PARTIES (a blank line first): the second role is on line 13
    assert found == ["claims/parties.toml:13, field 'role': role 'councl' is not one of 'watchdog' or "
                     "'council' (did you mean 'council'?); a corpus may declare its own in "
                     "[vocabulary] roles of this file"]


def test_the_default_lists_apply_without_a_declaration(make_corpus: Builder) -> None:
    found = problems(make_corpus(parties=PARTIES.replace('role = "pcc"', 'role = "council"')))
    assert len(found) == 1
    assert "role 'council' is not one of 'watchdog', 'force', 'pcc', 'government', 'mayor', " \
           "'staff-association', 'press' or 'other'" in found[0]
    sources = sources_toml(TEXT.encode()).replace('kind = "news"', 'kind = "survey"')
    found = problems(make_corpus(sources=sources))
    assert "kind 'survey' is not one of 'news', 'press-release', 'inspection-report' or " \
           "'statement'" in found[0]
    assert "typing" not in found[0]


def test_a_bad_vocabulary_table_is_reported(make_corpus: Builder) -> None:
    found = problems(make_corpus(parties='[vocabulary]\nrole = ["a"]\n' + PARTIES))
    assert any("unknown field 'role' in [vocabulary] (did you mean 'roles'?)" in p for p in found)
    found = problems(make_corpus(parties='[vocabulary]\nroles = "watchdog"\n' + PARTIES))
    assert any("roles must be a list of names" in p for p in found)


def test_literal_fields_list_their_values_in_plain_words(make_corpus: Builder) -> None:
    verdicts = '[[verdict]]\nfinding = "F-1"\nverdict = "uphold"\nnote = "n"\n'
    found = problems(make_corpus(extra={"verdicts.toml": verdicts}))
    assert found == ["claims/verdicts.toml:3, field 'verdict': 'uphold' is not one of 'upheld', "
                     "'dismissed', 'explained' (did you mean 'upheld'?)"]


# --- financial and academic years -----------------------------------------------------------


@pytest.mark.parametrize("text", ["2024-25", "2024/25", " 2024-25 "])
def test_a_split_year_runs_april_to_march(text: str) -> None:
    period = parse_period(text)
    assert (period.first, period.last) == (dt.date(2024, 4, 1), dt.date(2025, 3, 31))


def test_a_month_stays_a_month_and_the_slash_form_is_the_split_year() -> None:
    assert (parse_period("2011-12").first, parse_period("2011-12").last) == (
        dt.date(2011, 12, 1), dt.date(2011, 12, 31))
    assert parse_period("2011/12").last == dt.date(2012, 3, 31)
    assert parse_period("1999/00").last == dt.date(2000, 3, 31)
    assert parse_period("2024/2025").last == dt.date(2025, 12, 31)  # two whole years, as before


@pytest.mark.parametrize("text", ["2024-26", "2024/23", "2024-13"])
def test_a_split_year_whose_years_do_not_follow_is_refused(text: str) -> None:
    with pytest.raises(FactcheckError, match="financial or academic year such as '2024-25'"):
        parse_period(text)


@given(st.integers(min_value=1, max_value=9997))
def test_consecutive_split_years_never_overlap_and_read_back(year: int) -> None:
    this = parse_period(f"{year:04d}/{(year + 1) % 100:02d}")
    following = parse_period(f"{year + 1:04d}/{(year + 2) % 100:02d}")
    assert not this.overlaps(following)
    assert (this.last - this.first).days in (364, 365)
    assert parse_period(str(this)) == this


def test_a_claim_about_a_financial_year_loads(make_corpus: Builder) -> None:
    corpus = load(make_corpus(claims=CLAIMS.replace('period = "2021"', 'period = "2020-21"')))
    assert str(corpus.claim("watchdog-good-areas").period) == "2020-04/2021-03"


@pytest.mark.parametrize("text", ["2024-25", "2024/25"])
def test_a_date_that_is_a_split_year_says_so(text: str) -> None:
    from factcheck.text.dates import parse_date

    with pytest.raises(FactcheckError, match="is a financial or academic year, a span of time"):
        parse_date(text)
    assert str(parse_date("2011-12")) == "2011-12"
