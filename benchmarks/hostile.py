"""Time the inputs a hostile tester found slow (issue 17), each in a child process.

    .venv/bin/python benchmarks/hostile.py [--timeout 120] [--only NAME ...]

Cases:

- ``one-char-quote``: a one-character quote in a 2 MB source (about 200,000 occurrences,
  so an ambiguous quote that names its lines);
- ``one-char-quote-prefix``: the same with a prefix that picks one occurrence;
- ``missing-1mb-quote``: a 1 MB quote that is not in its 6 KB source (the fuzzy search);
- ``pasted-page``: a 10 KB pasted page that is not in its 6 KB source;
- ``missing-quote-2mb``: a 300-character quote that is not in a 2 MB source;
- ``periodic-quote``: 1,000 a's in a source of 2,000,000 a's (every occurrence overlaps the
  next: finding each by starting a search one character on compares each character again);
- ``coverage-50mb``: load, number scan and coverage of a corpus whose one source is 50 MB.

Each case runs in a fresh interpreter, so caches are cold, and only the work is timed,
not building its input; a case that runs past
``--timeout`` seconds is killed and reported as such. Targets: each of the two slow
anchoring cases (one-char-quote, missing-1mb-quote) under 2 s. Prints one line a case.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

WORDS = ["the", "force", "said", "officers", "inspection", "report", "crime", "victims",
         "police", "commissioner", "improvement", "requires", "adequate", "good", "areas",
         "management", "offenders", "budget", "year", "response", "calls", "emergency",
         "public", "confidence", "neighbourhood", "teams"]


def prose(size: int, seed: int = 1) -> str:
    """Sentences of news-like words with numbers, about `size` characters, in paragraphs."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
        if rng.random() < 0.5:
            words.insert(rng.randrange(len(words)), f"{rng.randint(2, 9999):,}")
        sentence = " ".join(words).capitalize() + "."
        parts.append(sentence + ("\n\n" if rng.random() < 0.2 else " "))
        total += len(sentence) + 1
    return "".join(parts)[:size]


def _resolve_case(text: str, quote: str, **selector: str) -> tuple[float, str]:
    """Time one `resolve` call (the texts are built before the clock starts)."""
    from factcheck.errors import AnchorError
    from factcheck.text.anchoring import resolve

    start = time.perf_counter()
    try:
        anchor = resolve(text, quote, **selector)
    except AnchorError as exc:
        outcome = f"{type(exc).__name__}: {exc.message[:90]}"
    else:
        outcome = f"{anchor.match} match at line {anchor.line}"
    return time.perf_counter() - start, outcome


def one_char_quote() -> tuple[float, str]:
    return _resolve_case(prose(2_000_000), "e")


def one_char_quote_prefix() -> tuple[float, str]:
    text = prose(2_000_000)
    text = text[:1_000_000] + " unmistakable marker y " + text[1_000_000:]
    return _resolve_case(text, "y", prefix="unmistakable marker")


def missing_1mb_quote() -> tuple[float, str]:
    return _resolve_case(prose(6_000, seed=2), prose(1_000_000, seed=3))


def pasted_page() -> tuple[float, str]:
    return _resolve_case(prose(6_000, seed=2), prose(10_000, seed=4))


def missing_quote_2mb() -> tuple[float, str]:
    return _resolve_case(prose(2_000_000), "Zebra crossings " + prose(300, seed=5))


def periodic_quote() -> tuple[float, str]:
    return _resolve_case("a" * 2_000_000, "a" * 1000)


def coverage_50mb() -> tuple[float, str]:
    import factcheck
    from factcheck.checks.coverage import measure_coverage
    from factcheck.checks.evidence import check_claim
    from factcheck.text.numbers import find_numbers

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        text = prose(50_000_000).encode()
        (root / "seeds").mkdir()
        (root / "claims").mkdir()
        (root / "seeds" / "big.txt").write_bytes(text)
        quote = text[:2000].decode().split(".")[0] + "."
        (root / "seeds" / "sources.toml").write_text(
            '[[source]]\nid = "big"\npath = "big.txt"\ntitle = "Big"\npublisher = "P"\n'
            'kind = "news"\npublished = "2021"\n'
            f'sha256 = "{hashlib.sha256(text).hexdigest()}"\n')
        (root / "claims" / "parties.toml").write_text(
            '[[party]]\nid = "p"\nname = "P"\nrole = "press"\n')
        (root / "claims" / "topics.toml").write_text(
            '[[topic]]\nid = "t"\ndescription = "T"\n'
            '[[scale]]\nid = "s"\ngrades = ["good", "adequate"]\n')
        (root / "claims" / "main.toml").write_text(
            '[[claim]]\nid = "c"\nkind = "assessment"\nparty = "p"\nsubject = "s"\n'
            'topic = "t"\nperiod = "2021"\nproposition = "x"\nholds = true\n'
            f'[[claim.evidence]]\nsource = "big"\nquote = {json.dumps(quote)}\n')
        del text
        times: list[str] = []

        def step(name: str, work: Callable[[], object]) -> object:
            start = time.perf_counter()
            result = work()
            times.append(f"{name} {time.perf_counter() - start:.2f} s")
            return result

        begin = time.perf_counter()
        corpus = step("load", lambda: factcheck.load(root))
        assert isinstance(corpus, factcheck.Corpus)
        mentions = step("numbers", lambda: {s: find_numbers(t) for s, t in corpus.texts.items()})
        assert isinstance(mentions, dict)
        results = step("anchor", lambda: [check_claim(c, corpus, mentions=mentions)
                                          for c in corpus.claims])
        assert isinstance(results, list)
        coverage = step("coverage", lambda: measure_coverage(
            corpus, ((r.claim, r.anchors) for r in results), mentions=mentions))
        assert isinstance(coverage, factcheck.Coverage)
        return (time.perf_counter() - begin,
                f"{coverage.total:,} statements; " + ", ".join(times))


CASES: dict[str, Callable[[], tuple[float, str]]] = {
    "one-char-quote": one_char_quote,
    "one-char-quote-prefix": one_char_quote_prefix,
    "missing-1mb-quote": missing_1mb_quote,
    "pasted-page": pasted_page,
    "missing-quote-2mb": missing_quote_2mb,
    "periodic-quote": periodic_quote,
    "coverage-50mb": coverage_50mb,
}


def _child(name: str) -> None:
    seconds, outcome = CASES[name]()
    print(json.dumps({"seconds": seconds, "outcome": outcome}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--only", nargs="*", choices=sorted(CASES), default=None)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    for name in args.only or CASES:
        try:
            done = subprocess.run([sys.executable, __file__, "--child", name], capture_output=True,
                                  text=True, timeout=args.timeout, check=False)
        except subprocess.TimeoutExpired:
            print(f"{name:<22} > {args.timeout:.0f} s (killed)", flush=True)
            continue
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["?"])[-1]
            print(f"{name:<22} failed: {last}", flush=True)
            continue
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{name:<22} {figures['seconds']:7.2f} s   {figures['outcome']}", flush=True)


if __name__ == "__main__":
    main()
