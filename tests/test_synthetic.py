"""The synthetic corpus: its audit finds exactly the planted findings, and it is reproducible."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from factcheck import audit, load
from factcheck.testing.synthetic import Format, generate, reworded

SIZE = 400  # enough for every kind of planted finding (6 of each severity)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("fmt", ["toml", "jsonl"])
def test_the_audit_finds_exactly_the_plan(tmp_path: Path, fmt: Format) -> None:
    plan = generate(tmp_path, claims=SIZE, fmt=fmt, seed=3)
    corpus = load(tmp_path)
    assert len(corpus.claims) == SIZE
    assert len(corpus.sources) == plan.sources == SIZE // 10
    assert {p.suffix for p in (tmp_path / "claims").glob("s*")} == {f".{fmt}"}
    result = audit(corpus)
    assert [str(p) for r in result.results for p in r.problems] == []
    score = plan.score(result.findings)
    assert score.missing == frozenset()
    assert score.unexpected == frozenset()
    assert score.precision == score.recall == 1.0
    for severity in ("contradiction", "tension", "changed"):
        assert plan.count(severity) >= 4  # about 1.5% of the claims each
    rules = {p.rule for p in plan.planted}
    assert rules == {"value-conflict", "assessment-conflict", "rating-status-conflict",
                     "explicit-dispute", "competing-causes", "ranking-conflict",
                     "resolution-contradicted", "change-over-time"}
    kinds = {c.kind for c in corpus.claims}
    assert {"quantity", "rate", "change", "rating", "status", "assessment", "ranking", "cause",
            "stance"} <= kinds
    # Unreviewed contradictions and tensions fail the audit; nothing else does.
    assert len(result.review) == plan.count("contradiction") + plan.count("tension")


def _documented_id(rule: str, claims: frozenset[str]) -> str:
    """A finding's id as the README documents it, computed here: "F-" and the first 12 hex
    digits of the sha256 of the rule and the sorted claim ids, joined by NUL."""
    return "F-" + hashlib.sha256("\0".join([rule, *sorted(claims)]).encode()).hexdigest()[:12]


def test_planted_ids_are_the_finding_ids(tmp_path: Path) -> None:
    plan = generate(tmp_path, claims=SIZE, seed=4)
    found = {(f.rule, frozenset(f.claims)): f.id for f in audit(load(tmp_path)).findings}
    for planted in plan.planted:
        assert planted.id == found[(planted.rule, planted.claims)] == _documented_id(
            planted.rule, planted.claims)
    assert _documented_id("value-conflict", frozenset({"b", "a"})) == _documented_id(
        "value-conflict", frozenset({"a", "b"})) != _documented_id("corroboration",
                                                                   frozenset({"a", "b"}))


def test_with_verdicts_the_audit_passes(tmp_path: Path) -> None:
    plan = generate(tmp_path, claims=SIZE, seed=5, verdicts=True)
    result = audit(load(tmp_path))
    assert result.ok
    assert result.unreviewed == ()
    assert len(result.corpus.verdicts) == plan.count("contradiction") + plan.count("tension")


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", claims=SIZE, seed=7, fmt="jsonl")
    second = generate(tmp_path / "b", claims=SIZE, seed=7, fmt="jsonl")
    assert first.planted == second.planted
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    generate(tmp_path / "c", claims=SIZE, seed=8, fmt="jsonl")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_jsonl_and_toml_hold_the_same_claims(tmp_path: Path) -> None:
    as_toml = generate(tmp_path / "toml", claims=SIZE, seed=9, fmt="toml")
    as_jsonl = generate(tmp_path / "jsonl", claims=SIZE, seed=9, fmt="jsonl")
    assert as_toml.planted == as_jsonl.planted
    toml_corpus, jsonl_corpus = load(tmp_path / "toml"), load(tmp_path / "jsonl")
    assert toml_corpus.claims == jsonl_corpus.claims
    assert toml_corpus.sources == jsonl_corpus.sources
    assert toml_corpus.texts == jsonl_corpus.texts
    origin = toml_corpus.origins[toml_corpus.claims[1].id]
    assert origin.file.endswith(".toml") and origin.line is not None and origin.line > 1


def test_values_have_no_trailing_zeros_and_texts_no_stray_numbers(tmp_path: Path) -> None:
    """Values carry no trailing zeros (which would widen them), and each sentence states no
    number but its claim's values and its year."""
    generate(tmp_path, claims=SIZE, seed=11)
    corpus = load(tmp_path)
    for claim in corpus.claims:
        value = getattr(claim, "value", None)
        if value is not None:
            assert not value.replace(",", "").endswith("0")
        quote = claim.evidence[0].quote
        allowed = {str(claim.period)} | {getattr(claim, f, None) for f in (
            "value", "per", "by", "from_value", "to_value", "position", "of")}
        digits = re.compile(r"\d[\d,.]*\d|\d")
        own = {n for a in allowed if a is not None for n in digits.findall(str(a))}
        assert set(digits.findall(quote)) <= own, (claim.id, quote)


def test_rejects_impossible_sizes(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        generate(tmp_path, claims=0)
    with pytest.raises(ValueError):
        generate(tmp_path, claims=SIZE, fmt="yaml")  # type: ignore[arg-type]


def test_with_reworded_keys_every_planted_clash_is_found_or_unmatched(tmp_path: Path) -> None:
    """One claim of each planted pair names its thing as another writer would; the plan expects
    a case or number change to clash as before and a near miss to come out `unmatched`."""
    plan = generate(tmp_path, claims=SIZE, seed=12, reword=True)
    assert {p.rule for p in plan.planted} >= {"unmatched", "value-conflict"}
    score = plan.score(audit(load(tmp_path)).findings)
    assert score.recall >= 0.95 and score.precision >= 0.95, (score.missing, score.unexpected)


@pytest.mark.parametrize(("how", "text", "expected"), [
    ("case", "missed bins", "MISSED BINS."), ("plural", "the force manages custody",
                                               "the forces manages custody"),
    ("plural", "officers", "officer"), ("order", "rising demand", "demand rising"),
])
def test_rewordings(how: str, text: str, expected: str) -> None:
    assert reworded(text, how) == expected
