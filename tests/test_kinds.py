"""Claim kinds: each round-trips through the one converter, is told apart by its `kind`, and
encodes its report value valid against its own schema fragment."""

from __future__ import annotations

import json
import random

import jsonschema
import pytest
from hypothesis import given

from factcheck.corpus import Claim, builtin_kinds, installed_kinds
from factcheck.corpus.convert import converter, record_data
from factcheck.corpus.kinds import collect_kinds
from factcheck.corpus.kinds.base import make_registry
from factcheck.corpus.kinds.quantity import KIND as QUANTITY
from factcheck.errors import FactcheckError
from factcheck.reports import report_schema
from factcheck.reports.json_report import report_converter

from .strategies import claims, synthesised_claims

KINDS = builtin_kinds()
SCHEMA = report_schema(KINDS)


@given(claims)
def test_claims_round_trip_through_the_converter(claim: Claim) -> None:
    data = converter.unstructure(claim)
    assert data["kind"] == claim.kind
    assert converter.structure(data, type(claim)) == claim


@given(claims | synthesised_claims())
def test_the_kind_written_in_a_claim_picks_its_record_in_the_registry(claim: Claim) -> None:
    data = record_data(claim)
    record = KINDS.kinds[data["kind"]].record
    assert converter.structure(data, record) == claim


@given(claims | synthesised_claims())
def test_every_value_a_kind_encodes_is_valid_against_its_fragment(claim: Claim) -> None:
    kind = KINDS.of(claim)
    value = report_converter(KINDS).unstructure(kind.encode(claim))
    definitions = {"$defs": SCHEMA["$defs"]}
    validator = jsonschema.Draft202012Validator({**dict(kind.schema), **definitions})
    assert list(validator.iter_errors(json.loads(json.dumps(value)))) == []
    assert value["kind"] == claim.kind


def test_every_builtin_kind_is_complete() -> None:
    assert KINDS.names == ("quantity", "rate", "change", "rating", "status", "assessment",
                           "ranking", "stance", "cause", "event")
    for name, kind in KINDS.kinds.items():
        assert kind.name == name
        made = kind.synthesise(random.Random(1), "district", None)
        assert made.fields and "{name}" in made.sentence


class _Point:
    """An entry point of the `factcheck.kinds` group, as importlib.metadata gives it."""

    def __init__(self, name: str, loaded: object) -> None:
        self.name, self.value, self.loaded = name, f"{name}_pack:KIND", loaded

    def load(self) -> object:
        if isinstance(self.loaded, Exception):
            raise self.loaded
        return self.loaded


def test_a_kind_registered_twice_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(FactcheckError, match="registered twice"):
        make_registry([QUANTITY, QUANTITY])
    from factcheck.corpus import kinds as kinds_module
    monkeypatch.setattr(kinds_module, "entry_points", lambda group: [_Point("dup", QUANTITY)])
    with pytest.raises(FactcheckError, match=r"kind pack 'dup' .* 'quantity', already built in"):
        installed_kinds()


def test_a_broken_or_empty_kind_pack_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.corpus import kinds as kinds_module
    monkeypatch.setattr(kinds_module, "entry_points",
                        lambda group: [_Point("broken", ImportError("no module named x"))])
    with pytest.raises(FactcheckError, match=r"kind pack 'broken' .* failed to load: no module"):
        installed_kinds()
    monkeypatch.setattr(kinds_module, "entry_points", lambda group: [_Point("empty", [1, 2])])
    with pytest.raises(FactcheckError, match=r"kind pack 'empty' .* holds no ClaimKind"):
        installed_kinds()


def test_collect_kinds_takes_a_kind_a_list_or_a_module() -> None:
    from factcheck.corpus.kinds import quantity
    assert collect_kinds(QUANTITY) == (QUANTITY,)
    assert collect_kinds([QUANTITY, "not a kind"]) == (QUANTITY,)
    assert collect_kinds(quantity) == (QUANTITY,)
