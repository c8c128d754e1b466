"""Views as queries: declared in the manifest, resolved against the model, and their scenes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from eakit.diagnostics import Location, Severity
from eakit.findings import CheckResult, Finding
from eakit.graph import ModelGraph
from eakit.model import Status
from eakit.model.manifest import Manifest
from eakit.model.views import BUILTIN_VIEWS, effective_views
from eakit.pipeline import load_graph
from eakit.render.diagrams import ViewError, list_views
from eakit.render.diagrams.scene import build_scene
from eakit.render.diagrams.views import focus_view, resolve_views
from tests.diagrams.conftest import write_province

ARCHITECTURE = {
    "id": "x",
    "name": "X",
    "framework": "vn-egov-2.0",
    "as_of": "2020-12-31",
    "horizon": 2025,
}


def _manifest(views: object) -> Manifest:
    return Manifest.model_validate({"eakit": 1, "architecture": ARCHITECTURE, "views": views})


def _scene(graph: ModelGraph, name: str, result: CheckResult | None = None, **kwargs: object):
    view = next(v for v in resolve_views(graph) if v.name == name)
    return build_scene(graph, view, result, **kwargs)  # type: ignore[arg-type]


# --- declarations -----------------------------------------------------------------------


def test_no_views_key_gives_every_builtin_view() -> None:
    assert [v.name for v in effective_views(None)] == [v.name for v in BUILTIN_VIEWS]


def test_declared_views_replace_the_builtins_and_inherit_unset_keys() -> None:
    manifest = _manifest(
        [
            "integration",
            {"name": "overview", "title": "Tổng quan riêng"},
            {"name": "ung-dung", "include": [{"kinds": ["application"]}], "exclude": ["*-cu"]},
        ]
    )
    views = effective_views(manifest.views)
    assert [v.name for v in views] == ["integration", "overview", "ung-dung"]
    overview = views[1]
    assert overview.title == "Tổng quan riêng"
    assert overview.pillars == ["security", "governance"]  # taken from the built-in
    assert views[2].group_by == "layer" and views[2].exclude[0].ids == ["*-cu"]


@pytest.mark.parametrize(
    ("views", "message"),
    [
        (["overviw"], "did you mean 'overview'"),
        ([{"name": "a", "include": [{"where": {"statu": "planned"}}]}], "did you mean 'status'"),
        ([{"name": "a", "aggregate": [{"kind": "lan", "by": "agency_type"}]}], "kind lan"),
        ([{"name": "a"}, {"name": "a"}], "two views are named 'a'"),
        ([{"name": "a", "include": ["So-*"]}], "should match pattern"),
        ([{"name": "a", "group_by": "colour"}], "group_by"),
    ],
)
def test_view_mistakes_are_validation_errors(views: object, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _manifest(views)
    # a problem the selector language finds is said in both languages: read its English
    causes = [(error.get("ctx") or {}).get("error") for error in caught.value.errors()]
    english = [getattr(cause.args[0], "en", "") for cause in causes if cause and cause.args]
    assert message in str(caught.value) or any(message in text for text in english)


def test_declared_view_errors_are_located_in_the_manifest(tmp_path: Path) -> None:
    model = write_province(
        tmp_path / "m", {"views": [{"name": "a", "include": [{"kinds": ["lan"]}, "lgps"]}]}
    )
    graph = load_graph(model)
    with pytest.raises(ViewError) as caught:
        resolve_views(graph)
    assert "'lgps'" in caught.value.message and "có phải là 'lgsp'" in caught.value.message
    assert "did you mean 'lgsp'" in caught.value.message.en
    assert caught.value.path == ("views", 0, "include", 1, "ids", 0)


def test_a_declared_query_selects_by_glob_kind_and_attribute(tmp_path: Path) -> None:
    model = write_province(
        tmp_path / "m",
        {
            "views": [
                {
                    "name": "he-thong-cua-tinh",
                    "include": [{"kinds": ["application"], "where": {"scope": "provincial"}}],
                    "exclude": [{"where": {"status": ["retired", "planned"]}}],
                    "expand": ["hosted_on"],
                }
            ]
        },
    )
    graph = load_graph(model)
    scene = _scene(graph, "he-thong-cua-tinh")
    assert set(scene.nodes) == {"mot-cua", "ho-tich", "tt-du-lieu"}


# --- resolution -------------------------------------------------------------------------


def test_builtin_views_of_a_province(province: ModelGraph) -> None:
    names = [v.name for v in list_views(province)]
    assert names[:4] == ["overview", "integration", "infrastructure", "roadmap"]
    # Every agency with components of its own gets a view; the committee owns nothing.
    assert "agency-so-tu-phap" in names and "agency-huyen-01" in names
    assert "agency-ubnd-tinh" not in names
    titles = {v.name: v.title for v in list_views(province, "en")}
    assert titles["agency-so-tu-phap"] == "Agency: Department of Justice"
    assert titles["agency-so-03"] == "Agency: Sở số 3"  # no English name: Vietnamese


def test_focus_view_of_an_unknown_id_suggests_one(province: ModelGraph) -> None:
    with pytest.raises(ViewError, match="có phải là 'lgsp'") as caught:
        focus_view(province, "lgps")
    assert caught.value.message.en == "no component with id 'lgps' (did you mean 'lgsp'?)"


def test_a_focus_depth_below_one_is_said_in_both_languages(province: ModelGraph) -> None:
    with pytest.raises(ViewError, match="độ sâu phải từ 1 trở lên") as caught:
        focus_view(province, "lgsp", depth=0)
    assert caught.value.message.en == "depth must be 1 or more, got 0"


# --- scenes ---------------------------------------------------------------------------------


def test_overview_aggregates_lans_and_departments(province: ModelGraph) -> None:
    scene = _scene(province, "overview")
    assert not any(n.kind == "lan" and not n.aggregate for n in scene.nodes.values())
    lans = [n for n in scene.nodes.values() if n.kind == "lan"]
    assert [(n.title, len(n.members)) for n in lans] == [("31 mạng LAN cơ quan", 31)]
    titles = {n.title for n in scene.nodes.values()}
    assert {"20 sở, ban, ngành", "11 UBND huyện, thị xã, thành phố"} <= titles
    assert "Ủy ban nhân dân tỉnh Mẫu" in titles  # a group of one is drawn as itself
    tslcd = scene.nodes["tslcd"]
    assert "51 điểm kết nối" in tslcd.notes
    # 31 LAN -> TSLCD edges collapse into one.
    lan_edges = [e for e in scene.edges if e.source == lans[0].id]
    assert [(e.target, e.count) for e in lan_edges] == [("tslcd", 31)]


def test_overview_stacks_layers_with_side_pillars(province: ModelGraph) -> None:
    scene = _scene(province, "overview")
    keys = [g.key for g in scene.groups]
    layers = [k for k in keys if k.startswith("layer:")]
    assert layers == [
        "layer:services",
        "layer:business",
        "layer:applications",
        "layer:integration",
        "layer:infrastructure",
    ]
    assert keys[-1] == "pillar:governance" and scene.groups[-1].pillar


def test_agency_view_shows_its_own_lan_and_where_it_runs(province: ModelGraph) -> None:
    scene = _scene(province, "agency-so-tu-phap")
    assert {"so-tu-phap", "lan-so-tu-phap", "ho-tich", "mot-cua", "dvc-ly-lich"} <= set(scene.nodes)
    assert {"tt-du-lieu", "tslcd", "lgsp"} <= set(scene.nodes)  # expanded: hosts, network
    assert "lan-so-tt-tt" not in scene.nodes
    assert scene.groups[0].key == "layer:business"  # the agency heads its own view


def test_point_to_point_links_are_flagged(province: ModelGraph) -> None:
    scene = _scene(province, "integration")
    p2p = {(e.source, e.target) for e in scene.edges if e.p2p}
    assert p2p == {("ho-tich", "mot-cua"), ("ho-tich", "csdl-dan-cu")}
    assert [g.key for g in scene.groups] == ["scope:provincial", "hub", "scope:national"]
    assert scene.groups[1].nodes == ["lgsp"]


def test_roadmap_numbers_tasks_and_keeps_statuses(province: ModelGraph) -> None:
    scene = _scene(province, "roadmap")
    assert scene.groups[0].key == "first:governance"
    task = scene.nodes["nv-van-phong"]
    assert task.number == 1
    assert scene.nodes["van-phong-moi"].cited == ["được hiện thực hóa qua [1]"]
    assert scene.nodes["van-phong-moi"].status is Status.PLANNED
    assert scene.nodes["van-phong-cu"].status is Status.RETIRED
    assert ("van-phong-moi", "van-phong-cu", "replaces") in {
        (e.source, e.target, e.type) for e in scene.edges
    }
    assert not any(e.type == "realises" for e in scene.edges)


def _finding(rule: str, severity: Severity, component: str, waived: bool = False) -> Finding:
    from eakit.findings import Waived

    return Finding(
        rule_id=rule,
        severity=severity,
        message=f"{rule} on {component}",
        component=component,
        location=Location("he-thong.yaml", 1, 1),
        layer="applications",
        title=rule,
        title_en=rule,
        waived=Waived("ok", "me", dt.date(2030, 1, 1)) if waived else None,
    )


def test_findings_become_badges_and_aggregates_sum_them(province: ModelGraph) -> None:
    result = CheckResult(
        as_of=dt.date(2020, 12, 31),
        framework="vn-egov-2.0",
        packs=["vn-egov-2.0"],
        findings=[
            _finding("SEC-001", Severity.ERROR, "mot-cua"),
            _finding("SEC-002", Severity.ERROR, "mot-cua"),
            _finding("INT-010", Severity.WARNING, "mot-cua"),
            _finding("SEC-003", Severity.ERROR, "mot-cua", waived=True),
            _finding("INF-001", Severity.ERROR, "lan-so-03"),
            _finding("INF-001", Severity.WARNING, "lan-so-04"),
        ],
    )
    scene = _scene(province, "overview", result)
    app = scene.nodes["mot-cua"]
    assert (app.errors, app.warnings) == (2, 1)  # the waived one does not count
    assert "⚠ SEC-001: SEC-001 on mot-cua" in app.tooltip
    lans = next(n for n in scene.nodes.values() if n.kind == "lan")
    assert (lans.errors, lans.warnings) == (1, 1)
    assert (scene.nodes["ho-tich"].errors, scene.nodes["ho-tich"].warnings) == (0, 0)


def test_english_labels_fall_back_to_vietnamese(province: ModelGraph) -> None:
    scene = _scene(province, "overview", lang="en")
    assert scene.nodes["ubnd-tinh"].title == "Provincial People's Committee"
    assert scene.nodes["tslcd"].title == "Mạng truyền số liệu chuyên dùng"
    assert scene.nodes["tslcd"].subtitle == "Network"
    lans = next(n for n in scene.nodes.values() if n.kind == "lan")
    assert lans.title == "31 agency LANs"


def test_links_are_set_on_components_only(province: ModelGraph) -> None:
    scene = _scene(province, "overview", link=lambda cid: f"c/{cid}.html")
    assert scene.nodes["mot-cua"].url == "c/mot-cua.html"
    assert all(n.url is None for n in scene.nodes.values() if n.aggregate)


def test_manifest_json_schema_accepts_view_shorthands() -> None:
    import jsonschema

    from eakit.schema import manifest_schema

    schema = manifest_schema()
    good = {
        "eakit": 1,
        "architecture": ARCHITECTURE,
        "views": ["overview", {"name": "x", "include": ["so-*", {"kinds": ["lan"]}]}],
    }
    jsonschema.validate(good, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**good, "views": ["overviw"]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**good, "views": [{"name": "x", "include": ["So-*"]}]}, schema)


@pytest.mark.parametrize(
    ("views", "vietnamese"),
    [
        (["overviw"], "'overviw' không phải là sơ đồ có sẵn (có phải là 'overview'?)"),
        ([{"name": "a"}, {"name": "a"}], "có hai sơ đồ cùng tên 'a'"),
    ],
)
def test_manifest_view_mistakes_are_said_in_vietnamese(views: object, vietnamese: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _manifest(views)
    assert vietnamese in str(caught.value)
