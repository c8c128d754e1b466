"""ArchiMate exchange export: schema validity, determinism, contents and views."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from eakit.graph import ModelGraph
from eakit.interop.archimate_export import exchange_views, export_archimate, write_archimate
from eakit.interop.archimate_mapping import KIND_EXPORT, RELATION_EXPORT
from eakit.interop.xsd import ARCHIMATE_NS, XML_NS, XSI_NS, validate_exchange
from eakit.model import kind_of
from eakit.model.archimate_table import is_allowed, kinds_fit
from eakit.pipeline import load_graph

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RICH = FIXTURES / "interop" / "diff" / "old"
A = "{" + ARCHIMATE_NS + "}"
XSI_TYPE = "{" + XSI_NS + "}type"
LANG = "{" + XML_NS + "}lang"


@pytest.fixture(scope="module")
def rich() -> ModelGraph:
    return load_graph(RICH)


def _props(root: ET.Element, node: ET.Element) -> dict[str, str]:
    names = {
        d.get("identifier"): d.findtext(A + "name") for d in root.iter(A + "propertyDefinition")
    }
    return {
        names[p.get("propertyDefinitionRef")]: p.findtext(A + "value") or ""
        for p in node.findall(f"{A}properties/{A}property")
    }


def test_bundled_model_export_validates_against_the_xsds(bundled_graph: ModelGraph) -> None:
    assert validate_exchange(export_archimate(bundled_graph)) == []


@pytest.mark.parametrize("model", ["valid/mini", "interop/diff/old", "interop/merge/b"])
def test_fixture_exports_validate(model: str) -> None:
    assert validate_exchange(export_archimate(load_graph(FIXTURES / model))) == []


def test_validator_reports_schema_violations(rich: ModelGraph) -> None:
    data = export_archimate(rich)
    broken = data.replace(b'xsi:type="Node"', b'xsi:type="Server"', 1)
    assert validate_exchange(broken)
    missing_ref = data.replace(b'relationshipRef="id-mot-cua.', b'relationshipRef="id-nope.', 1)
    assert validate_exchange(missing_ref)
    assert validate_exchange(b"<model><unclosed></model>")[0].message.startswith("not well-formed")


def test_export_is_deterministic_and_written_atomically(rich: ModelGraph, tmp_path: Path) -> None:
    first = export_archimate(rich)
    assert export_archimate(load_graph(RICH)) == first
    target = write_archimate(rich, tmp_path / "out" / "model.xml")
    assert target.read_bytes() == first
    assert [p.name for p in target.parent.iterdir()] == ["model.xml"]


def test_elements_carry_both_languages_kind_and_attributes(rich: ModelGraph) -> None:
    root = ET.fromstring(export_archimate(rich))
    elements = {e.get("identifier"): e for e in root.iter(A + "element")}
    assert set(elements) == {f"id-{cid}" for cid in rich.ids()}
    for cid in rich.ids():
        component = rich.get(cid)
        node = elements[f"id-{cid}"]
        assert node.get(XSI_TYPE) == KIND_EXPORT[component.kind].archimate  # type: ignore[attr-defined]
        names = {n.get(LANG): n.text for n in node.findall(A + "name")}
        assert names["vi"] == component.name
        assert names.get("en") == component.name_en
        assert _props(root, node)["eakit:kind"] == component.kind  # type: ignore[attr-defined]
    mot_cua = _props(root, elements["id-mot-cua"])
    assert mot_cua["eakit:security_level"] == "3"
    assert mot_cua["eakit:tags"] == '["dùng chung", "một cửa"]'
    assert mot_cua["eakit:security_dossier"].startswith('{"approved": true')
    assert mot_cua["nha-cung-cap"] == "VNPT"
    assert "eakit:owner" not in mot_cua  # references are relationships, not properties
    model_props = _props(root, root)
    assert model_props["eakit:as_of"] == "2020-12-31"
    assert model_props["eakit:framework"] == "vn-egov-2.0"


def test_relationships_follow_the_mapping_and_its_direction(rich: ModelGraph) -> None:
    root = ET.fromstring(export_archimate(rich))
    relationships = {r.get("identifier"): r for r in root.iter(A + "relationship")}
    assert len(relationships) == len(rich.edges())
    part_of = relationships["id-so-tu-phap.part_of.ubnd-tinh"]
    assert part_of.get(XSI_TYPE) == "Aggregation"
    assert (part_of.get("source"), part_of.get("target")) == ("id-ubnd-tinh", "id-so-tu-phap")
    writes = relationships["id-mot-cua.writes_to.csdl-ho-tich"]
    assert (writes.get(XSI_TYPE), writes.get("accessType")) == ("Access", "Write")
    integrates = relationships["id-mot-cua.integrates_with.lgsp"]
    assert _props(root, integrates) == {
        "eakit:relation": "integrates_with",
        "eakit:protocol": "REST",
        "eakit:sync_mode": "realtime",
    }
    for edge in rich.edges():
        node = relationships[f"id-{edge.source}.{edge.type}.{edge.target}"]
        source, target = (rich.get(node.get(end, "")[3:]) for end in ("source", "target"))
        mapped = RELATION_EXPORT[edge.type].archimate
        # Where ArchiMate's table does not allow the mapped relationship between the two
        # elements, the exchange file holds an association (eakit:relation keeps the type).
        expected = mapped if kinds_fit(mapped, kind_of(source), kind_of(target)) else "Association"
        assert node.get(XSI_TYPE) == expected
        assert is_allowed(expected, *(KIND_EXPORT[kind_of(c)].archimate for c in (source, target)))


def test_views_are_eakit_diagram_views_on_a_grid_by_layer(rich: ModelGraph) -> None:
    from eakit.render.diagrams.views import resolve_views, view_members

    root = ET.fromstring(export_archimate(rich))
    views = {v.get("identifier"): v for v in root.iter(A + "view")}
    diagram_views = [v for v in resolve_views(rich) if v.agency is None]
    assert set(views) == {f"view-{v.name}" for v in diagram_views}
    assert {"view-overview", "view-integration"} <= set(views)
    for diagram_view in diagram_views:
        view = views[f"view-{diagram_view.name}"]
        assert view.get(XSI_TYPE) == "Diagram"
        assert view.findtext(A + "name") == diagram_view.spec.title
        lanes = view.findall(A + "node")
        shown = {
            n.get("elementRef", "").removeprefix("id-")
            for lane in lanes
            for n in lane.findall(A + "node")
        }
        assert shown == view_members(rich, diagram_view)  # the same components as the diagram
        for lane in lanes:
            lane_x, lane_y = int(lane.get("x", 0)), int(lane.get("y", 0))
            lane_w, lane_h = int(lane.get("w", 0)), int(lane.get("h", 0))
            members = lane.findall(A + "node")
            assert len({rich.get(n.get("elementRef", "")[3:]).layer for n in members}) == 1
            boxes = set()
            for node in members:
                x, y = int(node.get("x", 0)), int(node.get("y", 0))
                assert lane_x < x and x + int(node.get("w", 0)) <= lane_x + lane_w
                assert lane_y < y and y + int(node.get("h", 0)) <= lane_y + lane_h
                boxes.add((x, y))
            assert len(boxes) == len(members)  # no two boxes on the same grid cell
        node_ids = {n.get("identifier") for n in view.iter(A + "node")}
        for connection in view.findall(A + "connection"):
            assert {connection.get("source"), connection.get("target")} <= node_ids
    integration = views["view-integration"]
    drawn = {c.get("relationshipRef") for c in integration.findall(A + "connection")}
    assert drawn == {
        "id-mot-cua.integrates_with.lgsp",
        "id-lgsp.integrates_with.ndxp",
        "id-mot-cua.writes_to.csdl-ho-tich",
        "id-cong-dvc.exchanges_with.mot-cua",
    }
    assert [v.name for v in exchange_views(rich)] == [v.name for v in diagram_views]
