"""Reading an inventory workbook back into component data, row by row.

A sheet is an inventory sheet when it holds the Excel table ``inventory_<layer>``
(as eakit writes it) or is named like one, in Vietnamese or English. Headings may be
in either language or the field key itself, so a template can be filled in any copy.
Every row is validated with the same pydantic classes as the loader; problems are
reported per cell.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zipfile import BadZipFile, ZipFile

# defusedxml has no inline types, and types-defusedxml is not among the dependencies.
from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import TypeAdapter, ValidationError

from eakit import metamodel
from eakit.diagnostics import Location
from eakit.loader.errors import kind_words, shown, translate
from eakit.messages import did_you_mean, say
from eakit.model.components import BaseComponent
from eakit.render.excel.inventory import table_name
from eakit.render.excel.labels import LANGS, VALUE_ALIASES, VALUE_LABELS, inventory_sheet_name
from eakit.render.excel.layout import (
    PROPERTY_PREFIX,
    Column,
    applies,
    kinds_of_layer,
    layer_codes,
    layer_columns,
    name_headers,
)
from eakit.render.excel.template import ARCHITECTURE_TABLE
from eakit.survey.errors import CellProblem, SurveyError, quote_sheet
from eakit.text import nfc, strip_diacritics

HEADER_SCAN_ROWS = 12
# A workbook is untrusted input: a 35 KB file can declare a cell a million rows down, or
# unpack to gigabytes. These bounds are far above a national inventory (100,000
# components over a dozen sheets) and far below what would exhaust a machine.
MAX_ROWS = 200_000  # the last row holding a value, per sheet
MAX_COLUMNS = 1_000  # the last column holding a value, per sheet
MAX_CELLS = 5_000_000  # cells written in the workbook's sheets, empty or not
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # the parts of the .xlsx, unpacked
# A DTD is where XML declares entities (XXE, "billion laughs"); an .xlsx needs none.
_DTD_MARKERS = tuple(
    word.encode(encoding)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_CHUNK = 1024 * 1024
# A decimal number as a cell's text ("0.8"): the model's number fields take no text.
_DECIMAL = re.compile(r"-?\d+(\.\d+)?")
_TRUE = {"true", "yes", "x", "1", "co", "dung"}
_FALSE = {"false", "no", "0", "khong", "sai"}


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form of a heading or label."""
    return " ".join(strip_diacritics(nfc(text)).casefold().split())


@dataclass(frozen=True)
class Row:
    """One component read from a sheet, with where it came from."""

    layer: str
    sheet: str
    row: int
    component: BaseComponent
    columns: dict[str, str] = field(default_factory=dict)  # field -> column letter


@dataclass
class Survey:
    """Everything read from a workbook."""

    rows: list[Row]
    architecture: dict[str, Any]


def _layer_of(ws: Worksheet) -> str | None:
    tables = {name for name in ws.tables}
    titles = {
        fold(inventory_sheet_name(layer, lang)): layer for layer in layer_codes() for lang in LANGS
    }
    for layer in layer_codes():
        if table_name(layer) in tables:
            return layer
    return titles.get(fold(ws.title))


def _header_lookup(columns: tuple[Column, ...]) -> dict[str, Column]:
    lookup: dict[str, Column] = {}
    for column in columns:
        for name in (column.key, *(column.header(lang) for lang in LANGS)):
            lookup.setdefault(fold(name), column)
    return lookup


def _value_lookup(field_name: str) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for code, labels in VALUE_LABELS.get(field_name, {}).items():
        for name in (code, *labels, *VALUE_ALIASES.get(field_name, {}).get(code, ())):
            lookup[fold(name)] = code
    return lookup


@dataclass(frozen=True)
class UsedRange:
    """The last row and column of a sheet that hold a value (at least 1 each)."""

    rows: int = 1
    columns: int = 1


def _refuse(path: Path, message: str) -> SurveyError:
    return SurveyError([CellProblem(path.name, 0, "", message)])


