"""The instructions sheet of a survey template, with the architecture's key facts.

The ``architecture`` table lets ``eakit import-survey`` create the manifest of a new
model folder from a template alone.
"""

from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from eakit.render.excel.cells import (
    FONT,
    FONT_SECTION,
    add_table,
    header_row,
    page_setup,
    put,
    set_widths,
    title,
)
from eakit.render.excel.context import Context
from eakit.render.excel.labels import t

ARCHITECTURE_TABLE = "architecture"
ARCHITECTURE_KEYS: tuple[tuple[str, str], ...] = (
    ("id", "fact.id"),
    ("name", "fact.architecture"),
    ("name_en", "fact.name_en"),
    ("framework", "fact.framework"),
    ("as_of", "fact.as_of"),
    ("horizon", "fact.horizon"),
    ("province", "fact.province"),
    ("owner_agency", "fact.owner"),
)
HEADER_ROW = 6


def write_about(ctx: Context, ws: Worksheet) -> None:
    """Fill the instructions sheet of a survey template."""
    lang = ctx.lang
    arch = ctx.graph.architecture
    title(ws, t("about.title", lang), ctx.subtitle)
    ws.merge_cells("A3:C3")
    put(
        ws,
        3,
        1,
        t("about.text", lang),
        font=FONT,
        align=Alignment(wrap_text=True, vertical="top"),
        border=False,
    )
    ws.row_dimensions[3].height = 54
    put(ws, 5, 1, t("about.architecture", lang), font=FONT_SECTION, border=False)
    header_row(
        ws, HEADER_ROW, [t("about.key", lang), t("summary.fact", lang), t("summary.value", lang)]
    )
    row = HEADER_ROW
    for row, (key, label) in enumerate(ARCHITECTURE_KEYS, start=HEADER_ROW + 1):
        put(ws, row, 1, key)
        put(ws, row, 2, t(label, lang))
        value = getattr(arch, key)
        put(
            ws,
            row,
            3,
            value,
            number_format="0" if key == "horizon" else None,
            align=Alignment(horizontal="left", vertical="top", wrap_text=True),
        )
    add_table(ws, ARCHITECTURE_TABLE, HEADER_ROW, row, 1, 3)
    set_widths(ws, [18, 32, 70])
    page_setup(ws, lang, ctx.footer, landscape=False)
