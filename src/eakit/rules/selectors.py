"""The one selector language: which components a rule applies to, which targets a check
looks for, and which components a diagram view includes (see ``docs/selectors.md``).

A selector is an id glob (a bare string) or a mapping of: ``ids`` (id globs), ``kind``
and ``layer`` (one or several; ``kinds`` and ``layers`` are the same keys), ``where``
conditions on fields, ``status`` (the statuses selected) and ``any`` (alternatives, one
of which must match). A ``where`` value is a plain value (equal to the field, or among its
values when the field is a list), a list (one of) or an operator mapping: ``not``,
``in``, ``not_in``, ``present``, ``contains``, ``gte``, ``lte``, ``gt``, ``lt``. Field
names may be dotted (``security_dossier.approved``); ``properties.x`` reads a free-form
property.

Values compare by the field's type: a value written for a number field is read as a
number (``"3"`` is 3) and one written for a text field as text (``3`` is ``"3"``); a value
that is not of the field's type (``high`` for a level) is an error where it is written.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import operator
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel

if TYPE_CHECKING:
    from eakit.model import BaseComponent
from eakit.messages import Bilingual, did_you_mean, say

OPERATORS = ("not", "in", "not_in", "present", "contains", "gte", "lte", "gt", "lt")
KEYS = ("ids", "kind", "kinds", "layer", "layers", "where", "status", "any")


@dataclass(frozen=True)
class Condition:
    """One ``where`` condition on a (dotted) field."""

    field: str
    op: str
    value: Any


@dataclass(frozen=True)
class Selector:
    """A parsed selector; an empty one matches every component."""

    kinds: frozenset[str] | None = None
    where: tuple[Condition, ...] = ()
    status: frozenset[str] | None = None
    any: tuple[Selector, ...] = ()
    ids: tuple[str, ...] = ()  # id globs; none: any id

    def all_kinds(self) -> frozenset[str] | None:
        """Every kind this selector can match (``None``: any kind)."""
        if self.any:
            kinds: set[str] = set()
            for alternative in self.any:
                sub = alternative.all_kinds()
                if sub is None:
                    return self.kinds
                kinds |= sub
            return frozenset(kinds) & self.kinds if self.kinds else frozenset(kinds)
        return self.kinds


def _kind_classes() -> dict[str, type[BaseComponent]]:
    # Imported when first asked for: the model's own view declarations are checked with
    # this module while the model package is still loading.
    from eakit.model.components import KIND_CLASSES

    return KIND_CLASSES


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _kinds(raw: Mapping[str, Any]) -> frozenset[str] | None:
    """The kinds ``kind``/``kinds`` and ``layer``/``layers`` let through (``None``: any)."""
    kinds = _listed(raw.get("kind")) + _listed(raw.get("kinds"))
    layers = set(_listed(raw.get("layer")) + _listed(raw.get("layers")))
    allowed = set(kinds) if kinds else None
    if layers:
        from eakit.metamodel import KIND_SPECS  # as _kind_classes: the model may be loading

        in_layers = {k for k, spec in KIND_SPECS.items() if spec.layer.value in layers}
        allowed = in_layers if allowed is None else allowed & in_layers
    return None if allowed is None else frozenset(allowed)


Problems = list[tuple[tuple[str | int, ...], str]]
"""Problems found in a written selector: (path of the offending key in it, message)."""


def parse_selector(
    raw: Any, scope: Iterable[str] | None = None, problems: Problems | None = None
) -> Selector:
    """A written selector parsed, its ``where`` values read by their fields' types; what is
    wrong with it goes to ``problems`` when given (``scope``: the kinds it is known to pick
    from; see :func:`selector_problems`)."""
    if problems is None:
        problems = []
    if raw is None:
        return Selector()
    if isinstance(raw, str):
        return Selector(ids=(raw,))
    for key in raw:
        if key not in KEYS:
            problems.append(
                ((key,), say("selector.unknown_key", key=key, hint=did_you_mean(key, KEYS)))
            )
    for key in ("kind", "kinds"):
        for name in _listed(raw.get(key)):
            if name not in _kind_classes():
                message = say(
                    "pack.unknown_kind", kind=name, hint=did_you_mean(name, _kind_classes())
                )
                problems.append(((key,), message))
    kinds = _kinds(raw)
    known = kinds if kinds is not None else scope
    where = []
    for name, value in (raw.get("where") or {}).items():
        field = str(name)
        problem = field_problem(field, known)
        if problem is not None:
            problems.append((("where", name), problem))
        written = value.items() if isinstance(value, Mapping) else [(None, value)]
        for op, operand in written:
            at: tuple[str | int, ...] = ("where", name) if op is None else ("where", name, op)
            if op is None:
                op = "in" if isinstance(operand, list) else "eq"
            elif op not in OPERATORS:
                message = say("pack.unknown_operator", op=op, hint=did_you_mean(str(op), OPERATORS))
                problems.append((at, message))
                continue
            typed, wrong = _typed(field, str(op), operand, known)
            if wrong is not None and problem is None:
                problems.append((at, wrong))
            where.append(Condition(field, str(op), typed))
    status = frozenset(_listed(raw.get("status"))) or None
    alternatives = []
    for index, sub in enumerate(raw.get("any") or ()):
        found: Problems = []
        alternatives.append(parse_selector(sub, known, found))
        problems.extend((("any", index, *at), message) for at, message in found)
    globs = tuple(_listed(raw.get("ids")))
    return Selector(kinds, tuple(where), status, tuple(alternatives), globs)


def selector_problems(raw: Any, scope: Iterable[str] | None = None) -> Problems:
    """What is wrong with a written selector (its structure is valid): unknown keys, kinds
    and operators, fields no selected kind has and values not of their field's type, each
    with the path of its key in the selector."""
    problems: Problems = []
    if isinstance(raw, Mapping | str) or raw is None:
        parse_selector(raw, scope, problems)
    return problems


# --- typed values -----------------------------------------------------------------------

_NONE = type(None)


def _categories(annotation: Any) -> frozenset[str]:
    """What kind of value a field holds: ``int``, ``float``, ``str``, ``bool``, ``date``,
    ``model:<class>`` or ``any`` (its items, for a list)."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is Annotated:
        return _categories(args[0])
    if origin in (typing.Union, types.UnionType):
        return frozenset().union(*(_categories(a) for a in args if a is not _NONE))
    if origin in (list, tuple, set, frozenset):
        return frozenset().union(*(_categories(a) for a in args if a is not Ellipsis))
    if origin is Literal:
        return frozenset().union(*(_categories(type(a)) for a in args))
    if isinstance(annotation, type):
        if issubclass(annotation, bool):
            return frozenset({"bool"})
        if issubclass(annotation, str):
            return frozenset({"str"})
        if issubclass(annotation, int):
            return frozenset({"int"})
        if issubclass(annotation, float):
            return frozenset({"float"})
        if issubclass(annotation, dt.date):
            return frozenset({"date"})
    return frozenset({"any"})


