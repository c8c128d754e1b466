"""The fast edge queries of the graph agree with networkx's own views."""

from __future__ import annotations

from pathlib import Path

from eakit.graph import Edge, build_graph
from eakit.loader import load_model


def _reference(graph, component_id: str, types: tuple[str, ...], outgoing: bool) -> list[Edge]:
    view = graph.g.out_edges if outgoing else graph.g.in_edges
    edges = [
        Edge(s, t, k, d["origin"], d["relation"], d["state"])
        for s, t, k, d in view(component_id, keys=True, data=True)
        if not types or k in types
    ]
    return sorted(edges, key=lambda e: (e.source, e.type, e.target))


def test_out_and_in_edges_match_networkx(province_model: Path) -> None:
    model = load_model(province_model)
    graph = build_graph(model)
    types_seen = sorted({k for _, _, k in graph.g.edges(keys=True)})
    filters = [(), ("delivers",), ("integrates_with", "owned_by"), ("serves", "uses_channel")]
    assert len(types_seen) > 10
    for number, cid in enumerate(graph.ids()):
        if number % 7:  # a seventh of the nodes, hubs included below
            continue
        for types in filters:
            assert graph.out_edges(cid, *types) == _reference(graph, cid, types, True)
            assert graph.in_edges(cid, *types) == _reference(graph, cid, types, False)
    hub = max(graph.ids(), key=lambda c: graph.g.degree(c))
    for types in [*filters, tuple(types_seen)]:
        # Asked twice: the second answer comes from the per-node index.
        for _ in range(2):
            assert graph.out_edges(hub, *types) == _reference(graph, hub, types, True)
            assert graph.in_edges(hub, *types) == _reference(graph, hub, types, False)
    # Callers may change what they get back without changing the graph.
    graph.out_edges(hub).clear()
    assert graph.out_edges(hub) == _reference(graph, hub, (), True)


def test_relation_location_finds_each_declared_relation(province_model: Path) -> None:
    model = load_model(province_model)
    graph = build_graph(model)
    for relation, ref in list(zip(model.relations, model.relation_sources, strict=True))[::500]:
        assert graph.relation_location(relation) == model.locator.locate(ref)


def test_all_edges_match_networkx(province_model: Path) -> None:
    graph = build_graph(load_model(province_model))
    data = graph.g.edges(keys=True, data=True)
    everything = sorted(
        (Edge(s, t, k, d["origin"], d["relation"], d["state"]) for s, t, k, d in data),
        key=lambda e: (e.source, e.type, e.target),
    )
    assert graph.edges() == everything
    some = ("serves", "owned_by")
    assert graph.edges(*some) == [e for e in everything if e.type in some]
    graph.edges().clear()  # a copy: the next caller still gets every edge
    assert len(graph.edges()) == len(everything)
