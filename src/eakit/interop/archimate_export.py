"""Writing a model as an ArchiMate 3 Open Exchange Format file.

The file holds every component as an element (names in ``xml:lang="vi"`` and ``"en"``),
every graph edge as a relationship, one folder per eakit layer, eakit-only attributes as
properties, and the model's diagram views (overview, integration map, ...) as diagrams
laid out on a grid, one lane per layer.
Identifiers are derived from eakit ids (``id-<component>``, ``id-<from>.<type>.<to>``)
and everything is sorted, so the same model always gives the same bytes.
Model text holding characters XML 1.0 forbids (or C1 controls) is written with those
shown as ``\\x1b`` escapes (:func:`eakit.text.for_xml`): the file always parses.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eakit import atomic
from eakit.graph import Edge, ModelGraph
from eakit.interop.archimate_mapping import (
    ACCESS_TYPE_EXPORT,
    ARCHITECTURE_TEXT_FIELDS,
    KIND_EXPORT,
    KIND_PROPERTY,
    PROPERTY_PREFIX,
    RELATION_EXPORT,
    RELATION_PROPERTY,
    TEXT_FIELDS,
)
from eakit.interop.ids import IdAllocator, slugify
from eakit.interop.values import encode, property_type
from eakit.interop.xsd import ARCHIMATE_NS, XSI_NS
from eakit.model import KIND_CLASSES, LAYERS, BaseComponent, Relation, kind_of, relation_types
from eakit.model.archimate_table import kinds_fit
from eakit.model.manifest import RulesConfig
from eakit.model.refs import ref_fields
from eakit.model.relations import ATTRIBUTE_OWNER
from eakit.model.views import STRUCTURAL_RELATIONS
from eakit.text import for_xml, vi_sort_key

SCHEMA_LOCATION = (
    f"{ARCHIMATE_NS} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"
)
LANG = "xml:lang"

# Grid of the diagrams: element boxes in rows of COLUMNS inside one lane per layer.
COLUMNS = 6
NODE_W, NODE_H = 170, 60
GAP = 20
LANE_HEADER = 30
MARGIN = 12
LANE_COLOURS = {
    "users": (255, 245, 204),
    "services": (255, 235, 214),
    "business": (255, 255, 200),
    "applications": (204, 238, 255),
    "integration": (214, 230, 255),
    "infrastructure": (214, 245, 214),
    "security": (255, 220, 220),
    "governance": (234, 224, 255),
}
_KIND_ORDER = {kind: index for index, kind in enumerate(KIND_CLASSES)}
# By layer value: a Layer (a StrEnum) is its value as a key.
_LAYER_ORDER: dict[str, int] = {info.layer: info.order for info in LAYERS}


def element_id(component_id: str) -> str:
    """The exchange identifier of a component (an ``xs:ID``: must not start with a digit)."""
    return f"id-{component_id}"


def relationship_id(source: str, relation: str, target: str) -> str:
    """The exchange identifier of an edge; ``.`` cannot occur in eakit ids, so it is unique."""
    return f"id-{source}.{relation}.{target}"


def model_id(architecture_id: str) -> str:
    return f"model-{architecture_id}"


@dataclass(frozen=True)
class _Property:
    name: str
    value: Any


def _default(cls: type[Any], name: str) -> Any:
    info = cls.model_fields[name]
    return info.get_default(call_default_factory=True)


def component_properties(component: BaseComponent) -> list[_Property]:
    """eakit-only attributes of a component, then its free-form ``properties``.

    Fields equal to their default are left out (``status`` always goes: tools show it),
    as are reference fields, which become relationships.
    """
    cls = type(component)
    refs = {f.name for f in ref_fields(cls)}
    result = [_Property(KIND_PROPERTY, kind_of(component))]
    for name in cls.model_fields:
        if name in TEXT_FIELDS or name in refs or name == "properties":
            continue
        value = getattr(component, name)
        if value is None or (value == _default(cls, name) and name != "status"):
            continue
        result.append(_Property(PROPERTY_PREFIX + name, value))
    result.extend(_Property(key, value) for key, value in sorted(component.properties.items()))
    return result


def relation_properties(edge: Edge) -> list[_Property]:
    """The eakit relation type of an edge and the attributes of its declared relation."""
    result = [_Property(RELATION_PROPERTY, edge.type)]
    relation = edge.relation
    if relation is not None:
        for name in Relation.model_fields:
            # The ArchiMate attributes are written as the relationship's own attributes.
            if name in ("from_", "to", "type", "description", "properties", *ATTRIBUTE_OWNER):
                continue
            value = getattr(relation, name)
            if value is None or value == _default(Relation, name):
                continue
            result.append(_Property(PROPERTY_PREFIX + name, value))
        result.extend(_Property(key, value) for key, value in sorted(relation.properties.items()))
    return result


def relationship_type(edge: Edge, source_kind: str, target_kind: str) -> str:
    """The ArchiMate relationship an edge is written as: its relation type's, or an
    association where ArchiMate's table does not allow that one between the two elements
    (a flow into a data object); the ``eakit:relation`` property keeps the type."""
    archimate = RELATION_EXPORT[edge.type].archimate
    return archimate if kinds_fit(archimate, source_kind, target_kind) else "Association"


def relationship_attributes(edge: Edge, archimate: str) -> dict[str, str]:
    """The attributes of an edge's ``archimate`` relationship: the access type of an
    access, the modifier of an influence, the direction of an association."""
    mapping = RELATION_EXPORT[edge.type]
    relation = edge.relation
    result: dict[str, str] = {}
    if archimate == "Access" and mapping.access:
        result["accessType"] = mapping.access
    elif archimate == "Access" and relation is not None and relation.access_type is not None:
        result["accessType"] = ACCESS_TYPE_EXPORT[relation.access_type]
    if archimate == "Influence" and relation is not None and relation.strength is not None:
        result["modifier"] = relation.strength
    if archimate == "Association" and relation is not None and relation.directed:
        result["isDirected"] = "true"
    return result


def architecture_properties(graph: ModelGraph) -> list[_Property]:
    """Architecture metadata (framework, as_of, horizon, ...) and non-default rule settings."""
    architecture = graph.architecture
    result = []
    for name in type(architecture).model_fields:
        if name in ARCHITECTURE_TEXT_FIELDS:
            continue
        value = getattr(architecture, name)
        if value is None or value == _default(type(architecture), name):
            continue
        result.append(_Property(PROPERTY_PREFIX + name, value))
    if graph.manifest.rules != RulesConfig():
        result.append(_Property(PROPERTY_PREFIX + "rules", graph.manifest.rules))
    if graph.manifest.views is not None:
        result.append(_Property(PROPERTY_PREFIX + "views", graph.manifest.views))
    return result


class _PropertyTable:
    """Property definitions: one per property name, with stable identifiers."""

    def __init__(self, properties: Iterable[_Property]) -> None:
        values: dict[str, list[Any]] = {}
        for prop in properties:
            values.setdefault(prop.name, []).append(prop.value)
        allocator = IdAllocator()
        self.ids: dict[str, str] = {}
        self.types: dict[str, str] = {}
        for name in sorted(values):
            self.ids[name] = allocator.allocate("propid-" + slugify(name, "property"))
            self.types[name] = property_type(values[name])

    def write(self, parent: ET.Element, properties: list[_Property]) -> None:
        if not properties:
            return
        holder = ET.SubElement(parent, "properties")
        for prop in properties:
            node = ET.SubElement(holder, "property", {"propertyDefinitionRef": self.ids[prop.name]})
            ET.SubElement(node, "value").text = encode(prop.value)

    def write_definitions(self, parent: ET.Element) -> None:
        holder = ET.SubElement(parent, "propertyDefinitions")
        for name, identifier in sorted(self.ids.items(), key=lambda item: item[1]):
            node = ET.SubElement(
                holder, "propertyDefinition", {"identifier": identifier, "type": self.types[name]}
            )
            ET.SubElement(node, "name").text = name


def _names(parent: ET.Element, tag: str, vi: str, en: str | None) -> None:
    ET.SubElement(parent, tag, {LANG: "vi"}).text = vi
    if en:
        ET.SubElement(parent, tag, {LANG: "en"}).text = en


def _documentation(parent: ET.Element, vi: str | None, en: str | None) -> None:
    if vi:
        ET.SubElement(parent, "documentation", {LANG: "vi"}).text = vi
    if en:
        ET.SubElement(parent, "documentation", {LANG: "en"}).text = en


def _oriented(edge: Edge) -> tuple[str, str]:
    """ArchiMate source and target of an edge (some relation types point the other way)."""
    if RELATION_EXPORT[edge.type].reverse:
        return edge.target, edge.source
    return edge.source, edge.target


def _edge_id(edge: Edge) -> str:
    return relationship_id(edge.source, edge.type, edge.target)


# --- views ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExchangeView:
    """One diagram of the exchange file: an eakit diagram view's members and relation types."""

    name: str
    title: str
    title_en: str | None
    members: frozenset[str]
    relations: frozenset[str]