def _field_annotations(classes: Iterable[type[BaseModel]], part: str) -> list[Any]:
    return [cls.model_fields[part].annotation for cls in classes if part in cls.model_fields]


def _models(annotation: Any) -> list[type[BaseModel]]:
    origin = typing.get_origin(annotation)
    if origin is not None:
        return [m for a in typing.get_args(annotation) for m in _models(a)]
    is_model = isinstance(annotation, type) and issubclass(annotation, BaseModel)
    return [annotation] if is_model else []


@cache
def field_category(path: str, kinds: frozenset[str] | None) -> str | None:
    """The one kind of value the (dotted) field holds in ``kinds`` (``None``: any kind), or
    ``None`` when it is free-form, unknown or differs between kinds."""
    parts = path.split(".")
    if parts[0] == "properties":
        return None
    classes: list[type[BaseModel]] = [
        _kind_classes()[k] for k in sorted(kinds or _kind_classes()) if k in _kind_classes()
    ]
    annotations: list[Any] = []
    for depth, part in enumerate(parts):
        annotations = _field_annotations(classes, part)
        if depth < len(parts) - 1:
            classes = [m for a in annotations for m in _models(a)]
    found = frozenset().union(*(_categories(a) for a in annotations)) if annotations else None
    if not found or len(found) != 1 or "any" in found:
        return None
    return next(iter(found))


