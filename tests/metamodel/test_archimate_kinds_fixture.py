"""A model drawn with generic ArchiMate kinds goes through every output like any other."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from eakit import metamodel
from eakit.graph import ModelGraph
from eakit.interop.archimate_export import export_archimate
from eakit.interop.archimate_import import import_archimate, write_import
from eakit.interop.xsd import validate_exchange
from eakit.pipeline import check, load_graph
from eakit.render.diagrams import render_views
from eakit.render.excel.layout import sheet_kinds
from eakit.render.excel.workbook import write_workbook
from eakit.render.site import build_site
from eakit.survey.reader import read_survey
from tests.conftest import FIXTURES

MODEL = FIXTURES / "valid" / "archimate-kinds"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def graph() -> ModelGraph:
    return load_graph(MODEL)


def test_the_fixture_uses_many_generic_kinds(graph: ModelGraph) -> None:
    kinds = {graph.g.nodes[c]["kind"] for c in graph.ids()}
    generic = kinds - set(metamodel.kinds(framework=True))
    assert len(generic) >= 15
    assert graph.get("qt-tiep-nhan").layer is metamodel.Layer.BUSINESS
    assert graph.get("nang-luc-dvc").layer is metamodel.Layer.GOVERNANCE


def _node_fill(root: etree._Element, component_id: str) -> set[str]:
    group = root.find(f".//{SVG}g[@id='c-{component_id}']")
    assert group is not None, component_id
    return {
        shape.get("fill", "")
        for shape in group.iter(f"{SVG}polygon", f"{SVG}ellipse", f"{SVG}path")
    }


def test_the_overview_draws_generic_kinds_in_archimate_colours(
    graph: ModelGraph, tmp_path: Path
) -> None:
    paths = render_views(graph, check(graph), tmp_path, formats=("svg", "png"), views=["overview"])
    svg, png = paths
    assert png.read_bytes().startswith(b"\x89PNG")
    root = etree.parse(str(svg)).getroot()
    for component_id in ("qt-tiep-nhan", "dv-tra-cuu", "he-dieu-hanh", "muc-tieu-80"):
        kind = graph.g.nodes[component_id]["kind"]
        fill = (
            metamodel.spec(kind).fill
            or {
                "business": "#FFFFB5",
                "application": "#B5FFFF",
                "technology": "#C9E7B7",
                "motivation": "#CCCCFF",
            }[metamodel.spec(kind).aspect]
        )
        assert fill.lower() in {f.lower() for f in _node_fill(root, component_id)}, component_id
    text = "".join(root.itertext())
    assert "Quy trình nghiệp vụ" in text and "Mục tiêu" in text  # node kinds and legend


def test_inventory_sheets_list_generic_kinds_and_read_back(
    graph: ModelGraph, tmp_path: Path
) -> None:
    path = write_workbook(graph, check(graph), tmp_path / "readiness.xlsx")
    rows = {row.component.id: row for row in read_survey(path).rows}
    assert set(rows) == set(graph.ids())
    for component_id in graph.ids():
        read = rows[component_id].component
        assert read.model_dump(exclude={"properties"}) == graph.get(component_id).model_dump(
            exclude={"properties"}
        )
    assert rows["qt-tiep-nhan"].sheet.startswith("DM Cơ quan")


def test_a_framework_model_sheet_offers_only_framework_kinds() -> None:
    assert sheet_kinds("business") == ("agency", "business_function")
    assert sheet_kinds("business", ["business_process", "agency"]) == (
        "agency",
        "business_function",
        "business_process",
    )


def test_site_layer_pages_list_generic_kinds(graph: ModelGraph, tmp_path: Path) -> None:
    site = build_site(graph, check(graph), tmp_path / "site", diagrams=False)
    page = (site / "layers" / "business" / "index.html").read_text("utf-8")
    assert "Quy trình nghiệp vụ (1)" in page and "Tiếp nhận và trả kết quả hồ sơ" in page
    page = (site / "layers" / "governance" / "index.html").read_text("utf-8")
    for kind in ("capability", "goal", "requirement", "work_package", "plateau"):
        assert metamodel.label(kind) in page


def test_archimate_export_is_valid_and_round_trips(graph: ModelGraph, tmp_path: Path) -> None:
    exported = export_archimate(graph)
    assert validate_exchange(exported) == []
    result = import_archimate(exported, source="archimate-kinds.xml")
    write_import(result, tmp_path / "imported")
    imported = load_graph(tmp_path / "imported")
    assert {c: imported.g.nodes[c]["kind"] for c in imported.ids()} == {
        c: graph.g.nodes[c]["kind"] for c in graph.ids()
    }
    assert export_archimate(imported) == exported
