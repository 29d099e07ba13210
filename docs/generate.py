"""Fill the generated parts of docs/reference/ from the code, so the reference stays true.

The Markdown files are hand-written; each part between ``<!-- generated: NAME -->`` and
``<!-- end generated -->`` is rewritten from the code: field tables of the data records
(``fields: Source``), every claim kind (``kinds``), every rule (``rules``), the evidence
checks (``checks``), the pytest markers (``markers``). New kinds and rules appear by
themselves. Run ``python docs/generate.py`` to rewrite, ``--check`` to fail when stale.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import re
import sys
import textwrap
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

from factcheck.corpus import records
from factcheck.corpus.kinds import BUILTIN, ClaimKind
from factcheck.pytest_items import SEVERITY_MARKERS, VERDICT_MARKERS
from factcheck.reports.sarif import CHECKS
from factcheck.rules import builtin_rules
from factcheck.text.dates import PartialDate, Period

REFERENCE = Path(__file__).parent / "reference"
BLOCK = re.compile(r"(<!-- generated: (?P<name>[^>]+?) -->\n)(?P<body>.*?)(<!-- end generated -->)",
                   re.DOTALL)
RECORDS: dict[str, type[Any]] = {
    name: getattr(records, name)
    for name in ("Source", "Party", "Speaker", "Topic", "GradingScale", "Term", "Exclusive",
                 "Evidence", "Claim", "Relation", "Verdict", "CoverageConfig", "Ignore")
}


# --- fields -----------------------------------------------------------------------------------

NOTES: dict[str, str] = {
    # Hand-written meanings of fields the code documents only by their names; a docstring under
    # the attribute in the code wins over these.
    "Source.id": "The id claims cite in `evidence.source`.",
    "Source.path": "The text file, relative to the sources folder.",
    "Source.title": "The title as published.",
    "Source.publisher": "Who published it (an outlet, the body itself).",
    "Source.published": "When it was published.",
    "Source.kind": "What sort of document it is.",
    "Source.sha256": "The sha256 of the file's bytes: a changed text is an error.",
    "Source.url": "Where it can be read.",
    "Source.date_evidence": "Where the publication date comes from, when the text does not say.",
    "Party.id": "The id claims cite in `party`.",
    "Party.name": "The name texts use for it.",
    "Party.role": "Its role in the story.",
    "Party.aliases": "Other names texts use for it (acronyms, short names).",
    "Speaker.id": "The id claims cite in `speaker`.",
    "Speaker.party": "The party the person speaks for.",
    "Speaker.name": "The name texts use for the person.",
    "Speaker.title": "Their post ('Chief Constable').",
    "Speaker.aliases": "Other names texts use ('Mr Doe').",
    "Topic.id": "The id claims cite in `topic`.",
    "Topic.description": "What the topic covers.",
    "GradingScale.id": "The id `rating` claims cite in `scale`.",
    "GradingScale.grades": "The grades, best first.",
    "Term.topic": "The topic whose claims use it.",
    "Term.name": "The one name claims use for the thing.",
    "Term.field": "The key field that names it (`measure`, `item`...); any field when absent.",
    "Term.aliases": "Other names for the same thing; a claim using one is read as `name`.",
    "Term.description": "What the thing is.",
    "Exclusive.propositions": "Propositions (of `assessment` claims) of which one at most holds.",
    "Exclusive.topic": "The topic they belong to, when only that topic's claims count.",
    "Exclusive.note": "Why they exclude each other.",
    "Claim.kind": "The claim kind (see [Kinds](#kinds)).",
    "Claim.id": "A unique id: letters, digits and `-`; findings and verdicts cite it.",
    "Claim.party": "Whose claim it is (a `[[party]]` id).",
    "Claim.subject": "What the claim is about (the body, an area of it).",
    "Claim.topic": "A `[[topic]]` id.",
    "Claim.period": "When the claim is about.",
    "Claim.evidence": "One or more quotes that carry the claim.",
    "Claim.speaker": "The person who says it (a `[[speaker]]` id).",
    "Claim.stated": "When it was said; default: the first source's `published`.",
    "Claim.forecast": "A claim about the future: it may be about a period after it was stated.",
    "Claim.note": "Anything a reader should know; not checked.",
    "Evidence.source": "A source id.",
    "Evidence.quote": "The source's exact words (quotes, dashes and spaces may differ).",
    "Evidence.prefix": "Words just before the quote, when it appears more than once.",
    "Evidence.suffix": "Words just after the quote, when it appears more than once.",
    "Relation.id": "A unique id.",
    "Relation.kind": "Which arithmetic link it declares.",
    "Relation.note": "Why the figures should be linked.",
    "Relation.add": "`sum`: the claims added.",
    "Relation.subtract": "`sum`: the claims taken away.",
    "Relation.total": "`sum`, `count`: the claim that is the total.",
    "Relation.part": "`share`: the claim that is the part.",
    "Relation.whole": "`share`: the claim that is the whole.",
    "Relation.share": "`share`: the claim that is the share (a per cent or a fraction).",
    "Relation.start": "`change`: the claim at the start.",
    "Relation.end": "`change`: the claim at the end.",
    "Relation.change": "`change`: the claim that is the change.",
    "Relation.members": "`count`: the claims counted; `membership`: one party's list.",
    "Relation.against": "`membership`: the other party's list.",
    "Verdict.finding": "The finding's id (`F-...`); or give `dispute`.",
    "Verdict.dispute": "The dispute's id (`D-...`): every finding in it without its own verdict.",
    "Verdict.verdict": "The decision.",
    "Verdict.note": "Why: the reader of the report sees it, and ClaimReview gives it whole.",
    "Verdict.reviewer": "Who decided.",
    "CoverageConfig.threshold": "The per cent of statements covered under which coverage fails.",
    "CoverageConfig.graded_words": "Words that grade, beyond the grades of the scales.",
    "CoverageConfig.ignore": "Lines to leave out, each with its reason.",
    "Ignore.source": "A source id.",
    "Ignore.lines": "The lines.",
    "Ignore.reason": "Why they hold no statement worth a claim.",
    # Fields of the claim kinds, by name.
    "*.measure": "What is counted or measured.",
    "*.value": "The number as the source writes it ('2,221', 'five', '2.5 million').",
    "*.unit": "What the number counts ('officers', 'per cent').",
    "*.per": "The base of a rate ('100,000').",
    "*.tolerance": "A relative margin (0.05 is 5%) within which two values agree.",
    "*.window": "The window a figure covers, when the source says.",
    "*.direction": "Whether it rose or fell.",
    "*.by": "The size of the change.",
    "*.from_value": "The value before.",
    "*.to_value": "The value after.",
    "*.scale": "A `[[scale]]` id.",
    "*.area": "What is graded.",
    "*.grade": "One of the scale's grades.",
    "*.wording": "The source's own words for the value, when they differ from it.",
    "*.cue": "The words of the quote that carry the value.",
    "*.item": "What has a state.",
    "*.state": "The state it is in.",
    "*.position": "Its place ('first', 'bottom', 'third').",
    "*.among": "What it is ranked among.",
    "*.proposition": "What the party says holds, or does not.",
    "*.holds": "Whether the party says it holds.",
    "*.resolution": "Whether the claim calls an issue resolved, in progress, or needing more.",
    "*.outcome": "What came about.",
    "*.cause": "What the party says brought it about.",
    "*.stance": "Whether the party disputes or accepts.",
    "*.target_party": "The party whose claim or decision it disputes or accepts.",
    "*.about": "What is disputed or accepted.",
    "*.target": "The id of the claim disputed or accepted.",
    "*.targets": "Several such claim ids.",
    "*.target_source": "A source whose claims by `target_party` are all disputed or accepted.",
}


def note_for(cls: type[Any], name: str, docs: dict[str, str]) -> str:
    """The field's docstring in the code, else its hand-written note."""
    if name in docs:
        return docs[name]
    for klass in cls.__mro__:
        if f"{klass.__name__}.{name}" in NOTES:
            return NOTES[f"{klass.__name__}.{name}"]
    return NOTES.get(f"*.{name}", "")