def _check_parts(path: Path) -> None:
    """Refuse a workbook that unpacks to more than :data:`MAX_UNPACKED_BYTES` or whose
    XML declares a DTD (in UTF-8 or UTF-16), whatever XML parser openpyxl then uses."""
    with ZipFile(path) as archive:
        parts = archive.infolist()
        total = sum(part.file_size for part in parts)
        if total > MAX_UNPACKED_BYTES:
            raise _refuse(
                path,
                say("survey.unpacked", total=f"{total:,}", limit=f"{MAX_UNPACKED_BYTES:,}"),
            )
        overlap = max(len(marker) for marker in _DTD_MARKERS)
        for part in parts:
            tail = b""
            with archive.open(part) as stream:
                while chunk := stream.read(_CHUNK):
                    window = tail + chunk
                    if any(marker in window for marker in _DTD_MARKERS):
                        raise _refuse(
                            path,
                            say("survey.part_dtd", part=part.filename),
                        )
                    tail = window[-overlap:]


def _used_ranges(path: Path) -> dict[str, UsedRange]:
    """The used range of each worksheet, read row by row without building the sheets,
    so that a stray value far down or right costs nothing; raises :class:`SurveyError`
    past :data:`MAX_ROWS`, :data:`MAX_COLUMNS` or :data:`MAX_CELLS`."""
    from openpyxl.worksheet._reader import WorkSheetParser

    workbook = load_workbook(path, read_only=True, data_only=False)
    ranges: dict[str, UsedRange] = {}
    cells = 0
    try:
        for ws in workbook.worksheets:
            last_row = last_column = 1
            # openpyxl's own parser yields the rows and cells the file holds, and nothing
            # for the gaps (its worksheet API fills them in, one by one).
            with ws._get_source() as source:  # type: ignore[attr-defined]
                parser = WorkSheetParser(source, ws._shared_strings)  # type: ignore[attr-defined]
                for index, row in parser.parse():
                    cells += len(row)
                    if cells > MAX_CELLS:
                        raise _refuse(
                            path,
                            say("survey.cells", limit=f"{MAX_CELLS:,}"),
                        )
                    filled = [c["column"] for c in row if c["value"] not in (None, "")]
                    if not filled:
                        continue
                    where = f"{quote_sheet(ws.title)}!{get_column_letter(max(filled))}{index}"
                    if index > MAX_ROWS:
                        raise _refuse(
                            path,
                            say("survey.rows", where=where, limit=f"{MAX_ROWS:,}"),
                        )
                    if max(filled) > MAX_COLUMNS:
                        raise _refuse(
                            path,
                            say("survey.columns", where=where, limit=f"{MAX_COLUMNS:,}"),
                        )
                    last_row, last_column = max(last_row, index), max(last_column, *filled)
            ranges[ws.title] = UsedRange(last_row, last_column)
    finally:
        workbook.close()
    return ranges


def _find_header(ws: Worksheet, lookup: dict[str, Column], used: UsedRange) -> int | None:
    for name in ws.tables:
        table = ws.tables[name]
        ref = table.ref if hasattr(table, "ref") else str(table)
        return int("".join(ch for ch in ref.split(":")[0] if ch.isdigit())[:9] or "1")
    top = min(HEADER_SCAN_ROWS, used.rows)
    for row in ws.iter_rows(min_row=1, max_row=top, max_col=used.columns):
        for cell in row:
            column = lookup.get(fold(cell.value)) if isinstance(cell.value, str) else None
            if column is not None and column.key == "id":
                return cell.row
    return None


class _Cells:
    """Converts cell values by column shape, collecting problems."""

    def __init__(self, sheet: str) -> None:
        self.sheet = sheet
        self.problems: list[CellProblem] = []

    def problem(self, row: int, col: int, message: str) -> None:
        self.problems.append(CellProblem(self.sheet, row, get_column_letter(col), message))

    def convert(self, column: Column, value: Any, row: int, col: int) -> Any:
        if value is None:
            return None
        if isinstance(value, str):
            value = nfc(value).strip()
            if not value:
                return None
        if column.key.startswith(PROPERTY_PREFIX):
            return value
        if column.key in VALUE_LABELS:
            code = _value_lookup(column.key).get(fold(str(value)))
            if code is None:
                options = list(column.options)
                hint = did_you_mean(str(value), options) or say(
                    "survey.use_one_of", options=", ".join(options)
                )
                message = say("survey.unknown_value", key=column.key, value=shown(str(value)))
                self.problem(row, col, message + hint)
            return code
        shape = column.shape
        if shape == "list":
            text = str(value).replace("\n", ";")
            return [part.strip() for part in text.split(";") if part.strip()]
        if shape == "bool":
            if isinstance(value, bool):
                return value
            folded = fold(str(value))
            if folded in _TRUE or folded in _FALSE:
                return folded in _TRUE
            message = say("survey.bool", key=column.key, value=shown(str(value)))
            self.problem(row, col, message)
            return None
        if shape == "int":
            if isinstance(value, float) and value.is_integer():
                return int(value)
            if isinstance(value, str) and value.lstrip("-").isdigit():
                return int(value)
            return value  # pydantic reports anything else, at this cell
        if shape == "float" and isinstance(value, str) and _DECIMAL.fullmatch(value):
            return float(value)  # a number stored as text; anything else pydantic reports
        if shape == "date":
            if isinstance(value, dt.datetime):
                return value.date()
            return value
        if (
            shape in ("text", "enum")
            and isinstance(value, int | float)
            and not isinstance(value, bool)
        ):
            # A code typed as a number (procedure codes, levels): keep the digits as text.
            return str(int(value)) if float(value).is_integer() else str(value)
        return value


