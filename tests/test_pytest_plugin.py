"""The pytest plugin: claim files collected as tests, run with pytest's own `pytester`."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factcheck.pytest_plugin import ClaimItem, DisputeItem
from factcheck.rules.findings import finding_id

from .conftest import CLAIMS, PARTIES, TEXT, TOPICS, sources_toml

CLASH_TEXT = TEXT + "\nThe Watchdog said the force lost 1,900 officers over the decade.\n"

CLASH = """
[[claim]]
id = "watchdog-officers-cut"
kind = "quantity"
party = "watchdog"
subject = "force"
topic = "officer-numbers"
period = "2010/2021"
measure = "officers lost"
value = "1,900"
unit = "officers"

[[claim.evidence]]
source = "report"
quote = "the force lost 1,900 officers"
"""

CLASH_ID = finding_id("value-conflict", ["doe-officers-cut", "watchdog-officers-cut"])

PYPROJECT = """
[tool.factcheck]
root = "."
seeds = "seeds"
claims = "claims"
"""


def write_corpus(pytester: pytest.Pytester, *, text: str = TEXT, claims: str = CLAIMS,
                 parties: str = PARTIES, folder: str = "claims", pyproject: str | None = PYPROJECT,
                 extra: dict[str, str] | None = None) -> Path:
    """The conftest corpus written into pytester's folder, with a pyproject.toml by default."""
    root = pytester.path
    (root / "seeds").mkdir()
    (root / folder).mkdir()
    (root / "seeds" / "report.txt").write_bytes(text.encode())
    (root / "seeds" / "sources.toml").write_text(sources_toml(text.encode()))
    (root / folder / "parties.toml").write_text(parties)
    (root / folder / "topics.toml").write_text(TOPICS)
    (root / folder / "main.toml").write_text(claims)
    for name, content in (extra or {}).items():
        (root / folder / name).write_text(content)
    if pyproject is not None:
        (root / "pyproject.toml").write_text(pyproject)
    return root


def verdict(finding: str) -> str:
    return f'[[verdict]]\nfinding = "{finding}"\nverdict = "upheld"\nnote = "Checked by hand."\n'


def test_good_claims_pass(pytester: pytest.Pytester) -> None:
    write_corpus(pytester)
    result = pytester.runpytest("claims/", "-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["claims/main.toml::doe-officers-cut PASSED*",
                                 "claims/main.toml::watchdog-good-areas PASSED*"])


def test_items_point_at_their_claim_line(pytester: pytest.Pytester) -> None:
    write_corpus(pytester)
    items, _ = pytester.inline_genitems("claims/")
    assert [i.nodeid for i in items] == ["claims/main.toml::doe-officers-cut",
                                        "claims/main.toml::watchdog-good-areas"]
    assert all(isinstance(i, ClaimItem) for i in items)
    path, line, name = items[0].reportinfo()
    assert (Path(path), line, name) == (pytester.path / "claims" / "main.toml", 1,
                                        "claim doe-officers-cut")
    assert items[0].location == ("claims/main.toml", 1, "claim doe-officers-cut")


def test_a_quote_not_in_the_source_fails_with_the_quote(pytester: pytest.Pytester) -> None:
    write_corpus(pytester, claims=CLAIMS.replace("We have lost 2,221 officers.",
                                                 "We have lost many thousands of constables."))
    result = pytester.runpytest("claims/")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "*claim doe-officers-cut (quantity, commissioner, about 2010/2021) at claims/main.toml:2 fails*",
        "*error [[]anchor[]] evidence[[]0[]].quote: quote not found in source*",
        "*quote: 'We have lost many thousands of constables.'",
        "*does not anchor*",
        "FAILED claims/main.toml::doe-officers-cut*",
    ])
    assert "Traceback" not in result.stdout.str()


