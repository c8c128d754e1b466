"""Cells streamed as XML rows, around an openpyxl workbook that holds everything else.

openpyxl builds the workbook: the style table, column widths, frozen panes, merged
ranges, tables, charts, drop-down lists, print setup and the package. The cells of
each sheet are written here, row by row, into a temporary file that
:mod:`eakit.render.excel.stable` splices into the sheet's XML when the package is
saved. openpyxl's own cell writer costs about 4 µs for a plain cell and 11 µs for a
styled one even in write-only mode (and 100 µs with per-cell style objects), and the
workbook of a national model has 6 million cells; this writer costs 1 to 1.5 µs a cell
and holds one row in memory.

Cells are written the way openpyxl writes them (inline strings, ``s`` ids into the
workbook's own style table, numbers as ``%.16g``, dates as serial numbers), so
openpyxl, the survey import and spreadsheet programs read them back alike.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from collections.abc import Sequence
from decimal import Decimal
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill
from openpyxl.styles.borders import DEFAULT_BORDER
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.cell_range import CellRange

from eakit.render.excel.styles import DATE, NO_ALIGN, TOP, WRAP_TOP
from eakit.text import for_xml

MAX_ROWS = 1_048_576  # Excel's sheet size
MAX_COLS = 16_384
DEFAULT_WIDTH = 8.43  # Excel's default column width in character units
LINE_HEIGHT = 12.9  # points per line of 10 pt Arial
_CHARS_PER_WIDTH = 1.3  # Arial 10 characters per Excel width unit (Calibri 11 digits)
_BATCH = 2000  # rows encoded and written at a time

# The kinds of value a style resolves for: alignment, number format and quote prefix
# depend on them.
TEXT, QUOTED, DATE_VALUE, OTHER = range(4)

# Text a spreadsheet would read as a formula or command when typed (OWASP CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# Anything that needs work before text goes into XML; most text has none (one scan): the
# control characters and non-characters :func:`eakit.text.for_xml` drops, and markup.
_UNUSUAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff&<>\r]")
_NUMBERS = (int, float, Decimal)
_PRESERVE = ' xml:space="preserve"'  # leading or trailing spaces are part of the text


def clean_text(text: str) -> str:
    """``text`` without the characters a cell cannot hold (nor DEL and C1 controls)."""
    return for_xml(text, drop=True)


def _escape(text: str) -> str:
    # \r would come back as \n from any XML parser: keep it as a character reference.
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _number(value: float | int | Decimal) -> str:
    # openpyxl's format; NaN and infinities have no spreadsheet value.
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return ""
    return f"{value:.16g}"


def wrapped_lines(text: str, capacity: int) -> int:
    """How many lines greedy word wrapping gives ``text`` in ``capacity`` characters."""
    if len(text) <= capacity and "\n" not in text:
        return 1  # the common case: words and spaces add up to at most len(text)
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


def _value_xml(ref: str, value: Any, style: Style) -> str:
    """A cell holding a number, a truth value or a date."""
    if isinstance(value, bool):
        return f'<c r="{ref}" s="{style.id(OTHER)}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, _NUMBERS):
        return f'<c r="{ref}" s="{style.id(OTHER)}"><v>{_number(value)}</v></c>'
    if isinstance(value, dt.date):
        if not isinstance(value, dt.datetime):
            value = dt.datetime.combine(value, dt.time())
        return f'<c r="{ref}" s="{style.id(DATE_VALUE)}"><v>{_number(to_excel(value))}</v></c>'
    raise TypeError(f"a cell cannot hold a {type(value).__name__}: {value!r}")


class Style:
    """How a cell looks, resolved once per kind of value to an id in the style table.

    ``align=None`` means wrapped and top-aligned for text, top-aligned otherwise;
    ``font=None`` keeps the workbook's default font; text that could pass for a
    formula gets the quote prefix; dates get :data:`DATE` unless a format is given.
    """

    __slots__ = (
        "_anchor",
        "_ids",
        "_wraps",
        "align",
        "bold",
        "border",
        "fill",
        "font",
        "number_format",
    )

    def __init__(
        self,
        anchor: Any,
        font: Font | None,
        fill: PatternFill | None,
        border: Border | None,
        align: Alignment | None,
        number_format: str | None,
    ) -> None:
        self._anchor = anchor  # a worksheet: cells reach the workbook's style table through it
        self.font = font
        self.fill = fill
        self.border = border
        self.align = align
        self.number_format = number_format
        self.bold = bool(font is not None and font.b)
        self._ids = [-1, -1, -1, -1]
        self._wraps = [False, False, False, False]

    def id(self, kind: int) -> int:
        """The style id of this look for a value of ``kind`` (``TEXT``, ``QUOTED``...)."""
        sid = self._ids[kind]
        return sid if sid >= 0 else self._resolve(kind)

    def _resolve(self, kind: int) -> int:
        # A throw-away openpyxl cell registers the look in the workbook, through the
        # public style attributes, and tells its id.
        cell = WriteOnlyCell(self._anchor)
        if self.font is not None:
            cell.font = self.font
        if self.fill is not None:
            cell.fill = self.fill
        if self.border is not None:
            cell.border = self.border
        align = self.align
        if align is None:
            align = WRAP_TOP if kind in (TEXT, QUOTED) else TOP
        if align is not NO_ALIGN:
            cell.alignment = align
        number_format = self.number_format or (DATE if kind == DATE_VALUE else None)
        if number_format is not None:
            cell.number_format = number_format
        if kind == QUOTED:
            # Stored as text whatever it starts with; the prefix keeps Excel from
            # re-reading it as a formula when a user edits the cell.
            cell.quotePrefix = True
        self._ids[kind] = cell.style_id
        self._wraps[kind] = bool(align.wrap_text)
        return self._ids[kind]


class StyleBook:
    """The looks of a workbook, each made into a :class:`Style` once."""

    def __init__(self, anchor: Any) -> None:
        self._anchor = anchor
        # Keyed by the identity of the (immutable, shared) style objects: hashing
        # openpyxl style objects costs more than writing the cell.
        self._styles: dict[tuple[int, int, int, int, str | None], Style] = {}
        self._edges: dict[tuple[int, bool], tuple[Style, Border]] = {}

    def style(
        self,
        font: Font | None = None,
        fill: PatternFill | None = None,
        border: Border | None = None,
        align: Alignment | None = None,
        number_format: str | None = None,
    ) -> Style:
        """The :class:`Style` of a look (the same object for the same style objects)."""
        key = (id(font), id(fill), id(border), id(align), number_format)
        style = self._styles.get(key)
        if style is None:
            # The Style holds the objects, so their ids cannot be reused while cached.
            style = Style(self._anchor, font, fill, border, align, number_format)
            self._styles[key] = style
        return style

    def merged_edge(self, border: Border, last: bool) -> Style:
        """The look openpyxl gives the covered cells along a merged row: the first cell's
        top and bottom border (and its right border on the last cell)."""
        key = (id(border), last)
        entry = self._edges.get(key)
        if entry is None:
            top, bottom = border.top, border.bottom
            right = border.right if last else None
            # A look's border has all its sides (styles.BORDER); openpyxl's stub allows None.
            assert top is not None and bottom is not None
            # The sides with a style, added to the workbook's default border as openpyxl does.
            edge = DEFAULT_BORDER + Border(
                top=top if top.style else None,
                bottom=bottom if bottom.style else None,
                right=right if right is not None and right.style else None,
            )
            # Holding ``border`` keeps its id from being reused while it is a key.
            entry = (Style(self._anchor, None, None, edge, NO_ALIGN, None), border)
            self._edges[key] = entry
        return entry[0]


class Sheet:
    """One worksheet: openpyxl holds its settings, its rows stream to a temporary file.

    Rows are written in order (any column order within a row). Column widths, merged
    ranges and explicit row heights must be known before the row they concern ends:
    rows from ``fit_from`` on without an explicit height get one that shows their
    wrapped text whole, because spreadsheet programs do not all re-measure rows when
    they open a file (LibreOffice keeps the default height).
    """

    def __init__(self, ws: Any, styles: StyleBook, fit_from: int = 3) -> None:
        self.ws = ws
        self.styles = styles
        self.fit_from = fit_from
        self.headers: dict[tuple[int, int], str] = {}  # (row, col) -> heading text
        # Open until the package is saved (or the book discarded); deleted on close.
        self._file: IO[bytes] | None = tempfile.TemporaryFile(prefix="eakit-rows-")  # noqa: SIM115
        self._size = 0
        self._pending: list[str] = []
        self._widths: dict[int, float] = {}
        self._letters: list[str] = [""]
        self._row = 0
        self._row_text = "0"
        self._cells: dict[int, str] = {}
        self._last_col = 0
        self._unordered = False
        self._capacities: dict[tuple[int, bool], int] = {}
        self._looks: dict[int, Style] = {}
        self._wrapped: list[tuple[int, str, bool]] = []
        self._heights: dict[int, float] = {}
        self._merges: dict[int, list[tuple[int, int]]] = {}
        self._fitted = False
        self._closed = False
        self._bounds: list[int] | None = None  # min row, min col, max row, max col

    # --- settings ------------------------------------------------------------------

    def set_width(self, col: int, width: float) -> None:
        """A column width in character units."""
        if self._fitted:
            raise RuntimeError("column widths must be set before the rows they fit")
        self.ws.column_dimensions[get_column_letter(col)].width = width
        self._widths[col] = width

    def width(self, col: int) -> float:
        """The width of a column (Excel's default when not set)."""
        return self._widths.get(col, DEFAULT_WIDTH)

    def set_height(self, row: int, points: float) -> None:
        """An explicit row height (no fitting for that row)."""
        self._check_open(row)
        self._heights[row] = points

    def merge(self, row: int, first_col: int, last_col: int) -> None:
        """Merge cells of one row; openpyxl writes the range, the rows get its borders."""
        self._check_open(row)
        self.ws.merged_cells.add(
            CellRange(min_col=first_col, min_row=row, max_col=last_col, max_row=row)
        )
        self._merges.setdefault(row, []).append((first_col, last_col))

    # --- cells ---------------------------------------------------------------------

    def put(self, row: int, col: int, value: Any, style: Style) -> None:
        """Write one cell: text stays text, numbers and dates keep their type."""
        self.put_row(row, (value,), (style,), col)

    def put_row(
        self, row: int, values: Sequence[Any], styles: Sequence[Style], first_col: int = 1
    ) -> None:
        """Write cells side by side from ``first_col``, one style each (the fast way)."""
        if row != self._row:
            self._advance(row)
        last = first_col + len(values) - 1
        if last >= len(self._letters):
            self._grow_letters(last)
        if first_col <= self._last_col:
            self._unordered = True  # written out of column order: sort when the row ends
        self._last_col = max(self._last_col, last)
        letters, suffix = self._letters, self._row_text
        cells, looks, wrapped = self._cells, self._looks, self._wrapped
        for col, value, style in zip(range(first_col, last + 1), values, styles, strict=True):
            ref = letters[col] + suffix
            if isinstance(value, str):
                usual = _UNUSUAL.search(value) is None
                text = value if usual else for_xml(value, drop=True)
                kind = QUOTED if text.startswith(_FORMULA_START) else TEXT
                sid = style._ids[kind]
                if sid < 0:
                    sid = style._resolve(kind)
                if not text:
                    xml = f'<c r="{ref}" s="{sid}"/>'
                else:
                    space = _PRESERVE if text[0].isspace() or text[-1].isspace() else ""
                    xml = (
                        f'<c r="{ref}" s="{sid}" t="inlineStr">'
                        f"<is><t{space}>{text if usual else _escape(text)}</t></is></c>"
                    )
                    if style._wraps[kind]:
                        wrapped.append((col, text, style.bold))
            elif value is None:
                sid = style._ids[OTHER]
                xml = f'<c r="{ref}" s="{sid if sid >= 0 else style._resolve(OTHER)}"/>'
            else:
                xml = _value_xml(ref, value, style)
            cells[col] = xml
            looks[col] = style

    def _grow_letters(self, col: int) -> None:
        if not 1 <= col <= MAX_COLS:
            raise ValueError(f"column {col} is outside a sheet")
        self._letters.extend(get_column_letter(c) for c in range(len(self._letters), col + 1))

    def _check_open(self, row: int) -> None:
        if row < self._row or self._closed:
            raise RuntimeError(f"row {row} of sheet '{self.ws.title}' is already written")

    def _advance(self, row: int) -> None:
        if row < self._row or self._closed:
            raise RuntimeError(f"rows are written in order: row {row} after row {self._row}")
        if row > MAX_ROWS:
            raise ValueError(f"row {row} is beyond a sheet's {MAX_ROWS:,} rows")
        if self._row:
            self._flush()
        # Rows skipped over that only have a height still need their <row> element.
        for skipped in sorted(r for r in self._heights if self._row < r < row):
            self._row = skipped
            self._flush()
        self._row = row
        self._row_text = str(row)

    # --- rows ----------------------------------------------------------------------

    def _merged_edges(self, row: int) -> None:
        for first, last in self._merges.pop(row, ()):
            start = self._looks.get(first)
            border = start.border if start is not None else None
            if border is None:
                continue
            for col in range(first + 1, last + 1):
                if col not in self._cells:
                    self.put(row, col, None, self.styles.merged_edge(border, col == last))

    def _capacity(self, col: int, bold: bool, last: int | None) -> int:
        """Characters of a line in a column (or in a merged span up to ``last``)."""
        width = sum(self.width(c) for c in range(col, (last or col) + 1))
        return max(4, int(width * _CHARS_PER_WIDTH * (0.9 if bold else 1.0)) - 1)

    def _fit(self, row: int) -> float | None:
        lines = 1
        spans = dict(self._merges.get(row, ()))
        capacities = self._capacities
        for col, text, bold in self._wrapped:
            if col in spans:
                capacity = self._capacity(col, bold, spans[col])
            else:
                capacity = capacities.get((col, bold), 0)
                if not capacity:
                    capacity = capacities[(col, bold)] = self._capacity(col, bold, None)
            if len(text) > capacity or "\n" in text:
                lines = max(lines, wrapped_lines(text, capacity))
        return round(lines * LINE_HEIGHT + 3, 1) if lines > 1 else None

    def _flush(self) -> None:
        row = self._row
        height = self._heights.pop(row, None)
        if row >= self.fit_from:
            self._fitted = True
            if height is None and self._wrapped:
                height = self._fit(row)
        self._merged_edges(row)
        cells = self._cells
        if cells or height is not None:
            attrs = f' ht="{_number(height)}" customHeight="1"' if height is not None else ""
            order = sorted(cells) if self._unordered else list(cells)
            self._pending.append(f'<row r="{row}"{attrs}>{"".join(cells[c] for c in order)}</row>')
            if order:
                self._extend_bounds(row, order[0], order[-1])
            if len(self._pending) >= _BATCH:
                self._write_pending()
        self._cells = {}
        self._looks = {}
        self._wrapped = []
        self._last_col = 0
        self._unordered = False

    def _extend_bounds(self, row: int, first: int, last: int) -> None:
        bounds = self._bounds
        if bounds is None:
            self._bounds = [row, first, row, last]
            return
        bounds[1] = min(bounds[1], first)
        bounds[2] = row
        bounds[3] = max(bounds[3], last)

    def _write_pending(self) -> None:
        assert self._file is not None
        data = "".join(self._pending).encode("utf-8")
        self._file.write(data)
        self._size += len(data)
        self._pending = []

    def close(self) -> None:
        """Write the last rows (the sheet takes no more cells)."""
        if self._closed:
            return
        last = max(self._heights, default=0)
        if last > self._row:
            self._advance(last)  # rows after the last cell that only have a height
        if self._row:
            self._flush()
        self._write_pending()
        self._closed = True

    # --- package -------------------------------------------------------------------

    @property
    def dimension(self) -> str:
        """The used range, as openpyxl computes it (``A1:A1`` for an empty sheet)."""
        if self._bounds is None:
            return "A1:A1"
        top, left, bottom, right = self._bounds
        return f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}"

    @property
    def rows_size(self) -> int:
        """Bytes of ``<sheetData>`` with its rows."""
        return self._size + len(b"<sheetData></sheetData>")

    def write_rows(self, target: IO[bytes]) -> None:
        """Copy ``<sheetData>`` with the rows into ``target``; the rows file is dropped."""
        self.close()
        assert self._file is not None
        target.write(b"<sheetData>")
        self._file.seek(0)
        shutil.copyfileobj(self._file, target, 1 << 20)
        target.write(b"</sheetData>")
        self.discard()

    def discard(self) -> None:
        """Drop the rows file (after saving, or when the workbook is abandoned)."""
        if self._file is not None:
            self._file.close()
            self._file = None


class Book:
    """An openpyxl write-only workbook and the streamed cells of its sheets."""

    def __init__(self) -> None:
        self.workbook = Workbook(write_only=True)
        self.sheets: list[Sheet] = []
        self._styles: StyleBook | None = None

    def add_sheet(self, title: str) -> Sheet:
        """A new sheet at the end of the workbook."""
        ws = self.workbook.create_sheet(title)
        if self._styles is None:
            self._styles = StyleBook(ws)
        sheet = Sheet(ws, self._styles)
        self.sheets.append(sheet)
        return sheet

    def discard(self) -> None:
        """Drop every sheet's rows file."""
        for sheet in self.sheets:
            sheet.discard()