def attribute_docs(cls: type[Any]) -> dict[str, str]:
    """The docstrings written under a class's attributes (and its bases'), by attribute name."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if klass is object or klass.__module__ == "builtins":
            continue
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(klass)))
        except (OSError, TypeError):
            continue
        body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
        for statement, following in zip(body, [*body[1:], None], strict=True):
            if (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
                    and isinstance(following, ast.Expr)
                    and isinstance(following.value, ast.Constant)
                    and isinstance(following.value.value, str)):
                docs[statement.target.id] = " ".join(following.value.value.split())
    return docs


def type_text(hint: Any) -> str:
    """A field's type as a data file writes it."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return " \\| ".join(f'`"{a}"`' for a in args)
    if origin in (typing.Union, types.UnionType):
        kept = [a for a in args if a is not type(None)]
        return " \\| ".join(type_text(a) for a in kept)
    if origin is tuple:
        return f"list of {type_text(args[0])}" if args else "list"
    if origin is not None and isinstance(origin, type) and issubclass(origin, typing.Mapping):
        return "table"
    names = {str: "string", bool: "boolean", int: "integer", float: "number",
             PartialDate: "date (`2021`, `2021-06`, `2021-06-01`)",
             Period: "period (a date, or `start/end`)"}
    if hint in names:
        return names[hint]
    if isinstance(hint, type) and attrs.has(hint):
        return f"table ({hint.__name__})"
    return getattr(hint, "__name__", str(hint))


