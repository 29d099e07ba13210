"""Loading's quickest paths (issue 14) against the plain ones they stand in for: for any table,
right or wrong, the same records (the very same strings in them) and the same problems at the
same places."""

from __future__ import annotations

import pickle
import random
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.corpus import builtin_kinds
from factcheck.corpus import structuring as structuring_module
from factcheck.corpus.convert import quick_structurer, record_data
from factcheck.corpus.datafiles import JsonLinesFile
from factcheck.corpus.records import (
    Claim,
    Evidence,
    Exclusive,
    GradingScale,
    Party,
    Relation,
    Source,
    Speaker,
    Term,
    Topic,
    Verdict,
)
from factcheck.corpus.structuring import Collector, structure_records
from factcheck.text.dates import parse_period

from .strategies import _common, identifiers

SOME_VALUES: list[Any] = [
    "", " ", "a", "x1", "ok-id", "Bad ID", "2020", "2020-13", "2021-02/2021-05", "12", "3.5",
    "about 1,200", "increase", "decrease", "quantity", "rate", "officers", "per 1,000", "0", "-1",
    "per year", "x" * 48, "y" * 49, "caf\u00e9", "1" * 49, "open", "upheld", "year", "month",
    "span", "press", "sum", "good", None, True, 0, 5, 2**64, 1.5, -0.5, float("nan"), [], ["a"],
    {"a": "x"}]
VALUES = st.one_of(
    st.sampled_from(SOME_VALUES),
    st.text(max_size=12),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.just([]),
    st.lists(st.sampled_from(["a", "b", "", "s1"]), max_size=3),
    st.dictionaries(st.sampled_from(["a", "source"]), st.sampled_from(["x", "s1"]), max_size=2),
)
"""Values a table's field may hold, right or wrong for it."""


@st.composite
def mutated(draw: st.DrawFn, base: dict[str, Any], cls: type) -> dict[str, Any]:
    """`base` with one change: a field dropped, set to another value, an unknown key added, an
    array shortened (perhaps emptied), or one of its evidence changed so."""
    raw = dict(base)
    lists = sorted(key for key, value in raw.items() if isinstance(value, list))
    evidence = [n for n, item in enumerate(raw.get("evidence") or []) if isinstance(item, dict)] \
        if isinstance(raw.get("evidence"), list) else []
    how = draw(st.sampled_from(["set", "set", "set", "drop", "unknown"]
                               + ["shorten"] * bool(lists) + ["evidence"] * bool(evidence)))
    if how == "set":  # a field of the kind's own half the time
        own = [a.name for a in attrs.fields(cls) if a.name not in attrs.fields_dict(Claim)]
        every = [a.name for a in attrs.fields(cls)]
        raw[draw(st.sampled_from(own) | st.sampled_from(every) if own else st.sampled_from(every))
            ] = draw(VALUES)
    elif how == "drop" and raw:
        del raw[draw(st.sampled_from(sorted(raw)))]
    elif how == "unknown":
        raw[draw(st.sampled_from(["bogus", "quote", "source", "kind_"]))] = draw(VALUES)
    elif how == "shorten":
        key = draw(st.sampled_from(lists))
        raw[key] = raw[key][:draw(st.integers(0, len(raw[key])))]
    elif how == "evidence":
        items = list(raw["evidence"])
        number = draw(st.sampled_from(evidence))
        items[number] = draw(mutated(items[number], Evidence))
        raw["evidence"] = items
    return raw


def structured(raw: dict[str, Any], cls: type, number_fields: tuple[str, ...], *,
               quick: bool) -> tuple[bytes, list[tuple[Any, int]], list[Any]]:
    """What `structure_records` makes of one table, with or without its quick path; the records
    pickled too, so that two records holding equal strings that are not the same object (one
    interned, the other not) differ."""
    doc = JsonLinesFile(name="claims/a.jsonl", data={"claim": [raw]}, record_lines={"claim": (7,)})
    out = Collector()
    saved = structuring_module.quick_structurer
    if not quick:
        structuring_module.quick_structurer = lambda cls: None  # type: ignore[assignment]
    try:
        records = structure_records(doc, "claim", cls, out,
                                    prepare=lambda raw, index: (cls, number_fields))
    finally:
        structuring_module.quick_structurer = saved
    return pickle.dumps([record for record, _ in records]), records, out.problems


def assert_same(raw: dict[str, Any], cls: type, number_fields: tuple[str, ...] = ()) -> None:
    quick_bytes, quick_records, quick_problems = structured(raw, cls, number_fields, quick=True)
    plain_bytes, plain_records, plain_problems = structured(raw, cls, number_fields, quick=False)
    assert quick_records == plain_records
    assert quick_problems == plain_problems
    assert quick_bytes == plain_bytes
    try:
        quick = quick_structurer(cls)(raw)  # type: ignore[misc]
    except Exception:
        return  # left to the plain path, as the records made by both say
    (plain, _), = plain_records
    assert type(quick) is type(plain)
    for field in attrs.fields(type(plain)):  # the very string: interned or the table's own
        if isinstance(getattr(plain, field.name), str):
            assert getattr(quick, field.name) is getattr(plain, field.name)