def test_a_value_the_quote_does_not_state_shows_the_source_line(pytester: pytest.Pytester) -> None:
    write_corpus(pytester, claims=CLAIMS.replace('value = "2,221"', 'value = "2,222"'))
    result = pytester.runpytest("claims/")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "*error [[]value[]] evidence[[]0[]].quote: value '2,222'*is not stated in the quote*",
        "*anchored (exact) at:",
        "*seeds/report.txt:7: The Commissioner, John Doe, said: \"We have lost 2,221 officers.*",
    ])


UNNAMED_TEXT = TEXT + '\nThe Watchdog said: "Response times are too slow."\n'
UNNAMED_SPEAKER = """
[[claim]]
id = "roe-too-slow"
kind = "assessment"
party = "watchdog"
speaker = "jane-roe"
subject = "force"
topic = "grades"
period = "2021"
proposition = "the force responds quickly enough"
holds = false
cue = "too slow"

[[claim.evidence]]
source = "report"
quote = "Response times are too slow."
"""


def test_warnings_are_pytest_warnings_and_the_claim_passes(pytester: pytest.Pytester) -> None:
    write_corpus(pytester, text=UNNAMED_TEXT, extra={"speech.toml": UNNAMED_SPEAKER})
    result = pytester.runpytest("claims/")
    result.assert_outcomes(passed=3, warnings=1)
    result.stdout.fnmatch_lines(["*claims/speech.toml:2: FactcheckWarning: claim roe-too-slow: "
                                 "[[]speaker[]] none of 'Jane Roe', 'Ms Roe' appears*"])


def test_a_contradiction_fails_until_it_has_a_verdict(pytester: pytest.Pytester) -> None:
    root = write_corpus(pytester, text=CLASH_TEXT, extra={"watchdog.toml": CLASH})
    result = pytester.runpytest("claims/", "-v")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines([
        "claims/main.toml::D-* FAILED*",
        f"*contradiction dispute D-* about 'officers lost': 1 finding ({CLASH_ID}) without a "
        "verdict*claims/verdicts.toml",
        "*the stated values do not meet*",
        "*doe-officers-cut: '2,221' = *",
        "*watchdog-officers-cut: '1,900' = *",
        "claim doe-officers-cut (quantity, commissioner, about 2010/2021) at claims/main.toml:2",
        "*report.txt:7: The Commissioner, John Doe, said*",
        "claim watchdog-officers-cut (quantity, watchdog, about 2010/2021) at claims/watchdog.toml:2",
        "*report.txt:11: The Watchdog said the force lost 1,900 officers*",
    ])

    (root / "claims" / "verdicts.toml").write_text(verdict(CLASH_ID))
    result = pytester.runpytest("claims/", "-v")
    result.assert_outcomes(passed=4)
    result.stdout.fnmatch_lines(["claims/main.toml::D-* PASSED*"])


def test_each_dispute_is_one_item(pytester: pytest.Pytester) -> None:
    write_corpus(pytester, text=CLASH_TEXT, extra={"watchdog.toml": CLASH})
    items, _ = pytester.inline_genitems("claims/")
    found = [i for i in items if isinstance(i, DisputeItem)]
    assert len(found) == 1 and found[0].dispute.findings == (CLASH_ID,)
    dispute = found[0].dispute.id
    assert dispute.startswith("D-") and found[0].nodeid == f"claims/main.toml::{dispute}"
    assert found[0].location == ("claims/main.toml", 1, f"contradiction dispute {dispute}")


def test_a_stale_verdict_fails(pytester: pytest.Pytester) -> None:
    write_corpus(pytester, extra={"verdicts.toml": verdict("F-000000000000")})
    result = pytester.runpytest("claims/", "-v")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines([
        "claims/verdicts.toml::stale-verdict-F-000000000000 FAILED*",
        "*the verdict at claims/verdicts.toml:1 is for finding F-000000000000, which no longer exists*",
    ])


def test_k_selects_one_claim(pytester: pytest.Pytester) -> None:
    write_corpus(pytester)
    result = pytester.runpytest("claims/", "-k", "good-areas")
    result.assert_outcomes(passed=1, deselected=1)
    pytester.runpytest("claims/main.toml::doe-officers-cut").assert_outcomes(passed=1)


