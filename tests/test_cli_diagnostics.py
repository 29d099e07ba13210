"""Diagnostics like ruff's and mypy's: `path:line:col: check message` at the field's line, in
text, JSON, GitHub annotations or SARIF; colour and NO_COLOR; no claims is a usage error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.cli_listing import Style
from factcheck.reports.diagnostics import Diagnostic, field_path, github

from .conftest import CLAIMS, Builder

Capture = pytest.CaptureFixture[str]
WRONG_VALUE = CLAIMS.replace('value = "2,221"', 'value = "3,000"', 1)
# In CLAIMS (a blank line first) the first claim's quote is line 16: `quote = "We have...` whose
# value starts in column 9, after `quote = `.
QUOTE_PLACE = "claims/main.toml:16:9"
CLASH = CLAIMS.replace('measure = "areas graded good"', 'measure = "officers lost"', 1) \
    .replace('topic = "grades"', 'topic = "officer-numbers"', 1) \
    .replace('unit = "areas"', 'unit = "officers"', 1) \
    .replace('period = "2021"', 'period = "2010/2021"', 1)


def run(capsys: Capture, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def wrong(make_corpus: Builder, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_corpus(claims=WRONG_VALUE)
    monkeypatch.chdir(root)
    return root


def test_the_listing_places_each_problem_at_its_field(wrong: Path, capsys: Capture) -> None:
    code, out, _ = run(capsys, "audit", "-q")
    assert code == 1
    assert f"       {QUOTE_PLACE}: value evidence[0].quote: value '3,000'" in out


def test_github_annotations(wrong: Path, capsys: Capture) -> None:
    code, out, _ = run(capsys, "audit", "--output-format", "github")
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith("::error file=claims/main.toml,line=16,col=9,title=factcheck value::"
                            "value '3,000'")
    assert first.endswith("(claim 'doe-officers-cut', field 'evidence[0].quote')")
    assert out.splitlines()[-1].startswith("2 claims: 1 passed, 1 failed")


def test_json_diagnostics_and_the_summary_on_stderr(wrong: Path, capsys: Capture) -> None:
    code, out, err = run(capsys, "audit", "--output-format", "json")
    assert code == 1
    found = json.loads(out)
    assert [(d["file"], d["line"], d["column"], d["check"], d["claim"], d["field"]) for d in found] == [
        ("claims/main.toml", 16, 9, "value", "doe-officers-cut", "evidence[0].quote")]
    assert err.startswith("2 claims: 1 passed, 1 failed")


def test_sarif_on_standard_output(wrong: Path, capsys: Capture) -> None:
    code, out, _ = run(capsys, "audit", "--output-format", "sarif")
    assert code == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["value"]


def test_a_second_writer_to_standard_output_is_refused(wrong: Path, capsys: Capture) -> None:
    code, out, err = run(capsys, "audit", "--output-format", "json", "--json", "-")
    assert (code, out) == (2, "")
    assert "--output-format json writes to standard output" in err


def test_an_unreviewed_finding_is_annotated_at_its_claim(make_corpus: Builder, capsys: Capture,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(make_corpus(claims=CLASH))
    code, out, _ = run(capsys, "audit", "--output-format", "github")
    assert code == 1
    review = [line for line in out.splitlines() if "title=factcheck review" in line]
    assert len(review) == 1
    assert review[0].startswith(
        "::error file=claims/main.toml,line=2,col=1,title=factcheck review::dispute D-")


def test_unusable_input_is_annotated_too(make_corpus: Builder, capsys: Capture,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(make_corpus(claims=CLAIMS.replace('unit = "officers"', 'unit = ""', 1)))
    code, out, err = run(capsys, "audit", "--output-format", "github")
    assert code == 2
    # `unit = ""` is line 12 of CLAIMS; the value starts after `unit = `, in column 8
    assert out == ("::error file=claims/main.toml,line=12,col=8,title=factcheck input::must not be "
                   "empty (claim 'doe-officers-cut', field 'unit')\n")
    assert "the corpus cannot be used (1 problem)" in err


def test_github_escapes_what_would_end_a_command() -> None:
    found = Diagnostic(file="claims/a,b:c.toml", line=3, column=None, check="value", level="warning",
                       message="50% of it\nnext line")
    assert github([found]) == ("::warning file=claims/a%2Cb%3Ac.toml,line=3,title=factcheck value::"
                               "50%25 of it%0Anext line\n")


def test_field_paths() -> None:
    assert field_path("evidence[0].quote") == ("evidence", 0, "quote")
    assert field_path("value") == ("value",)


def test_a_corpus_without_claims_is_a_usage_error(make_corpus: Builder, capsys: Capture) -> None:
    code, out, err = run(capsys, "audit", str(make_corpus(claims="")))
    assert (code, out) == (2, "")
    assert "no claims in" in err
    assert "nothing to audit" in err


class _Terminal:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def write(self, text: str, /) -> int:
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(("tty", "mode", "environ", "on"), [
    (True, "auto", {}, True),
    (True, "auto", {"NO_COLOR": "1"}, False),
    (True, "auto", {"NO_COLOR": ""}, True),  # NO_COLOR counts only when set to something
    (False, "auto", {}, False),
    (False, "always", {"NO_COLOR": "1"}, True),
    (True, "never", {}, False),
])
def test_colour(tty: bool, mode: str, environ: dict[str, str], on: bool) -> None:
    assert Style(_Terminal(tty), mode, environ).on is on  # type: ignore[arg-type]


def test_colour_always_through_the_cli(wrong: Path, capsys: Capture) -> None:
    _, out, _ = run(capsys, "audit", "-q", "--color", "always")
    assert "\033[31mFAIL\033[0m" in out
    _, out, _ = run(capsys, "audit", "-q")
    assert "\033[" not in out


def test_help_lists_the_exit_statuses(capsys: Capture) -> None:
    with pytest.raises(SystemExit):
        main(["audit", "--help"])
    text = capsys.readouterr().out
    assert "exit status:" in text
    assert "a corpus with no claims too" in text


def test_a_progress_bar_on_a_terminal_for_long_runs_only() -> None:
    from factcheck.cli import _progress

    class Recorder(_Terminal):
        def __init__(self, tty: bool) -> None:
            super().__init__(tty)
            self.text = ""

        def write(self, text: str, /) -> int:
            self.text += text
            return len(text)

    assert _progress(Recorder(False)) is None  # piped: nothing
    terminal = Recorder(True)
    show = _progress(terminal)
    assert show is not None
    show(500, 1000)  # a short run: nothing
    assert terminal.text == ""
    show(1000, 2000)
    show(2000, 2000)
    assert terminal.text == (f"\rchecking claims [{'#' * 15}{'.' * 15}] 1,000/2,000"
                             f"\rchecking claims [{'#' * 30}] 2,000/2,000\n")
