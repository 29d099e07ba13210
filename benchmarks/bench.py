"""Benchmark the audit on generated corpora of growing size.

    .venv/bin/python benchmarks/bench.py [--sizes 1000 10000 100000] [--repeat 3]
        [--generator realistic|synthetic] [--format jsonl|toml] [--per-source N]
        [--corpus-dir DIR] [--pytest-compare 10000] [--tracemalloc]

For each size a corpus is generated (10 claims a source unless --per-source says otherwise)
into a temporary folder (or kept under --corpus-dir and reused), by the realistic generator
(`factcheck.testing.realistic`: reworded keys, hedged and round numbers, curled quotes,
echoes, hard negatives; TOML) or the synthetic one (quicker to write, JSON lines or TOML: the
one for 10 million claims), then measured in a fresh child process, stage by stage as
`audit` runs: load, map (source by source: every claim's evidence checks and the source's
coverage), rules (the index of keys, every rule, the audit put together) and report (the
JSON report streamed to a file). Right after, in another child on the same corpus,
`floor.py` measures the irreducible work of each stage (for map: its anchor and coverage
floors); the ratio actual / floor of each stage and of the whole is printed, so a loaded
machine slows both alike. With --repeat N both are measured N times, alternately, and the
median of each stage is kept. Memory is the process high-water mark (VmHWM on Linux, else
ru_maxrss) after each stage, so it only grows; with --tracemalloc a second, slower pass
gives each stage's own peak of Python allocations. The findings are scored against the
planted ones (precision and recall; for the realistic corpus as `accuracy.py` scores them,
which prints them by category). At the --pytest-compare size, `pytest claims` over a generated corpus (TOML,
every planted contradiction and tension with a verdict, so all items pass) is timed against
as many trivial parametrised tests, in the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from pytest_overhead import write_suites  # noqa: E402  (this folder is on the path)

from factcheck.testing.realistic import generate as generate_realistic  # noqa: E402
from factcheck.testing.synthetic import generate  # noqa: E402

STAGES = ("load", "map", "rules", "report")
FLOOR_STAGES = {"load": ("load",), "map": ("anchor", "coverage"), "rules": ("rules",),
                "report": ("report",)}
"""The floor's stages each of the audit's stands against: the map step anchors and measures
coverage, source by source."""


def _rss_mib() -> float:
    """The process's peak resident memory so far, MiB. Linux's VmHWM is this program's own;
    `ru_maxrss` (elsewhere) starts from the parent's resident size at the fork, which made a
    child of a parent that had just generated a large corpus look as large as its parent."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure(root: str, expected_path: str, use_tracemalloc: bool,
            clock: Callable[[], float] = time.perf_counter) -> dict[str, Any]:
    """Run the stages once over the corpus at `root`; time and memory of each (child process)."""
    from factcheck import load
    from factcheck.auditing import assemble, gather_parts, map_sources
    from factcheck.reports.json_report import write_report
    from factcheck.rules import find, make_context

    state: dict[str, Any] = {}

    def do_load() -> None:
        state["corpus"] = load(root)

    def do_map() -> None:
        state["checked"] = gather_parts(state["corpus"], map_sources(state["corpus"]))

    def do_rules() -> None:
        corpus = state["corpus"]
        context = make_context(corpus)
        state["audit"] = assemble(corpus, state.pop("checked"), find(corpus, context=context), context)

    def do_report() -> None:
        path = Path(root) / "report.json"
        write_report(state["audit"], path)
        state["json_bytes"] = path.stat().st_size

    steps: dict[str, Callable[[], None]] = {"load": do_load, "map": do_map, "rules": do_rules,
                                            "report": do_report}
    out: dict[str, Any] = {"baseline_rss": _rss_mib(), "stages": {}}
    for name in STAGES:
        if use_tracemalloc:
            tracemalloc.start()
        start = clock()
        steps[name]()
        elapsed = clock() - start
        stage = {"seconds": elapsed, "rss_mib": _rss_mib()}
        if use_tracemalloc:
            stage["traced_peak_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        out["stages"][name] = stage
    result = state["audit"]
    truth = json.loads(Path(expected_path).read_text())
    if isinstance(truth, dict):  # the realistic generator's truth.json, scored as accuracy.py does
        from accuracy import score

        table = score(truth, result.findings)["table"]
        hits = sum(row["hits"] for row in table.values())
        found_count = hits + sum(row["spurious"] for row in table.values())
        expected_count = sum(row["expected"] for row in table.values())
    else:
        expected = {(s, frozenset(c)) for s, c in truth}
        found = {(f.severity, frozenset(f.claims)) for f in result.findings}
        hits, found_count, expected_count = len(found & expected), len(found), len(expected)
    out.update(claims=len(result.corpus.claims), sources=len(result.corpus.sources),
               evidence_errors=sum(1 for r in result.results for p in r.problems if p.level == "error"),
               warnings=len(result.warnings), findings=found_count, expected=expected_count,
               hits=hits,
               json_bytes=state.get("json_bytes"),
               by_severity={s: sum(1 for f in result.findings if f.severity == s)
                            for s in ("contradiction", "tension", "unmatched", "changed",
                                      "corroborated")})
    return out


def _child(command: list[str], size: int) -> dict[str, Any]:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"measuring {size} claims failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _generated(tmp: Path, size: int, generator: str, fmt: str, reword: bool, per_source: int,
               ) -> tuple[Path, list[str]]:
    """The corpus at `tmp`, written unless a kept one is there already (10 million claims take
    minutes to write): its truth file, and the severity of each finding planted in it."""
    if generator == "realistic":
        truth = tmp / "truth.json"
        if not truth.exists():
            generate_realistic(tmp, claims=size, per_source=per_source)
        return truth, [want["severity"] for case in json.loads(truth.read_text())["cases"]
                       for want in case["expect"]]
    expected = tmp / "expected.json"
    if not expected.exists():
        plan = generate(tmp, claims=size, fmt=fmt, reword=reword,  # type: ignore[arg-type]
                        per_source=per_source)
        expected.write_text(json.dumps([[s, sorted(c)] for s, c in plan.expected]))
    return expected, [severity for severity, _ in json.loads(expected.read_text())]


