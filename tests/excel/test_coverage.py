"""The coverage matrix, derived from graph queries only."""

from __future__ import annotations

from openpyxl import load_workbook

from eakit.render.excel import write_workbook
from eakit.render.excel.coverage import coverage
from tests.excel.helpers import table


def _matrix(graph):
    return {row.agency.id: row.cells for row in coverage(graph)}


def test_rows_are_the_provincial_agencies(graph):
    rows = coverage(graph)
    # People's Committee first; the ministry (national scope) is not a row
    assert rows[0].agency.id == "ubnd-tinh"
    assert {r.agency.id for r in rows} == {"ubnd-tinh", "so-tt-tt", "so-tu-phap", "so-y-te"}


def test_lan_and_specialised_network(graph):
    matrix = _matrix(graph)
    assert matrix["so-tu-phap"]["lan"].state == "yes"
    assert matrix["so-tu-phap"]["tslcd"].state == "yes"
    assert matrix["so-tu-phap"]["tslcd"].via == ("tslcd",)
    assert (matrix["so-y-te"]["lan"].state, matrix["so-y-te"]["lan"].year) == ("planned", 2022)
    assert matrix["so-y-te"]["tslcd"].state == "no"  # its planned LAN connects to nothing
    assert matrix["so-tt-tt"]["lan"].state == "no"


def test_applications_by_deployment_and_ownership(graph):
    matrix = _matrix(graph)
    assert matrix["so-tu-phap"]["one_stop"].via == ("mot-cua",)  # deployed_at
    assert matrix["so-tt-tt"]["one_stop"].state == "yes"  # owner
    assert matrix["ubnd-tinh"]["one_stop"].state == "no"
    e_office = matrix["ubnd-tinh"]["e_office"]
    assert (e_office.state, e_office.year) == ("planned", 2023)
    assert matrix["so-tu-phap"]["document_management"].state == "no"


def test_portal_and_online_services(graph):
    matrix = _matrix(graph)
    assert matrix["so-tu-phap"]["portal"].via == ("cong-so-tu-phap",)
    services = matrix["so-tu-phap"]["online_services"]
    assert (services.state, services.count) == ("yes", 1)  # the planned one is not counted
    assert matrix["so-y-te"]["online_services"].count == 0


def test_sheet_matches_the_matrix(graph, result, tmp_path):
    book = load_workbook(write_workbook(graph, result, tmp_path / "r.xlsx", lang="en"))
    ws = book["Coverage"]
    rows = {r["Agency id"]: r for r in table(ws, "coverage")}
    assert list(rows) == [r.agency.id for r in coverage(graph)]
    assert rows["so-tu-phap"]["LAN"] == "Yes"
    assert rows["so-y-te"]["LAN"] == "Planned 2022"
    assert rows["ubnd-tinh"]["E-office"] == "Planned 2023"
    assert rows["so-tu-phap"]["Online services"] == 1
    fill = ws.cell(row=6, column=4).fill.fgColor.rgb  # ubnd-tinh, LAN: none
    assert fill.endswith("FFC7CE")
