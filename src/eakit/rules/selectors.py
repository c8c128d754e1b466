"""Selectors: which components a rule applies to, or which targets a check looks for.

A selector has a ``kind`` (one or several), ``where`` conditions on attributes, a
``status`` set and ``any`` (alternatives). A ``where`` value is a plain value (equal),
a list (one of) or an operator mapping: ``not``, ``in``, ``not_in``, ``present``,
``contains``, ``gte``, ``lte``, ``gt``, ``lt``. Field names may be dotted
(``security_dossier.approved``); ``properties.x`` reads a free-form attribute.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from eakit.model import KIND_CLASSES, BaseComponent
from eakit.text import did_you_mean

OPERATORS = ("not", "in", "not_in", "present", "contains", "gte", "lte", "gt", "lt")
_MISSING = object()


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


def parse_selector(raw: Mapping[str, Any] | None) -> Selector:
    """Build a :class:`Selector` from its (schema-valid) YAML mapping."""
    if not raw:
        return Selector()
    kind = raw.get("kind")
    kinds = frozenset([kind] if isinstance(kind, str) else kind) if kind else None
    where = []
    for name, value in (raw.get("where") or {}).items():
        if isinstance(value, Mapping):
            for op, operand in value.items():
                where.append(Condition(str(name), str(op), operand))
        elif isinstance(value, list):
            where.append(Condition(str(name), "in", value))
        else:
            where.append(Condition(str(name), "eq", value))
    status = frozenset(raw["status"]) if raw.get("status") else None
    alternatives = tuple(parse_selector(sub) for sub in raw.get("any") or ())
    return Selector(kinds, tuple(where), status, alternatives)


def field_problem(path: str, kinds: Iterable[str] | None = None) -> str | None:
    """Why no component of ``kinds`` (``None``: of any kind) has the (dotted) field
    ``path``, or ``None`` when one has (``properties.<key>`` names a free-form one)."""
    head = path.split(".", 1)[0]
    if head == "properties" and "." in path:
        return None
    wanted = sorted(kinds) if kinds else None
    classes = [KIND_CLASSES[k] for k in wanted if k in KIND_CLASSES] if wanted else []
    fields = {name for cls in classes or KIND_CLASSES.values() for name in cls.model_fields}
    if head in fields:
        return None
    scope = f"components of kind {', '.join(wanted)}" if wanted else "any component kind"
    return (
        f"'{path}' is not a field of {scope}{did_you_mean(head, fields)}; "
        "use 'properties.<key>' for a free-form property"
    )


Problems = list[tuple[tuple[str | int, ...], str]]
"""Problems found in a written selector: (path of the offending key in it, message)."""


def selector_problems(raw: Any, kinds_in_scope: Iterable[str] | None = None) -> Problems:
    """What is wrong with a selector as written (its structure is valid): unknown kinds,
    fields no selected kind has and unknown operators, each with the path of its key."""
    problems: Problems = []
    if not isinstance(raw, Mapping) or not raw:
        return problems
    kind = raw.get("kind")
    kinds = [kind] if isinstance(kind, str) else list(kind or [])
    for name in kinds:
        if name not in KIND_CLASSES:
            problems.append((("kind",), f"unknown kind '{name}'{did_you_mean(name, KIND_CLASSES)}"))
    known = [k for k in kinds if k in KIND_CLASSES] or kinds_in_scope
    for name, value in (raw.get("where") or {}).items():
        problem = field_problem(str(name), known)
        if problem is not None:
            problems.append((("where", name), problem))
        if isinstance(value, Mapping):
            for op in value:
                if op not in OPERATORS:
                    message = f"unknown operator '{op}'{did_you_mean(str(op), OPERATORS)}"
                    problems.append((("where", name, op), message))
    for index, sub in enumerate(raw.get("any") or ()):
        found = selector_problems(sub, known)
        problems.extend((("any", index, *where), message) for where, message in found)
    return problems


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


def _holds(condition: Condition, value: Any) -> bool:
    value = _plain(value)
    op, operand = condition.op, condition.value
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
    if op == "contains":
        return isinstance(value, list | tuple) and operand in [_plain(v) for v in value]
    if value is None or isinstance(value, bool):
        return False
    try:
        if op == "gte":
            return bool(value >= operand)
        if op == "lte":
            return bool(value <= operand)
        if op == "gt":
            return bool(value > operand)
        if op == "lt":
            return bool(value < operand)
    except TypeError:
        return False
    raise ValueError(f"unknown operator {op}")


def matches(
    selector: Selector,
    component: BaseComponent,
    kind: str,
    live: frozenset[str] | None = None,
) -> bool:
    """Whether a component matches; ``live`` is the status set used when the selector
    names none."""
    if selector.kinds is not None and kind not in selector.kinds:
        return False
    statuses = selector.status if selector.status is not None else live
    if statuses is not None and _plain(component.status) not in statuses:
        return False
    if not all(_holds(c, field_value(component, c.field)) for c in selector.where):
        return False
    return not selector.any or any(matches(s, component, kind, live) for s in selector.any)


Predicate = Callable[[BaseComponent, str, str], bool]
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


def compile_condition(condition: Condition) -> Callable[[BaseComponent], bool]:
    """One ``where`` condition as a test on a component (its fields only)."""
    get = field_getter(condition.field)
    op, operand = condition.op, condition.value
    # The model's enums are StrEnums: a member equals (and hashes like) its value, so
    # the two common operators need no unwrapping.
    if op == "eq" and isinstance(operand, str):
        return lambda component: bool(get(component) == operand)
    if op == "eq":
        return lambda component: bool(_plain(get(component)) == operand)
    if op == "in" and all(isinstance(v, str) for v in operand):
        allowed = frozenset(operand)

        def one_of(component: BaseComponent) -> bool:
            try:
                return get(component) in allowed
            except TypeError:  # a list value equals no string
                return False

        return one_of
    if op == "present":
        # An enum member is non-empty text: no unwrapping needed either.
        wanted = bool(operand)
        return lambda component: (not is_empty(get(component))) == wanted
    return lambda component: _holds(condition, get(component))


def compile_selector(selector: Selector, live: frozenset[str] | None = None) -> Predicate:
    """The selector as one predicate, equal to :func:`matches` with the same ``live``.

    Rules test selectors millions of times on a national model; the compiled form checks
    kind and status by set membership and reads each ``where`` field once, directly.
    """
    kinds = selector.kinds
    statuses = selector.status if selector.status is not None else live
    conditions = tuple(compile_condition(c) for c in selector.where)
    alternatives = tuple(compile_selector(s, live) for s in selector.any)

    def predicate(component: BaseComponent, kind: str, state: str) -> bool:
        if kinds is not None and kind not in kinds:
            return False
        if statuses is not None and state not in statuses:
            return False
        for condition in conditions:
            if not condition(component):
                return False
        if alternatives:
            return any(alt(component, kind, state) for alt in alternatives)
        return True

    return predicate
