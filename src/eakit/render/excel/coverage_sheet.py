"""The coverage sheet: agencies × key capabilities, coloured like a heat map."""

from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from eakit.render.excel.cells import (
    CENTER_TOP,
    FONT_BOLD,
    FONT_SUBTITLE,
    INTEGER,
    add_table,
    header_row,
    page_setup,
    put,
    set_widths,
    title,
    tone,
)
from eakit.render.excel.context import Context
from eakit.render.excel.coverage import CAPABILITIES, Presence, coverage
from eakit.render.excel.labels import Lang, t, value_label

HEADER_ROW = 5
LEAD = 3  # agency id, agency name, agency type


def presence_text(presence: Presence, lang: Lang) -> str | int:
    """The cell text of a presence (counted capabilities show their count)."""
    if presence.count is not None:
        return presence.count
    if presence.state == "yes":
        return t("cov.yes", lang)
    if presence.state == "planned":
        if presence.year is None:
            return t("cov.planned", lang)
        return t("cov.planned_year", lang, year=presence.year)
    return t("cov.no", lang)


def write_coverage(ctx: Context, ws: Worksheet) -> None:
    """Fill the coverage matrix sheet."""
    lang = ctx.lang
    rows = coverage(ctx.graph)
    title(ws, t("coverage.title", lang), ctx.subtitle)
    last_col = LEAD + len(CAPABILITIES)
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=last_col)
    put(
        ws,
        3,
        1,
        t("coverage.note", lang),
        font=FONT_SUBTITLE,
        align=Alignment(wrap_text=True, vertical="top"),
        border=False,
    )
    ws.row_dimensions[3].height = 28
    headers = [t("col.agency_id", lang), t("col.agency", lang), t("cov.agency_type", lang)]
    headers += [t(f"cov.{cap}", lang) for cap in CAPABILITIES]
    header_row(ws, HEADER_ROW, headers)
    ws.row_dimensions[HEADER_ROW].height = 30
    row = HEADER_ROW
    for row, entry in enumerate(rows, start=HEADER_ROW + 1):
        agency = entry.agency
        put(ws, row, 1, agency.id)
        put(ws, row, 2, ctx.name_of(agency.id))
        put(ws, row, 3, value_label("agency_type", agency.agency_type, lang))
        for col, cap in enumerate(CAPABILITIES, start=LEAD + 1):
            presence = entry.cells[cap]
            cell = put(
                ws,
                row,
                col,
                presence_text(presence, lang),
                number_format=INTEGER if presence.count is not None else None,
                align=CENTER_TOP,
            )
            tone(cell, presence.state)
    add_table(ws, "coverage", HEADER_ROW, row, 1, last_col)
    if rows:
        total_row = row + 1
        put(ws, total_row, 2, t("cov.total", lang), font=FONT_BOLD)
        for col, cap in enumerate(CAPABILITIES, start=LEAD + 1):
            covered = sum(1 for entry in rows if entry.cells[cap].state == "yes")
            put(
                ws, total_row, col, covered, number_format=INTEGER, font=FONT_BOLD, align=CENTER_TOP
            )
        row = total_row
    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    set_widths(ws, [22, 38, 20, *([14] * len(CAPABILITIES))])
    page_setup(
        ws,
        lang,
        ctx.footer,
        title_rows=f"{HEADER_ROW}:{HEADER_ROW}",
        print_area=f"A1:{get_column_letter(last_col)}{max(row, HEADER_ROW + 1)}",
    )
