"""The printed workbook: dates, labels, sorted and grouped findings, the agency sheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from eakit.diagnostics import Severity
from eakit.findings import Basis, CheckResult, Finding
from eakit.graph import ModelGraph
from eakit.render.excel import write_workbook
from eakit.render.excel.findings_sheet import basis_text

from .helpers import table

EPOCH = "1700000000"  # 14/11/2023 UTC


@pytest.fixture
def book_vi(graph: ModelGraph, result: CheckResult, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return load_workbook(write_workbook(graph, result, tmp_path / "r.xlsx", lang="vi"))


@pytest.fixture
def book_en(graph: ModelGraph, result: CheckResult, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return load_workbook(write_workbook(graph, result, tmp_path / "r.xlsx", lang="en"))


def _cells(ws) -> list[object]:
    return [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]


def test_generation_and_judging_dates_shown_dd_mm_yyyy(book_vi):
    summary = book_vi["Tổng quan"]
    facts = {row[0]: row[1] for row in summary.iter_rows(min_row=5, max_row=20, values_only=True)}
    assert facts["Ngày đánh giá (hiện trạng)"] == "31/12/2020"
    assert facts["Ngày lập báo cáo"] == "14/11/2023"
    for ws in book_vi.worksheets[:4]:
        assert "Ngày lập báo cáo: 14/11/2023" in ws["A2"].value, ws.title
        assert "31/12/2020" in ws["A2"].value, ws.title


def test_framework_shown_by_name_not_code(book_vi, book_en):
    facts = dict(book_vi["Tổng quan"].iter_rows(min_row=5, max_row=20, max_col=2, values_only=True))
    assert facts["Khung kiến trúc áp dụng"].startswith("Khung Kiến trúc")
    facts = dict(book_en["Summary"].iter_rows(min_row=5, max_row=20, max_col=2, values_only=True))
    assert "vn-egov" not in facts["Framework"]


def test_rule_packs_named_by_their_framework_not_code(book_vi, book_en):
    facts = dict(book_vi["Tổng quan"].iter_rows(min_row=5, max_row=20, max_col=2, values_only=True))
    assert facts["Bộ quy tắc"].startswith("Khung Kiến trúc Chính phủ điện tử Việt Nam")
    facts = dict(book_en["Summary"].iter_rows(min_row=5, max_row=20, max_col=2, values_only=True))
    assert facts["Rule packs"].startswith("Vietnam e-Government Architecture Framework")
    assert "vn-egov" not in facts["Rule packs"]


def test_waiver_expiry_shown_dd_mm_yyyy(book_en):
    rows = table(book_en["Findings"], "findings")
    waived = next(r for r in rows if r["Waiver owner"])
    assert "30/06/2021" in waived["Waiver"]
    cell = next(
        c
        for row in book_en["Findings"].iter_rows(min_row=5)
        for c in row
        if isinstance(c.value, dt.datetime)
    )
    assert cell.number_format == "dd/mm/yyyy"


def test_findings_sorted_by_severity_then_waived(book_en):
    rows = table(book_en["Findings"], "findings")
    assert [r["Severity"] for r in rows] == ["Error", "Warning", "Info", "Warning"]
    assert rows[-1]["Waiver owner"] == "@owner"


def test_sorted_by_layer_then_agency_within_a_severity(graph, result, tmp_path):
    def finding(rule: str, layer: str, component: str) -> Finding:
        return Finding(
            rule, Severity.ERROR, "m", component, None, layer, "t", "t", agency=component
        )

    result.findings = [
        finding("INF-009", "infrastructure", "so-tt-tt"),
        finding("BUS-009", "business", "ubnd-tinh"),
        finding("BUS-009", "business", "so-tt-tt"),
    ]
    book = load_workbook(write_workbook(graph, result, tmp_path / "r.xlsx", lang="en"))
    rows = table(book["Findings"], "findings")
    # Business before infrastructure (framework order); agencies by name within a layer:
    # "Department of Information ..." sorts before "Provincial People's Committee".
    assert [(r["Rule"], r["Component"]) for r in rows] == [
        ("BUS-009", "so-tt-tt"),
        ("BUS-009", "ubnd-tinh"),
        ("INF-009", "so-tt-tt"),
    ]
    grouped = table(book["Findings by rule"], "findings_by_rule")
    assert [(g["Rule"], g["Findings"]) for g in grouped] == [("BUS-009", 2), ("INF-009", 1)]


def test_repeated_findings_grouped_with_a_count(book_en):
    grouped = {g["Rule"]: g for g in table(book_en["Findings by rule"], "findings_by_rule")}
    assert list(grouped) == ["SEC-001", "INF-002", "GOV-001"]
    inf = grouped["INF-002"]
    assert (inf["Findings"], inf["Waived"]) == (1, 1)
    assert inf["Severity"] == "Warning"
    assert "Department of Information and Communications" in inf["Agencies concerned"]
    assert grouped["SEC-001"]["Legal basis"] == "Nghị định 85/2016/NĐ-CP, Điều 12"


def test_legal_basis_with_article_and_quote():
    quoted = Basis(
        "Nghị định 85/2016/NĐ-CP",
        "Điều 12",
        quote="Chủ quản hệ thống thông tin có trách nhiệm xác định cấp độ.",
    )
    finding = Finding("SEC-001", Severity.ERROR, "m", None, None, "security", "t", "t", (quoted,))
    assert basis_text(finding) == (
        "Nghị định 85/2016/NĐ-CP, Điều 12\n“Chủ quản hệ thống thông tin có trách nhiệm "
        "xác định cấp độ.”"
    )


def test_agency_sheet_holds_the_province_on_one_page(book_vi):
    ws = book_vi["Theo cơ quan"]
    rows = table(ws, "agencies")
    names = [r["Cơ quan"] for r in rows]
    assert names[0] == "Ủy ban nhân dân tỉnh Mẫu"  # the People's Committee first
    assert "Bộ Tư pháp" not in names  # a ministry is not judged by the province
    assert len(names) == 4
    assert {r["Loại cơ quan"] for r in rows} == {"Ủy ban nhân dân tỉnh", "Sở, ban, ngành"}
    health = next(r for r in rows if r["Cơ quan"] == "+1 Sở Y tế")
    assert health["Kết luận hiện trạng"] == "Đạt, còn cảnh báo"
    assert health["Hiện trạng (31/12/2020)"] == 0
    assert health["Cảnh báo"] == 1
    assert ws.page_setup.fitToHeight == 1 and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.orientation == "portrait"
    assert any(str(c).startswith("Cách tính:") for c in _cells(ws))


def test_summary_agencies_are_the_provinces_own(graph, result, book_en):
    rows = table(book_en["Summary"], "readiness_by_agency")
    assert "bo-tp" not in {r["Agency id"] for r in rows}


def test_method_paragraph_on_the_dashboard(book_vi, book_en):
    assert any(str(c).startswith("Cách tính: mỗi quy tắc") for c in _cells(book_vi["Tổng quan"]))
    assert any(str(c).startswith("Method: every rule") for c in _cells(book_en["Summary"]))


def test_no_score_column_reads_as_a_target(book_vi):
    text = " ".join(str(c) for c in _cells(book_vi["Tổng quan"]))
    assert "Mục tiêu 2025" not in text
    assert "Khi hoàn thành lộ trình (2025)" in text
    assert "Hiện trạng (31/12/2020)" in text


def test_inventory_prints_names_beside_reference_ids(graph, book_en):
    from eakit.render.excel.labels import inventory_sheet_name

    ws = book_en[inventory_sheet_name("business", "en")]
    rows = table(ws, "inventory_business")
    heads = list(rows[0])
    assert "Parent (name)" in heads or any(h.endswith(" (name)") for h in heads)
    named = next(h for h in heads if h.endswith(" (name)"))
    ids = heads[heads.index(named) - 1]
    assert ids == named.removesuffix(" (name)")
    for row in rows:
        if row[ids]:
            component = graph.get(row[ids])
            assert row[named] == (component.name_en or component.name)
    # the names column is printed, beside the ids
    last = ws.print_area.split(":")[-1].rstrip("0123456789").lstrip("$").split("$")[0]
    from openpyxl.utils import column_index_from_string

    assert heads.index(named) < column_index_from_string(last)


def test_status_reads_as_the_site_says_and_old_words_still_import(book_vi):
    from eakit.render.excel.labels import inventory_sheet_name
    from eakit.survey.reader import _value_lookup
    from eakit.text import strip_diacritics

    rows = table(book_vi[inventory_sheet_name("business", "vi")], "inventory_business")
    assert {r["Trạng thái"] for r in rows} <= {"Đang vận hành", "Dự kiến", "Đã ngừng"}
    lookup = _value_lookup("status")
    assert "current" in lookup.values()
    folded = {strip_diacritics(k).casefold() for k in lookup}
    assert strip_diacritics("Hiện có").casefold() in folded


def test_enumerated_values_print_as_words(book_en):
    from eakit.render.excel.labels import inventory_sheet_name
    from eakit.render.excel.layout import layer_codes, layer_columns

    seen = 0
    for layer in layer_codes():
        rows = table(book_en[inventory_sheet_name(layer, "en")], f"inventory_{layer}")
        for column in layer_columns(layer):
            if column.shape != "enum" or not column.printed:
                continue
            for row in rows:
                value = row.get(column.header("en"))
                if value is not None:
                    seen += 1
                    # "e_office" prints as "E-office", "current" as "Current"
                    assert "_" not in value, (column.key, value)
                    assert value[0].isupper(), (column.key, value)
    assert seen > 10
