"""The eleven ArchiMate relationships as eakit relations: checked against ArchiMate's table,
with their attributes, exported as themselves and back byte for byte."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from eakit.diagnostics import ModelLoadError
from eakit.interop.archimate_export import export_archimate
from eakit.interop.archimate_import import import_archimate, write_import
from eakit.interop.archimate_mapping import ARCHIMATE_RELATIONSHIP_TYPES, RELATION_EXPORT
from eakit.interop.xsd import ARCHIMATE_NS, XSI_NS, validate_exchange
from eakit.model import relation_types
from eakit.model.archimate_table import allowed_relationships, is_allowed
from eakit.pipeline import load_graph

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
A = "{" + ARCHIMATE_NS + "}"
XSI_TYPE = "{" + XSI_NS + "}type"

ELEMENTS = """components:
  - {id: nang-luc, kind: capability, name: Năng lực số}
  - {id: nang-luc-con, kind: capability, name: Năng lực con}
  - {id: tiep-nhan, kind: business_process, name: Tiếp nhận hồ sơ}
  - {id: tra-ket-qua, kind: business_process, name: Trả kết quả}
  - {id: dich-vu, kind: business_service, name: Dịch vụ cấp phép}
  - {id: bo-phan, kind: business_actor, name: Bộ phận một cửa}
  - {id: ho-so, kind: business_object, name: Hồ sơ}
  - {id: nguyen-tac, kind: principle, name: Một lần khai báo}
  - {id: muc-tieu, kind: goal, name: Giảm thời gian}
relations:
  - {from: nang-luc, to: nang-luc-con, type: composition}
  - {from: tiep-nhan, to: tra-ket-qua, type: aggregation}
  - {from: bo-phan, to: tiep-nhan, type: assignment}
  - {from: tiep-nhan, to: dich-vu, type: realization}
  - {from: dich-vu, to: bo-phan, type: serving}
  - {from: tiep-nhan, to: ho-so, type: access, access_type: write}
  - {from: tra-ket-qua, to: ho-so, type: access}
  - {from: nguyen-tac, to: muc-tieu, type: influence, strength: "++"}
  - {from: tiep-nhan, to: tra-ket-qua, type: triggering}
  - {from: tra-ket-qua, to: tiep-nhan, type: flow, properties: {kênh: mạng}}
  - {from: nang-luc-con, to: nang-luc, type: specialization}
  - {from: muc-tieu, to: nang-luc, type: association, directed: true}
"""


@pytest.fixture()
def model(tmp_path: Path) -> Path:
    folder = tmp_path / "model"
    shutil.copytree(FIXTURES / "valid" / "mini", folder)
    (folder / "archimate.yaml").write_text(ELEMENTS, "utf-8")
    return folder


def test_every_archimate_relationship_is_a_relation_type() -> None:
    types = relation_types()
    generic = {t.archimate: name for name, t in types.items() if t.archimate_table}
    assert set(generic) == set(ARCHIMATE_RELATIONSHIP_TYPES)
    for archimate, name in generic.items():
        assert name == archimate.lower()
        assert types[name].label and types[name].label_en


def test_the_table_is_archimate_32_appendix_b() -> None:
    assert is_allowed("Assignment", "BusinessActor", "BusinessRole")
    assert is_allowed("Serving", "Node", "ApplicationComponent")
    assert not is_allowed("Access", "BusinessActor", "BusinessActor")
    assert not is_allowed("Flow", "DataObject", "DataObject")
    # Junctions are one concept; a relationship may be associated with another one.
    assert allowed_relationships("AndJunction", "BusinessProcess") == allowed_relationships(
        "OrJunction", "BusinessProcess"
    )
    assert "Association" in allowed_relationships("Relationship", "BusinessActor")


def test_relations_load_export_as_themselves_and_round_trip(model: Path, tmp_path: Path) -> None:
    graph = load_graph(model)
    data = export_archimate(graph)
    assert validate_exchange(data) == []
    root = ET.fromstring(data)
    by_id = {r.get("identifier"): r for r in root.iter(A + "relationship")}
    access = by_id["id-tiep-nhan.access.ho-so"]
    assert (access.get(XSI_TYPE), access.get("accessType")) == ("Access", "Write")
    assert by_id["id-tra-ket-qua.access.ho-so"].get("accessType") is None
    assert by_id["id-nguyen-tac.influence.muc-tieu"].get("modifier") == "++"
    assert by_id["id-muc-tieu.association.nang-luc"].get("isDirected") == "true"
    assert by_id["id-nang-luc.composition.nang-luc-con"].get(XSI_TYPE) == "Composition"
    write_import(import_archimate(data, source="x.xml"), tmp_path / "again")
    again = load_graph(tmp_path / "again")
    assert export_archimate(again) == data
    flow = next(e for e in again.edges("flow"))
    assert flow.relation is not None and flow.relation.properties == {"kênh": "mạng"}


def test_a_relation_the_table_refuses_names_both_kinds(model: Path) -> None:
    (model / "wrong.yaml").write_text(
        "relations:\n  - {from: ho-so, to: bo-phan, type: assignment}\n", "utf-8"
    )
    with pytest.raises(ModelLoadError) as caught:
        load_graph(model)
    [problem] = caught.value.diagnostics
    assert str(problem.location) == "wrong.yaml:2:32"
    assert problem.message == (
        "quan hệ 'assignment' từ đối tượng nghiệp vụ 'ho-so' (BusinessObject) tới tác nhân "
        "nghiệp vụ 'bo-phan' (BusinessActor) không được ArchiMate 3.2 cho phép; được phép: "
        "association"
    )
    assert problem.message.en == (
        "relation 'assignment' from business_object 'ho-so' (BusinessObject) to business_actor "
        "'bo-phan' (BusinessActor) is not allowed by ArchiMate 3.2; allowed: association"
    )


def test_eakit_relation_types_name_an_archimate_relationship() -> None:
    for name, mapping in RELATION_EXPORT.items():
        assert mapping.archimate in ARCHIMATE_RELATIONSHIP_TYPES, name
        assert mapping.access is None or mapping.archimate == "Access"
