"""Single points of failure: articulation points and bridges of the integration and
infrastructure networks, and the most central systems."""

from __future__ import annotations

from eakit.analysis.present import resilience_json, resilience_text
from eakit.analysis.resilience import NETWORK_BY_NAME, network_graph, resilience


def test_articulation_points_and_bridges_of_a_known_network(small_graph) -> None:
    result = resilience(small_graph)
    infra = {n.name: n for n in result.networks}["infrastructure"]
    assert [(p.id, p.cut_off) for p in infra.cut_points] == [("mang-tslcd", 2), ("ttdl", 1)]
    # lan-a is tied to both mang-tslcd and ttdl: none of those three links is a bridge.
    assert [(b.source, b.target, b.types, b.cut_off) for b in infra.bridges] == [
        ("cong-internet", "ttdl", ("located_in",), 1),
        ("lan-b", "mang-tslcd", ("connects_to",), 1),
        ("mang-tslcd", "ttdl-2", ("connects_to",), 1),
    ]
    assert infra.nodes == 6 and infra.edges == 6 and infra.parts == 1
    assert infra.central[0].id == "mang-tslcd"
    assert [c.score for c in infra.central] == sorted(
        (c.score for c in infra.central), reverse=True
    )


def test_the_integration_network_of_the_fixture(small_graph) -> None:
    result = resilience(small_graph)
    integration = {n.name: n for n in result.networks}["integration"]
    assert integration.cut_points == ()
    assert [(b.source, b.target) for b in integration.bridges] == [("app-a", "lgsp")]


def test_network_view_is_undirected_and_sorted(small_graph) -> None:
    undirected = network_graph(small_graph, NETWORK_BY_NAME["infrastructure"])
    assert list(undirected.nodes) == sorted(undirected.nodes)
    assert undirected.has_edge("ttdl", "lan-a") and undirected.has_edge("lan-a", "ttdl")


def test_bundled_model_single_points(bundled_graph) -> None:
    result = resilience(bundled_graph)
    infra = {n.name: n for n in result.networks}["infrastructure"]
    points = [p.id for p in infra.cut_points]
    assert points[0] == "tslcd"  # every agency LAN hangs on it
    assert "tt-tich-hop-du-lieu" in points
    assert resilience(bundled_graph) == result  # deterministic


def test_text_and_json_in_both_languages(small_graph) -> None:
    result = resilience(small_graph)
    vi = resilience_text(small_graph, result, "vi")
    en = resilience_text(small_graph, result, "en")
    assert "Điểm lỗi đơn (điểm khớp)" in vi and "tách rời 2 thành phần" in vi
    assert "Single points of failure (articulation points)" in en
    assert "Mạng truyền số liệu chuyên dùng [mang-tslcd]: cuts off 2 components" in en
    data = resilience_json(small_graph, result, "en")
    infra = data["networks"][1]
    assert infra["name"] == "infrastructure"
    assert infra["articulation_points"][0] == {
        "id": "mang-tslcd",
        "name": "Mạng truyền số liệu chuyên dùng",
        "cut_off": 2,
    }


def test_betweenness_of_a_large_network_is_sampled_deterministically(
    small_graph, monkeypatch
) -> None:
    from eakit.analysis import resilience as module

    monkeypatch.setattr(module, "BETWEENNESS_EXACT_LIMIT", 2)
    monkeypatch.setattr(module, "BETWEENNESS_SOURCES", 3)
    first = resilience(small_graph)
    infra = {n.name: n for n in first.networks}["infrastructure"]
    assert infra.sampled == 3
    assert resilience(small_graph) == first
    assert "betweenness estimated from 3 sources" in resilience_text(small_graph, first, "en")
