"""Hostile input (issue 17): every value validated at load with its place, text as it comes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from factcheck import InputError, audit, load
from factcheck.corpus import limits

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


def test_a_lone_surrogate_in_json_is_not_text(make_corpus: Builder) -> None:
    line = jsonl(CLAIM_RECORD).replace("We have lost", "We have \\ud800lost")
    [message] = problems_of(make_corpus(extra={"more.jsonl": line}))
    assert message == ("claims/more.jsonl:1: malformed JSON: a string holds a lone surrogate "
                       "(such as \\ud800), which is not Unicode text")


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
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 2000)
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


# --- outputs never touch inputs ---------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from factcheck.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


INPUTS = ["seeds/report.txt", "seeds/sources.toml", "claims/main.toml", "claims/parties.toml",
          "claims/verdicts.toml", "claims/coverage.toml", "pyproject.toml", "claims/more.jsonl"]


@pytest.mark.parametrize("option", ["--json", "--sarif", "--claimreview"])
@pytest.mark.parametrize("target", INPUTS)
def test_an_output_over_an_input_is_refused(make_corpus: Builder, capsys: pytest.CaptureFixture[str],
                                            option: str, target: str) -> None:
    root = make_corpus(extra={"verdicts.toml": "", "coverage.toml": "threshold = 0\n",
                              "more.jsonl": jsonl(CLAIM_RECORD)})
    (root / "pyproject.toml").write_text("[tool.factcheck]\n")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    code, out, err = run_cli(capsys, "audit", str(root), option, str(root / target))
    assert code == 2
    assert "which this run reads; write the output somewhere else" in err
    assert out == ""
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_an_output_through_a_link_to_an_input_is_refused(
        make_corpus: Builder, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_corpus()
    (tmp_path / "soft.json").symlink_to(root / "seeds" / "report.txt")
    os.link(root / "claims" / "main.toml", tmp_path / "hard.json")
    code, _, err = run_cli(capsys, "audit", str(root), "--json", str(tmp_path / "soft.json"),
                           "--sarif", str(tmp_path / "hard.json"))
    assert code == 2
    assert "that is the source text seeds/report.txt" in err
    assert "that is the corpus file claims/main.toml" in err
    assert (root / "seeds" / "report.txt").read_text() == TEXT


def test_two_outputs_to_one_file_are_refused(make_corpus: Builder, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "audit", str(make_corpus()), "--json", str(tmp_path / "out.json"),
                           "--sarif", str(tmp_path / "." / "out.json"))
    assert code == 2
    assert "--sarif and --json both write to" in err
    assert not (tmp_path / "out.json").exists()
    code, _, err = run_cli(capsys, "audit", str(make_corpus()), "--json", "-", "--sarif", "-")
    assert code == 2
    assert "--json and --sarif both write to standard output" in err


def test_a_new_claim_file_is_not_an_output(make_corpus: Builder,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    root = make_corpus()
    code, _, err = run_cli(capsys, "audit", str(root), "--json", str(root / "claims" / "out.jsonl"))
    assert code == 2
    assert "would be read as part of the corpus" in err
    assert not (root / "claims" / "out.jsonl").exists()


def test_dash_is_standard_output_and_the_listing_moves_to_stderr(
        make_corpus: Builder, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "audit", str(make_corpus()), "--json", "-")
    assert code == 0
    assert json.loads(out)["schema"] == "factcheck-report/1"
    assert "2 claims: 2 passed" in err
    assert "wrote" not in err


def test_a_device_is_written_not_replaced(make_corpus: Builder,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    import stat

    code, _, _ = run_cli(capsys, "audit", str(make_corpus()), "--json", os.devnull)
    assert code == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_pytest_report_over_an_input_is_a_usage_error(pytester: pytest.Pytester) -> None:
    from .test_pytest_plugin import write_corpus

    write_corpus(pytester)
    before = (pytester.path / "claims" / "main.toml").read_bytes()
    result = pytester.runpytest("claims/", "--factcheck-report", "claims/main.toml")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--factcheck-report claims/main.toml: that is the corpus file "
                                 "claims/main.toml, which this run reads*"])
    assert "Traceback" not in result.stdout.str() + result.stderr.str()
    assert (pytester.path / "claims" / "main.toml").read_bytes() == before


def test_pytest_report_setting_over_an_input_is_refused_at_the_end(pytester: pytest.Pytester) -> None:
    from .test_pytest_plugin import PYPROJECT, write_corpus

    write_corpus(pytester, pyproject=PYPROJECT + 'report = "seeds/report.txt"\n')
    result = pytester.runpytest("claims/")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stdout.fnmatch_lines(["*factcheck: no report written: --factcheck-report "
                                 "seeds/report.txt: that is the source text*"])
    assert (pytester.path / "seeds" / "report.txt").read_text() == TEXT


def test_pytest_report_to_standard_output(pytester: pytest.Pytester) -> None:
    from .test_pytest_plugin import write_corpus

    write_corpus(pytester)
    result = pytester.runpytest_subprocess("claims/", "-q", "--factcheck-report", "-")
    assert result.ret == pytest.ExitCode.OK
    assert '"schema": "factcheck-report/1"' in result.stdout.str()
    result.stdout.fnmatch_lines(["factcheck: report written to standard output"])
    assert not (pytester.path / "-").exists()


def test_pytest_report_into_a_missing_folder_is_a_clean_usage_error(
        pytester: pytest.Pytester) -> None:
    from .test_pytest_plugin import write_corpus

    write_corpus(pytester)
    result = pytester.runpytest("claims/", "--factcheck-report", "no/such/report.json")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "there is no folder no/such" in result.stderr.str()
    assert "Traceback" not in result.stdout.str() + result.stderr.str()


# --- exit statuses ----------------------------------------------------------------------------


def test_exit_statuses_are_listed_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.cli import main

    for args in (["--help"], ["audit", "--help"], ["coverage", "--help"], ["explain", "--help"]):
        with pytest.raises(SystemExit) as info:
            main(args)
        assert info.value.code == 0
        out = capsys.readouterr().out
        assert "exit status:" in out and "130  interrupted" in out and "3    internal error" in out


def test_an_internal_error_is_exit_3_with_a_short_message(
        make_corpus: Builder, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    import factcheck.cli

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(factcheck.cli, "audit", broken)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    code, _, err = run_cli(capsys, "audit", str(make_corpus()))
    assert code == 3
    assert err.startswith("factcheck: internal error (ZeroDivisionError: division by zero). This "
                          "is a bug in factcheck; please report it")
    assert "Traceback" not in err and len(err.splitlines()) == 1
    code, _, err = run_cli(capsys, "audit", str(make_corpus()), "--debug")
    assert code == 3 and "Traceback (most recent call last)" in err
    monkeypatch.setenv("FACTCHECK_DEBUG", "1")
    code, _, err = run_cli(capsys, "audit", str(make_corpus()))
    assert code == 3 and "Traceback (most recent call last)" in err


def _script(body: str) -> list[str]:
    import sys

    return [sys.executable, "-c", "import sys\nimport factcheck.cli as cli\n" + body]


def test_ctrl_c_exits_130_with_one_line(make_corpus: Builder) -> None:
    import subprocess

    root = make_corpus()
    body = ("import os, signal\n"
            "def interrupted(*a, **k):\n    os.kill(os.getpid(), signal.SIGINT)\n"
            f"cli.audit = interrupted\nsys.exit(cli.main(['audit', {str(root)!r}]))\n")
    done = subprocess.run(_script(body), capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (130, "factcheck: interrupted\n")


def _big_corpus(tmp_path: Path) -> Path:
    from factcheck.testing.synthetic import generate

    root = tmp_path / "big"
    generate(root, claims=1000, fmt="jsonl")
    return root


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    import subprocess

    root = _big_corpus(tmp_path)
    process = subprocess.Popen(_script(f"sys.exit(cli.main(['audit', {str(root)!r}]))"),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read()
    status = process.wait()
    assert first.startswith(b"claims/")
    assert err == b""
    assert status in (0, 1)  # the audit's own status


def test_an_output_that_cannot_take_every_character(make_corpus: Builder) -> None:
    import subprocess

    root = make_corpus(text=TEXT.replace("2,221 officers.", "2,221 offic\u00e9rs.").encode())
    done = subprocess.run(_script(f"sys.exit(cli.main(['audit', {str(root)!r}]))"),
                          capture_output=True, check=False,
                          env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert done.returncode == 1
    assert b"offic\\xe9rs" in done.stdout
    assert b"Traceback" not in done.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_on_stdout_is_a_clear_error(tmp_path: Path) -> None:
    import subprocess

    root = _big_corpus(tmp_path)
    with open("/dev/full", "w") as full:
        done = subprocess.run(_script(f"sys.exit(cli.main(['audit', {str(root)!r}]))"),
                              stdout=full, stderr=subprocess.PIPE, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr == "factcheck: cannot write to standard output: No space left on device\n"


def test_report_writing_killed_midway_leaves_a_whole_file(tmp_path: Path) -> None:
    import random
    import signal
    import subprocess
    import time

    target = tmp_path / "report.json"
    old, new = "A" * 4_000_000 + "\n", "B" * 6_000_000 + "\n"
    target.write_text(old)
    body = ("from factcheck.reports.files import write_atomic\n"
            f"texts = ['A' * 4_000_000 + '\\n', 'B' * 6_000_000 + '\\n']\n"
            "print('ready', flush=True)\n"
            f"i = 1\nwhile True:\n    write_atomic({str(target)!r}, texts[i % 2])\n    i += 1\n")
    rng = random.Random(17)
    for _ in range(6):
        process = subprocess.Popen(_script(body), stdout=subprocess.PIPE)
        assert process.stdout is not None
        assert process.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.3))  # only varies the moment of the kill
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        assert target.read_text() in (old, new)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "report.json"]
    assert all(name.startswith(".report.json.") and name.endswith(".tmp") for name in leftovers)


# --- the pytest plugin ------------------------------------------------------------------------

BROKEN = {
    "kind-list": ("main.toml", CLAIMS.replace('kind = "quantity"', "kind = []", 1),
                  "*claims/main.toml:4, claim 'doe-officers-cut', field 'kind': kind must be a string*"),
    "5000-digits": ("main.toml", CLAIMS.replace('value = "2,221"', "value = " + "9" * 5000, 1),
                    "*claims/main.toml:11: integer out of range*"),
    "deep-toml": ("main.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n" + CLAIMS,
                  "*claims/main.toml:1: malformed TOML: arrays and tables nest deeper than 64*"),
    "deep-json": ("more.jsonl", '{"claim": ' + "[" * 5000 + "]" * 5000 + "}\n",
                  "*claims/more.jsonl:1: malformed JSON: nested deeper than 64 levels*"),
    "huge-range": ("coverage.toml", '[[ignore]]\nsource = "report"\nlines = "1-2000000000"\n'
                   'reason = "Hostile."\n', "*claims/coverage.toml:1, field 'lines'*9 lines*"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_corpus_is_a_located_collection_error(pytester: pytest.Pytester, case: str) -> None:
    from .test_pytest_plugin import write_corpus

    name, content, expected = BROKEN[case]
    if name == "main.toml":
        write_corpus(pytester, claims=content)
    else:
        write_corpus(pytester, extra={name: content})
    result = pytester.runpytest("claims/")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*ERROR collecting*", expected])
    assert "Traceback" not in result.stdout.str() + result.stderr.str()


def test_a_nul_in_a_source_path_under_pytest(pytester: pytest.Pytester) -> None:
    from .test_pytest_plugin import write_corpus

    write_corpus(pytester)
    (pytester.path / "seeds" / "sources.toml").write_text(
        sources_toml(TEXT.encode(), path="report\\u0000.txt"))
    result = pytester.runpytest("claims/")
    result.stdout.fnmatch_lines(["*seeds/sources.toml:4, field 'path': path holds a NUL character*"])
    assert "Traceback" not in result.stdout.str()


def test_an_internal_error_under_pytest_asks_for_a_report(pytester: pytest.Pytester,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from .test_pytest_plugin import write_corpus

    write_corpus(pytester)
    pytester.makeconftest("""
        import factcheck.pytest_plugin as plugin

        def broken(*args, **kwargs):
            raise ZeroDivisionError("division by zero")

        plugin.audit = broken
    """)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    result = pytester.runpytest_subprocess("claims/")
    result.stdout.fnmatch_lines(["*internal error in factcheck (ZeroDivisionError: division by zero)."
                                 " This is a bug; please report it*"])
    assert "Traceback" not in result.stdout.str()
    monkeypatch.setenv("FACTCHECK_DEBUG", "1")
    result = pytester.runpytest_subprocess("claims/")
    assert "ZeroDivisionError" in result.stdout.str()
    assert "broken" in result.stdout.str()  # the traceback, for the bug report


def test_json_lines_claim_files_are_collected(pytester: pytest.Pytester) -> None:
    from .test_pytest_plugin import write_corpus

    bad = {**CLAIM_RECORD, "id": "doe-wrong", "value": "3,000"}
    write_corpus(pytester, extra={"more.jsonl": jsonl(CLAIM_RECORD, bad)})
    result = pytester.runpytest("claims/", "-v")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["claims/more.jsonl::doe-jsonl PASSED*",
                                 "claims/more.jsonl::doe-wrong FAILED*"])
    assert result.parseoutcomes()["passed"] == 3  # the findings of the wrong value fail too


def test_a_form_feed_does_not_shift_the_source_line_shown(pytester: pytest.Pytester) -> None:
    from .test_pytest_plugin import write_corpus

    text = "Page one\x0c\nPage two\u2028still two\n" + TEXT
    write_corpus(pytester, text=text, claims=CLAIMS.replace('value = "2,221"', 'value = "3,000"', 1))
    result = pytester.runpytest("claims/")
    result.stdout.fnmatch_lines([
        "*seeds/report.txt:9: The Commissioner, John Doe, said: \"We have lost 2,221 officers.*"])


def test_cr_only_line_ends_place_quotes_on_their_lines(make_corpus: Builder) -> None:
    root = make_corpus(text=TEXT.replace("\n", "\r").encode())
    result = audit(load(root))
    assert [a.line for r in result.results for a in r.anchors if a is not None] == [7, 3]


def test_a_bad_factcheck_setting_is_a_usage_error_not_a_traceback(pytester: pytest.Pytester) -> None:
    from .test_pytest_plugin import write_corpus

    write_corpus(pytester, pyproject="[tool.factcheck]\nseeds = 5\n")
    result = pytester.runpytest("claims/")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: factcheck: *pyproject.toml:2: ?tool.factcheck? seeds must be "
                                 "a string, not 5"])
    assert "Traceback" not in result.stdout.str() + result.stderr.str()


def test_one_problem_is_one_problem(make_corpus: Builder, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_corpus(claims=CLAIMS.replace('party = "commissioner"', 'party = "nobody"', 1))
    code, _, err = run_cli(capsys, "audit", str(root))
    assert code == 2
    assert err.startswith("factcheck: the corpus cannot be used (1 problem):\n")


def test_explain_shows_the_right_line_past_a_form_feed(
        make_corpus: Builder, capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.reports.explain import explain
    from factcheck.rules.findings import Finding

    text = "Page one\x0c\nPage two\u2028still two\x85\n" + TEXT
    result = audit(load(make_corpus(text=text.encode())))
    finding = Finding(id="F-000000000000", rule="test", severity="tension",
                      claims=("doe-officers-cut",), parties=("commissioner",), subject="force",
                      topic="officer-numbers", message="A test finding.")
    shown = explain(result, finding)
    assert 'report.txt:9: The Commissioner, John Doe, said: "We have lost 2,221 officers.' in shown


# --- fuzzing load and audit -------------------------------------------------------------------
#
# Random claim files, and mutations of the valid ones of conftest.py, must each load into a
# Corpus that audits without error, or raise InputError: never anything else. CI runs
# FUZZ_EXAMPLES examples; for a longer hunt set the environment variable, e.g.
#
#     FACTCHECK_FUZZ_EXAMPLES=2000 .venv/bin/pytest tests/test_robustness.py -k fuzz

FUZZ_EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "150"))

SPECIAL = ["\x00", "\r", "\n", "\r\n", "\x0c", "\x85", "\u2028", "\ufeff", "\u200b", "\u0301",
           "e\u0301", "\ufb01", "[", "]", "{", "}", '"', "'", "\\", "=", ".", ",", "#", "\t",
           '"""', "'''", "\U0001f600", "\ud800"]


