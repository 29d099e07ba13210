"""Authoring commands: init, add-source, pin, suggest, rules and audit --fix, each through the CLI."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.corpus.loading import load

from .conftest import CLAIMS, TEXT, Builder

Capture = pytest.CaptureFixture[str]


def run(capsys: Capture, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# --- init -----------------------------------------------------------------------------------


def test_init_makes_a_corpus_that_audits_clean_and_is_covered(tmp_path: Path, capsys: Capture) -> None:
    root = tmp_path / "new"
    code, out, _ = run(capsys, "init", str(root))
    assert code == 0
    names = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert names == ["claims/coverage.toml", "claims/lexicon.toml", "claims/libraries.toml",
                     "claims/parties.toml", "claims/topics.toml", "claims/verdicts.toml",
                     "seeds/riverton-2025-libraries.txt", "seeds/sources.toml"]
    for name in names:
        if name.endswith(".toml"):
            assert (root / name).read_text().startswith("#"), f"{name} explains itself"
    text = (root / "seeds" / "riverton-2025-libraries.txt").read_bytes()
    assert hashlib.sha256(text).hexdigest() in (root / "seeds" / "sources.toml").read_text()
    code, out, _ = run(capsys, "audit", str(root))
    assert code == 0, out
    assert "1 claims: 1 passed, 0 failed, 0 warnings" in out
    code, out, _ = run(capsys, "coverage", str(root))
    assert code == 0
    assert "coverage: 2/2 statements covered (100.0%)" in out
    corpus = load(root)
    assert corpus.parties["riverton-council"].role == "council"


def test_init_refuses_a_corpus_that_is_there(make_corpus: Builder, tmp_path: Path, capsys: Capture) -> None:
    root = make_corpus()
    before = snapshot(root)
    code, _, err = run(capsys, "init", str(root))
    assert code == 2
    assert "already holds a corpus" in err
    assert snapshot(root) == before
    (tmp_path / "empty" / "claims").mkdir(parents=True)  # empty folders are fine
    assert run(capsys, "init", str(tmp_path / "empty"))[0] == 0


# --- add-source -----------------------------------------------------------------------------


LETTER = "\ufeffA letter\r\n\r\nWe counted 1,234 visitors.\r\n".encode()


def test_add_source_copies_the_bytes_and_appends_the_entry(make_corpus: Builder, tmp_path: Path,
                                                           capsys: Capture) -> None:
    root = make_corpus()
    sources_before = (root / "seeds" / "sources.toml").read_bytes()
    file = tmp_path / "Letter 2024.txt"
    file.write_bytes(LETTER)
    code, out, err = run(capsys, "add-source", str(file), str(root), "--publisher", "Residents",
                         "--published", "2024-05", "--kind", "statement", "--url", "https://x.org/l")
    assert code == 0, err
    assert (root / "seeds" / "Letter 2024.txt").read_bytes() == LETTER
    digest = hashlib.sha256(LETTER).hexdigest()
    assert digest in out
    after = (root / "seeds" / "sources.toml").read_bytes()
    assert after.startswith(sources_before)
    assert after[len(sources_before):].decode() == (
        '\n[[source]]\nid = "letter-2024"\npath = "Letter 2024.txt"\ntitle = "A letter"\n'
        'publisher = "Residents"\npublished = "2024-05"\nkind = "statement"\n'
        f'url = "https://x.org/l"\nsha256 = "{digest}"\n')
    corpus = load(root)
    assert corpus.sources["letter-2024"].sha256 == digest
    assert corpus.texts["letter-2024"] == "A letter\r\n\r\nWe counted 1,234 visitors.\r\n"


@pytest.mark.parametrize(("extra", "message"), [
    (["--id", "report"], "already has a source 'report'"),
    (["--as", "../outside.txt"], "would lie outside the sources folder seeds/"),
    (["--as", "sources.toml"], "seeds/sources.toml lists the sources; it cannot be one"),
    (["--kind", "lettr"], "--kind 'lettr' is not one of 'news', 'press-release', "
                          "'inspection-report' or 'statement'"),
    (["--published", "2024-13"], "--published: '2024-13' is not a real date: months run from 01 to 12"),
    (["--party", "watchdg"], "--party 'watchdg' is not a party of claims/parties.toml "
                             "(did you mean 'watchdog'?)"),
])
def test_add_source_refuses_what_it_cannot_use(make_corpus: Builder, tmp_path: Path, capsys: Capture,
                                               extra: list[str], message: str) -> None:
    root = make_corpus()
    file = tmp_path / "letter.txt"
    file.write_bytes(LETTER)
    before = snapshot(root)
    arguments = {"--publisher": "Residents", "--published": "2024", "--kind": "news"}
    for option, value in zip(extra[::2], extra[1::2], strict=True):
        arguments[option] = value
    code, _, err = run(capsys, "add-source", str(file), str(root),
                       *[part for pair in arguments.items() for part in pair])
    assert code == 2
    assert message in err
    assert snapshot(root) == before


def test_add_source_refuses_text_that_is_not_utf8_and_a_second_copy(make_corpus: Builder, tmp_path: Path,
                                                                     capsys: Capture) -> None:
    root = make_corpus()
    bad = tmp_path / "latin.txt"
    bad.write_bytes("caf\xe9".encode("latin-1"))
    common = ["--publisher", "P", "--published", "2024", "--kind", "news"]
    code, _, err = run(capsys, "add-source", str(bad), str(root), *common)
    assert code == 2
    assert "is not UTF-8 text" in err
    # the same file name with other content is never overwritten
    (root / "seeds" / "notes.txt").write_text("notes")
    other = tmp_path / "notes.txt"
    other.write_text("something else")
    code, _, err = run(capsys, "add-source", str(other), str(root), *common, "--id", "other")
    assert code == 2
    assert "seeds/notes.txt already exists with other content" in err


# --- pin and the sha256 message ---------------------------------------------------------------


def test_a_changed_text_shows_its_whole_new_sha256_and_pin_lists_the_broken_quotes(
        make_corpus: Builder, capsys: Capture) -> None:
    root = make_corpus()
    changed = TEXT.replace("We have lost 2,221 officers.", "We have lost 2,222 officers.").encode()
    (root / "seeds" / "report.txt").write_bytes(changed)
    digest = hashlib.sha256(changed).hexdigest()
    code, _, err = run(capsys, "audit", str(root))
    assert code == 2
    assert f"now {digest})" in err
    sources_before = (root / "seeds" / "sources.toml").read_text()
    code, out, _ = run(capsys, "pin", "report", str(root))
    assert code == 1
    assert "1 quote no longer anchors:" in out
    # the quote is on line 16 of CLAIMS (a blank line first)
    assert "claims/main.toml:16, claim 'doe-officers-cut', field 'evidence[0].quote'" in out
    assert (root / "seeds" / "sources.toml").read_text() == sources_before
    code, out, _ = run(capsys, "pin", "report", str(root), "--yes")
    assert code == 0
    old = hashlib.sha256(TEXT.encode()).hexdigest()
    assert (root / "seeds" / "sources.toml").read_text() == sources_before.replace(old, digest)
    code, out, _ = run(capsys, "pin", "report", str(root))
    assert (code, "nothing to do" in out) == (0, True)
    code, out, _ = run(capsys, "audit", str(root), "-q")
    assert code == 1  # the broken quote now fails its claim, and the corpus loads
    assert "FAIL doe-officers-cut" in out


def test_pin_an_unknown_source(make_corpus: Builder, capsys: Capture) -> None:
    code, _, err = run(capsys, "pin", "reprot", str(make_corpus()))
    assert code == 2
    assert "no source 'reprot' in seeds/sources.toml (did you mean 'report'?)" in err


# --- suggest ----------------------------------------------------------------------------------


SURVEY = """Survey of the force

