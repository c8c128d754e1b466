"""Reading a written workbook back for assertions."""

from __future__ import annotations

from typing import Any

from openpyxl.worksheet.worksheet import Worksheet


def table(ws: Worksheet, name: str) -> list[dict[str, Any]]:
    """The rows of an Excel table as dictionaries keyed by heading."""
    ref = ws.tables[name].ref
    rows = list(ws[ref])
    headers = [c.value for c in rows[0]]
    return [dict(zip(headers, (c.value for c in row), strict=True)) for row in rows[1:]]


def headers(ws: Worksheet, name: str) -> list[str]:
    """The headings of an Excel table."""
    return [c.value for c in next(iter(ws[ws.tables[name].ref]))]
