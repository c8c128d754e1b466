"""Fixtures of the workbook tests: the injection model and a hand-built check result."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from eakit.diagnostics import Location, Severity
from eakit.findings import Basis, CheckResult, Finding, Readiness, RuleInfo, Score, Waived
from eakit.graph import ModelGraph
from eakit.pipeline import load_graph

INJECT = Path(__file__).parent / "fixtures" / "inject"
BASIS = (Basis("Nghị định 85/2016/NĐ-CP", "Điều 12"),)
RISKY_TEXTS = (
    '=HYPERLINK("http://evil.example","Sở Tư pháp")',
    "+1 Sở Y tế",
    "-2 Department of Health",
    "@SUM(A1:A9) is not a formula here",
)


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    """A writable copy of the injection model."""
    target = tmp_path / "model"
    shutil.copytree(INJECT, target)
    return target


@pytest.fixture(scope="session")
def graph() -> ModelGraph:
    return load_graph(INJECT)


def make_result(graph: ModelGraph, *, readiness: bool = True) -> CheckResult:
    """A check result built by hand: findings of every severity, one waived, scores."""
    rule = RuleInfo(
        "SEC-001",
        "Hệ thống thông tin phải được xác định cấp độ",
        "Information systems must have a security level",
        Severity.ERROR,
        "security",
        "vn-egov-2.0",
        BASIS,
        "Nghị định 85/2016/NĐ-CP yêu cầu xác định cấp độ.",
        "Lập hồ sơ đề xuất cấp độ.",
    )
    infra = RuleInfo(
        "INF-002",
        "Cơ quan kết nối mạng truyền số liệu chuyên dùng",
        "Agencies connect to the specialised data network",
        Severity.WARNING,
        "infrastructure",
        "vn-egov-2.0",
        (),
        "",
        "",
    )
    findings = [
        Finding(
            "SEC-001",
            Severity.ERROR,
            "=cmd|' /C calc'!A0 has no security level",
            "van-phong-dien-tu",
            graph.location("van-phong-dien-tu"),
            "security",
            rule.title,
            rule.title_en,
            BASIS,
            "-Lập hồ sơ",
            "ubnd-tinh",
        ),
        Finding(
            "INF-002",
            Severity.WARNING,
            "Sở Y tế chưa kết nối mạng chuyên dùng",
            "so-y-te",
            graph.location("so-y-te"),
            "infrastructure",
            infra.title,
            infra.title_en,
            agency="so-y-te",
        ),
        Finding(
            "INF-002",
            Severity.WARNING,
            "Waived one",
            "so-tt-tt",
            Location("agencies.yaml", 8, 5),
            "infrastructure",
            infra.title,
            infra.title_en,
            agency="so-tt-tt",
            waived=Waived("+Đang triển khai", "@owner", dt.date(2021, 6, 30)),
        ),
        Finding(
            "GOV-001",
            Severity.INFO,
            "Model-wide note",
            None,
            None,
            "governance",
            "Kiến trúc có lộ trình",
            "The architecture has a roadmap",
        ),
    ]
    scores = None
    if readiness:
        scores = Readiness(
            overall=Score(7, 12, 1),
            overall_horizon=Score(10, 12),
            by_layer={"security": Score(1, 3, 1), "infrastructure": Score(2, 3)},
            by_layer_horizon={"security": Score(3, 3), "infrastructure": Score(2, 3)},
            by_agency={"so-y-te": Score(0, 2), "so-tu-phap": Score(2, 2)},
            by_agency_horizon={"so-y-te": Score(1, 2), "so-tu-phap": Score(2, 2)},
        )
    return CheckResult(
        as_of=graph.architecture.as_of,
        framework=graph.architecture.framework,
        packs=["vn-egov-2.0"],
        findings=findings,
        rules=[rule, infra],
        readiness=scores,
    )


@pytest.fixture
def result(graph: ModelGraph) -> CheckResult:
    return make_result(graph)
