"""What a field of the model format expects, in plain words, read from its type.

Messages say "'security_level' must be an integer from 1 to 5, got 7" rather than
pydantic's "input should be less than or equal to 5": the words come from the field's
annotation (bounds, patterns, choices), so they stay right when the model grows.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from eakit.messages import Bilingual, or_list, say
from eakit.model.components import ID_PATTERN

YamlPath = tuple[str | int, ...]

# Patterns of the format, said in words (a regex means little to an architect).
PATTERN_WORDS = {ID_PATTERN: "expect.id", r"^\d{4}-\d{4}$": "expect.period"}
YEAR_BOUNDS = (1990, 2100)


@dataclass(frozen=True)
class Member:
    """One alternative of a (possibly optional or union) annotation, with the constraints
    its message says."""

    tp: Any
    ge: float | None = None
    le: float | None = None
    gt: float | None = None
    lt: float | None = None
    pattern: str | None = None


def _constraints(metadata: tuple[Any, ...]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for meta in metadata:
        nested = getattr(meta, "metadata", None)
        if isinstance(nested, list):  # a pydantic FieldInfo used inside Annotated
            found.update(_constraints(tuple(nested)))
        for name in ("ge", "le", "gt", "lt", "pattern"):
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


def keys_of(model_cls: type[BaseModel]) -> list[str]:
    """The keys ``model_cls`` takes, as written in YAML (aliases where there are)."""
    return [info.alias or name for name, info in model_cls.model_fields.items()]


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


def _bounded(noun: str, member: Member) -> Bilingual:
    """``noun`` (a message id: ``expect.integer``) with the member's bounds."""
    low = member.ge if member.ge is not None else member.gt
    high = member.le if member.le is not None else member.lt
    if low is not None and high is not None:
        return say("expect.between", noun=say(noun), low=_number(low), high=_number(high))
    if low is not None:
        return say("expect.at_least", noun=say(noun), low=_number(low))
    if high is not None:
        return say("expect.at_most", noun=say(noun), high=_number(high))
    return say(noun)


def choices(annotation_members: list[Member]) -> list[str]:
    """The allowed values of a ``Literal`` or enum field, in declaration order."""
    values: list[str] = []
    for member in annotation_members:
        if get_origin(member.tp) is Literal:
            values.extend(str(v) for v in get_args(member.tp))
        elif isinstance(member.tp, type) and issubclass(member.tp, enum.Enum):
            values.extend(str(v.value) for v in member.tp)
    return values


def is_id_list(annotation_members: list[Member]) -> bool:
    """Whether a field holds a list of ids (``[so-tu-phap, so-tt-tt]``)."""
    for member in annotation_members:
        if get_origin(member.tp) is list:
            items = members(get_args(member.tp)[0])
            if items and all(m.pattern == ID_PATTERN for m in items):
                return True
    return False


def describe_member(member: Member) -> Bilingual:
    """One alternative in words: ``an integer from 1 to 5``, ``a date YYYY-MM-DD``, ..."""
    tp = member.tp
    origin = get_origin(tp)
    if origin is Literal or (isinstance(tp, type) and issubclass(tp, enum.Enum)):
        return or_list(choices([member]))
    if tp is bool:
        return say("expect.bool")
    if tp is int:
        if (member.ge, member.le) == YEAR_BOUNDS:
            return _bounded("expect.year", member)
        return _bounded("expect.integer", member)
    if tp is float:
        return _bounded("expect.number", member)
    if tp is str:
        if member.pattern is not None:
            known = PATTERN_WORDS.get(member.pattern)
            return say(known) if known else say("expect.pattern", pattern=member.pattern)
        return say("expect.text")
    if tp is dt.date:
        return say("expect.date")
    if origin is list:
        return say("expect.id_list") if is_id_list([member]) else say("expect.list")
    if origin is dict or _is_model(tp):
        return say("expect.mapping")
    return say("expect.valid")


def describe(annotation_members: list[Member]) -> Bilingual:
    """All alternatives in words; numbers folded together (``text, a number or true or false``)."""
    words: list[Bilingual] = []
    for member in annotation_members:
        word = describe_member(member)
        if member.tp is int and any(m.tp is float for m in annotation_members):
            continue
        if word not in words:
            words.append(word)
    return or_list(words) if words else say("expect.valid")
