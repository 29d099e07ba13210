"""Type checks that must run before a record's own validation can look at a value."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from .records import CLAIM_KINDS


class _Doc(Protocol):
    @property
    def name(self) -> str: ...

    def line_of(self, table: str, index: int, path: tuple[str | int, ...] = ()) -> int | None: ...


Choose = Callable[[dict[str, Any], int], type | None]


def kind_is_text(choose: Choose, doc: _Doc, add: Callable[..., None]) -> Choose:
    """`choose` (which picks a claim's class by its kind), called only when `kind` is a
    string: a list or a table there is reported as such instead of failing a lookup."""

    def guarded(raw: dict[str, Any], index: int) -> type | None:
        kind = raw.get("kind")
        if kind is not None and not isinstance(kind, str):
            ident = raw.get("id") if isinstance(raw.get("id"), str) else None
            add(f"kind must be a string, one of {', '.join(CLAIM_KINDS)}; got "
                f"{_a(type(kind).__name__)}", file=doc.name,
                line=doc.line_of("claim", index, ("kind",)), claim=ident, field="kind")
            return None
        return choose(raw, index)

    return guarded


def _a(word: str) -> str:
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"
