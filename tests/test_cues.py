"""Judgements proven by their cues, and claims proven to be said by their party.

Each flip of a judgement's value (holds, stance, cause, grade's area, party) must fail the audit,
and the unflipped claim must pass: the expected outcomes below are read off the text by hand.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.corpus.kinds.cues import (
    Lexicon,
    content_words,
    count_terms,
    holds_by_cue,
    reported_near,
    stance_by_cue,
)
from factcheck.errors import InputError

from .conftest import CLAIMS as FIXTURE_CLAIMS
from .conftest import PARTIES, TOPICS, Builder, sources_toml

LEXICON = Lexicon()

TEXT = """Inspection of the force

The inspectors rated the force "good" at preventing crime and "adequate" at investigating crime.

Inspector Jane Roe said: "The force must improve how it investigates crime."

The Commissioner, John Doe, said: "I completely disagree with the inspectors. The failings are \
because of a decade of cuts."

Mr Doe added: "The force is doing well."

Campaigners told a meeting the force was failing victims.
"""

BASE = """
[[claim]]
id = "{id}"
kind = "{kind}"
party = "{party}"
subject = "force"
topic = "grades"
period = "2021"
{fields}

[[claim.evidence]]
source = "report"
quote = "{quote}"
"""

CLAIMS = {
    "roe-improve": dict(kind="assessment", party="watchdog", quote="The force must improve how it "
                        "investigates crime.", fields='speaker = "jane-roe"\nproposition = "the '
                        'force investigates well"\nholds = false\ncue = "must improve"'),
    "doe-disagrees": dict(kind="stance", party="commissioner", quote="I completely disagree with "
                          "the inspectors.", fields='speaker = "john-doe"\nstance = "disputes"\n'
                          'target_party = "watchdog"\nabout = "the inspection"\n'
                          'cue = "completely disagree"'),
    "doe-cuts": dict(kind="cause", party="commissioner", quote="The failings are because of a "
                     "decade of cuts.", fields='speaker = "john-doe"\noutcome = "the failings"\n'
                     'cause = "a decade of cuts"\ncue = "because of a decade of cuts"'),
    "inspectors-prevention": dict(kind="rating", party="watchdog", quote='rated the force \\"good\\"'
                                  ' at preventing crime', fields='scale = "peel"\narea = '
                                  '"preventing crime"\ngrade = "good"'),
    "doe-well": dict(kind="assessment", party="commissioner", quote="The force is doing well.",
                     fields='speaker = "john-doe"\nproposition = "the force does well"\n'
                     'holds = true\ncue = "doing well"'),
}

FLIPS = {
    "holds": ("roe-improve", ("holds = false", "holds = true"), "holds"),
    "stance": ("doe-disagrees", ('stance = "disputes"', 'stance = "accepts"'), "stance"),
    "cause": ("doe-cuts", ('cause = "a decade of cuts"', 'cause = "poor leadership"'), "cause"),
    "area": ("inspectors-prevention", ('area = "preventing crime"', 'area = "responding to calls"'),
             "area"),
    "party": ("doe-well", ('party = "commissioner"', 'party = "watchdog"'), "party"),
}


def _claims(**replace: tuple[str, str]) -> str:
    out = []
    for ident, spec in CLAIMS.items():
        text = BASE.format(id=ident, **spec)
        if ident in replace:
            old, new = replace[ident]
            assert old in text
            text = text.replace(old, new)
            if new == 'party = "watchdog"':
                text = text.replace('speaker = "john-doe"\n', "")
        out.append(text)
    return "".join(out)


def _audit(make_corpus: Builder, claims: str, *, extra: dict[str, str] | None = None,
           text: str = TEXT) -> factcheck.Audit:
    root = make_corpus(text=text.encode(), sources=sources_toml(text.encode()), topics=TOPICS,
                       claims=claims, extra=extra)
    return factcheck.audit(factcheck.load(root))


def _problems(result: factcheck.Audit, claim: str) -> list[tuple[str, str | None, str]]:
    found = next(r for r in result.results if r.claim.id == claim)
    return [(p.check, p.location.field, p.level) for p in found.problems]


def test_every_judgement_as_written_passes(make_corpus: Builder) -> None:
    result = _audit(make_corpus, _claims())
    assert {r.claim.id: [str(p) for p in r.problems] for r in result.results} == {
        ident: [] for ident in CLAIMS}


@pytest.mark.parametrize("flip", sorted(FLIPS))
def test_each_flipped_value_fails(make_corpus: Builder, flip: str) -> None:
    claim, change, field = FLIPS[flip]
    result = _audit(make_corpus, _claims(**{claim: change}))
    problems = _problems(result, claim)
    assert any(level == "error" and (f == field or check == field) for check, f, level in problems), \
        problems
    others = {r.claim.id for r in result.results if not r.ok}
    assert others == {claim}


def test_a_missing_cue_is_a_warning_that_names_the_field(make_corpus: Builder) -> None:
    result = _audit(make_corpus, _claims(**{"roe-improve": ('cue = "must improve"', "")}))
    assert _problems(result, "roe-improve") == [("value", "cue", "warning")]


def test_a_cue_not_in_the_quote_fails(make_corpus: Builder) -> None:
    result = _audit(make_corpus, _claims(**{"doe-well": ('cue = "doing well"', 'cue = "doing great"')}))
    assert ("value", "cue", "error") in _problems(result, "doe-well")


def test_unnamed_campaigners_are_not_the_commissioner(make_corpus: Builder) -> None:
    campaigners = BASE.format(id="campaigners-failing", kind="assessment", party="commissioner",
                              quote="the force was failing victims",
                              fields='proposition = "the force serves victims"\nholds = false\n'
                                     'cue = "failing"')
    result = _audit(make_corpus, _claims() + campaigners)
    assert _problems(result, "campaigners-failing") == [("party", "party", "error")]


def test_a_source_that_is_the_partys_own_words_needs_no_attribution(make_corpus: Builder) -> None:
    text = "Statement\n\nWe have improved how we investigate crime.\n"
    claim = BASE.format(id="own-words", kind="assessment", party="commissioner",
                        quote="We have improved how we investigate crime.",
                        fields='proposition = "the force investigates well"\nholds = true\n'
                               'cue = "improved"')
    unattributed = _audit(make_corpus, claim, text=text)
    assert _problems(unattributed, "own-words") == [("party", "party", "error")]
    root = make_corpus(text=text.encode(), topics=TOPICS, claims=claim,
                       sources=sources_toml(text.encode()) + 'party = "commissioner"\n')
    assert _problems(factcheck.audit(factcheck.load(root)), "own-words") == []


def test_a_source_party_must_be_a_known_party(make_corpus: Builder) -> None:
    root = make_corpus(text=TEXT.encode(), topics=TOPICS, claims=_claims(),
                       sources=sources_toml(TEXT.encode()) + 'party = "commisioner"\n')
    with pytest.raises(InputError) as caught:
        factcheck.load(root)
    (problem,) = caught.value.problems
    assert problem.location.field == "party" and "did you mean 'commissioner'" in problem.message


def test_a_corpus_lexicon_adds_terms_and_bad_ones_are_located(make_corpus: Builder) -> None:
    worded = _claims(**{"doe-well": ('cue = "doing well"', 'cue = "is doing"'),
                        "roe-improve": ("holds = false", "holds = false")})
    # 'is doing' has no negative term: as holds = true it passes, flipped it fails...
    flipped = worded.replace("holds = true", "holds = false")
    assert ("value", "holds", "error") in _problems(_audit(make_corpus, flipped), "doe-well")
    # ...unless the corpus declares 'doing' negative (a wrong lexicon entry, to show it is read)
    lexicon = 'negative = ["is doing"]\n'
    assert _problems(_audit(make_corpus, flipped, extra={"lexicon.toml": lexicon}), "doe-well") == []
    root = make_corpus(text=TEXT.encode(), topics=TOPICS, claims=worded,
                       extra={"lexicon.toml": 'negative = "not a list"\npositive = ["x"]\n'})
    with pytest.raises(InputError) as caught:
        factcheck.load(root)
    assert {(p.location.file, p.location.field) for p in caught.value.problems} == {
        ("claims/lexicon.toml", "negative"), ("claims/lexicon.toml", "positive")}


# --- the lexicon's readings, by hand ------------------------------------------------------------


@pytest.mark.parametrize(("cue", "holds"), [
    ("is effectively managing", True), ("is not effectively addressing", False),
    ("lacks capacity", False), ("doesn't always respond", False), ("can't meet the demand", False),
    ("no longer fails", True), ("must improve", False), ("has successfully addressed", True),
    ("needs to make sure", False), ("fell short of the national target", False),
])
def test_holds_by_cue(cue: str, holds: bool) -> None:
    assert holds_by_cue(cue, LEXICON) is holds


@pytest.mark.parametrize(("cue", "stance"), [
    ("I completely disagree", "disputes"), ("we accept the findings", "accepts"),
    ("we do not accept", "disputes"), ("we welcome the report", "accepts"),
    ("we do not dispute", "accepts"), ("surprised and shocked", None),
])
def test_stance_by_cue(cue: str, stance: str | None) -> None:
    assert stance_by_cue(cue, LEXICON) == stance


def test_terms_count_as_whole_words_and_longest_first() -> None:
    assert count_terms("nothing", ("no",)) == 0
    assert count_terms("no longer", LEXICON.negative) == 1
    assert count_terms("cannot", ("not",)) == 0
    assert count_terms("it isn’t", LEXICON.negative) == 1  # a curly apostrophe reads as "'"
    assert content_words("The backlogs of cases") == {"backlog", "case"}


def test_reported_near_wants_the_name_as_the_sayer() -> None:
    assert reported_near("The Commissioner, John Doe, said:", ["John Doe"], LEXICON)
    assert reported_near("according to the force", ["the force"], LEXICON)
    assert not reported_near('He said: "I completely disagree with the inspectors."',
                             ["the inspectors"], LEXICON)
    assert not reported_near("The force is doing well.", ["the force"], LEXICON)


_PLAIN = st.lists(st.sampled_from(["the", "force", "manages", "risk", "well", "effectively",
                                   "its", "offenders", "people"]), min_size=1, max_size=8)


@given(_PLAIN, st.integers(0, 4))
def test_each_negation_flips_the_judgement(words: list[str], negations: int) -> None:
    """Words without negative terms hold; each added negative term flips the reading."""
    cue = " ".join(["not"] * negations + words)
    assert holds_by_cue(cue, LEXICON) is (negations % 2 == 0)


def test_the_parties_fixture_names_the_commissioner(make_corpus: Builder) -> None:
    """The party check reads a party's aliases: the shared fixture's text names the
    commissioner only as "the Commissioner" (its name is "The Commissioner's office")."""
    unspoken = FIXTURE_CLAIMS.replace('speaker = "john-doe"\n', "", 1)
    with_alias = factcheck.audit(factcheck.load(make_corpus(claims=unspoken)))
    assert _problems(with_alias, "doe-officers-cut") == []
    bare = PARTIES.replace('aliases = ["the Commissioner"]\n', "", 1)
    assert bare != PARTIES
    without = factcheck.audit(factcheck.load(make_corpus(claims=unspoken, parties=bare)))
    assert ("party", "party", "error") in _problems(without, "doe-officers-cut")


def test_a_pronoun_sayer_points_at_the_person_named_just_before(make_corpus: Builder) -> None:
    text = ("Report\n\nJohn Doe apologised, saying the failures were unacceptable.\n\n"
            '"Action has already been taken," he said.\n\nOthers disagreed.\n\n'
            '"It is not enough."\n')
    claim = BASE.format(id="doe-action", kind="assessment", party="commissioner",
                        quote="Action has already been taken",
                        fields='speaker = "john-doe"\nproposition = "the force acts on the '
                               'findings"\nholds = true\ncue = "already been taken"')
    unsaid = BASE.format(id="not-enough", kind="assessment", party="commissioner",
                         quote="It is not enough.",
                         fields='proposition = "the action is enough"\nholds = false\n'
                                'cue = "not enough"')
    result = _audit(make_corpus, claim + unsaid, text=text)
    assert _problems(result, "doe-action") == []
    assert _problems(result, "not-enough") == [("party", "party", "error")]


def test_a_claim_reported_by_the_sources_own_party_needs_no_named_sayer(make_corpus: Builder) -> None:
    """An outlet's narration restating the watchdog is the watchdog's claim, marked as reported
    by the outlet: the outlet's own text carries it, so no sayer need be named."""
    text = "Report\n\nThere is one cause of concern remaining.\n"
    claim = BASE.format(id="remaining", kind="status", party="watchdog",
                        quote="There is one cause of concern remaining.",
                        fields='item = "cause of concern"\nstate = "open"\ncue = "remaining"')
    own = sources_toml(text.encode()) + 'party = "commissioner"\n'
    unmarked = make_corpus(text=text.encode(), topics=TOPICS, claims=claim, sources=own)
    assert _problems(factcheck.audit(factcheck.load(unmarked)), "remaining") == [
        ("party", "party", "error")]
    marked = make_corpus(text=text.encode(), topics=TOPICS, sources=own,
                         claims=claim.replace('party = "watchdog"',
                                              'party = "watchdog"\nreported_by = "commissioner"'))
    assert _problems(factcheck.audit(factcheck.load(marked)), "remaining") == []
