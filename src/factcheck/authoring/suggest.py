"""`factcheck suggest`: claim skeletons, in TOML, for the statements of a source no claim covers.

Coverage (`checks/coverage.py`) finds each uncovered number and graded word; a skeleton
quotes the sentence that holds it in the source's exact words, with the kind read from the
statement (a number is a quantity, a number per something a rate, a rise or fall a change,
a grade a rating) and its
value filled in. The fields only a reader can fill (what is counted, its subject, the party
when the source is not one party's own words) are left empty, so an unfilled skeleton fails
to load instead of passing as a claim nobody wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs
import tomli_w

from ..auditing import Audit
from ..checks.coverage import Statement
from ..errors import FactcheckError, UsageError, did_you_mean
from ..text.anchoring import resolve
from ..text.numbers import NumberMention, find_numbers

_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s)|\n[ \t]*\n")
_PER_CENT = re.compile(r"%|per ?cent", re.IGNORECASE)
_CHANGE = re.compile(r"\b(?:(rose|risen|rises|increased|increases|grew|grown|up)|"
                     r"(fell|fallen|falls|decreased|decreases|dropped|down|cut|reduced))\s+(?:by\s+)?$",
                     re.IGNORECASE)
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
           "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_DAY_BEFORE = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b")
_DAY_AFTER = re.compile(rf"\b(?:{_MONTHS})\s+$")


@attrs.frozen(kw_only=True)
class Suggestion:
    """A claim skeleton for one uncovered statement."""

    statement: Statement
    kind: str
    quote: str
    toml: str


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence (within its paragraph) that holds `text[start:end]`."""
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    after = _SENTENCE_END.search(text, end)
    stop = after.end() if after and not after.group(0).startswith("\n") else (
        after.start() if after else len(text))
    while begin < stop and text[begin].isspace():
        begin += 1
    while stop > begin and text[stop - 1].isspace():
        stop -= 1
    return begin, stop


def part_of_a_date(text: str, statement: Statement) -> bool:
    """Whether a number is a year, or the day of a date ('14 April', 'April 14')."""
    if statement.kind != "number":
        return False
    if _YEAR.match(statement.text):
        return True
    return statement.text.isdigit() and bool(
        _DAY_BEFORE.match(text[statement.end:statement.end + 12])
        or _DAY_AFTER.search(text[max(0, statement.start - 12):statement.start]))


def _fields(result: Audit, statement: Statement, mention: NumberMention | None,
            before: str) -> tuple[str, dict[str, object]]:
    """The skeleton's kind and its value fields, from what the statement states."""
    if statement.kind == "graded":
        grade = statement.text.lower()
        scales = [s.id for s in result.corpus.scales.values() if grade in s.grades]
        return "rating", {"scale": scales[0] if len(scales) == 1 else "", "area": "", "grade": grade}
    unit = "per cent" if _PER_CENT.search(statement.text) else ""
    if (change := _CHANGE.search(before)) is not None:
        direction = "increase" if change.group(1) else "decrease"
        return "change", {"measure": "", "direction": direction, "by": statement.text,
                          **({"unit": unit} if unit else {})}
    if mention is not None and mention.number.per is not None:
        return "rate", {"measure": "", "value": statement.text, "per": f"{mention.number.per:g}",
                        "unit": unit}
    return "quantity", {"measure": "", "value": statement.text, "unit": unit}


def _is_base(mention: NumberMention | None, rates: Iterable[NumberMention]) -> bool:
    """Whether a number is the base of a rate stated just before it ('per 1,000')."""
    return mention is not None and any(
        rate.number.per == mention.number.value and 0 <= mention.start - rate.end <= 40 for rate in rates)


def _period(result: Audit, source: str, quote: str) -> str:
    years = sorted({y for y in re.findall(r"\b(?:1[89]|20)\d\d\b", quote)})
    if not years:
        return str(result.corpus.sources[source].published.start.year)
    return years[0] if len(years) == 1 else f"{years[0]}/{years[-1]}"


