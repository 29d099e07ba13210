"""A claim's result holds its anchors packed, and gives back exactly the anchors it was given."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.checks.evidence import ClaimResult
from factcheck.corpus.records import Claim, Evidence
from factcheck.text.anchoring import Anchor
from factcheck.text.dates import parse_period

_OFFSET = st.integers(min_value=0, max_value=2**40)
_ANCHORS = st.builds(Anchor, start=_OFFSET, end=_OFFSET, line=_OFFSET, column=_OFFSET,
                     end_line=_OFFSET, match=st.sampled_from(["exact", "normalised", "fuzzy"]),
                     score=st.floats(min_value=0, max_value=100), candidates=_OFFSET)
_CLAIM = Claim(id="c-1", kind="quantity", subject="s", topic="t", party="p",
               period=parse_period("2021"), evidence=(Evidence(source="s1", quote="q"),))


@given(st.lists(_ANCHORS | st.none(), max_size=5))
def test_the_anchors_come_back_as_they_were_given(anchors: list[Anchor | None]) -> None:
    result = ClaimResult(claim=_CLAIM, anchors=tuple(anchors))
    assert result.anchors == tuple(anchors)
    assert pickle.loads(pickle.dumps(result)).anchors == tuple(anchors)
    assert repr(anchors[0] if anchors else ()) in repr(result)


@given(st.lists(_ANCHORS | st.none(), max_size=3), st.lists(_ANCHORS | st.none(), max_size=3))
def test_results_are_equal_exactly_when_their_anchors_are(first: list[Anchor | None],
                                                          second: list[Anchor | None]) -> None:
    assert (ClaimResult(claim=_CLAIM, anchors=tuple(first))
            == ClaimResult(claim=_CLAIM, anchors=tuple(second))) == (first == second)


@given(st.lists(_ANCHORS | st.none(), max_size=5), st.integers(min_value=-7, max_value=7))
def test_one_anchor_is_the_one_at_its_index_among_all(anchors: list[Anchor | None],
                                                      index: int) -> None:
    result = ClaimResult(claim=_CLAIM, anchors=tuple(anchors))
    if 0 <= index < len(anchors):
        assert result.anchor(index) == anchors[index]
    else:  # a negative index is no quote's: the map step never counts from the end
        with pytest.raises(IndexError, match="has no quote"):
            result.anchor(index)
