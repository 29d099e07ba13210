"""`import factcheck` and its pytest plugin are cheap: the package imports its public names on
first use, and the plugin, which every pytest run of the environment loads, imports nothing of
the library in a project that did not opt in (issue 14)."""

from __future__ import annotations

import ast
import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck

from .conftest import mypy_strict
from .test_pytest_plugin import write_corpus

INIT = Path(factcheck.__file__)
LIGHT = ["factcheck", "factcheck.pytest_items", "factcheck.pytest_plugin"]
"""Every factcheck module a project that did not opt in may import: the plugin's own two."""


def _fresh(code: str) -> object:
    """What `code`, run in a new interpreter, prints as JSON on its last line."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def _modules_after(statement: str) -> object:
    return _fresh(f"import json, sys\n{statement}\n"
                  "print(json.dumps(sorted(m for m in sys.modules if m.startswith('factcheck'))))")


def test_importing_the_package_and_the_plugin_imports_nothing_else() -> None:
    assert _modules_after("import factcheck") == ["factcheck"]
    assert _modules_after("import factcheck.pytest_plugin") == LIGHT


def test_a_name_imports_only_its_own_home() -> None:
    modules = _modules_after("import factcheck\nfactcheck.FactcheckError")
    assert modules == ["factcheck", "factcheck.errors"]


@pytest.mark.parametrize("pyproject", [
    "[tool.black]\nline-length = 100\n",
    # One that depends on factcheck (and names its table in a comment) without opting in.
    '[project]\nname = "desk"\ndependencies = ["factcheck>=0.1"]\n# no [tool.factcheck] yet\n',
])
def test_an_unrelated_projects_pytest_imports_nothing_of_the_library(
        pytester: pytest.Pytester, pyproject: str) -> None:
    # A project with claims/*.toml of its own, that never asked for factcheck.
    write_corpus(pytester, pyproject=pyproject, extra={"broken.toml": "this is [not toml\n"})
    pytester.makepyfile(test_plain="def test_one():\n    assert True\n")
    pytester.makeconftest(
        "import json, sys\n\n"
        "def pytest_unconfigure(config):\n"
        "    found = sorted(m for m in sys.modules if m.startswith('factcheck'))\n"
        "    open('modules.json', 'w').write(json.dumps(found))\n")
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)
    # The plugin was loaded (so its hooks ran), and nothing of the library with it.
    assert json.loads((pytester.path / "modules.json").read_text()) == LIGHT


def test_an_opted_in_project_imports_the_library(pytester: pytest.Pytester) -> None:
    """The other side of the test above: its conftest sees the modules when they are there."""
    write_corpus(pytester)
    pytester.makeconftest(
        "import json, sys\n\n"
        "def pytest_unconfigure(config):\n"
        "    found = sorted(m for m in sys.modules if m.startswith('factcheck'))\n"
        "    open('modules.json', 'w').write(json.dumps(found))\n")
    pytester.runpytest_subprocess("-p", "no:cacheprovider", "claims/").assert_outcomes(passed=2)
    found = json.loads((pytester.path / "modules.json").read_text())
    assert {"factcheck.auditing", "factcheck.corpus", "factcheck.rules"} <= set(found)


def _type_checking_names() -> dict[str, str]:
    """Each name the package imports for type checkers, and the module it imports it from."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    [block] = [node for node in tree.body if isinstance(node, ast.If)
               and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"]
    names = {}
    for node in block.body:
        if isinstance(node, ast.ImportFrom):
            names |= {alias.name: "." * node.level + (node.module or "") for alias in node.names}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = ""
    return names


def test_type_checkers_see_exactly_the_public_names_from_their_homes() -> None:
    seen = _type_checking_names()
    assert set(seen) == set(factcheck.__all__)
    for name, module in seen.items():
        if name != "__version__":
            assert factcheck._HOME[name] == module, name


def test_the_lazy_package_exposes_exactly_all() -> None:
    # In a new interpreter, so that nothing was imported before: a star import gives __all__.
    star = _fresh("import json\nnames = {}\nexec('from factcheck import *', names)\n"
                  "print(json.dumps(sorted(set(names) - {'__builtins__'})))")
    assert star == sorted(factcheck.__all__)
    assert len(factcheck.__all__) == 51
    assert set(factcheck.__all__) <= set(dir(factcheck))


def test_each_public_name_is_the_object_of_its_home() -> None:
    # In a new interpreter: pytester's in-process runs drop the modules they imported, so a
    # later import in this one makes new module objects.
    same = _fresh(
        "import json\n"
        "import factcheck\n"
        "from factcheck import Audit, Quantity, write_report\n"
        "from factcheck import auditing, corpus, errors, rules\n"
        "from factcheck.corpus import loading\n"
        "from factcheck.reports import json_report\n"
        "from factcheck.text import numbers\n"
        "print(json.dumps([factcheck.audit is auditing.audit, factcheck.load is loading.load,\n"
        "    factcheck.Claim is corpus.Claim, factcheck.InputError is errors.InputError,\n"
        "    factcheck.rule is rules.rule, factcheck.parse_number is numbers.parse_number,\n"
        "    (Audit, Quantity, write_report) == (auditing.Audit, corpus.Quantity,\n"
        "                                         json_report.write_report),\n"
        "    factcheck.__version__, json_report.factcheck_version()]))\n")
    assert same == [True] * 7 + ["0.1.0", "0.1.0"]


@pytest.mark.parametrize("name", ["Origin", "CoverageConfig", "make_context", "lod", "_HOMEZ"])
def test_a_name_outside_all_is_an_attribute_error(name: str) -> None:
    # Origin and CoverageConfig are in factcheck.corpus, make_context in factcheck.rules: not public.
    with pytest.raises(AttributeError, match=f"module 'factcheck' has no attribute '{name}'"):
        getattr(factcheck, name)
    with pytest.raises(ImportError):
        exec(f"from factcheck import {name}", {})


def test_mypy_sees_every_name_and_no_catch_all(tmp_path: Path) -> None:
    """A downstream module type-checks against the lazy package; a misspelt name is an error
    (the module `__getattr__` is hidden from type checkers, so it cannot swallow typos)."""
    done = mypy_strict(tmp_path,
        "from pathlib import Path\n\n"
        "import factcheck\n"
        "from factcheck import Claim, InputError, __version__, audit, load\n\n\n"
        "def ids(root: Path) -> list[str]:\n"
        "    try:\n"
        "        claims: list[Claim] = list(audit(load(root)).corpus.claims)\n"
        "    except InputError:\n"
        "        return []\n"
        "    return [c.id for c in claims] + [__version__, factcheck.Period.__name__]\n\n\n"
        "def typo(root: Path) -> object:\n"
        "    return factcheck.lod(root)\n")
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert errors == ['downstream.py:16: error: Module has no attribute "lod"; '
                      'maybe "load"?  [attr-defined]'], done.stdout


def test_the_audit_is_frozen_out_of_the_collectors_way_while_items_run(
        pytester: pytest.Pytester) -> None:
    write_corpus(pytester)
    pytester.makeconftest(
        "import gc\n\n"
        "def pytest_runtest_call(item):\n"
        "    open('frozen.txt', 'a').write(f'{gc.get_freeze_count() > 0}\\n')\n")
    before = gc.get_freeze_count()
    pytester.runpytest("claims/").assert_outcomes(passed=2)
    assert (pytester.path / "frozen.txt").read_text() == "True\nTrue\n"
    if before == 0:  # unfrozen when the session ended
        assert gc.get_freeze_count() == 0
