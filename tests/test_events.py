"""Event claims: their value check, their bad input, the rules on events (dates in conflict,
status claims against the states events establish, target events) and duration relations.
Every expected finding is worked out by hand."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.cli import main
from factcheck.corpus import Claim, Corpus, Event, Evidence, Relation, builtin_kinds
from factcheck.corpus.kinds.base import Quote
from factcheck.corpus.kinds.cues import Lexicon
from factcheck.errors import InputError
from factcheck.rules import Finding, builtin_rules, find, run_rules
from factcheck.rules.events import derive_states
from factcheck.text.dates import PartialDate, compare_dates, parse_date, parse_period

from .conftest import TOPICS, Builder, sources_toml
from .factories import claim, corpus
from .strategies import partial_dates

# --- a small corpus of its own ------------------------------------------------------------------

TEXT = """Watchdog moves force into enhanced monitoring

The inspectors said the force was moved into engage on 3 May 2023.

The Commissioner, John Doe, said: "We were put into engage on 3 May.
The cause of concern was closed last March."

Mr Doe added: "We left engage in March 2025, after almost two years of scrutiny."
"""

SOURCES = sources_toml(TEXT.encode(), published="2025-06-01")
TOPIC = '\n[[topic]]\nid = "monitoring"\ndescription = "Monitoring."\n'

EVENT = """
[[claim]]
id = "watchdog-engage"
kind = "event"
party = "watchdog"
subject = "force"
topic = "monitoring"
period = "2023-05"
item = "monitoring level"
to_state = "engage"
date = "2023-05-03"
{extra}
[[claim.evidence]]
source = "report"
quote = "the force was moved into engage on 3 May 2023"
"""


def event_claims(extra: str = "", *, replace: tuple[str, str] | None = None) -> str:
    text = EVENT.format(extra=extra)
    return text.replace(*replace) if replace else text


def audit_problems(make_corpus: Builder, claims: str) -> list[tuple[str, str | None, str]]:
    root = make_corpus(text=TEXT.encode(), sources=SOURCES, topics=TOPICS + TOPIC, claims=claims)
    result = factcheck.audit(factcheck.load(root))
    return [(p.level, p.location.field, p.message) for r in result.results for p in r.problems]


def test_an_event_whose_date_and_state_the_quote_states_passes(make_corpus: Builder) -> None:
    assert audit_problems(make_corpus, event_claims()) == []


def test_a_date_the_quote_does_not_state_fails(make_corpus: Builder) -> None:
    [(level, field, message)] = audit_problems(
        make_corpus, event_claims(replace=('date = "2023-05-03"', 'date = "2023-05-04"')))
    assert (level, field) == ("error", "evidence[0].quote")
    assert "date 2023-05-04 (4 May 2023) is not stated in the quote" in message
    assert "'3 May 2023'" in message


def test_a_date_more_precise_than_the_quote_fails(make_corpus: Builder) -> None:
    claims = event_claims(replace=("quote = \"the force was moved into engage on 3 May 2023\"",
                                   "quote = \"We were put into engage on 3 May.\""))
    claims = claims.replace('party = "watchdog"', 'party = "commissioner"\nspeaker = "john-doe"')
    [(_, field, message)] = audit_problems(make_corpus, claims)
    assert field == "evidence[0].quote"
    assert "names '3 May' without the year: set `date_cue = '3 May'`" in message
    # with the cue, the year is the writer's reading of the context, and it passes
    assert audit_problems(make_corpus, claims.replace("item =", 'date_cue = "3 May"\nitem =')) == []


def test_a_date_cue_must_stand_in_the_quote_and_agree_with_the_date(make_corpus: Builder) -> None:
    base = event_claims('date_cue = "on 3 May"')
    assert audit_problems(make_corpus, base) == []
    wrong = audit_problems(make_corpus, base.replace('"on 3 May"', '"on 3 June"'))
    assert [(f, "names the month June" in m, "not in the quote" in m) for _, f, m in wrong] == [
        ("date", True, False), ("evidence[0].quote", False, True)]
    problems = audit_problems(make_corpus, base.replace('"on 3 May"', '"on 3rd May"'))
    assert [(f, "not in the quote" in m) for _, f, m in problems] == [("evidence[0].quote", True)]
    [(_, field, message)] = audit_problems(make_corpus, base.replace('"on 3 May"', '"2023"'))
    assert field == "date" and "more precise than the date_cue '2023'" in message


def test_a_state_the_quote_does_not_say_fails(make_corpus: Builder) -> None:
    [(_, field, message)] = audit_problems(
        make_corpus, event_claims(replace=('to_state = "engage"', 'to_state = "scan"')))
    assert field == "evidence[0].quote" and "does not state 'scan'" in message


def test_a_happening_needs_no_state_and_its_cue_must_be_in_the_quote(make_corpus: Builder) -> None:
    happening = event_claims('cue = "moved"', replace=('to_state = "engage"\n', ''))
    assert audit_problems(make_corpus, happening) == []
    [(_, field, message)] = audit_problems(make_corpus, happening.replace('"moved"', '"removed"'))
    assert field == "evidence[0].quote" and "the cue 'removed' is not in the quote" in message


def test_a_date_outside_the_claims_period_is_a_warning(make_corpus: Builder) -> None:
    problems = audit_problems(make_corpus, event_claims(
        replace=('period = "2023-05"', 'period = "2023-06"')))
    assert [(level, field) for level, field, _ in problems] == [("warning", "date")]


# --- bad input: every new field, located, exit 2 -------------------------------------------------

BAD_INPUT = [
    ("no date", event_claims(replace=('date = "2023-05-03"\n', '')), "date", "an event needs `date`"),
    ("not a date", event_claims(replace=('date = "2023-05-03"', 'date = "3 May 2023"')),
     "date", "is not a date like"),
    ("impossible date", event_claims(replace=('date = "2023-05-03"', 'date = "2023-02-30"')),
     "date", "not a real date"),
    ("date and deadline", event_claims('deadline = "2024"'), "date",
     "a target event (with a `deadline`) has no `date`"),
    ("empty to_state", event_claims(replace=('to_state = "engage"', 'to_state = ""')),
     "to_state", "must not be empty"),
    ("to_state not text", event_claims(replace=('to_state = "engage"', 'to_state = 5')),
     "to_state", "expected a string"),
    ("empty from_state", event_claims('from_state = ""'), "from_state", "must not be empty"),
    ("empty date_cue", event_claims('date_cue = ""'), "date_cue", "must not be empty"),
    ("date_cue not text", event_claims('date_cue = 2023'), "date_cue", "expected a string"),
    ("empty cue", event_claims('cue = ""'), "cue", "must not be empty"),
    ("misspelt field", event_claims('to_sate = "engage"'), "to_sate", "unknown field 'to_sate'"),
    ("missing item", event_claims(replace=('item = "monitoring level"\n', '')), "item", "required"),
]


@pytest.mark.parametrize(("case", "claims", "field", "words"), BAD_INPUT,
                         ids=[case for case, *_ in BAD_INPUT])
def test_bad_event_fields_are_located_and_exit_2(
        make_corpus: Builder, capsys: pytest.CaptureFixture[str], case: str, claims: str,
        field: str, words: str) -> None:
    root = make_corpus(text=TEXT.encode(), sources=SOURCES, topics=TOPICS + TOPIC, claims=claims)
    with pytest.raises(InputError) as caught:
        factcheck.load(root)
    [problem] = caught.value.problems
    assert problem.location.field == field
    assert problem.location.claim == "watchdog-engage"
    assert problem.location.line is not None and problem.location.file is not None
    assert words in problem.message
    assert main(["audit", str(root)]) == 2
    assert field in capsys.readouterr().err


DURATION = """
[[claim]]
id = "doe-scrutiny"
kind = "quantity"
party = "commissioner"
speaker = "john-doe"
subject = "force"
topic = "monitoring"
period = "2023/2025"
measure = "scrutiny"
value = "almost two years"
unit = "duration"

