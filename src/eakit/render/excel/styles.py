"""The workbook's look: fonts, fills, borders, alignments and number formats.

Module constants, shared by every cell: openpyxl registers each distinct object once
per workbook (:class:`eakit.render.excel.sheet.StyleBook` caches the ids).
"""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

FONT_NAME = "Arial"
FONT = Font(name=FONT_NAME, size=10)
FONT_BOLD = Font(name=FONT_NAME, size=10, bold=True)
FONT_HEADER = Font(name=FONT_NAME, size=10, bold=True, color="FFFFFF")
FONT_TITLE = Font(name=FONT_NAME, size=15, bold=True, color="1F4E79")
FONT_SUBTITLE = Font(name=FONT_NAME, size=10, italic=True, color="595959")
FONT_SECTION = Font(name=FONT_NAME, size=12, bold=True, color="1F4E79")
FILL_HEADER = PatternFill("solid", fgColor="1F4E79")
_THIN = Side(style="thin", color="BFBFBF")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
NO_ALIGN = Alignment()  # the default: written as no alignment at all
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
CENTER_TOP = Alignment(horizontal="center", vertical="top", wrap_text=True)
LEFT_WRAP_TOP = Alignment(horizontal="left", vertical="top", wrap_text=True)
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
MIDDLE = Alignment(vertical="center")
BOTTOM = Alignment(vertical="bottom")

PERCENT = "0.0%"
YEAR = "0"
INTEGER = "#,##0"
DATE = "dd/mm/yyyy"  # as Vietnamese documents write dates

# (fill, font colour) for a severity or coverage state.
TONES: dict[str, tuple[str, str]] = {
    "error": ("FFC7CE", "9C0006"),
    "warning": ("FFEB9C", "7F6000"),
    "info": ("DDEBF7", "1F4E79"),
    "waived": ("EDEDED", "595959"),
    "yes": ("C6EFCE", "006100"),
    "planned": ("FFEB9C", "7F6000"),
    "no": ("FFC7CE", "9C0006"),
}
# The fill and bold font of each tone, built once.
TONE_STYLES: dict[str, tuple[PatternFill, Font]] = {
    name: (
        PatternFill("solid", fgColor=fill),
        Font(name=FONT_NAME, size=10, bold=True, color=colour),
    )
    for name, (fill, colour) in TONES.items()
}
