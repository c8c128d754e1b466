"""The bundled Sóc Trăng model gives real, explainable findings: pinned here so that a
change to the packs or the model that changes them is a deliberate one.

Regenerate the pins only after reading the difference (``eakit check model`` and
``eakit check model --as-of 2026-01-01`` on a copy without the architecture's
``valid_to``)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from eakit.findings import CheckResult
from eakit.pipeline import check, load_graph
from tests.conftest import BUNDLED_MODEL

# Not in 2015 after the citation review: APP-001 (its only basis before Decree 85/2016 was
# Decree 64/2007 Điều 5, on personal information) and SVC-003 (its levels 1–4 cited Decree
# 43/2011 Điều 3 with a quote defining a web page): neither rule has a supporting text then.
AS_OF_2015 = [
    "APP-003@cong-dich-vu-cong-tinh",
    "APP-003@cong-thong-tin-tinh",
    "APP-003@csdl-cap-tinh",
    "APP-003@lgsp-tinh",
    "APP-003@mot-cua-dien-tu",
    "APP-003@mot-cua-dien-tu-cap-huyen",
    "APP-003@nen-tang-cqdt-soc-trang",
    "APP-003@qlvb-dh",
    "APP-003@van-phong-dien-tu",
    "APP-003@van-phong-dien-tu-mo-rong",
    "BUS-001@ban-dan-toc",
    "BUS-001@ban-ql-cac-kcn",
    "BUS-001@so-cong-thuong",
    "BUS-001@so-gtvt",
    "BUS-001@so-ke-hoach-dau-tu",
    "BUS-001@so-ld-tb-xh",
    "BUS-001@so-nn-ptnt",
    "BUS-001@so-noi-vu",
    "BUS-001@so-tn-mt",
    "BUS-001@so-tt-tt",
    "BUS-001@so-vh-tt-dl",
    "BUS-001@so-xay-dung",
    "BUS-001@so-y-te",
    "BUS-001@ubnd-h-chau-thanh",
    "BUS-001@ubnd-h-cu-lao-dung",
    "BUS-001@ubnd-h-ke-sach",
    "BUS-001@ubnd-h-long-phu",
    "BUS-001@ubnd-h-my-tu",
    "BUS-001@ubnd-h-my-xuyen",
    "BUS-001@ubnd-h-thanh-tri",
    "BUS-001@ubnd-h-tran-de",
    "BUS-001@ubnd-tp-soc-trang",
    "BUS-001@ubnd-tx-nga-nam",
    "BUS-001@ubnd-tx-vinh-chau",
    "BUS-001@van-phong-ubnd-tinh",
    "DAT-001@csdl-cap-tinh",
    "DAT-001@csdl-mot-cua-tap-trung",
    "GOV-002@ubnd-tinh",
    "INF-004@tslcd",
    "INT-001@ubnd-tinh",
    "INT-010@mot-cua-dien-tu",
    "INT-010@qlvb-dh",
    "SEC-006@cong-dich-vu-cong-tinh",
    "SEC-006@cong-thong-tin-tinh",
    "SEC-010@cong-dich-vu-cong-tinh",
    "SEC-010@cong-thong-tin-tinh",
    "SEC-010@csdl-cap-tinh",
    "SEC-010@csdl-mot-cua-tap-trung",
    "SEC-010@lgsp-tinh",
    "SEC-010@mot-cua-dien-tu",
    "SEC-010@mot-cua-dien-tu-cap-huyen",
    "SEC-010@nen-tang-cqdt-soc-trang",
    "SEC-010@qlvb-dh",
    "SEC-010@van-phong-dien-tu",
    "SEC-010@van-phong-dien-tu-mo-rong",
    "SVC-004@dvc-ban-sao-van-bang",
    "SVC-004@dvc-cap-phieu-ly-lich-tu-phap",
    "SVC-004@dvc-dang-ky-ma-so-dvqhns",
    "SVC-004@dvc-giai-quyet-khieu-nai-lan-hai",
    "SVC-004@dvc-giay-phep-x-quang-y-te",
]

# Not at 2026-01-01 after the citation review: SVC-001 (Decree 107/2021 ended on 2025-07-01;
# Decree 118/2025 Điều 1 khoản 1, its scope, does not require the system; Decree 224/2026
# takes over on 2026-07-01): see test_as_of_2026_applies_current_texts.
AS_OF_2026 = [
    "APP-001@cong-dich-vu-cong-tinh",
    "APP-001@cong-thong-tin-tinh",
    "APP-001@lgsp-tinh",
    "APP-001@mot-cua-dien-tu-cap-huyen",
    "APP-001@nen-tang-cqdt-soc-trang",
    "APP-001@van-phong-dien-tu-mo-rong",
    "APP-002@cong-dich-vu-cong-tinh",
    "APP-002@cong-thong-tin-tinh",
    "APP-002@csdl-cap-tinh",
    "APP-002@csdl-mot-cua-tap-trung",
    "APP-002@lgsp-tinh",
    "APP-002@mot-cua-dien-tu",
    "APP-002@mot-cua-dien-tu-cap-huyen",
    "APP-002@nen-tang-cqdt-soc-trang",
    "APP-002@qlvb-dh",
    "APP-002@van-phong-dien-tu",
    "APP-002@van-phong-dien-tu-mo-rong",
    "APP-003@cong-dich-vu-cong-tinh",
    "APP-003@cong-thong-tin-tinh",
    "APP-003@csdl-cap-tinh",
    "APP-003@lgsp-tinh",
    "APP-003@mot-cua-dien-tu",
    "APP-003@mot-cua-dien-tu-cap-huyen",
    "APP-003@nen-tang-cqdt-soc-trang",
    "APP-003@qlvb-dh",
    "APP-003@van-phong-dien-tu",
    "APP-003@van-phong-dien-tu-mo-rong",
    "APP-005@qlvb-dh",
    "APP-005@van-phong-dien-tu",
    "APP-005@van-phong-dien-tu-mo-rong",
    "APP-101@qlvb-dh",
    "BUS-101@ubnd-tinh",
    "DAT-001@csdl-cap-tinh",
    "DAT-001@csdl-mot-cua-tap-trung",
    "DAT-004@csdl-cap-tinh",
    "DAT-004@csdl-mot-cua-tap-trung",
    "DAT-008@ubnd-tinh",
    "GOV-001@ubnd-tinh",
    "GOV-002@ubnd-tinh",
    "GOV-004@cong-dich-vu-cong-tinh",
    "GOV-004@csdl-cap-tinh",
    "GOV-004@lgsp-tinh",
    "GOV-004@nen-tang-cqdt-soc-trang",
    "GOV-004@nv-dao-tao-nhan-luc",
    "GOV-004@nv-duy-tri-httt-co-quan",
    "GOV-004@nv-ha-tang-httt-csdl",
    "GOV-004@nv-khung-kien-truc",
    "GOV-004@nv-mo-rong-van-phong-dien-tu",
    "GOV-004@nv-noi-dung-cong-thong-tin",
    "GOV-004@nv-phuc-vu-nguoi-dan-doanh-nghiep",
    "GOV-004@nv-thue-mang-tslcd",
    "GOV-004@nv-ung-dung-noi-bo",
    "GOV-004@nv-van-hanh-tt-tich-hop-du-lieu",
    "GOV-004@van-phong-dien-tu",
    "GOV-004@van-phong-dien-tu-mo-rong",
    "GOV-101@nv-ha-tang-httt-csdl",
    "GOV-101@nv-khung-kien-truc",
    "GOV-101@nv-mo-rong-van-phong-dien-tu",
    "GOV-101@nv-phuc-vu-nguoi-dan-doanh-nghiep",
    "GOV-101@nv-ung-dung-noi-bo",
    "INF-004@tslcd",
    "INF-101@cong-dich-vu-cong-tinh",
    "INF-101@cong-thong-tin-tinh",
    "INT-001@ubnd-tinh",
    "INT-005@mot-cua-dien-tu",
    "INT-005@mot-cua-dien-tu-cap-huyen",
    "INT-006@mot-cua-dien-tu",
    "INT-006@mot-cua-dien-tu-cap-huyen",
    "INT-007@cong-dich-vu-cong-tinh",
    "INT-007@mot-cua-dien-tu",
    "INT-007@mot-cua-dien-tu-cap-huyen",
    "INT-010@mot-cua-dien-tu",
    "INT-010@qlvb-dh",
    "INT-102@mot-cua-dien-tu",
    "INT-102@mot-cua-dien-tu-cap-huyen",
    "SEC-001@cong-dich-vu-cong-tinh",
    "SEC-001@cong-thong-tin-tinh",
    "SEC-001@csdl-cap-tinh",
    "SEC-001@csdl-mot-cua-tap-trung",
    "SEC-001@lgsp-tinh",
    "SEC-001@mot-cua-dien-tu",
    "SEC-001@mot-cua-dien-tu-cap-huyen",
    "SEC-001@nen-tang-cqdt-soc-trang",
    "SEC-001@qlvb-dh",
    "SEC-001@tt-tich-hop-du-lieu",
    "SEC-001@van-phong-dien-tu",
    "SEC-001@van-phong-dien-tu-mo-rong",
    "SEC-006@cong-dich-vu-cong-tinh",
    "SEC-006@cong-thong-tin-tinh",
    "SEC-007@ubnd-tinh",
    "SEC-009@ubnd-tinh",
    "SEC-010@cong-dich-vu-cong-tinh",
    "SEC-010@cong-thong-tin-tinh",
    "SEC-010@csdl-cap-tinh",
    "SEC-010@csdl-mot-cua-tap-trung",
    "SEC-010@lgsp-tinh",
    "SEC-010@mot-cua-dien-tu",
    "SEC-010@mot-cua-dien-tu-cap-huyen",
    "SEC-010@nen-tang-cqdt-soc-trang",
    "SEC-010@qlvb-dh",
    "SEC-010@van-phong-dien-tu",
    "SEC-010@van-phong-dien-tu-mo-rong",
    "SEC-102@ubnd-tinh",
    "SEC-103@ubnd-tinh",
    "SVC-003@dvc-ban-sao-van-bang",
    "SVC-003@dvc-cap-phieu-ly-lich-tu-phap",
    "SVC-003@dvc-dang-ky-ma-so-dvqhns",
    "SVC-003@dvc-giai-quyet-khieu-nai-lan-hai",
    "SVC-003@dvc-giay-phep-x-quang-y-te",
    "SVC-004@dvc-ban-sao-van-bang",
    "SVC-004@dvc-cap-phieu-ly-lich-tu-phap",
    "SVC-004@dvc-dang-ky-ma-so-dvqhns",
    "SVC-004@dvc-giai-quyet-khieu-nai-lan-hai",
    "SVC-004@dvc-giay-phep-x-quang-y-te",
    "SVC-007@cong-dich-vu-cong-tinh",
    "SVC-007@cong-thong-tin-tinh",
    "SVC-101@mot-cua-dien-tu",
    "SVC-101@mot-cua-dien-tu-cap-huyen",
]


@pytest.fixture(scope="module")
def result_2015(bundled_graph) -> CheckResult:
    return check(bundled_graph)


@pytest.fixture(scope="module")
def result_2026(tmp_path_factory: pytest.TempPathFactory) -> CheckResult:
    # The architecture ended on 30/06/2025 and is not judged later (tests/rules/test_dates.py):
    # to see the texts of 2026 applied, a copy is treated as if it were still in force. Its
    # agencies still end as recorded, so the rules judge its systems and data only.
    copy = tmp_path_factory.mktemp("bundled") / "model"
    shutil.copytree(BUNDLED_MODEL, copy, ignore=shutil.ignore_patterns(".eakit-cache"))
    manifest = copy / "eakit.yaml"
    text = manifest.read_text("utf-8")
    assert "\n  valid_to: 2025-06-30\n" in text
    manifest.write_text(text.replace("\n  valid_to: 2025-06-30\n", "\n"), "utf-8")
    return check(load_graph(copy), as_of=dt.date(2026, 1, 1))


def _finding(result: CheckResult, finding_id: str):
    return next(f for f in result.findings if f.id == finding_id)


def test_pinned_findings_2015(result_2015: CheckResult) -> None:
    assert result_2015.as_of == dt.date(2015, 12, 31)
    assert sorted(f.id for f in result_2015.findings) == AS_OF_2015


def test_pinned_findings_2026(result_2026: CheckResult) -> None:
    assert sorted(f.id for f in result_2026.findings) == AS_OF_2026


def test_one_stop_gap_of_2015(result_2015: CheckResult) -> None:
    # The article: one-stop in five departments (Justice, Finance, Science and Technology,
    # Education and Training, the Inspectorate); 19 departments + 11 districts are in
    # scope, so 25 lack it (the 31st agency, the radio station, handles no procedures).
    missing = sorted(f.component for f in result_2015.findings if f.rule_id == "BUS-001")
    assert len(missing) == 25
    assert not {"so-tu-phap", "so-tai-chinh", "so-kh-cn", "so-gd-dt", "thanh-tra-tinh"} & set(
        missing
    )
    assert "so-y-te" in missing and "ubnd-h-ke-sach" in missing
    finding = _finding(result_2015, "BUS-001@so-y-te")
    assert finding.basis[0].document == "Quyết định 09/2015/QĐ-TTg"
    assert finding.agency == "so-y-te"


def test_no_lgsp_in_2015_but_planned(result_2015: CheckResult) -> None:
    finding = _finding(result_2015, "INT-001@ubnd-tinh")
    assert finding.message.startswith(
        "Số nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP) đang vận hành: 0;"
    )
    assert finding.basis[0].document == "Công văn 1178/BTTTT-THH"
    # the planned LGSP counts at the horizon: the integration layer improves there
    readiness = result_2015.readiness
    assert readiness is not None
    now, later = readiness.by_layer["integration"], readiness.by_layer_horizon["integration"]
    assert later.total > now.total


def test_security_levels_judged_by_the_texts_of_the_date(result_2015, result_2026) -> None:
    # Decree 85/2016 did not exist at the end of 2015: no security-level rule applies.
    assert "SEC-001" in {r.id for r in result_2015.not_applicable}
    assert not [f for f in result_2015.findings if f.rule_id == "SEC-001"]
    # In 2026 every provincial information system without a level is reported.
    sec = _finding(result_2026, "SEC-001@qlvb-dh")
    assert sec.basis[0].document == "Nghị định 85/2016/NĐ-CP"
    assert sec.location is not None and sec.location.file == "ung-dung/van-ban-dieu-hanh.yaml"


def test_as_of_2026_applies_current_texts(result_2026: CheckResult) -> None:
    # From 2025-07-01 to 2026-06-30 no supporting text in force is registered for these three:
    # the scope of Decree 118/2025 (Điều 1 khoản 1) was cited for them and does not support
    # them; Decree 224/2026 Điều 15 gives them a basis again from 2026-07-01. DAT-005 ends on
    # 2026-01-01 (Law 91/2025 Điều 21 khoản 6 exempts state agencies from the assessment).
    no_text = ["DAT-005", "SVC-001", "SVC-002", "SVC-009"]
    assert [r.id for r in result_2026.not_applicable] == no_text
    # the framework in force is 4.0, the model follows 1.0
    framework = _finding(result_2026, "GOV-001@ubnd-tinh")
    assert "Khung Kiến trúc Chính phủ điện tử Việt Nam phiên bản 1.0" in framework.message
    assert "Khung Kiến trúc Chính phủ số Việt Nam phiên bản 4.0" in framework.message
    assert framework.location is not None and framework.location.file == "eakit.yaml"
    # data sharing: Decree 278/2025, not the repealed 47/2020
    lgsp = _finding(result_2026, "INT-001@ubnd-tinh")
    documents = {b.document for b in lgsp.basis}
    assert "Nghị định 278/2025/NĐ-CP" in documents
    assert "Nghị định 47/2020/NĐ-CP" not in documents
    assert not [f for f in result_2026.findings if f.rule_id == "SVC-001"]


def test_findings_are_located_and_ordered(result_2015: CheckResult) -> None:
    keys = [
        (f.location.file, f.location.line, f.location.col, f.rule_id) for f in result_2015.findings
    ]
    assert keys == sorted(keys)
    owner = _finding(result_2015, "DAT-001@csdl-mot-cua-tap-trung")
    assert owner.location is not None and owner.location.file == "ung-dung/mot-cua-dien-tu.yaml"


def test_unverified_basis_is_said(result_2015: CheckResult) -> None:
    # Decision 09/2015's articles were not read in a published text: no verified quote.
    assert "(căn cứ chưa đối chiếu: " in _finding(result_2015, "BUS-001@so-y-te").message
    # Decree 64/2007 Điều 12 khoản 1 is quoted, but it only describes provincial databases:
    # the citation is partial (confidence: low), so it is said unverified too.
    assert "chưa đối chiếu" in _finding(result_2015, "DAT-001@csdl-mot-cua-tap-trung").message


def test_supporting_verified_basis_is_not_said_unverified(result_2026: CheckResult) -> None:
    # Law 86/2015 Điều 21 (security levels 1 to 5) is quoted and supports SEC-001.
    sec = _finding(result_2026, "SEC-001@qlvb-dh")
    assert "chưa đối chiếu" not in sec.message
    assert any(b.confidence == "verified" and b.quote for b in sec.basis)


def test_findings_in_english_on_request(bundled_graph) -> None:
    result = check(bundled_graph, as_of=dt.date(2025, 6, 1), lang="en")  # its last month in force
    unified = _finding(result, "SVC-001@ubnd-tinh")
    assert unified.message.startswith("The province has 2 systems for administrative procedures (")
    assert unified.remediation.startswith("Declare the provincial system")
    framework = _finding(result, "GOV-001@ubnd-tinh").message
    assert "Vietnam e-Government Architecture Framework 1.0" in framework
    rule = next(r for r in result.rules if r.id == "SVC-001")
    assert rule.rationale.startswith("One information system for administrative procedures")
