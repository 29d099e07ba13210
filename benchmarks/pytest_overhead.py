"""pytest over N synthetic claims against N trivial tests, in the same run (issue 14).

Prints the wall time of `pytest claims` on a generated corpus of N claims (TOML, planted
findings with verdicts, so every item passes) and of `pytest` on one file of N trivial
parametrised tests, each the best of `--repeat` runs, and their ratio (the goal: at most
1.2x at 10,000). Run: `.venv/bin/python benchmarks/pytest_overhead.py --claims 10000`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from factcheck.testing.synthetic import generate  # noqa: E402


def _pytest(args: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", *args, "-q", "-p", "no:cacheprovider"],
                          cwd=cwd, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    elapsed = time.perf_counter() - start
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()[-300:]
    return elapsed, last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best is kept")
    args = parser.parse_args()
    size = args.claims
    with tempfile.TemporaryDirectory(prefix="factcheck-pytest-") as tmp:
        root = Path(tmp) / "corpus"
        generate(root, claims=size, fmt="toml", verdicts=True)
        (root / "pyproject.toml").write_text('[tool.factcheck]\nroot = "."\n')
        trivial = Path(tmp) / "trivial"
        trivial.mkdir()
        (trivial / "test_trivial.py").write_text(
            f"import pytest\n\n\n@pytest.mark.parametrize(\"i\", range({size}))\n"
            "def test_trivial(i):\n    assert i >= 0\n")
        (trivial / "pyproject.toml").write_text("[tool.pytest.ini_options]\n")
        claims_runs, trivial_runs = [], []
        for _ in range(args.repeat):  # interleaved, so both see the same machine load
            claims_runs.append(_pytest(["claims"], root))
            trivial_runs.append(_pytest(["test_trivial.py"], trivial))
    claims_time, claims_line = min(claims_runs)
    trivial_time, trivial_line = min(trivial_runs)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; best of {args.repeat}")
    print(f"pytest claims, {size} claims:   {claims_time:6.2f} s   ({claims_line})")
    print(f"pytest, {size} trivial tests:   {trivial_time:6.2f} s   ({trivial_line})")
    print(f"ratio: {claims_time / trivial_time:.2f}x")


if __name__ == "__main__":
    main()
