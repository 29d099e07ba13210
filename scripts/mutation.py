"""Mutation testing of the number grammar, anchoring, evidence checks and built-in rules.

Runs mutmut (`pip install -e '.[mutation]'`; shared settings in `[tool.mutmut]` of
pyproject.toml) on one module at a time, each in a scratch copy of the project under
`mutants/<module>/` whose settings mutate only that module and run only its fast tests; mutmut
then runs each mutant against just the tests that call the mutated function.  Prints
killed/total per module and every mutant that survived.  Not run in CI (about 20 minutes for
the six modules on one core).

    python scripts/mutation.py                  # all six modules, each from a fresh copy
    python scripts/mutation.py numbers builtin  # some of them
    python scripts/mutation.py --keep evidence  # reuse mutants/evidence/ from an earlier run
    python scripts/mutation.py --report         # only print the scores of the last run
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
NUMBER_TESTS = ["test_numbers", "test_mutation_numbers", "test_mutation_reading",
                "test_mutation_grammar", "test_intervals"]
ANCHOR_TESTS = ["test_anchoring", "test_mutation_anchoring", "test_evidence",
                "test_mutation_evidence"]
# Each module: its dotted name, and the test files its mutants run against.
MODULES: dict[str, tuple[str, list[str]]] = {
    "numbers": ("factcheck.text.numbers", NUMBER_TESTS),
    "grammar": ("factcheck.text.grammar", NUMBER_TESTS),
    "reading": ("factcheck.text.reading", NUMBER_TESTS),
    "anchoring": ("factcheck.text.anchoring", ANCHOR_TESTS),
    "evidence": ("factcheck.checks.evidence", ["test_evidence", "test_mutation_evidence",
                                               "test_cues", "test_bundled_judgements"]),
    "builtin": ("factcheck.rules.builtin", ["test_rules", "test_mutation_rules", "test_disputes",
                                            "test_semantics", "test_matching",
                                            "test_targets_windows", "test_bundled_judgements"]),
}
KILLED = {1, 3, 36, 24, -24, 152, 255}  # a failing test, pytest's internal error, or a timeout
SURVIVED = {0}
COPIED = ("src", "tests", "seeds", "claims")


def _work(name: str) -> Path:
    return ROOT / "mutants" / name


def _meta(name: str) -> Path:
    module = MODULES[name][0]
    return _work(name) / "mutants" / "src" / (module.replace(".", "/") + ".py.meta")


def prepare(name: str) -> Path:
    """A fresh copy of the project for one module, its settings narrowed to that module."""
    work = _work(name)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    for folder in COPIED:
        shutil.copytree(ROOT / folder, work / folder,
                        ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"))
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    module, tests = MODULES[name]
    mutmut = settings["tool"]["mutmut"]
    mutmut["only_mutate"] = ["src/" + module.replace(".", "/") + ".py"]
    mutmut["pytest_add_cli_args_test_selection"] = [f"tests/{t}.py" for t in tests]
    mutmut["pytest_add_cli_args"] = [*mutmut.get("pytest_add_cli_args", []),
                                     "-p", "mutation_plugin"]
    (work / "pyproject.toml").write_text(tomli_w.dumps(settings), encoding="utf-8")
    return work


def scores(names: list[str]) -> list[tuple[str, int, int, list[str], list[str]]]:
    """Per module: killed, total, the surviving mutants, the mutants not killed otherwise."""
    rows = []
    for name in names:
        meta = _meta(name)
        if not meta.exists():
            continue
        codes: dict[str, int | None] = json.loads(meta.read_text())["exit_code_by_key"]
        killed = sum(code in KILLED for code in codes.values())
        survivors = sorted(k for k, code in codes.items() if code in SURVIVED)
        other = sorted(f"{k} ({code})" for k, code in codes.items()
                       if code not in KILLED and code not in SURVIVED)
        rows.append((name, killed, len(codes), survivors, other))
    return rows


def report(names: list[str]) -> int:
    rows = scores(names)
    print(f"\n{'module':<10} {'killed':>7} {'total':>6} {'score':>7}")
    for name, killed, total, _, _ in rows:
        print(f"{name:<10} {killed:>7} {total:>6} {100 * killed / total:>6.1f}%")
    for _, _, _, survivors, other in rows:
        for mutant in survivors:
            print(f"survived  {mutant}")
        for mutant in other:  # 33: no test calls the function; None: not run
            print(f"untested  {mutant}")
    print("\nSee one with: cd mutants/<module> && mutmut show <name>")
    return 0 if all(not other for *_, other in rows) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help=f"some of: {', '.join(MODULES)} (default: all)")
    parser.add_argument("--keep", action="store_true", help="reuse mutants/<module>/")
    parser.add_argument("--report", action="store_true", help="only print the last run's scores")
    parser.add_argument("--children", type=int, default=1, help="mutants run at once (default 1)")
    args = parser.parse_args()
    names = args.modules or list(MODULES)
    unknown = [name for name in names if name not in MODULES]
    if unknown:
        parser.error(f"unknown module {', '.join(unknown)}: choose from {', '.join(MODULES)}")
    if args.report:
        return report(names)
    mutmut = Path(sys.executable).with_name("mutmut")
    # mutation_plugin.py empties factcheck's caches in each mutant's run
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT / "scripts"), os.environ.get("PYTHONPATH")) if p)}
    for name in names:
        work = _work(name) if args.keep and _work(name).exists() else prepare(name)
        print(f"--- mutating {MODULES[name][0]}", flush=True)
        log = work / "mutmut.log"
        with log.open("w") as out:
            done = subprocess.run([str(mutmut), "run", "--max-children", str(args.children)],
                                  cwd=work, stdout=out, stderr=out, env=environment)
        if done.returncode != 0:
            print(f"mutmut failed on {name} (status {done.returncode}): see {log}",
                  file=sys.stderr)
            return 2
    return report(names)


if __name__ == "__main__":
    sys.exit(main())