def exchange_views(graph: ModelGraph) -> list[ExchangeView]:
    """The model's diagram views (built-in or from ``views:`` in the manifest), as the
    diagrams ``eakit diagram`` draws: the same components and relation types. Per-agency
    views are left out (one per agency would swamp a modelling tool's view list), and
    aggregated nodes are shown as their members.

    Raises :class:`eakit.render.diagrams.views.ViewError` for a view that cannot be resolved.
    """
    from eakit.render.diagrams.views import resolve_views, view_members

    result = []
    for view in resolve_views(graph):
        if view.agency is not None or view.focus is not None:
            continue
        spec = view.spec
        relations = (
            set(spec.relations)
            if spec.relations is not None
            else set(relation_types()) - STRUCTURAL_RELATIONS
        )
        result.append(
            ExchangeView(
                view.name,
                spec.title or view.name,
                spec.title_en,
                frozenset(view_members(graph, view)),
                frozenset(relations),
            )
        )
    return result


def _view_components(graph: ModelGraph, view: ExchangeView) -> dict[str, list[BaseComponent]]:
    lanes: dict[str, list[BaseComponent]] = {}
    for cid in sorted(view.members):
        component = graph.get(cid)
        lanes.setdefault(component.layer.value, []).append(component)
    for members in lanes.values():
        members.sort(key=lambda c: (_KIND_ORDER[kind_of(c)], vi_sort_key(c.name), c.id))
    return dict(sorted(lanes.items(), key=lambda item: _LAYER_ORDER[item[0]]))


