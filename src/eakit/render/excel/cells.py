"""Writing cells safely and dressing sheets as a printable document.

Every value the workbook shows goes through :func:`put`: text is always stored as
text (a name like ``=HYPERLINK(...)`` never becomes a formula), illegal control
characters are dropped, and the cell gets the house font.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from eakit.render.excel.labels import Lang, t

FONT_NAME = "Arial"
FONT = Font(name=FONT_NAME, size=10)
FONT_BOLD = Font(name=FONT_NAME, size=10, bold=True)
FONT_HEADER = Font(name=FONT_NAME, size=10, bold=True, color="FFFFFF")
FONT_TITLE = Font(name=FONT_NAME, size=15, bold=True, color="1F4E79")
FONT_SUBTITLE = Font(name=FONT_NAME, size=10, italic=True, color="595959")
FONT_SECTION = Font(name=FONT_NAME, size=12, bold=True, color="1F4E79")
FILL_HEADER = PatternFill("solid", fgColor="1F4E79")
_THIN = Side(style="thin", color="BFBFBF")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
CENTER_TOP = Alignment(horizontal="center", vertical="top", wrap_text=True)
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")

PERCENT = "0.0%"
YEAR = "0"
INTEGER = "#,##0"
DATE = "yyyy-mm-dd"

# (fill, font colour) for a severity or coverage state.
TONES: dict[str, tuple[str, str]] = {
    "error": ("FFC7CE", "9C0006"),
    "warning": ("FFEB9C", "7F6000"),
    "info": ("DDEBF7", "1F4E79"),
    "waived": ("EDEDED", "595959"),
    "yes": ("C6EFCE", "006100"),
    "planned": ("FFEB9C", "7F6000"),
    "no": ("FFC7CE", "9C0006"),
}

# Text a spreadsheet would read as a formula or command when typed (OWASP CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def is_risky_text(text: str) -> bool:
    """Whether a spreadsheet could take ``text`` for a formula."""
    return text.startswith(_FORMULA_START)


def put(
    ws: Worksheet,
    row: int,
    col: int,
    value: Any,
    *,
    number_format: str | None = None,
    font: Font = FONT,
    align: Alignment | None = None,
    border: bool = True,
) -> Cell:
    """Write ``value`` into a cell: text stays text, dates and numbers keep their type."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        text = _ILLEGAL.sub("", value)
        cell.value = text
        # Stored as a string whatever it starts with; quotePrefix keeps Excel from
        # re-reading it as a formula when a user edits the cell.
        cell.data_type = "s"
        if is_risky_text(text):
            cell.quotePrefix = True
    elif isinstance(value, dt.datetime):
        cell.value = value
        cell.number_format = number_format or DATE
    elif isinstance(value, dt.date):
        cell.value = dt.datetime.combine(value, dt.time())
        cell.number_format = number_format or DATE
    else:
        cell.value = value
    if number_format is not None:
        cell.number_format = number_format
    cell.font = font
    if align is not None:
        cell.alignment = align
    elif isinstance(value, str):
        cell.alignment = WRAP_TOP
    else:
        cell.alignment = TOP
    if border:
        cell.border = BORDER
    return cell


def tone(cell: Cell, name: str) -> None:
    """Colour a cell by a severity or coverage state."""
    fill, colour = TONES[name]
    cell.fill = PatternFill("solid", fgColor=fill)
    cell.font = Font(name=FONT_NAME, size=10, bold=True, color=colour)


def title(ws: Worksheet, text: str, subtitle: str | None = None) -> int:
    """Write a sheet title (row 1) and subtitle (row 2); return the next free row."""
    put(ws, 1, 1, text, font=FONT_TITLE, align=Alignment(vertical="center"), border=False)
    ws.row_dimensions[1].height = 24
    if subtitle:
        put(ws, 2, 1, subtitle, font=FONT_SUBTITLE, align=Alignment(), border=False)
    return 4


