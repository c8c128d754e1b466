"""Diagrams of large models: node cap with folding, agency views only on request, fast
selections that agree with the reference matcher, one drawing for two folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from eakit.graph import ModelGraph
from eakit.model.views import Selector
from eakit.pipeline import load_graph
from eakit.render.diagrams import ViewError, draw_views, prefix_links
from eakit.render.diagrams import render as render_mod
from eakit.render.diagrams import scene as scene_mod
from eakit.render.diagrams import views as views_mod
from eakit.render.diagrams.render import default_views, render_views
from eakit.render.diagrams.scene import build_scene
from eakit.render.diagrams.views import (
    ViewCatalog,
    matches,
    resolve_views,
    select,
    view_members,
)
from tests.diagrams.conftest import write_province


def _overview(graph: ModelGraph):
    return next(v for v in resolve_views(graph) if v.name == "overview")


def test_view_under_the_cap_is_unchanged(province: ModelGraph) -> None:
    scene = build_scene(province, _overview(province))
    assert len(scene.nodes) <= scene_mod.MAX_NODES
    assert not any(":" in n.id and n.id.count(":") > 3 for n in scene.nodes.values())


def test_cap_folds_the_rest_and_keeps_every_member(
    province: ModelGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = _overview(province)
    before = build_scene(province, view)
    cap = max(2, len(before.nodes) // 3)
    monkeypatch.setattr(scene_mod, "MAX_NODES", cap)
    after = build_scene(province, view)
    assert len(after.nodes) < len(before.nodes)
    # Folding hides no component: every member is in exactly one box.
    shown = [m for node in after.nodes.values() for m in node.members]
    assert sorted(shown) == sorted(view_members(province, view))
    folded = [n for n in after.nodes.values() if n.aggregate and n.id.count(":") == 4]
    assert folded, "the cap should have made scope-keyed aggregate nodes"
    for node in folded:
        kinds = {province.kinds[m] for m in node.members}
        scopes = {province.get(m).scope for m in node.members}
        assert kinds == {node.kind} and len(scopes) == 1 and len(node.members) >= 2
    # Edges only join boxes that exist.
    assert all(e.source in after.nodes and e.target in after.nodes for e in after.edges)


def test_edges_match_a_full_scan(province: ModelGraph) -> None:
    """Scanning members' out-edges gives the same edges as scanning the whole model."""
    view = _overview(province)
    scene = build_scene(province, view)
    members = view_members(province, view)
    allowed = set(view.spec.relations or [])
    expected = {
        (e.source, e.target, e.type)
        for e in province.edges()
        if e.source in members and e.target in members and e.type in allowed
    }
    node_of = {m: n.id for n in scene.nodes.values() for m in n.members}
    drawn = {(e.source, e.target, e.type) for e in scene.edges}
    assert drawn == {
        (node_of[s], node_of[t], ty) for s, t, ty in expected if node_of[s] != node_of[t]
    }


