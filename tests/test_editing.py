"""Editing a user's files in place: one value changed, every other byte kept; texts copied exactly;
suggested quotes that anchor where their statement is."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.auditing import audit
from factcheck.authoring import add_source
from factcheck.authoring.editing import replace_value
from factcheck.authoring.suggest import suggest
from factcheck.corpus.loading import load
from factcheck.text.anchoring import resolve

from .conftest import PARTIES, TOPICS, sources_toml

# TOML strings hold any character but a few controls; surrogates are not text
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x7f"), max_size=40)
ENDS = st.sampled_from(["\n", "\r\n"])


def toml_basic(value: str) -> str:
    return '"' + "".join(c if c not in '"\\' and ord(c) >= 0x20 and c != "\x7f" else
                         f"\\u{ord(c):04x}" for c in value) + '"'


@given(old=TEXT, new=TEXT, end=ENDS, comment=st.sampled_from(["", "  # typed by hand"]),
       before=st.lists(st.sampled_from(["# note", "x = 1", "", "[[claim]]"]), max_size=4))
def test_replace_value_changes_that_value_and_keeps_every_other_byte(
        old: str, new: str, end: str, comment: str, before: list[str]) -> None:
    head = "".join(line + end for line in before)
    raw = f"{head}  quote = {toml_basic(old)}{comment}{end}after = 'x'{end}"
    changed = replace_value(raw, len(before) + 1, "quote", old, new)
    assert changed is not None
    assert changed.startswith(head)
    assert changed.endswith(f"{comment}{end}after = 'x'{end}")
    line = changed[len(head):].split(end)[0]
    assert tomllib.loads(line.strip()) == {"quote": new}


def test_replace_value_refuses_what_it_cannot_be_sure_of() -> None:
    assert replace_value('quote = "a"\n', 1, "quote", "b", "c") is None  # not the value expected
    assert replace_value('quote = """a"""\n', 1, "quote", "a", "c") is None  # a multi-line string
    assert replace_value('q = { quote = "a" }\n', 1, "quote", "a", "c") is None
    assert replace_value('quote = "a"\n', 2, "quote", "a", "c") is None  # no such line


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200),
       bom=st.booleans())
def test_add_source_copies_any_text_byte_for_byte(tmp_path_factory: object, text: str, bom: bool) -> None:
    root = tmp_path_factory.mktemp("corpus")  # type: ignore[attr-defined]
    data = ("\ufeff" if bom else "").encode() + text.encode()
    file = root.parent / f"{root.name}-text.txt"
    file.write_bytes(data)
    added = add_source(root, file, publisher="P", published="2024", kind="news")
    assert added.path.read_bytes() == data
    assert added.sha256 == hashlib.sha256(data).hexdigest()


SENTENCES = st.lists(st.tuples(st.sampled_from(["Officers counted", "The force lost", "It recorded"]),
                               st.integers(min_value=101, max_value=99_999),
                               st.sampled_from(["cases", "officers", "calls"])), min_size=1, max_size=5)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentences=SENTENCES, joiner=st.sampled_from([" ", "\n", "\n\n"]))
def test_each_suggested_quote_anchors_exactly_over_its_statement(
        tmp_path_factory: object, sentences: list[tuple[str, int, str]], joiner: str) -> None:
    root: Path = tmp_path_factory.mktemp("corpus")  # type: ignore[attr-defined]
    text = joiner.join(f"{opening} {number:,} {unit}." for opening, number, unit in sentences) + "\n"
    (root / "seeds").mkdir()
    (root / "claims").mkdir()
    (root / "seeds" / "report.txt").write_text(text)
    (root / "seeds" / "sources.toml").write_text(sources_toml(text.encode()))
    (root / "claims" / "parties.toml").write_text(PARTIES)
    (root / "claims" / "topics.toml").write_text(TOPICS)
    (root / "claims" / "main.toml").write_text("")
    found = suggest(audit(load(root)), "report")
    assert len(found) == len(sentences)
    for suggestion in found:
        assert "prefix" in suggestion.toml or resolve(text, suggestion.quote).match == "exact"
        start = text.index(suggestion.quote) if "prefix" not in suggestion.toml else None
        if start is not None:
            assert start <= suggestion.statement.start < suggestion.statement.end <= start + len(
                suggestion.quote)
