"""The pytest plugin in projects that did not ask for it, JSON lines claims, markers, `--tb`,
report errors, pytest-xdist and the paused garbage collector (issues 14 and 15)."""

from __future__ import annotations

import json

import pytest

from .conftest import CLAIMS
from .test_pytest_plugin import CLASH, CLASH_ID, CLASH_TEXT, PYPROJECT, verdict, write_corpus

BAD_QUOTE_JSONL = json.dumps({"claim": {
    "id": "doe-jsonl", "kind": "quantity", "party": "commissioner", "subject": "force",
    "topic": "officer-numbers", "period": "2010/2021", "measure": "officers lost",
    "value": "2,221", "unit": "officers",
    "evidence": [{"source": "report", "quote": "We have lost many thousands of officers."}],
}}) + "\n"


def test_a_project_that_did_not_opt_in_is_untouched(pytester: pytest.Pytester) -> None:
    # A claims/*.toml of an unrelated project: not even a valid factcheck file.
    write_corpus(pytester, pyproject="[tool.black]\nline-length = 100\n",
                 extra={"broken.toml": "this is [not toml\n"})
    pytester.makepyfile(test_plain="def test_one():\n    assert True\n")
    result = pytester.runpytest()
    result.assert_outcomes(passed=1)
    shown = [line for line in result.stdout.lines if not line.startswith("plugins:")]
    assert not any("factcheck" in line or "claims" in line for line in shown)


@pytest.mark.parametrize("opt_in", [["-p", "factcheck"], ["--factcheck"]])
def test_options_opt_in(pytester: pytest.Pytester, opt_in: list[str]) -> None:
    write_corpus(pytester, pyproject=None)
    pytester.runpytest("claims/", *opt_in).assert_outcomes(passed=2)


def test_an_empty_tool_table_opts_in(pytester: pytest.Pytester) -> None:
    write_corpus(pytester, pyproject="[tool.factcheck]\n")
    pytester.runpytest("claims/").assert_outcomes(passed=2)


def test_json_lines_claims_are_collected_and_fail(pytester: pytest.Pytester) -> None:
    write_corpus(pytester, extra={"more.jsonl": BAD_QUOTE_JSONL})
    result = pytester.runpytest("claims/", "-rf")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["FAILED claims/more.jsonl::doe-jsonl*"])


def test_an_unreviewed_contradiction_in_json_lines_fails(pytester: pytest.Pytester) -> None:
    # CLASH as a JSON line: watchdog says 1,900 officers lost, the commissioner 2,221.
    record = {"id": "watchdog-officers-cut", "kind": "quantity", "party": "watchdog",
              "subject": "force", "topic": "officer-numbers", "period": "2010/2021",
              "measure": "officers lost", "value": "1,900", "unit": "officers",
              "evidence": [{"source": "report", "quote": "the force lost 1,900 officers"}]}
    write_corpus(pytester, text=CLASH_TEXT, extra={"more.jsonl": json.dumps({"claim": record}) + "\n"})
    result = pytester.runpytest("claims/")
    result.assert_outcomes(passed=3, failed=1)  # three claims; the dispute item fails


def _clash(pytester: pytest.Pytester) -> None:
    write_corpus(pytester, text=CLASH_TEXT, claims=CLASH_CLAIMS,
                 extra={"verdicts.toml": verdict(CLASH_ID)})


CLASH_CLAIMS = CLAIMS + CLASH


@pytest.mark.parametrize(("expression", "selected"), [
    # claims: doe-officers-cut (commissioner), watchdog-good-areas and watchdog-officers-cut
    # (watchdog); one upheld value-conflict between the two officers-lost claims, one dispute.
    ("party_watchdog and not corroborated", 3),   # both watchdog claims and the dispute
    ("party_watchdog and not contradiction", 1),  # watchdog-good-areas
    ("contradiction and upheld", 3),              # the two clashing claims and the dispute
    ("rule_value_conflict and party_commissioner", 2),  # doe-officers-cut and the dispute
    ("kind_quantity and unreviewed", 0),
    ("corroborated", 0),
])
def test_markers_select_items(pytester: pytest.Pytester, expression: str, selected: int) -> None:
    _clash(pytester)
    result = pytester.runpytest("claims/", "--strict-markers", "-m", expression)
    outcomes = result.parseoutcomes()
    assert outcomes.get("passed", 0) == selected
    assert outcomes.get("deselected", 0) == 4 - selected
    assert result.ret in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED)


def test_the_fixed_markers_are_registered(pytester: pytest.Pytester) -> None:
    write_corpus(pytester)
    result = pytester.runpytest("--markers")
    result.stdout.fnmatch_lines(["@pytest.mark.corroborated: *", "@pytest.mark.unreviewed: *"])


