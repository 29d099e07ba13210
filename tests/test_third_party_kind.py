"""A claim kind defined here, outside `src/`, works end to end: it loads (with located errors),
anchors, has its value checked, is compared by the rules, is written in the JSON report valid
against the schema, and is collected by the pytest plugin through the `factcheck.kinds`
entry points.

The kind is a duration: how long a process took, in days ("the review took 45 days").
"""

from __future__ import annotations

import json
import random
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs
import jsonschema
import pytest

import factcheck
from factcheck.corpus import Claim, ClaimKind, ClaimValue, installed_kinds
from factcheck.corpus.kinds.base import (
    INTERVAL,
    STRING,
    Bounds,
    FieldProblem,
    Quote,
    SyntheticClaim,
    bounds,
    no_category,
    no_references,
    value_schema,
)
from factcheck.corpus.kinds.cues import Lexicon
from factcheck.corpus.kinds.values import check_numbers, number_or_none
from factcheck.corpus.records import text_field
from factcheck.errors import InputError
from factcheck.reports import build_report, dumps, load_report, report_schema
from factcheck.text.numbers import Number

from .conftest import PARTIES, TOPICS, Builder, sha

# --- the kind, as a third party would write it --------------------------------------------------


@attrs.frozen(kw_only=True)
class Duration(Claim):
    """How long a process took, in days."""

    kind: Literal["duration"] = "duration"
    process: str = text_field()
    days: str = text_field()


@attrs.frozen(kw_only=True)
class DurationValue(ClaimValue):
    """A duration claim's payload."""

    kind: Literal["duration"] = "duration"
    process: str
    days: str
    interval: Bounds | None = None

    def describe(self) -> str:
        return f"{self.process}: {self.days} days"


def _number(claim: Duration) -> Number | None:
    return number_or_none(claim.days)


def _check(claim: Duration, quotes: Sequence[Quote], lexicon: Lexicon) -> Iterable[FieldProblem]:
    return check_numbers([("days", claim.days, None)], None, quotes)


def _encode(claim: Duration) -> DurationValue:
    number = _number(claim)
    return DurationValue(process=claim.process, days=claim.days,
                         interval=None if number is None else bounds(number.interval))


def _synthesise(rng: random.Random, subject: str, like: Mapping[str, Any] | None) -> SyntheticClaim:
    days = rng.randint(11, 99) if like is None else int(like["days"]) + 7
    return SyntheticClaim(fields={"process": "the review", "days": str(days)},
                          sentence=f"In {{period}}, {{who}} said the review took {days} days.")


KIND: ClaimKind[Duration] = ClaimKind(
    name="duration", record=Duration, family="numeric", key_fields=("process",),
    number=_number, category=no_category, check_value=_check, check_references=no_references,
    number_fields=("days",), value_type=DurationValue, encode=_encode,
    schema=value_schema("duration", {"process": STRING, "days": STRING, "interval": INTERVAL},
                        required=("days", "process")),
    synthesise=_synthesise)

# --- a corpus that uses it ----------------------------------------------------------------------

TEXT = """Review of the force

The Watchdog said the review of the force took 45 days.

The Commissioner said the review of the force took 30 days.

The Commissioner also said the inquiry took 12 days.
"""


def _duration(ident: str, party: str, days: Any, quote: str, process: str = "the review") -> str:
    value = json.dumps(days) if not isinstance(days, bool) else str(days).lower()
    return textwrap.dedent(f"""
        [[claim]]
        id = "{ident}"
        kind = "duration"
        party = "{party}"
        subject = "force"
        topic = "officer-numbers"
        period = "2021"
        process = "{process}"
        days = {value}

        [[claim.evidence]]
        source = "report"
        quote = "{quote}"
        """)


CLAIMS = (_duration("watchdog-review", "watchdog", "45", "the review of the force took 45 days")
          + _duration("commissioner-review", "commissioner", 30,
                      "the review of the force took 30 days")
          + _duration("commissioner-inquiry", "commissioner", "14", "the inquiry took 12 days",
                      process="the inquiry"))

KINDS = installed_kinds(extra=[KIND])


@pytest.fixture
def root(make_corpus: Builder) -> Path:
    return make_corpus(text=TEXT.encode(), claims=CLAIMS)


def test_it_loads_as_its_own_record(root: Path) -> None:
    corpus = factcheck.load(root, kinds=KINDS)
    assert {c.id: type(c) for c in corpus.claims} == {
        "watchdog-review": Duration, "commissioner-review": Duration,
        "commissioner-inquiry": Duration}
    # written bare, a number is kept as the text it states
    assert corpus.claim("commissioner-review").days == "30"  # type: ignore[attr-defined]


