"""The instructions sheet of a survey template, with the architecture's key facts.

The ``architecture`` table lets ``eakit import-survey`` create the manifest of a new
model folder from a template alone.
"""

from __future__ import annotations

from eakit.render.excel.cells import add_table, header_row, page_setup, put, set_widths, title
from eakit.render.excel.context import Context
from eakit.render.excel.labels import t
from eakit.render.excel.sheet import Sheet
from eakit.render.excel.styles import FONT, FONT_SECTION, LEFT_WRAP_TOP, WRAP_TOP

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


def write_about(ctx: Context, sheet: Sheet) -> None:
    """Fill the instructions sheet of a survey template."""
    lang = ctx.lang
    arch = ctx.graph.architecture
    set_widths(sheet, [18, 32, 70])
    title(sheet, t("about.title", lang), ctx.subtitle)
    sheet.merge(3, 1, 3)
    sheet.set_height(3, 54)
    put(sheet, 3, 1, t("about.text", lang), font=FONT, align=WRAP_TOP, border=False)
    put(sheet, 5, 1, t("about.architecture", lang), font=FONT_SECTION, border=False)
    header_row(
        sheet, HEADER_ROW, [t("about.key", lang), t("summary.fact", lang), t("summary.value", lang)]
    )
    row = HEADER_ROW
    for row, (key, label) in enumerate(ARCHITECTURE_KEYS, start=HEADER_ROW + 1):
        put(sheet, row, 1, key)
        put(sheet, row, 2, t(label, lang))
        value = getattr(arch, key)
        put(
            sheet,
            row,
            3,
            value,
            number_format="0" if key == "horizon" else None,
            align=LEFT_WRAP_TOP,
        )
    add_table(sheet, ARCHITECTURE_TABLE, HEADER_ROW, row, 1, 3)
    page_setup(sheet, lang, ctx.footer, landscape=False)
