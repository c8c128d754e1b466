"""Small hand-made models whose impact and single points of failure are known."""

from __future__ import annotations

from pathlib import Path

import pytest

MANIFEST = """\
eakit: 1
architecture:
  id: thu
  name: Kiến trúc thử
  name_en: Test architecture
  framework: vn-dgov-4.0
  as_of: 2026-01-01
  horizon: 2030
"""

# Two data centres. The LGSP runs in ttdl; app-a runs in ttdl-2 but integrates through
# the LGSP; app-b runs in ttdl and delivers a public service; app-c is planned for 2028
# in ttdl. Infrastructure: both data centres and both LANs connect to mang-tslcd, lan-a
# to ttdl too (a cycle); the Internet gateway is located in ttdl.
COMPONENTS = """\
components:
  - {id: so-a, kind: agency, agency_type: department, name: Sở Tư pháp, name_en: Department of Justice}
  - {id: so-b, kind: agency, agency_type: department, name: Sở Y tế, name_en: Department of Health}
  - {id: ttdl, kind: data_centre, name: Trung tâm dữ liệu tỉnh, name_en: Provincial data centre, owner: so-a, connected_to: [mang-tslcd]}
  - {id: ttdl-2, kind: data_centre, name: Trung tâm dự phòng, name_en: Backup data centre, connected_to: [mang-tslcd]}
  - {id: cong-internet, kind: network, network_type: internet_gateway, name: Cổng Internet, located_in: ttdl}
  - {id: mang-tslcd, kind: network, network_type: tslcd, name: Mạng truyền số liệu chuyên dùng}
  - {id: lan-a, kind: lan, agency: so-a, name: Mạng LAN Sở Tư pháp, connected_to: [mang-tslcd]}
  - {id: lan-b, kind: lan, agency: so-b, name: Mạng LAN Sở Y tế, connected_to: [mang-tslcd]}
  - {id: lgsp, kind: integration_platform, platform_type: lgsp, name: Nền tảng LGSP, hosted_on: ttdl}
  - {id: app-a, kind: application, name: Hộ tịch, name_en: Civil registry, owner: so-a, hosted_on: ttdl-2}
  - {id: app-b, kind: application, name: Hồ sơ sức khoẻ, name_en: Health records, owner: so-b, hosted_on: ttdl}
  - {id: app-c, kind: application, name: Kho dữ liệu, owner: so-b, hosted_on: ttdl, status: planned, target: 2028}
  - {id: dvc-b, kind: public_service, name: Cấp phiếu khám, name_en: Health check card, provider: so-b, delivered_by: app-b}
relations:
  - {from: app-a, to: lgsp, type: integrates_with}
  - {from: lan-a, to: ttdl, type: connects_to}
"""


@pytest.fixture
def small_model(tmp_path: Path) -> Path:
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "eakit.yaml").write_text(MANIFEST, "utf-8")
    (folder / "model.yaml").write_text(COMPONENTS, "utf-8")
    return folder


@pytest.fixture
def small_graph(small_model: Path):
    from eakit.pipeline import load_graph

    return load_graph(small_model)
