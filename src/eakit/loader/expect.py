"""What a field of the model format expects, in plain words, read from its type.

Messages say "'security_level' must be an integer from 1 to 5, got 7" rather than
pydantic's "input should be less than or equal to 5": the words come from the field's
annotation (bounds, patterns, choices), so they stay right when the model grows.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from typing import Annotated, Any, Literal, NamedTuple, Union, get_args, get_origin

from pydantic import BaseModel

from eakit.model.components import ID_PATTERN

YamlPath = tuple[str | int, ...]

# Patterns of the format, said in words (a regex means little to an architect).
PATTERN_WORDS = {
    ID_PATTERN: "an id (lower-case letters, digits and '-', like 'so-tu-phap')",
    r"^\d{4}-\d{4}$": "two years like 2016-2020",
}
YEAR_BOUNDS = (1990, 2100)


@dataclass(frozen=True)
class Member:
    """One alternative of a (possibly optional or union) annotation, with its constraints."""

    tp: Any
    ge: float | None = None
    le: float | None = None
    gt: float | None = None
    lt: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None


def _constraints(metadata: tuple[Any, ...]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for meta in metadata:
        nested = getattr(meta, "metadata", None)
        if isinstance(nested, list):  # a pydantic FieldInfo used inside Annotated
            found.update(_constraints(tuple(nested)))
        for name in ("ge", "le", "gt", "lt", "min_length", "max_length", "pattern"):
            value = getattr(meta, name, None)
            if value is not None:
                found[name] = value
    return found


def members(annotation: Any, metadata: tuple[Any, ...] = ()) -> list[Member]:
    """The alternatives of ``annotation``: ``Optional`` and unions flattened, ``None`` dropped."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extra = get_args(annotation)
        return members(base, (*metadata, *extra))
    if origin is Union or origin is types.UnionType:
        result: list[Member] = []
        for arg in get_args(annotation):
            if arg is not type(None):
                result.extend(members(arg, metadata))
        return result
    return [Member(annotation, **_constraints(metadata))]


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def model_field(model_cls: type[BaseModel], key: str) -> tuple[Any, tuple[Any, ...]] | None:
    """Annotation and metadata of the field of ``model_cls`` written as ``key``."""
    for name, info in model_cls.model_fields.items():
        if (info.alias or name) == key:
            return info.annotation, tuple(info.metadata)
    return None


def field_at(model_cls: type[BaseModel], loc: YamlPath) -> list[Member]:
    """The members of the annotation at ``loc`` inside ``model_cls`` (empty if unknown)."""
    current = [Member(model_cls)]
    for part in loc:
        step: tuple[Any, tuple[Any, ...]] | None = None
        for member in current:
            origin = get_origin(member.tp)
            if isinstance(part, str) and _is_model(member.tp):
                step = model_field(member.tp, part)
            elif isinstance(part, int) and origin is list:
                step = (get_args(member.tp)[0], ())
            elif origin is dict:
                step = (get_args(member.tp)[1], ())
            if step is not None:
                break
        if step is None:
            return []
        current = members(*step)
    return current


def model_at(model_cls: type[BaseModel], loc: YamlPath) -> type[BaseModel] | None:
    """The model class a ``loc`` points into (for the keys it allows)."""
    found = [m.tp for m in field_at(model_cls, loc) if _is_model(m.tp)]
    return found[0] if found else None


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _bounded(noun: str, member: Member) -> str:
    low = member.ge if member.ge is not None else member.gt
    high = member.le if member.le is not None else member.lt
    if low is not None and high is not None:
        return f"{noun} from {_number(low)} to {_number(high)}"
    if low is not None:
        return f"{noun} of at least {_number(low)}"
    if high is not None:
        return f"{noun} of at most {_number(high)}"
    return noun


def choices(annotation_members: list[Member]) -> list[str]:
    """The allowed values of a ``Literal`` or enum field, in declaration order."""
    values: list[str] = []
    for member in annotation_members:
        if get_origin(member.tp) is Literal:
            values.extend(str(v) for v in get_args(member.tp))
        elif isinstance(member.tp, type) and issubclass(member.tp, enum.Enum):
            values.extend(str(v.value) for v in member.tp)
    return values


