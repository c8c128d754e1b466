"""Inputs that look unusual but are valid: they must load, with the right values and lines."""

from __future__ import annotations

from eakit.loader import load_model
from eakit.model import KIND_CLASSES
from tests.loader.support import VALID


def test_byte_order_mark_is_accepted_in_manifest_and_model_files() -> None:
    model = load_model(VALID / "bom")
    assert model.manifest.architecture.id == "tinh-mau"
    assert model.components["so-tt-tt"].name == "Sở Thông tin và Truyền thông"
    # The BOM takes no column: positions are those an editor shows.
    assert str(model.location("ubnd-tinh", "id")) == "agencies.yaml:2:5"
    assert str(model.location("so-tt-tt", "parent")) == "agencies.yaml:10:5"


def test_crlf_lf_and_cr_line_ends_are_accepted_and_counted_alike() -> None:
    model = load_model(VALID / "line-endings")
    assert sorted(model.components) == ["mot-cua", "so-tt-tt", "ubnd-tinh"]
    assert model.components["mot-cua"].name == "Hệ thống một cửa"
    assert model.manifest.architecture.horizon == 2025
    assert str(model.location("so-tt-tt", "parent")) == "agencies.yaml:10:5"
    assert str(model.location("mot-cua", "owner")) == "systems.yaml:5:5"


def test_plain_yaml_features_are_read_as_written() -> None:
    model = load_model(VALID / "yaml-features")
    app = model.components["mot-cua"]
    assert app.name == "Hệ thống thông tin một cửa điện tử: dùng chung"
    assert app.name_en == "One-stop shop system"
    assert app.owner == app.operator == "so-tt-tt"  # an alias
    assert app.description == (
        "Tiếp nhận và trả kết quả hồ sơ thủ tục hành chính.\nDùng chung toàn tỉnh."
    )
    assert app.since == 2016  # a tab after the colon is YAML 1.2 separation
    assert app.tags == ["một cửa", "dịch vụ công", "2016"]
    # YAML 1.2's core schema, whichever parser read it: a plain 1200 is a number, a
    # quoted "2.1" is text.
    assert app.properties == {
        "phien_ban": "2.1",
        "so_nguoi_dung": 1200,
        "ty_le": 0.75,
        "mo": True,
        "ngay": "2016-01-01",
    }
    portal = model.components["cong-dvc"]
    assert type(portal) is KIND_CLASSES["portal"]
    assert portal.owner == "so-tt-tt"
    assert [(r.from_, r.type, r.to) for r in model.relations] == [
        ("cong-dvc", "exchanges_with", "mot-cua")
    ]
    assert str(model.location("mot-cua", "security_level")) == "systems.yaml:15:5"
    assert model.manifest.architecture.horizon == 2025


def test_the_sample_model_loads() -> None:
    model = load_model(VALID / "mini")
    assert len(model.components) == 8
    assert model.files == ["agencies.yaml", "systems.yaml"]