def test_x_stops_at_the_first_failure(pytester: pytest.Pytester) -> None:
    write_corpus(pytester, claims=CLAIMS.replace('value = "2,221"', 'value = "2,222"').replace(
        'value = "five"', 'value = "six"'))
    pytester.runpytest("claims/", "-x").assert_outcomes(failed=1)


def test_collect_only_lists_node_ids(pytester: pytest.Pytester) -> None:
    write_corpus(pytester)
    result = pytester.runpytest("claims/", "--collect-only", "-q")
    result.stdout.fnmatch_lines(["claims/main.toml::doe-officers-cut",
                                 "claims/main.toml::watchdog-good-areas"])
    assert result.ret == pytest.ExitCode.OK


def test_junitxml_has_a_testcase_per_claim(pytester: pytest.Pytester) -> None:
    write_corpus(pytester, claims=CLAIMS.replace('value = "five"', 'value = "six"'))
    result = pytester.runpytest("claims/", "--junitxml=out.xml", "-o", "junit_family=xunit1")
    result.assert_outcomes(passed=1, failed=1)
    cases = ET.parse(pytester.path / "out.xml").getroot().iter("testcase")
    by_name = {c.get("name"): c for c in cases}
    assert set(by_name) == {"doe-officers-cut", "watchdog-good-areas"}
    assert by_name["doe-officers-cut"].get("file") == "claims/main.toml"
    assert by_name["doe-officers-cut"].get("line") == "1"
    failure = by_name["watchdog-good-areas"].find("failure")
    assert failure is not None
    assert "value 'six'" in (failure.text or "")


def test_unusable_input_is_a_readable_collection_error(pytester: pytest.Pytester) -> None:
    write_corpus(pytester, claims=CLAIMS.replace('party = "commissioner"', 'party = "comissioner"'),
                 extra={"second.toml": CLAIMS.replace('"doe-', '"other-').replace('"watchdog-', '"w2-')
                        .replace('topic = "grades"', 'topic = "gardes"')})
    result = pytester.runpytest("claims/")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines([
        "*ERROR collecting claims/main.toml*",
        "factcheck: the corpus under * cannot be loaded (2 problems):",
        "*claims/main.toml:5, claim 'doe-officers-cut', field 'party': unknown party 'comissioner'"
        " (did you mean 'commissioner'?)",
        "*claims/second.toml:*unknown topic 'gardes'*",
        "*ERROR collecting claims/second.toml*",
        "factcheck: the corpus cannot be loaded; every problem is listed under claims/main.toml",
    ])
    output = result.stdout.str()
    assert "Traceback" not in output
    assert "pytest_plugin.py" not in output
    full = pytester.runpytest("claims/", "--fulltrace")
    assert "Traceback" not in full.stdout.str()
    full.stdout.fnmatch_lines(["*unknown party 'comissioner'*"])


def test_fixtures_give_user_tests_the_corpus_and_audit(pytester: pytest.Pytester) -> None:
    write_corpus(pytester)
    pytester.makepyfile(test_user="""
        def test_audit(factcheck_audit, factcheck_corpus):
            assert factcheck_audit.corpus is factcheck_corpus
            assert factcheck_audit.ok
            assert [c.id for c in factcheck_corpus.claims] == ["doe-officers-cut", "watchdog-good-areas"]

        def test_same_audit(factcheck_audit):
            assert factcheck_audit.findings == ()
    """)
    pytester.runpytest("test_user.py").assert_outcomes(passed=2)
    pytester.runpytest("claims/", "test_user.py").assert_outcomes(passed=4)


def test_fixtures_fail_readably_on_bad_input(pytester: pytest.Pytester) -> None:
    write_corpus(pytester, parties=PARTIES.replace('role = "pcc"', 'role = "pc"'))
    pytester.makepyfile(test_user="def test_audit(factcheck_audit):\n    pass\n")
    result = pytester.runpytest("test_user.py")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*factcheck: the corpus under * cannot be loaded*",
                                 "*claims/parties.toml:11, field 'role': role 'pc' is not one of*"
                                 "(did you mean 'pcc'?)*"])
    assert "During handling" not in result.stdout.str()