def _bad_quote(pytester: pytest.Pytester) -> None:
    write_corpus(pytester, claims=CLAIMS.replace(
        "We have lost 2,221 officers.", "We lost 2,221 officers in all."))


def test_tb_long_shows_the_evidence(pytester: pytest.Pytester) -> None:
    _bad_quote(pytester)
    result = pytester.runpytest("claims/")
    result.stdout.fnmatch_lines(["claim doe-officers-cut (quantity, commissioner*fails 1 check:",
                                 "evidence[[]0[]] from report:"])


def test_tb_short_shows_the_problems_only(pytester: pytest.Pytester) -> None:
    _bad_quote(pytester)
    result = pytester.runpytest("claims/", "--tb=short")
    result.stdout.fnmatch_lines(["claim doe-officers-cut (quantity, commissioner*fails 1 check:"])
    assert "evidence[0] from report:" not in result.stdout.str()


def test_tb_line_is_one_line_at_the_claim(pytester: pytest.Pytester) -> None:
    _bad_quote(pytester)
    result = pytester.runpytest("claims/", "--tb=line")
    # The claim starts on line 2 of main.toml (CLAIMS begins with a blank line).
    result.stdout.fnmatch_lines(["*claims/main.toml:2: claim doe-officers-cut (quantity*fails 1 check:"])
    assert "[[]" not in result.stdout.str() and "evidence[0]" not in result.stdout.str()


def test_tb_no_hides_the_report(pytester: pytest.Pytester) -> None:
    _bad_quote(pytester)
    result = pytester.runpytest("claims/", "--tb=no")
    result.assert_outcomes(passed=1, failed=1)
    # No failure section; the one-line summary may still name the claim (in full when the
    # CI variable is set, which stops pytest cutting summary lines).
    assert " FAILURES " not in result.stdout.str()
    assert "evidence[0] from report" not in result.stdout.str()


@pytest.mark.parametrize("where", ["missing/report.json", "afile/report.json"])
def test_an_unwritable_report_is_a_usage_error(pytester: pytest.Pytester, where: str) -> None:
    write_corpus(pytester)
    (pytester.path / "afile").write_text("a file, not a folder\n")
    result = pytester.runpytest("claims/", "--factcheck-report", where)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "INTERNALERROR" not in result.stdout.str() + result.stderr.str()
    assert "Traceback" not in result.stdout.str() + result.stderr.str()
    assert "factcheck" in result.stdout.str() + result.stderr.str()


def test_a_report_that_becomes_unwritable_is_a_usage_error(pytester: pytest.Pytester) -> None:
    write_corpus(pytester)
    (pytester.path / "out").mkdir()
    pytester.makeconftest("import shutil\n\ndef pytest_collection_finish(session):\n"
                          "    shutil.rmtree('out')\n")
    result = pytester.runpytest("claims/", "--factcheck-report", "out/report.json")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "INTERNALERROR" not in result.stdout.str()
    result.stdout.fnmatch_lines(["factcheck: no report written*"])


def _written_once(result: pytest.RunResult) -> None:
    assert result.stdout.str().count("factcheck: report written to") == 1


def test_xdist_writes_the_report_once(pytester: pytest.Pytester) -> None:
    pytest.importorskip("xdist")
    write_corpus(pytester)
    result = pytester.runpytest_subprocess("-n", "2", "-p", "no:cacheprovider", "claims/",
                                           "--factcheck-report", "report.json")
    result.assert_outcomes(passed=2)
    assert json.loads((pytester.path / "report.json").read_text())["schema"] == "factcheck-report/1"
    _written_once(result)


def test_xdist_writes_a_pyproject_report(pytester: pytest.Pytester) -> None:
    pytest.importorskip("xdist")
    write_corpus(pytester, pyproject=PYPROJECT + 'report = "out.json"\n')
    result = pytester.runpytest_subprocess("-n", "2", "-p", "no:cacheprovider", "claims/")
    result.assert_outcomes(passed=2)
    assert (pytester.path / "out.json").exists()
    _written_once(result)


def test_collection_pauses_the_cyclic_collector(pytester: pytest.Pytester) -> None:
    write_corpus(pytester)
    pytester.makeconftest(
        "import gc\nseen = []\n\n"
        "def pytest_collectreport(report):\n"
        "    if report.nodeid.endswith('main.toml'):\n"
        "        seen.append(gc.isenabled())\n\n"
        "def pytest_sessionfinish(session):\n"
        "    open('gc.txt', 'w').write(repr((seen, gc.isenabled())))\n")
    pytester.runpytest("claims/").assert_outcomes(passed=2)
    assert (pytester.path / "gc.txt").read_text() == "([False], True)"


