"""pytest over N synthetic claims against N trivial tests, in the same run (issue 14).

Prints the wall time of `pytest claims` on a generated corpus of N claims (TOML, planted
findings with verdicts, so every item passes) and of `pytest` on one file of N trivial
parametrised tests, each the best of `--repeat` runs (after one run of each that fills the
bytecode caches, as a user's second run finds them: the children write them even where
PYTHONDONTWRITEBYTECODE is set), and their ratios in wall time and in CPU time (steadier on
a loaded machine). The goal: at most 1.2x at 10,000.

It also prints the audit alone, run as the plugin runs it (importing the library, loading and
auditing the corpus with the cyclic collector paused, in one process; CPU seconds), each of
its three parts, and parsing the same TOML files alone (the floor of loading), and the ratio
without the audit: what the plugin and pytest add for the items. And what every pytest run of
an environment with factcheck installed pays to import the plugin, beyond importing pytest.
Run: `.venv/bin/python benchmarks/pytest_overhead.py --claims 10000`.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from factcheck.testing.synthetic import generate

_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
"""The children's environment: bytecode caches written and read, as in a user's environment,
even where this benchmark runs with them turned off."""


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _pytest(args: list[str], cwd: Path, *, module: str = "pytest") -> tuple[float, float, str]:
    """Wall and CPU seconds of one pytest run in a child process, and its last line."""
    start, cpu = time.perf_counter(), _cpu()
    tail = ["-q", "-p", "no:cacheprovider"] if module == "pytest" else ["-q"]
    done = subprocess.run([sys.executable, "-m", module, *args, *tail],
                          cwd=cwd, capture_output=True, text=True, check=False, env=_ENV)
    elapsed, used = time.perf_counter() - start, _cpu() - cpu
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()[-300:]
    return elapsed, used, last


AUDIT_ALONE = """
import gc, sys, time
start = time.process_time()
from factcheck import audit, load
import factcheck.auditing, factcheck.corpus.loading
imported = time.process_time()
gc.disable()
corpus = load(sys.argv[1])
loaded = time.process_time()
audit(corpus, coverage=False)
done = time.process_time()
print(done - start, imported - start, loaded - imported, done - loaded)
"""
"""CPU seconds of the audit as the plugin runs it: the library imported, the corpus loaded and
audited with the cyclic collector paused (without measuring coverage, as the plugin does when it
writes no report); and of each of the three."""

TOML_ALONE = """
import gc, sys, time, tomli
from pathlib import Path
root = Path(sys.argv[1])
texts = [p.read_text(encoding="utf-8") for p in [*sorted(root.glob("claims/**/*.toml")),
                                                 root / "seeds" / "sources.toml"]]
gc.disable()
start = time.process_time()
for text in texts:
    tomli.loads(text)
