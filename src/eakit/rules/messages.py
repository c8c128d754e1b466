"""Finding messages in the output language.

A rule's message is a template in Vietnamese and English; a check fills its placeholders
with values that say what they are (a component, a field, a value of an enumerated field),
and this module writes them as people name them: the component's name, the field's or
the value's label in the output language, never an id, a field name or ``None``.

Placeholders every message can use: ``{name}`` (the component's name), ``{kind}`` (its
kind, in lower case), ``{agency}`` (the name of the agency it belongs to) and ``{id}``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from typing import Any, NamedTuple

from eakit.graph import ModelGraph
from eakit.labels import field_label, framework_label, value_label
from eakit.messages import say
from eakit.model import relation_types
from eakit.render.dates import shown


@cache  # asked for by most of a check's messages
def word(key: str, lang: str) -> str:
    """One of the few words messages add themselves (``unset``, ``or``, ...), from the
    message catalogue (``word.<key>``)."""
    return say(f"word.{key}").lang(lang)


Names = tuple[tuple[str, str | None], ...]  # (name, English name) of each component


class Ref(NamedTuple):
    """Components named in a message (written as their names). The names are taken when
    the check runs, so that a hit differs when a component it names is renamed (a re-check
    after an edit rebuilds the findings whose hits changed)."""

    ids: tuple[str, ...]
    names: Names


class Listing(Ref):
    """Components listed after a count: `` (A, B)``, or nothing when there are none."""


class Field(NamedTuple):
    """Fields named in a message (written as their labels)."""

    names: tuple[str, ...]


class Value(NamedTuple):
    """Values of an enumerated field (written as their labels; ``None``: not set)."""

    field: str
    values: tuple[Any, ...]


class Edge(NamedTuple):
    """A relation type (written as its name: *integrates with*)."""

    type: str


class Framework(NamedTuple):
    """National frameworks (written as their full names, joined by *or*)."""

    ids: tuple[str, ...]


def _names(graph: ModelGraph, ids: tuple[str, ...]) -> Names:
    objects = graph.objects
    return tuple((objects[i].name, objects[i].name_en) for i in ids)


def ref(graph: ModelGraph, *ids: str) -> Ref:
    """The components ``ids`` of ``graph``, to be named in a message."""
    return Ref(ids, _names(graph, ids))


def listing(graph: ModelGraph, ids: tuple[str, ...] | list[str]) -> Listing:
    """The components ``ids`` of ``graph``, listed after a count in a message."""
    found = tuple(ids)
    return Listing(found, _names(graph, found))


def _named(names: Names, lang: str) -> str:
    return ", ".join(english if lang == "en" and english else name for name, english in names)


def fields(*names: str) -> Field:
    return Field(tuple(names))


def value(field: str, *values: Any) -> Value:
    return Value(field, tuple(values))


def component_name(graph: ModelGraph, component_id: str, lang: str) -> str:
    """The name of a component in ``lang`` (the Vietnamese name when it has no English
    one); the id of a component the model lacks."""
    component = graph.objects.get(component_id)
    if component is None:
        return component_id
    if lang == "en" and component.name_en:
        return component.name_en
    return component.name


def kind_label(graph: ModelGraph, component_id: str, lang: str) -> str:
    """The kind of a component as a message names it mid-sentence (lower case)."""
    component = graph.objects[component_id]
    label = component.label_en if lang == "en" else component.label
    return label[:1].lower() + label[1:]


@cache
def _edge_label(edge_type: str, lang: str) -> str:
    spec = relation_types().get(edge_type)
    if spec is None:
        return edge_type
    return spec.label_en if lang == "en" else spec.label


@cache
def _field_labels(names: tuple[str, ...], lang: str) -> str:
    return ", ".join(field_label(name, lang) for name in names)


def render(graph: ModelGraph, item: Any, lang: str) -> Any:
    """A parameter written for a message in ``lang``."""
    if item is None:
        return word("unset", lang)
    if isinstance(item, Listing):
        return f" ({_named(item.names, lang)})" if item.ids else ""
    if isinstance(item, Ref):
        return _named(item.names, lang)
    if isinstance(item, Field):
        return _field_labels(item.names, lang)
    if isinstance(item, Value):
        if not item.values or all(v is None for v in item.values):
            return word("unset", lang)
        return ", ".join(value_label(item.field, v, lang) for v in item.values if v is not None)
    if isinstance(item, Edge):
        return _edge_label(item.type, lang)
    if isinstance(item, Framework):
        return f" {word('or', lang)} ".join(framework_label(f, lang) for f in item.ids)
    if isinstance(item, dt.date):
        return shown(item, lang)
    return item


class _Format(dict[str, Any]):
    # Unknown placeholders stay visible instead of raising in the middle of a check.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(
    template: str,
    graph: ModelGraph,
    component_id: str | None,
    params: Mapping[str, Any],
    lang: str,
) -> str:
    """The message of a hit: ``template`` (in ``lang``) with the component and the hit's
    parameters written as people name them; it starts with a capital letter."""
    if component_id is not None and component_id in graph.objects:
        agency = graph.agencies.get(component_id)
        values = _Format(
            id=component_id,
            name=component_name(graph, component_id, lang),
            kind=kind_label(graph, component_id, lang),
            agency=component_name(graph, agency, lang) if agency else "",
        )
    else:
        values = _Format(id="", name="", kind=word("model", lang), agency="")
    for key, item in params.items():
        values[key] = render(graph, item, lang)
    text = template.format_map(values)
    return text[:1].upper() + text[1:]