[[claim.evidence]]
source = "report"
quote = "after almost two years of scrutiny"

[[claim]]
id = "doe-left"
kind = "event"
party = "commissioner"
speaker = "john-doe"
subject = "force"
topic = "monitoring"
period = "2025-03"
item = "monitoring level"
from_state = "engage"
date = "2025-03"
cue = "left engage"

[[claim.evidence]]
source = "report"
quote = "We left engage in March 2025"

[[relation]]
id = "time-in-engage"
kind = "duration"
start = "watchdog-engage"
end = "doe-left"
duration = "doe-scrutiny"
"""

BAD_RELATIONS = [
    ("no duration claim", ('duration = "doe-scrutiny"\n', ''), "duration",
     "a duration relation needs 'duration'"),
    ("unknown duration claim", ('duration = "doe-scrutiny"', 'duration = "doe-scrutny"'),
     "duration", "unknown claim 'doe-scrutny'"),
    ("start not an event", ('start = "watchdog-engage"', 'start = "doe-scrutiny"'), "start",
     "a duration relation runs from one event claim to another"),
    ("duration not numeric", ('duration = "doe-scrutiny"', 'duration = "doe-left"'), "duration",
     "relations compute with"),
    ("no end", ('end = "doe-left"\n', ''), "end", "a duration relation needs 'end'"),
    ("end a target", ('date = "2025-03"', 'deadline = "2025-03"'), "end",
     "claim 'doe-left' is a target event"),
]


@pytest.mark.parametrize(("case", "change", "field", "words"), BAD_RELATIONS,
                         ids=[case for case, *_ in BAD_RELATIONS])
def test_bad_duration_relations_are_located_and_exit_2(
        make_corpus: Builder, capsys: pytest.CaptureFixture[str], case: str,
        change: tuple[str, str], field: str, words: str) -> None:
    root = make_corpus(text=TEXT.encode(), sources=SOURCES, topics=TOPICS + TOPIC,
                       claims=event_claims() + DURATION.replace(*change))
    with pytest.raises(InputError) as caught:
        factcheck.load(root)
    [problem] = caught.value.problems
    assert (problem.location.field, problem.location.claim) == (field, "relation:time-in-engage")
    assert words in problem.message and problem.location.line is not None
    assert main(["audit", str(root)]) == 2
    capsys.readouterr()


def test_a_duration_relation_is_checked_end_to_end(make_corpus: Builder) -> None:
    # 3 May 2023 to March 2025: from 3 May 2023 to 1 March 2025 is 668 days, to 31 March 698;
    # with a moment in each day, 667 to 699 days. "almost two years" is 0.9 x 730.5 = 657.45
    # to 730.5 days: they meet, so the relation holds (by rounding: the points differ).
    root = make_corpus(text=TEXT.encode(), sources=SOURCES, topics=TOPICS + TOPIC,
                       claims=event_claims() + DURATION)
    result = factcheck.audit(factcheck.load(root))
    assert [p.message for r in result.results for p in r.problems] == []
    [found] = [f for f in result.findings if f.rule == "relation-check"]
    assert found.severity == "corroborated"
    assert "667 to 699 days" in found.message and "holds only thanks to rounding" in found.message


# --- rules, on claims in memory -----------------------------------------------------------------


def event(id: str, date: str | None, *, party: str = "watchdog", item: str = "cause of concern",
          to_state: str | None = "closed", source: str = "src", **fields: Any) -> Claim:
    made = claim("event", id, party=party, period=date or fields.get("deadline", "2024"),
                 item=item, to_state=to_state, date=parse_date(date) if date else None,
                 **{k: parse_date(v) if k == "deadline" else v for k, v in fields.items()})
    return attrs.evolve(made, evidence=(Evidence(source=source, quote="a quote"),))


def status(id: str, period: str, state: str, *, party: str = "force",
           item: str = "cause of concern") -> Claim:
    return claim("status", id, party=party, period=period, item=item, state=state)


def two_sources(claims: list[Claim], relations: tuple[Relation, ...] = ()) -> Corpus:
    """The test corpus with a second source, 'other'."""
    made = corpus(claims, relations=relations)
    other = attrs.evolve(made.sources["src"], id="other", path="other.txt")
    return attrs.evolve(made, sources={**made.sources, "other": other},
                        texts={**made.texts, "other": "a quote"})


def run(*claims: Claim, relations: tuple[Relation, ...] = ()) -> tuple[Finding, ...]:
    return run_rules(two_sources(list(claims), relations), builtin_rules())


def findings(*claims: Claim, relations: tuple[Relation, ...] = ()) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(f.rule, f.severity, f.claims) for f in run(*claims, relations=relations)}


def messages(*claims: Claim, relations: tuple[Relation, ...] = ()) -> dict[str, str]:
    return {f.rule: f.message for f in run(*claims, relations=relations)}


def test_one_event_dated_a_year_apart_by_two_parties_is_a_contradiction() -> None:
    assert findings(event("a", "2023-03"), event("b", "2024-03", party="force")) == {
        ("event-date-conflict", "contradiction", ("a", "b"))}


def test_dates_that_agree_only_to_the_coarser_precision_corroborate_and_say_so() -> None:
    found = run_rules(corpus([event("a", "2023-03"), event("b", "2023-03-15", party="force")]),
                      builtin_rules())
    [finding] = found
    assert (finding.rule, finding.severity, finding.rounding) == (
        "event-date-conflict", "corroborated", True)
    assert "dated alike only to the month" in finding.message


def test_dates_a_month_apart_are_a_tension_with_a_note() -> None:
    found = run_rules(corpus([event("a", "2023-03"), event("b", "2023-04", party="force")]),
                      builtin_rules())
    [finding] = found
    assert (finding.rule, finding.severity) == ("event-date-conflict", "tension")
    assert "1 day(s) apart" in finding.message and "announced" in finding.message


SEVERITY = {"same": "corroborated", "within": "corroborated", "near": "tension",
            "conflict": "contradiction"}


@settings(max_examples=60, deadline=None)
@given(partial_dates(), partial_dates(), st.booleans())
def test_two_parties_datings_are_judged_by_their_comparison_in_any_order(
        a: PartialDate, b: PartialDate, flip: bool) -> None:
    first, second = event("a", str(a)), event("b", str(b), party="force")
    found = run(*((second, first) if flip else (first, second)))
    assert [(f.rule, f.severity, f.rounding) for f in found] == [
        ("event-date-conflict", SEVERITY[compare_dates(a, b)], compare_dates(a, b) == "within")]


def test_near_misses_of_the_date_conflict() -> None:
    # different items, different states, the same claim's party and source: nothing
    assert findings(event("a", "2023-03"), event("b", "2024-03", party="force", item="other")) == set()
    assert findings(event("a", "2023-03"), event("b", "2024-03", party="force",
                                                 to_state="open")) == set()
    assert findings(event("a", "2023-03"), event("b", "2024-03")) == set()
    # the same party in two sources is compared
    assert findings(event("a", "2023-03"), event("b", "2024-03", source="other")) == {
        ("event-date-conflict", "contradiction", ("a", "b"))}
    # the same date by one party in two sources is no corroboration
    assert findings(event("a", "2023-03"), event("b", "2023-03", source="other")) == set()


def test_a_status_wholly_after_a_closure_is_a_contradiction() -> None:
    assert findings(event("closure", "2023-03"), status("open", "2024", "open")) == {
        ("event-status-conflict", "contradiction", ("closure", "open"))}


def test_near_misses_of_the_status_conflict() -> None:
    closure = event("closure", "2023-03")
    assert findings(closure, status("s", "2023", "open")) == set()      # overlaps the closure
    assert findings(closure, status("s", "2022", "open")) == set()      # before it
    assert findings(closure, status("s", "2024", "closed")) == set()    # agrees
    assert findings(closure, status("s", "2024", "open", item="other")) == set()
    assert findings(closure, status("s", "2023-04", "open")) == {
        ("event-status-conflict", "contradiction", ("closure", "s"))}  # the month after


def test_derived_states_end_at_the_next_change() -> None:
    entered = event("in", "2023-11", item="monitoring level", to_state="engage")
    left = event("out", "2025-03", item="monitoring level", to_state="scan")
    both = (entered, left)
    assert findings(*both, status("s", "2024", "scan", item="monitoring level")) == {
        ("event-status-conflict", "contradiction", ("in", "out", "s"))}
    assert findings(*both, status("s", "2025-06", "engage", item="monitoring level")) == {
        ("event-status-conflict", "contradiction", ("out", "s"))}
    assert findings(*both, status("s", "2024", "engage", item="monitoring level")) == set()
    assert findings(*both, status("s", "2025", "engage", item="monitoring level")) == set()


def test_an_event_leaving_a_state_the_one_before_did_not_establish_contradicts_it() -> None:
    entered = event("in", "2023-11", item="monitoring level", to_state="engage")
    left = event("out", "2025-03", item="monitoring level", to_state="scan", from_state="scan",
                 party="force")
    assert findings(entered, left) == {("event-status-conflict", "contradiction", ("in", "out"))}
    # near misses: leaving the state it was put in, or no from_state, or dates that overlap
    assert findings(entered, attrs.evolve(left, from_state="engage")) == set()
    assert findings(entered, attrs.evolve(left, from_state=None)) == set()
    assert findings(entered, attrs.evolve(left, date=parse_date("2023-11-30"))) == set()


def test_derive_states_by_hand() -> None:
    entered = event("in", "2023-11-24", item="monitoring level", to_state="engage")
    redated = event("in-2", "2023-11", item="monitoring level", to_state="engage", party="force")
    left = event("out", "2025-03", item="monitoring level", to_state="scan")
    launched = event("launch", "2024-04", item="monitoring level", to_state=None)
    states = derive_states([left, launched, redated, entered])  # type: ignore[list-item]
    assert [(s.state, s.first, s.last, s.since.id, s.until.id if s.until else None)
            for s in states] == [
        ("engage", dt.date(2023, 11, 25), dt.date(2025, 2, 28), "in", "out"),
        ("scan", dt.date(2025, 4, 1), None, "out", None)]
    # two changes that may have come on one day: which came last, and so the state, is unknown
    close = event("again", "2023-11", item="monitoring level", to_state="scan")
    assert derive_states([entered, close]) == ()  # type: ignore[list-item]


@given(st.lists(st.integers(1, 400), min_size=1, max_size=6),
       st.lists(st.sampled_from([1, 2, 3]), min_size=6, max_size=6))
def test_derived_states_cover_exactly_the_days_between_events(gaps: list[int],
                                                              precisions: list[int]) -> None:
    """Events of alternating states on days that grow by the gaps: each state holds from the day
    after its event's last day to the day before the next event's first, and these spans and the
    events' days never overlap and leave no day out."""
    day, events = dt.date(2020, 1, 1), []
    for index, gap in enumerate(gaps):
        day += dt.timedelta(days=gap)
        text = day.isoformat()[: {1: 4, 2: 7, 3: 10}[precisions[index]]]
        date = parse_date(text)
        if events and date.first <= events[-1].when.last:
            continue  # dates that overlap the last one are not a sequence
        events.append(event(f"e{index}", text, item="x", to_state=f"s{len(events) % 2}"))
        day = date.last
    states = derive_states(events)  # type: ignore[arg-type]
    spans = [(e.when.first, e.when.last) for e in events]
    spans += [(s.first, s.last or dt.date(2100, 1, 1)) for s in states]
    spans.sort()
    for (_, last), (first, _) in itertools.pairwise(spans):
        assert first == last + dt.timedelta(days=1)
    one_day = dt.timedelta(days=1)
    with_room = [e for e, n in itertools.pairwise([*events, None])
                 if n is None or n.when.first > e.when.last + one_day]
    assert [s.since for s in states] == with_room


