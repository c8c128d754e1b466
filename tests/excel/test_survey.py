"""Survey import: template round trip, updates by id, and located row errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from eakit.loader import load_model
from eakit.pipeline import load_graph
from eakit.render.excel import write_template, write_workbook
from eakit.survey import SurveyError, import_survey
from tests.excel.conftest import INJECT


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@contextmanager
def _edited_template(graph, path: Path, lang: str = "en") -> Iterator[Workbook]:
    """The survey template of ``graph`` written to ``path``, open for editing; saved when
    the block ends."""
    write_template(graph, path, lang=lang)
    book = load_workbook(path)
    yield book
    book.save(path)


def _column(ws, heading: str) -> tuple[int, int]:
    """The header row of an inventory sheet and the column of ``heading`` in it."""
    header = next(
        r for r in ws.iter_rows(min_row=1, max_row=10) if r[0].value in ("Id", "Mã định danh")
    )
    return header[0].row, next(c.column for c in header if c.value == heading)


def _cell(ws, heading: str, row_id: str):
    """The cell of column ``heading`` in the row whose id is ``row_id``."""
    header_row, col = _column(ws, heading)
    row = next(r[0].row for r in ws.iter_rows(min_row=header_row + 1) if r[0].value == row_id)
    return ws.cell(row=row, column=col)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_round_trip_into_a_new_folder(graph, tmp_path, lang):
    template = write_template(graph, tmp_path / "inventory.xlsx", lang=lang)
    target = tmp_path / "new-model"
    report = import_survey(template, target)
    assert report.created_manifest
    assert sorted(report.added) == graph.ids()
    original = load_model(INJECT)
    imported = load_model(target)
    assert imported.manifest.architecture == original.manifest.architecture
    assert imported.components == original.components
    # importing the same survey again changes nothing
    before = _snapshot(target)
    again = import_survey(template, target)
    assert (again.added, again.updated, sorted(again.unchanged)) == ([], [], graph.ids())
    assert _snapshot(target) == before


def test_readiness_workbook_imports_too(graph, result, model_copy, tmp_path):
    workbook = write_workbook(graph, result, tmp_path / "readiness.xlsx")
    before = _snapshot(model_copy)
    report = import_survey(workbook, model_copy)
    assert report.added == report.updated == []
    assert _snapshot(model_copy) == before


def test_update_in_place_keeps_comments(graph, model_copy, tmp_path):
    path = tmp_path / "inventory.xlsx"
    with _edited_template(graph, path) as book:
        ws = book["inventory-business"]
        _cell(ws, "Name", "so-y-te").value = "Sở Y tế tỉnh Mẫu"
        _cell(ws, "Has data-protection officer", "so-y-te").value = "yes"
        apps = book["inventory-applications"]
        new_row = apps.max_row + 1
        apps.cell(row=new_row, column=1, value="qlvb")
        apps.cell(row=new_row, column=2, value="Application")
        apps.cell(row=new_row, column=3, value="Quản lý văn bản và điều hành")
        _set_heading(apps, new_row, "Application type", "document_management")
        _set_heading(apps, new_row, "Deployed at", "so-tu-phap; so-y-te")

    report = import_survey(path, model_copy)
    assert report.updated == ["so-y-te"]
    assert report.added == ["qlvb"]
    text = (model_copy / "agencies.yaml").read_text("utf-8")
    assert "# Agencies of the sample province" in text
    assert "# The next agency has names" in text
    assert "name: Sở Y tế tỉnh Mẫu" in text
    assert (model_copy / "systems.yaml").read_bytes() == (INJECT / "systems.yaml").read_bytes()
    model = load_model(model_copy)
    assert model.components["so-y-te"].has_dpo is True
    assert model.components["so-tu-phap"] == load_model(INJECT).components["so-tu-phap"]
    qlvb = model.components["qlvb"]
    assert model.component_sources["qlvb"].file == "survey/applications.yaml"
    assert qlvb.deployed_at == ["so-tu-phap", "so-y-te"]
    graph_after = load_graph(model_copy)
    assert graph_after.sources("so-y-te", "deployed_at") == ["mot-cua", "qlvb"]


def test_numbers_stored_as_text_are_read_as_numbers(graph, model_copy, tmp_path):
    # Spreadsheets often hold numbers as text; the model's number fields take no text.
    path = tmp_path / "inventory.xlsx"
    with _edited_template(graph, path) as book:
        ws = book["inventory-business"]
        _cell(ws, "Computers per official", "so-y-te").value = "0.8"
        _cell(ws, "In use since", "so-y-te").value = "2015"
    import_survey(path, model_copy)
    agency = load_model(model_copy).components["so-y-te"]
    assert (agency.computer_ratio, agency.since) == (0.8, 2015)


def _set_heading(ws, row: int, heading: str, value) -> None:
    ws.cell(row=row, column=_column(ws, heading)[1], value=value)


def test_row_errors_name_sheet_and_cell(graph, model_copy, tmp_path):
    path = tmp_path / "inventory.xlsx"
    with _edited_template(graph, path) as book:
        apps = book["inventory-applications"]
        kind = _cell(apps, "Kind", "mot-cua")
        kind.value = "ap"
        level = _cell(apps, "Security level", "van-phong-dien-tu")
        level.value = "=1+2"
        business = book["inventory-business"]
        _cell(business, "Agency type", "so-y-te").value = "departmnt"
    before = _snapshot(model_copy)
    with pytest.raises(SurveyError) as caught:
        import_survey(path, model_copy)
    lines = caught.value.lines("en")
    assert f"inventory-applications!{kind.coordinate}: unknown kind 'ap'" in lines[0]
    assert any(
        line.startswith(f"inventory-applications!{level.coordinate}: formulas are not read")
        for line in lines
    )
    assert any("did you mean 'department'" in line for line in lines)
    assert _snapshot(model_copy) == before


def test_unknown_reference_is_located(graph, model_copy, tmp_path):
    path = tmp_path / "inventory.xlsx"
    with _edited_template(graph, path) as book:
        owner = _cell(book["inventory-applications"], "Owner", "mot-cua")
        owner.value = "so-tt-ttt"
    with pytest.raises(SurveyError) as caught:
        import_survey(path, model_copy)
    assert caught.value.lines("en") == [
        f"inventory-applications!{owner.coordinate}: 'owner' refers to unknown id 'so-tt-ttt' "
        "(did you mean 'so-tt-tt'?)"
    ]


def test_duplicate_ids_and_vietnamese_sheet_names(graph, tmp_path):
    path = tmp_path / "khao-sat.xlsx"
    with _edited_template(graph, path, lang="vi") as book:
        ws = book["DM Ứng dụng, CSDL"]
        row = ws.max_row + 1
        ws.cell(row=row, column=1, value="mot-cua")
        ws.cell(row=row, column=2, value="Ứng dụng")
        ws.cell(row=row, column=3, value="Bản sao")
    with pytest.raises(SurveyError) as caught:
        import_survey(path, tmp_path / "out")
    assert caught.value.lines("en")[0].startswith(
        f"'DM Ứng dụng, CSDL'!A{row}: duplicate id 'mot-cua'"
    )
    assert not (tmp_path / "out").exists()


def test_empty_template_imports_nothing(graph, model_copy, tmp_path):
    path = write_template(graph, tmp_path / "empty.xlsx", empty=True)
    report = import_survey(path, model_copy)
    assert (report.added, report.updated, report.unchanged) == ([], [], [])


def test_not_a_workbook(tmp_path):
    bogus = tmp_path / "survey.xlsx"
    bogus.write_text("not a zip")
    with pytest.raises(SurveyError, match="problem"):
        import_survey(bogus, tmp_path)
