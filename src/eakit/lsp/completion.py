"""Completion: field names, kinds, enum values, relation types, and ids of the kinds a
reference field accepts (each id with the component's name beside it)."""

from __future__ import annotations

import enum
from functools import cache
from typing import Any, Literal, get_args, get_origin

from lsprotocol import types
from pydantic import BaseModel

from eakit.lsp.describe import kind_label, name_of
from eakit.lsp.state import ModelState
from eakit.lsp.yamltext import Place, place_at
from eakit.model import KIND_CLASSES, Relation, relation_types
from eakit.model.refs import ref_fields

MAX_IDS = 300  # ids offered at once; the list is incomplete beyond (typing narrows it)


def _values(annotation: Any) -> list[str]:
    """The values an annotation allows when they are a closed set (Literal, enum, bool)."""
    found: list[str] = []
    stack = [annotation]
    while stack:
        current = stack.pop()
        if get_origin(current) is Literal:
            found.extend(str(v) for v in get_args(current))
        elif isinstance(current, type) and issubclass(current, enum.Enum):
            found.extend(str(m.value) for m in current)
        elif current is bool:
            found.extend(["true", "false"])
        else:
            stack.extend(get_args(current))
    return sorted(set(found))


@cache
def _fields(cls: type[BaseModel]) -> dict[str, tuple[str, list[str]]]:
    """Each field of ``cls`` by its YAML key: (description, closed set of values)."""
    return {
        (info.alias or name): (info.description or "", _values(info.annotation))
        for name, info in cls.model_fields.items()
    }


def _accepted_kinds(kind: str | None, key: str) -> tuple[str, ...] | None:
    """The kinds ``key`` of a ``kind`` component accepts (empty: any); None when ``key``
    is no reference field of it."""
    cls = KIND_CLASSES.get(kind or "")
    if cls is None:
        return None
    for field in ref_fields(cls):
        if field.name == key:
            return field.ref.kinds
    return None


def _item(
    label: str, kind: types.CompletionItemKind, detail: str = "", doc: str = ""
) -> types.CompletionItem:
    return types.CompletionItem(
        label=label, kind=kind, detail=detail or None, documentation=doc or None
    )


def _ids(state: ModelState, kinds: tuple[str, ...], prefix: str) -> types.CompletionList:
    graph = state.graph
    if graph is None:
        return types.CompletionList(is_incomplete=False, items=[])
    pool = graph.ids_of_kinds(kinds) if kinds else sorted(graph.kinds)
    items: list[types.CompletionItem] = []
    complete = True
    for cid in pool:
        if prefix and prefix not in cid:
            continue
        if len(items) >= MAX_IDS:
            complete = False
            break
        component = graph.get(cid)
        kind = graph.kinds[cid]
        items.append(
            types.CompletionItem(
                label=cid,
                kind=types.CompletionItemKind.Reference,
                detail=f"{name_of(component, state.lang)} · {kind_label(kind, state.lang)}",
                label_details=types.CompletionItemLabelDetails(
                    description=name_of(component, "vi")
                ),
                filter_text=f"{cid} {component.name}",
            )
        )
    return types.CompletionList(is_incomplete=not complete, items=items)


def complete(state: ModelState, rel: str, line: int, char: int) -> types.CompletionList:
    """What may be written at the cursor."""
    text = state.text(rel) or ""
    lines = text.splitlines()
    place = place_at(lines, line, char)
    empty = types.CompletionList(is_incomplete=False, items=[])
    if place.section == "relations":
        return _relation(state, place) or empty
    cls: type[BaseModel] | None = KIND_CLASSES.get(place.kind or "")
    if cls is not None and place.nested is not None:
        cls = _submodel(cls, place.nested)  # a key inside 'security_dossier:' and the like
        if cls is None:
            return empty
    if place.key is None:
        if cls is None:
            if place.section != "components":
                return empty
            return types.CompletionList(
                is_incomplete=False,
                items=[_item(key, types.CompletionItemKind.Field) for key in ("id", "kind")],
            )
        present = place.keys if place.nested is None else frozenset()
        return types.CompletionList(
            is_incomplete=False,
            items=[
                _item(key, types.CompletionItemKind.Field, doc=description)
                for key, (description, _v) in _fields(cls).items()
                if key not in present
            ],
        )
    if place.key == "kind" and place.nested is None:
        return types.CompletionList(
            is_incomplete=False,
            items=[
                _item(kind, types.CompletionItemKind.Class, kind_label(kind, state.lang))
                for kind in sorted(KIND_CLASSES)
            ],
        )
    accepted = _accepted_kinds(place.kind, place.key) if place.nested is None else None
    if accepted is not None:
        return _ids(state, accepted, place.prefix)
    if cls is not None and place.key in _fields(cls):
        return _enum_items(_fields(cls)[place.key][1])
    return empty


def _submodel(cls: type[BaseModel], key: str) -> type[BaseModel] | None:
    """The model of the mapping a field of ``cls`` holds (None when it holds none)."""
    info = cls.model_fields.get(key)
    stack = [info.annotation] if info is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            return current
        stack.extend(get_args(current))
    return None


def _enum_items(values: list[str]) -> types.CompletionList:
    return types.CompletionList(
        is_incomplete=False,
        items=[_item(v, types.CompletionItemKind.EnumMember) for v in values],
    )


def _relation(state: ModelState, place: Place) -> types.CompletionList | None:
    fields = _fields(Relation)
    if place.key is None:
        return types.CompletionList(
            is_incomplete=False,
            items=[
                _item(key, types.CompletionItemKind.Field, doc=description)
                for key, (description, _v) in fields.items()
                if key not in place.keys
            ],
        )
    if place.key in ("from", "to"):
        # The kinds the relation's type allows at this end ('*' or no type: any kind).
        spec = relation_types().get(place.values.get("type", ""))
        ends = (spec.from_kinds if place.key == "from" else spec.to_kinds) if spec else set()
        return _ids(state, () if "*" in ends else tuple(sorted(ends)), place.prefix)
    if place.key == "type":
        return types.CompletionList(
            is_incomplete=False,
            items=[
                _item(
                    name,
                    types.CompletionItemKind.EnumMember,
                    spec.label_en if state.lang == "en" else spec.label,
                )
                for name, spec in sorted(relation_types().items())
            ],
        )
    if place.key in fields:
        return _enum_items(fields[place.key][1])
    return None
