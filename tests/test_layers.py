"""The package's folders are layers of the data flow: a module imports only from its own layer or
the layers below, no import cycle exists (not even under TYPE_CHECKING), and modules stay small.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "src" / "factcheck"

LAYERS = (
    ("factcheck.errors",),
    ("factcheck.text",),
    ("factcheck.corpus",),
    ("factcheck.checks",),
    ("factcheck.rules",),
    ("factcheck.map_step", "factcheck.auditing", "factcheck.distributed"),
    ("factcheck.reports",),
    ("factcheck.testing", "factcheck.cli", "factcheck.pytest_plugin", "factcheck.pytest_items",
     "factcheck.cli_streams",
     "factcheck.__main__", "factcheck.settings", "factcheck"),
)
"""From the bottom up; a module may import from its own layer and those listed before it."""

MAX_LINES = 400
"""A module longer than this says why in its docstring, in a sentence starting "Long because"."""


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> Iterator[str]:
    """Every factcheck module `name` imports, wherever the import statement stands."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = [f"{module}.{alias.name}" for alias in node.names
                       if f"{module}.{alias.name}" in MODULES] or [module]
        else:
            continue
        for target in targets:
            if target in MODULES:
                yield target


def _layer(name: str) -> int:
    best = (-1, -1)  # (length of the matching prefix, layer)
    for rank, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > best[0]:
                best = (len(prefix), rank)
    assert best[1] >= 0, f"{name} is in no layer"
    return best[1]


GRAPH = {name: set(_imports(name, path)) - {name} for name, path in MODULES.items()}


def test_the_module_list_is_read() -> None:
    assert {"factcheck.text.numbers", "factcheck.corpus.kinds.quantity", "factcheck.rules.engine",
            "factcheck.reports.json_report", "factcheck.cli"} <= set(MODULES)
    assert "factcheck.corpus.records" in GRAPH["factcheck.corpus.kinds.quantity"]
    assert "factcheck.text.numbers" in GRAPH["factcheck.corpus.kinds.quantity"]


def test_no_module_imports_from_a_layer_above_its_own() -> None:
    upward = sorted(f"{a} imports {b}" for a, targets in GRAPH.items() for b in targets
                    if _layer(b) > _layer(a))
    assert upward == []


def test_there_is_no_import_cycle() -> None:
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(GRAPH[name]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target):], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_modules_stay_small_or_say_why() -> None:
    long = []
    for name, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        doc = ast.get_docstring(ast.parse(text)) or ""
        if len(text.splitlines()) > MAX_LINES and "Long because" not in doc:
            long.append(f"{name}: {len(text.splitlines())} lines")
    assert long == []


def test_the_checker_sees_an_upward_import_and_a_cycle() -> None:
    """The checks above can fail: a planted upward edge and a planted cycle are found."""
    assert _layer("factcheck.reports.sarif") > _layer("factcheck.text.numbers")
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}}
    seen: list[str] = []

    def walk(name: str) -> bool:
        if name in seen:
            return True
        seen.append(name)
        return any(walk(t) for t in graph[name])

    assert walk("a")