_INTEGER = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)$")


def _as(category: str, value: Any) -> Any:
    """``value`` read as a value of ``category``; raises ValueError when it is not one."""
    if value is None:
        return None
    if category == "str":
        if isinstance(value, str):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
    elif category == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and _INTEGER.match(value.strip()):
            return int(value)
    elif category == "float":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and _NUMBER.match(value.strip()):
            return float(value)
    elif category == "bool":
        if isinstance(value, bool):
            return value
    elif category == "date":
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
    else:
        return value
    raise ValueError(category)


_CATEGORY_WORDS = {
    "str": ("văn bản", "text"),
    "int": ("một số nguyên", "a whole number"),
    "float": ("một số", "a number"),
    "bool": ("true hoặc false", "true or false"),
    "date": ("một ngày", "a date"),
}


def _typed(
    field: str, op: str, operand: Any, kinds: Iterable[str] | None
) -> tuple[Any, str | None]:
    """A condition's operand read by the field's type, and why it cannot be (or ``None``)."""
    if op == "present":
        return operand, None if isinstance(operand, bool) else say("selector.present_bool")
    category = field_category(field, frozenset(kinds) if kinds is not None else None)
    if category is None:
        return operand, None
    several = op in ("in", "not_in") and isinstance(operand, list)
    typed = []
    for value in operand if several else [operand]:
        try:
            typed.append(_as(category, value))
        except ValueError:
            words = Bilingual(*_CATEGORY_WORDS[category])
            return operand, say(
                "selector.value_type", value=repr(value), category=words, field=field
            )
    return (typed if several else typed[0]), None


def field_problem(path: str, kinds: Iterable[str] | None = None) -> str | None:
    """Why no component of ``kinds`` (``None``: of any kind) has the (dotted) field
    ``path``, or ``None`` when one has (``properties.<key>`` names a free-form one)."""
    head = path.split(".", 1)[0]
    if head == "properties" and "." in path:
        return None
    wanted = sorted(kinds) if kinds else None
    classes = [_kind_classes()[k] for k in wanted if k in _kind_classes()] if wanted else []
    fields = {name for cls in classes or _kind_classes().values() for name in cls.model_fields}
    if head in fields:
        return None
    scope = (
        say("selector.scope_kinds", kinds=", ".join(wanted))
        if wanted
        else say("selector.scope_any")
    )
    return say("selector.no_field", path=path, scope=scope, hint=did_you_mean(head, fields))


def field_value(component: BaseComponent, dotted: str) -> Any:
    """The value of a (dotted) field of a component; ``None`` when absent."""
    parts = dotted.split(".")
    if parts[0] == "properties" and len(parts) == 2:
        return component.properties.get(parts[1])
    value: Any = component
    for part in parts:
        if value is None:
            return None
        value = getattr(value, part, None)
    return value


def _plain(value: Any) -> Any:
    # Enum members compare by value; YAML gives plain strings and numbers.
    return getattr(value, "value", value)


def is_empty(value: Any) -> bool:
    """Absent, empty text or an empty list/mapping."""
    return value is None or (isinstance(value, str | list | dict | tuple) and not value)


_ORDER = {"gte": operator.ge, "lte": operator.le, "gt": operator.gt, "lt": operator.lt}


def _holds(condition: Condition, value: Any) -> bool:
    value = _plain(value)
    op, operand = condition.op, condition.value
    if isinstance(value, list | tuple):  # a list field: its values
        values = [_plain(v) for v in value]
        if op == "eq" or op == "contains":
            return operand in values
        if op == "not":
            return operand not in values
        if op == "in" or op == "not_in":
            return any(v in operand for v in values) == (op == "in")
        if op == "present":
            return bool(values) == bool(operand)
        return False
    if op == "eq":
        return bool(value == operand)
    if op == "not":
        return bool(value != operand)
    if op == "in":
        return value in operand
    if op == "not_in":
        return value not in operand
    if op == "present":
        return (not is_empty(value)) == bool(operand)
    if op == "contains" or value is None or isinstance(value, bool):
        return False
    try:
        return bool(_ORDER[op](value, operand))
    except TypeError:
        return False