def test_a_target_event_is_met_missed_or_undecided() -> None:
    target = event("promise", None, party="pcc", deadline="2024-06")
    assert findings(target, event("done", "2024-05")) == {
        ("event-deadline", "corroborated", ("done", "promise"))}
    assert findings(target, event("late", "2024-09")) == {
        ("event-deadline", "tension", ("late", "promise"))}
    found = messages(target, event("vague", "2024"))
    assert "cannot tell whether it was met" in found["event-deadline"]
    assert findings(target, status("still", "2024-09", "open")) == {
        ("event-deadline", "tension", ("promise", "still"))}
    assert findings(target, status("before", "2024-03", "open")) == set()


def test_a_target_event_is_never_compared_as_a_fact() -> None:
    target = event("promise", None, party="pcc", deadline="2024-06")
    assert ("event-date-conflict", "contradiction", ("late", "promise")) not in findings(
        target, event("late", "2025-09"))
    assert findings(target, status("after", "2023", "closed")) == set()


def test_duration_relations_fire_and_hold() -> None:
    entered = event("in", "2021-01", item="monitoring level", to_state="engage")
    left = event("out", "2023-11", item="monitoring level", to_state="scan")
    later = event("out-late", "2024-03", item="monitoring level", to_state="scan", party="force")

    def scrutiny(value: str) -> Claim:
        return claim("quantity", "scrutiny", party="press", measure="scrutiny", value=value,
                     unit="duration")

    def relation(end: str) -> Relation:
        return Relation(id="r", kind="duration", start="in", end=end, duration="scrutiny")

    # January 2021 to November 2023 is 1,003 to 1,064 days; "almost three years" is 986.2 to
    # 1,095.75 days: it holds. To March 2024 is 1,124 to 1,186 days: it does not.
    found = run_rules(corpus([entered, left, scrutiny("almost three years")],
                             relations=(relation("out"),)), builtin_rules())
    [held] = [f for f in found if f.rule == "relation-check"]
    assert held.severity == "corroborated" and "1003 to 1064 days" in held.message
    found = run_rules(corpus([entered, later, scrutiny("almost three years")],
                             relations=(relation("out-late"),)), builtin_rules())
    [failed] = [f for f in found if f.rule == "relation-check"]
    assert failed.severity == "tension" and "does not hold" in failed.message
    # "in under eight months" is from 0 to 243.5 days: January 2021 to November 2023 is too long
    found = run_rules(corpus([entered, left, scrutiny("under eight months")],
                             relations=(relation("out"),)), builtin_rules())
    assert [f.severity for f in found if f.rule == "relation-check"] == ["tension"]


