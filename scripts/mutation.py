"""Mutation testing of the number grammar, anchoring, evidence checks and built-in rules.

Runs mutmut (`pip install -e '.[mutation]'`, configured in `[tool.mutmut]` of pyproject.toml)
on one module at a time, each mutant against only the fast tests that call the mutated
function, then prints killed/total per module and every surviving mutant.  Not run in CI: the
six modules take about 25 minutes on one core.

    python scripts/mutation.py                  # all six modules, from a fresh mutants/ copy
    python scripts/mutation.py numbers builtin  # some of them
    python scripts/mutation.py --keep evidence  # reuse mutants/ from an earlier run
    python scripts/mutation.py --report         # only print the scores of the last run
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = {
    "numbers": "factcheck.text.numbers",
    "grammar": "factcheck.text.grammar",
    "reading": "factcheck.text.reading",
    "anchoring": "factcheck.text.anchoring",
    "evidence": "factcheck.checks.evidence",
    "builtin": "factcheck.rules.builtin",
}
KILLED = {1, 3, 36, 24, -24, 152, 255}  # a failing test, pytest's internal error, or a timeout
SURVIVED = {0}


def _meta(module: str) -> Path:
    return ROOT / "mutants" / "src" / (module.replace(".", "/") + ".py.meta")


def scores(names: list[str]) -> list[tuple[str, int, int, list[str], list[str]]]:
    """Per module: killed, tested, the surviving mutants, the mutants not tested."""
    rows = []
    for name in names:
        meta = _meta(MODULES[name])
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
        for mutant in other:
            print(f"untested  {mutant}")
    print("\nSee one with: mutmut show <name>")
    return 0 if all(not other for *_, other in rows) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help=f"some of: {', '.join(MODULES)} (default: all)")
    parser.add_argument("--keep", action="store_true", help="reuse mutants/ from an earlier run")
    parser.add_argument("--report", action="store_true", help="only print the last run's scores")
    parser.add_argument("--children", type=int, default=1, help="mutants run at once (default 1)")
    args = parser.parse_args()
    names = args.modules or list(MODULES)
    unknown = [name for name in names if name not in MODULES]
    if unknown:
        parser.error(f"unknown module {', '.join(unknown)}: choose from {', '.join(MODULES)}")
    if args.report:
        return report(names)
    if not args.keep:
        shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    mutmut = Path(sys.executable).with_name("mutmut")
    for name in names:
        print(f"--- mutating {MODULES[name]}", flush=True)
        log = ROOT / "mutants" / f"mutmut-{name}.log"
        log.parent.mkdir(exist_ok=True)
        with log.open("w") as out:
            done = subprocess.run([str(mutmut), "run", "--max-children", str(args.children),
                                   f"{MODULES[name]}.*"], cwd=ROOT, stdout=out, stderr=out)
        if done.returncode != 0:
            print(f"mutmut failed on {name} (status {done.returncode}): see {log}",
                  file=sys.stderr)
            return 2
    return report(names)


if __name__ == "__main__":
    sys.exit(main())