def _toml_literals() -> st.SearchStrategy[str]:
    scalars = st.one_of(
        st.integers(-(2**70), 2**70).map(str),
        st.integers(4000, 5000).map(lambda n: "9" * n),
        st.sampled_from(["inf", "-inf", "nan", "1e400", "0x" + "f" * 40, "1979-05-27",
                         "07:32:00", "1979-05-27T07:32:00Z", "2021-02-30", "true", "false",
                         '""', '"   "', '"2010/2021"', '"2021/2010"', '"9999-12"', '"0000"',
                         '"quantity"', '"rating"', '"stance"', '"report"', '"\\u0000"']),
        st.floats().map(repr),
        st.text(max_size=30).map(lambda t: json.dumps(t)),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"),
            st.dictionaries(st.sampled_from(["a", "kind", "quote", "source", "value", "id"]), inner,
                            max_size=3).map(_inline_table),
            st.integers(60, 3000).map(lambda n: "[" * n + "]" * n),
        ),
        max_leaves=8,
    )


def _inline_table(values: dict[str, str]) -> str:
    return "{" + ", ".join(f"{key} = {value}" for key, value in values.items()) + "}"


FIELDS = ["id", "kind", "party", "speaker", "subject", "topic", "period", "stated", "measure",
          "value", "unit", "per", "tolerance", "direction", "by", "from_value", "to_value",
          "scale", "area", "grade", "wording", "item", "state", "proposition", "holds",
          "position", "among", "stance", "target_party", "about", "target", "outcome", "cause",
          "forecast", "note", "source", "quote", "prefix", "suffix", "evidence", "deadline",
          "window", "reported_by", "same_as"]


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """`text` with a few random edits: a value replaced, a line dropped or doubled, random
    characters or a random line put in, a cut."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        lines = lines or [""]
        where = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.sampled_from(["value", "drop", "double", "insert", "chars", "cut"]))
        line = lines[where]
        if edit == "value" and "=" in line:
            lines[where] = line.split("=", 1)[0] + "= " + draw(_toml_literals())
        elif edit == "drop":
            del lines[where]
        elif edit == "double":
            lines.insert(where, line)
        elif edit == "insert":
            lines.insert(where, f"{draw(st.sampled_from(FIELDS))} = {draw(_toml_literals())}")
        elif edit == "chars":
            cut = draw(st.integers(0, len(line)))
            noise = "".join(draw(st.lists(st.sampled_from(SPECIAL), min_size=1, max_size=3)))
            lines[where] = line[:cut] + noise + line[cut:]
        elif edit == "cut":
            lines = lines[:where]
    return "\n".join(lines)


def _json_values() -> st.SearchStrategy[object]:
    return st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(),
                  st.text(max_size=20), st.sampled_from(["quantity", "report", "2021", "2,221"])),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(FIELDS), inner,
                                                                   max_size=3),
        max_leaves=8)


@st.composite
def json_lines(draw: st.DrawFn) -> str:
    records = []
    for _ in range(draw(st.integers(0, 3))):
        record: dict[str, object] = dict(CLAIM_RECORD)
        record["id"] = f"doe-jsonl-{len(records)}"
        for key in draw(st.lists(st.sampled_from(FIELDS), max_size=3)):
            record[key] = draw(_json_values())
        for key in draw(st.lists(st.sampled_from(sorted(CLAIM_RECORD)), max_size=2)):
            record.pop(key, None)
        line = json.dumps({draw(st.sampled_from(["claim", "claim", "relation", "other"])): record})
        if draw(st.booleans()):
            line = draw(mutated(line))
        records.append(line)
    ends = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return ends.join(records) + ends


@st.composite
def corpora(draw: st.DrawFn) -> dict[str, object]:
    """Keyword arguments for the conftest Builder: every file written, most of them valid."""
    pick = draw(st.sampled_from(["claims", "claims", "text", "jsonl", "coverage", "parties", "random"]))
    text, claims, parties, topics = TEXT, CLAIMS, PARTIES, TOPICS
    jsonl_text, coverage = "", ""
    if pick == "claims":
        claims = draw(mutated(CLAIMS))
    elif pick == "text":
        noise = draw(st.lists(st.sampled_from([*SPECIAL[:-1], "We have lost", " officers."]),
                              max_size=6))
        cut = draw(st.integers(0, len(TEXT)))
        text = TEXT[:cut] + "".join(noise) + TEXT[cut:]
    elif pick == "jsonl":
        jsonl_text = draw(json_lines())
    elif pick == "coverage":
        coverage = draw(mutated('threshold = 50\n[[ignore]]\nsource = "report"\nlines = [3, "7-7"]\n'
                                'reason = "Test furniture."\ngraded_words = ["wanting"]\n'))
    elif pick == "parties":
        parties = draw(mutated(PARTIES))
        topics = draw(mutated(TOPICS))
    else:
        pieces = st.sampled_from([*SPECIAL[:-1], *"ab=1 \n[]", "claim", "[[claim]]", "evidence"])
        claims = "".join(draw(st.lists(pieces, max_size=60)))
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogatepass")
    return {"text": raw, "claims": claims, "parties": parties, "topics": topics,
            "extra": {"more.jsonl": jsonl_text, "coverage.toml": coverage,
                      "verdicts.toml": draw(st.sampled_from(["", '[[verdict]]\nfinding = "F-1"\n'
                                                                 'verdict = "upheld"\nnote = "x"\n']))}}


def _write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8", "surrogatepass"))


def test_fuzz_load_and_audit(make_corpus: Builder) -> None:
    from hypothesis import HealthCheck, event, given, settings

    from factcheck.auditing import Audit
    from factcheck.corpus import Corpus

    @settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.large_base_example])
    @given(corpora())
    def check(case: dict[str, object]) -> None:
        extra = case["extra"]
        assert isinstance(extra, dict)
        root = make_corpus(text=case["text"], extra={})
        for name, content in (("main.toml", case["claims"]), ("parties.toml", case["parties"]),
                              ("topics.toml", case["topics"])):
            assert isinstance(content, str)
            _write(root / "claims" / name, content)
        for name, content in extra.items():
            path = root / "claims" / name
            if content:
                _write(path, content)
            else:
                path.unlink(missing_ok=True)
        try:
            corpus = load(root)
        except InputError as exc:
            assert exc.problems and all(p.message for p in exc.problems)
            event("InputError")
            return
        assert isinstance(corpus, Corpus)
        result = audit(corpus)
        assert isinstance(result, Audit)
        event("audited, ok" if result.ok else "audited, failing")

    check()


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=80)


@given(_JSON)
def test_the_quick_look_never_passes_what_the_walk_refuses(value: object) -> None:
    """`plainly_in_bounds` only spares the walk: whenever it says yes, the walk agrees."""
    import json

    from factcheck.corpus.limits import out_of_bounds, plainly_in_bounds

    line = json.dumps(value)
    if plainly_in_bounds(line):
        assert out_of_bounds(json.loads(line)) is None


_leaves = (st.integers(min_value=-(2**70), max_value=2**70) | st.booleans() | st.floats()
           | st.text(alphabet=st.characters(blacklist_categories=()), max_size=4) | st.none())


def _deep(depth: int, leaf: object) -> object:
    for level in range(depth):
        leaf = [leaf] if level % 2 else {"k": leaf}
    return leaf


@given(st.recursive(_leaves, lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=3), inner, max_size=3), max_leaves=12)
       | st.builds(_deep, st.integers(60, 70), _leaves))
def test_the_quick_bounds_check_agrees_with_the_walk_that_names_the_place(data: object) -> None:
    """`within_bounds` (no paths built) says yes exactly when `out_of_bounds` finds nothing: big
    integers, lone surrogates, and nesting around the limit of 64."""
    from factcheck.corpus.limits import out_of_bounds, within_bounds

    assert within_bounds(data) == (out_of_bounds(data) is None)


def test_toml_nested_past_the_limit_but_under_pythons_is_located_by_the_scan(
        make_corpus: Builder) -> None:
    """Data that the parser reads but that nest past 64 levels are reported as the scan of the
    text reports them, with their line, as before the scan was kept for failures."""
    root = make_corpus(claims=CLAIMS + "\n[[relation]]\nid = 'r'\nnote = " + "[" * 100 + "]" * 100)
    [message] = problems_of(root)
    assert "nest deeper than 64 levels, the limit" in message
    assert message.startswith("claims/main.toml:35:")


_toml_pieces = st.sampled_from(["[", "]", "{", "}", ".", "=", ",", "\n", "a", " ", "#", '"',
                                "'", '"""', "1.5", "[[x]]\n", "\\"])


@given(st.lists(_toml_pieces | st.builds(lambda piece, count: piece * count,
                                         st.sampled_from(["[", "{", "a.", ".", "[\n", "{a.\n"]),
                                         st.integers(60, 70)), max_size=12).map("".join))
@example("a." * 64 + " = 1")  # the shortest key too many parts long
@example("x = " + "[" * 65 + "]" * 65)  # and the shallowest nesting too deep
def test_a_toml_text_the_quick_look_passes_is_one_the_scan_passes(text: str) -> None:
    """`plainly_shallow` spares the token scan only where the scan would find nothing."""
    from factcheck.corpus.limits import plainly_shallow, toml_nesting

    if plainly_shallow(text):
        assert toml_nesting(text) is None


def test_the_quick_look_passes_every_bundled_claim_file() -> None:
    """It is a quick look worth having: the bundled corpus's files all pass it."""
    from factcheck.corpus.limits import plainly_shallow

    files = sorted((Path(__file__).parent.parent / "claims").glob("*.toml"))
    assert files and all(plainly_shallow(f.read_text(encoding="utf-8")) for f in files)
