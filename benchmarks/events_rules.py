"""Time the rules on events over in-memory corpora of growing size.

    .venv/bin/python benchmarks/events_rules.py [--sizes 1000 10000 100000]

Each corpus holds N event claims: items of ten events each (two parties dating five
transitions, alternately 'open' and 'closed', a month apart), and one status claim per item.
Prints the seconds `event-date-conflict`, `event-status-conflict` and `event-deadline` take
together, and the findings they make.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from factcheck.corpus import Claim, Corpus, Event, Evidence, Party, Source, Status, Topic  # noqa: E402
from factcheck.rules import collect, events, run_rules  # noqa: E402
from factcheck.text.dates import PartialDate, parse_date, parse_period  # noqa: E402

SOURCE = Source(id="src", path="src.txt", title="t", publisher="p",
                published=parse_date("2030"), kind="news", sha256="0" * 64)
PARTIES = {name: Party(id=name, name=name, role="other") for name in ("a", "b")}


def corpus(size: int, rng: random.Random) -> Corpus:
    claims: list[Claim] = []
    evidence = (Evidence(source="src", quote="q"),)
    for item in range(size // 10):
        year = rng.randint(2000, 2020)
        for step in range(5):
            month = 1 + 2 * step
            for party in ("a", "b"):
                date = PartialDate(year=year, month=month + (party == "b" and rng.random() < 0.1))
                claims.append(Event(
                    id=f"e{item}-{step}-{party}", party=party, subject="s", topic="t",
                    period=parse_period(str(date)), evidence=evidence, item=f"item {item}",
                    to_state="open" if step % 2 == 0 else "closed", date=date))
        claims.append(Status(id=f"s{item}", party="a", subject="s", topic="t",
                             period=parse_period(f"{year}-12"), evidence=evidence,
                             item=f"item {item}", state=rng.choice(("open", "closed"))))
    return Corpus(root=".", sources={"src": SOURCE}, texts={"src": "q"}, parties=PARTIES,
                  speakers={}, topics={"t": Topic(id="t", description="t")}, scales={},
                  claims=tuple(claims))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    sizes = parser.parse_args().sizes
    rules = collect(events)
    print(f"{'events':>8} {'rules s':>8} {'findings':>9}")
    for size in sizes:
        made = corpus(size, random.Random(size))
        start = time.perf_counter()
        found = run_rules(made, rules)
        print(f"{size:>8} {time.perf_counter() - start:>8.2f} {len(found):>9}")


if __name__ == "__main__":
    main()
