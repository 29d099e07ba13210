"""The data model round-trips through the one converter, whatever the record."""

from __future__ import annotations

from hypothesis import given

from factcheck.corpus.convert import converter
from factcheck.corpus.records import Claim

from .strategies import claims


@given(claims)
def test_claims_round_trip_through_the_converter(claim: Claim) -> None:
    data = converter.unstructure(claim)
    assert data["kind"] == claim.kind
    assert converter.structure(data, type(claim)) == claim


@given(claims)
def test_the_claim_union_is_told_apart_by_kind(claim: Claim) -> None:
    assert converter.structure(converter.unstructure(claim), Claim) == claim  # type: ignore[arg-type]
