"""Reference fields: component fields whose values are ids of other components.

A reference field is declared with ``Annotated[str, Ref(...)]``; the loader checks that
the target exists and has an allowed kind, and the graph turns it into a typed edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, get_args, get_origin

if TYPE_CHECKING:
    from pydantic import BaseModel


@dataclass(frozen=True)
class Ref:
    """Marks a field as a reference to components of ``kinds`` (empty: any kind).

    ``edge`` is the relation type of the graph edge the field produces; with
    ``reverse`` the edge points from the referenced component to the referring one
    (``delivered_by`` on a service gives ``application --delivers--> service``).
    """

    kinds: tuple[str, ...]
    edge: str
    reverse: bool = False


@dataclass(frozen=True)
class RefField:
    name: str
    ref: Ref
    many: bool


def _find_ref(annotation: Any) -> tuple[Ref | None, bool]:
    """Return the Ref marker inside ``annotation`` and whether it is a list of refs."""
    many = False
    stack = [annotation]
    while stack:
        current = stack.pop()
        for meta in getattr(current, "__metadata__", ()):
            if isinstance(meta, Ref):
                return meta, many
        if get_origin(current) is list:
            many = True
        stack.extend(get_args(current))
    return None, False


@cache
def ref_fields(model_cls: type[BaseModel]) -> tuple[RefField, ...]:
    """The reference fields of a component class, in declaration order."""
    result = []
    for name, info in model_cls.model_fields.items():
        ref = next((m for m in info.metadata if isinstance(m, Ref)), None)
        many = False
        if ref is None:
            ref, many = _find_ref(info.annotation)
        if ref is not None:
            result.append(RefField(name, ref, many))
    return tuple(result)
