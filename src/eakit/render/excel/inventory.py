"""Inventory sheets: one per framework layer, every component with every field.

The layout (:mod:`eakit.render.excel.layout`) is shared with the survey import, so
an inventory sheet can be filled in by an agency and read back into the model.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from eakit.model.components import BaseComponent, kind_of
from eakit.model.layers import LAYER_INFO, Layer
from eakit.render.excel.cells import (
    add_table,
    header_row,
    page_setup,
    put,
    set_widths,
    style,
    title,
)
from eakit.render.excel.context import Context
from eakit.render.excel.labels import VALUE_LABELS, Lang, t, value_label
from eakit.render.excel.layout import (
    LIST_SEPARATOR,
    NAME_SUFFIX,
    PROPERTY_PREFIX,
    Column,
    applies,
    cell_value,
    kinds_of_layer,
    layer_columns,
    property_columns,
    sheet_kinds,
    with_names,
)
from eakit.render.excel.sheet import Sheet, Style
from eakit.render.excel.styles import DATE, PERCENT, TOP, WRAP_TOP
from eakit.text import vi_sort_key

HEADER_ROW = 4
SPARE_ROWS = 200  # drop-down lists reach this far below the data, for new survey rows


def table_name(layer: str) -> str:
    """The Excel table name of a layer's inventory (what the survey import looks for)."""
    return f"inventory_{layer}"


def number_format(column: Column) -> str | None:
    """The number format of a column's numbers and dates."""
    if column.key in VALUE_LABELS:
        return None
    if column.shape == "float":
        return PERCENT if column.key == "computer_ratio" else "0.00"
    return _FORMATS.get(column.shape)


_FORMATS = {"int": "0", "date": DATE}


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
    if column.shape == "int" and isinstance(value, bool):
        return value, None
    return value, number_format(column)


def columns_for(components: list[BaseComponent], layer: str) -> tuple[Column, ...]:
    """The layer's field columns for the kinds its sheet offers, plus one per
    ``properties`` key in use."""
    keys = [key for c in components for key in c.properties]
    kinds = sheet_kinds(layer, (kind_of(c) for c in components))
    return with_names(layer_columns(layer, kinds)) + property_columns(keys)


def ordered(components: list[BaseComponent], layer: str) -> list[BaseComponent]:
    """Rows grouped by kind (declaration order), then by Vietnamese name."""
    kinds = kinds_of_layer(layer)
    return sorted(components, key=lambda c: (kinds.index(kind_of(c)), vi_sort_key(c.name), c.id))


def _reader(column: Column, ctx: Context) -> Callable[[BaseComponent], Any]:
    """Reads a column's raw value from a component (what :func:`cell_value` does); a
    names column reads the names of its reference column's ids."""
    key = column.key
    if key.endswith(NAME_SUFFIX):
        field = key.removesuffix(NAME_SUFFIX)

        def names(component: BaseComponent) -> str | None:
            value = getattr(component, field, None)
            if not value:
                return None
            ids = value if isinstance(value, list | tuple) else [value]
            return "; ".join(ctx.name_of(str(i)) for i in ids)

        return names
    if key.startswith(PROPERTY_PREFIX):
        name = key[len(PROPERTY_PREFIX) :]
        return lambda component: component.properties.get(name)
    if "." not in key:
        return lambda component: getattr(component, key, None)
    return lambda component: cell_value(component, column)


class _Writer:
    """How each column of a sheet is read, shown and styled, prepared once per sheet."""

    def __init__(self, sheet: Sheet, columns: tuple[Column, ...], ctx: Context) -> None:
        self.columns = columns
        self.lang = ctx.lang
        self.readers = [_reader(c, ctx) for c in columns]
        # Only printed columns wrap: long unprinted text (descriptions, sources) must
        # not make the printed rows tall.
        aligns = [WRAP_TOP if c.wrap and c.printed else TOP for c in columns]
        self.plain: list[Style] = [style(sheet, align=align) for align in aligns]
        self.formatted: list[Style] = [
            style(sheet, align=align, number_format=number_format(column))
            for align, column in zip(aligns, columns, strict=True)
        ]
        self._fields: dict[str, list[int]] = {}

    def fields(self, kind: str) -> list[int]:
        """Indexes of the columns a kind has (the others are empty for it)."""
        found = self._fields.get(kind)
        if found is None:
            found = [i for i, c in enumerate(self.columns) if applies(c, kind)]
            self._fields[kind] = found
        return found

    def write(self, sheet: Sheet, row: int, component: BaseComponent) -> None:
        """One component's row."""
        values: list[Any] = [None] * len(self.columns)
        looks = list(self.plain)
        for index in self.fields(kind_of(component)):
            raw = self.readers[index](component)
            if raw is not None:
                values[index], fmt = to_cell(self.columns[index], raw, self.lang)
                if fmt is not None:
                    looks[index] = self.formatted[index]
        sheet.put_row(row, values, looks)


def _validations(ws: Any, columns: tuple[Column, ...], lang: Lang, last_row: int) -> None:
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
        ws.data_validations.append(validation)


def write_inventory(ctx: Context, sheet: Sheet, layer: str, *, empty: bool = False) -> None:
    """Fill the inventory sheet of ``layer`` (only headings when ``empty``)."""
    lang = ctx.lang
    info = LAYER_INFO[Layer(layer)]
    components = [] if empty else ordered(ctx.graph.by_layer(layer), layer)
    columns = columns_for(components, layer)
    set_widths(sheet, [c.width for c in columns])
    title(sheet, t("inventory.title", lang, layer=ctx.layer_name(layer)), ctx.subtitle)
    header_row(sheet, HEADER_ROW, [c.header(lang) for c in columns])
    writer = _Writer(sheet, columns, ctx)
    row = HEADER_ROW
    for row, component in enumerate(components, start=HEADER_ROW + 1):
        writer.write(sheet, row, component)
    if not components:
        # An empty table still needs one (blank) row: it is where a survey starts typing.
        row = HEADER_ROW + 1
        for col in range(1, len(columns) + 1):
            put(sheet, row, col, None)
    add_table(sheet, table_name(layer), HEADER_ROW, row, 1, len(columns))
    _validations(sheet.ws, columns, lang, max(row, HEADER_ROW) + SPARE_ROWS)
    sheet.ws.freeze_panes = f"B{HEADER_ROW + 1}"
    printed = sum(1 for c in columns if c.printed)
    page_setup(
        sheet,
        lang,
        f"{ctx.footer} · {info.name if lang == 'vi' else info.name_en}",
        title_rows=f"{HEADER_ROW}:{HEADER_ROW}",
        print_area=f"A1:{get_column_letter(printed)}{max(row, HEADER_ROW + 1)}",
    )