def _set(data: dict[str, Any], key: str, value: Any) -> None:
    if key.startswith(PROPERTY_PREFIX):
        data.setdefault("properties", {})[key[len(PROPERTY_PREFIX) :]] = value
    elif "." in key:
        outer, inner = key.split(".", 1)
        data.setdefault(outer, {})[inner] = value
    else:
        data[key] = value


def _read_sheet(ws: Worksheet, layer: str, used: UsedRange) -> tuple[list[Row], list[CellProblem]]:
    """The rows of an inventory sheet, read within its used range."""
    known = layer_columns(layer)
    lookup = _header_lookup(known)
    names = {fold(header) for header in name_headers(layer)}
    cells = _Cells(ws.title)
    header = _find_header(ws, lookup, used)
    if header is None:
        cells.problems.append(CellProblem(ws.title, 0, "", say("survey.no_heading")))
        return [], cells.problems
    columns: dict[int, Column] = {}
    heading = next(ws.iter_rows(min_row=header, max_row=header, max_col=used.columns), ())
    for cell in heading:
        if cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
            continue
        text = str(cell.value).strip()
        if text.startswith(PROPERTY_PREFIX) and len(text) > len(PROPERTY_PREFIX):
            columns[cell.column] = Column(text, "text")
            continue
        column = lookup.get(fold(text))
        if column is None and fold(text) in names:
            continue  # the names beside a reference column: for readers, not read back
        if column is None:
            hint = did_you_mean(fold(text), list(lookup))
            cells.problem(
                header, cell.column, say("survey.unknown_column", column=shown(text)) + hint
            )
            continue
        columns[cell.column] = column
    by_key = {column.key: col for col, column in columns.items()}
    if "id" not in by_key or "kind" not in by_key:
        cells.problem(header, 1, say("survey.heading_needs"))
        return [], cells.problems
    rows: list[Row] = []
    for excel_row in ws.iter_rows(min_row=header + 1, max_row=used.rows, max_col=used.columns):
        index = excel_row[0].row
        # A worksheet's cells know their row (openpyxl's stub allows None for merged cells).
        assert index is not None
        raw = {cell.column: cell for cell in excel_row if cell.column in columns}
        if all(
            c.value is None or (isinstance(c.value, str) and not c.value.strip())
            for c in raw.values()
        ):
            continue
        row = _read_row(cells, layer, index, columns, raw, by_key)
        if row is not None:
            rows.append(row)
    return rows, cells.problems


