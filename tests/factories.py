"""Build claims and corpora in memory, for tests that need no files."""

from __future__ import annotations

import random
from typing import Any

from factcheck.corpus import (
    Claim,
    Corpus,
    Evidence,
    Exclusive,
    GradingScale,
    KindRegistry,
    Party,
    Relation,
    Source,
    Topic,
    Verdict,
    builtin_kinds,
)
from factcheck.text.dates import parse_date, parse_period

PARTIES = {
    "watchdog": Party(id="watchdog", name="The Watchdog", role="watchdog"),
    "force": Party(id="force", name="The Force", role="force"),
    "pcc": Party(id="pcc", name="The Commissioner", role="pcc"),
    "press": Party(id="press", name="The Daily", role="press"),
}
SOURCE = Source(id="src", path="src.txt", title="A report", publisher="The Daily",
                published=parse_date("2024-12-31"), kind="news", sha256="0" * 64)

DEFAULTS: dict[str, dict[str, Any]] = {
    "quantity": {"measure": "officers", "value": "1,000", "unit": "officers"},
    "rate": {"measure": "offences", "value": "24.5", "per": "100,000", "unit": "offences"},
    "change": {"measure": "arrest rate", "direction": "increase", "by": "a third"},
    "rating": {"scale": "peel", "area": "investigating crime", "grade": "good"},
    "status": {"item": "cause of concern", "state": "open"},
    "assessment": {"proposition": "the force investigates well", "holds": True},
    "ranking": {"measure": "firearms offences", "position": "highest", "among": "forces"},
    "stance": {"stance": "disputes", "target_party": "watchdog", "about": "the decision"},
    "cause": {"outcome": "the failings", "cause": "cuts"},
}


def claim(kind: str, id: str, *, party: str = "watchdog", period: str = "2023",
          subject: str = "force", topic: str = "topic", stated: str | None = None,
          quote: str = "a quote", kinds: KindRegistry | None = None, **fields: Any) -> Claim:
    """A claim of `kind` with sensible defaults; keyword arguments override any field.

    A kind without defaults here takes the payload its synthetic fragment makes.
    """
    spec = (kinds or builtin_kinds()).kinds[kind]
    defaults = DEFAULTS.get(kind) or dict(spec.synthesise(random.Random(0), subject, None).fields)
    values = {**defaults, **fields}
    return spec.record(
        id=id, party=party, subject=subject, topic=topic, period=parse_period(period),
        stated=parse_date(stated) if stated else None,
        evidence=(Evidence(source="src", quote=quote),), **values)


def corpus(claims: list[Claim], *, relations: tuple[Relation, ...] = (),
           verdicts: tuple[Verdict, ...] = (), exclusive: tuple[Exclusive, ...] = ()) -> Corpus:
    """A corpus holding `claims`, one source, the test parties and a PEEL scale."""
    return Corpus(root=".", sources={"src": SOURCE}, texts={"src": "a quote"},
                  parties=PARTIES, speakers={},
                  topics={"topic": Topic(id="topic", description="A topic.")},
                  scales={"peel": GradingScale(id="peel", grades=("good", "adequate"))},
                  claims=tuple(claims), relations=relations, verdicts=verdicts,
                  exclusive=exclusive)
