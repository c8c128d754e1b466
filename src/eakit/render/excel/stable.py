"""Saving a :class:`~eakit.render.excel.sheet.Book`: byte-stable, in one pass.

openpyxl's :class:`~openpyxl.writer.excel.ExcelWriter` writes the package into a zip
archive given to it. The archive here pins what would make two runs differ (entry
times, the creating system, permissions; the document's dates are pinned to the
model's as-of date before writing) and splices each sheet's streamed rows into the
``<sheetData>`` openpyxl leaves empty. Rows are copied from their temporary file in
chunks, so saving needs no more memory than the finished file.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from eakit.render.excel.sheet import Book, Sheet
from eakit.render.zip_stable import pinned_entry

CREATOR = "eakit"
_EMPTY_ROWS = b"<sheetData></sheetData>"
_SHEET_PROPERTIES_END = re.compile(rb"</sheetPr>|<sheetPr\b[^>]*/>")


def pin_properties(workbook: Workbook, when: dt.date, title: str) -> None:
    """Fix creator, title and created/modified dates of the document."""
    stamp = dt.datetime.combine(when, dt.time())
    props = workbook.properties
    props.creator = CREATOR
    props.lastModifiedBy = CREATOR
    props.title = title
    props.created = stamp
    props.modified = stamp


def _entry(name: str, size: int = 0) -> zipfile.ZipInfo:
    return pinned_entry(name, size, mode=0o600)


def _splice(xml: bytes, sheet: Sheet) -> tuple[bytes, bytes]:
    """The sheet XML openpyxl wrote, cut where the rows go, with the used range added."""
    if xml.count(_EMPTY_ROWS) != 1:
        raise RuntimeError(f"sheet '{sheet.ws.title}': openpyxl wrote rows of its own")
    head, tail = xml.split(_EMPTY_ROWS)
    # openpyxl's write-only sheets have no <dimension>; readers use it to size a sheet.
    found = _SHEET_PROPERTIES_END.search(head)
    if found is None or b"<dimension" in head:
        raise RuntimeError(f"sheet '{sheet.ws.title}': unexpected sheet XML from openpyxl")
    dimension = f'<dimension ref="{sheet.dimension}"/>'.encode()
    head = head[: found.end()] + dimension + head[found.end() :]
    return head, tail


class _StableArchive(zipfile.ZipFile):
    """A zip archive with fixed entry metadata that adds the streamed rows to sheets."""

    def __init__(self, file: io.BytesIO, sheets: dict[str, Sheet]) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED)
        self.sheets = sheets

    def writestr(  # type: ignore[override]
        self, zinfo_or_arcname: str | zipfile.ZipInfo, data: Any, *args: Any, **kwargs: Any
    ) -> None:
        name = getattr(zinfo_or_arcname, "filename", zinfo_or_arcname)
        super().writestr(_entry(str(name)), data)

    def write(  # type: ignore[override]
        self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any
    ) -> None:
        name = str(arcname if arcname is not None else filename)
        with open(filename, "rb") as source:
            xml = source.read()  # a sheet without its rows: a few kilobytes
        sheet = self.sheets.pop(name, None)
        if sheet is None:
            self.writestr(name, xml)
            return
        sheet.close()  # its last row sets the used range
        head, tail = _splice(xml, sheet)
        with self.open(_entry(name, len(head) + sheet.rows_size + len(tail)), "w") as target:
            target.write(head)
            sheet.write_rows(target)
            target.write(tail)


def workbook_bytes(book: Book, when: dt.date, title: str) -> bytes:
    """The ``.xlsx`` bytes of ``book``, identical for identical content."""
    pin_properties(book.workbook, when, title)
    # openpyxl names sheet parts by position (xl/worksheets/sheet1.xml, ...).
    sheets = {f"xl/worksheets/sheet{n}.xml": sheet for n, sheet in enumerate(book.sheets, 1)}
    buffer = io.BytesIO()
    archive = _StableArchive(buffer, sheets)
    try:
        ExcelWriter(book.workbook, archive).save()
    finally:
        book.discard()
    if archive.sheets:
        raise RuntimeError(f"sheets without their rows: {', '.join(sorted(archive.sheets))}")
    return buffer.getvalue()
