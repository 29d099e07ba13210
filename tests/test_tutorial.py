"""The walk-through of docs/tutorial.md, end to end: `init`, a party, a source kind and a topic
declared, `add-source`, `suggest` with its skeletons filled in, and a clean audit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.cli import main

LETTER = """Friends of Riverton Libraries: open letter

14 April 2025

The libraries lent 52,000 books in 2019, more than they do now.
Opening hours fell by 30 per cent between 2019 and 2024.
"""

PARTY = """
[[party]]
id = "friends"
name = "Friends of Riverton Libraries"
role = "residents-group"
"""

TOPIC = """
[[topic]]
id = "opening-hours"
description = "How long the libraries are open."
"""

IGNORE = """
[[ignore]]
source = "friends-2025-letter"
lines = [3]
reason = "the dateline"
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out + err


def fill(block: str, **fields: str) -> str:
    """A skeleton with the named fields set, as a user edits them (the hint comment dropped)."""
    for key, value in fields.items():
        block, count = re.subn(rf'^{key} = .*$', f'{key} = "{value}"', block, flags=re.MULTILINE)
        assert count == 1, key
    return block


def test_the_tutorial_walk_through(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "init", "libraries")[0] == 0
    monkeypatch.chdir(tmp_path / "libraries")
    code, out = run(capsys, "audit")
    assert code == 0, out

    # declare the residents' group, the kind of text it wrote and the new topic
    with open("claims/parties.toml", "a") as stream:
        stream.write(PARTY)
    with open("claims/topics.toml", "a") as stream:
        stream.write(TOPIC)
    sources = Path("seeds/sources.toml")
    sources.write_text(sources.read_text().replace(
        'source_kinds = ["news", "press-release", "inspection-report", "statement"]',
        'source_kinds = ["news", "press-release", "inspection-report", "statement", "letter"]'))

    (tmp_path / "letter.txt").write_text(LETTER)
    code, out = run(capsys, "add-source", "../letter.txt", "--id", "friends-2025-letter",
                    "--publisher", "Friends of Riverton Libraries", "--published", "2025-04-14",
                    "--kind", "letter", "--party", "friends")
    assert code == 0, out
    assert Path("seeds/letter.txt").read_text() == LETTER

    code, out = run(capsys, "suggest", "friends-2025-letter")
    assert code == 0, out
    Path("claims/letter.toml").write_text(out)  # factcheck suggest ... > claims/letter.toml
    code, problems = run(capsys, "audit")
    assert code == 2
    assert "claims/letter.toml:8:11: input must not be empty (claim 'friends-2025-letter-5', " \
           "field 'subject')" in problems
    assert "line 3: '14' is the day of a date" in out
    notes, loans, hours = out.split("# line 5")[0], *("# line" + b for b in out.split("# line")[2:])
    assert "'52,000'" in loans and "'30 per cent'" in hours
    assert 'party = "friends"' in loans  # the letter is the party's own words
    assert 'period = "2019/2024"' in hours
    assert 'kind = "change"' in hours and 'direction = "decrease"' in hours
    assert 'by = "30 per cent"' in hours
    Path("claims/letter.toml").write_text(
        notes + fill(loans, subject="riverton-libraries", topic="library-loans", measure="books lent",
                     unit="books")
        + fill(hours, subject="riverton-libraries", topic="opening-hours", measure="opening hours"))
    with open("claims/coverage.toml", "a") as stream:
        stream.write(IGNORE)

    code, out = run(capsys, "audit")
    assert code == 0, out
    assert "3 claims: 3 passed, 0 failed, 0 warnings" in out
    assert "1 changed" in out  # 52,000 books in 2019, 48,200 in 2024
    code, out = run(capsys, "coverage")
    assert code == 0, out
    assert "coverage: 7/7 statements covered (100.0%)" in out
