"""Shared fixtures: a tiny corpus of its own, written fresh into a temporary folder."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

TEXT = """Watchdog finds force wanting

The inspectors rated the force "good" in five areas and "adequate" in three.

Inspector Jane Roe said: "The force must improve how it investigates crime."

The Commissioner, John Doe, said: "We have lost 2,221 officers. That was 25 per cent of them."

Mr Doe added: "The force is doing well."
"""

PARTIES = """
[[party]]
id = "watchdog"
name = "The Watchdog"
role = "watchdog"
aliases = ["inspectors"]

[[party]]
id = "commissioner"
name = "The Commissioner's office"
role = "pcc"
aliases = ["the Commissioner"]

[[speaker]]
id = "jane-roe"
party = "watchdog"
name = "Jane Roe"
aliases = ["Ms Roe"]

[[speaker]]
id = "john-doe"
party = "commissioner"
name = "John Doe"
aliases = ["Mr Doe"]
"""

TOPICS = """
[[topic]]
id = "officer-numbers"
description = "How many officers the force has."

[[topic]]
id = "grades"
description = "Inspection grades."

[[scale]]
id = "peel"
grades = ["outstanding", "good", "adequate", "requires improvement", "inadequate"]
"""

CLAIMS = """
[[claim]]
id = "doe-officers-cut"
kind = "quantity"
party = "commissioner"
speaker = "john-doe"
subject = "force"
topic = "officer-numbers"
period = "2010/2021"
measure = "officers lost"
value = "2,221"
unit = "officers"

[[claim.evidence]]
source = "report"
quote = "We have lost 2,221 officers."

[[claim]]
id = "watchdog-good-areas"
kind = "quantity"
party = "watchdog"
subject = "force"
topic = "grades"
period = "2021"
measure = "areas graded good"
value = "five"
unit = "areas"

[[claim.evidence]]
source = "report"
quote = "rated the force \\"good\\" in five areas"
"""


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sources_toml(text: bytes, *, path: str = "report.txt", published: str = "2021-06-01") -> str:
    return f"""
[[source]]
id = "report"
path = "{path}"
title = "Watchdog finds force wanting"
publisher = "The Daily"
kind = "news"
published = "{published}"
sha256 = "{sha(text)}"
"""


Builder = Callable[..., Path]


@pytest.fixture
def make_corpus(tmp_path: Path) -> Builder:
    """Write a small corpus; keyword arguments replace any of its files' contents."""

    def build(*, text: bytes = TEXT.encode(), sources: str | None = None,
              parties: str = PARTIES, topics: str = TOPICS, claims: str = CLAIMS,
              extra: dict[str, str] | None = None) -> Path:
        root = tmp_path / "corpus"
        (root / "seeds").mkdir(parents=True, exist_ok=True)
        (root / "claims").mkdir(exist_ok=True)
        (root / "seeds" / "report.txt").write_bytes(text)
        (root / "seeds" / "sources.toml").write_text(sources or sources_toml(text))
        (root / "claims" / "parties.toml").write_text(parties)
        (root / "claims" / "topics.toml").write_text(topics)
        (root / "claims" / "main.toml").write_text(claims)
        for name, content in (extra or {}).items():
            (root / "claims" / name).write_text(content)
        return root

    return build


def mypy_strict(folder: Path, module: str) -> subprocess.CompletedProcess[str]:
    """`mypy --strict` run on `module` (the text of downstream.py, written in `folder`) against
    the factcheck this interpreter imports."""
    (folder / "downstream.py").write_text(module)
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                           "--python-executable", sys.executable, "downstream.py"],
                          cwd=folder, capture_output=True, text=True, check=False)