KINDS = builtin_kinds()


@st.composite
def synthesised_claims(draw: st.DrawFn, kind: str | None = None) -> Claim:
    """A claim of `kind` (any built-in kind by default), its payload made by the kind's own
    synthetic fragment (as `strategies.synthesised_claims` makes it)."""
    spec = KINDS.kinds[kind or draw(st.sampled_from(KINDS.names))]
    subject = draw(identifiers)
    payload = spec.synthesise(draw(st.randoms(use_true_random=False)), subject, None).fields
    common = {name: draw(strategy) for name, strategy in _common.items() if name != "subject"}
    return spec.record(subject=subject, **common, **payload)


@pytest.mark.parametrize("kind", KINDS.names)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_claim_table_is_structured_as_the_converters_structure_it(kind: str,
                                                                     data: st.DataObject) -> None:
    claim = data.draw(synthesised_claims(kind))
    raw = data.draw(mutated(record_data(claim), type(claim)))
    assert_same(raw, type(claim), KINDS.kinds[kind].number_fields)


@pytest.mark.parametrize("kind", KINDS.names)
def test_every_field_of_a_claim_set_to_each_of_some_values_is_structured_alike(kind: str) -> None:
    """Each field of a right claim set in turn to each of `SOME_VALUES`: the changes a random
    draw seldom makes (a window that is not one, a period that is no date...) made every time."""
    spec = KINDS.kinds[kind]
    claim = spec.record(subject="baraba-district", id="c1", party="force", topic="custody",
                        period=parse_period("2023"), speaker="sam-okafor",
                        evidence=(Evidence(source="s00001", quote="the words"),),
                        **spec.synthesise(random.Random(0), "baraba-district", None).fields)
    for field in attrs.fields(type(claim)):
        for value in SOME_VALUES:
            assert_same({**record_data(claim), field.name: value}, type(claim),
                        KINDS.kinds[kind].number_fields)


@settings(max_examples=100, deadline=None)
@given(claim=synthesised_claims())
def test_a_right_claim_table_takes_the_quick_path_to_the_same_claim(claim: Any) -> None:
    """The quick path is taken (it is no use otherwise) and makes the claim it was made from."""
    quick = quick_structurer(type(claim))
    assert quick is not None
    assert quick(record_data(claim)) == claim
    assert_same(record_data(claim), type(claim), KINDS.kinds[claim.kind].number_fields)


OTHER_RECORDS: dict[type, dict[str, Any]] = {
    Evidence: {"source": "s1", "quote": "the words", "prefix": "before", "suffix": None},
    Source: {"id": "s1", "path": "a.txt", "title": "A title", "publisher": "The Gazette",
             "published": "2023-04", "kind": "news", "sha256": "0" * 64, "url": None,
             "party": "gazette"},
    Party: {"id": "gazette", "name": "The Gazette", "role": "press", "aliases": ["Gazette"]},
    Speaker: {"id": "sam", "party": "force", "name": "Sam Okafor", "aliases": []},
    Topic: {"id": "custody", "description": "Custody suites"},
    GradingScale: {"id": "grading", "grades": ["good", "adequate", "poor"]},
    Relation: {"id": "r1", "kind": "sum", "add": ["c1", "c2"], "total": "c3"},
    Term: {"topic": "custody", "name": "suites", "field": "measure", "aliases": ["cells"]},
    Exclusive: {"propositions": ["a", "b"], "topic": "custody"},
    Verdict: {"finding": "f1", "verdict": "upheld", "note": "seen"},
}


@pytest.mark.parametrize("cls", list(OTHER_RECORDS), ids=lambda cls: cls.__name__)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_other_table_is_structured_as_the_converters_structure_it(cls: type,
                                                                     data: st.DataObject) -> None:
    base = OTHER_RECORDS[cls]
    assert_same(data.draw(mutated(base, cls)), cls)


@pytest.mark.parametrize("cls", list(OTHER_RECORDS), ids=lambda cls: cls.__name__)
def test_every_field_of_another_table_set_to_each_of_some_values_is_structured_alike(
        cls: type) -> None:
    for field in attrs.fields(cls):
        for value in SOME_VALUES:
            assert_same({**OTHER_RECORDS[cls], field.name: value}, cls)


def test_classes_the_quick_path_cannot_make_are_left_to_the_converters() -> None:
    """A record checked after `__init__` (a verdict names a finding or a dispute) has none."""
    assert quick_structurer(Verdict) is None
    assert quick_structurer(Party) is not None


def test_a_class_whose_hints_name_nothing_known_is_left_to_the_converters() -> None:
    """Its types cannot be resolved: the converters report that for each table, as before."""

    @attrs.frozen(kw_only=True)
    class Odd:
        id: NoSuchType  # type: ignore[name-defined]  # noqa: F821

    assert quick_structurer(Odd) is None