def _write_view(graph: ModelGraph, view: ExchangeView, parent: ET.Element) -> None:
    node = ET.SubElement(parent, "view", {"identifier": f"view-{view.name}", "xsi:type": "Diagram"})
    _names(node, "name", view.title, view.title_en)
    lanes = _view_components(graph, view)
    widest = max((min(len(m), COLUMNS) for m in lanes.values()), default=1)
    lane_w = widest * NODE_W + (widest + 1) * GAP
    layer_names = {info.layer.value: info for info in LAYERS}
    node_ids: dict[str, str] = {}
    y = MARGIN
    for layer, members in lanes.items():
        rows = (len(members) + COLUMNS - 1) // COLUMNS
        lane_h = LANE_HEADER + rows * NODE_H + rows * GAP
        lane = ET.SubElement(
            node,
            "node",
            {
                "identifier": f"n-{view.name}.layer.{layer}",
                "xsi:type": "Container",
                "x": str(MARGIN),
                "y": str(y),
                "w": str(lane_w),
                "h": str(lane_h),
            },
        )
        info = layer_names[layer]
        _names(lane, "label", info.name, info.name_en)
        style = ET.SubElement(lane, "style")
        r, g, b = LANE_COLOURS[layer]
        ET.SubElement(style, "fillColor", {"r": str(r), "g": str(g), "b": str(b)})
        for index, component in enumerate(members):
            row, column = divmod(index, COLUMNS)
            identifier = f"n-{view.name}.{component.id}"
            node_ids[component.id] = identifier
            # Coordinates in the exchange format are absolute, nested or not.
            ET.SubElement(
                lane,
                "node",
                {
                    "identifier": identifier,
                    "elementRef": element_id(component.id),
                    "xsi:type": "Element",
                    "x": str(MARGIN + GAP + column * (NODE_W + GAP)),
                    "y": str(y + LANE_HEADER + row * (NODE_H + GAP)),
                    "w": str(NODE_W),
                    "h": str(NODE_H),
                },
            )
        y += lane_h + GAP
    for edge in graph.edges():
        if edge.type not in view.relations:
            continue
        source, target = _oriented(edge)
        if source not in node_ids or target not in node_ids:
            continue
        ET.SubElement(
            node,
            "connection",
            {
                "identifier": f"c-{view.name}.{edge.source}.{edge.type}.{edge.target}",
                "relationshipRef": _edge_id(edge),
                "xsi:type": "Relationship",
                "source": node_ids[source],
                "target": node_ids[target],
            },
        )


