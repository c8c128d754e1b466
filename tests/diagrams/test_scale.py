"""Diagrams of large models: node cap with folding, agency views only on request."""

from __future__ import annotations

from pathlib import Path

import pytest

from eakit.graph import ModelGraph
from eakit.render.diagrams import render as render_mod
from eakit.render.diagrams import scene as scene_mod
from eakit.render.diagrams.render import default_views, render_views
from eakit.render.diagrams.scene import build_scene
from eakit.render.diagrams.views import resolve_views, view_members


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
        kinds = {province.g.nodes[m]["kind"] for m in node.members}
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
    assert default_views(resolved) == resolved
    monkeypatch.setattr(render_mod, "MAX_AGENCY_VIEWS", len(agency_views) - 1)
    chosen = default_views(resolved)
    assert [v.name for v in chosen] == [v.name for v in resolved if v.agency is None]
    paths = render_views(province, None, tmp_path / "all", formats=("dot",))
    assert {p.stem for p in paths} == {v.name for v in chosen}
    wanted = agency_views[0].name
    [path] = render_views(province, None, tmp_path / "one", formats=("dot",), views=[wanted])
    assert path.name == f"{wanted}.dot" and path.read_text("utf-8").startswith("digraph")