def test_pyproject_claims_folder_is_honoured(pytester: pytest.Pytester) -> None:
    write_corpus(pytester, folder="other",
                 pyproject='[tool.factcheck]\nclaims = "other"\n')
    (pytester.path / "claims").mkdir()
    (pytester.path / "claims" / "decoy.toml").write_text("not = 'a claim file'\n")
    result = pytester.runpytest("other/", "claims/", "-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["other/main.toml::doe-officers-cut PASSED*"])


def test_command_line_overrides_pyproject(pytester: pytest.Pytester) -> None:
    write_corpus(pytester, folder="other", pyproject='[tool.factcheck]\nclaims = "nowhere"\n')
    result = pytester.runpytest("other/", "--factcheck-claims", "other")
    result.assert_outcomes(passed=2)


def test_a_corpus_in_a_subfolder(pytester: pytest.Pytester) -> None:
    write_corpus(pytester)
    (pytester.path / "pyproject.toml").unlink()
    corpus = pytester.path / "corpus"
    corpus.mkdir()
    for name in ("seeds", "claims"):
        (pytester.path / name).rename(corpus / name)
    (pytester.path / "pyproject.toml").write_text('[tool.factcheck]\nroot = "corpus"\n')
    result = pytester.runpytest("corpus/claims", "--collect-only", "-q")
    result.stdout.fnmatch_lines(["corpus/claims/main.toml::doe-officers-cut"])


def test_without_pyproject_the_root_is_where_pytest_runs(pytester: pytest.Pytester) -> None:
    write_corpus(pytester, pyproject=None)
    pytester.runpytest("claims/", "--factcheck").assert_outcomes(passed=2)


def test_stays_out_of_the_way_without_claims(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_plain="def test_one():\n    assert True\n")
    (pytester.path / "data").mkdir()
    (pytester.path / "data" / "settings.toml").write_text("this is [not toml\n")
    result = pytester.runpytest("--collect-only", "-q")
    result.stdout.fnmatch_lines(["test_plain.py::test_one"])
    assert "toml" not in result.stdout.str()
    pytester.runpytest().assert_outcomes(passed=1)


def test_report_is_written_at_session_end(pytester: pytest.Pytester) -> None:
    write_corpus(pytester)
    result = pytester.runpytest("claims/", "--factcheck-report", "report.json")
    result.assert_outcomes(passed=2)
    report = json.loads((pytester.path / "report.json").read_text())
    assert report["schema"] == "factcheck-report/1"
    result.stdout.fnmatch_lines(["factcheck: report written to *report.json"])


def test_the_report_holds_the_coverage_the_command_line_reports(pytester: pytest.Pytester) -> None:
    """The plugin measures coverage only when it writes a report, and then as `audit` does."""
    from factcheck.cli import main

    root = write_corpus(pytester)
    pytester.runpytest("claims/", "--factcheck-report", "plugin.json").assert_outcomes(passed=2)
    assert main(["audit", str(root), "--json", str(root / "cli.json"), "-q"]) == 0
    plugin, cli = (json.loads((root / name).read_text()) for name in ("plugin.json", "cli.json"))
    assert plugin["coverage"] is not None
    assert plugin["coverage"]["total"] > 0
    assert plugin["coverage"] == cli["coverage"]


def test_report_from_pyproject_only_when_claims_were_run(pytester: pytest.Pytester) -> None:
    write_corpus(pytester, pyproject=PYPROJECT + 'report = "report.json"\n')
    pytester.makepyfile(test_plain="def test_one():\n    pass\n")
    pytester.runpytest("test_plain.py").assert_outcomes(passed=1)
    assert not (pytester.path / "report.json").exists()
    pytester.runpytest("claims/").assert_outcomes(passed=2)
    assert (pytester.path / "report.json").exists()