def test_without_the_kind_registered_the_claims_are_located_errors(root: Path) -> None:
    with pytest.raises(InputError) as caught:
        factcheck.load(root, kinds=installed_kinds())
    problems = caught.value.problems
    assert len(problems) == 3
    assert all(p.location.field == "kind" and p.location.file == "claims/main.toml"
               for p in problems)
    assert "unknown kind 'duration'" in problems[0].message


def test_bad_values_are_located_errors(make_corpus: Builder) -> None:
    bad = (_duration("typed-wrong", "watchdog", True, "took 45 days")
           + _duration("no-days", "watchdog", "45", "took 45 days").replace('days = "45"\n', "")
           + _duration("extra", "watchdog", "45", "took 45 days").replace(
               'days = "45"', 'days = "45"\nweeks = "6"'))
    root = make_corpus(text=TEXT.encode(), claims=bad)
    with pytest.raises(InputError) as caught:
        factcheck.load(root, kinds=KINDS)
    found = {(p.location.claim, p.location.field): p for p in caught.value.problems}
    assert set(found) == {("typed-wrong", "days"), ("no-days", "days"), ("extra", "weeks")}
    assert "expected a string" in found["typed-wrong", "days"].message
    assert "required field missing" in found["no-days", "days"].message
    assert "unknown field 'weeks'" in found["extra", "weeks"].message
    lines = (root / "claims" / "main.toml").read_text().splitlines()
    assert lines[found["typed-wrong", "days"].location.line - 1].startswith("days = true")
    assert lines[found["extra", "weeks"].location.line - 1].startswith("weeks =")


def test_it_anchors_and_its_value_is_checked(root: Path) -> None:
    result = factcheck.audit(factcheck.load(root, kinds=KINDS))
    by_id = {r.claim.id: r for r in result.results}
    assert all(a is not None and a.match == "exact" for r in result.results for a in r.anchors)
    assert by_id["watchdog-review"].ok and by_id["commissioner-review"].ok
    (problem,) = by_id["commissioner-inquiry"].problems
    assert problem.check == "value"
    assert "days '14'" in problem.message and "'12 days'" in problem.message


def test_the_rules_compare_it_by_its_family(root: Path) -> None:
    result = factcheck.audit(factcheck.load(root, kinds=KINDS))
    pairs = {(f.rule, f.severity, f.claims) for f in result.findings}
    assert pairs == {("value-conflict", "contradiction",
                      ("commissioner-review", "watchdog-review"))}


def test_it_is_in_the_json_report_valid_against_the_schemas(root: Path) -> None:
    result = factcheck.audit(factcheck.load(root, kinds=KINDS))
    text = dumps(build_report(result))
    data = json.loads(text)
    value = next(c["value"] for c in data["claims"] if c["id"] == "watchdog-review")
    assert value == {"kind": "duration", "process": "the review", "days": "45",
                     "interval": [45.0, 45.0]}  # a whole number below 100 is exact
    for schema in (report_schema(), report_schema(KINDS)):
        jsonschema.Draft202012Validator.check_schema(schema)
        assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []
    # the assembled schema is strict about the kind's own fields; the shipped one is not
    value["days"] = 45
    assert list(jsonschema.Draft202012Validator(report_schema(KINDS)).iter_errors(data))
    assert load_report(text, kinds=KINDS) == build_report(result)


ENTRY_POINTS = """[factcheck.kinds]
duration = tests.test_third_party_kind:KIND
"""


def test_the_pytest_plugin_collects_it_through_the_entry_point(pytester: pytest.Pytester) -> None:
    site = pytester.mkdir("site")
    info = site / "duration_kind-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: duration-kind\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(ENTRY_POINTS)
    pytester.syspathinsert(site)
    (pytester.path / "seeds").mkdir()
    (pytester.path / "seeds" / "report.txt").write_bytes(TEXT.encode())
    from .conftest import sources_toml
    (pytester.path / "seeds" / "sources.toml").write_text(sources_toml(TEXT.encode()))
    (pytester.path / "claims").mkdir()
    (pytester.path / "claims" / "parties.toml").write_text(PARTIES)
    (pytester.path / "claims" / "topics.toml").write_text(TOPICS)
    (pytester.path / "claims" / "main.toml").write_text(CLAIMS)
    assert sha(TEXT.encode()) in (pytester.path / "seeds" / "sources.toml").read_text()
    assert "duration" in installed_kinds().kinds
    result = pytester.runpytest("claims/", "-v", "--factcheck")
    result.stdout.fnmatch_lines([
        "*main.toml::watchdog-review PASSED*",
        "*main.toml::commissioner-review PASSED*",
        "*main.toml::commissioner-inquiry FAILED*",
        "*main.toml::D-* FAILED*",
    ])
    result.assert_outcomes(passed=2, failed=2)
