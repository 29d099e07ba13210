"""The command line: readable output and exit codes 0 (clean), 1 (fails), 2 (unusable)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

from .conftest import CLAIMS, Builder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_audit_exits_0(make_corpus: Builder, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "audit", str(make_corpus()))
    assert code == 0
    assert "ok   doe-officers-cut" in out
    assert "2 claims: 2 passed, 0 failed" in out


def test_failing_check_exits_1(make_corpus: Builder, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_corpus(claims=CLAIMS.replace('value = "2,221"', 'value = "3,000"', 1))
    code, out, _ = run(capsys, "audit", str(root))
    assert code == 1
    assert "FAIL doe-officers-cut" in out
    assert "value '3,000'" in out


def test_unreviewed_contradiction_exits_1_and_a_verdict_clears_it(
        make_corpus: Builder, capsys: pytest.CaptureFixture[str]) -> None:
    clash = CLAIMS.replace('measure = "areas graded good"', 'measure = "officers lost"', 1) \
        .replace('topic = "grades"', 'topic = "officer-numbers"', 1) \
        .replace('unit = "areas"', 'unit = "officers"', 1).replace('period = "2021"',
                                                                   'period = "2010/2021"', 1)
    root = make_corpus(claims=clash)
    code, out, _ = run(capsys, "audit", str(root))
    assert code == 1
    assert "contradiction" in out and "NO VERDICT" in out
    finding = next(line.split()[0] for line in out.splitlines() if "NO VERDICT" in line)
    (root / "claims" / "verdicts.toml").write_text(
        f'[[verdict]]\nfinding = "{finding}"\nverdict = "explained"\n'
        'note = "Different measures written alike in this test."\n')
    code, out, _ = run(capsys, "audit", str(root))
    assert code == 0, out
    code, out, _ = run(capsys, "explain", finding, str(root))
    assert code == 0
    assert "verdict: explained" in out
    assert "seeds" not in out or "report.txt" in out
    assert "We have lost 2,221 officers." in out


def test_stale_verdict_fails(make_corpus: Builder, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_corpus(extra={"verdicts.toml": '[[verdict]]\nfinding = "F-000000000000"\n'
                                               'verdict = "upheld"\nnote = "Gone."\n'})
    code, out, _ = run(capsys, "audit", str(root))
    assert code == 1
    assert "no longer exists" in out


def test_unusable_input_exits_2_with_every_problem(
        make_corpus: Builder, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_corpus(claims=CLAIMS.replace('party = "commissioner"', 'party = "nobody"', 1)
                       .replace('topic = "grades"', 'topic = "grade"', 1))
    code, _, err = run(capsys, "audit", str(root))
    assert code == 2
    assert "2 problems" in err
    assert "unknown party 'nobody'" in err and "unknown topic 'grade'" in err


def test_explain_unknown_finding_exits_2(make_corpus: Builder,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "explain", "F-nope", str(make_corpus()))
    assert code == 2
    assert "no finding or dispute with id 'F-nope'" in err


def test_coverage_lists_what_is_missing(make_corpus: Builder,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "coverage", str(make_corpus()))
    assert code == 1
    assert "MISSING  line   3  graded  'adequate'" in out
    assert "MISSING  line   7  number  '25 per cent'" in out


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, )
    assert code == 2
    assert "usage: factcheck" in out


def test_console_script_never_shows_a_traceback(make_corpus: Builder) -> None:
    root = make_corpus(claims='[[claim]\nid = "x"')
    done = subprocess.run([sys.executable, "-m", "factcheck.cli", "audit", str(root)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "malformed TOML" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("factcheck ")


def test_audit_writes_the_three_reports(make_corpus: Builder, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    root = make_corpus()
    (root / "pyproject.toml").write_text('[tool.factcheck]\nreview_author = "The Desk"\n'
                                       'review_url = "https://example.org/checks"\n')
    paths = [tmp_path / name for name in ("r.json", "r.sarif", "r.jsonld")]
    code, out, _ = run(capsys, "audit", str(root), "--json", str(paths[0]), "--sarif",
                       str(paths[1]), "--claimreview", str(paths[2]))
    assert code == 0
    report, sarif, reviews = (json.loads(p.read_text()) for p in paths)
    assert report["schema"] == "factcheck-report/1"
    assert sarif["version"] == "2.1.0"
    assert reviews == []
    assert f"wrote {paths[0]}" in out
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["r.json", "r.jsonld",
                                                                         "r.sarif"]


def test_report_into_a_missing_folder_is_unusable(make_corpus: Builder, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "audit", str(make_corpus()), "--json",
                       str(tmp_path / "no" / "such" / "r.json"))
    assert code == 2
    assert "there is no folder" in err