def or_list(words: list[str]) -> str:
    """``a, b or c``."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def describe_member(member: Member) -> str:
    """One alternative in words: ``an integer from 1 to 5``, ``a date YYYY-MM-DD``, ..."""
    tp = member.tp
    origin = get_origin(tp)
    if origin is Literal or (isinstance(tp, type) and issubclass(tp, enum.Enum)):
        return or_list(choices([member]))
    if tp is bool:
        return "true or false"
    if tp is int:
        if (member.ge, member.le) == YEAR_BOUNDS:
            return _bounded("a year", member)
        return _bounded("an integer", member)
    if tp is float:
        return _bounded("a number", member)
    if tp is str:
        if member.pattern is not None:
            return PATTERN_WORDS.get(member.pattern, f"text matching {member.pattern}")
        return "text"
    if tp is dt.date:
        return "a date YYYY-MM-DD"
    if origin is list:
        items = members(get_args(tp)[0])
        if items and all(m.pattern == ID_PATTERN for m in items):
            return "a list of ids, like [so-tu-phap, so-tt-tt]"
        return "a list"
    if origin is dict or _is_model(tp):
        return "a mapping of keys to values"
    return "a valid value"


def describe(annotation_members: list[Member]) -> str:
    """All alternatives in words; numbers folded together (``text, a number or true or false``)."""
    words: list[str] = []
    for member in annotation_members:
        word = describe_member(member)
        if member.tp is int and any(m.tp is float for m in annotation_members):
            continue
        if word not in words:
            words.append(word)
    return or_list(words) if words else "a valid value"


# --- values YAML reads one way and pydantic would quietly convert ---------------------------


@cache
def _loose_checks(model_cls: type[BaseModel]) -> dict[str, tuple[str, Any]]:
    """Fields where pydantic's lax mode would accept a value of the wrong YAML type.

    ``security_level: true`` would become 1, ``valid_to: 0`` the 1st of January 1970 and
    ``shared: 1`` true; each is a mistake in a model file, so the loader refuses them.
    """
    checks: dict[str, tuple[str, Any]] = {}
    for name, info in model_cls.model_fields.items():
        alts = members(info.annotation, tuple(info.metadata))
        tps = {m.tp for m in alts}
        key = info.alias or name
        if tps & {int, float} and bool not in tps:
            checks[key] = ("no-bool", alts)
        elif tps & {dt.date, bool} and not tps & {int, float}:
            checks[key] = ("no-number", alts)
        else:
            nested = [m.tp for m in alts if _is_model(m.tp)]
            if nested:
                checks[key] = ("model", nested[0])
    return checks


def loose_values(model_cls: type[BaseModel], raw: dict[Any, Any]) -> Iterator[tuple[YamlPath, str]]:
    """``(path, expected)`` for each value of the wrong YAML type pydantic would convert."""
    for key, (rule, spec) in _loose_checks(model_cls).items():
        value = raw.get(key)
        if value is None:
            continue
        if rule == "model":
            if isinstance(value, dict):
                for path, expected in loose_values(spec, value):
                    yield (key, *path), expected
        elif (
            isinstance(value, bool)
            if rule == "no-bool"
            else (isinstance(value, int | float) and not isinstance(value, bool))
        ):
            yield (key,), describe(spec)


class _LoosePlan(NamedTuple):
    """The fields of :func:`_loose_checks` by rule (for :func:`loose_in`)."""

    no_bool: tuple[str, ...]
    no_number: tuple[str, ...]
    nested: tuple[tuple[str, type[BaseModel]], ...]


@cache
def _loose_plan(model_cls: type[BaseModel]) -> _LoosePlan:
    checks = _loose_checks(model_cls).items()
    return _LoosePlan(
        tuple(key for key, (rule, _spec) in checks if rule == "no-bool"),
        tuple(key for key, (rule, _spec) in checks if rule == "no-number"),
        tuple((key, spec) for key, (rule, spec) in checks if rule == "model"),
    )


_NUMBER_TYPES = frozenset({int, float})


def loose_in(model_cls: type[BaseModel], items: Sequence[dict[Any, Any]]) -> bool:
    """Whether :func:`loose_values` finds anything in any of ``items`` (mappings as a YAML
    parser makes them, of plain built-in types).

    The prefetch worker asks this of every object of a national model (400,000): a field
    at a time over all the objects, the test runs in C, not once per field and object.
    """
    plan = _loose_plan(model_cls)
    for key in plan.no_bool:
        if bool in map(type, map(dict.get, items, repeat(key))):
            return True
    for key in plan.no_number:
        if not _NUMBER_TYPES.isdisjoint(map(type, map(dict.get, items, repeat(key)))):
            return True
    for key, nested in plan.nested:
        inner = [value for value in map(dict.get, items, repeat(key)) if type(value) is dict]
        if inner and loose_in(nested, inner):
            return True
    return False
