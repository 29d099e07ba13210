"""The HTML report: escaped, self-contained, written atomically, and right in a real browser.

Expected numbers come from the JSON report or from the corpus files themselves, never from
the HTML report's own helpers. The browser tests drive Debian's Chromium through
Playwright's Python API (never a downloaded browser) and are skipped only where no
`chromium` is installed; CI installs it. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import factcheck
from factcheck import Audit
from factcheck.cli import main
from factcheck.errors import FactcheckError
from factcheck.reports import write_html
from factcheck.reports.html import render_html
from factcheck.reports.html_findings import group_disputes
from factcheck.reports.html_sources import mark_lines
from factcheck.reports.json_report import build_report, dumps, load_report, write_report
from factcheck.rules.findings import finding_id

from .conftest import CLAIMS, TEXT, Builder, sources_toml
from .test_report import FAILING_CLAIMS, FAILING_TEXT

ROOT = Path(__file__).parents[1]
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

SCRIPT = "<script>alert(1)</script>"
HOSTILE_TEXT = TEXT + f"\nThe Watchdog said {SCRIPT} the force had lost 1,700 officers since 2010.\n"
HOSTILE_CLAIMS = CLAIMS + f"""
[[claim]]
id = "watchdog-officers-cut"
kind = "quantity"
party = "watchdog"
subject = "force"
topic = "officer-numbers"
period = "2010/2021"
measure = "officers lost"
value = "1,700"
unit = "officers"
note = "{SCRIPT} in a note <img src=x onerror=alert(2)>"

[[claim.evidence]]
source = "report"
quote = "{SCRIPT} the force had lost 1,700 officers"
"""
HOSTILE_FINDING = finding_id("value-conflict", ["doe-officers-cut", "watchdog-officers-cut"])
HOSTILE_VERDICTS = f"""
[[verdict]]
finding = "{HOSTILE_FINDING}"
verdict = "upheld"
note = "{SCRIPT} in a verdict"
"""


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_audit() -> Audit:
    return factcheck.audit(factcheck.load(ROOT))


@pytest.fixture(scope="module")
def real_files(real_audit: Audit, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The bundled corpus's HTML report, and its JSON report read as plain JSON."""
    folder = tmp_path_factory.mktemp("real")
    write_html(real_audit, folder / "report.html")
    write_report(real_audit, folder / "report.json")
    data: dict[str, Any] = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    return folder / "report.html", data


@pytest.fixture
def hostile_audit(make_corpus: Builder) -> Audit:
    text = HOSTILE_TEXT.encode()
    sources = sources_toml(text).replace('title = "Watchdog finds force wanting"',
                                         f'title = "{SCRIPT} title"')
    sources += f'url = "javascript:alert(3)"\nauthor = "{SCRIPT}"\n'
    root = make_corpus(text=text, sources=sources, claims=HOSTILE_CLAIMS,
                       extra={"verdicts.toml": HOSTILE_VERDICTS})
    return factcheck.audit(factcheck.load(root))


def corpus_claims(root: Path) -> list[dict[str, Any]]:
    """Every claim as written in the corpus's claim files (TOML and JSON lines)."""
    claims: list[dict[str, Any]] = []
    for path in sorted((root / "claims").iterdir()):
        if path.suffix == ".toml":
            claims.extend(tomllib.loads(path.read_text(encoding="utf-8")).get("claim", []))
        elif path.suffix == ".jsonl":
            claims.extend(json.loads(line)["claim"] for line in
                          path.read_text(encoding="utf-8").splitlines() if line.strip())
    return claims


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    tags.close()
    return tags


# --- without a browser -------------------------------------------------------------------------


def test_untrusted_text_is_escaped(hostile_audit: Audit) -> None:
    assert any(f.id == HOSTILE_FINDING for f in hostile_audit.findings)
    html = render_html(hostile_audit)
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert html.count(escaped) >= 4  # source text, quote, claim note, verdict note, title
    assert f"{escaped} in a note" in html and f"{escaped} in a verdict" in html
    tags = parse(html)
    assert [t for t, _ in tags.tags].count("script") == 1  # ours, and only ours
    assert all(not (a.get("href") or "").startswith("javascript:") for _, a in tags.tags)
    assert "alert" not in tags.scripts[0]


