"""`factcheck audit --fix`: the fixes that are certain, written into the claim files.

One for now: a quote that anchors only after normalising (curly quotes typed straight, a dash
typed as a hyphen, runs of spaces) at exactly one place is rewritten to the source's exact
words. Only a one-line string of a TOML claim file is rewritten; the rest of the file is
kept byte for byte, and each file is written atomically once it parses with only those quotes
changed.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import attrs

from ..auditing import Audit
from ..errors import Location
from .editing import read_raw, replace_value, write_checked


@attrs.frozen(kw_only=True)
class Fix:
    """A quote rewritten (or, when `applied` is false, one that could not be rewritten safely)."""

    location: Location
    old: str
    new: str
    applied: bool


def quote_fixes(result: Audit) -> dict[str, list[tuple[str, int, str, str]]]:
    """The certain quote fixes, by claim file: (claim id, evidence index, old quote, exact words)."""
    corpus = result.corpus
    found: dict[str, list[tuple[str, int, str, str]]] = {}
    for item in result.results:
        origin = corpus.origins.get(item.claim.id)
        if origin is None:
            continue
        for number, (evidence, anchor) in enumerate(zip(item.claim.evidence, item.anchors, strict=True)):
            if anchor is None or anchor.match != "normalised" or anchor.candidates != 1:
                continue
            exact = corpus.texts[evidence.source][anchor.start:anchor.end]
            if exact != evidence.quote:
                found.setdefault(origin.file, []).append((item.claim.id, number, evidence.quote, exact))
    return found


def apply_quote_fixes(result: Audit) -> list[Fix]:
    """Rewrite every certain quote fix into its TOML claim file; JSON-lines files are left alone
    (reported with `applied` false)."""
    root = Path(result.corpus.root)
    fixes: list[Fix] = []
    for name, wanted in sorted(quote_fixes(result).items()):
        path = root / name
        if path.suffix != ".toml":
            fixes += [Fix(location=Location(file=name, claim=c, field=f"evidence[{n}].quote"),
                          old=old, new=new, applied=False) for c, n, old, new in wanted]
            continue
        raw, doc = read_raw(path, name)
        expected: dict[str, Any] = copy.deepcopy(doc.data)
        claims = doc.data.get("claim", [])
        index_of = {c.get("id"): i for i, c in enumerate(claims) if isinstance(c, dict)}
        done: list[Fix] = []
        for claim, number, old, new in wanted:
            index = index_of.get(claim)
            line = doc.line_of("claim", index, ("evidence", number, "quote")) if index is not None else None
            updated = replace_value(raw, line, "quote", old, new) if line is not None else None
            where = Location(file=name, line=line, claim=claim, field=f"evidence[{number}].quote")
            if updated is None or index is None:
                done.append(Fix(location=where, old=old, new=new, applied=False))
                continue
            raw = updated
            expected["claim"][index]["evidence"][number]["quote"] = new
            done.append(Fix(location=where, old=old, new=new, applied=True))
        if any(f.applied for f in done):
            write_checked(path, name, raw, expected)
        fixes += done
    return fixes