def test_within_minutes_holds_for_events_of_one_day() -> None:
    called = event("call", "2024-05-03", item="call", to_state=None)
    arrived = event("arrival", "2024-05-03", item="arrival", to_state=None)
    next_day = event("arrival-2", "2024-05-05", item="arrival", to_state=None, party="force")
    quick = claim("quantity", "quick", party="press", measure="response", value="within 15 minutes",
                  unit="duration")
    rel = Relation(id="r", kind="duration", start="call", end="arrival", duration="quick")
    found = run_rules(corpus([called, arrived, quick], relations=(rel,)), builtin_rules())
    assert [(f.severity, "0 to 24 hours" in f.message) for f in found
            if f.rule == "relation-check"] == [("corroborated", True)]
    rel = attrs.evolve(rel, end="arrival-2")
    found = run_rules(corpus([called, next_day, quick], relations=(rel,)), builtin_rules())
    assert [f.severity for f in found if f.rule == "relation-check"] == ["tension"]


def test_a_duration_relation_without_a_duration_cannot_be_computed() -> None:
    entered = event("in", "2021-01", item="monitoring level", to_state="engage")
    left = event("out", "2023-11", item="monitoring level", to_state="scan")
    count = claim("quantity", "count", party="press", measure="officers", value="1,000",
                  unit="officers")
    rel = Relation(id="r", kind="duration", start="in", end="out", duration="count")
    found = run_rules(corpus([entered, left, count], relations=(rel,)), builtin_rules())
    [finding] = [f for f in found if f.rule == "relation-check"]
    assert finding.severity == "tension" and "needs two dated events" in finding.message


