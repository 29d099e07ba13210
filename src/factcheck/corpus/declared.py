"""The roles parties play and the kinds of sources, as a corpus declares them.

`parties.toml` may declare ``[vocabulary] roles = [...]`` and `sources.toml`
``[vocabulary] source_kinds = [...]``; without a declaration the defaults (`ROLES`,
`SOURCE_KINDS`) apply. So a council, a residents' group, a letter or a survey fits a corpus
once it says so, and a misspelt role is still caught with a did-you-mean.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import did_you_mean
from .datafiles import TomlFile
from .structuring import Collector

VOCABULARY = "vocabulary"


def plain_list(names: Iterable[str]) -> str:
    """Names as a sentence lists them: 'a, b or c'."""
    shown = [f"'{name}'" for name in names]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


def declared(doc: TomlFile, key: str, default: tuple[str, ...], out: Collector) -> tuple[str, ...]:
    """The names `doc`'s ``[vocabulary]`` table declares under `key`, else `default`."""
    table = doc.data.get(VOCABULARY)
    if table is None:
        return default
    line = doc.path_line((VOCABULARY,))
    if not isinstance(table, dict):
        out.add(f"[{VOCABULARY}] must be a table holding {key}", file=doc.name, line=line,
                field=VOCABULARY)
        return default
    for other in table:
        if other != key:
            out.add(f"unknown field {other!r} in [{VOCABULARY}]{did_you_mean(other, [key])}; "
                    f"this file declares {key}", file=doc.name, line=line, field=f"{VOCABULARY}.{other}")
    names = table.get(key)
    if names is None:
        return default
    if not (isinstance(names, list) and names and all(isinstance(n, str) and n.strip() for n in names)):
        out.add(f"{key} must be a list of names, such as {default[:2]!r}".replace("(", "[").replace(
            ")", "]"), file=doc.name, line=line, field=f"{VOCABULARY}.{key}")
        return default
    return tuple(names)


def check_declared(doc: TomlFile, table: str, index: int, field: str, value: str,
                   names: tuple[str, ...], key: str, out: Collector) -> None:
    """Report `value` of the `index`-th `[[table]]` when it is not among the declared `names`."""
    if value in names:
        return
    out.add(f"{field} {value!r} is not one of {plain_list(names)}{did_you_mean(value, names)}; a "
            f"corpus may declare its own in [{VOCABULARY}] {key} of this file", file=doc.name,
            line=doc.line_of(table, index, (field,)), field=field)
