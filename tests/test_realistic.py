"""The realistic generator: reproducible, every claim proves against its quotes, and its planted
truth says what the written claims say (checked here with readings of our own)."""

from __future__ import annotations

import json
import math
import random
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import Corpus, audit, load
from factcheck.testing.realistic import CATEGORIES, generate
from factcheck.testing.realistic_cases import Statement, expectations
from factcheck.testing.realistic_text import (
    CLOSE_STYLES,
    STYLES,
    far_from,
    round_figures,
    state,
    words,
)

SIZE = 1200

_UNITS = {w: n for n, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen"))}
_TENS = {w: 10 * n for n, w in enumerate((
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), start=2)}
_HEDGES = ("about", "around", "roughly", "some", "approximately", "nearly", "almost",
           "more than", "over")


def _spoken(text: str) -> int:
    """English number words as this test reads them, independently of the library."""
    total, current = 0, 0
    for word in text.replace("-", " ").replace(" and ", " ").split():
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current *= 100
        elif word == "thousand":
            total, current = total + current * 1000, 0
        else:
            raise ValueError(word)
    return total + current


_SHARES = {"a tenth": 0.1, "a fifth": 0.2, "a quarter": 0.25, "a third": 1 / 3, "half": 0.5,
           "two thirds": 2 / 3, "three quarters": 0.75}


def _point(value: str) -> float:
    """The number a claim's value states, hedge removed: "about 1,200" is 1200, "25 per cent"
    and "a quarter" and "one in four" 0.25."""
    for hedge in _HEDGES:
        value = value.removeprefix(hedge + " ")
    if value in _SHARES:
        return _SHARES[value]
    if " in " in value:
        k, n = value.split(" in ")
        return _spoken(k) / _spoken(n)
    for percent in ("%", " per cent"):
        if value.endswith(percent):
            return float(value.removesuffix(percent)) / 100
    digits = value.replace(",", "")
    return float(digits) if digits.replace(".", "", 1).isdigit() else _spoken(digits)


def _claimed(claim: Any) -> float:
    """A claim's point, per one of its base for a rate."""
    return _point(claim.value) / (_point(claim.per) if claim.kind == "rate" else 1)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Corpus, dict[str, Any]]:
    root = tmp_path_factory.mktemp("realistic")
    generate(root, claims=SIZE, seed=21)
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    return root, load(root), truth


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    generate(tmp_path / "a", claims=300, seed=5)
    generate(tmp_path / "b", claims=300, seed=5)
    generate(tmp_path / "c", claims=300, seed=6)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_rejects_too_few_claims(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        generate(tmp_path, claims=3)


def test_every_claim_proves_against_its_quotes(written: tuple[Path, Corpus, dict[str, Any]],
                                               ) -> None:
    _, corpus, truth = written
    assert len(corpus.claims) == truth["claims"] >= SIZE
    result = audit(corpus)
    errors = [str(p) for r in result.results for p in r.problems if p.level == "error"]
    assert errors == []
    # Quotes that need normalising are there: curled apostrophes, soft hyphens, line breaks.
    printed = {_how_printed(e.quote, corpus.texts[e.source]) for c in corpus.claims
               for e in c.evidence}
    assert printed == {"verbatim", "curled", "soft hyphen", "line break"}


def _how_printed(quote: str, text: str) -> str:
    if quote in text:
        return "verbatim"
    if quote.replace("'", "\u2019") in text:
        return "curled"
    if quote in text.replace("\u00ad", ""):
        return "soft hyphen"
    if quote in text.replace("\n", " "):
        return "line break"
    return "otherwise"


def test_the_truth_covers_every_claim_once_and_every_category(
        written: tuple[Path, Corpus, dict[str, Any]]) -> None:
    _, corpus, truth = written
    seen = [c for case in truth["cases"] for c in case["claims"]]
    assert sorted(seen) == sorted(c.id for c in corpus.claims)
    assert {case["category"] for case in truth["cases"]} == set(CATEGORIES)
    for case in truth["cases"]:
        for want in case["expect"]:
            assert {c for slot in want["claims"] for c in slot} <= set(case["claims"])
            assert want["severity"] in ("contradiction", "tension", "changed", "corroborated")


def _claims(corpus: Corpus) -> dict[str, Any]:
    return {c.id: c for c in corpus.claims}


def test_echoes_really_repeat_one_statement(written: tuple[Path, Corpus, dict[str, Any]]) -> None:
    _, corpus, truth = written
    claims = _claims(corpus)
    echoes = [slot for case in truth["cases"] if case["category"] == "echo"
              for want in case["expect"] for slot in want["claims"] if len(slot) > 1]
    assert echoes
    for slot in echoes:
        said = [claims[c] for c in slot]
        assert len({(c.party, c.speaker, c.measure, c.value, c.evidence[0].quote)
                    for c in said}) == 1
        assert said[0].speaker is not None
        assert len({c.evidence[0].source for c in said}) == len(said)


def test_pairs_agree_or_clash_as_the_truth_says(
        written: tuple[Path, Corpus, dict[str, Any]]) -> None:
    """A rounding-only agreement states two different points within 12% of each other; an
    exact one the same point; a planted clash or change points at least 10% apart (true values
    30% apart, each stated within 5% of it, or 10% below a "nearly"), or a close clash two
    figures in digits at least 2% apart."""
    _, corpus, truth = written
    claims = _claims(corpus)
    rounding = 0
    for case in truth["cases"]:
        for want in case["expect"]:
            if len(want["claims"]) != 2 or claims[want["claims"][0][0]].kind == "assessment":
                continue
            a, b = (claims[slot[0]] for slot in want["claims"])
            pa, pb = _claimed(a), _claimed(b)
            if want["severity"] == "corroborated":
                if want["rule"] == "corroboration":
                    assert want["rounding"] == (not math.isclose(pa, pb, rel_tol=1e-9))
                assert abs(pa - pb) <= 0.12 * max(pa, pb), (a.value, b.value)
                rounding += not math.isclose(pa, pb, rel_tol=1e-9)
            elif case["category"] == "close-contradiction":
                assert a.value.replace(",", "").isdigit() and b.value.replace(",", "").isdigit()
                assert abs(pa - pb) >= 0.02 * max(pa, pb), (a.value, b.value)
            else:
                assert abs(pa - pb) >= 0.1 * max(pa, pb), (a.value, b.value)
    assert rounding > 20
    kinds = {claims[slot[0]].kind for case in truth["cases"] for want in case["expect"]
             for slot in want["claims"]}
    assert {"quantity", "rate", "assessment"} <= kinds


def test_distractors_are_what_they_claim(written: tuple[Path, Corpus, dict[str, Any]]) -> None:
    _, corpus, truth = written
    claims = _claims(corpus)
    by_category: dict[str, list[list[Any]]] = {}
    for case in truth["cases"]:
        by_category.setdefault(case["category"], []).append([claims[c] for c in case["claims"]])
    for members in by_category["reworded-case"]:
        names = {c.measure for c in members}
        assert len(names) > 1
        assert len({re.sub(r"[^a-z ]", "", n.lower().replace("-", " ")) for n in names}) == 1
    for members in by_category["window"]:
        assert {c.window for c in members} == {"year", "month"}
        assert len({c.period for c in members}) == 1
        assert len({c.measure.lower().rstrip(".").replace("-", " ") for c in members}) == 1
    for members in by_category["misreport"] + by_category["report"]:
        own, told = sorted(members, key=lambda c: c.reported_by is not None)
        assert (own.party, told.party) == ("inspectorate", "inspectorate")
        assert own.reported_by is None and told.reported_by in ("gazette", "courier")
    for members in by_category["target"]:
        promise = next(c for c in members if c.deadline is not None)
        assert sum(c.period.first <= promise.deadline.first <= c.period.last
                   for c in members if c.deadline is None) == 1
    for members in by_category["effort"]:
        assert {c.resolution for c in members} == {"in-progress", None}
    for members in by_category["hard-negative"]:
        a, b = members
        assert (a.subject, a.measure) != (b.subject, b.measure)
    for members in by_category["several-quotes"]:
        (claim,) = members
        assert len({e.source for e in claim.evidence}) == len(claim.evidence) >= 2


def _statement(slot: int, party: str, start: int, value: int, point: float) -> Statement:
    return Statement(slot=(slot,), party=party, key="k", start=start, end=start + 11,
                     value=value, point=point)


def test_expectations_by_hand() -> None:
    """Two parties in one year (one rounding), a third year later: a rounding corroboration,
    and a change from each to the later figure."""
    stated = [_statement(1, "force", 2020 * 12, 1187, 1187),
              _statement(2, "gazette", 2020 * 12, 1187, 1200),
              _statement(3, "force", 2022 * 12, 2000, 2000)]
    found = {(e.slots, e.severity, e.rounding) for e in expectations(stated)}
    assert found == {(((1,), (2,)), "corroborated", True), (((1,), (3,)), "changed", None),
                     (((2,), (3,)), "changed", None)}


@given(st.permutations(range(4)))
def test_expectations_do_not_depend_on_order(order: list[int]) -> None:
    stated = [_statement(1, "force", 2020 * 12, 1000, 1000),
              _statement(2, "gazette", 2020 * 12, 3000, 3000),
              _statement(3, "ministry", 2021 * 12, 3000, 3000),
              _statement(4, "force", 2023 * 12, 1000, 1000)]
    base = {(frozenset(e.slots), e.severity) for e in expectations(stated)}
    again = {(frozenset(e.slots), e.severity) for e in expectations([stated[i] for i in order])}
    assert again == base


@given(st.integers(0, 9999))
def test_words_read_back(n: int) -> None:
    try:
        spelt = words(n)
    except ValueError:
        assert n >= 1000 and n % 1000 and not (n < 2000 and n % 100 == 0)
        return
    assert _spoken(spelt) == n


@given(st.integers(100, 99999), st.sampled_from(STYLES), st.integers(0, 2**32))
def test_stated_values_keep_their_meaning(value: int, style: str, seed: int) -> None:
    stated = state(random.Random(seed), value, style)
    assert _point(stated.text) == stated.point
    if stated.style in CLOSE_STYLES:  # half a unit of the second figure, or a whole one
        limit = 0.1 if stated.style == "nearly" else 0.05
        assert abs(stated.point - value) <= limit * value
    if stated.style == "nearly":
        assert stated.point > value
    if stated.style == "over":
        assert stated.point < value


@given(st.integers(100, 99999))
def test_rounding_keeps_two_or_three_figures(value: int) -> None:
    rounded = round_figures(value)
    assert abs(rounded - value) * 20 <= value
    assert len(str(rounded).rstrip("0")) >= 2 or rounded == value


@given(st.integers(1000, 9000), st.integers(0, 2**32))
def test_far_values_are_thirty_percent_apart(value: int, seed: int) -> None:
    other = far_from(random.Random(seed), value, 1000, 9000)
    assert max(value, other) >= 1.3 * min(value, other)
