"""Inventory sheets: one per framework layer, every component with every field.

The layout (:mod:`eakit.render.excel.layout`) is shared with the survey import, so
an inventory sheet can be filled in by an agency and read back into the model.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from eakit.model.components import BaseComponent, kind_of
from eakit.model.layers import LAYER_INFO, Layer
from eakit.render.excel.cells import (
    DATE,
    PERCENT,
    TOP,
    WRAP_TOP,
    add_table,
    header_row,
    page_setup,
    put,
    set_widths,
    title,
)
from eakit.render.excel.context import Context
from eakit.render.excel.labels import VALUE_LABELS, Lang, t, value_label
from eakit.render.excel.layout import (
    LIST_SEPARATOR,
    Column,
    cell_value,
    kinds_of_layer,
    layer_columns,
    property_columns,
)
from eakit.text import vi_sort_key

HEADER_ROW = 4
SPARE_ROWS = 200  # drop-down lists reach this far below the data, for new survey rows


def table_name(layer: str) -> str:
    """The Excel table name of a layer's inventory (what the survey import looks for)."""
    return f"inventory_{layer}"


def to_cell(column: Column, value: Any, lang: Lang) -> tuple[Any, str | None]:
    """A field value as a cell value and number format."""
    if value is None:
        return None, None
    if isinstance(value, Enum):
        value = value.value
    if column.key in VALUE_LABELS:
        return value_label(column.key, str(value), lang), None
    if column.shape == "list":
        return (LIST_SEPARATOR.join(str(v) for v in value) or None), None
    if column.shape == "int" and not isinstance(value, bool):
        return value, "0"
    if column.shape == "float":
        return value, PERCENT if column.key == "computer_ratio" else "0.00"
    if column.shape == "date":
        return value, DATE
    return value, None


def columns_for(components: list[BaseComponent], layer: str) -> tuple[Column, ...]:
    """The layer's field columns plus one per ``properties`` key in use."""
    keys = [key for c in components for key in c.properties]
    return layer_columns(layer) + property_columns(keys)


def ordered(components: list[BaseComponent], layer: str) -> list[BaseComponent]:
    """Rows grouped by kind (declaration order), then by Vietnamese name."""
    kinds = kinds_of_layer(layer)
    return sorted(components, key=lambda c: (kinds.index(kind_of(c)), vi_sort_key(c.name), c.id))


def _validations(ws: Worksheet, columns: tuple[Column, ...], lang: Lang, last_row: int) -> None:
    """Drop-down lists for enumerations, so survey answers use known values."""
    for index, column in enumerate(columns, start=1):
        if column.shape == "enum":
            options = [value_label(column.key, o, lang) for o in column.options]
        elif column.shape == "bool":
            options = ["TRUE", "FALSE"]
        else:
            continue
        formula = '"' + ",".join(o.replace(",", " ") for o in options) + '"'
        if len(formula) > 257:  # Excel's limit for an inline list
            continue
        letter = get_column_letter(index)
        validation = DataValidation(type="list", formula1=formula, allow_blank=True)
        validation.add(f"{letter}{HEADER_ROW + 1}:{letter}{last_row}")
        ws.add_data_validation(validation)


def write_inventory(ctx: Context, ws: Worksheet, layer: str, *, empty: bool = False) -> None:
    """Fill the inventory sheet of ``layer`` (only headings when ``empty``)."""
    lang = ctx.lang
    info = LAYER_INFO[Layer(layer)]
    components = [] if empty else ordered(ctx.graph.by_layer(layer), layer)
    columns = columns_for(components, layer)
    title(ws, t("inventory.title", lang, layer=ctx.layer_name(layer)), ctx.subtitle)
    header_row(ws, HEADER_ROW, [c.header(lang) for c in columns])
    row = HEADER_ROW
    for row, component in enumerate(components, start=HEADER_ROW + 1):
        for col, column in enumerate(columns, start=1):
            value, number_format = to_cell(column, cell_value(component, column), lang)
            put(
                ws,
                row,
                col,
                value,
                number_format=number_format,
                # Only printed columns wrap: long unprinted text (descriptions,
                # sources) must not make the printed rows tall.
                align=WRAP_TOP if column.wrap and column.printed else TOP,
            )
    if not components:
        # An empty table still needs one (blank) row: it is where a survey starts typing.
        row = HEADER_ROW + 1
        for col in range(1, len(columns) + 1):
            put(ws, row, col, None)
    add_table(ws, table_name(layer), HEADER_ROW, row, 1, len(columns))
    _validations(ws, columns, lang, max(row, HEADER_ROW) + SPARE_ROWS)
    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    set_widths(ws, [c.width for c in columns])
    printed = sum(1 for c in columns if c.printed)
    page_setup(
        ws,
        lang,
        f"{ctx.footer} · {info.name if lang == 'vi' else info.name_en}",
        title_rows=f"{HEADER_ROW}:{HEADER_ROW}",
        print_area=f"A1:{get_column_letter(printed)}{max(row, HEADER_ROW + 1)}",
    )
