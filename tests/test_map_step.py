"""The map step: a claim is checked once, in the step of its home quote, and sees the same
numbers inside its quotes however the sources are split into steps."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import audit, load
from factcheck.checks.evidence import check_claim
from factcheck.corpus import Corpus
from factcheck.errors import FactcheckError
from factcheck.map_step import gather_parts, home_evidence, map_sources
from factcheck.testing.realistic import generate
from factcheck.text.numbers import find_numbers


@pytest.fixture(scope="module")
def realistic(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("realistic")
    generate(root, claims=600, seed=3, per_source=4)
    return load(root)


def test_the_generated_corpus_has_claims_quoting_several_sources(realistic: Corpus) -> None:
    spread = [c for c in realistic.claims if len({e.source for e in c.evidence}) > 1]
    assert len(spread) >= 10


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(per_step=st.sampled_from([1, 2, 3, 7, 64]))
def test_every_split_into_steps_checks_each_claim_as_one_with_every_number(
        realistic: Corpus, per_step: int) -> None:
    every = {source: find_numbers(text) for source, text in realistic.texts.items()}
    expected = [check_claim(claim, realistic, mentions=every) for claim in realistic.claims]
    checked = gather_parts(realistic, map_sources(realistic, sources_per_step=per_step))
    assert list(checked.results) == expected


def test_coverage_does_not_depend_on_the_split(realistic: Corpus) -> None:
    whole = gather_parts(realistic, map_sources(realistic, sources_per_step=10**6))
    split = gather_parts(realistic, map_sources(realistic, sources_per_step=2))
    assert [c.tally for c in split.coverage] == [c.tally for c in whole.coverage]
    assert [c.source for c in split.coverage] == sorted(realistic.sources)


def test_without_coverage_every_claim_is_checked_the_same(realistic: Corpus) -> None:
    every = {source: find_numbers(text) for source, text in realistic.texts.items()}
    expected = [check_claim(claim, realistic, mentions=every) for claim in realistic.claims]
    for per_step in (1, 5, 64):
        checked = gather_parts(realistic, map_sources(realistic, sources_per_step=per_step,
                                                      coverage=False))
        assert list(checked.results) == expected
        assert checked.coverage is None


def test_an_audit_without_coverage_finds_the_same(realistic: Corpus) -> None:
    whole, bare = audit(realistic), audit(realistic, coverage=False)
    assert whole.coverage is not None and len(whole.coverage.sources) == len(realistic.sources)
    assert bare.coverage is None
    assert bare.results == whole.results
    assert [f.id for f in bare.findings] == [f.id for f in whole.findings]
    assert bare.disputes == whole.disputes


def test_a_map_step_takes_at_least_one_source(realistic: Corpus) -> None:
    with pytest.raises(FactcheckError, match="at least 1 source"):
        list(map_sources(realistic, sources_per_step=0))


TWO_SOURCES = {
    "a.txt": "Annual report\n\nThe rate was 12 per 1,000 residents last year.\n",
    "b.txt": "Press release\n\nThe council said the rate was 12 per 1,000 residents.\n",
}


def _write(root: Path, texts: dict[str, str], quote_in_a: str) -> Path:
    (root / "seeds").mkdir(parents=True)
    (root / "claims").mkdir()
    sources = []
    for name, text in texts.items():
        (root / "seeds" / name).write_text(text)
        digest = hashlib.sha256(text.encode()).hexdigest()
        sources.append(f'[[source]]\nid = "{name[0]}"\npath = "{name}"\ntitle = "{name}"\n'
                       f'publisher = "The Council"\nkind = "news"\npublished = "2024-01-01"\n'
                       f'sha256 = "{digest}"\nparty = "council"\n')
    (root / "seeds" / "sources.toml").write_text("\n".join(sources))
    (root / "claims" / "parties.toml").write_text(
        '[[party]]\nid = "council"\nname = "The Council"\nrole = "pcc"\n')
    (root / "claims" / "topics.toml").write_text(
        '[[topic]]\nid = "crime"\ndescription = "Crime."\n')
    (root / "claims" / "main.toml").write_text(f'''
[[claim]]
id = "rate"
kind = "rate"
party = "council"
subject = "crime"
topic = "crime"
period = "2023"
measure = "crime rate"
value = "12"
per = "1,000"
unit = "crimes"

[[claim.evidence]]
source = "a"
quote = "{quote_in_a}"

[[claim.evidence]]
source = "b"
quote = "the rate was 12 per 1,000"
''')
    return root


@pytest.mark.parametrize("per_step", [1, 2])
def test_a_base_just_outside_a_quote_in_an_earlier_step_still_counts(
        tmp_path: Path, per_step: int) -> None:
    # "The rate was 12" states 12 per 1,000 only with the words that follow it in source a, which
    # is checked one step before the claim's home source b when each step takes one source.
    corpus = load(_write(tmp_path, TWO_SOURCES, "The rate was 12"))
    claim = corpus.claims[0]
    assert claim.evidence[home_evidence(claim)].source == "b"
    checked = gather_parts(corpus, map_sources(corpus, sources_per_step=per_step))
    assert [p.check for p in checked.results[0].problems] == []


def test_without_the_base_in_the_source_the_value_is_not_proven(tmp_path: Path) -> None:
    texts = {**TWO_SOURCES, "a.txt": "Annual report\n\nThe rate was 12 last year.\n"}
    corpus = load(_write(tmp_path, texts, "The rate was 12"))
    checked = gather_parts(corpus, map_sources(corpus, sources_per_step=1))
    assert [(p.check, p.location.field) for p in checked.results[0].problems] == [
        ("value", "evidence[0].quote")]


@pytest.mark.parametrize("per_step", [1, 2])
def test_a_quote_not_found_in_an_earlier_step_is_reported_at_its_field(
        tmp_path: Path, per_step: int) -> None:
    corpus = load(_write(tmp_path, TWO_SOURCES, "No such words stand in it"))
    checked = gather_parts(corpus, map_sources(corpus, sources_per_step=per_step))
    result = checked.results[0]
    assert result.anchors[0] is None
    assert [(p.check, p.location.field) for p in result.problems] == [
        ("anchor", "evidence[0].quote")]
    assert "in source 'a'" in result.problems[0].message