def _read_row(
    cells: _Cells,
    layer: str,
    index: int,
    columns: dict[int, Column],
    raw: dict[int, Any],
    by_key: dict[str, int],
) -> Row | None:
    before = len(cells.problems)
    data: dict[str, Any] = {}
    for col, cell in sorted(raw.items()):
        column = columns[col]
        if cell.data_type == "f":
            cells.problem(index, col, say("survey.formula"))
            continue
        value = cells.convert(column, cell.value, index, col)
        if value is not None:
            _set(data, column.key, value)
    kind = data.get("kind")
    kind_col = by_key["kind"]
    if kind is None:
        if len(cells.problems) == before:
            cells.problem(index, kind_col, say("survey.missing_kind"))
        return None
    if kind not in kinds_of_layer(layer):
        cells.problem(
            index,
            kind_col,
            say("survey.wrong_sheet", kind=shown(str(kind)), layer=layer),
        )
        return None
    for col, column in columns.items():
        if not applies(column, kind) and column.key.split(".")[0] in data:
            cells.problem(
                index, col, say("survey.not_a_field", key=column.key, kind=kind_words(kind))
            )
            data.pop(column.key.split(".")[0], None)
    if len(cells.problems) > before:
        return None
    letters = {column.key.split(".")[0]: get_column_letter(col) for col, column in columns.items()}
    try:
        component = TypeAdapter(metamodel.component_class(kind)).validate_python(data)
    except ValidationError as exc:

        def locate(loc: tuple[str | int, ...]) -> Location:
            name = str(loc[0]) if loc else "id"
            letter = letters.get(name, letters.get("id", "A"))
            return Location(letter, index, 0)

        label = say("what.kind_id", kind=kind_words(kind), id=str(data.get("id", "?")))
        for diagnostic in translate(exc, metamodel.component_class(kind), label, locate):
            cells.problems.append(
                CellProblem(cells.sheet, index, diagnostic.location.file, diagnostic.message)
            )
        return None
    return Row(layer, cells.sheet, index, component, letters)


def _architecture(ws: Worksheet, used: UsedRange) -> dict[str, Any]:
    """Key/value pairs of the template's ``architecture`` table (key in column A, value in C)."""
    table = ws.tables[ARCHITECTURE_TABLE]
    ref = table.ref if hasattr(table, "ref") else str(table)
    first, last = ref.split(":")
    # digits beyond nine are beyond any sheet: the used range bounds the rows read anyway
    top = int("".join(ch for ch in first if ch.isdigit())[:9] or "1")
    bottom = int("".join(ch for ch in last if ch.isdigit())[:9] or "1")
    facts: dict[str, Any] = {}
    for row in ws.iter_rows(min_row=top + 1, max_row=min(bottom, used.rows), max_col=1):
        key = row[0].value
        number = row[0].row
        assert number is not None  # a worksheet's cells know their row (see _read_sheet)
        value = ws.cell(row=number, column=3).value
        if isinstance(key, str) and value is not None:
            facts[key.strip()] = value.date() if isinstance(value, dt.datetime) else value
    return facts


def _short(text: str, limit: int = 200) -> str:
    """An error text cut short: a parser's message may quote the file."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def read_survey(path: Path) -> Survey:
    """Read and validate every inventory sheet of a workbook.

    Raises :class:`SurveyError` with every problem found (and nothing is imported). A
    workbook past the bounds (:data:`MAX_ROWS`, :data:`MAX_COLUMNS`, :data:`MAX_CELLS`,
    :data:`MAX_UNPACKED_BYTES`) or with a DTD is refused before it is read.
    """
    try:
        _check_parts(path)
        used = _used_ranges(path)
        workbook = load_workbook(path, data_only=False)
    except DefusedXmlException:
        raise _refuse(
            path,
            say("survey.dtd"),
        ) from None
    except (OSError, InvalidFileException, BadZipFile, KeyError, ValueError) as exc:
        raise _refuse(path, say("survey.not_xlsx", reason=_short(str(exc)))) from None
    rows: list[Row] = []
    problems: list[CellProblem] = []
    architecture: dict[str, Any] = {}
    seen: dict[str, Row] = {}
    found_sheet = False
    for ws in workbook.worksheets:
        sheet_used = used.get(ws.title, UsedRange())
        if ARCHITECTURE_TABLE in ws.tables:
            architecture = _architecture(ws, sheet_used)
        layer = _layer_of(ws)
        if layer is None:
            continue
        found_sheet = True
        sheet_rows, sheet_problems = _read_sheet(ws, layer, sheet_used)
        problems.extend(sheet_problems)
        for row in sheet_rows:
            first = seen.get(row.component.id)
            if first is not None:
                problems.append(
                    CellProblem(
                        row.sheet,
                        row.row,
                        row.columns.get("id", "A"),
                        say(
                            "survey.duplicate_id",
                            id=row.component.id,
                            sheet=first.sheet,
                            row=first.row,
                        ),
                    )
                )
                continue
            seen[row.component.id] = row
            rows.append(row)
    if not found_sheet:
        problems.append(CellProblem(path.name, 0, "", say("survey.no_sheet")))
    if problems:
        raise SurveyError(problems)
    return Survey(rows, architecture)
