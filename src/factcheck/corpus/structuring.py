"""Structuring the tables of a data file into records, every problem located at its line.

Each `[[table]]` entry is checked for unknown keys (with a did-you-mean), then structured by
the one strict converter; attrs validators' and cattrs' failures become (field path, message)
pairs and then problems naming the file, line, claim id and field. Nothing here knows which
file holds what: `loading` says which table becomes which record.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar, cast

import attrs

from ..errors import Location, Problem, did_you_mean, path_text
from .convert import converter, error_paths, fast_converter, quick_structurer, validator_message
from .datafiles import JsonLinesFile, TomlFile
from .records import Evidence

T = TypeVar("T")



@attrs.define
class Collector:
    """Problems found so far; the only mutable thing in loading, and local to one load."""

    problems: list[Problem] = attrs.Factory(list)

    def add(self, message: str, *, file: str | None = None, line: int | None = None,
            claim: str | None = None, field: str | None = None) -> None:
        self.problems.append(Problem(check="input", message=message, location=Location(
            file=file, line=line, claim=claim, field=field)))

    def extend(self, *, file: str, fields: Iterable[tuple[str, str]]) -> None:
        for field, message in fields:
            self.add(message, file=file, field=field)


def field_name(path: tuple[str | int, ...]) -> str | None:
    return path_text(path) or None


@functools.lru_cache(maxsize=64)
def attr_names(cls: Any) -> frozenset[str]:
    return frozenset(a.name for a in attrs.fields(cls))


def _unknown_keys(raw: dict[str, Any], cls: type, path: tuple[str | int, ...] = ()) -> Iterable[
        tuple[tuple[str | int, ...], str]]:
    names = attr_names(cls)
    for key in raw:
        if key not in names:
            hint = did_you_mean(key, [a.name for a in attrs.fields(cls)])
            yield (*path, key), f"unknown field {key!r}{hint}"


def structure_records(doc: TomlFile | JsonLinesFile, table: str, cls: type[T], out: Collector,
             prepare: Callable[[dict[str, Any], int], tuple[type[T], tuple[str, ...]] | None]
             | None = None) -> list[tuple[T, int]]:
    """Structure every `[[table]]` of a file into `cls`, reporting each problem at its line.

    A record is made by its class's `quick_structurer` in one call; one it refuses, whose keys
    are all known, by `fast_converter`; any other, or one that refuses too, is looked at again
    field by field, and every problem found is reported."""
    raw_list = doc.data.get(table, [])
    if not isinstance(raw_list, list):
        out.add(f"'{table}' must be an array of tables ([[{table}]])", file=doc.name, field=table)
        return []
    records: list[tuple[T, int]] = []
    hooks: dict[type[T], Callable[[Any, type[T]], T]] = {}
    for index, raw in enumerate(raw_list):
        if not isinstance(raw, dict):
            out.add(f"each '{table}' must be a table", file=doc.name,
                    line=doc.table_line(table, index))
            continue
        target, number_fields = cls, cast(tuple[str, ...], ())
        if prepare is not None:
            chosen = prepare(raw, index)
            if chosen is None:
                continue
            target, number_fields = chosen
        if (quick := quick_structurer(cast(Hashable, target))) is not None:
            try:  # it refuses a bare number in a number field: its text is made below
                records.append((quick(raw), index))
                continue
            except Exception:  # looked at again below, where what is wrong is said
                pass
        if number_fields:
            raw = _with_number_text(raw, number_fields)
        if not _keys_known(raw, target):
            bad = list(_unknown_keys(raw, target))
            if "evidence" in attr_names(cast(Hashable, target)) and isinstance(
                    raw.get("evidence"), list):
                for number, item in enumerate(raw["evidence"]):
                    if isinstance(item, dict):
                        bad.extend(_unknown_keys(item, Evidence, ("evidence", number)))
            for path, message in bad:
                _report(out, doc, table, index, raw, path, message)
            if bad:
                continue
        try:
            hook = hooks.get(target)
            if hook is None:
                hook = hooks[target] = fast_converter.get_structure_hook(target)
            record = hook(raw, target)
        except Exception:  # read again below, where the failure is explained
            try:
                record = converter.structure(raw, target)
            except Exception as exc:  # cattrs groups every field's failure; attrs validators raise
                for path, message in _explain(exc):
                    _report(out, doc, table, index, raw, path, message)
                continue
        records.append((record, index))
    return records


_EVIDENCE_KEYS = frozenset(a.name for a in attrs.fields(Evidence))


def _keys_known(raw: dict[str, Any], cls: type) -> bool:
    """Whether `_unknown_keys` finds nothing in a record and its evidence, found by set
    comparisons of their keys."""
    names = attr_names(cls)
    if not raw.keys() <= names:
        return False
    evidence = raw.get("evidence")
    if "evidence" not in names or not isinstance(evidence, list):
        return True
    return all(item.keys() <= _EVIDENCE_KEYS for item in evidence if isinstance(item, dict))


def _report(out: Collector, doc: TomlFile | JsonLinesFile, table: str, index: int,
            raw: dict[str, Any], path: tuple[str | int, ...], message: str) -> None:
    """A problem of the `index`-th record of `table`, at its line, with the claim's id."""
    ident = raw.get("id") if isinstance(raw.get("id"), str) else None
    out.add(message, file=doc.name, line=doc.line_of(table, index, path),
            claim=ident if table == "claim" else None, field=field_name(path) or None)


def _with_number_text(raw: dict[str, Any], number_fields: tuple[str, ...]) -> dict[str, Any]:
    """Numbers may be written bare (`value = 5`); they are kept as the text they state."""
    if not any(isinstance(raw.get(key), int | float) for key in number_fields):
        return raw
    fixed = dict(raw)
    for key in number_fields:
        value = fixed.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            fixed[key] = repr(value)
    return fixed


def _explain(exc: Exception) -> Iterable[tuple[tuple[str | int, ...], str]]:
    if isinstance(exc, ValueError | TypeError) and len(exc.args) >= 2 and isinstance(
            exc.args[1], attrs.Attribute):
        attribute = exc.args[1]
        yield (attribute.name,), validator_message(exc, attribute.name)
        return
    if isinstance(exc, ValueError | TypeError) and not hasattr(exc, "exceptions"):
        yield (), str(exc)
        return
    yield from error_paths(exc)


def index_records(records: list[tuple[T, int]], doc: TomlFile, table: str, what: str,
           out: Collector) -> dict[str, T]:
    found: dict[str, T] = {}
    for record, index in records:
        key: str = getattr(record, "id")  # noqa: B009 - every indexed record has an id
        if key in found:
            out.add(f"duplicate {what} id {key!r}", file=doc.name,
                    line=doc.table_line(table, index), field="id")
        else:
            found[key] = record
    return found
