"""The valid fixture model loads to the expected graph."""

from __future__ import annotations

from eakit.diagnostics import Location
from eakit.pipeline import load_graph
from tests.conftest import FIXTURES

MINI = FIXTURES / "valid" / "mini"


def test_mini_model_counts_and_edges() -> None:
    graph = load_graph(MINI)
    assert len(graph) == 8
    assert {c.id for c in graph.by_kind("agency")} == {"ubnd-tinh", "so-tt-tt", "so-tu-phap"}
    edges = {(e.source, e.type, e.target) for e in graph.edges()}
    assert ("mot-cua", "integrates_with", "lgsp") in edges
    assert ("mot-cua", "hosted_on", "tt-du-lieu") in edges
    assert ("lan-so-tu-phap", "belongs_to", "so-tu-phap") in edges
    assert ("so-tu-phap", "part_of", "ubnd-tinh") in edges
    assert len(edges) == 11


def test_attributes_and_relation_data() -> None:
    graph = load_graph(MINI)
    app = graph.get("mot-cua")
    assert app.security_level == 3
    assert app.name == "Hệ thống thông tin một cửa điện tử"
    [edge] = graph.out_edges("mot-cua", "integrates_with")
    assert edge.relation is not None and edge.relation.protocol == "REST"


def test_locations_of_components_and_fields() -> None:
    graph = load_graph(MINI)
    assert graph.location("mot-cua") == Location("systems.yaml", 13, 5)
    assert graph.location("mot-cua", "deployed_at", 0) == Location("systems.yaml", 20, 19)
    assert graph.location("so-tu-phap", "parent") == Location("agencies.yaml", 18, 5)


def test_queries() -> None:
    graph = load_graph(MINI)
    assert graph.agency_of("lan-so-tu-phap") == "so-tu-phap"
    assert graph.agency_of("mot-cua") == "so-tt-tt"
    assert graph.neighbourhood("lgsp", 1) == {"lgsp", "mot-cua", "tt-du-lieu", "so-tt-tt"}
    assert "tt-du-lieu" in graph.reachable("mot-cua", "integrates_with", "hosted_on")
    assert "so-tu-phap" not in graph.reachable("mot-cua", "integrates_with")
    assert graph.children("ubnd-tinh") == ["so-tt-tt", "so-tu-phap"]
    assert [c.id for c in graph.components_of_agency("so-tu-phap")] == ["lan-so-tu-phap", "mot-cua"]


def test_reachable_and_neighbourhood_agree_with_networkx(bundled_graph):
    import networkx as nx

    g = bundled_graph.g
    undirected = g.to_undirected(as_view=True)
    for types in [(), ("integrates_with", "connects_to"), ("owned_by", "part_of")]:
        view = nx.subgraph_view(g, filter_edge=lambda s, t, k, w=set(types): k in w)
        for cid in bundled_graph.ids():
            expected = nx.descendants(view if types else g, cid)
            assert bundled_graph.reachable(cid, *types) == expected, (cid, types)
    for cid in bundled_graph.ids():
        for depth in (1, 2):
            expected = set(nx.single_source_shortest_path_length(undirected, cid, cutoff=depth))
            assert bundled_graph.neighbourhood(cid, depth) == expected