def run_size(size: int, fmt: str, use_tracemalloc: bool, reword: bool = False, repeat: int = 1,
             per_source: int = 10, clock: str = "cpu", corpus_dir: Path | None = None,
             generator: str = "realistic") -> dict[str, Any]:
    with contextlib.ExitStack() as stack:
        if corpus_dir is None:
            tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(
                prefix=f"factcheck-bench-{size}-")))
        else:
            tmp = corpus_dir / (f"{size}-{generator}-{per_source}" if generator == "realistic"
                                else f"{size}-{fmt}-{per_source}{'-reword' if reword else ''}")
        start = time.perf_counter()
        expected, planted = _generated(tmp, size, generator, fmt, reword, per_source)
        generated = time.perf_counter() - start
        command = [sys.executable, str(Path(__file__).resolve()), "--child", str(tmp),
                   str(expected), "--clock", clock]
        floor_command = [sys.executable, str(HERE / "floor.py"), str(tmp), "--json", "--clock",
                         clock]
        runs, floors = [], []
        for _ in range(repeat):
            runs.append(_child(command, size))
            floors.append(_child(floor_command, size))
        data = runs[0]
        for name in STAGES:
            data["stages"][name]["seconds"] = statistics.median(
                r["stages"][name]["seconds"] for r in runs)
            data["stages"][name]["rss_mib"] = max(r["stages"][name]["rss_mib"] for r in runs)
        data["floor"] = {name: statistics.median(sum(f[part] for part in FLOOR_STAGES[name])
                                                 for f in floors) for name in STAGES}
        data["total_seconds"] = statistics.median(
            sum(r["stages"][name]["seconds"] for name in STAGES) for r in runs)
        data["floor_total"] = statistics.median(sum(f.values()) for f in floors)
        if use_tracemalloc:
            traced = _child([*command, "--tracemalloc"], size)
            for name in STAGES:
                data["stages"][name]["traced_peak_mib"] = traced["stages"][name]["traced_peak_mib"]
        data["generate_seconds"] = generated
        data["repeat"] = repeat
        data["clock"] = clock
        data["planted"] = {s: planted.count(s) for s in ("contradiction", "tension", "changed")}
        return data


