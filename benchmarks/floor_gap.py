"""How near the floor an audit could come: the floor, plus two pieces of work every audit does
and the floor does not, each timed alone on the same corpus in the same run.

    .venv/bin/python benchmarks/floor_gap.py ROOT            # a corpus already on disk
    .venv/bin/python benchmarks/floor_gap.py --claims 100000 # a realistic corpus, generated

The two pieces:

- parsing the claim files with the audit's parser (`tomli`, the reference TOML parser, or
  orjson a line for JSON lines) where the floor uses the quickest one there is (`rtoml`,
  msgspec); the difference is added to the floor;
- reading every number of every source once (`find_numbers`): the value checks read the
  numbers inside each quote from it, and coverage counts the numbers no claim quotes. The floor
  scans for digits instead.

If the floor with these two added is already over twice the floor, no audit that parses with
the reference parser and reads numbers with this grammar can come within 2x of the floor,
however little the rest of its work (typed records, the checks, the rules, the messages, the
report) costs. Times are CPU seconds of this process.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import msgspec
import orjson
import rtoml
import tomli

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from floor import corpus_root, measure_floor


def _timed(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def parser_times(root: Path) -> tuple[float, float]:
    """CPU seconds to parse every claim file with the audit's parser and with the floor's."""
    tomls = [p.read_text(encoding="utf-8") for p in sorted((root / "claims").rglob("*.toml"))]
    lines = [line for p in sorted((root / "claims").rglob("*.jsonl"))
             for line in p.read_bytes().splitlines() if line.strip()]
    decoder = msgspec.json.Decoder()
    audit = _timed(lambda: ([tomli.loads(t) for t in tomls], [orjson.loads(x) for x in lines]))
    floor = _timed(lambda: ([rtoml.loads(t) for t in tomls], [decoder.decode(x) for x in lines]))
    return audit, floor


def number_reading_time(root: Path) -> tuple[float, int]:
    """CPU seconds to read every number of every source text with `find_numbers`, and how many
    sources there are."""
    from factcheck.text.numbers import find_numbers

    listing = tomli.loads((root / "seeds" / "sources.toml").read_text(encoding="utf-8"))
    texts = [(root / "seeds" / s["path"]).read_text(encoding="utf-8") for s in listing["source"]]
    return _timed(lambda: [find_numbers(text) for text in texts]), len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", nargs="?", help="corpus folder (seeds/ and claims/)")
    parser.add_argument("--claims", type=int, default=100_000,
                        help="without ROOT: generate a realistic corpus of this many claims")
    args = parser.parse_args()
    gc.disable()  # as the factcheck command does
    with tempfile.TemporaryDirectory(prefix="factcheck-gap-") as tmp:
        if args.root:
            root = corpus_root(parser, args.root)
        else:
            from factcheck.testing.realistic import generate

            root = Path(tmp)
            generate(root, claims=args.claims)
        floor = sum(measure_floor(root, time.process_time).values())
        audit_parser, floor_parser = parser_times(root)
        numbers, sources = number_reading_time(root)
    necessary = floor + (audit_parser - floor_parser) + numbers
    print(f"{'floor':>40} {floor:8.2f} s")
    print(f"{'twice the floor':>40} {2 * floor:8.2f} s")
    print(f"{'+ the audit parser over the quickest':>40} {audit_parser - floor_parser:8.2f} s"
          f"   ({audit_parser:.2f} s against {floor_parser:.2f} s)")
    print(f"{'+ reading every number of ' + format(sources, ',') + ' sources':>40} "
          f"{numbers:8.2f} s")
    print(f"{'the floor with these two':>40} {necessary:8.2f} s   "
          f"({necessary / floor:.2f}x the floor)")
    if necessary > 2 * floor:
        print("Over twice the floor before any typed record, check, rule or message: "
              "2x is out of reach of this parser and number reader.")
    else:
        print(f"{2 * floor - necessary:.2f} s is left for everything else within 2x the floor.")


if __name__ == "__main__":
    main()
