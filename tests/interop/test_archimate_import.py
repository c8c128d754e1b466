"""ArchiMate exchange import: the shipped examples, the round trip and the mapping."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from eakit.graph import ModelGraph
from eakit.interop.archimate_export import export_archimate
from eakit.interop.archimate_import import (
    REPORT_FILE,
    ArchimateImportError,
    import_archimate,
    write_import,
)
from eakit.interop.archimate_mapping import (
    ARCHIMATE_ELEMENT_TYPES,
    ARCHIMATE_RELATIONSHIP_TYPES,
    KIND_EXPORT,
    KIND_IMPORT,
    RELATION_EXPORT,
    RELATION_IMPORT,
    mapping_markdown,
)
from eakit.interop.xsd import ARCHIMATE_NS, XSI_NS, schema_dir
from eakit.loader import load_model
from eakit.model import KIND_CLASSES, relation_types
from eakit.model.refs import ref_fields
from eakit.pipeline import load_graph

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLES = FIXTURES / "interop" / "examples"
A = "{" + ARCHIMATE_NS + "}"
XSI_TYPE = "{" + XSI_NS + "}type"


def _import_to(tmp_path: Path, data: bytes, **options: object) -> tuple[ModelGraph, Path]:
    result = import_archimate(data, source="test.xml", **options)  # type: ignore[arg-type]
    out = tmp_path / "imported"
    write_import(result, out)
    return load_graph(out), out


def test_archisurance_imports_and_loads(tmp_path: Path) -> None:
    data = (EXAMPLES / "archisurance.xml").read_bytes()
    result = import_archimate(data, source="archisurance.xml")
    write_import(result, tmp_path / "m")
    model = load_model(tmp_path / "m")  # raises on any validation error
    root = ET.fromstring(data)
    types = {e.get("identifier"): e.get(XSI_TYPE) for e in root.iter(A + "element")}
    mapped = {i for i, t in types.items() if t in KIND_IMPORT}
    assert len(model.components) == len(mapped) == result.report.components
    not_mapped = {u.identifier for u in result.report.unmapped if u.what == "element"}
    assert not_mapped == set(types) - mapped
    imported = result.report.relations + result.report.fields
    skipped = sum(1 for u in result.report.unmapped if u.what == "relationship")
    assert imported + skipped == result.report.relationships == 178
    # The Dublin Core date of the file gives as_of; the manifest says what was assumed.
    assert model.manifest.architecture.as_of == dt.date(2015, 1, 21)
    assert model.manifest.architecture.id == "archisurance"
    report = (tmp_path / "m" / REPORT_FILE).read_text("utf-8")
    for identifier in not_mapped:
        assert f"`{identifier}`" in report
    assert "agency_type = department" in report


def test_sample1_imports_with_the_date_of_today_and_keeps_its_assignment(
    tmp_path: Path,
) -> None:
    data = (EXAMPLES / "sample1.xml").read_bytes()
    undated = import_archimate(data, today=dt.date(2026, 1, 2))
    assert undated.manifest.architecture.as_of == dt.date(2026, 1, 2)
    assert undated.report.date_source.startswith("2026-01-02 (from today's date")
    graph, _ = _import_to(tmp_path, data, as_of=dt.date(2024, 6, 30))
    assert {(c.id, c.kind) for c in graph.components()} == {  # type: ignore[attr-defined]
        ("sales-person", "actor"),
        ("sell-product", "business_function"),
    }
    assert graph.get("sales-person").description == "A description of a sales person"
    assert graph.architecture.horizon == 2029
    # The BusinessRole is assigned to the BusinessProcess: ArchiMate's own relationship.
    assert [(e.source, e.type, e.target) for e in graph.edges()] == [
        ("sales-person", "assignment", "sell-product")
    ]
    assert import_archimate(data, as_of=dt.date(2024, 6, 30)).report.unmapped == []


@pytest.mark.parametrize(
    "model", ["valid/mini", "interop/diff/old", "interop/diff/new", "interop/merge/a"]
)
def test_export_import_export_is_byte_identical(model: str, tmp_path: Path) -> None:
    original = load_graph(FIXTURES / model)
    first = export_archimate(original)
    graph, _ = _import_to(tmp_path, first)
    assert export_archimate(graph) == first
    assert graph.architecture == original.architecture
    assert graph.manifest.rules == original.manifest.rules
    for cid in original.ids():
        before, after = original.get(cid), graph.get(cid)
        for field in ref_fields(type(before)):
            if field.many:  # a list of references is a set of edges: order is not kept
                assert sorted(getattr(after, field.name)) == sorted(getattr(before, field.name))
        unordered = {f.name for f in ref_fields(type(before)) if f.many}
        assert after.model_dump(exclude=unordered) == before.model_dump(exclude=unordered)


def test_manifest_views_survive_the_round_trip(tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(FIXTURES / "valid" / "mini", model)
    with (model / "eakit.yaml").open("a", encoding="utf-8") as manifest:
        manifest.write(
            "views:\n  - overview\n  - name: he-thong\n    title: Các hệ thống\n"
            "    include: [{kinds: [application, integration_platform]}]\n"
            "    relations: [integrates_with]\n"
        )
    original = load_graph(model)
    first = export_archimate(original)
    assert b'<view identifier="view-he-thong" xsi:type="Diagram">' in first
    graph, _ = _import_to(tmp_path, first)
    assert graph.manifest.views == original.manifest.views
    assert export_archimate(graph) == first


def test_bundled_model_round_trips(bundled_graph: ModelGraph, tmp_path: Path) -> None:
    first = export_archimate(bundled_graph)
    graph, _ = _import_to(tmp_path, first)
    assert export_archimate(graph) == first


def test_foreign_file_maps_types_relationships_and_properties(tmp_path: Path) -> None:
    data = f"""<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="{ARCHIMATE_NS}" xmlns:xsi="{XSI_NS}" identifier="m1">
  <name xml:lang="vi">Kiến trúc thử</name>
  <name xml:lang="en">Trial</name>
  <elements>
    <element identifier="e1" xsi:type="BusinessActor">
      <name xml:lang="vi">Sở Tư pháp</name></element>
    <element identifier="e2" xsi:type="ApplicationComponent">
      <name xml:lang="vi">Một cửa</name><name xml:lang="en">One stop</name>
      <properties><property propertyDefinitionRef="p1"><value>VNPT</value></property>
      <property propertyDefinitionRef="p2"><value>12</value></property></properties>
    </element>
    <element identifier="e3" xsi:type="DataObject"><name>Hộ tịch</name></element>
    <element identifier="e4" xsi:type="Principle"><name>Một cửa</name></element>
    <element identifier="e5" xsi:type="ApplicationComponent">
      <name xml:lang="vi">Một cửa</name></element>
  </elements>
  <relationships>
    <relationship identifier="r1" source="e2" target="e3" xsi:type="Access" accessType="ReadWrite"/>
    <relationship identifier="r2" source="e2" target="e1" xsi:type="Serving"/>
    <relationship identifier="r3" source="e4" target="e2" xsi:type="Influence"/>
    <relationship identifier="r4" source="e1" target="e2" xsi:type="Triggering"/>
    <relationship identifier="r5" source="e5" target="e2" xsi:type="Serving"/>
  </relationships>
  <propertyDefinitions>
    <propertyDefinition identifier="p1" type="string"><name>Vendor</name></propertyDefinition>
    <propertyDefinition identifier="p2" type="number"><name>Users</name></propertyDefinition>
  </propertyDefinitions>
