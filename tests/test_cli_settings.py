"""`[tool.factcheck]` as ruff and pytest read their settings: found in the folder or a parent,
honoured by the CLI, and a misspelt key is a usage error with a did-you-mean."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.errors import UsageError
from factcheck.settings import corpus_paths, find_settings, tool_settings

from .conftest import Builder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def moved_claims(root: Path, name: str) -> None:
    """The corpus's claims folder renamed, so only a setting can find it."""
    shutil.move(root / "claims", root / name)


def test_the_table_is_found_in_a_parent_folder(make_corpus: Builder, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    root = make_corpus()
    moved_claims(root, "data")
    (root / "pyproject.toml").write_text('[tool.factcheck]\nclaims = "data"\n')
    (root / "docs" / "deep").mkdir(parents=True)
    # a nearer pyproject.toml without the table does not stop the search
    (root / "docs" / "pyproject.toml").write_text('[project]\nname = "docs"\n')
    (root / "docs" / "deep" / "pyproject.toml").write_text('[project]\ndependencies = ["factcheck"]\n')
    monkeypatch.chdir(root / "docs" / "deep")
    code, out, err = run(capsys, "audit", "-v")
    assert code == 0, err
    assert "2 claims: 2 passed" in out
    assert f"settings: [tool.factcheck] in {root.resolve() / 'pyproject.toml'}" in err


def test_a_root_given_on_the_command_line_keeps_the_tables_folders(
        make_corpus: Builder, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_corpus()
    moved_claims(root, "data")
    (root / "pyproject.toml").write_text('[tool.factcheck]\nroot = "elsewhere"\nclaims = "data"\n')
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "audit", str(root))
    assert code == 0
    assert "data/main.toml" in out
    code, _, err = run(capsys, "audit", str(root), "--claims", "claims")
    assert code == 2
    assert "no claims/ folder" in err


def test_the_tables_root_is_relative_to_its_file(make_corpus: Builder, tmp_path: Path) -> None:
    root = make_corpus()
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nroot = "corpus"\nseeds = "seeds"\n')
    paths = corpus_paths(None, start=tmp_path)
    assert Path(paths.root).resolve() == root.resolve()
    assert (paths.seeds, paths.claims) == ("seeds", "claims")
    assert paths.settings.file == (tmp_path / "pyproject.toml").resolve()


def test_without_a_table_the_defaults_apply(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.ruff]\nline-length = 100\n')
    paths = corpus_paths(str(tmp_path))
    assert (paths.seeds, paths.claims) == ("seeds", "claims")
    assert paths.root == str(tmp_path)


def test_an_unknown_key_is_a_usage_error_with_a_did_you_mean(
        make_corpus: Builder, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_corpus()
    (root / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.factcheck]\nseeds = "seeds"\n'
                                         'claim = "claims"\n')
    code, out, err = run(capsys, "audit", str(root))
    assert code == 2
    assert out == ""
    assert "pyproject.toml:6: [tool.factcheck] has no setting 'claim' (did you mean 'claims'?)" in err
    with pytest.raises(UsageError, match="did you mean 'claims'"):
        tool_settings(root)


def test_an_unrelated_broken_pyproject_above_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project\nname = ")
    (tmp_path / "corpus").mkdir()
    assert find_settings(tmp_path / "corpus").file is None


def test_help_names_the_settings_file(make_corpus: Builder, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    root = make_corpus()
    (root / "pyproject.toml").write_text("[tool.factcheck]\n")
    monkeypatch.chdir(root)
    with pytest.raises(SystemExit):
        main(["audit", "--help"])
    assert f"settings: [tool.factcheck] in {root.resolve() / 'pyproject.toml'}" in capsys.readouterr().out


def test_the_plugin_reads_the_same_table_and_refuses_a_misspelt_key(pytester: pytest.Pytester) -> None:
    from .test_pytest_plugin import write_corpus

    write_corpus(pytester, pyproject='[tool.factcheck]\nseed = "seeds"\n')
    result = pytester.runpytest("claims/")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: factcheck: *pyproject.toml:2: ?tool.factcheck? has no setting "
                                 "'seed' (did you mean 'seeds'?)*"])
