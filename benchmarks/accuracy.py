"""Precision and recall of the audit on the realistic generator, per category of planted case.

    .venv/bin/python benchmarks/accuracy.py [--sizes 10000 100000] [--seed 0] [--examples 3]

For each size a realistic corpus (`factcheck.testing.realistic`) is written to a temporary
folder and audited; each finding is matched to the planted truth (``truth.json``) by its set
of claim ids, one of each expected slot's alternatives (an echo's claims are one statement).

- A finding is a hit when a planted expectation has its claims and its severity.
- A finding on planted claims with another severity is counted against the category as
  spurious, and its expectation as missed ("other severity" says how often, e.g. `unmatched`
  where the truth expects a contradiction).
- A finding on claims the truth expects nothing of is spurious, counted against the category
  of the case its first claim belongs to (a finding across two cases is a clash by accident).

precision = hits / (hits + spurious), recall = hits / expected, per category and overall;
a category that plants only distractors (report, hard-negative) has no recall, only spurious
findings. The figures may be below 1: they are what the audit does on text written
as people write, and the examples printed under each table say what limits them.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from factcheck import audit, load  # noqa: E402
from factcheck.rules.findings import Finding  # noqa: E402
from factcheck.testing.realistic import CATEGORIES, generate  # noqa: E402


def score(truth: Mapping[str, Any], findings: Iterable[Finding]) -> dict[str, Any]:
    """Match findings to the truth's cases; per category: counts and a few examples."""
    slot_of: dict[str, str] = {}
    category_of: dict[str, str] = {}
    expected: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
    for case in truth["cases"]:
        for claim in case["claims"]:
            category_of[claim] = case["category"]
        for want in case["expect"]:
            for slot in want["claims"]:
                for claim in slot:
                    slot_of[claim] = slot[0]
            key = frozenset(slot[0] for slot in want["claims"])
            expected[key].append({**want, "category": case["category"]})
    table: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    hit: set[tuple[frozenset[str], str]] = set()
    said: dict[frozenset[str], list[str]] = defaultdict(list)
    for wants in expected.values():
        for want in wants:
            table[want["category"]]["expected"] += 1
    for finding in findings:
        slots = [slot_of.get(c, c) for c in finding.claims]
        key = frozenset(slots)
        wants = expected.get(key, []) if len(key) == len(slots) else []
        same = [w for w in wants if w["severity"] == finding.severity]
        want = same[0] if same else wants[0] if wants else None
        if same and (key, finding.severity) not in hit:
            hit.add((key, finding.severity))
            row = table[same[0]["category"]]
            row["hits"] += 1
            if same[0]["rounding"] is not None and same[0]["rounding"] != finding.rounding:
                row["rounding flag wrong"] += 1
            continue
        category = want["category"] if want is not None else category_of.get(
            finding.claims[0], "?")
        row = table[category]
        row["spurious"] += 1
        if want is not None:
            row[f"as {finding.severity}"] += 1
            said[key].append(f"{finding.severity} ({finding.rule})")
        if len({category_of.get(c) for c in finding.claims}) > 1 or any(
                c not in category_of for c in finding.claims):
            row["across cases"] += 1
        examples[category]["spurious"].append(
            f"{finding.severity} {finding.rule} {', '.join(finding.claims)}: "
            f"{finding.message[:400]}")
    for key, wants in expected.items():
        for want in wants:
            if (key, want["severity"]) in hit:
                continue
            claims = ", ".join(sorted(key))
            instead = "; ".join(said.get(key, [])) or "nothing else"
            examples[want["category"]]["missed"].append(
                f"{want['severity']} ({want['rule']}) on {claims}: the audit said {instead}")
    return {"table": table, "examples": examples}


def _ratio(numerator: int, denominator: int) -> str:
    return f"{numerator / denominator:.3f}" if denominator else "  -  "


def print_scores(size: int, result: dict[str, Any], limit: int) -> None:
    table = result["table"]
    print(f"\n{'category':<20} {'expected':>8} {'hits':>6} {'spurious':>8} {'precision':>9} "
          f"{'recall':>7}  other")
    total: Counter[str] = Counter()
    for category in [*CATEGORIES, *sorted(set(table) - set(CATEGORIES))]:
        row = table.get(category, Counter())
        total.update(row)
        others = ", ".join(f"{k} {v}" for k, v in sorted(row.items())
                           if k not in ("expected", "hits", "spurious"))
        print(f"{category:<20} {row['expected']:>8} {row['hits']:>6} {row['spurious']:>8} "
              f"{_ratio(row['hits'], row['hits'] + row['spurious']):>9} "
              f"{_ratio(row['hits'], row['expected']):>7}  {others}")
    print(f"{'overall':<20} {total['expected']:>8} {total['hits']:>6} {total['spurious']:>8} "
          f"{_ratio(total['hits'], total['hits'] + total['spurious']):>9} "
          f"{_ratio(total['hits'], total['expected']):>7}")
    if limit:
        print(f"\nwhat limits them at {size} claims (up to {limit} examples of each):")
        for category, kinds in result["examples"].items():
            for what in ("missed", "spurious"):
                for line in kinds.get(what, [])[:limit]:
                    print(f"  {category} {what}: {line}")


def run(size: int, seed: int, limit: int) -> None:
    with tempfile.TemporaryDirectory(prefix=f"factcheck-accuracy-{size}-") as tmp:
        start = time.perf_counter()
        written = generate(Path(tmp), claims=size, seed=seed)
        generated = time.perf_counter() - start
        start = time.perf_counter()
        gc.disable()  # as the factcheck command does for its run
        try:
            result = audit(load(tmp))
        finally:
            gc.enable()
        audited = time.perf_counter() - start
        truth = json.loads((Path(tmp) / "truth.json").read_text(encoding="utf-8"))
        failing = sum(1 for r in result.results if not r.ok)
        print(f"\n== {written.claims} claims, seed {seed}: {len(truth['cases'])} cases, "
              f"{len(result.findings)} findings, {failing} claims failing their checks; "
              f"generated in {generated:.1f} s, loaded and audited in {audited:.1f} s")
        print_scores(size, score(truth, result.findings), limit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--examples", type=int, default=3,
                        help="missed and spurious examples to print per category (0: none)")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}")
    for size in args.sizes:
        run(size, args.seed, args.examples)


if __name__ == "__main__":
    main()
