"""Finding messages name things as people do, in the output language: component names,
labels of fields and values, never an id, a field name, an enum value or ``None``."""

from __future__ import annotations

from eakit.pipeline import load_graph
from eakit.rules import messages as msg

MODEL = """\
components:
  - {id: ttdl, kind: data_centre, name: Trung tâm dữ liệu tỉnh, name_en: Provincial data centre}
  - {id: qlvb, kind: application, app_type: document_management, name: Quản lý văn bản}
"""


def _graph(make_model):
    return load_graph(make_model(files={"m.yaml": MODEL}))


def test_parameters_are_written_as_labels(make_model) -> None:
    graph = _graph(make_model)
    template = "{kind} “{name}”: {field}; {value}; {target}; {level}; {edge}; {fw}{listing}"
    params = {
        "field": msg.fields("security_dossier.protection_plan", "owner"),
        "value": msg.value("capability_type", "waf", "ids_ips"),
        "target": msg.ref(graph, "ttdl"),
        "level": None,
        "edge": msg.Edge("hosted_on"),
        "fw": msg.Framework(("vn-egov-2.0", "vn-dgov-4.0")),
        "listing": msg.listing(graph, []),
    }
    vi = msg.format_message(template, graph, "qlvb", params, "vi")
    en = msg.format_message(template, graph, "qlvb", params, "en")
    assert vi == (
        "Ứng dụng “Quản lý văn bản”: Phương án bảo đảm an toàn được phê duyệt, Cơ quan chủ quản; "
        "Tường lửa ứng dụng web, Phát hiện, ngăn chặn xâm nhập; Trung tâm dữ liệu tỉnh; "
        "chưa khai báo; đặt tại; Khung Kiến trúc Chính phủ điện tử Việt Nam phiên bản 2.0 hoặc "
        "Khung Kiến trúc Chính phủ số Việt Nam phiên bản 4.0"
    )
    assert en == (
        "Application “Quản lý văn bản”: Approved protection plan, Owner agency; "
        "Web application firewall, Intrusion detection and prevention; Provincial data centre; "
        "not set; hosted on; Vietnam e-Government Architecture Framework 2.0 or "
        "Vietnam Digital Government Architecture Framework 4.0"
    )


def test_a_listing_names_the_components_or_nothing(make_model) -> None:
    graph = _graph(make_model)
    listing = {"listing": msg.listing(graph, ["qlvb", "ttdl"])}
    assert msg.format_message("n{listing}", graph, None, listing, "en") == (
        "N (Quản lý văn bản, Provincial data centre)"
    )
    assert (
        msg.format_message("n{listing}", graph, None, {"listing": msg.listing(graph, [])}, "vi")
        == "N"
    )


def test_an_unknown_placeholder_stays_visible(make_model) -> None:
    graph = _graph(make_model)
    assert msg.format_message("{name} {nope}", graph, "ttdl", {}, "en") == (
        "Provincial data centre {nope}"
    )