</model>""".encode()
    graph, _ = _import_to(tmp_path, data, as_of=dt.date(2025, 7, 1))
    assert graph.ids() == ["ho-tich", "mot-cua", "mot-cua-2", "so-tu-phap"]
    app = graph.get("mot-cua")
    assert (app.name, app.name_en, app.properties) == (
        "Một cửa",
        "One stop",
        {"Vendor": "VNPT", "Users": 12},
    )
    assert graph.get("so-tu-phap").agency_type == "department"  # type: ignore[attr-defined]
    assert graph.get("ho-tich").db_type == "sector"  # type: ignore[attr-defined]
    assert app.deployed_at == ["so-tu-phap"]  # type: ignore[attr-defined]
    assert {(e.source, e.type, e.target) for e in graph.edges()} == {
        ("mot-cua", "writes_to", "ho-tich"),
        ("mot-cua", "deployed_at", "so-tu-phap"),
        # e5 serves e2: in ArchiMate the served element depends on the serving one
        ("mot-cua", "depends_on", "mot-cua-2"),
        # no eakit relation for it: ArchiMate's own, which its table allows
        ("so-tu-phap", "triggering", "mot-cua"),
    }
    report = import_archimate(data, as_of=dt.date(2025, 7, 1)).report
    assert {(u.what, u.identifier) for u in report.unmapped} == {
        ("element", "e4"),
        ("relationship", "r3"),
    }


def test_not_an_exchange_file_is_refused() -> None:
    with pytest.raises(ArchimateImportError, match="not an ArchiMate 3 exchange file"):
        import_archimate(b'<model xmlns="http://www.opengroup.org/xsd/archimate"/>')
    with pytest.raises(ArchimateImportError, match="DOCTYPE"):
        import_archimate(b'<!DOCTYPE m [<!ENTITY a "b">]><model/>')
    with pytest.raises(ArchimateImportError, match=r"exchange file:1:\d+: not well-formed"):
        import_archimate(b"<model><x></model>")


# --- the mapping as data ----------------------------------------------------------------------


def test_mapping_covers_every_kind_and_relation_type() -> None:
    assert set(KIND_EXPORT) == set(KIND_CLASSES)
    assert set(RELATION_EXPORT) == set(relation_types())
    for mapping in KIND_EXPORT.values():
        assert mapping.archimate in ARCHIMATE_ELEMENT_TYPES
    for rel in RELATION_EXPORT.values():
        assert rel.archimate in ARCHIMATE_RELATIONSHIP_TYPES


def test_archimate_vocabulary_matches_the_xsd() -> None:
    text = (schema_dir() / "archimate3_Model.xsd").read_text("utf-8")

    def derived(base: str) -> set[str]:
        pattern = (
            r'<xs:complexType name="(\w+)">\s*(?:<xs:annotation>.*?</xs:annotation>\s*)?'
            rf'<xs:complexContent>\s*<xs:extension base="{base}"'
        )
        return set(re.findall(pattern, text, re.S))

    elements = derived("RealElementType") | derived("CompositeType")
    elements |= derived("RelationshipConnectorType")
    assert set(ARCHIMATE_ELEMENT_TYPES) == elements
    assert set(ARCHIMATE_RELATIONSHIP_TYPES) == derived("RelationshipType")


def test_import_rules_only_produce_relations_eakit_accepts() -> None:
    types = relation_types()
    for rule in RELATION_IMPORT:
        assert rule.archimate in ARCHIMATE_RELATIONSHIP_TYPES
        sources = rule.source_kinds or tuple(KIND_CLASSES)
        targets = rule.target_kinds or tuple(KIND_CLASSES)
        for source in sources:
            for target in targets:
                start, end = (target, source) if rule.reverse else (source, target)
                by_field = any(
                    f.ref.edge == rule.relation and (not f.ref.kinds or end in f.ref.kinds)
                    for f in ref_fields(KIND_CLASSES[start])
                )
                assert by_field or types[rule.relation].allows(start, end), (rule, start, end)
    for archimate, mapping in KIND_IMPORT.items():
        assert archimate in ARCHIMATE_ELEMENT_TYPES
        for field in mapping.defaults:
            assert field in KIND_CLASSES[mapping.kind].model_fields


def test_docs_show_the_mapping_tables_generated_from_the_data() -> None:
    page = (ROOT / "docs" / "interop.md").read_text("utf-8")
    start = "<!-- mapping:start (generated from eakit.interop.archimate_mapping) -->\n"
    end = "<!-- mapping:end -->"
    assert start in page and end in page
    assert page.split(start, 1)[1].split(end, 1)[0].strip() == mapping_markdown().strip()
