"""The built wheel: typed (py.typed), with its schema and licence, usable on its own (issue 15)."""

from __future__ import annotations

import email
import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from .conftest import Builder, mypy_strict

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout, without the network (hatchling is a test extra)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps",
                    "--no-build-isolation", "-q", "-w", str(out)], check=True, capture_output=True)
    [built] = out.glob("factcheck-*.whl")
    return built


def test_the_wheel_is_typed_and_ships_the_schema_and_licence(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "factcheck/py.typed" in names
    assert "factcheck/schemas/factcheck-report-1.schema.json" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert not any(n.startswith("tests/") or n.endswith((".sarif", ".jsonld")) for n in names)


def test_the_metadata(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        [meta] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        message = email.message_from_bytes(archive.read(meta))
    classifiers = message.get_all("Classifier") or []
    for version in ("3.11", "3.12", "3.13"):
        assert f"Programming Language :: Python :: {version}" in classifiers
    assert "Typing :: Typed" in classifiers
    assert message["License-Expression"] == "MIT"
    urls = {u.split(",")[0] for u in message.get_all("Project-URL") or []}
    assert {"Homepage", "Source", "Issues", "Documentation"} <= urls
    assert "pytest>=8.0; extra == 'pytest'" in (message.get_all("Requires-Dist") or [])


def test_the_licence_file() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 the factcheck authors\n")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"


def test_a_downstream_package_passes_mypy_strict(tmp_path: Path) -> None:
    done = mypy_strict(tmp_path,
        "from pathlib import Path\n\n"
        "import factcheck\n"
        "from factcheck.reports.claimreview import claimreview\n\n\n"
        "def unreviewed(root: Path) -> int:\n"
        "    audit = factcheck.audit(factcheck.load(root))\n"
        "    reviews = claimreview(audit, author='Desk', url='https://example.org/r')\n"
        "    return len(audit.unreviewed) + len(reviews)\n")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_wheel_alone_audits_a_corpus_outside_the_repository(
        wheel: Path, tmp_path: Path, make_corpus: Builder) -> None:
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(site), str(wheel)], check=True, capture_output=True)
    corpus = make_corpus()
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run([sys.executable, "-c", "import factcheck; print(factcheck.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert where.stdout.startswith(str(site))
    done = subprocess.run([sys.executable, "-m", "factcheck", "audit", "-q", str(corpus)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ci_runs_on_the_oldest_and_newest_supported_python() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    prefix = "Programming Language :: Python :: 3."
    minors = sorted(int(c.removeprefix(prefix)) for c in project["classifiers"]
                    if c.startswith(prefix) and c.removeprefix(prefix).isdigit())
    assert project["requires-python"] == f">=3.{minors[0]}"
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    [matrix] = re.findall(r"python-version: \[(.*)\]", workflow)
    assert [v.strip(' "') for v in matrix.split(",")] == [f"3.{minors[0]}", f"3.{minors[-1]}"]


def test_the_pre_commit_hooks_run_factcheck_commands() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entries = re.findall(r"^  entry: (.*)$", hooks, flags=re.MULTILINE)
    assert entries == ["factcheck audit -q", "factcheck coverage"]
    for entry in entries:
        done = subprocess.run([sys.executable, "-m", "factcheck", *entry.split()[1:2], "--help"],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr


def test_generated_reports_are_ignored_and_left_out_of_the_sdist() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    excluded = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["hatch"]["build"]["targets"]["sdist"]["exclude"]
    for report in ("report.json", "report.html", "audit.sarif", "reviews.jsonld"):
        assert f"/{report}" in ignored
        assert f"/{report}" in excluded
