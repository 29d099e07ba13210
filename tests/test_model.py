"""The data model round-trips through the one converter, whatever the record."""

from __future__ import annotations

from hypothesis import given

from factcheck.corpus import Claim, builtin_kinds
from factcheck.corpus.convert import converter

from .strategies import claims


@given(claims)
def test_claims_round_trip_through_the_converter(claim: Claim) -> None:
    data = converter.unstructure(claim)
    assert data["kind"] == claim.kind
    assert converter.structure(data, type(claim)) == claim


@given(claims)
def test_the_kind_written_in_a_claim_picks_its_record_in_the_registry(claim: Claim) -> None:
    data = converter.unstructure(claim)
    record = builtin_kinds().kinds[data["kind"]].record
    assert converter.structure(data, record) == claim