print(time.process_time() - start)
"""
"""CPU seconds of parsing the corpus's TOML files alone with `tomli`, as the audit parses them:
the floor of loading."""


def _audit_alone(root: Path) -> tuple[float, ...]:
    """CPU seconds of the audit alone: in all, importing, loading, checking and the rules."""
    done = subprocess.run([sys.executable, "-c", AUDIT_ALONE, str(root)], capture_output=True,
                          text=True, check=True, env=_ENV)
    return tuple(float(part) for part in done.stdout.split())


def _toml_alone(root: Path) -> float:
    done = subprocess.run([sys.executable, "-c", TOML_ALONE, str(root)], capture_output=True,
                          text=True, check=True, env=_ENV)
    return float(done.stdout)


def _import_seconds(module: str, repeat: int) -> tuple[float, float]:
    """The best wall and CPU seconds of a new interpreter importing `module`."""
    wall, cpu = float("inf"), float("inf")
    for _ in range(repeat):
        start, used = time.perf_counter(), _cpu()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True, env=_ENV)
        wall, cpu = min(wall, time.perf_counter() - start), min(cpu, _cpu() - used)
    return wall, cpu


def write_suites(tmp: Path, size: int) -> tuple[Path, Path]:
    """Two projects of `size` tests each under `tmp`: a generated corpus opted in to the plugin
    (TOML, planted findings with verdicts), and a trivial parametrized suite."""
    root = tmp / "corpus"
    generate(root, claims=size, fmt="toml", verdicts=True)
    (root / "pyproject.toml").write_text('[tool.factcheck]\nroot = "."\n')
    trivial = tmp / "trivial"
    trivial.mkdir()
    (trivial / "test_trivial.py").write_text(
        f"import pytest\n\n\n@pytest.mark.parametrize(\"i\", range({size}))\n"
        "def test_trivial(i):\n    assert i >= 0\n")
    (trivial / "pyproject.toml").write_text("[tool.pytest.ini_options]\n")
    return root, trivial


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best is kept")
    args = parser.parse_args()
    size = args.claims
    with tempfile.TemporaryDirectory(prefix="factcheck-pytest-") as tmp:
        root, trivial = write_suites(Path(tmp), size)
        _pytest(["claims", "--collect-only"], root)  # warm the bytecode caches of both
        _pytest(["test_trivial.py", "--collect-only"], trivial)
        claims_runs, trivial_runs, audit_runs, alone_runs, toml_runs = [], [], [], [], []
        for _ in range(args.repeat):  # interleaved, so both see the same machine load
            claims_runs.append(_pytest(["claims"], root))
            trivial_runs.append(_pytest(["test_trivial.py"], trivial))
            audit_runs.append(_pytest(["audit", "."], root, module="factcheck"))
            alone_runs.append(_audit_alone(root))
            toml_runs.append(_toml_alone(root))
    plugin_import = _import_seconds("factcheck.pytest_plugin", 5 * args.repeat)
    pytest_import = _import_seconds("pytest", 5 * args.repeat)
    claims_wall, trivial_wall = min(r[0] for r in claims_runs), min(r[0] for r in trivial_runs)
    claims_cpu, trivial_cpu = min(r[1] for r in claims_runs), min(r[1] for r in trivial_runs)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f}; best of {args.repeat} (wall and CPU seconds)")
    print(f"pytest claims, {size} claims:  {claims_wall:6.2f} s  {claims_cpu:6.2f} s CPU   "
          f"({claims_runs[0][2]})")
    print(f"pytest, {size} trivial tests:  {trivial_wall:6.2f} s  {trivial_cpu:6.2f} s CPU   "
          f"({trivial_runs[0][2]})")
    audit_wall, audit_cpu = min(r[0] for r in audit_runs), min(r[1] for r in audit_runs)
    print(f"factcheck audit (the same audit): {audit_wall:6.2f} s  {audit_cpu:6.2f} s CPU")
    print(f"ratio: {claims_wall / trivial_wall:.2f}x wall, {claims_cpu / trivial_cpu:.2f}x CPU")
    alone, imported, loaded, audited = min(alone_runs)
    print(f"the audit alone, as the plugin runs it (import, load, audit): {alone:6.2f} s CPU "
          f"(import {imported:.2f} s, load {loaded:.2f} s, audit {audited:.2f} s; parsing the "
          f"TOML alone takes {min(toml_runs):.2f} s)")
    print(f"without the audit itself: {(claims_cpu - alone) / trivial_cpu:.2f}x CPU "
          "(what the plugin and pytest add for the items)")
    print(f"import factcheck.pytest_plugin: {plugin_import[0] * 1000:.0f} ms wall, "
          f"{plugin_import[1] * 1000:.0f} ms CPU; import pytest: {pytest_import[0] * 1000:.0f} ms, "
          f"{pytest_import[1] * 1000:.0f} ms CPU (best of {5 * args.repeat}): every pytest run "
          f"pays {(plugin_import[1] - pytest_import[1]) * 1000:.0f} ms CPU for the plugin")


if __name__ == "__main__":
    main()
