"""The JSON Schema of the report: as shipped, or assembled for the claim kinds a corpus uses.

The shipped schema (`schemas/factcheck-report-1.schema.json`) describes the built-in kinds'
values exactly and accepts a value of any other kind as an object with a `kind`. Given a
registry, `report_schema` replaces that allowance with each registered kind's own schema
fragment, so a report that uses a third-party kind is checked as strictly as the built-in ones.
"""

from __future__ import annotations

import copy
import json
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..corpus import KindRegistry
from .records import SCHEMA_FILE

ID_PATTERN = "^[a-z0-9][a-z0-9._-]*$"


def shipped_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the report, as shipped in the package."""
    text = (files("factcheck") / "schemas" / SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def value_definition(kind: str) -> str:
    """The name under `$defs` of a kind's value schema: 'quantityValue'."""
    return f"{kind}Value"


def shipped_form(kinds: KindRegistry) -> dict[str, Any]:
    """The schema as it should ship for `kinds` (the built-in ones): their fragments exactly, and
    any other kind's value admitted as an object with a `kind`. A test compares it with the file;
    `python -c 'from factcheck.reports.schema import main; main()'` writes it."""
    schema = report_schema(kinds)
    definitions = schema["$defs"]
    names = list(kinds.names)
    definitions["extensionValue"] = {
        "type": "object", "required": ["kind"],
        "properties": {"kind": {"type": "string", "pattern": ID_PATTERN, "not": {"enum": names}}},
        "description": "The value of a claim kind that a package registers; "
                       "factcheck.reports.report_schema(kinds) gives its exact schema."}
    claim = definitions["claim"]
    claim["properties"]["kind"] = {
        "type": "string", "pattern": ID_PATTERN,
        "description": "The claim's kind: a built-in one, or one a package registers under the "
                       "factcheck.kinds entry points."}
    claim["properties"]["value"]["oneOf"].append({"$ref": "#/$defs/extensionValue"})
    return schema


def report_schema(kinds: KindRegistry | None = None) -> dict[str, Any]:
    """The report's schema: the shipped one, or with `kinds`, one that knows exactly those kinds."""
    schema = shipped_schema()
    if kinds is None:
        return schema
    schema = copy.deepcopy(schema)
    definitions = schema["$defs"]
    definitions.pop("extensionValue", None)
    for name, kind in kinds.kinds.items():
        definitions[value_definition(name)] = copy.deepcopy(dict(kind.schema))
    claim = definitions["claim"]
    claim["properties"]["kind"] = {"enum": list(kinds.names)}
    claim["properties"]["value"] = {
        "oneOf": [{"$ref": f"#/$defs/{value_definition(name)}"} for name in kinds.names]}
    claim["allOf"] = [
        {"if": {"properties": {"kind": {"const": name}}},
         "then": {"properties": {"value": {"properties": {"kind": {"const": name}}}}}}
        for name in kinds.names]
    return schema


def main() -> None:
    """Write the shipped schema for the built-in kinds into the package's source folder."""
    from ..corpus import builtin_kinds

    path = Path(__file__).parents[1] / "schemas" / SCHEMA_FILE
    path.write_text(json.dumps(shipped_form(builtin_kinds()), indent=2, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    print(f"wrote {path}")

