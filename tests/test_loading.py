"""Loading a corpus: good data structures, bad data ends in every problem at once."""

from __future__ import annotations

import pytest

from factcheck import InputError, Quantity, load
from factcheck.corpus.loading import load as load_direct

from .conftest import CLAIMS, TEXT, Builder, sources_toml


def problems_of(root: object) -> list[str]:
    with pytest.raises(InputError) as info:
        load(root)  # type: ignore[arg-type]
    return [str(p) for p in info.value.problems]


def test_loads_a_good_corpus(make_corpus: Builder) -> None:
    corpus = load(make_corpus())
    assert load is load_direct
    assert [c.id for c in corpus.claims] == ["doe-officers-cut", "watchdog-good-areas"]
    first = corpus.claims[0]
    assert isinstance(first, Quantity)
    assert first.value == "2,221"
    assert str(first.period) == "2010/2021"
    assert corpus.origins["doe-officers-cut"].file == "claims/main.toml"
    assert corpus.origins["doe-officers-cut"].line == 2
    assert corpus.speakers["john-doe"].names == ("John Doe", "Mr Doe")


def test_bare_numbers_are_kept_as_stated_text(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('value = "2,221"', "value = 2221"))
    claim = load(root).claims[0]
    assert isinstance(claim, Quantity)
    assert claim.value == "2221"


def test_malformed_toml_names_file_and_line(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('kind = "quantity"', 'kind = "quantity', 1))
    [message] = problems_of(root)
    assert message.startswith("claims/main.toml:4: malformed TOML")


def test_unknown_field_suggests_the_near_miss(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('topic = "officer-numbers"',
                                             'topic = "officer-numbers"\ntopik = "x"', 1))
    [message] = problems_of(root)
    assert "claims/main.toml:9" in message
    assert "claim 'doe-officers-cut'" in message
    assert "unknown field 'topik'" in message
    assert "did you mean 'topic'" in message


def test_unknown_field_in_evidence(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('quote = "We have', 'qoute = "We have', 1))
    [message] = problems_of(root)
    assert "field 'evidence[0].qoute'" in message
    assert "did you mean 'quote'" in message
    assert "claims/main.toml:16" in message


def test_wrong_type_is_reported_with_field(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('unit = "officers"', "unit = 3", 1))
    [message] = problems_of(root)
    assert "claims/main.toml:12" in message
    assert "field 'unit'" in message
    assert "expected a string, got int 3" in message


def test_bad_period_is_reported(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('period = "2010/2021"', 'period = "2021/2010"', 1))
    [message] = problems_of(root)
    assert "field 'period'" in message
    assert "ends (2010) before it starts (2021)" in message


def test_unknown_kind_lists_kinds(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('kind = "quantity"', 'kind = "quantiti"', 1))
    [message] = problems_of(root)
    assert "unknown kind 'quantiti' (did you mean 'quantity'?)" in message
    assert "claims/main.toml:4" in message


@pytest.mark.parametrize(("field", "bad", "good"), [
    ("party", "comissioner", "commissioner"),
    ("speaker", "john-do", "john-doe"),
    ("topic", "officer-number", "officer-numbers"),
    ("source", "reprot", "report"),
])
def test_unknown_reference_suggests_the_near_miss(make_corpus: Builder, field: str, bad: str,
                                                  good: str) -> None:
    root = make_corpus(claims=CLAIMS.replace(f'{field} = "{good}"', f'{field} = "{bad}"', 1))
    [message] = problems_of(root)
    assert f"unknown {field} {bad!r} (did you mean {good!r}?)" in message
    assert "claim 'doe-officers-cut'" in message


def test_duplicate_claim_id(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace("watchdog-good-areas", "doe-officers-cut"))
    [message] = problems_of(root)
    assert "duplicate claim id 'doe-officers-cut' (first at claims/main.toml:2)" in message
    assert message.startswith("claims/main.toml:18")


def test_duplicate_claim_id_across_files(make_corpus: Builder) -> None:
    root = make_corpus(extra={"other.toml": CLAIMS})
    messages = problems_of(root)
    assert len(messages) == 2
    assert all(m.startswith("claims/other.toml") for m in messages)


def test_empty_quote(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('quote = "We have lost 2,221 officers."',
                                             'quote = "  "', 1))
    [message] = problems_of(root)
    assert "empty quote" in message
    assert "field 'evidence[0].quote'" in message


def test_source_path_outside_seeds_is_refused(make_corpus: Builder) -> None:
    root = make_corpus(sources=sources_toml(TEXT.encode(), path="../../etc/passwd"))
    [message] = problems_of(root)
    assert "path '../../etc/passwd' is outside the sources folder seeds/" in message
    assert message.startswith("seeds/sources.toml:")


def test_absolute_source_path_is_refused(make_corpus: Builder) -> None:
    root = make_corpus(sources=sources_toml(TEXT.encode(), path="/etc/passwd"))
    [message] = problems_of(root)
    assert "outside the sources folder" in message


def test_changed_text_is_reported(make_corpus: Builder) -> None:
    root = make_corpus()
    (root / "seeds" / "report.txt").write_text(TEXT + "An edit.\n")
    [message] = problems_of(root)
    assert "no longer matches its pinned sha256" in message
    assert "field 'sha256'" in message


def test_non_utf8_source_is_reported(make_corpus: Builder) -> None:
    data = TEXT.encode().replace(b"inspectors", b"inspect\xffors")
    root = make_corpus(text=data, sources=sources_toml(data))
    [message] = problems_of(root)
    assert "is not UTF-8 text" in message
    assert "line 3" in message


def test_every_problem_is_reported_together(make_corpus: Builder) -> None:
    claims = (CLAIMS.replace('party = "commissioner"', 'party = "nobody"', 1)
              .replace('topic = "grades"', 'topic = "grdes"', 1)
              .replace('kind = "quantity"\nparty = "watchdog"', 'kind = "quantity"\n'
                       'party = "watchdog"\ncolour = "red"', 1))
    data = TEXT.encode()
    root = make_corpus(claims=claims, sources=sources_toml(data).replace(
        'sha256 = "', 'sha256 = "0', 1).replace('"\n', '"\n', 1))
    messages = problems_of(root)
    joined = "\n".join(messages)
    assert "unknown party 'nobody'" in joined
    assert "unknown field 'colour'" in joined
    assert "sha256" in joined
    assert len(messages) >= 3


def test_missing_claims_folder(tmp_path: object) -> None:
    messages = problems_of(tmp_path)
    assert "no claims/ folder" in messages[0]


def test_rating_grade_must_be_on_its_scale(make_corpus: Builder) -> None:
    claim = """
[[claim]]
id = "watchdog-grade"
kind = "rating"
party = "watchdog"
subject = "force"
topic = "grades"
period = "2021"
scale = "peel"
area = "investigating"
grade = "god"

[[claim.evidence]]
source = "report"
quote = "good"
"""
    root = make_corpus(extra={"grades.toml": claim})
    [message] = problems_of(root)
    assert "grade 'god' is not on scale 'peel'" in message
    assert "did you mean 'good'" in message