def _id_test(globs: tuple[str, ...]) -> Callable[[str], bool] | None:
    """A test of an id against id globs (as :func:`fnmatch.fnmatchcase`); ``None``: any."""
    if not globs or "*" in globs:
        return None
    patterns = [re.compile(fnmatch.translate(glob)).match for glob in globs]
    return lambda cid: any(match(cid) for match in patterns)


Predicate = Callable[["BaseComponent", str, str], bool]
"""A compiled selector: ``(component, kind, status value) -> matches``."""


def field_getter(dotted: str) -> Callable[[BaseComponent], Any]:
    """:func:`field_value` for one field, with the name parsed once."""
    parts = dotted.split(".")
    if parts[0] == "properties" and len(parts) == 2:
        key = parts[1]
        return lambda component: component.properties.get(key)
    if len(parts) == 1:
        name = parts[0]
        return lambda component: getattr(component, name, None)
    return lambda component: field_value(component, dotted)


def _is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, set, frozenset):
        return True
    return origin is not None and any(_is_list(a) for a in typing.get_args(annotation))


@cache
def _may_be_list(path: str) -> bool:
    """Whether the (dotted) field can hold a list in some kind (a free-form property or a
    nested field: assumed so)."""
    if "." in path:
        return True
    fields = (cls.model_fields.get(path) for cls in _kind_classes().values())
    return any(_is_list(f.annotation) for f in fields if f is not None)


def compile_condition(condition: Condition) -> Callable[[BaseComponent], bool]:
    """One ``where`` condition as a test on a component (its fields only)."""
    get = field_getter(condition.field)
    op, operand = condition.op, condition.value
    # The model's enums are StrEnums: a member equals (and hashes like) its value, so
    # the two common operators need no unwrapping; a list field takes the general path.
    listed = _may_be_list(condition.field)
    if op == "eq" and isinstance(operand, str) and not listed:
        return lambda component: bool(get(component) == operand)
    if op == "eq" and isinstance(operand, str):

        def equal(component: BaseComponent) -> bool:
            value = get(component)
            return value == operand or (type(value) is list and operand in value)

        return equal
    if op == "in" and all(isinstance(v, str) for v in operand):
        allowed = frozenset(operand)
        if not listed:
            return lambda component: get(component) in allowed

        def one_of(component: BaseComponent) -> bool:
            value = get(component)
            if type(value) is list:
                return any(v in allowed for v in value)
            return value in allowed

        return one_of
    if op == "present":
        # An enum member is non-empty text: no unwrapping needed either.
        wanted = bool(operand)
        return lambda component: (not is_empty(get(component))) == wanted
    return lambda component: _holds(condition, get(component))


def compile_selector(selector: Selector, live: frozenset[str] | None = None) -> Predicate:
    """The selector as one predicate on ``(component, kind, status value)``; ``live`` is
    the status set used when the selector names none (``None``: any status).

    Rules test selectors millions of times on a national model; the compiled form checks
    kind and status by set membership and reads each ``where`` field once, directly.
    """
    kinds = selector.kinds
    statuses = selector.status if selector.status is not None else live
    ids = _id_test(selector.ids)
    conditions = tuple(compile_condition(c) for c in selector.where)
    alternatives = tuple(compile_selector(s, live) for s in selector.any)

    def predicate(component: BaseComponent, kind: str, state: str) -> bool:
        if kinds is not None and kind not in kinds:
            return False
        if statuses is not None and state not in statuses:
            return False
        if ids is not None and not ids(component.id):
            return False
        for condition in conditions:
            if not condition(component):
                return False
        if alternatives:
            return any(alt(component, kind, state) for alt in alternatives)
        return True

    return predicate
