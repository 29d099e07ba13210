"""Make docs/html-report.png: the bundled corpus's HTML report, opened at its first dispute.

Run from the repository's root: `.venv/bin/python docs/make_screenshot.py` (needs Debian's
`chromium` and the test extra's Playwright).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import factcheck
from factcheck.reports import write_html

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> int:
    chromium = shutil.which("chromium")
    if chromium is None:
        print("no `chromium` on PATH", file=sys.stderr)
        return 2
    result = factcheck.audit(factcheck.load(ROOT))
    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "report.html"
        write_html(result, page_path)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 760})
            page.goto(f"{page_path.as_uri()}#{result.disputes[0].id}")
            page.wait_for_timeout(800)
            page.screenshot(path=str(ROOT / "docs" / "html-report.png"))
            browser.close()
    print("wrote docs/html-report.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
