"""The model's graph is a networkx ``MultiDiGraph``: the one eakit fills directly equals
the one networkx's public API builds from the same model, and the graph's queries read it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from eakit.generate import generate_model
from eakit.graph import ModelGraph, build_graph
from eakit.loader import load_model
from eakit.model import Model, kind_of
from eakit.model.refs import ref_fields
from tests.conftest import BUNDLED_MODEL, FIXTURES


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_model(tmp_path_factory.mktemp("generated") / "model", 1, 7).root


@pytest.fixture(params=["mini", "bundled", "generated"])
def model(request: pytest.FixtureRequest) -> Model:
    if request.param == "mini":
        return load_model(FIXTURES / "valid" / "mini")
    if request.param == "bundled":
        return load_model(BUNDLED_MODEL)
    return load_model(request.getfixturevalue("generated"))


def _through_the_api(model: Model) -> nx.MultiDiGraph[str]:
    """The model's graph as networkx's own methods build it: reference fields first (the
    first component to declare an edge is its origin), then relations, which keep a
    field's origin when they restate it."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for cid, component in model.components.items():
        graph.add_node(
            cid,
            obj=component,
            kind=kind_of(component),
            layer=component.layer,
            status=component.status.value,
        )
    for cid, component in model.components.items():
        for field in ref_fields(type(component)):
            value = getattr(component, field.name)
            for target in [] if value is None else value if field.many else [value]:
                source, dest = (target, cid) if field.ref.reverse else (cid, target)
                if not graph.has_edge(source, dest, key=field.ref.edge):
                    graph.add_edge(
                        source, dest, key=field.ref.edge, type=field.ref.edge,
                        origin=field.name, relation=None, state="current",
                    )  # fmt: skip
    for relation in model.relations:
        key = relation.type
        known = graph.get_edge_data(relation.from_, relation.to, key)
        graph.add_edge(
            relation.from_, relation.to, key=key, type=key,
            origin="relation" if known is None else known["origin"],
            relation=relation, state=relation.status.value,
        )  # fmt: skip
    return graph


def _edges(graph: nx.MultiDiGraph[str], incoming: bool = False) -> dict[Any, dict[str, Any]]:
    view = graph.in_edges if incoming else graph.out_edges
    return {(s, t, k): d for s, t, k, d in view(keys=True, data=True)}  # type: ignore[call-overload]


def test_the_graph_is_the_one_the_networkx_api_builds(model: Model) -> None:
    graph = build_graph(model).g
    reference = _through_the_api(model)
    assert isinstance(graph, nx.MultiDiGraph)
    assert dict(graph.nodes(data=True)) == dict(reference.nodes(data=True))
    assert graph.number_of_nodes() == reference.number_of_nodes() == len(model.components)
    assert graph.number_of_edges() == reference.number_of_edges() > 0
    assert _edges(graph) == _edges(reference)
    # The predecessor side holds the same edges as the successor side.
    assert _edges(graph, incoming=True) == _edges(reference)
    for source, target, key in list(_edges(graph))[::50]:
        assert graph.has_edge(source, target, key)
        assert graph.pred[target][source] == graph.succ[source][target]
    assert nx.utils.graphs_equal(graph, reference)


def test_the_graph_is_frozen_and_networkx_algorithms_read_it(model: Model) -> None:
    graph = build_graph(model).g
    assert nx.is_frozen(graph)
    with pytest.raises(nx.NetworkXError):
        graph.add_node("new")
    # A copy is an ordinary graph that can be changed.
    copy = nx.MultiDiGraph(graph)
    copy.add_edge("a", "b", key="uses")
    assert copy.number_of_edges() == graph.number_of_edges() + 1
    first = next(iter(graph))
    assert nx.descendants(graph, first) == build_graph(model).reachable(first)


def test_queries_read_the_networkx_graph(model: Model) -> None:
    mg = ModelGraph(model)
    g = mg.g
    assert mg.ids() == sorted(g.nodes)
    assert mg.kinds == dict(g.nodes(data="kind"))
    assert mg.states == dict(g.nodes(data="status"))
    assert all(mg.objects[cid] is data["obj"] for cid, data in g.nodes(data=True))
    everything = sorted(
        ((s, k, t, d["origin"], d["state"], d["relation"]) for s, t, k, d in
         g.edges(keys=True, data=True)),
        key=lambda e: e[:3],
    )  # fmt: skip
    assert [(e.source, e.type, e.target, e.origin, e.state, e.relation) for e in mg.edges()] == (
        everything
    )
    assert sorted(mg.edges_unordered()) == sorted(mg.edges())
    for cid in mg.ids()[::7]:
        assert set(mg.adjacent(cid)) == set(nx.all_neighbors(g, cid))
        for source, target, key in g.out_edges(cid, keys=True):
            edge = mg.edge(source, target, key)
            assert edge is not None and edge in mg.out_edges(cid) and edge in mg.in_edges(target)
        for kind in ("agency", "application"):
            assert mg.ids_of_kinds([kind]) == sorted(
                n for n, k in g.nodes(data="kind") if k == kind
            )
    assert mg.edge("no-such-id", "other", "uses") is None
