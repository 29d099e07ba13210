"""Every judgement of the bundled corpus is proven by its words: flipping its value, or giving it
to a party the text does not show saying it, makes that claim fail its evidence checks.

The flips are mechanical (the opposite `holds`, the other stance, another grade of the scale...);
what must hold is only that the audit notices each one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import factcheck
from factcheck.checks.evidence import check_claim
from factcheck.corpus import Assessment, Cause, Claim, Corpus, Ranking, Rating, Stance, Status
from factcheck.corpus.kinds.cues import content_words
from factcheck.text.anchoring import resolve
from factcheck.text.numbers import find_numbers

ROOT = Path(__file__).parents[1]
CORPUS = factcheck.load(ROOT)
MENTIONS = {source: find_numbers(text) for source, text in CORPUS.texts.items()}
JUDGEMENTS = (Assessment, Stance, Cause, Status, Rating, Ranking)


def _fails(claim: Claim, corpus: Corpus = CORPUS) -> list[str]:
    return [f"{p.check}/{p.location.field}" for p in check_claim(claim, corpus, mentions=MENTIONS).problems
            if p.level == "error"]


def _flipped(claim: Claim) -> Iterator[tuple[str, Claim]]:
    """The claim with its value turned into another the text does not say."""
    if isinstance(claim, Assessment):
        yield "holds", attrs.evolve(claim, holds=not claim.holds)
    elif isinstance(claim, Stance):
        other = "accepts" if claim.stance == "disputes" else "disputes"
        yield "stance", attrs.evolve(claim, stance=other)
    elif isinstance(claim, Cause):
        cue = content_words(claim.cue or claim.cause)
        causes = {c.cause for c in CORPUS.claims if isinstance(c, Cause)} | {"the weather"}
        other = sorted(c for c in causes if not content_words(c) & cue)[0]
        yield "cause", attrs.evolve(claim, cause=other)
    elif isinstance(claim, Status):
        states = {c.state for c in CORPUS.claims if isinstance(c, Status) and c.item == claim.item}
        other = sorted(states - {claim.state}) or ["closed" if claim.state == "open" else "open"]
        yield "state", attrs.evolve(claim, state=other[0])
    elif isinstance(claim, Rating):
        grades = CORPUS.scales[claim.scale].grades
        yield "grade", attrs.evolve(claim, grade=next(g for g in grades if g != claim.grade))
    elif isinstance(claim, Ranking):
        positions = {c.position for c in CORPUS.claims if isinstance(c, Ranking)} | {"lowest"}
        words = (claim.cue or claim.wording or claim.position).casefold()
        other = sorted(p for p in positions - {claim.position} if p.casefold() not in words)
        yield "position", attrs.evolve(claim, position=other[0])


JUDGEMENT_CLAIMS = [c for c in CORPUS.claims if isinstance(c, JUDGEMENTS)]


def test_the_corpus_has_judgements_of_every_kind() -> None:
    assert {type(c) for c in JUDGEMENT_CLAIMS} == set(JUDGEMENTS)


@pytest.mark.parametrize("claim", JUDGEMENT_CLAIMS, ids=[c.id for c in JUDGEMENT_CLAIMS])
def test_a_judgement_passes_as_written_and_fails_flipped(claim: Claim) -> None:
    assert _fails(claim) == []
    for what, flipped in _flipped(claim):
        assert _fails(flipped), f"flipping {what} of {claim.id} went unnoticed"


@pytest.mark.parametrize("claim", JUDGEMENT_CLAIMS, ids=[c.id for c in JUDGEMENT_CLAIMS])
def test_a_judgement_given_to_another_party_fails(claim: Claim) -> None:
    """Given to a party that the source is not the words of and that the text never names."""
    texts = " ".join(CORPUS.texts[e.source].casefold() for e in claim.evidence)
    owners = {CORPUS.sources[e.source].party for e in claim.evidence}
    others = [p for p in sorted(CORPUS.parties.values(), key=lambda p: p.id)
              if p.id != claim.party and p.id not in owners
              and not any(n.casefold() in texts for n in (p.name, *p.aliases))]
    if not others:
        pytest.skip("every other party is named in this claim's sources")
    moved = attrs.evolve(claim, party=others[0].id, speaker=None, reported_by=None)
    assert "party/party" in _fails(moved)


def _near(claim: Claim) -> str:
    """The lines of each quote and the few before them: where the audit looks for the area."""
    parts = []
    for evidence in claim.evidence:
        text = CORPUS.texts[evidence.source]
        anchor = resolve(text, evidence.quote, prefix=evidence.prefix, suffix=evidence.suffix)
        lines = text.splitlines()
        parts.append(" ".join(lines[max(anchor.line - 8, 0):anchor.end_line]))
    return " ".join(parts)


def test_a_grade_moved_to_an_area_not_named_near_fails() -> None:
    moved = 0
    for claim in (c for c in JUDGEMENT_CLAIMS if isinstance(c, Rating)):
        window = _near(claim)
        areas = {c.area for c in JUDGEMENT_CLAIMS if isinstance(c, Rating)} - {claim.area}
        for area in sorted(areas):
            if not content_words(area) & content_words(window):
                assert "value/area" in _fails(attrs.evolve(claim, area=area)), claim.id
                moved += 1
                break
    assert moved >= 1
