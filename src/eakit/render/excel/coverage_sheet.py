"""The coverage sheet: agencies × key capabilities, coloured like a heat map."""

from __future__ import annotations

from eakit.render.excel.cells import (
    add_table,
    header_row,
    print_as_table,
    put,
    set_widths,
    title,
)
from eakit.render.excel.context import Context
from eakit.render.excel.coverage import CAPABILITIES, Presence, coverage
from eakit.render.excel.labels import Lang, t, value_label
from eakit.render.excel.sheet import Sheet
from eakit.render.excel.styles import CENTER_TOP, FONT_BOLD, FONT_SUBTITLE, INTEGER, WRAP_TOP

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


def write_coverage(ctx: Context, sheet: Sheet) -> None:
    """Fill the coverage matrix sheet."""
    lang = ctx.lang
    rows = coverage(ctx.graph)
    last_col = LEAD + len(CAPABILITIES)
    set_widths(sheet, [22, 38, 20, *([14] * len(CAPABILITIES))])
    title(sheet, t("coverage.title", lang), ctx.subtitle)
    sheet.merge(3, 1, last_col)
    sheet.set_height(3, 28)
    put(sheet, 3, 1, t("coverage.note", lang), font=FONT_SUBTITLE, align=WRAP_TOP, border=False)
    headers = [t("col.agency_id", lang), t("col.agency", lang), t("cov.agency_type", lang)]
    headers += [t(f"cov.{cap}", lang) for cap in CAPABILITIES]
    sheet.set_height(HEADER_ROW, 30)
    header_row(sheet, HEADER_ROW, headers)
    row = HEADER_ROW
    for row, entry in enumerate(rows, start=HEADER_ROW + 1):
        agency = entry.agency
        put(sheet, row, 1, agency.id)
        put(sheet, row, 2, ctx.name_of(agency.id))
        put(sheet, row, 3, value_label("agency_type", agency.agency_type, lang))
        for col, cap in enumerate(CAPABILITIES, start=LEAD + 1):
            presence = entry.cells[cap]
            put(
                sheet,
                row,
                col,
                presence_text(presence, lang),
                number_format=INTEGER if presence.count is not None else None,
                align=CENTER_TOP,
                tone=presence.state,
            )
    add_table(sheet, "coverage", HEADER_ROW, row, 1, last_col)
    if rows:
        total_row = row + 1
        put(sheet, total_row, 2, t("cov.total", lang), font=FONT_BOLD)
        for col, cap in enumerate(CAPABILITIES, start=LEAD + 1):
            covered = sum(1 for entry in rows if entry.cells[cap].state == "yes")
            put(
                sheet,
                total_row,
                col,
                covered,
                number_format=INTEGER,
                font=FONT_BOLD,
                align=CENTER_TOP,
            )
        row = total_row
    print_as_table(
        sheet,
        lang,
        ctx.footer,
        header=HEADER_ROW,
        last_row=row,
        last_printed_col=last_col,
        frozen_cols=2,
    )
