"""The reference under docs/ is generated from the code where it can be, and kept up to date."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

from factcheck.corpus.kinds import BUILTIN
from factcheck.rules import builtin_rules

DOCS = Path(__file__).parents[1] / "docs"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_generate", DOCS / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_checked_in_reference_is_up_to_date() -> None:
    generate = _generator()
    for path in sorted((DOCS / "reference").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert generate.regenerate(text) == text, f"{path.name} is stale: run python docs/generate.py"


def test_every_kind_and_rule_is_documented() -> None:
    claims = (DOCS / "reference" / "claims.md").read_text(encoding="utf-8")
    rules = (DOCS / "reference" / "rules.md").read_text(encoding="utf-8")
    for kind in BUILTIN:
        assert f"### `{kind.name}`" in claims
        for name in kind.key_fields:
            assert f"| `{name}` |" in claims
    for rule in builtin_rules():
        assert f"| `{rule.id}` |" in rules


def test_a_stale_part_is_rewritten() -> None:
    generate = _generator()
    stale = "intro\n<!-- generated: rules -->\nold table\n<!-- end generated -->\noutro\n"
    new = generate.regenerate(stale)
    assert "old table" not in new and "| `value-conflict` |" in new
    assert new.startswith("intro\n") and new.endswith("<!-- end generated -->\noutro\n")


def test_every_reference_page_is_linked_from_the_index() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\(reference/([\w-]+\.md)\)", index))
    assert linked == {p.name for p in (DOCS / "reference").glob("*.md")}
    assert "](tutorial.md)" in index
