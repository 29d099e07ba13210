"""Hostile input (issue 17): every value validated at load with its place, text as it comes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from factcheck import InputError, audit, load
from factcheck.corpus import datafiles

from .conftest import CLAIMS, PARTIES, TEXT, TOPICS, Builder, sources_toml

CLAIM_RECORD = {
    "id": "doe-jsonl", "kind": "quantity", "party": "commissioner", "speaker": "john-doe",
    "subject": "force", "topic": "officer-numbers", "period": "2010/2021",
    "measure": "officers lost", "value": "2,221", "unit": "officers",
    "evidence": [{"source": "report", "quote": "We have lost 2,221 officers."}],
}


def problems_of(root: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        load(root)
    return [str(p) for p in info.value.problems]


def jsonl(*records: dict[str, object]) -> str:
    return "".join(json.dumps({"claim": r}, ensure_ascii=False) + "\n" for r in records)


# --- values within bounds ---------------------------------------------------------------------


def test_a_5000_digit_integer_in_toml_is_located(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('value = "2,221"', "value = " + "9" * 5000, 1))
    [message] = problems_of(root)
    assert message.startswith("claims/main.toml:11: integer out of range")
    assert "64 bits" in message


def test_a_20_digit_integer_in_toml_is_out_of_range(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('value = "2,221"', "value = 123456789012345678901", 1))
    [message] = problems_of(root)
    assert message.startswith("claims/main.toml:11: integer out of range (67 bits)")


def test_a_hex_integer_of_thousands_of_digits(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('value = "2,221"', "value = 0x" + "f" * 5000, 1))
    [message] = problems_of(root)
    assert "integer out of range (20,000 bits)" in message


@pytest.mark.parametrize("number", ["9" * 5000, "123456789012345678901", "1e999", "NaN", "-Infinity"])
def test_numbers_past_the_limits_in_json_lines(make_corpus: Builder, number: str) -> None:
    line = jsonl(CLAIM_RECORD).replace('"value": "2,221"', f'"value": {number}')
    [message] = problems_of(make_corpus(extra={"more.jsonl": line}))
    assert message.startswith("claims/more.jsonl:1: malformed JSON:")
    assert "range" in message or "not JSON" in message


def test_toml_nested_thousands_deep(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS + "\n[[relation]]\nid = 'r'\nnote = " + "[" * 5000 + "]" * 5000)
    [message] = problems_of(root)
    assert "nest deeper than 64 levels, the limit" in message
    assert message.startswith("claims/main.toml:35:")


def test_toml_dotted_key_of_thousands_of_parts(make_corpus: Builder) -> None:
    root = make_corpus(claims="a" + ".a" * 100_000 + " = 1\n")
    [message] = problems_of(root)
    assert "a dotted key of more than 64 parts, the limit" in message


def test_toml_nesting_just_under_the_limit_loads_as_data(make_corpus: Builder) -> None:
    root = make_corpus(claims="x = " + "[" * 63 + "]" * 63 + "\n" + CLAIMS)
    [message] = problems_of(root)  # parsed: only the unknown table is a problem
    assert "unknown table 'x'" in message


def test_json_nested_thousands_deep(make_corpus: Builder) -> None:
    line = jsonl(CLAIM_RECORD).replace('"note"', '"x"')[:-2] + ', "note": ' + "[" * 5000 + "]" * 5000 + "}}\n"
    [message] = problems_of(make_corpus(extra={"more.jsonl": line}))
    assert message == "claims/more.jsonl:1: malformed JSON: nested deeper than 64 levels, the limit"


def test_json_nested_past_the_limit_but_under_pythons(make_corpus: Builder) -> None:
    line = jsonl(CLAIM_RECORD)[:-3] + ', "note": ' + "[" * 100 + "]" * 100 + "}}\n"
    [message] = problems_of(make_corpus(extra={"more.jsonl": line}))
    assert message == "claims/more.jsonl:1: malformed JSON: values nest deeper than 64 levels, the limit"


def test_a_nul_in_a_source_path(make_corpus: Builder) -> None:
    root = make_corpus(sources=sources_toml(TEXT.encode(), path="report\\u0000.txt"))
    [message] = problems_of(root)
    assert message == "seeds/sources.toml:4, field 'path': path holds a NUL character"


@pytest.mark.parametrize(("kind", "shown"), [("[]", "a list"), ("{}", "a dict"), ("3", "an int")])
def test_a_kind_of_the_wrong_type(make_corpus: Builder, kind: str, shown: str) -> None:
    root = make_corpus(claims=CLAIMS.replace('kind = "quantity"', f"kind = {kind}", 1))
    [message] = problems_of(root)
    assert message.startswith("claims/main.toml:4, claim 'doe-officers-cut', field 'kind': kind "
                              "must be a string, one of quantity, rate")
    assert message.endswith(f"got {shown}")


def test_coverage_range_past_the_end_of_its_source(make_corpus: Builder) -> None:
    config = '[[ignore]]\nsource = "report"\nlines = "1-2000000000"\nreason = "Hostile."\n'
    [message] = problems_of(make_corpus(extra={"coverage.toml": config}))
    assert message == ("claims/coverage.toml:1, field 'lines': lines '1-2000000000': "
                       "the source has 9 lines")


@pytest.mark.parametrize("lines", ["[[[[1]]]]", "[0]", '"5-3"', '"99999999999999999999-1"', "[]"])
def test_coverage_lines_that_name_no_line(make_corpus: Builder, lines: str) -> None:
    config = f'[[ignore]]\nsource = "report"\nlines = {lines}\nreason = "Hostile."\n'
    [message] = problems_of(make_corpus(extra={"coverage.toml": config}))
    assert "field 'lines'" in message


def test_a_file_over_the_size_limit(make_corpus: Builder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(datafiles, "MAX_FILE_BYTES", 2000)
    root = make_corpus(extra={"big.toml": "# padding\n" * 300})
    assert problems_of(root) == [
        "claims/big.toml: cannot read file: it is 3,000 bytes, over the limit of 2,000 bytes"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_not_waited_on(make_corpus: Builder) -> None:
    root = make_corpus()
    os.mkfifo(root / "claims" / "pipe.toml")
    os.mkfifo(root / "seeds" / "fifo.txt")
    (root / "seeds" / "sources.toml").write_text(
        sources_toml(TEXT.encode()) + sources_toml(b"").replace('"report"', '"fifo"')
        .replace("report.txt", "fifo.txt"))
    messages = problems_of(root)
    assert "claims/pipe.toml: cannot read file: it is not a regular file" in messages
    assert any("cannot read seeds/fifo.txt: it is not a regular file" in m for m in messages)


def test_a_source_path_that_is_a_folder(make_corpus: Builder) -> None:
    root = make_corpus(sources=sources_toml(TEXT.encode(), path="."))
    [message] = problems_of(root)
    assert "cannot read seeds/.: it is a folder" in message


# --- text as it comes -------------------------------------------------------------------------


def test_a_byte_order_mark_on_every_data_file(make_corpus: Builder) -> None:
    root = make_corpus(parties="\ufeff" + PARTIES, topics="\ufeff" + TOPICS, claims="\ufeff" + CLAIMS,
                       extra={"more.jsonl": "\ufeff" + jsonl(CLAIM_RECORD)})
    (root / "seeds" / "sources.toml").write_text("\ufeff" + sources_toml(TEXT.encode()))
    corpus = load(root)
    assert [c.id for c in corpus.claims] == ["doe-officers-cut", "watchdog-good-areas", "doe-jsonl"]
    assert corpus.origins["doe-officers-cut"].line == 2


def test_a_byte_order_mark_on_a_source_text_stays_pinned(make_corpus: Builder) -> None:
    data = "\ufeff".encode() + TEXT.encode()
    corpus = load(make_corpus(text=data))
    assert corpus.texts["report"] == TEXT
    result = audit(corpus)
    assert result.ok
    plain = audit(load(make_corpus()))
    assert [r.anchors for r in result.results] == [r.anchors for r in plain.results]


def test_a_raw_line_separator_in_a_toml_string_keeps_later_lines(make_corpus: Builder) -> None:
    claims = CLAIMS.replace('measure = "officers lost"', 'measure = "officers\u2028lost\x85now"', 1)
    claims = claims.replace('party = "watchdog"', 'party = "nobody"', 1)
    [message] = problems_of(make_corpus(claims=claims))
    assert message.startswith("claims/main.toml:21, claim 'watchdog-good-areas', field 'party'")


def test_raw_separators_inside_json_strings(make_corpus: Builder) -> None:
    record = {**CLAIM_RECORD, "measure": "officers\u2028lost\x85in\u2029all\x0cyears"}
    second = {**CLAIM_RECORD, "id": "doe-second", "party": "nobody"}
    text = jsonl(record) + jsonl(second)
    assert "\u2028" in text and "\x85" in text
    [message] = problems_of(make_corpus(extra={"more.jsonl": text}))
    assert message.startswith("claims/more.jsonl:2, claim 'doe-second', field 'party'")


def test_json_lines_with_crlf_and_cr_line_ends(make_corpus: Builder) -> None:
    second = {**CLAIM_RECORD, "id": "doe-second"}
    text = jsonl(CLAIM_RECORD).replace("\n", "\r\n") + jsonl(second).replace("\n", "\r")
    corpus = load(make_corpus(extra={"more.jsonl": text}))
    assert corpus.origins["doe-second"].line == 2


def test_pyproject_settings_with_a_bom_and_past_the_limits(tmp_path: Path) -> None:
    from factcheck.errors import UsageError
    from factcheck.settings import tool_settings

    (tmp_path / "pyproject.toml").write_text('\ufeff[tool.factcheck]\nseeds = "texts"\n')
    assert tool_settings(tmp_path) == {"seeds": "texts"}
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\nseeds = " + "[" * 3000 + "]" * 3000)
    with pytest.raises(UsageError, match=r"pyproject.toml:2: malformed TOML: arrays and tables nest"):
        tool_settings(tmp_path)
