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
from typing import Any

from ..corpus import KindRegistry
from .records import SCHEMA_FILE


def shipped_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the report, as shipped in the package."""
    text = (files("factcheck") / "schemas" / SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def value_definition(kind: str) -> str:
    """The name under `$defs` of a kind's value schema: 'quantityValue'."""
    return f"{kind}Value"


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
