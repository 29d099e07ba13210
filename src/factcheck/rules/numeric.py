"""Rules on what numbers say beyond their headline value: one party's figures that agree only
by rounding, and the start and end figures of two changes."""

from __future__ import annotations

from collections.abc import Iterator

from ..corpus import Change, Claim
from ..corpus.kinds.values import at_precision, number_or_none
from ..text.intervals import Agreement, agreement
from .builtin import numeric_agreement, pair_finding
from .engine import Context
from .findings import Finding
from .registry import rule


@rule("rounding-only", families=("numeric",), severities=("corroborated",))
def rounding_only(a: Claim, b: Claim, context: Context) -> Iterator[Finding]:
    """One party's two figures for the same thing and time that agree only thanks to rounding.

    Two parties' figures that agree by rounding are a `corroboration` flagged `rounding`; one
    party's are no corroboration, but a reader should know the party gave two different
    figures ("about 1,000" and "1,021") that a rounding reconciles.
    """
    if a.party != b.party or (a.reported_by is None) != (b.reported_by is None):
        return
    if numeric_agreement(a, b, context) == "rounding":
        yield pair_finding("corroborated", a, b, context,
                           "one party's values agree only thanks to rounding", rounding=True)


def _endpoints_agree(a: Change, b: Change, context: Context) -> dict[str, Agreement]:
    """How each stated end of two changes agrees: 'from_value' and 'to_value', when both give it."""
    found: dict[str, Agreement] = {}
    for field in ("from_value", "to_value"):
        na = at_precision(number_or_none(getattr(a, field), a.tolerance), context.corpus.lexicon)
        nb = at_precision(number_or_none(getattr(b, field), b.tolerance), context.corpus.lexicon)
        if na is not None and nb is not None and na.scale == nb.scale:
            found[field] = agreement(na.interval, nb.interval, na.value, nb.value)
    return found


@rule("change-endpoints-conflict", kinds=("change",), severities=("contradiction",))
def change_endpoints_conflict(a: Claim, b: Claim, context: Context) -> Iterator[Finding]:
    """Two changes of the same measure over the same time that start or end at figures that
    do not meet ("from 6,800 to 6,500" against "from 7,100 to 6,500")."""
    if not (isinstance(a, Change) and isinstance(b, Change)):
        return
    if (a.party == b.party) and (a.reported_by is None) != (b.reported_by is None):
        return
    clashing = [field.removesuffix("_value") for field, found
                in _endpoints_agree(a, b, context).items() if found == "conflict"]
    if clashing:
        ends = " and ".join(clashing)
        yield pair_finding("contradiction", a, b, context,
                           f"the changes' {ends} figures do not meet: "
                           f"{_ends(a)} against {_ends(b)}")


def _ends(claim: Change) -> str:
    return " ".join(f"{name} {text}" for name, text in (("from", claim.from_value),
                                                      ("to", claim.to_value)) if text)