def suggest(result: Audit, source: str) -> list[Suggestion]:
    """A skeleton for each statement of `source` that no claim's quote covers; years and days of
    dates are left out (they are periods or datelines, see `dates_left_out`)."""
    corpus = result.corpus
    if source not in corpus.sources:
        raise UsageError(f"no source {source!r}{did_you_mean(source, corpus.sources)}; sources are "
                         + ", ".join(sorted(corpus.sources)))
    assert result.coverage is not None
    text = corpus.texts[source]
    party = corpus.sources[source].party or ""
    topic = next(iter(corpus.topics)) if len(corpus.topics) == 1 else ""
    found: list[Suggestion] = []
    taken: set[str] = {c.id for c in corpus.claims}
    mentions = {m.start: m for m in find_numbers(text)}
    rates = [m for m in mentions.values() if m.number.per is not None]
    for covered in result.coverage.sources:
        if covered.source != source:
            continue
        for statement in covered.uncovered:
            mention = mentions.get(statement.start) if statement.kind == "number" else None
            if part_of_a_date(text, statement) or _is_base(mention, rates):
                continue
            start, end = sentence(text, statement.start, statement.end)
            quote = text[start:end]
            kind, fields = _fields(result, statement, mention, text[max(0, statement.start - 20):
                                                                   statement.start])
            ident = _fresh(f"{source}-{statement.line}", taken)
            claim: dict[str, object] = {
                "id": ident, "kind": kind, "party": party, "subject": "", "topic": topic,
                "period": _period(result, source, quote), **fields}
            evidence: dict[str, str] = {"source": source, "quote": quote}
            try:
                resolve(text, quote)
            except FactcheckError:  # the sentence occurs more than once: say which one
                evidence["prefix"] = text[max(0, start - 40):start]
            found.append(Suggestion(statement=statement, kind=kind, quote=quote,
                                    toml=_render(claim, evidence, statement)))
    return found


def dates_left_out(result: Audit, source: str) -> list[Statement]:
    """The uncovered statements of `source` that are days of dates, which `suggest` leaves out
    (years are left out silently: a claim's quote covers them with its sentence)."""
    text = result.corpus.texts[source]
    assert result.coverage is not None
    return [s for c in result.coverage.sources if c.source == source for s in c.uncovered
            if part_of_a_date(text, s) and not _YEAR.match(s.text)]


def _fresh(ident: str, taken: set[str]) -> str:
    candidate, n = ident, 2
    while candidate in taken:
        candidate, n = f"{ident}-{n}", n + 1
    taken.add(candidate)
    return candidate


_HINTS = {
    "party": "whose claim it is: an id from parties.toml",
    "subject": "what the claim is about, e.g. the body it describes",
    "topic": "an id from topics.toml",
    "period": "the time it is about (read from the sentence or the source's date: check it)",
    "measure": "what is counted",
    "unit": "what the number counts",
    "area": "the area graded, as the text names it",
    "scale": "a scale id from topics.toml",
}


def _render(claim: dict[str, object], evidence: dict[str, str], statement: Statement) -> str:
    """The skeleton as TOML, each field a reader must fill or check followed by a hint."""
    lines = [f"# line {statement.line}: {statement.kind} {statement.text!r}", "[[claim]]"]
    for key, value in claim.items():
        line = tomli_w.dumps({key: value}).rstrip("\n")
        hint = _HINTS.get(key) if (value == "" or key == "period") else None
        lines.append(f"{line:<32} # {hint}" if hint else line)
    lines += ["", "[[claim.evidence]]", tomli_w.dumps(evidence).rstrip("\n"), ""]
    return "\n".join(lines)


def render_all(suggestions: Iterable[Suggestion]) -> str:
    """Every skeleton, ready to paste into a claims file."""
    return "\n".join(s.toml for s in suggestions)
