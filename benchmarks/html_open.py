"""How long the HTML report of a large synthetic corpus takes to write and to open in Chromium.

    .venv/bin/python benchmarks/html_open.py [--claims 10000] [--runs 3] [--keep report.html]

Generates a corpus (JSON lines, seed 0) in a temporary folder, audits it, writes the HTML
report (timed), then opens the file from a file:// URL in Debian's Chromium through
Playwright, `--runs` times in a fresh browser context each, and prints the time to the
load event and to the first frame painted after it (the target is under 5 s at 10,000
claims). Needs `chromium` on PATH; never downloads a browser.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from factcheck import audit, load  # noqa: E402
from factcheck.reports.html import write_html  # noqa: E402
from factcheck.testing.synthetic import generate  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PAINTED = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="also copy the report here")
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    if chromium is None:
        print("no `chromium` on PATH: apt-get install chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "corpus"
        generate(root, claims=args.claims, fmt="jsonl")
        result = audit(load(root))
        report = Path(folder) / "report.html"
        started = time.perf_counter()
        write_html(result, report)
        written = time.perf_counter() - started
        size = report.stat().st_size
        if args.keep:
            shutil.copyfile(report, args.keep)
        loads, paints, nodes = [], [], 0
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for _ in range(args.runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                errors: list[str] = []
                page.on("console", lambda m, e=errors: e.append(m.text) if m.type == "error" else None)
                started = time.perf_counter()
                page.goto(report.as_uri(), wait_until="load", timeout=120_000)
                loads.append(time.perf_counter() - started)
                page.evaluate(PAINTED)
                paints.append(time.perf_counter() - started)
                nodes = page.evaluate("document.getElementsByTagName('*').length")
                if errors:
                    print(f"console errors: {errors[:3]}", file=sys.stderr)
                context.close()
            browser.close()
    print(f"{args.claims:,} claims: report written in {written:.2f} s, {size / 2**20:.1f} MiB, "
          f"{nodes:,} elements")
    print(f"open in Chromium ({args.runs} runs): load event median {statistics.median(loads):.2f} s "
          f"(max {max(loads):.2f} s), painted median {statistics.median(paints):.2f} s "
          f"(max {max(paints):.2f} s); target under 5 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