def test_page_is_self_contained(real_files: tuple[Path, dict[str, Any]]) -> None:
    tags = parse(real_files[0].read_text(encoding="utf-8"))
    remote = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)
    for tag, attrs in tags.tags:
        if tag in ("link", "script", "img", "iframe", "object", "embed", "source", "use", "image"):
            for name in ("src", "href", "data", "xlink:href"):
                value = attrs.get(name) or ""
                assert not remote.match(value), f"<{tag} {name}={value!r}> fetches from the network"
    assert not any(tag == "link" for tag, _ in tags.tags)
    assert all("src" not in attrs for tag, attrs in tags.tags if tag == "script")
    assert "@import" not in real_files[0].read_text(encoding="utf-8")


def test_every_finding_and_claim_has_its_anchor(real_files: tuple[Path, dict[str, Any]]) -> None:
    html_path, data = real_files
    ids = [a["id"] for _, a in parse(html_path.read_text(encoding="utf-8")).tags if a.get("id")]
    assert len(ids) == len(set(ids)), "duplicate HTML ids"
    present = set(ids)
    assert all(f["id"] in present for f in data["findings"])
    assert all(f"C-{c['id']}" in present for c in data["claims"])
    assert all(f"S-{s['id']}" in present for s in data["sources"])


def test_one_finding_card_and_one_timeline_mark_each(real_files: tuple[Path, dict[str, Any]]) -> None:
    html_path, data = real_files
    tags = parse(html_path.read_text(encoding="utf-8")).tags
    cards = [a["id"] for t, a in tags if t == "article" and "finding" in (a.get("class") or "").split()]
    assert sorted(cards) == sorted(f["id"] for f in data["findings"])
    marks = [a for t, a in tags if t == "a" and "tl-mark" in (a.get("class") or "").split()]
    dated = [c for c in corpus_claims(ROOT) if "period" in c]
    assert len(marks) == len(dated) == 193
    assert sorted(a["href"] for a in marks) == sorted(f"#C-{c['id']}" for c in dated)


def test_disputes_are_the_reports_disputes_with_their_findings(real_audit: Audit) -> None:
    report = build_report(real_audit)
    disputes = group_disputes(report.findings, report.disputes)
    expected: dict[str, set[str]] = {}
    for finding in report.findings:
        if finding.severity in ("contradiction", "tension", "unmatched"):
            assert finding.dispute is not None
            expected.setdefault(finding.dispute, set()).add(finding.id)
    assert {d.id: {f.id for f in d.findings} for d in disputes} == expected
    assert len({d.id for d in disputes}) == len(disputes) == len(report.disputes)


def test_overlapping_quotes_keep_both_marks() -> None:
    lines = mark_lines("src", "abcdef\nghij\n", [(0, 4, "a"), (2, 9, "b")])
    assert [[(s.text, s.claims) for s in line.segments] for line in lines] == [
        [("ab", ("a",)), ("cd", ("a", "b")), ("ef", ("b",))],
        [("gh", ("b",)), ("ij", ())],
    ]
    assert [s.anchor for s in lines[0].segments] == ["Q-src-0", "Q-src-2", None]
    assert [line.number for line in lines] == [1, 2]


def test_failed_claims_show_their_problems_and_source_lines(make_corpus: Builder) -> None:
    root = make_corpus(text=FAILING_TEXT.encode(), claims=FAILING_CLAIMS)
    result = factcheck.audit(factcheck.load(root))
    data = json.loads(dumps(build_report(result)))
    html = render_html(result)
    failed = [c for c in data["claims"] if not c["ok"]]
    assert failed and f"Failed claims ({len(failed)})" in html
    section = html[html.index('<section id="failed"'):]
    text_lines = FAILING_TEXT.split("\n")
    for claim in failed:
        card = section[section.index(f'id="P-{claim["id"]}"'):]
        card = unescape(card[:card.index("</article>")])
        for problem in claim["problems"]:
            assert problem["message"] in card
        for evidence in claim["evidence"]:
            if evidence["anchor"] is None:
                assert "the quote was not found in this source" in card
            else:
                line = evidence["anchor"]["line"]
                assert f'href="#S-report-L{line}"' in card
                assert text_lines[line - 1] in card


def test_write_into_missing_folder_fails_and_leaves_nothing(real_audit: Audit, tmp_path: Path) -> None:
    with pytest.raises(FactcheckError, match="cannot write"):
        write_html(real_audit, tmp_path / "missing" / "report.html")
    assert list(tmp_path.iterdir()) == []


