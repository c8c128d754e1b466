"""``eakit export graph``: node-link JSON, GraphML and GEXF that networkx reads back with
every attribute."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

import networkx as nx
import pytest

from eakit.analysis.export import GraphFormat, _one_type_each, export_graph, flat_graph
from eakit.pipeline import load_graph


def _read(data: bytes, fmt: str) -> nx.MultiDiGraph:
    if fmt == "json":
        return nx.node_link_graph(json.loads(data), edges="edges")
    if fmt == "graphml":
        return nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    # GEXF has no multigraph flag: networkx makes one when two edges share their ends.
    return nx.MultiDiGraph(nx.read_gexf(io.BytesIO(data)))


@pytest.mark.parametrize("fmt", [f.value for f in GraphFormat])
def test_round_trip_keeps_nodes_edges_and_attributes(small_graph, fmt: str) -> None:
    data = export_graph(small_graph, fmt)
    back = _read(data, fmt)
    g = small_graph.g
    assert back.is_directed() and back.is_multigraph()
    assert back.number_of_nodes() == g.number_of_nodes() == 13
    assert back.number_of_edges() == g.number_of_edges()
    assert set(back.nodes) == set(g.nodes)
    app = back.nodes["app-a"]
    assert app["kind"] == "application"
    assert app["layer"] == "applications"
    assert app["name"] == "Hộ tịch" and app["name_en"] == "Civil registry"
    assert app["label"] == "Hộ tịch"
    assert app["status"] == "current"
    assert app["owner"] == "so-a" and app["hosted_on"] == "ttdl-2"
    assert back.nodes["app-c"]["target"] == 2028  # numbers stay numbers
    type_name = "relation_type" if fmt == "gexf" else "type"
    keys = {(u, v, d[type_name], d["origin"]) for u, v, d in back.edges(data=True) if u == "app-a"}
    assert keys == {
        ("app-a", "lgsp", "integrates_with", "relation"),
        ("app-a", "so-a", "owned_by", "owner"),
        ("app-a", "ttdl-2", "hosted_on", "hosted_on"),
    }


def test_the_bundled_model_round_trips(bundled_graph) -> None:
    for fmt in GraphFormat:
        back = _read(export_graph(bundled_graph, fmt), fmt.value)
        assert back.number_of_nodes() == bundled_graph.g.number_of_nodes()
        assert back.number_of_edges() == bundled_graph.g.number_of_edges()


def test_output_is_deterministic_and_dated_by_the_model(small_graph, small_model: Path) -> None:
    again = load_graph(small_model)
    for fmt in GraphFormat:
        assert export_graph(small_graph, fmt) == export_graph(again, fmt)
    gexf = export_graph(small_graph, "gexf")
    assert b'lastmodifieddate="2026-01-01"' in gexf and b"<creator>eakit</creator>" in gexf


def test_lists_become_json_text_and_text_is_nfc_without_xml_controls(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "eakit.yaml").write_text(
        "eakit: 1\narchitecture: {id: t, name: Thử, framework: vn-dgov-4.0, "
        "as_of: 2026-01-01, horizon: 2030}\n",
        "utf-8",
    )
    decomposed = unicodedata.normalize("NFD", "Sở Tư pháp")
    (folder / "m.yaml").write_text(
        "components:\n"
        f'  - {{id: so-a, kind: agency, agency_type: department, name: "{decomposed}",\n'
        '     description: "một\\x0bhai", tags: [a, b]}\n',
        "utf-8",
    )
    graph = load_graph(folder)
    for fmt in GraphFormat:
        node = _read(export_graph(graph, fmt), fmt.value).nodes["so-a"]
        assert node["name"] == "Sở Tư pháp"
        assert unicodedata.is_normalized("NFC", node["name"])
        assert node["description"] == "mộthai"
        assert json.loads(node["tags"]) == ["a", "b"]


def test_an_attribute_of_several_types_is_written_as_text() -> None:
    items: list[dict] = [{"level": 3, "ok": True}, {"level": "3a", "ok": True}]
    _one_type_each(items)
    assert items == [{"level": "3", "ok": True}, {"level": "3a", "ok": True}]


def test_flat_graph_holds_only_scalars(bundled_graph) -> None:
    flat = flat_graph(bundled_graph)
    for _, data in flat.nodes(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in data.values())
    for *_, data in flat.edges(keys=True, data=True):
        assert all(isinstance(v, str | int | float | bool) for v in data.values())
