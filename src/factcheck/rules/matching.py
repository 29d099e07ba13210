"""Claims about things named alike but not the same: the near-miss lint and `unmatched` findings.

Claims are compared only under one key. A writer who names one thing two ways ("missed bin
collections", "missed bin collection") would make a clash vanish without a word; here every
pair of distinct things of one subject, topic and kind whose names are close (`key_similarity`
of at least `SIMILAR`) is looked at:

- the lint warns on a claim whose thing is used only once, or by one party, and is close to
  another claim's: probably a misspelling of it (declare an alias, or reword it);
- the `unmatched` rule reports two parties' claims on such things, at overlapping times, whose
  values would clash were the things one: a reviewer links them (an alias) or marks them
  distinct (a verdict). Nothing that would have clashed under one key vanishes silently.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import attrs

from ..corpus import Claim
from ..errors import Location, Problem
from ..text.keys import key_similarity
from .builtin import differ, pair_finding
from .engine import Context, Key
from .findings import Finding
from .registry import rule

SIMILAR = 85.0
"""How alike two names must be (0 to 100) to be looked at as possibly one thing."""


@attrs.frozen(kw_only=True)
class NearMiss:
    """Two keys of one subject, topic and kind whose things are named alike."""

    a: Key
    b: Key
    similarity: float


_FOUND = "near_misses: the keys they were found among, and the near misses"
"""Where `near_misses` keeps what it found, in `context.shared`: the `unmatched` rule and the
`key_lint` ask it of one audit's keys in turn."""


def near_misses(context: Context) -> Iterator[NearMiss]:
    """Every pair of distinct keys whose things are close, within one subject, topic and kind,
    and whose other key fields (a unit, a scale) are the same."""
    found = context.shared.get(_FOUND)
    if found is None or found[0] is not context.by_key:
        found = context.shared[_FOUND] = (context.by_key, tuple(_near_misses(context)))
    return iter(found[1])


def _near_misses(context: Context) -> Iterator[NearMiss]:
    groups: dict[tuple[str, ...], list[Key]] = defaultdict(list)
    for key in context.by_key:
        groups[(*key[:3], *key[4:])].append(key)
    for keys in groups.values():
        if len(keys) < 2:
            continue
        ordered = sorted(keys)
        for index, a in enumerate(ordered):
            for b in ordered[index + 1:]:
                similarity = key_similarity(a[3], b[3])
                if similarity >= SIMILAR:
                    yield NearMiss(a=a, b=b, similarity=similarity)


@rule("unmatched", families=("numeric", "categorical"), scope="corpus", severities=("unmatched",))
def unmatched(context: Context) -> Iterator[Finding]:
    """Two parties' claims on things named alike but not the same, whose values would clash."""
    for miss in near_misses(context):
        for a in context.by_key[miss.a]:
            for b in context.by_key[miss.b]:
                if a.party != b.party and a.period.overlaps(b.period) and differ(a, b, context):
                    yield pair_finding(
                        "unmatched", a, b, context,
                        f"{miss.a[3]!r} and {miss.b[3]!r} may be one thing ({miss.similarity:.0f}% "
                        "alike) and the values would clash: declare an alias to compare them, or "
                        "a verdict that they differ")


def key_lint(context: Context) -> tuple[Problem, ...]:
    """A warning for each claim whose thing is close to another's and used only once or by one
    party: it names the other claim and the likely intended name."""
    problems = []
    for miss in near_misses(context):
        a_claims, b_claims = context.by_key[miss.a], context.by_key[miss.b]
        rare, common = ((a_claims, b_claims) if _weight(a_claims) <= _weight(b_claims)
                        else (b_claims, a_claims))
        if _weight(rare) > (1, 1):
            continue
        intended = context.kind(common[0]).key(common[0])[0]
        for claim in rare:
            origin = context.corpus.origins.get(claim.id)
            field = context.kind(claim).key_fields[0]
            problems.append(Problem(
                check="key", level="warning",
                location=Location(file=origin.file if origin else None,
                                  line=origin.line if origin else None, claim=claim.id,
                                  field=field),
                message=f"{field} {getattr(claim, field)!r} is close to {intended!r} of claim "
                        f"{common[0].id} ({common[0].party}); if they are one thing, use that "
                        "name or declare an alias in topics.toml"))
    return tuple(problems)


def _weight(claims: tuple[Claim, ...]) -> tuple[int, int]:
    """How established a name is: (parties using it, claims using it)."""
    return (len({c.party for c in claims}), len(claims))