# --- the document -------------------------------------------------------------------------------


def export_archimate(graph: ModelGraph) -> bytes:
    """The exchange file of a model, as UTF-8 bytes."""
    architecture = graph.architecture
    components = list(graph.components())
    edges = graph.edges()
    views = exchange_views(graph)
    model_props = architecture_properties(graph)
    element_props = {c.id: component_properties(c) for c in components}
    edge_props = {_edge_id(e): relation_properties(e) for e in edges}
    table = _PropertyTable(
        [
            *model_props,
            *(p for props in element_props.values() for p in props),
            *(p for props in edge_props.values() for p in props),
        ]
    )

    root = ET.Element(
        "model",
        {
            "xmlns": ARCHIMATE_NS,
            "xmlns:xsi": XSI_NS,
            "xsi:schemaLocation": SCHEMA_LOCATION,
            "identifier": model_id(architecture.id),
        },
    )
    _names(root, "name", architecture.name, architecture.name_en)
    _documentation(root, architecture.description, architecture.description_en)
    table.write(root, model_props)

    elements = ET.SubElement(root, "elements")
    for component in components:
        node = ET.SubElement(
            elements,
            "element",
            {
                "identifier": element_id(component.id),
                "xsi:type": KIND_EXPORT[kind_of(component)].archimate,
            },
        )
        _names(node, "name", component.name, component.name_en)
        _documentation(node, component.description, component.description_en)
        table.write(node, element_props[component.id])

    if edges:
        relationships = ET.SubElement(root, "relationships")
        for edge in edges:
            source, target = _oriented(edge)
            archimate = relationship_type(
                edge, kind_of(graph.get(source)), kind_of(graph.get(target))
            )
            attributes = {
                "identifier": _edge_id(edge),
                "source": element_id(source),
                "target": element_id(target),
                "xsi:type": archimate,
            }
            attributes |= relationship_attributes(edge, archimate)
            node = ET.SubElement(relationships, "relationship", attributes)
            description = edge.relation.description if edge.relation is not None else None
            _documentation(node, description, None)
            table.write(node, edge_props[_edge_id(edge)])

    organizations = ET.SubElement(root, "organizations")
    for info in LAYERS:
        members = [c for c in components if c.layer == info.layer]
        if not members:
            continue
        folder = ET.SubElement(organizations, "item")
        _names(folder, "label", info.name, info.name_en)
        for component in members:
            ET.SubElement(folder, "item", {"identifierRef": element_id(component.id)})
    if edges:
        folder = ET.SubElement(organizations, "item")
        _names(folder, "label", "Quan hệ", "Relations")
        for edge in edges:
            ET.SubElement(folder, "item", {"identifierRef": _edge_id(edge)})
    folder = ET.SubElement(organizations, "item")
    _names(folder, "label", "Khung nhìn", "Views")
    for view in views:
        ET.SubElement(folder, "item", {"identifierRef": f"view-{view.name}"})

    if table.ids:
        table.write_definitions(root)

    if views:
        diagrams = ET.SubElement(ET.SubElement(root, "views"), "diagrams")
        for view in views:
            _write_view(graph, view, diagrams)

    ET.indent(root, space="  ")
    # ElementTree writes any character it is given; its own markup is plain ASCII, so
    # cleaning the whole text cleans exactly the model's.
    text = for_xml(ET.tostring(root, encoding="unicode", xml_declaration=False))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")


def write_archimate(graph: ModelGraph, path: Path) -> Path:
    """Write the exchange file of a model to ``path`` atomically."""
    atomic.write_bytes(path, export_archimate(graph))
    return path