def test_event_records_refuse_a_missing_date_in_python_too() -> None:
    with pytest.raises(ValueError, match="an event needs `date`"):
        Event(id="e", party="p", subject="s", topic="t", period=parse_period("2023"),
              evidence=(Evidence(source="src", quote="q"),), item="x")
    made = Event(id="e", party="p", subject="s", topic="t", period=parse_period("2023"),
                 evidence=(Evidence(source="src", quote="q"),), item="x", date="2023-03")
    assert made.date == parse_date("2023-03") and made.when == parse_date("2023-03")


# --- the bundled corpus --------------------------------------------------------------------------

ROOT = Path(__file__).parents[1]


def test_the_bundled_events_load_and_date_one_request_alike_only_to_the_year() -> None:
    """The Mayor's request for the PCC's powers: "earlier this month" in Tay FM's report of 24
    November 2023, "Earlier this month" in the BBC's, dated only to 2023. They corroborate, to
    the year only; the new operating model, dated April 2023 in three sources of one party, and
    the engage move (one dating) make no finding."""
    audit = factcheck.audit(factcheck.load(ROOT))
    events = [r for r in audit.results if r.claim.kind == "event"]
    assert len(events) == 10 and all(r.ok for r in events)
    found = {(f.rule, f.severity, f.claims, f.rounding) for f in audit.findings
             if f.rule.startswith("event-")}
    assert found == {("event-date-conflict", "corroborated",
                      ("bbc-2023-street-requested-transfer", "mayor-2023-street-requested-transfer"),
                      True)}