def _exponent(t1: float, t2: float, n1: int, n2: int) -> float:
    return math.log(t2 / t1) / math.log(n2 / n1) if t1 > 0 and t2 > 0 else float("nan")


def print_table(sizes: list[int], runs: dict[int, dict[str, Any]], fmt: str, traced: bool) -> None:
    repeat = runs[sizes[0]]["repeat"]
    clock = "CPU seconds of the process" if runs[sizes[0]]["clock"] == "cpu" else "wall-clock seconds"
    print(f"\nformat: {fmt}; {clock}, median of {repeat} run(s); memory: process high-water mark "
          "(VmHWM) after each stage, MiB"
          + ("; traced = tracemalloc peak of the stage alone (separate pass), MiB" if traced else ""))
    header = f"{'claims':>8} {'sources':>7} " + " ".join(f"{s + ' s':>10} {s + ' MiB':>11}" for s in STAGES)
    print(header)
    for n in sizes:
        r = runs[n]
        cells = " ".join(f"{r['stages'][s]['seconds']:>10.2f} {r['stages'][s]['rss_mib']:>11.0f}"
                         for s in STAGES)
        print(f"{n:>8} {r['sources']:>7} {cells}")
        print(f"{'':>8} {'floor':>7} " + " ".join(f"{r['floor'][s]:>10.2f} {'':>11}" for s in STAGES))
        print(f"{'':>8} {'ratio':>7} " + " ".join(
            f"{r['stages'][s]['seconds'] / r['floor'][s]:>9.1f}x {'':>11}" for s in STAGES))
        if traced:
            print(f"{'':>8} {'traced':>7} " + " ".join(
                f"{'':>10} {r['stages'][s]['traced_peak_mib']:>11.0f}" for s in STAGES))
    print(f"\n{'claims':>8} {'total s':>8} {'floor s':>8} {'ratio':>6} {'claims/s':>9} {'peak MiB':>9} "
          f"{'exponent':>9} {'precision':>9} {'recall':>7} {'planted c/t/ch':>15} {'found':>6} "
          f"{'ev.err':>6} {'gen s':>6}")
    previous: tuple[int, float] | None = None
    for n in sizes:
        r = runs[n]
        total = r["total_seconds"]
        peak = max(r["stages"][s]["rss_mib"] for s in STAGES)
        exponent = "" if previous is None else f"{_exponent(previous[1], total, previous[0], n):.2f}"
        precision = r["hits"] / r["findings"] if r["findings"] else 1.0
        recall = r["hits"] / r["expected"] if r["expected"] else 1.0
        planted = "/".join(str(r["planted"][s]) for s in ("contradiction", "tension", "changed"))
        print(f"{n:>8} {total:>8.2f} {r['floor_total']:>8.2f} {total / r['floor_total']:>5.2f}x "
              f"{n / total:>9.0f} {peak:>9.0f} {exponent:>9} {precision:>9.3f} "
              f"{recall:>7.3f} {planted:>15} {r['findings']:>6} {r['evidence_errors']:>6} "
              f"{r['generate_seconds']:>6.1f}")
        previous = (n, total)
    if len(sizes) > 1:
        print("\ngrowth exponent per stage, log(t2/t1)/log(n2/n1):")
        for a, b in pairwise(sizes):
            cells = ", ".join(
                f"{s} {_exponent(runs[a]['stages'][s]['seconds'], runs[b]['stages'][s]['seconds'], a, b):.2f}"
                for s in STAGES)
            print(f"  {a} -> {b}: {cells}")


