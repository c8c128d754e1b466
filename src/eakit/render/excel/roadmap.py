"""The gap and roadmap sheet: what is planned, by target year, and who leads it."""

from __future__ import annotations

from eakit.model.components import BaseComponent, kind_of
from eakit.model.layers import LAYER_INFO
from eakit.render.excel.cells import (
    add_table,
    header_row,
    print_as_table,
    put,
    set_widths,
    style,
    title,
)
from eakit.render.excel.context import Context
from eakit.render.excel.labels import t, value_label
from eakit.render.excel.sheet import Sheet
from eakit.render.excel.styles import CENTER_TOP, TOP
from eakit.text import vi_sort_key

HEADER_ROW = 4
# (label key, width); all but the last (the id, for tools) are printed.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("r.year", 10),
    ("r.period", 11),
    ("r.name", 34),
    ("r.kind", 14),
    ("r.layer", 18),
    ("r.lead", 24),
    ("r.status", 11),
    ("r.realises", 28),
    ("r.funding", 16),
    ("r.description", 40),
    ("r.id", 26),
)
PRINTED = len(COLUMNS) - 1
STATUS_COL = 7


def roadmap_components(ctx: Context) -> list[BaseComponent]:
    """Planned components and every roadmap item, by target year, layer and name."""
    chosen = [
        c
        for c in ctx.graph.components()
        if c.status.value == "planned" or kind_of(c) == "roadmap_item"
    ]
    return sorted(
        chosen,
        key=lambda c: (
            c.target if c.target is not None else 9999,
            LAYER_INFO[c.layer].order,
            vi_sort_key(c.name),
            c.id,
        ),
    )


def _row(ctx: Context, component: BaseComponent) -> list[object]:
    lang = ctx.lang
    realises = getattr(component, "realises", [])
    description = component.description_en if lang == "en" else component.description
    return [
        component.target,
        getattr(component, "period", None),
        ctx.name_of(component.id),
        value_label("kind", kind_of(component), lang),
        ctx.layer_name(component.layer.value),
        ctx.name_of(ctx.graph.agency_of(component.id)) or None,
        value_label("status", component.status.value, lang),
        "\n".join(ctx.name_of(r) for r in realises) or None,
        getattr(component, "funding", None),
        description or component.description,
        component.id,
    ]


def write_roadmap(ctx: Context, sheet: Sheet) -> None:
    """Fill the gap and roadmap sheet."""
    lang = ctx.lang
    items = roadmap_components(ctx)
    set_widths(sheet, [width for _, width in COLUMNS])
    title(sheet, t("roadmap.title", lang, year=ctx.graph.architecture.horizon), ctx.subtitle)
    header_row(sheet, HEADER_ROW, [t(key, lang) for key, _ in COLUMNS])
    # Printed columns wrap, the id stays on one line; the status is coloured.
    looks = [
        style(sheet, number_format="0" if col == 1 else None, align=None if col <= PRINTED else TOP)
        for col in range(1, len(COLUMNS) + 1)
    ]
    status_looks = {
        "planned": style(sheet, align=CENTER_TOP, tone="planned"),
        "current": style(sheet, align=CENTER_TOP, tone="yes"),
    }
    plain_status = style(sheet, align=CENTER_TOP)
    row = HEADER_ROW
    for row, component in enumerate(items, start=HEADER_ROW + 1):
        for col, value in enumerate(_row(ctx, component), start=1):
            look = looks[col - 1]
            if col == STATUS_COL:
                look = status_looks.get(component.status.value, plain_status)
            sheet.put(row, col, value, look)
    if not items:
        put(sheet, HEADER_ROW + 1, 1, t("roadmap.none", lang), border=False)
    add_table(sheet, "roadmap", HEADER_ROW, row, 1, len(COLUMNS))
    print_as_table(
        sheet,
        lang,
        ctx.footer,
        header=HEADER_ROW,
        last_row=row,
        last_printed_col=PRINTED,
        frozen_cols=0,
    )
