"""The irreducible work of an audit, stage by stage, to measure the audit against.

    .venv/bin/python benchmarks/floor.py ROOT            # a corpus already on disk
    .venv/bin/python benchmarks/floor.py --claims 100000 # a synthetic corpus, JSON lines

Each stage does only what no audit can skip, with the fastest well-kept tools there are:

- load: read every source text, hash it (the pins are checked) and decode it; decode every
  claim file (msgspec for JSON lines; rtoml for TOML, a Rust parser about 1.8x quicker than
  the tomli the audit uses and 4x quicker than the standard library's tomllib);
- anchor: one ``str.find`` of each quote in its source's text;
- rules: the claims sorted by what they are about (subject, topic, kind, first key field) and
  period start, and one sweep over neighbours of one key;
- coverage: one regular-expression scan of each source for digits, and a binary search of
  each one among the quotes' spans of that source;
- report: each claim with its anchors written with orjson to a file.

`benchmarks/bench.py` runs it on the same corpus in the same run as the audit and prints the
ratio of each stage, so a loaded machine slows both alike.
"""

from __future__ import annotations

import argparse
import bisect
import gc
import hashlib
import itertools
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import orjson
import rtoml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

STAGES = ("load", "anchor", "rules", "coverage", "report")
_DIGITS = re.compile(r"\d[\d,.]*")


def measure_floor(root: str | Path, clock: Callable[[], float] = time.perf_counter) -> dict[str, float]:
    """Seconds each stage's irreducible work takes on the corpus at `root`, by `clock`
    (`time.process_time` for the CPU time of this process alone)."""
    from factcheck.corpus import builtin_kinds

    first_field = {name: kind.key_fields[0] for name, kind in builtin_kinds().kinds.items()}
    root = Path(root)
    times: dict[str, float] = {}
    start = clock()
    sources = rtoml.loads((root / "seeds" / "sources.toml").read_text(encoding="utf-8"))["source"]
    texts: dict[str, str] = {}
    for source in sources:
        data = (root / "seeds" / source["path"]).read_bytes()
        hashlib.sha256(data).hexdigest()
        texts[source["id"]] = data.decode("utf-8")
    claims: list[dict[str, Any]] = []
    decoder = msgspec.json.Decoder()
    for path in sorted((root / "claims").rglob("*")):
        if path.suffix == ".jsonl":
            claims.extend(record["claim"] for record in map(decoder.decode, path.read_bytes().splitlines())
                          if "claim" in record)
        elif path.suffix == ".toml":
            claims.extend(rtoml.loads(path.read_text(encoding="utf-8")).get("claim", ()))
    times["load"] = clock() - start

    start = clock()
    anchors = [[texts[e["source"]].find(e["quote"]) for e in claim["evidence"]] for claim in claims]
    times["anchor"] = clock() - start

    start = clock()
    keyed = sorted((c["subject"], c["topic"], c["kind"], str(c.get(first_field.get(c["kind"], "id"))),
                     str(c["period"]), c["id"]) for c in claims)
    pairs = sum(1 for a, b in itertools.pairwise(keyed) if a[:4] == b[:4])
    times["rules"] = clock() - start

    start = clock()
    spans: dict[str, list[tuple[int, int]]] = {}
    for claim, found in zip(claims, anchors, strict=True):
        for evidence, at in zip(claim["evidence"], found, strict=True):
            if at >= 0:
                spans.setdefault(evidence["source"], []).append((at, at + len(evidence["quote"])))
    covered = 0
    for source, text in texts.items():
        ordered = sorted(spans.get(source, ()))
        starts = [s for s, _ in ordered]
        for match in _DIGITS.finditer(text):
            k = bisect.bisect_right(starts, match.start())
            covered += k > 0 and ordered[k - 1][1] >= match.end()
    times["coverage"] = clock() - start

    start = clock()
    with tempfile.TemporaryDirectory(prefix="factcheck-floor-") as tmp, \
            open(Path(tmp) / "report.json", "wb") as out:
        for claim, found in zip(claims, anchors, strict=True):
            out.write(orjson.dumps({**claim, "anchors": found}, option=orjson.OPT_SORT_KEYS))
            out.write(b"\n")
    times["report"] = clock() - start
    del pairs, covered
    return times


def corpus_root(parser: argparse.ArgumentParser, root: str) -> Path:
    """`root` as a corpus folder, or a usage error from `parser` when it is not one."""
    path = Path(root)
    if not (path / "seeds" / "sources.toml").is_file() or not (path / "claims").is_dir():
        parser.error(f"{root} is not a corpus folder (seeds/sources.toml and claims/)")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", nargs="?", help="corpus folder (seeds/ and claims/)")
    parser.add_argument("--claims", type=int, default=100_000,
                        help="without ROOT: generate a synthetic corpus of this many claims")
    parser.add_argument("--json", action="store_true", help="print the times as JSON")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall-clock time, or the CPU time of this process (steadier on a "
                        "busy machine)")
    args = parser.parse_args()
    gc.disable()  # as the factcheck command does
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    if args.root:
        times = measure_floor(corpus_root(parser, args.root), clock)
    else:
        from factcheck.testing.synthetic import generate

        with tempfile.TemporaryDirectory(prefix="factcheck-floor-") as tmp:
            generate(Path(tmp), claims=args.claims, fmt="jsonl")
            times = measure_floor(tmp, clock)
    if args.json:
        print(json.dumps(times))
        return
    for stage in STAGES:
        print(f"{stage:>9} {times[stage]:8.3f} s")
    print(f"{'total':>9} {sum(times.values()):8.3f} s   ({os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
