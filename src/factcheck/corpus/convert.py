"""The one cattrs converter factcheck uses, strict about types, and its error paths."""

from __future__ import annotations

import functools
import sys
import types
from collections.abc import Callable, Iterator
from typing import Any, Literal, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from ..errors import FactcheckError, did_you_mean
from ..text.dates import PartialDate, Period, parse_date, parse_period
from .records import AT_LEAST_ONE, ID_CHECK, shared, text_check

_TYPE_NAMES = {str: "a string", bool: "true or false", int: "an integer", float: "a number"}
_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1
_SHARED_LENGTH = 48
"""Strings up to this long (parties, topics, kinds, units) are held once however many records
repeat them; a million claims repeat a few hundred of them. Those ending in a digit (ids,
figures, years) are not: they seldom repeat, and the table of shared strings would hold each;
a field whose values do repeat although they end in a digit (the source of a quote, a claim's
figure) shares them itself (`records.shared_text_field`)."""


def _strict(kind: type) -> Any:
    """The hook of a scalar type: a value of exactly that type (an integer for a float too),
    and integers within 64 bits."""
    if kind is str:
        return _string
    if kind is float:
        return _float

    def hook(value: object, _: type) -> object:
        if type(value) is not kind:
            raise FactcheckError(f"expected {_TYPE_NAMES[kind]}, got {_described(value)}")
        if kind is int and not _INT_MIN <= value <= _INT_MAX:  # type: ignore[operator]
            raise FactcheckError("integer out of range; integers must fit in 64 bits")
        return value

    return hook


def _string(value: object, _: type) -> str:
    """A string, held once when short (see `_SHARED_LENGTH`); the hook of a million fields."""
    if type(value) is not str:
        raise FactcheckError(f"expected a string, got {_described(value)}")
    if len(value) <= _SHARED_LENGTH and not value[-1:].isdigit():
        return sys.intern(value)
    return value


def _float(value: object, _: type) -> float:
    if type(value) is float:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        if not _INT_MIN <= value <= _INT_MAX:
            raise FactcheckError("integer out of range; integers must fit in 64 bits")
        return float(value)
    raise FactcheckError(f"expected a number, got {_described(value)}")


def _described(value: object) -> str:
    """A value's type, and the value itself when it is short enough to show."""
    if isinstance(value, bool | float) or (isinstance(value, int) and abs(value) < 10**20):
        return f"{type(value).__name__} {value!r}"
    if isinstance(value, str) and len(value) <= 60:
        return f"str {value!r}"
    return f"{type(value).__name__}"


@functools.lru_cache(maxsize=4096)
def _cached_date(text: str) -> PartialDate:
    return parse_date(text)


@functools.lru_cache(maxsize=4096)
def _cached_period(text: str) -> Period:
    return parse_period(text)


def _date(value: object, _: type) -> PartialDate:
    """A date, parsed once for each text: a corpus has a handful of distinct ones."""
    return _cached_date(value) if type(value) is str else parse_date(value)


def _period(value: object, _: type) -> Period:
    return _cached_period(value) if type(value) is str else parse_period(value)


def _is_literal(kind: Any) -> bool:
    return get_origin(kind) is Literal


def _literal(kind: Any) -> Any:
    """A literal's allowed values listed in plain words, never as Python's `typing.Literal[...]`."""
    allowed = get_args(kind)
    typed = {(type(option), option): option for option in allowed}

    def hook(value: object, _: type) -> object:
        try:  # the option itself, not an equal copy: a million claims share one "quantity"
            return typed[type(value), value]
        except (KeyError, TypeError):  # unhashable: not one of them
            pass
        words = [str(option) for option in allowed]
        hint = did_you_mean(value, words) if isinstance(value, str) else ""
        shown = ", ".join(repr(option) for option in allowed)
        raise FactcheckError(f"{_described(value).removeprefix('str ')} is not one of {shown}{hint}")

    return hook


def make_converter() -> cattrs.Converter:
    """A converter that rejects unknown keys and never coerces one type into another."""
    converter = cattrs.Converter(forbid_extra_keys=True)
    for kind in (str, bool, int, float):
        converter.register_structure_hook(kind, _strict(kind))
    converter.register_structure_hook(PartialDate, _date)
    converter.register_structure_hook(Period, _period)
    converter.register_structure_hook_factory(_is_literal, _literal)
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_unstructure_hook(Period, str)
    return converter


