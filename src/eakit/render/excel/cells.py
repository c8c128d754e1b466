"""Writing cells safely and dressing sheets as a printable document.

Every value the workbook shows goes through :meth:`Sheet.put
<eakit.render.excel.sheet.Sheet.put>` (here through :func:`put`): text is always
stored as text (a name like ``=HYPERLINK(...)`` never becomes a formula, and gets the
quote prefix), illegal control characters are dropped, and the cell gets the house
font. Sheets with many rows resolve their :class:`~eakit.render.excel.sheet.Style`
objects once and write whole rows with ``Sheet.put_row``.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any, TypedDict, Unpack

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from eakit.render.excel.labels import Lang, t
from eakit.render.excel.sheet import Sheet, Style, clean_text
from eakit.render.excel.styles import (
    BORDER,
    FILL_HEADER,
    FONT,
    FONT_HEADER,
    FONT_NAME,
    FONT_SUBTITLE,
    FONT_TITLE,
    HEADER_ALIGN,
    MIDDLE,
    NO_ALIGN,
    TONE_STYLES,
)


class Look(TypedDict, total=False):
    """How a cell looks, for :func:`style` and :func:`put` (all optional)."""

    number_format: str | None
    font: Font
    align: Alignment | None
    border: bool
    fill: PatternFill | None
    tone: str | None


def style(
    sheet: Sheet,
    *,
    number_format: str | None = None,
    font: Font = FONT,
    align: Alignment | None = None,
    border: bool = True,
    fill: PatternFill | None = None,
    tone: str | None = None,
) -> Style:
    """The style of a cell: house font, thin border, wrapped text at the top.

    ``align=None`` wraps text and aligns everything to the top; ``tone`` colours the
    cell by a severity or coverage state (bold font, light fill).
    """
    if tone is not None:
        fill, font = TONE_STYLES[tone]
    return sheet.styles.style(font, fill, BORDER if border else None, align, number_format)


def put(sheet: Sheet, row: int, col: int, value: Any, **look: Unpack[Look]) -> None:
    """Write ``value`` into a cell: text stays text, dates and numbers keep their type.
    ``look`` is as for :func:`style`."""
    sheet.put(row, col, value, style(sheet, **look))


def title(sheet: Sheet, text: str, subtitle: str | None = None) -> int:
    """Write a sheet title (row 1) and subtitle (row 2); return the next free row."""
    sheet.set_height(1, 24)
    put(sheet, 1, 1, text, font=FONT_TITLE, align=MIDDLE, border=False)
    if subtitle:
        put(sheet, 2, 1, subtitle, font=FONT_SUBTITLE, align=NO_ALIGN, border=False)
    return 4


def header_row(sheet: Sheet, row: int, headers: Sequence[str], first_col: int = 1) -> None:
    """Write table headings: white bold on dark blue, wrapped."""
    look = style(sheet, font=FONT_HEADER, align=HEADER_ALIGN, fill=FILL_HEADER)
    for col, text in enumerate(headers, start=first_col):
        sheet.put(row, col, text, look)
        sheet.headers[(row, col)] = clean_text(text)


def set_widths(sheet: Sheet, widths: Sequence[float], first_col: int = 1) -> None:
    """Column widths in character units (before the rows: row heights depend on them)."""
    for col, width in enumerate(widths, start=first_col):
        sheet.set_width(col, width)


def add_table(
    sheet: Sheet,
    name: str,
    header: int,
    last_row: int,
    first_col: int,
    last_col: int,
    *,
    striped: bool = True,
) -> Table | None:
    """Declare an Excel table (named, filterable, pivot-ready) over a written range.

    Its column names are the headings :func:`header_row` wrote in row ``header``.
    A table needs at least one data row; an empty range gets none.
    """
    if last_row <= header:
        return None
    ref = f"{get_column_letter(first_col)}{header}:{get_column_letter(last_col)}{last_row}"
    columns = [
        TableColumn(id=col, name=sheet.headers[(header, col)])
        for col in range(first_col, last_col + 1)
    ]
    table = Table(displayName=name, ref=ref, tableColumns=columns, autoFilter=AutoFilter(ref=ref))
    table.tableStyleInfo = TableStyleInfo(
        name="TableStyleLight9", showRowStripes=striped, showColumnStripes=False
    )
    with warnings.catch_warnings():
        # openpyxl warns on every table of a write-only sheet that its columns must be
        # named by hand: they are, above.
        warnings.filterwarnings("ignore", "In write-only mode", UserWarning)
        sheet.ws.add_table(table)
    return table


def page_setup(
    sheet: Sheet,
    lang: Lang,
    footer_left: str,
    *,
    title_rows: str | None = None,
    print_area: str | None = None,
    landscape: bool = True,
) -> None:
    """A4 landscape, fit to one page wide, repeated headings, sheet name and page number."""
    ws = sheet.ws
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
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
    ws.oddFooter.left.text = clean_text(footer_left).replace("&", "&&")
    ws.oddFooter.left.size = 8
    ws.oddFooter.left.font = f"{FONT_NAME},Regular"
    ws.oddFooter.right.text = t("footer.page", lang)
    ws.oddFooter.right.size = 8
    ws.oddFooter.right.font = f"{FONT_NAME},Regular"
    ws.sheet_view.showGridLines = False


def print_as_table(
    sheet: Sheet,
    lang: Lang,
    footer_left: str,
    *,
    header: int,
    last_row: int,
    last_printed_col: int,
    frozen_cols: int = 0,
) -> None:
    """A sheet whose rows below ``header`` are one table: the heading row and the first
    ``frozen_cols`` columns stay on screen, the heading repeats on every printed page, and
    the printed area ends at ``last_printed_col`` (an empty table still prints a row)."""
    sheet.ws.freeze_panes = f"{get_column_letter(frozen_cols + 1)}{header + 1}"
    page_setup(
        sheet,
        lang,
        footer_left,
        title_rows=f"{header}:{header}",
        print_area=f"A1:{get_column_letter(last_printed_col)}{max(last_row, header + 1)}",
    )
