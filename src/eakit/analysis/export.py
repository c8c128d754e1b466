"""The model graph for other graph tools: node-link JSON, GraphML and GEXF.

GraphML and GEXF hold only scalar attributes, so every component is flattened: its
fields as scalars (enumerations by value, dates as ISO text), lists and mappings as JSON
text; ``kind``, ``layer`` and ``label`` (the name) are added. Edges carry ``type``,
``origin`` and the declared relation's fields. An attribute whose values have several
types (``level`` 3 in one kind and "3" in another) is written as text everywhere, so
each attribute has one declared type. Text is NFC, without the control characters XML
forbids. Nodes and edges are written in sorted order: the same model, the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from eakit.graph import ModelGraph
from eakit.text import for_xml, nfc

if TYPE_CHECKING:
    import networkx as nx

Scalar = str | int | float | bool


class GraphFormat(StrEnum):
    """A graph file format."""

    json = "json"
    graphml = "graphml"
    gexf = "gexf"


# GEXF gives these edge attribute names a meaning of its own (``type`` is directed or
# undirected), so the relation type is written under another name there.
GEXF_EDGE_RENAMES = {"type": "relation_type"}


def _text(value: str) -> str:
    return for_xml(nfc(value), drop=True)


def _scalar(value: Any) -> Scalar | None:
    """A field value as one scalar attribute (``None``: leave it out)."""
    if value is None:
        return None
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, list | dict) and not value:
        return None
    return _text(json.dumps(value, ensure_ascii=False, sort_keys=True))


def _flat(values: dict[str, Any]) -> dict[str, Scalar]:
    flat: dict[str, Scalar] = {}
    for key, value in values.items():
        scalar = _scalar(value)
        if scalar is not None:
            flat[key] = scalar
    return flat


def node_attributes(graph: ModelGraph, cid: str) -> dict[str, Scalar]:
    """One component's attributes as scalars (``id`` is the node itself)."""
    data = graph.g.nodes[cid]
    fields = data["obj"].model_dump(mode="json", exclude={"id"})
    flat = _flat(fields)
    flat["kind"] = data["kind"]
    flat["layer"] = str(data["layer"].value)
    flat["label"] = _text(fields["name"])
    return flat


def edge_attributes(data: dict[str, Any]) -> dict[str, Scalar]:
    """One edge's attributes as scalars: ``type``, ``origin``, ``status`` and the
    declared relation's other fields (its ``source`` as ``citation``)."""
    flat: dict[str, Scalar] = {"type": data["type"], "origin": data["origin"]}
    relation = data.get("relation")
    if relation is not None:
        fields = relation.model_dump(mode="json", exclude={"from_", "to", "type"})
        # Node-link JSON names an edge's ends ``source`` and ``target``: the relation's
        # citation keeps its own name in every format.
        if "source" in fields:
            fields["citation"] = fields.pop("source")
        flat.update(_flat(fields))
    flat.setdefault("status", "current")
    return flat


def _one_type_each(items: list[dict[str, Scalar]]) -> None:
    """Write as text every attribute whose values have more than one type."""
    types: dict[str, set[type]] = {}
    for attributes in items:
        for key, value in attributes.items():
            types.setdefault(key, set()).add(type(value))
    mixed = {key for key, seen in types.items() if len(seen) > 1}
    for attributes in items:
        for key in mixed & attributes.keys():
            value = attributes[key]
            attributes[key] = json.dumps(value) if isinstance(value, bool) else str(value)


def flat_graph(graph: ModelGraph) -> nx.MultiDiGraph[str]:
    """A copy of :attr:`ModelGraph.g` with scalar attributes only, in sorted order."""
    import networkx as nx

    g = graph.g
    nodes = [(cid, node_attributes(graph, cid)) for cid in sorted(g.nodes)]
    edges = [
        (source, target, key, edge_attributes(data))
        for source, target, key, data in sorted(
            g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])
        )
    ]
    _one_type_each([attributes for _, attributes in nodes])
    _one_type_each([attributes for *_, attributes in edges])
    flat: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    arch = graph.architecture
    flat.graph.update(
        {
            "id": arch.id,
            "name": _text(arch.name),
            "as_of": arch.as_of.isoformat(),
            "horizon": arch.horizon,
        }
    )
    flat.add_nodes_from(nodes)
    flat.add_edges_from(edges)  # type: ignore[arg-type]
    return flat


def _json(flat: nx.MultiDiGraph[str]) -> bytes:
    import networkx as nx

    data = nx.node_link_data(flat, edges="edges")
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _graphml(flat: nx.MultiDiGraph[str]) -> bytes:
    import io

    import networkx as nx

    # The ElementTree writer, not lxml's (used when installed): the same bytes everywhere.
    buffer = io.BytesIO()
    nx.write_graphml_xml(flat, buffer, encoding="utf-8")
    return buffer.getvalue() + b"\n"


def _gexf(flat: nx.MultiDiGraph[str], date: str) -> bytes:
    from xml.etree.ElementTree import tostring

    from networkx.readwrite.gexf import GEXFWriter

    renamed = flat.copy()
    for *_, attributes in renamed.edges(keys=True, data=True):
        for old, new in GEXF_EDGE_RENAMES.items():
            if old in attributes:
                attributes[new] = attributes.pop(old)
                attributes["label"] = attributes[new]
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph(renamed)
    # The writer stamps today's date and its version: the model's date and eakit instead,
    # so the file depends on the model only.
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.set("lastmodifieddate", date)
        creator = meta.find("creator")
        if creator is not None:
            creator.text = "eakit"
    writer.indent(writer.xml)
    body: bytes = tostring(writer.xml, encoding="utf-8")
    return body + b"\n"


def export_graph(graph: ModelGraph, fmt: GraphFormat | str) -> bytes:
    """The model graph as a file of format ``fmt`` (``json``: networkx node-link data)."""
    flat = flat_graph(graph)
    chosen = GraphFormat(fmt)
    if chosen is GraphFormat.json:
        return _json(flat)
    if chosen is GraphFormat.graphml:
        return _graphml(flat)
    return _gexf(flat, graph.architecture.as_of.isoformat())


def chunks(data: bytes, size: int = 1 << 20) -> Iterator[bytes]:
    """``data`` in pieces of ``size`` bytes (for :func:`eakit.atomic.write_chunks`)."""
    view = memoryview(data)
    for start in range(0, len(data), size):
        yield bytes(view[start : start + size])
