"""Elements of another tool's file become the framework kind the metamodel registry names
the general meaning of their type (``archimate_default``), so the framework's rules judge
them; everything else stays generic, and an element tagged ``eakit:kind`` stays what it
says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eakit import metamodel
from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.interop.archimate_import import REPORT_FILE, import_archimate, write_import
from eakit.interop.xsd import ARCHIMATE_NS, XSI_NS
from eakit.pipeline import check, load_graph

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARCHI_502 = FIXTURES / "archimate" / "aoeff_3_1_archi_5_0_2.xml"
TODAY = dt.date(2026, 1, 2)
# Rule families about information systems, their data, security and integration.
SYSTEM_RULES = ("APP-", "SEC-", "INT-", "DAT-")


def _imported(tmp_path: Path, data: bytes) -> tuple[ModelGraph, CheckResult, Path]:
    out = tmp_path / "model"
    write_import(import_archimate(data, source="file.xml", today=TODAY), out)
    graph = load_graph(out)
    return graph, check(graph, today=TODAY), out


def test_the_registry_names_the_defaults_once_with_a_reason() -> None:
    assert metamodel.archimate_defaults() == {
        "ApplicationComponent": "application",
        "WorkPackage": "roadmap_item",
    }
    for element_type, kind in metamodel.archimate_defaults().items():
        spec = metamodel.spec(kind)
        assert spec.framework and spec.archimate == element_type and spec.archimate_default
        assert metamodel.kind_for_archimate(element_type) == kind
        # The generic kind of the type stays reachable by name.
        generic = metamodel.generic_kind(element_type)
        assert generic is not None
        assert metamodel.kind_for_archimate(element_type, declared=generic) == generic
        # Nothing has to be guessed: the kind requires no field besides id and name.
        cls = metamodel.component_class(kind)
        required = {n for n, f in cls.model_fields.items() if f.is_required()}
        assert required == {"id", "name", "kind"}
    # An actor is not always an agency, a data object is not a database.
    assert metamodel.kind_for_archimate("BusinessActor") == "business_actor"
    assert metamodel.kind_for_archimate("DataObject") == "data_object"
    assert metamodel.kind_for_archimate("Node") == "node"


def test_imported_applications_are_judged_by_the_application_rules(tmp_path: Path) -> None:
    graph, result, out = _imported(tmp_path, ARCHI_502.read_bytes())
    kinds = {c.id: c.kind for c in graph.components()}  # type: ignore[attr-defined]
    applications = {i for i, k in kinds.items() if k == "application"}
    assert len(applications) == 4 and "application_component" not in kinds.values()
    found = {(f.rule_id, f.component) for f in result.findings}
    for app in applications:
        # No owner agency, no hosting, no security level: the file does not say.
        for rule in ("APP-001", "APP-003", "SEC-001"):
            assert (rule, app) in found
    # The work package is a roadmap item: its period and lead agency are missing.
    [item] = [i for i, k in kinds.items() if k == "roadmap_item"]
    assert ("GOV-006", item) in found
    # The generic kinds of the same file get none of the information-system rules.
    for rule, component in found:
        if component is not None and rule.startswith(SYSTEM_RULES):
            assert metamodel.spec(kinds[component]).framework, (rule, component)
    report = (out / REPORT_FILE).read_text("utf-8")
    assert "- ApplicationComponent → Ứng dụng (application): 4 phần tử" in report
    assert "- ApplicationComponent → Application (application): 4 elements" in report
    assert "- WorkPackage → Roadmap item (roadmap_item): 1 elements" in report
    assert report.index("Ứng dụng (application)") < report.index("Application (application)")


TAGGED = f"""<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="{ARCHIMATE_NS}" xmlns:xsi="{XSI_NS}" identifier="m1">
  <name>Thử</name>
  <elements>
    <element identifier="e1" xsi:type="ApplicationComponent"><name>Một cửa</name>
      <properties>
        <property propertyDefinitionRef="lvl"><value>3</value></property>
        <property propertyDefinitionRef="vendor"><value>VNPT</value></property>
        <property propertyDefinitionRef="shared"><value>true</value></property>
        <property propertyDefinitionRef="users"><value>12</value></property>
        <property propertyDefinitionRef="bad"><value>ten</value></property>
      </properties></element>
    <element identifier="e2" xsi:type="ApplicationComponent"><name>Thư viện ký số</name>
      <properties><property propertyDefinitionRef="kind">
        <value>application_component</value></property></properties></element>
  </elements>
  <propertyDefinitions>
    <propertyDefinition identifier="lvl" type="number"><name>eakit:security_level</name>
    </propertyDefinition>
    <propertyDefinition identifier="vendor" type="string"><name>eakit:vendor</name>
    </propertyDefinition>
    <propertyDefinition identifier="shared" type="boolean"><name>eakit:shared</name>
    </propertyDefinition>
    <propertyDefinition identifier="users" type="number"><name>Users</name>
    </propertyDefinition>
    <propertyDefinition identifier="bad" type="string"><name>eakit:log_retention_months</name>
    </propertyDefinition>
    <propertyDefinition identifier="kind" type="string"><name>eakit:kind</name>
    </propertyDefinition>
  </propertyDefinitions>
</model>""".encode()


def test_eakit_properties_fill_fields_and_eakit_kind_keeps_an_element_generic(
    tmp_path: Path,
) -> None:
    graph, result, _ = _imported(tmp_path, TAGGED)
    app, library = graph.get("mot-cua"), graph.get("thu-vien-ky-so")
    assert (app.kind, library.kind) == ("application", "application_component")
    # eakit:<field> fills the field; a value the field refuses and every other property
    # stay properties.
    assert (app.security_level, app.vendor, app.shared) == (3, "VNPT", True)
    assert app.properties == {"Users": 12, "eakit:log_retention_months": "ten"}
    found = {(f.rule_id, f.component) for f in result.findings}
    assert ("APP-001", "mot-cua") in found
    assert ("SEC-001", "mot-cua") not in found  # its security level is given
    assert not [r for r, c in found if c == "thu-vien-ky-so" and r.startswith(SYSTEM_RULES)]
    report = import_archimate(TAGGED, today=TODAY).report
    assert report.framework_kinds == {("ApplicationComponent", "application"): 1}
    [refused] = [u for u in report.unmapped if u.what == "attribute"]
    assert refused.identifier == "e1" and "eakit:log_retention_months" in refused.reason.en


@pytest.mark.parametrize("kind", ["application", "application_component", "roadmap_item"])
def test_an_exported_kind_comes_back_as_exactly_that_kind(kind: str, tmp_path: Path) -> None:
    from eakit.interop.archimate_export import export_archimate

    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "eakit.yaml").write_text(
        "eakit: 1\narchitecture: {id: t, name: Thử, framework: vn-dgov-4.0, "
        "as_of: 2026-01-02, horizon: 2030}\ninclude: ['model.yaml']\n",
        "utf-8",
    )
    (tmp_path / "m" / "model.yaml").write_text(
        f"components:\n  - {{id: x, kind: {kind}, name: X}}\n", "utf-8"
    )
    exported = export_archimate(load_graph(tmp_path / "m"))
    write_import(import_archimate(exported, source="again.xml"), tmp_path / "b")
    graph = load_graph(tmp_path / "b")
    assert graph.get("x").kind == kind
    assert export_archimate(graph) == exported