def header_row(ws: Worksheet, row: int, headers: Sequence[str], first_col: int = 1) -> None:
    """Write table headings: white bold on dark blue, wrapped."""
    for offset, text in enumerate(headers):
        cell = put(ws, row, first_col + offset, text, font=FONT_HEADER, align=HEADER_ALIGN)
        cell.fill = FILL_HEADER


def set_widths(ws: Worksheet, widths: Sequence[float], first_col: int = 1) -> None:
    """Column widths in character units."""
    for offset, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(first_col + offset)].width = width


def add_table(
    ws: Worksheet,
    name: str,
    header: int,
    last_row: int,
    first_col: int,
    last_col: int,
    *,
    striped: bool = True,
) -> Table | None:
    """Declare an Excel table (named, filterable, pivot-ready) over a written range.

    A table needs at least one data row; an empty range gets none.
    """
    if last_row <= header:
        return None
    ref = f"{get_column_letter(first_col)}{header}:{get_column_letter(last_col)}{last_row}"
    table = Table(displayName=name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(
        name="TableStyleLight9", showRowStripes=striped, showColumnStripes=False
    )
    ws.add_table(table)
    return table


def page_setup(
    ws: Worksheet,
    lang: Lang,
    footer_left: str,
    *,
    title_rows: str | None = None,
    print_area: str | None = None,
    landscape: bool = True,
) -> None:
    """A4 landscape, fit to one page wide, repeated headings, sheet name and page number."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.25
    if title_rows:
        ws.print_title_rows = title_rows
    if print_area:
        ws.print_area = print_area
    ws.oddHeader.center.text = "&A"
    ws.oddHeader.center.size = 9
    ws.oddHeader.center.font = f"{FONT_NAME},Regular"
    ws.oddFooter.left.text = footer_left.replace("&", "&&")
    ws.oddFooter.left.size = 8
    ws.oddFooter.left.font = f"{FONT_NAME},Regular"
    ws.oddFooter.right.text = t("footer.page", lang)
    ws.oddFooter.right.size = 8
    ws.oddFooter.right.font = f"{FONT_NAME},Regular"
    ws.sheet_view.showGridLines = False
    fit_rows(ws, 3)


LINE_HEIGHT = 12.9  # points per line of 10 pt Arial
_CHARS_PER_WIDTH = 1.3  # Arial 10 characters per Excel width unit (Calibri 11 digits)


def _wrapped_lines(text: str, capacity: int) -> int:
    """How many lines greedy word wrapping gives ``text`` in ``capacity`` characters."""
    lines = 0
    for paragraph in text.split("\n"):
        length = 0
        lines += 1
        for word in paragraph.split(" "):
            size = len(word)
            if length and length + 1 + size > capacity:
                lines += 1
                length = 0
            while size > capacity:  # a word longer than the line breaks anywhere
                lines += 1
                size -= capacity
            length += (1 if length else 0) + size
    return lines


def _width(ws: Worksheet, col: int) -> float:
    width = ws.column_dimensions[get_column_letter(col)].width
    return width if width else 8.43


def fit_rows(ws: Worksheet, first_row: int) -> None:
    """Set row heights so wrapped text shows whole.

    Spreadsheet programs do not all re-measure rows when they open a file
    (LibreOffice keeps the default height), so the heights are written explicitly.
    """
    spans: dict[tuple[int, int], float] = {}
    for merged in ws.merged_cells.ranges:
        spans[(merged.min_row, merged.min_col)] = sum(
            _width(ws, c) for c in range(merged.min_col, merged.max_col + 1)
        )
    for row in ws.iter_rows(min_row=first_row):
        index = row[0].row
        if ws.row_dimensions[index].height is not None:
            continue
        lines = 1
        for cell in row:
            if not isinstance(cell.value, str) or not (cell.alignment and cell.alignment.wrap_text):
                continue
            width = spans.get((index, cell.column), _width(ws, cell.column))
            factor = _CHARS_PER_WIDTH * (0.9 if cell.font and cell.font.b else 1.0)
            capacity = max(4, int(width * factor) - 1)
            lines = max(lines, _wrapped_lines(cell.value, capacity))
        if lines > 1:
            ws.row_dimensions[index].height = round(lines * LINE_HEIGHT + 3, 1)