def _pytest(args: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", *args, "-q", "-p", "no:cacheprovider"],
                          cwd=cwd, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    elapsed = time.perf_counter() - start
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()[-300:]
    return elapsed, last


def pytest_compare(size: int) -> None:
    with tempfile.TemporaryDirectory(prefix="factcheck-pytest-") as tmp:
        root, trivial = write_suites(Path(tmp), size)
        claims_time, claims_line = _pytest(["claims"], root)
        trivial_time, trivial_line = _pytest(["test_trivial.py"], trivial)
    print(f"\npytest at {size} claims (TOML, planted findings with verdicts), same run:")
    print(f"  pytest claims:          {claims_time:6.2f} s   ({claims_line})")
    print(f"  {size} trivial tests: {trivial_time:6.2f} s   ({trivial_line})")
    print(f"  ratio: {claims_time / trivial_time:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--generator", choices=("realistic", "synthetic"), default="realistic",
                        help="the corpus: realistic (factcheck.testing.realistic: text as people "
                             "write it, TOML, scored as accuracy.py scores it) or synthetic "
                             "(factcheck.testing.synthetic: quick to write, any --format; the "
                             "one for 10 million claims)")
    parser.add_argument("--format", choices=("jsonl", "toml"), default="jsonl",
                        help="claim files of the synthetic generator")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="measure the audit and the floor N times each, keep the medians")
    parser.add_argument("--clock", choices=("cpu", "wall"), default="cpu",
                        help="time stages by the CPU time of the process (the default: steady "
                        "on a shared machine) or by the wall clock")
    parser.add_argument("--per-source", type=int, default=10, metavar="N",
                        help="claims a source (and a claim file); larger corpora want more")
    parser.add_argument("--compare-formats", type=int, default=10000, metavar="N",
                        help="also time the other format at N claims (0: skip)")
    parser.add_argument("--pytest-compare", type=int, default=10000, metavar="N",
                        help="pytest over N synthetic claims against N trivial tests (0: skip)")
    parser.add_argument("--tracemalloc", action="store_true",
                        help="a second pass per size for each stage's traced peak memory")
    parser.add_argument("--keep-gc", action="store_true",
                        help="keep Python's cyclic GC running (the factcheck command pauses it)")
    parser.add_argument("--reword", action="store_true",
                        help="one claim of each planted pair names its thing as another writer "
                             "would (case, plural, word order); near misses count as unmatched")
    parser.add_argument("--corpus-dir", type=Path, metavar="DIR",
                        help="keep each generated corpus under DIR (one folder a size, format and "
                             "layout) and measure it again on the next run instead of generating "
                             "it anew: a 10-million-claim corpus takes minutes to write")
    parser.add_argument("--child", nargs=2, metavar=("ROOT", "EXPECTED"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if not os.environ.get("FACTCHECK_BENCH_KEEP_GC"):
            gc.disable()  # as the factcheck command does for its run
        clock = time.process_time if args.clock == "cpu" else time.perf_counter
        print(json.dumps(measure(args.child[0], args.child[1], args.tracemalloc, clock)))
        return
    if args.keep_gc:
        os.environ["FACTCHECK_BENCH_KEEP_GC"] = "1"
    sizes = sorted(args.sizes)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, cyclic GC "
          + ("running" if args.keep_gc else "paused during the run, as the factcheck command does"))
    runs = {n: run_size(n, args.format, args.tracemalloc, args.reword, args.repeat, args.per_source,
                        args.clock, args.corpus_dir, args.generator)
            for n in sizes}
    print_table(sizes, runs, "toml (realistic)" if args.generator == "realistic" else args.format,
                args.tracemalloc)
    if args.compare_formats:
        other = "toml" if args.format == "jsonl" else "jsonl"
        n = args.compare_formats
        print_table([n], {n: run_size(n, other, False, clock=args.clock, generator="synthetic")},
                    f"{other} (synthetic)", False)
    if args.pytest_compare:
        pytest_compare(args.pytest_compare)


if __name__ == "__main__":
    main()
