"""Fixtures of the diagram tests: a generated province-sized model and rendered views."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eakit.graph import ModelGraph
from eakit.pipeline import load_graph

DISTRICTS = 11
DEPARTMENTS = 20  # with the districts: 31 agencies, each with its own LAN


def _province_files() -> dict[str, dict[str, object]]:
    """A model shaped like a real province: 31 agencies and LANs, one TSLCD with 51
    connection points, an LGSP, national platforms, a point-to-point link, a planned
    and a retired system."""
    agencies: list[dict[str, object]] = [
        {
            "id": "ubnd-tinh",
            "kind": "agency",
            "agency_type": "provincial_people_committee",
            "name": "Ủy ban nhân dân tỉnh Mẫu",
            "name_en": "Provincial People's Committee",
        },
        {
            "id": "so-tu-phap",
            "kind": "agency",
            "agency_type": "department",
            "name": "Sở Tư pháp",
            "name_en": "Department of Justice",
            "parent": "ubnd-tinh",
        },
        {
            "id": "so-tt-tt",
            "kind": "agency",
            "agency_type": "department",
            "name": "Sở Thông tin và Truyền thông",
            "parent": "ubnd-tinh",
        },
    ]
    agencies += [
        {
            "id": f"so-{n:02d}",
            "kind": "agency",
            "agency_type": "department",
            "name": f"Sở số {n}",
            "parent": "ubnd-tinh",
        }
        for n in range(3, DEPARTMENTS + 1)
    ]
    agencies += [
        {
            "id": f"huyen-{n:02d}",
            "kind": "agency",
            "agency_type": "district",
            "name": f"Ủy ban nhân dân huyện {n}",
            "parent": "ubnd-tinh",
        }
        for n in range(1, DISTRICTS + 1)
    ]
    owners = [a["id"] for a in agencies if a["id"] != "ubnd-tinh"]
    lans = [
        {
            "id": f"lan-{owner}",
            "kind": "lan",
            "name": f"Mạng LAN {owner}",
            "agency": owner,
            "connected_to": ["tslcd"],
        }
        for owner in owners
    ]
    systems = [
        {
            "id": "tt-du-lieu",
            "kind": "data_centre",
            "name": "Trung tâm Tích hợp dữ liệu tỉnh",
            "owner": "so-tt-tt",
            "connected_to": ["tslcd"],
            "security_level": 3,
        },
        {
            "id": "tslcd",
            "kind": "network",
            "network_type": "tslcd",
            "network_level": "II",
            "name": "Mạng truyền số liệu chuyên dùng",
            "connection_points": 51,
            "connected_to": ["cong-internet"],
        },
        {
            "id": "cong-internet",
            "kind": "network",
            "network_type": "internet_gateway",
            "name": "Cổng ra Internet tập trung",
            "located_in": "tt-du-lieu",
        },
        {
            "id": "lgsp",
            "kind": "integration_platform",
            "platform_type": "lgsp",
            "name": "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh",
            "owner": "so-tt-tt",
            "hosted_on": "tt-du-lieu",
        },
        {
            "id": "ndxp",
            "kind": "integration_platform",
            "platform_type": "ndxp",
            "name": "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia",
            "scope": "national",
        },
        {
            "id": "csdl-dan-cu",
            "kind": "database",
            "db_type": "national",
            "name": "Cơ sở dữ liệu quốc gia về dân cư",
            "scope": "national",
        },
        {
            "id": "mot-cua",
            "kind": "application",
            "app_type": "public_service_system",
            "name": "Hệ thống thông tin một cửa điện tử",
            "owner": "so-tt-tt",
            "hosted_on": "tt-du-lieu",
            "deployed_at": ["so-tu-phap"],
        },
        {
            "id": "ho-tich",
            "kind": "application",
            "app_type": "sector",
            "name": "Phần mềm hộ tịch",
            "owner": "so-tu-phap",
            "hosted_on": "tt-du-lieu",
        },
        {
            "id": "van-phong-moi",
            "kind": "application",
            "app_type": "e_office",
            "name": "Văn phòng điện tử",
            "owner": "so-tt-tt",
            "status": "planned",
            "target": 2025,
            "replaces": ["van-phong-cu"],
        },
        {
            "id": "van-phong-cu",
            "kind": "application",
            "app_type": "e_office",
            "name": "Văn phòng điện tử cũ",
            "owner": "so-tt-tt",
            "status": "retired",
            "retired_in": 2019,
        },
        {
            "id": "dvc-ly-lich",
            "kind": "public_service",
            "name": "Cấp Phiếu lý lịch tư pháp",
            "provider": "so-tu-phap",
            "delivered_by": "mot-cua",
            "level": 3,
        },
        {
            "id": "nv-van-phong",
            "kind": "roadmap_item",
            "name": "Triển khai văn phòng điện tử",
            "lead_agency": "so-tt-tt",
            "realises": ["van-phong-moi"],
            "period": "2021-2025",
            "status": "planned",
        },
    ]
    relations = [
        {"from": "mot-cua", "to": "lgsp", "type": "integrates_with"},
        {"from": "lgsp", "to": "ndxp", "type": "connects_to"},
        {"from": "ho-tich", "to": "mot-cua", "type": "exchanges_with"},
        {"from": "ho-tich", "to": "csdl-dan-cu", "type": "reads_from"},
    ]
    manifest = {
        "eakit": 1,
        "architecture": {
            "id": "mau",
            "name": "Kiến trúc tỉnh Mẫu",
            "name_en": "Sample province",
            "framework": "vn-egov-2.0",
            "as_of": "2020-12-31",
            "horizon": 2025,
        },
    }
    return {
        "eakit.yaml": manifest,
        "to-chuc.yaml": {"components": agencies},
        "ha-tang.yaml": {"components": lans},
        "he-thong.yaml": {"components": systems, "relations": relations},
    }


def write_province(folder: Path, manifest_extra: dict[str, object] | None = None) -> Path:
    """Write the province model into ``folder`` (with extra manifest keys) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in _province_files().items():
        if name == "eakit.yaml" and manifest_extra:
            data = {**data, **manifest_extra}
        (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def province(tmp_path_factory: pytest.TempPathFactory) -> ModelGraph:
    return load_graph(write_province(tmp_path_factory.mktemp("province")))