def _required(field: attrs.Attribute[Any]) -> bool:
    return field.default is attrs.NOTHING


def field_rows(cls: type[Any], *, skip: frozenset[str] = frozenset(),
               extra: Callable[[str], str] = lambda name: "") -> Iterator[list[str]]:
    hints = typing.get_type_hints(cls)
    docs = attribute_docs(cls)
    for field in attrs.fields(cls):
        if field.name in skip:
            continue
        note = " ".join(part for part in (note_for(cls, field.name, docs), extra(field.name)) if part)
        yield [f"`{field.name}`", type_text(hints[field.name]),
               "yes" if _required(field) else "no", note]


def table(header: list[str], rows: Iterator[list[str]] | list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("\n", " ") for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def fields(name: str) -> str:
    cls = RECORDS[name]
    return table(["field", "type", "required", "meaning"], list(field_rows(cls)))


# --- kinds, rules, checks, markers ------------------------------------------------------------


def kind_section(kind: ClaimKind[Any]) -> str:
    base = frozenset(a.name for a in attrs.fields(records.Claim))

    def extra(name: str) -> str:
        notes = []
        if name in kind.key_fields:
            notes.append("Part of the comparison key" + (" (the thing the claim is about)."
                                                         if name == kind.key_fields[0] else "."))
        if name in kind.number_fields:
            notes.append("May be written as a bare number.")
        return " ".join(notes)

    doc = inspect.getdoc(kind.record) or kind.name
    lines = [f"### `{kind.name}`", "", doc, "",
             f"Family: {kind.family}. Compared with claims that share subject, topic, kind and "
             + ", ".join(f"`{k}`" for k in kind.key_fields) + ".", "",
             f'`kind = "{kind.name}"`, the [common fields](#common-fields), and:', "",
             table(["field", "type", "required", "meaning"],
                   list(field_rows(kind.record, skip=base, extra=extra)))]
    return "\n".join(lines)


def kinds() -> str:
    return "\n".join(kind_section(kind) for kind in sorted(BUILTIN, key=lambda k: k.name))


def rules() -> str:
    rows = []
    for rule in builtin_rules():
        reads = [f"`{k}`" for k in rule.kinds] + [f"{f} kinds" for f in rule.families]
        doc = inspect.getdoc(rule.check) or rule.description
        rows.append([f"`{rule.id}`", rule.scope, ", ".join(reads),
                     " ".join(doc.split("\n\n", 1)[0].split())])
    return table(["rule", "scope", "reads", "fires on"], rows)


def checks() -> str:
    return table(["check", "level", "what it checks"],
                 [[f"`{name}`", level, text] for name, (text, level) in CHECKS.items()])


def markers() -> str:
    rows = [["`party_<party id>`", "the claim's party; for a dispute, every party in it"],
            ["`kind_<kind>`", "the claim's kind; for a dispute, its claims' kinds"],
            ["`rule_<rule id>`", "a rule with a finding on the claim (or in the dispute)"]]
    rows += [[f"`{s}`", f"a finding of severity {s} on the claim or in the dispute"]
             for s in SEVERITY_MARKERS]
    rows += [[f"`{v}`", f"a finding whose verdict is {v}" if v != "unreviewed"
              else "a finding that needs a verdict and has none"] for v in VERDICT_MARKERS]
    rows.append(["`stale`", "a verdict whose finding no longer exists"])
    return table(["marker", "on items with"], rows)


GENERATORS: dict[str, Callable[[], str]] = {"kinds": kinds, "rules": rules, "checks": checks,
                                            "markers": markers}


def render(name: str) -> str:
    if name.startswith("fields: "):
        return fields(name.removeprefix("fields: "))
    return GENERATORS[name]()


def regenerate(text: str) -> str:
    """The document with every generated part rewritten."""
    return BLOCK.sub(lambda m: m.group(1) + "\n" + render(m.group("name")) + "\n" + m.group(4), text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 when a file is out of date")
    args = parser.parse_args(argv)
    stale = []
    for path in sorted(REFERENCE.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        new = regenerate(text)
        if new != text:
            stale.append(path.name)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    if args.check and stale:
        print("out of date (run python docs/generate.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
