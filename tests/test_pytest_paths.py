"""The pytest plugin resolves each folder of its claim files once (issue 14): the path it
finds for a file is the one `Path.resolve` finds, through links too."""

from __future__ import annotations

from pathlib import Path

from factcheck.pytest_plugin import resolve_file


def test_a_file_resolved_through_its_folder_is_resolved_as_pathlib_resolves_it(
        tmp_path: Path) -> None:
    real, elsewhere = tmp_path / "real" / "claims", tmp_path / "elsewhere"
    real.mkdir(parents=True)
    elsewhere.mkdir()
    (real / "a.toml").write_text("")
    (elsewhere / "b.toml").write_text("")
    (real / "b.toml").symlink_to(elsewhere / "b.toml")  # a linked file: resolved in full
    (tmp_path / "linked").symlink_to(tmp_path / "real")  # a linked folder
    folders: dict[Path, Path] = {}
    paths = [real / "a.toml", real / "b.toml", tmp_path / "linked" / "claims" / "a.toml",
             tmp_path / "linked" / "claims" / "b.toml", real / "missing.toml",
             real / ".." / "claims" / "a.toml", tmp_path / "linked" / "claims" / ".."]
    for _ in range(2):  # the second time from the folders already resolved
        for path in paths:
            assert resolve_file(path, folders) == path.resolve(), path
    assert resolve_file(real / "b.toml", folders) == elsewhere.resolve() / "b.toml"
    assert resolve_file(tmp_path / "linked" / "claims" / "a.toml", folders) == real.resolve() / "a.toml"
