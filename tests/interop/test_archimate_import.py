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
    # Every element has a kind; one relationship repeats another one exactly.
    assert (result.report.components, result.report.relationships_kept) == (120, 177)
    [lost] = [u for u in result.report.unmapped if u.what in ("element", "relationship")]
    assert (lost.identifier, lost.why.en) == ("id-90702769", "duplicate of another relationship")
    assert f"`{lost.identifier}`" in report


def test_sample1_imports_with_the_date_of_today_and_keeps_its_assignment(
    tmp_path: Path,
) -> None:
    data = (EXAMPLES / "sample1.xml").read_bytes()
    undated = import_archimate(data, today=dt.date(2026, 1, 2))
    assert undated.manifest.architecture.as_of == dt.date(2026, 1, 2)
    assert undated.report.date_source.en.startswith("2026-01-02 (from today's date")
    graph, _ = _import_to(tmp_path, data, as_of=dt.date(2024, 6, 30))
    assert {(c.id, c.kind) for c in graph.components()} == {  # type: ignore[attr-defined]
        ("sales-person", "business_role"),
        ("sell-product", "business_process"),
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


FOREIGN = f"""<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="{ARCHIMATE_NS}" xmlns:xsi="{XSI_NS}" identifier="m1">
  <name xml:lang="vi">Kiến trúc thử</name>
  <name xml:lang="en">Trial</name>
  <elements>
    <element identifier="e1" xsi:type="BusinessActor">
      <name xml:lang="vi">Sở Tư pháp</name></element>
    <element identifier="e2" xsi:type="ApplicationComponent">
      <name xml:lang="vi">Một cửa</name><name xml:lang="en">One stop</name>
      <name xml:lang="fr">Guichet unique</name>
      <documentation xml:lang="en">Handles files</documentation>
      <documentation xml:lang="de">Bearbeitet Akten</documentation>
      <properties><property propertyDefinitionRef="p1"><value>VNPT</value></property>
      <property propertyDefinitionRef="p2"><value>12</value></property>
      <property propertyDefinitionRef="undeclared"><value>x</value></property></properties>
    </element>
    <element identifier="e3" xsi:type="DataObject"><name>Hộ tịch</name></element>
    <element identifier="e4" xsi:type="Principle"><name>Một cửa</name></element>
    <element identifier="e5" xsi:type="ApplicationComponent">
      <name xml:lang="vi">Một cửa</name></element>
    <element identifier="e6" xsi:type="AndJunction"/>
    <element identifier="e7" xsi:type="Goal"><name>Mục tiêu</name></element>
  </elements>
  <relationships>
    <relationship identifier="r1" source="e2" target="e3" xsi:type="Access" accessType="ReadWrite">
      <name>lưu hồ sơ</name><name xml:lang="en">store file</name></relationship>
    <relationship identifier="r2" source="e2" target="e1" xsi:type="Serving"/>
    <relationship identifier="r3" source="e4" target="e7" xsi:type="Influence" modifier="++"/>
    <relationship identifier="r4" source="e1" target="e2" xsi:type="Triggering"/>
    <relationship identifier="r5" source="e5" target="e2" xsi:type="Association" isDirected="true">
      <properties><property propertyDefinitionRef="p1"><value>FPT</value></property></properties>
    </relationship>
    <relationship identifier="r6" source="e1" target="r2" xsi:type="Association"/>
    <relationship identifier="r7" source="e3" target="e1" xsi:type="Assignment"/>
    <relationship identifier="r8" source="e5" target="e6" xsi:type="Serving"/>
  </relationships>
  <organizations>
    <item><label xml:lang="en">Application</label>
      <item><label>Hệ thống lõi</label><item identifierRef="e2"/><item identifierRef="e5"/></item>
    </item>
    <item><label>Relations</label><item identifierRef="r1"/></item>
  </organizations>
  <propertyDefinitions>
    <propertyDefinition identifier="p1" type="string"><name>Vendor</name></propertyDefinition>
    <propertyDefinition identifier="p2" type="number"><name>Users</name></propertyDefinition>
  </propertyDefinitions>
  <views><diagrams>
    <view identifier="v1" xsi:type="Diagram"><name>Tổng quan</name>
      <node identifier="n1" elementRef="e2" xsi:type="Element" x="0" y="0" w="10" h="10">
        <node identifier="n2" elementRef="e3" xsi:type="Element" x="0" y="0" w="5" h="5"/>
      </node>
      <connection identifier="c1" relationshipRef="r1" xsi:type="Relationship"
        source="n1" target="n2"/>
    </view>
    <view identifier="v2" xsi:type="Diagram"><name>Trống</name>
      <node identifier="n3" xsi:type="Label" x="0" y="0" w="5" h="5"/></view>
  </diagrams></views>
</model>""".encode()


def test_foreign_file_keeps_elements_relationships_properties_folders_and_views(
    tmp_path: Path,
) -> None:
    graph, out = _import_to(tmp_path, FOREIGN, as_of=dt.date(2025, 7, 1))
    assert [(c.id, c.kind) for c in graph.components()] == [  # type: ignore[attr-defined]
        ("e6", "and_junction"),
        ("ho-tich", "data_object"),
        # An application component is an information system of the framework.
        ("mot-cua", "application"),
        ("mot-cua-2", "principle"),
        ("mot-cua-3", "application"),
        ("muc-tieu", "goal"),
        ("so-tu-phap", "business_actor"),
    ]
    app = graph.get("mot-cua")
    assert (app.name, app.name_en, app.description_en) == ("Một cửa", "One stop", "Handles files")
    # Languages other than Vietnamese and English, and every property, are kept.
    assert app.properties == {
        "Vendor": "VNPT",
        "Users": 12,
        "undeclared": "x",
        "name@fr": "Guichet unique",
        "documentation@de": "Bearbeitet Akten",
    }
    edges = {(e.source, e.type, e.target): e.relation for e in graph.edges()}
    assert set(edges) == {
        ("mot-cua", "access", "ho-tich"),
        ("mot-cua", "serving", "so-tu-phap"),
        ("mot-cua-2", "influence", "muc-tieu"),
        ("so-tu-phap", "triggering", "mot-cua"),
        ("mot-cua-3", "association", "mot-cua"),
        ("mot-cua-3", "serving", "e6"),
    }
    access = edges[("mot-cua", "access", "ho-tich")]
    assert access is not None and access.access_type == "readwrite"
    assert access.properties == {"name": "lưu hồ sơ", "name@en": "store file"}
    influence = edges[("mot-cua-2", "influence", "muc-tieu")]
    assert influence is not None and influence.strength == "++"
    association = edges[("mot-cua-3", "association", "mot-cua")]
    assert association is not None and association.directed is True
    assert association.properties == {"Vendor": "FPT"}
    # Folders become files; what is in no folder goes to the file of its layer.
    assert "id: mot-cua-3" in (out / "application" / "he-thong-loi.yaml").read_text("utf-8")
    assert "type: access" in (out / "relations.yaml").read_text("utf-8")
    # A diagram becomes a view of the components and relation types it shows.
    [view] = graph.manifest.views or []
    assert (view.name, view.title, view.relations) == ("tong-quan", "Tổng quan", ["access"])
    assert view.include[0].ids == ["ho-tich", "mot-cua"]
    report = import_archimate(FOREIGN, as_of=dt.date(2025, 7, 1)).report
    assert {(u.what, u.identifier, u.why.en) for u in report.unmapped} == {
        ("relationship", "r6", "an end is a relationship"),
        ("relationship", "r7", "not allowed between the kinds"),
        ("view", "v2", "shows no kept element"),
    }
    [refused] = [u for u in report.unmapped if u.identifier == "r7"]
    assert (
        "ArchiMate does not allow Assignment from data_object 'ho-tich' (DataObject) to "
        "business_actor 'so-tu-phap' (BusinessActor)" in refused.reason.en
    )
    text = (out / REPORT_FILE).read_text("utf-8")
    assert "7 of 7 elements kept as components (100%)" in text
    assert "giữ 7/7 phần tử thành thành phần (100%); giữ 6/8 quan hệ (75%" in text
    assert "6 of 8 relationships kept (75%" in text
    assert "| relationship | an end is a relationship | 1 |" in text
    assert "| quan hệ | một đầu là quan hệ | 1 |" in text


def test_junction_relationships_and_the_date_of_the_file(tmp_path: Path) -> None:
    undated = import_archimate(FOREIGN, today=dt.date(2026, 3, 4)).report
    assert undated.date_source.en.startswith("2026-03-04 (from today's date")
    dated = FOREIGN.replace(
        b"<elements>",
        b'<metadata><dcterms:modified xmlns:dcterms="http://purl.org/dc/terms/">'
        b"2021-05-06</dcterms:modified></metadata><elements>",
    )
    result = import_archimate(dated, today=dt.date(2026, 3, 4))
    assert result.manifest.architecture.as_of == dt.date(2021, 5, 6)
    assert result.report.date_source.en == (
        "2021-05-06 (from the file's metadata (dcterms:modified))"
    )


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
