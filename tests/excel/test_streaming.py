"""The streamed cells read back by openpyxl: values, types, looks, rows and the package."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from eakit.render.excel.cells import put, set_widths, style
from eakit.render.excel.context import Context
from eakit.render.excel.findings_sheet import HEADER_ROW, write_findings
from eakit.render.excel.sheet import LINE_HEIGHT, Book, wrapped_lines
from eakit.render.excel.stable import workbook_bytes
from eakit.render.excel.styles import DATE, FONT_BOLD, INTEGER, TOP
from tests.excel.conftest import make_result
from tests.excel.helpers import table

WHEN = dt.date(2020, 12, 31)


def _save(book: Book):
    data = workbook_bytes(book, WHEN, "test")
    return data, load_workbook(io.BytesIO(data))


def test_values_keep_their_type_and_text_stays_text():
    book = Book()
    sheet = book.add_sheet("values")
    values = [
        "a < b & c > d",
        "line\r\nbreaks\nand\ttabs",
        "  leading and trailing  ",
        "bell\x07 and \ufffe gone",
        "Sở Tư pháp tỉnh Sóc Trăng",
        "=SUM(A1:A2)",
        "@mention",
        42,
        -1.25,
        12345678901234567,
        Decimal("0.1"),
        True,
        False,
        float("nan"),
        dt.date(2019, 5, 20),
        dt.datetime(2021, 6, 30, 12, 0),
        None,
        "",
    ]
    for row, value in enumerate(values, start=1):
        put(sheet, row, 1, value)
    _, book_read = _save(book)
    ws = book_read["values"]
    read = [ws.cell(row=row, column=1) for row in range(1, len(values) + 1)]
    assert read[0].value == "a < b & c > d"
    assert read[1].value == "line\r\nbreaks\nand\ttabs"
    assert read[2].value == "  leading and trailing  "
    assert read[3].value == "bell and  gone"
    assert read[4].value == "Sở Tư pháp tỉnh Sóc Trăng"
    assert (read[5].value, read[5].data_type, read[5].quotePrefix) == ("=SUM(A1:A2)", "s", True)
    assert (read[6].value, read[6].quotePrefix) == ("@mention", True)
    assert not read[0].quotePrefix
    # numbers as openpyxl writes them: 16 significant digits
    assert [c.value for c in read[7:13]] == [42, -1.25, 1.234567890123457e16, 0.1, True, False]
    assert read[13].value is None  # NaN has no spreadsheet value
    assert read[14].value == dt.datetime(2019, 5, 20)
    assert read[14].number_format == DATE
    assert read[15].value == dt.datetime(2021, 6, 30, 12, 0)
    assert read[16].value is None and read[16].border.left.style == "thin"
    assert read[17].value is None
    # default look: house font, thin border, text wrapped at the top, the rest at the top
    assert read[0].font.name == "Arial" and read[0].alignment.wrap_text
    assert read[7].alignment.vertical == "top" and not read[7].alignment.wrap_text


def test_a_cell_cannot_hold_other_objects():
    sheet = Book().add_sheet("s")
    with pytest.raises(TypeError, match="cannot hold a list"):
        put(sheet, 1, 1, ["a"])


def test_rows_are_written_in_order():
    book = Book()
    sheet = book.add_sheet("s")
    put(sheet, 5, 2, "b")
    put(sheet, 5, 1, "a")  # any column order within a row
    put(sheet, 6, 1, "c")
    with pytest.raises(RuntimeError, match="in order"):
        put(sheet, 5, 3, "late")
    with pytest.raises(RuntimeError, match="already written"):
        sheet.set_height(5, 30)
    with pytest.raises(RuntimeError, match="before the rows"):
        set_widths(sheet, [10])
    _, read = _save(book)
    ws = read["s"]
    assert [c.value for c in ws[5]][:2] == ["a", "b"]
    assert ws.calculate_dimension() == "A5:B6"
    book.discard()


def test_row_heights_fit_wrapped_text():
    book = Book()
    sheet = book.add_sheet("s")
    set_widths(sheet, [10, 40])
    long_text = "một hai ba bốn năm sáu bảy tám chín mười " * 3
    put(sheet, 1, 2, long_text)  # rows 1-2 are the title: not fitted
    put(sheet, 3, 2, long_text)
    put(sheet, 4, 1, long_text, align=TOP)  # not wrapped: one line
    put(sheet, 5, 1, "short")
    sheet.set_height(7, 33)  # a row with a height and no cells
    put(sheet, 8, 1, long_text, font=FONT_BOLD)
    _, read = _save(book)
    ws = read["s"]
    lines = wrapped_lines(long_text.strip() + " ", int(40 * 1.3) - 1)
    assert ws.row_dimensions[1].height is None
    assert ws.row_dimensions[3].height == round(lines * LINE_HEIGHT + 3, 1)
    assert ws.row_dimensions[4].height is None
    assert ws.row_dimensions[5].height is None
    assert ws.row_dimensions[7].height == 33
    bold_lines = wrapped_lines(long_text, int(10 * 1.3 * 0.9) - 1)
    assert ws.row_dimensions[8].height == round(bold_lines * LINE_HEIGHT + 3, 1)


def test_merged_row_is_bordered_and_fitted_on_its_width():
    book = Book()
    sheet = book.add_sheet("s")
    set_widths(sheet, [10, 10, 10])
    text = "chữ " * 12  # 48 characters: 4 lines in one column, 2 over three
    sheet.merge(3, 1, 3)
    put(sheet, 3, 1, text)
    _, read = _save(book)
    ws = read["s"]
    assert [str(r) for r in ws.merged_cells.ranges] == ["A3:C3"]
    assert ws.row_dimensions[3].height == round(2 * LINE_HEIGHT + 3, 1)
    middle, last = ws["B3"].border, ws["C3"].border
    assert (middle.top.style, middle.bottom.style, middle.right.style) == ("thin", "thin", None)
    assert (last.top.style, last.bottom.style, last.right.style) == ("thin", "thin", "thin")


def test_styles_are_shared():
    book = Book()
    sheet = book.add_sheet("s")
    first = style(sheet, number_format=INTEGER)
    assert style(sheet, number_format=INTEGER) is first
    assert style(sheet, number_format=DATE) is not first


def test_package_is_stable_and_sized(graph):
    book = Book()
    sheet = book.add_sheet("s")
    put(sheet, 2, 3, "x")
    data, _ = _save(book)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        xml = archive.read("xl/worksheets/sheet1.xml")
    assert b'<dimension ref="C2:C2"/>' in xml
    assert xml.count(b"<sheetData>") == 1


def test_findings_beyond_the_row_limit_are_capped_visibly(graph, tmp_path):
    result = make_result(graph)
    book = Book()
    sheet = book.add_sheet("Findings")
    write_findings(Context(graph, result, "en"), sheet, max_rows=HEADER_ROW + 2)
    _, read = _save(book)
    ws = read["Findings"]
    rows = table(ws, "findings")
    assert [r["Finding id"] for r in rows] == [f.id for f in result.findings[:2]]
    assert ws["A3"].value == (
        "This sheet holds the first 2 of 4 findings (Excel's row limit); "
        "the full list: eakit check --format json."
    )
    assert ws.print_area == f"'Findings'!$A$1:$I${HEADER_ROW + 2}"