def test_write_replaces_the_file_and_leaves_no_temporary(real_audit: Audit, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text("old")
    write_html(real_audit, path)
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_is_deterministic(real_audit: Audit) -> None:
    assert render_html(real_audit) == render_html(real_audit)


def test_cli_writes_html_next_to_json(make_corpus: Builder, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    root = make_corpus()
    code = main(["audit", str(root), "-q", "--html", str(tmp_path / "r.html"),
                 "--json", str(tmp_path / "r.json")])
    out = capsys.readouterr().out
    assert code == 0
    assert f"wrote {tmp_path / 'r.html'}" in out
    report = load_report(tmp_path / "r.json")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert f'<dd data-count="claims">{report.summary.claims}</dd>' in html


# --- in a browser ------------------------------------------------------------------------------

browser_only = pytest.mark.skipif(CHROMIUM is None, reason="no `chromium` on PATH (CI installs "
                                  "Debian's chromium package; see .ci/run)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Opened:
    """A page loaded from a file:// URL, with the console errors and dialogs it produced."""

    def __init__(self, browser: Any, path: Path, *, javascript: bool = True,
                 timeout: float = 30_000) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900},
                                           java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.resolve().as_uri(), wait_until="load", timeout=timeout)

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))

    def visible_findings(self) -> set[str]:
        ids: list[str] = self.page.evaluate(
            "() => [...document.querySelectorAll('article.finding')]"
            ".filter(e => e.checkVisibility()).map(e => e.id)")
        return set(ids)


@pytest.fixture
def real_page(browser: Any, real_files: tuple[Path, dict[str, Any]]) -> Iterator[Opened]:
    opened = Opened(browser, real_files[0])
    yield opened
    opened.context.close()


@browser_only
def test_opens_offline_without_errors(real_page: Opened) -> None:
    real_page.page.wait_for_timeout(200)
    real_page.shot("summary")
    assert real_page.errors == []
    assert all(url.startswith(("file:", "data:", "about:")) for url in real_page.requests)
    assert real_page.page.locator("#filters").is_visible()


@browser_only
def test_counts_shown_equal_the_json_summary(real_page: Opened,
                                             real_files: tuple[Path, dict[str, Any]]) -> None:
    summary = real_files[1]["summary"]
    page = real_page.page

    def shown(selector: str) -> int:
        return int(page.locator(selector).inner_text().strip())

    for key in ("claims", "passed", "failed", "warnings", "unreviewed", "stale_verdicts"):
        assert shown(f'#summary [data-count="{key}"]') == summary[key], key
    for severity, count in summary["findings"].items():
        assert shown(f'#summary [data-severity-total="{severity}"]') == count, severity
    verdicts: dict[str, int] = {"upheld": 0, "explained": 0, "dismissed": 0, "none": 0}
    for finding in real_files[1]["findings"]:
        verdicts[finding["verdict"]["verdict"] if finding["verdict"] else "none"] += 1
    for verdict, count in verdicts.items():
        assert shown(f'#summary [data-verdict-total="{verdict}"]') == count, verdict
    assert shown('#summary [data-count="findings"]') == len(real_files[1]["findings"])


def _quotes(data: dict[str, Any], finding: dict[str, Any]) -> list[str]:
    claims = {c["id"]: c for c in data["claims"]}
    return [e["quote"] for c in finding["claims"] for e in claims[c]["evidence"]]


@browser_only
@pytest.mark.parametrize("severity", ["contradiction", "corroborated"])
def test_following_a_finding_link_shows_both_quotes(real_page: Opened, severity: str,
                                                    real_files: tuple[Path, dict[str, Any]]) -> None:
    data = real_files[1]
    finding = next(f for f in data["findings"] if f["severity"] == severity
                   and len(f["claims"]) == 2 and f["rule"] != "same-quote")
    page = real_page.page
    page.locator(f'#sources a[href="#{finding["id"]}"]').first.click()
    page.wait_for_timeout(300)
    card = page.locator(f'article.finding[id="{finding["id"]}"]')
    assert card.is_visible()
    assert card.evaluate("e => { const r = e.getBoundingClientRect(); "
                         "return r.top >= -1 && r.top < innerHeight; }")
    shown = " ".join(card.locator("blockquote mark").all_inner_texts())
    for quote in _quotes(data, finding):
        assert " ".join(quote.split()) in " ".join(shown.split())
    real_page.shot(f"finding-{severity}")
    assert real_page.errors == []