Officers answered 3 questions. Crime stood at 24.5 crimes per 1,000 people in 2022.

Inspectors rated the force "good" for victims.
"""


def test_suggest_quotes_the_sentence_and_reads_the_kind(make_corpus: Builder, capsys: Capture) -> None:
    root = make_corpus(text=SURVEY.encode(), claims="")
    code, out, _ = run(capsys, "suggest", "report", str(root))
    assert code == 0
    blocks = out.split("[[claim]]")[1:]
    assert len(blocks) == 3  # '3', '24.5 ... per 1,000' and 'good'; the year 2022 is left out
    assert 'kind = "quantity"' in blocks[0]
    assert 'value = "3"' in blocks[0]
    assert 'quote = "Officers answered 3 questions."' in blocks[0]
    assert 'kind = "rate"' in blocks[1]
    assert 'per = "1000"' in blocks[1]
    assert 'period = "2022"' in blocks[1]
    assert 'quote = "Crime stood at 24.5 crimes per 1,000 people in 2022."' in blocks[1]
    assert 'kind = "rating"' in blocks[2]
    assert 'scale = "peel"' in blocks[2]
    assert 'grade = "good"' in blocks[2]
    assert 'quote = "Inspectors rated the force \\"good\\" for victims."' in blocks[2]


def test_suggest_reads_a_rise_or_a_fall_as_a_change(make_corpus: Builder, capsys: Capture) -> None:
    text = "Recorded crime rose by 12 per cent. Arrests were cut by 40.\n"
    root = make_corpus(text=text.encode(), claims="")
    _, out, _ = run(capsys, "suggest", "report", str(root))
    rise, cut = out.split("[[claim]]")[1:]
    assert 'kind = "change"' in rise and 'direction = "increase"' in rise
    assert 'by = "12 per cent"' in rise and 'unit = "per cent"' in rise
    assert 'kind = "change"' in cut and 'direction = "decrease"' in cut and 'by = "40"' in cut
    assert "unit" not in cut


def test_suggest_an_unknown_source(make_corpus: Builder, capsys: Capture) -> None:
    code, _, err = run(capsys, "suggest", "reprt", str(make_corpus()))
    assert code == 2
    assert "no source 'reprt' (did you mean 'report'?)" in err


# --- rules ------------------------------------------------------------------------------------


def test_rules_lists_every_rule_with_its_severities(capsys: Capture) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0
    rules, checks = out.split("checks (of each claim, and of the review)")
    headings = dict(re.findall(r"^(\S+)\s+(.+)$", rules.split("\n", 1)[1], re.MULTILINE))
    # from the README's table of rules
    assert headings["value-conflict"] == "contradiction"
    assert headings["attribution"] == "contradiction, tension"
    assert headings["target"] == "tension, corroborated"
    assert headings["change-over-time"] == "changed"
    assert headings["unmatched"] == "unmatched"
    assert headings["event-date-conflict"] == "contradiction, tension, corroborated"
    assert "(not declared)" not in rules
    assert len(headings) == 20
    assert "Numbers about the same thing and time whose intervals do not meet." in out
    assert dict(re.findall(r"^(\S+)\s+(error|warning)$", checks, re.MULTILINE)) == {
        "input": "error", "anchor": "error", "value": "error", "party": "error", "key": "warning",
        "speaker": "warning", "dates": "error", "review": "error"}


# --- audit --fix ------------------------------------------------------------------------------


def test_fix_rewrites_a_normalised_quote_to_the_exact_words_and_nothing_else(
        make_corpus: Builder, capsys: Capture) -> None:
    text = TEXT.replace("We have lost", "We’ve lost").replace("The force is doing well.",
                                                                   "The force — is doing well.")
    claims = CLAIMS.replace('"We have lost 2,221 officers."',
                            '"We\'ve   lost 2,221 officers."   # typed by hand')
    root = make_corpus(text=text.encode(), claims=claims)
    path = root / "claims" / "main.toml"
    before = path.read_text()
    code, out, _ = run(capsys, "audit", str(root), "--fix")
    assert code == 0
    assert "fixed claims/main.toml:16" in out
    assert path.read_text() == before.replace('"We\'ve   lost 2,221 officers."',
                                              '"We’ve lost 2,221 officers."')
    code, out, _ = run(capsys, "audit", str(root), "--fix")
    assert "fixed" not in out  # nothing left to fix


def test_an_unfilled_skeleton_fails_to_load_at_its_empty_field(make_corpus: Builder,
                                                               capsys: Capture) -> None:
    root = make_corpus(text=SURVEY.encode(), claims="")
    _, out, _ = run(capsys, "suggest", "report", str(root))
    (root / "claims" / "main.toml").write_text(out)
    code, _, err = run(capsys, "audit", str(root))
    assert code == 2
    lines = out.splitlines()
    first = lines.index('id = "report-3"')
    party = next(n for n, line in enumerate(lines[first:], start=first + 1)
                 if line.startswith("party = "))
    assert f"claims/main.toml:{party}:9: input must not be empty (claim 'report-3', field 'party')" in err


def test_init_into_a_file_is_a_usage_error(tmp_path: Path, capsys: Capture) -> None:
    (tmp_path / "file").write_text("x")
    for target in ("file", "file/sub"):
        code, _, err = run(capsys, "init", str(tmp_path / target))
        assert code == 2, err
    assert (tmp_path / "file").read_text() == "x"


def test_fix_leaves_json_lines_alone_and_says_so(make_corpus: Builder, capsys: Capture) -> None:
    text = TEXT.replace("We have lost", "We’ve lost")
    record = ('{"claim": {"id": "doe-jsonl", "kind": "quantity", "party": "commissioner", '
              '"subject": "force", "topic": "officer-numbers", "period": "2010/2021", '
              '"measure": "officers lost", "value": "2,221", "unit": "officers", '
              '"evidence": [{"source": "report", "quote": "We\'ve lost 2,221 officers."}]}}\n')
    root = make_corpus(text=text.encode(), claims=CLAIMS.replace(
        '"We have lost 2,221 officers."', '"We’ve lost 2,221 officers."'), extra={"more.jsonl": record})
    before = (root / "claims" / "more.jsonl").read_bytes()
    code, out, _ = run(capsys, "audit", str(root), "--fix", "-q")
    assert code == 0
    assert "not fixed claims/more.jsonl, claim 'doe-jsonl', field 'evidence[0].quote'" in out
    assert (root / "claims" / "more.jsonl").read_bytes() == before