def _is_tuple_of(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis and args[0] is not Any


def _is_optional(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) in (Union, types.UnionType) and len(args) == 2 and type(None) in args


def make_fast_converter(detailed: cattrs.Converter) -> cattrs.Converter:
    """`detailed`'s hooks without collecting every failure, and leaner ones for arrays (only a
    list is taken; anything else is refused, to be explained by `detailed`) and optional values."""
    fast = detailed.copy(detailed_validation=False)

    def tuple_of(kind: Any) -> Any:
        item = get_args(kind)[0]
        structure = fast.get_structure_hook(item)

        def hook(value: object, _: type) -> tuple[Any, ...]:
            if type(value) is not list:
                raise FactcheckError("expected an array")
            return tuple([structure(element, item) for element in value])

        return hook

    def optional(kind: Any) -> Any:
        other = next(arg for arg in get_args(kind) if arg is not type(None))
        structure = fast.get_structure_hook(other)

        def hook(value: object, _: type) -> object:
            return None if value is None else structure(value, other)

        return hook

    fast.register_structure_hook_factory(_is_tuple_of, tuple_of)
    fast.register_structure_hook_factory(_is_optional, optional)
    return fast


converter = make_converter()
fast_converter = make_fast_converter(converter)
"""The same hooks without collecting every failure: for records that are right, which most are;
a record it refuses is structured again by `converter`, whose errors say where and what."""


class _Refused(Exception):
    """A table the quick path leaves to the converters, which say what is wrong with it."""


_OPTIONAL_CHECK = type(attrs.validators.optional(attrs.validators.instance_of(str)))


@functools.lru_cache(maxsize=256)  # one a record class: a few dozen
def quick_structurer(cls: type) -> Callable[[dict[str, Any]], Any] | None:
    """A function that makes of a table the record `fast_converter` and the class's `__init__`
    would make, in one call where they make one a field and one a validator: the hooks of
    this module and the validators of `records` are written out inline; any other is called as
    cattrs and attrs call it. It raises on anything not plainly right (an unknown key, a value
    of another type, a check that fails), leaving the table to the converters, which say why.
    None for a class it cannot make so (not a frozen slotted attrs class, an
    `__attrs_post_init__`, a field outside `__init__`, a type its hints do not name...)."""
    try:
        return _quick_structurer(cls)
    except Exception:  # the converters say what is wrong with such a class, table by table
        return None


def _quick_structurer(cls: type) -> Callable[[dict[str, Any]], Any] | None:
    props = getattr(attrs, "inspect", None)  # attrs 25.4 and later
    if props is None or not attrs.has(cls) or cls.__new__ is not object.__new__ or any(
            hasattr(cls, hook) for hook in ("__attrs_pre_init__", "__attrs_post_init__")):
        return None
    about = props(cls)
    if not (about.is_slotted and about.is_frozen and about.added_init) or about.is_exception \
            or about.hashability.value == "hashable_cache":
        return None
    attrs.resolve_types(cls)
    fields = attrs.fields(cls)
    names = frozenset(a.name for a in fields)
    scope: dict[str, Any] = {"_cls": cls, "_new": object.__new__, "_intern": sys.intern,
                             "_Refused": _Refused, "_names": names}
    code = ["def quick(o):", "    if not o.keys() <= _names:", "        raise _Refused"]
    late: list[str] = []
    for number, field in enumerate(fields):
        value = f"x{number}"
        if not field.init or field.alias != field.name or (
                field.converter is not None and isinstance(field.converter, attrs.Converter)):
            return None
        inlined = _inline(value, field.type, scope, str(number), "        ")
        if inlined is None:
            return None
        structure, plain = inlined  # when `plain`, the value is now surely a `str`
        if field.converter is shared and plain:  # interned once, not twice
            structure[-1] = f"        {value} = _intern({value})"
        if field.default is attrs.NOTHING:
            code += [f"    {value} = o[{field.name!r}]", *(line[4:] for line in structure)]
        else:
            plain = False
            code += [f"    if {field.name!r} in o:", f"        {value} = o[{field.name!r}]",
                     *structure, "    else:"]
            if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                if field.default.takes_self:
                    return None
                scope[f"_f{number}"] = field.default.factory
                code.append(f"        {value} = _f{number}()")
            else:
                scope[f"_d{number}"] = field.default
                code.append(f"        {value} = _d{number}")
        if field.converter is not None and not (field.converter is shared and plain):
            scope[f"_c{number}"] = field.converter
            code.append(f"    {value} = _c{number}({value})")
        check = field.validator
        if check is None:
            continue
        is_str = "" if plain else f"type({value}) is not str or "
        if check is text_check:
            code.append(f"    if {is_str}not {value}: raise _Refused")
        elif check is ID_CHECK:
            scope[f"_m{number}"] = ID_CHECK.match_func
            code.append(f"    if {is_str}not _m{number}({value}): raise _Refused")
        elif check is AT_LEAST_ONE:
            code.append(f"    if len({value}) < 1: raise _Refused")
        else:
            scope[f"_v{number}"], scope[f"_a{number}"] = check, field
            call = f"_v{number}(self, _a{number}, {value})"
            late.append(f"    if {value} is not None: {call}" if type(check) is _OPTIONAL_CHECK
                        else f"    {call}")
    code.append("    self = _new(_cls)")
    for number, field in enumerate(fields):  # a slot's own setter: quicker than setattr
        slot = getattr(cls, field.name, None)
        if not isinstance(slot, types.MemberDescriptorType):
            return None
        scope[f"_s{number}"] = slot.__set__
        code.append(f"    _s{number}(self, x{number})")
    code += [*late, "    return self"]
    exec(compile("\n".join(code), f"<factcheck quick structure {cls.__qualname__}>", "exec"),
         scope)
    made: Callable[[dict[str, Any]], Any] = scope["quick"]
    return made


def _inline(value: str, kind: Any, scope: dict[str, Any], key: str, pad: str,
            ) -> tuple[list[str], bool] | None:
    """The lines that structure `value` into `kind` as `fast_converter`'s hook would, raising
    where it would (or where it would not be plainly right), and whether they leave a plain
    `str`; None for a kind they cannot."""
    hook = fast_converter.get_structure_hook(kind)
    if hook is _string:
        return [f"{pad}if type({value}) is not str: raise _Refused",
                f"{pad}if len({value}) <= {_SHARED_LENGTH} and not {value}[-1:].isdigit(): "
                f"{value} = _intern({value})"], True
    if hook is _date or hook is _period:
        scope[f"_p{key}"] = _cached_date if hook is _date else _cached_period
        return [f"{pad}if type({value}) is not str: raise _Refused",
                f"{pad}{value} = _p{key}({value})"], False
    if _is_optional(kind):
        other = next(arg for arg in get_args(kind) if arg is not type(None))
        inner = _inline(value, other, scope, key + "o", pad + "    ")
        return None if inner is None else ([f"{pad}if {value} is not None:", *inner[0]], False)
    if _is_literal(kind):
        scope[f"_l{key}"] = {(type(option), option): option for option in get_args(kind)}
        return [f"{pad}{value} = _l{key}[type({value}), {value}]"], False
    if _is_tuple_of(kind):
        item = get_args(kind)[0]
        each = quick_structurer(item) if attrs.has(item) else None
        if each is not None:
            scope[f"_q{key}"] = each
            made = f"_q{key}(_e)"
        else:
            scope[f"_h{key}"], scope[f"_t{key}"] = fast_converter.get_structure_hook(item), item
            made = f"_h{key}(_e, _t{key})"
        return [f"{pad}if type({value}) is not list: raise _Refused",
                f"{pad}{value} = tuple([{made} for _e in {value}])"], False
    scope[f"_h{key}"], scope[f"_t{key}"] = hook, kind
    return [f"{pad}{value} = _h{key}({value}, _t{key})"], False


def error_paths(exc: BaseException, path: tuple[str | int, ...] = ()) -> Iterator[
        tuple[tuple[str | int, ...], str]]:
    """Flatten a cattrs validation error into (path, message) pairs, one per leaf problem."""
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            yield from error_paths(sub, (*path, note.name))
        for sub in without:
            yield from error_paths(sub, path)
    elif isinstance(exc, IterableValidationError):
        indexed, unindexed = exc.group_exceptions()
        for sub, index_note in indexed:
            yield from error_paths(sub, (*path, int(index_note.index)))
        for sub in unindexed:
            yield from error_paths(sub, path)
    elif isinstance(exc, BaseValidationError):
        for sub in exc.exceptions:
            yield from error_paths(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield (*path, key), "unknown field"
    elif isinstance(exc, KeyError):
        yield path, "required field missing"
    elif isinstance(exc, FactcheckError):
        yield path, exc.message
    elif isinstance(exc, ValueError | TypeError) and len(exc.args) >= 2 and isinstance(
            exc.args[1], attrs.Attribute):
        yield (*path, exc.args[1].name), validator_message(exc, exc.args[1].name)
    else:
        yield path, f"invalid value ({exc})"


def validator_message(exc: Exception, name: str) -> str:
    """What an attrs validator's failure means to a user, without Python's repr of the field."""
    args = exc.args
    if isinstance(exc, ValueError) and len(args) >= 4 and isinstance(args[2], tuple | list):
        options = ", ".join(repr(o) for o in args[2])
        return f"{args[3]!r} is not one of {options}{did_you_mean(str(args[3]), args[2])}"
    if len(args) >= 4 and hasattr(args[2], "pattern"):
        return f"{args[3]!r} is not a valid identifier (lower-case letters, digits, '.', '_', '-')"
    message = str(args[0])
    return message.replace(f"'{name}' ", "", 1)


def record_data(record: Any) -> dict[str, Any]:
    """A record as a data file writes it: its fields through the converter, leaving out those
    that hold their default (but always the `kind` a claim is told apart by)."""
    data: dict[str, Any] = converter.unstructure(record)
    for attribute in attrs.fields(type(record)):
        value = getattr(record, attribute.name)
        default = attribute.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        if attribute.name != "kind" and default is not attrs.NOTHING and value == default:
            del data[attribute.name]
        elif isinstance(value, tuple) and value and attrs.has(type(value[0])):
            data[attribute.name] = [record_data(item) for item in value]
    return data