def test_agency_views_on_request_above_the_limit(
    province: ModelGraph, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    resolved = resolve_views(province)
    agency_views = [v for v in resolved if v.agency is not None]
    assert agency_views, "the fixture province should have per-agency views"
    assert default_views(ViewCatalog(province)) == resolved
    monkeypatch.setattr(render_mod, "MAX_AGENCY_VIEWS", len(agency_views) - 1)
    chosen = default_views(ViewCatalog(province))
    assert [v.name for v in chosen] == [v.name for v in resolved if v.agency is None]
    paths = render_views(province, None, tmp_path / "all", formats=("dot",))
    assert {p.stem for p in paths} == {v.name for v in chosen}
    wanted = agency_views[0].name
    [path] = render_views(province, None, tmp_path / "one", formats=("dot",), views=[wanted])
    assert path.name == f"{wanted}.dot" and path.read_text("utf-8").startswith("digraph")


# --- national scale: selections, lazy agency views, one drawing for two uses ----------------


def _predicates() -> list[Selector]:
    """Every predicate of the built-in views, plus the corners of the selector language."""
    from eakit.model.views import BUILTIN_VIEWS

    builtin = [
        p
        for spec in BUILTIN_VIEWS
        for p in (*spec.include, *spec.exclude, *spec.hub, *(spec.per_agency or []))
    ]
    extra = [
        {"ids": ["so-*", "lan-so-??"]},
        {"ids": ["[lt]*"], "kinds": ["lan", "network"]},
        {"ids": ["lgsp"]},
        {"layers": ["infrastructure", "security"]},
        {"kinds": ["application", "lan"], "layers": ["applications"]},
        {"where": {"level": 3}},
        {"where": {"level": "3"}},
        {"where": {"level": [2, "4", None]}},
        {"where": {"target": None}},
        {"where": {"connection_points": 51.0}},
        {"where": {"status": ["planned", 3]}},
        {"where": {"scope": "national", "kind": "network"}},
        {"where": {"security_level": "3"}},  # read as 3 (a level is a number)
        {"where": {"properties.owner": "x"}},
        {"where": {"deployed_at": "so-tu-phap"}},
    ]
    return builtin + [Selector.model_validate(p) for p in extra]


@pytest.mark.parametrize("model", ["province", "bundled_graph"])
def test_compiled_selection_agrees_with_the_reference_matcher(
    model: str, request: pytest.FixtureRequest
) -> None:
    graph: ModelGraph = request.getfixturevalue(model)
    ids = graph.ids()
    predicates = _predicates()
    for predicate in predicates:
        expected = {cid for cid in ids if matches(graph.get(cid), predicate)}
        assert select(graph, ids, [predicate]) == expected, predicate
    union = {cid for cid in ids if any(matches(graph.get(cid), p) for p in predicates[:6])}
    assert select(graph, iter(ids), predicates[:6]) == union


def test_agency_views_are_found_only_when_needed(
    province: ModelGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    resolved = resolve_views(province)
    agency_views = [v for v in resolved if v.agency is not None]
    catalog = ViewCatalog(province)
    for view in resolved:
        assert catalog.get(view.name) == view
    assert catalog.get("agency-ubnd-tinh") is None  # owns nothing: no view
    assert catalog.get("agency-lgsp") is None and catalog.get("nothing") is None
    for limit in range(len(agency_views) + 2):
        assert catalog.agency_views_exceed(limit) == (len(agency_views) > limit)

    examined: list[str] = []
    real_select = views_mod.select

    def counting(graph: ModelGraph, ids, predicates):  # type: ignore[no-untyped-def]
        ids = list(ids)
        examined.extend(ids)
        return real_select(graph, ids, predicates)

    monkeypatch.setattr(views_mod, "select", counting)
    monkeypatch.setattr(render_mod, "MAX_AGENCY_VIEWS", 3)
    chosen = default_views(ViewCatalog(province))
    assert [v.name for v in chosen] == [v.name for v in resolved if v.agency is None]
    # Counting stopped at the fourth agency with a view: the others were never looked at.
    assert len([cid for cid in examined if province.kinds[cid] == "agency"]) < 10


def test_a_view_named_like_an_agency_view_is_a_clash(tmp_path: Path) -> None:
    views = ["overview", "agency", {"name": "agency-so-tu-phap", "include": ["so-tu-phap"]}]
    graph = load_graph(write_province(tmp_path / "a", {"views": views}))
    with pytest.raises(ViewError, match="hai sơ đồ cùng tên 'agency-so-tu-phap'") as caught:
        ViewCatalog(graph)
    assert "two views are named 'agency-so-tu-phap'" in caught.value.message.en
    assert caught.value.path == ("views", 2)
    # An agency without a view of its own leaves the name free.
    views[2] = {"name": "agency-ubnd-tinh", "include": ["ubnd-tinh"]}
    graph = load_graph(write_province(tmp_path / "b", {"views": views}))
    assert "agency-ubnd-tinh" in [v.name for v in resolve_views(graph)]


def test_prefixed_links_give_the_bytes_of_drawing_with_them(province: ModelGraph) -> None:
    def link(cid: str) -> str:
        return f"components/{cid}.html#top"

    drawn = draw_views(province, None, link=link, views=["overview", "agency-so-tu-phap"])
    again = draw_views(
        province,
        None,
        link=lambda cid: f"../site/{link(cid)}",
        views=["overview", "agency-so-tu-phap"],
    )
    assert [d.view.name for d in drawn] == ["overview", "agency-so-tu-phap"]
    for plain, prefixed in zip(drawn, again, strict=True):
        assert b"../site/components/" in prefixed.data
        assert prefix_links(plain.data, "../site/") == prefixed.data
    with pytest.raises(ValueError, match="escaping"):
        prefix_links(drawn[0].data, '"><script>')


def test_drawing_views_draws_every_resolved_view(tmp_path: Path) -> None:
    graph = load_graph(write_province(tmp_path / "m"))
    drawings = draw_views(graph, None, formats=("dot",))
    assert [d.view.name for d in drawings] == [v.name for v in resolve_views(graph)]
