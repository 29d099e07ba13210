"""Report records as JSON data and JSON lines, fast: what the report's cattrs converter makes of
a record, read field by field by a function made once for its class, and encoded with orjson.

orjson writes NaN and infinity as null, so every field whose type admits a float is checked as
it is read: a non-finite number is refused (ValueError), as the standard library's encoder with
``allow_nan=False`` refuses it. What orjson cannot encode exactly (an integer beyond 64 bits) is
encoded by the standard library instead, with the same sorted keys and separators. A class the
functions cannot read (a field of a type they do not know) goes through the converter, and its
data is checked for non-finite numbers whole.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
import orjson

from ..corpus import ClaimValue, KindRegistry
from ..corpus.convert import converter
from ..errors import FactcheckError
from ..text.dates import PartialDate, Period

T = TypeVar("T")
Encode = Callable[[Any], Any]
"""Turns a field's value (or a record) into JSON data."""

_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
"""Sorted keys; a datetime or a dataclass is not encoded by orjson's own rules but refused, and so
left to the standard library, which refuses it as the converter's data always did."""
_STDLIB = json.JSONEncoder(sort_keys=True, ensure_ascii=False, allow_nan=False,
                           separators=(",", ":")).encode


def report_converter(kinds: KindRegistry | None) -> cattrs.Converter:
    """The converter for reports: a claim's value is written by its own record class, and read
    back into the value record of the kind it names."""
    report_converter = converter.copy()
    report_converter.register_unstructure_hook_func(
        lambda cls: cls is ClaimValue,
        lambda value: report_converter.unstructure(value, unstructure_as=type(value)))
    if kinds is not None:
        registry = kinds

        def value(data: object, _: type) -> ClaimValue:
            if not isinstance(data, dict):
                raise FactcheckError(f"expected an object, got {data!r}")
            found: ClaimValue = report_converter.structure(
                data, registry.kinds[data["kind"]].value_type)
            return found

        report_converter.register_structure_hook_func(lambda cls: cls is ClaimValue, value)
    return report_converter


WRITER = report_converter(None)
"""The converter that defines the report's data; `record_data` is a faster way to the same."""


def json_line(data: Any) -> bytes:
    """`data` as one line of JSON in UTF-8: sorted keys, no spaces, no final newline.

    orjson would write a NaN or an infinity as null: the data must have been checked
    (`record_data` checks what it makes)."""
    try:
        return orjson.dumps(data, option=_OPTIONS)
    except orjson.JSONEncodeError:
        return _STDLIB(data).encode()


def record_data(record: Any) -> Any:
    """What `WRITER.unstructure(record)` gives, for an attrs record, with non-finite numbers
    refused."""
    kind: type = type(record)
    return record_encoder(kind)(record)


# --- one function a class ------------------------------------------------------------------------


class _Unknown(Exception):
    """A field type the made functions do not read: the class goes through the converter."""


def finite(value: Any) -> Any:
    """`value` itself, unless it is a float that is NaN or infinite."""
    if type(value) is float and value - value != 0.0:  # inf - inf and nan - nan are nan
        raise _not_json(value)
    return value


def finite_items(values: Any) -> Any:
    """`values` (a tuple or list, or None) itself, unless an item is a NaN or infinite float."""
    if values is not None:
        for value in values:
            if type(value) is float and value - value != 0.0:
                raise _not_json(value)
    return values


def finite_data(data: Any) -> Any:
    """`data` itself, unless a float anywhere in its dicts, lists and tuples is NaN or infinite."""
    if isinstance(data, dict):
        for item in data.values():
            finite_data(item)
    elif isinstance(data, tuple | list):
        for item in data:
            finite_data(item)
    elif isinstance(data, float) and not math.isfinite(data):
        raise _not_json(data)
    return data


def _not_json(value: float) -> ValueError:
    return ValueError(f"Out of range float values are not JSON compliant: {value!r}")


@functools.cache
def record_encoder(cls: type) -> Encode:
    """The function giving a record's data, made once for its class."""
    try:
        return _made(cls)
    except _Unknown:
        def through_converter(record: Any) -> Any:
            return finite_data(WRITER.unstructure(record, unstructure_as=cls))

        return through_converter


def _made(cls: type) -> Encode:
    fields = attrs.fields(cls)
    if any(not f.init or f.name.startswith("_") or not f.name.isidentifier() or f.alias != f.name
           for f in fields):
        raise _Unknown
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # a name it cannot resolve: let the converter decide
        raise _Unknown from None
    encoders = {f"_encode_{f.name}": encode for f in fields
                if (encode := _field(hints[f.name])) is not None}
    # Written out as attrs and cattrs write their own methods: a dict display, no loop.
    items = (f"{f.name!r}: _encode_{f.name}(record.{f.name})" if f"_encode_{f.name}" in encoders
             else f"{f.name!r}: record.{f.name}" for f in fields)
    namespace: dict[str, Any] = dict(encoders)
    exec(f"def data(record):\n    return {{{', '.join(items)}}}\n", namespace)
    made: Encode = namespace["data"]
    return made


_PLAIN = (str, int, bool, type(None))


def _field(kind: Any) -> Encode | None:
    """How a field of type `kind` becomes data; None when it is data already (and holds no
    float)."""
    if kind in _PLAIN:
        return None
    if kind is float:
        return finite
    if kind is Period or kind is PartialDate:
        return str
    if kind is ClaimValue:
        return record_data
    origin, args = get_origin(kind), get_args(kind)
    if origin is Literal:
        if all(type(a) in _PLAIN for a in args):
            return None
        raise _Unknown
    if origin is Union or origin is types.UnionType:
        found = {_field(a) for a in args if a is not type(None)}
        for encode in (None, finite, finite_items):  # None is always data
            if found <= {None, encode}:
                return encode
        if len(found) == 1:
            return _optional(found.pop())  # type: ignore[arg-type]
        raise _Unknown
    if origin is tuple:
        items = {_field(a) for a in args if a is not Ellipsis}
        if items <= {None}:
            return None
        if items <= {None, finite}:
            return finite_items
        if len(args) == 2 and args[1] is Ellipsis:
            return _each(items.pop())  # type: ignore[arg-type]
        raise _Unknown
    if isinstance(kind, type) and attrs.has(kind):
        return record_encoder(kind)
    raise _Unknown


def _optional(encode: Encode) -> Encode:
    return lambda value: None if value is None else encode(value)


def _each(encode: Encode) -> Encode:
    return lambda values: [encode(value) for value in values]


# --- dates ---------------------------------------------------------------------------------------


def date_texts(size: int = 4096) -> Callable[[Period | PartialDate], str]:
    """A function giving the text of a date or period, worked out once for each object: a corpus
    shares a few period objects among many claims. It remembers at most `size` of them."""
    seen: dict[int, tuple[object, str]] = {}

    def text(date: Period | PartialDate) -> str:
        found = seen.get(id(date))
        if found is not None and found[0] is date:
            return found[1]
        if len(seen) >= size:
            seen.clear()
        text = str(date)
        seen[id(date)] = (date, text)  # the object is held, so its id is not reused meanwhile
        return text

    return text


def batches(items: Iterable[T], size: int = 512) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last one shorter)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
