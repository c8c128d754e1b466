"""The readiness workbook read back with openpyxl: every sheet, against the model and JSON."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.model.layers import LAYERS
from eakit.render.excel import write_workbook
from eakit.render.excel.labels import inventory_sheet_name
from eakit.render.json_report import result_payload
from tests.excel.conftest import RISKY_TEXTS, make_result
from tests.excel.helpers import headers, table

LAYER_CODES = [info.layer.value for info in LAYERS]


@pytest.fixture
def workbook_en(graph: ModelGraph, result: CheckResult, tmp_path: Path):
    path = write_workbook(graph, result, tmp_path / "readiness.xlsx", lang="en")
    return load_workbook(path)


def test_sheets_in_order(graph, result, tmp_path):
    book = load_workbook(write_workbook(graph, result, tmp_path / "r.xlsx"))
    assert book.sheetnames == [
        "Tổng quan",
        "Theo cơ quan",
        "Tổng hợp theo quy tắc",
        "Phát hiện",
        *[inventory_sheet_name(layer, "vi") for layer in LAYER_CODES],
        "Độ phủ theo cơ quan",
        "Khoảng trống, lộ trình",
        "Điểm lỗi đơn",
        "Danh mục quy tắc",
    ]


def test_english_headings(workbook_en):
    assert workbook_en.sheetnames[:5] == [
        "Summary",
        "By agency",
        "Findings by rule",
        "Findings",
        "inventory-users",
    ]
    assert headers(workbook_en["Findings"], "findings")[:3] == ["Severity", "Rule", "Rule title"]
    assert workbook_en["Summary"]["A1"].value == "ARCHITECTURE READINESS REPORT"


def test_findings_rows_equal_json(graph, result, workbook_en):
    payload = result_payload(graph, result)
    rows = table(workbook_en["Findings"], "findings")
    assert len(rows) == len(payload["findings"]) == 4
    by_id = {f["id"]: f for f in payload["findings"]}
    for row in rows:
        finding = by_id[row["Finding id"]]
        assert row["Rule"] == finding["rule"]
        assert row["Severity"].lower() == finding["severity"]
        assert row["Message"] == finding["message"]
        assert row["Component"] == finding["component"]
        location = finding["location"]
        expected = f"{location['file']}:{location['line']}:{location['col']}" if location else None
        assert row["Model location"] == expected
        waived = finding["waived"]
        assert (row["Waiver owner"], row["Waiver reason"]) == (
            (waived["owner"], waived["reason"]) if waived else (None, None)
        )
        if waived:
            assert row["Waiver expires"].date().isoformat() == waived["expires"]
    assert rows[0]["Legal basis"] == "Nghị định 85/2016/NĐ-CP, Điều 12"
    assert rows[0]["Agency"] == "Provincial People's Committee"


def test_scores_equal_json(graph, result, workbook_en):
    readiness = result_payload(graph, result)["readiness"]
    ws = workbook_en["Summary"]
    now, later = "Current state (31/12/2020)", "When the roadmap is complete (2025)"
    overall = table(ws, "readiness_overall")[0]
    assert overall[now] == readiness["overall"]["ratio"]
    assert overall[later] == readiness["overall_horizon"]["ratio"]
    assert overall["Errors standing"] == readiness["overall"]["errors"] == 1
    assert overall["Verdict, current state"] == "Not met"
    assert overall["Verdict, roadmap complete"] == "Met, warnings remain"
    by_layer = {row["Layer code"]: row for row in table(ws, "readiness_by_layer")}
    assert list(by_layer) == LAYER_CODES
    for code, row in by_layer.items():
        score = readiness["by_layer"].get(code)
        score_h = readiness["by_layer_horizon"].get(code)
        assert row[now] == (score["ratio"] if score else None)
        assert row[later] == (score_h["ratio"] if score_h else None)
        assert row["Errors standing"] == (score["errors"] if score else None)
        assert row["Components"] == len(graph.by_layer(code))
    assert by_layer["security"]["Verdict, current state"] == "Not met"
    assert by_layer["security"]["Verdict, roadmap complete"] == "Met"
    assert by_layer["users"]["Verdict, current state"] == "Not applicable"
    by_agency = {row["Agency id"]: row for row in table(ws, "readiness_by_agency")}
    assert set(by_agency) == set(readiness["by_agency"])
    for agency, score in readiness["by_agency"].items():
        assert by_agency[agency][now] == score["ratio"]
        assert by_agency[agency]["Errors standing"] == score["errors"]


def test_severity_counts_equal_json(graph, result, workbook_en):
    counts = result_payload(graph, result)["counts"]
    rows = table(workbook_en["Summary"], "findings_by_severity")
    assert {r["Severity"].lower(): r["Count"] for r in rows} == counts


def test_percent_number_format(workbook_en):
    ws = workbook_en["Summary"]
    ref = ws.tables["readiness_by_layer"].ref
    cells = [row[2] for row in ws[ref]][1:]
    assert {c.number_format for c in cells} == {"0.0%"}


def test_inventory_rows_equal_components(graph, workbook_en):
    total = 0
    for layer in LAYER_CODES:
        ws = workbook_en[inventory_sheet_name(layer, "en")]
        rows = [r for r in table(ws, f"inventory_{layer}") if r["Id"] is not None]
        assert sorted(r["Id"] for r in rows) == sorted(c.id for c in graph.by_layer(layer))
        total += len(rows)
    assert total == len(graph)


def test_inventory_values(workbook_en):
    rows = {
        r["Id"]: r for r in table(workbook_en["inventory-applications"], "inventory_applications")
    }
    app = rows["mot-cua"]
    assert app["Kind"] == "Application"
    assert app["Status"] == "Current"
    assert app["Deployed at"] == "so-tu-phap; so-y-te"
    assert app["Security level"] == 3
    assert app["Dossier date"].date().isoformat() == "2019-05-20"
    assert app["properties.users"] == 350
    assert app["properties.cloud"] is False
    assert rows["van-phong-dien-tu"]["Target year"] == 2023
    assert rows["van-phong-dien-tu"]["Status"] == "Planned"


def test_no_formulas_anywhere(graph, result, tmp_path):
    book = load_workbook(write_workbook(graph, result, tmp_path / "r.xlsx"))
    found: dict[str, bool] = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str):
                    for text in RISKY_TEXTS:
                        if cell.value.startswith(text):
                            found[text] = True
                    if cell.value[:1] in "=+-@":
                        assert cell.quotePrefix, f"{ws.title}!{cell.coordinate}"
    assert set(found) == set(RISKY_TEXTS)


def test_no_formula_in_the_xml(graph, result, tmp_path):
    data = write_workbook(graph, result, tmp_path / "r.xlsx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name), name


def test_charts_tables_and_names(workbook_en):
    summary = workbook_en["Summary"]
    assert len(summary._charts) == 2
    tables = {name for ws in workbook_en.worksheets for name in ws.tables}
    expected = {"findings", "coverage", "roadmap", "rules", "readiness_by_layer"}
    expected |= {f"inventory_{layer}" for layer in LAYER_CODES}
    assert expected <= tables


def test_print_setup(workbook_en):
    for ws in workbook_en.worksheets:
        assert ws.page_setup.fitToWidth == 1, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.oddHeader.center.text == "&A", ws.title
        assert "&P" in ws.oddFooter.right.text, ws.title
        if ws.title not in ("Summary", "By agency"):
            assert ws.page_setup.orientation == "landscape", ws.title
            assert ws.print_title_rows, ws.title
            assert ws.print_area, ws.title
    findings = workbook_en["Findings"]
    assert findings.freeze_panes == "A5"
    assert findings.print_title_rows == "$4:$4"


def test_byte_identical(graph, tmp_path):
    first = write_workbook(graph, make_result(graph), tmp_path / "a.xlsx").read_bytes()
    second = write_workbook(graph, make_result(graph), tmp_path / "b.xlsx").read_bytes()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    # created and modified are the model's as-of date, not the time of the run
    assert core.count(">2020-12-31T00:00:00Z<") == 2
    assert ">eakit</dc:creator>" in core


def test_without_readiness(graph, tmp_path):
    result = make_result(graph, readiness=False)
    book = load_workbook(write_workbook(graph, result, tmp_path / "r.xlsx", lang="en"))
    ws = book["Summary"]
    assert len(ws._charts) == 1  # findings by severity only
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(text.startswith("No readiness score") for text in texts)
    by_layer = table(ws, "readiness_by_layer")
    assert all(row["Current state (31/12/2020)"] is None for row in by_layer)
    assert "readiness_by_agency" not in ws.tables


def test_without_result(graph, tmp_path):
    book = load_workbook(write_workbook(graph, None, tmp_path / "r.xlsx"))
    assert "findings" not in book["Phát hiện"].tables
    assert book["Phát hiện"]["A5"].value == "Không có phát hiện nào."


def test_write_is_atomic(graph, result, tmp_path, monkeypatch):
    path = tmp_path / "readiness.xlsx"
    path.write_bytes(b"previous")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("eakit.render.excel.workbook.workbook_bytes", broken)
    with pytest.raises(RuntimeError):
        write_workbook(graph, result, path)
    assert path.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["readiness.xlsx"]


def test_unknown_language(graph, result, tmp_path):
    with pytest.raises(ValueError, match="unsupported language"):
        write_workbook(graph, result, tmp_path / "r.xlsx", lang="fr")


def test_rule_catalogue(graph, result, workbook_en):
    rows = table(workbook_en["Rule catalogue"], "rules")
    assert [r["Rule id"] for r in rows] == ["INF-002", "SEC-001"]
    by_id = {r["Rule id"]: r for r in rows}
    assert by_id["INF-002"]["Findings"] == 1  # the waived one does not count
    assert by_id["SEC-001"]["Legal basis"] == "Nghị định 85/2016/NĐ-CP, Điều 12"


def test_roadmap(workbook_en):
    rows = table(workbook_en["Gaps and roadmap"], "roadmap")
    assert [r["Id"] for r in rows] == [
        "lan-so-y-te",
        "nv-lgsp",
        "van-phong-dien-tu",
        "dvc-ho-tich",
    ]
    lgsp = rows[1]
    assert lgsp["Period"] == "2021-2025"
    assert lgsp["Lead or owner"] == "Department of Information and Communications"
    assert lgsp["Realises"] == "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh"
