"""``eakit impact``: what stops when a component fails, following each edge type's
dependent end."""

from __future__ import annotations

import datetime as dt

import pytest

from eakit.analysis.impact import dependency_table, impact
from eakit.analysis.present import impact_json, impact_text
from eakit.model import relation_types


def _depths(result) -> dict[str, int]:
    return {item.id: item.depth for item in result.affected}


def test_every_relation_type_says_which_end_depends() -> None:
    table = dependency_table()
    assert set(table) == set(relation_types())
    assert set(table.values()) <= {"from", "to", "none"}
    # The cases the analysis exists for, and ownership, which is no dependency.
    assert table["hosted_on"] == "from"
    assert table["integrates_with"] == "from"
    assert table["delivers"] == "to"
    assert table["owned_by"] == "none"
    assert table["part_of"] == "none"


def test_a_failing_data_centre_takes_down_what_runs_there_and_what_integrates_through_it(
    small_graph,
) -> None:
    result = impact(small_graph, "ttdl")
    assert _depths(result) == {
        "app-b": 1,  # hosted there
        "cong-internet": 1,  # located there
        "lan-a": 1,  # connects to it
        "lgsp": 1,  # hosted there
        "app-a": 2,  # runs elsewhere, integrates through the LGSP
        "dvc-b": 2,  # delivered by app-b
    }
    # The owner agencies do not stop: ownership is no dependency; the planned app-c does
    # not run yet.
    assert "so-a" not in _depths(result) and "so-b" not in _depths(result)
    assert "app-c" not in _depths(result)
    app_a = next(item for item in result.affected if item.id == "app-a")
    assert [(s.failed, s.dependent, s.type) for s in app_a.path] == [
        ("ttdl", "lgsp", "hosted_on"),
        ("lgsp", "app-a", "integrates_with"),
    ]


def test_depth_limits_the_search(small_graph) -> None:
    result = impact(small_graph, "ttdl", depth=1)
    assert set(_depths(result)) == {"app-b", "cong-internet", "lan-a", "lgsp"}
    with pytest.raises(ValueError):
        impact(small_graph, "ttdl", depth=0)


def test_a_later_date_counts_planned_components(small_graph) -> None:
    result = impact(small_graph, "ttdl", when=dt.date(2029, 1, 1))
    assert _depths(result)["app-c"] == 1


def test_grouped_by_layer_and_agency(small_graph) -> None:
    result = impact(small_graph, "ttdl")
    layers = [layer.value for layer in result.by_layer()]
    assert layers == ["services", "applications", "integration", "infrastructure"]
    agencies = {agency: [i.id for i in items] for agency, items in result.by_agency().items()}
    assert agencies == {
        "so-a": ["app-a", "lan-a"],
        "so-b": ["app-b", "dvc-b"],
        None: ["cong-internet", "lgsp"],
    }


def test_text_in_both_languages(small_graph) -> None:
    result = impact(small_graph, "ttdl")
    vi = impact_text(small_graph, result, "vi")
    en = impact_text(small_graph, result, "en")
    assert vi.startswith("Ảnh hưởng khi Trung tâm dữ liệu tỉnh [ttdl] ngừng hoạt động")
    assert "← tích hợp qua Nền tảng LGSP [lgsp]" in vi
    assert "Theo cơ quan" in vi and "Sở Y tế [so-b] (2)" in vi
    assert en.startswith("Impact if Provincial data centre [ttdl] fails (on 2026-01-01)")
    assert "← delivered by Health records [app-b]" in en
    assert "ttdl → lgsp → app-a" in en


def test_json_names_the_chain(small_graph) -> None:
    data = impact_json(small_graph, impact(small_graph, "ttdl"), "en")
    assert data["count"] == 6
    app_a = next(item for item in data["affected"] if item["id"] == "app-a")
    assert app_a["path"] == ["ttdl", "lgsp", "app-a"]
    assert app_a["via"][1]["edge"] == ["app-a", "lgsp"]
    assert app_a["via"][1]["reason"] == "Civil registry integrates with Nền tảng LGSP"
    assert data["by_layer"]["applications"] == ["app-a", "app-b"]


def test_nothing_depends_on_a_leaf(small_graph) -> None:
    result = impact(small_graph, "dvc-b")
    assert result.affected == ()
    assert "Nothing depends" in impact_text(small_graph, result, "en")


def test_bundled_model_data_centre(bundled_graph) -> None:
    result = impact(bundled_graph, "tt-tich-hop-du-lieu")
    depths = _depths(result)
    assert depths["csdl-mot-cua-tap-trung"] == 1  # hosted there
    assert depths["mot-cua-dien-tu-cap-huyen"] == 2  # sends its data to that database
    assert depths["tslcd"] == 2  # through the Internet gateway located there
    # Every agency LAN hangs on the specialised network.
    assert all(depths[lan] == 3 for lan in bundled_graph.ids_of_kinds(["lan"]))
    assert impact(bundled_graph, "tt-tich-hop-du-lieu") == result  # deterministic


def test_the_documented_table_is_the_data() -> None:
    from tests.conftest import ROOT

    text = (ROOT / "docs" / "analysis.md").read_text("utf-8")
    documented = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`") and cells[2] in ("from", "to", "none"):
            documented[cells[0].strip("`")] = cells[2]
    assert documented == dependency_table()


def test_a_generated_lgsp_takes_down_what_integrates_with_it(two_provinces_dir) -> None:
    from eakit.analysis.state import live_ids
    from eakit.pipeline import load_graph

    graph = load_graph(two_provinces_dir)
    live = live_ids(graph)
    lgsps = [c for c in graph.ids_of_kinds(["integration_platform"]) if c.endswith("-lgsp")]
    assert lgsps
    for lgsp in lgsps:
        depths = _depths(impact(graph, lgsp))
        integrating = {
            e.source
            for e in graph.in_edges(lgsp, "integrates_with")
            if e.source in live and e.status.value == "current"
        }
        assert integrating and all(depths[cid] == 1 for cid in integrating)
        # Owning the platform is no dependency: the owner is affected only as a user of
        # a system that stops (deployed there), never at the first step.
        assert depths.get(graph.agency_of(lgsp), 2) >= 2


def test_kinds_are_named_by_the_metamodel_including_archimate_kinds() -> None:
    from eakit import metamodel
    from eakit.analysis.labels import kind_label

    for kind in ("data_centre", "business_process", "application_service"):
        for lang in ("vi", "en"):
            assert kind_label(kind, lang) == metamodel.label(kind, lang)
    assert kind_label("business_process", "vi") == metamodel.spec("business_process").label


def test_relation_words_read_in_running_text() -> None:
    from eakit.model import relation_types

    operated = relation_types()["operated_by"]
    assert operated.label == "do … vận hành"
    assert operated.words("vi") == "do vận hành"
    assert operated.words("en") == operated.label_en
    hosted = relation_types()["hosted_on"]
    assert hosted.words("vi", reverse=True) == hosted.reverse.replace(" … ", " ")


def test_a_depth_below_one_is_said_in_both_languages(small_graph) -> None:
    with pytest.raises(ValueError) as caught:
        impact(small_graph, "ttdl", depth=0)
    assert str(caught.value.args[0]) == "độ sâu phải từ 1 trở lên, nhưng đang là 0"
    assert caught.value.args[0].en == "depth must be 1 or more, got 0"