@browser_only
@pytest.mark.parametrize("party", ["wm-pcc", "hmicfrs", "wmp"])
def test_filtering_by_party_hides_exactly_the_findings_without_it(
        real_page: Opened, party: str, real_files: tuple[Path, dict[str, Any]]) -> None:
    findings = real_files[1]["findings"]
    page = real_page.page
    page.locator("#other-findings > summary").click()  # open the collapsed section too
    assert real_page.visible_findings() == {f["id"] for f in findings}
    page.locator('#filters select[name="party"]').select_option(party)
    with_party = {f["id"] for f in findings if party in f["parties"]}
    assert 0 < len(with_party) < len(findings)
    assert real_page.visible_findings() == with_party
    assert page.locator("#filter-status").inner_text() == \
        f"Showing {len(with_party)} of {len(findings)} findings"
    real_page.shot(f"filter-{party}")
    page.locator("#filters button[type=reset]").click()
    page.wait_for_timeout(50)
    assert real_page.visible_findings() == {f["id"] for f in findings}


@browser_only
def test_filters_combine(real_page: Opened, real_files: tuple[Path, dict[str, Any]]) -> None:
    findings = real_files[1]["findings"]
    page = real_page.page
    page.locator('#filters select[name="severity"]').select_option("tension")
    page.locator('#filters select[name="verdict"]').select_option("explained")
    expected = {f["id"] for f in findings if f["severity"] == "tension"
                and f["verdict"] and f["verdict"]["verdict"] == "explained"}
    assert expected and real_page.visible_findings() == expected
    page.locator('#filters select[name="topic"]').select_option("monitoring")
    assert real_page.visible_findings() == {f["id"] for f in findings if f["id"] in expected
                                            and f["topic"] == "monitoring"}


@browser_only
def test_timeline_has_one_mark_per_dated_claim(real_page: Opened) -> None:
    dated = [c for c in corpus_claims(ROOT) if "period" in c]
    page = real_page.page
    assert page.locator("#timelines a.tl-mark").count() == len(dated)
    links = page.locator("#timelines a.tl-link")
    assert links.count() > 0
    page.locator("#timelines").scroll_into_view_if_needed()
    page.wait_for_timeout(200)
    real_page.shot("timeline")
    target = links.first.get_attribute("href")
    assert target is not None and target.startswith("#F-")
    assert page.locator(f'article.finding[id="{target[1:]}"]').count() == 1


@browser_only
def test_keyboard_reaches_the_skip_link_and_shows_focus(real_page: Opened) -> None:
    page = real_page.page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert style != "none"
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    assert page.evaluate("location.hash") == "#main"


@browser_only
def test_without_javascript_everything_is_shown(browser: Any,
                                                real_files: tuple[Path, dict[str, Any]]) -> None:
    opened = Opened(browser, real_files[0], javascript=False)
    try:
        page = opened.page
        assert not page.locator("#filters").is_visible()
        page.locator("#other-findings > summary").click()
        assert opened.visible_findings() == {f["id"] for f in real_files[1]["findings"]}
    finally:
        opened.context.close()


@browser_only
def test_hostile_corpus_shows_its_script_as_text(browser: Any, hostile_audit: Audit,
                                                 tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    write_html(hostile_audit, path)
    opened = Opened(browser, path)
    try:
        page = opened.page
        page.wait_for_timeout(200)
        assert opened.dialogs == []
        assert page.evaluate("document.scripts.length") == 1
        assert page.evaluate("document.images.length") == 0
        card = page.locator(f'article.finding[id="{HOSTILE_FINDING}"]')
        assert SCRIPT in card.inner_text()
        assert f"{SCRIPT} in a verdict" in card.inner_text()
        assert SCRIPT in page.locator("#S-report").inner_text()
        card.scroll_into_view_if_needed()
        opened.shot("hostile")
        assert opened.errors == []
    finally:
        opened.context.close()


@browser_only
def test_ten_thousand_claims_open(browser: Any, tmp_path: Path) -> None:
    from factcheck.testing.synthetic import generate

    generate(tmp_path / "corpus", claims=10_000, fmt="jsonl")
    audit = factcheck.audit(factcheck.load(tmp_path / "corpus"))
    write_html(audit, tmp_path / "big.html")
    opened = Opened(browser, tmp_path / "big.html", timeout=120_000)
    try:
        page = opened.page
        assert page.locator("a.tl-mark").count() == 10_000
        assert page.locator("article.finding").count() == len(audit.findings)
        assert int(page.locator('[data-count="claims"]').inner_text()) == 10_000
        page.locator('#filters select[name="severity"]').select_option("contradiction")
        shown = opened.visible_findings()
        assert shown == {f.id for f in audit.findings if f.severity == "contradiction"}
        opened.shot("ten-thousand")
        assert opened.errors == []
    finally:
        opened.context.close()