def test_the_bundled_events_fire_when_the_text_would_say_otherwise() -> None:
    """Near the bundled corpus: the BBC's dating moved to 2024 contradicts the Mayor's; a status
    'open' in 2025 for a cause of concern closed in 2024 contradicts the closure."""
    loaded = factcheck.load(ROOT)
    claims = {c.id: c for c in loaded.claims}
    moved = attrs.evolve(claims["bbc-2023-street-requested-transfer"], date=parse_date("2024"),
                         period=parse_period("2024"))
    still_open = claim("status", "still-open", party="wmp", subject="wmp",
                       topic="vulnerable-people", period="2025",
                       item="cause of concern: vulnerable people", state="open")
    still_open = attrs.evolve(still_open, evidence=(
        Evidence(source="news-2024-revisit", quote="There is one cause of concern remaining."),))
    kept = [moved if c.id == moved.id else c for c in loaded.claims]
    changed = attrs.evolve(loaded, claims=(*kept, still_open))
    found = {(f.rule, f.severity, f.claims) for f in find(changed)
             if f.rule.startswith("event-")}
    assert found == {
        ("event-date-conflict", "contradiction",
         ("bbc-2023-street-requested-transfer", "mayor-2023-street-requested-transfer")),
        ("event-status-conflict", "contradiction",
         ("hmicfrs-2024-coc-vulnerable-people-closing", "still-open"))}


@given(st.randoms(use_true_random=False))
def test_a_synthetic_event_states_its_date_and_state_and_its_rival_clashes(rng: random.Random) -> None:
    spec = builtin_kinds().kinds["event"]
    made = spec.synthesise(rng, "district", None)
    sentence = made.sentence.format(period="2020", who="the watchdog", name="District")
    record = spec.record(id="e", party="p", subject="district", topic="t",
                         period=parse_period(made.fields["date"]),
                         evidence=(Evidence(source="s", quote=sentence),), **made.fields)
    quote = Quote(index=0, source="s", line=1, text=sentence, numbers=(), around=sentence)
    assert list(spec.check_value(record, [quote], Lexicon())) == []
    rival = spec.synthesise(rng, "district", made.fields)
    assert rival.fields["item"] == made.fields["item"]
    assert rival.fields["to_state"] == made.fields["to_state"]
    assert compare_dates(parse_date(rival.fields["date"]), record.when) == "conflict"
