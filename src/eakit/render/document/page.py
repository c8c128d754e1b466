"""The page of an administrative document as Decree 30/2020/NĐ-CP lays it out.

A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman
13 pt body text; the national motto and the issuing body side by side at the top; page
numbers centred in the header from the second page; the recipients and the signature
block side by side at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from eakit.text import for_xml

FONT = "Times New Roman"
BODY_PT = 13
TABLE_PT = 11
BLACK = RGBColor(0, 0, 0)
# Shading of table header rows: light grey prints well in black and white.
HEADER_FILL = "D9D9D9"


def set_up(document: DocxDocument) -> None:
    """A4 page, margins, fonts and the styles the report uses."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    section.different_first_page_header_footer = True
    _page_number(section.header.paragraphs[0])
    for name in (
        "Normal",
        "Heading 1",
        "Heading 2",
        "Title",
        "Caption",
        "Table Grid",
        "List Bullet",
    ):
        style = document.styles[name]
        style.font.color.rgb = BLACK
        style.element.get_or_add_rPr().get_or_add_rFonts()
    # Theme fonts win over named ones: every run font of the styles becomes the named one.
    for rfonts in document.styles.element.iter(qn("w:rFonts")):
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            rfonts.attrib.pop(qn(attribute), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attribute), FONT)
    normal = document.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size in (("Heading 1", 13), ("Heading 2", 13)):
        style = document.styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    caption = document.styles["Caption"]
    caption.font.size = Pt(12)
    caption.font.italic = True
    caption.font.bold = False


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (``PAGE``) in ``paragraph``: Word and LibreOffice fill it in."""
    run = paragraph.add_run()
    begin, text, end = (OxmlElement("w:fldChar"), OxmlElement("w:instrText"), None)
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(end)


def _page_number(paragraph: Paragraph) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(paragraph, "PAGE")
    for run in paragraph.runs:
        run.font.size = Pt(BODY_PT)
        run.font.name = FONT


def text(
    container: DocxDocument | _Cell,
    content: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent: bool = False,
    style: str | None = None,
    after: float | None = None,
) -> Paragraph:
    """A paragraph of one run; ``indent``: the first line indented as body text is."""
    paragraph = container.add_paragraph(style=style)
    run = paragraph.add_run(for_xml(content, drop=True))
    run.bold = bold
    run.italic = italic
    if size is not None:
        run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    elif style is None:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent:
        paragraph.paragraph_format.first_line_indent = Mm(10)
    if after is not None:
        paragraph.paragraph_format.space_after = Pt(after)
    return paragraph


class Line(NamedTuple):
    """One centred line of a heading cell and how it is set."""

    text: str
    size: float = BODY_PT
    bold: bool = False
    italic: bool = False
    underline: bool = False


def _cell_lines(cell: _Cell, lines: Sequence[Line]) -> None:
    """Centred lines in a table cell (the first fills the cell's empty paragraph)."""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(for_xml(line.text, drop=True))
        run.bold = line.bold
        run.italic = line.italic
        run.underline = line.underline
        run.font.size = Pt(line.size)


def national_heading(
    document: DocxDocument,
    *,
    superior: str,
    issuer: str,
    number: str,
    country: str,
    motto: str,
    place_date: str,
) -> None:
    """The two-column heading: the superior body and the issuing body (bold, underlined)
    with the number on the left; the country's name and the motto (bold, underlined)
    with the place and date on the right."""
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    fixed_widths(table, (66, 99))
    left, right = table.rows[0].cells
    _cell_lines(left, [Line(superior.upper(), 12), Line(issuer.upper(), 12, True, underline=True)])
    _cell_lines(right, [Line(country, 12, True), Line(motto, 13, True, underline=True)])
    number_cell, date_cell = table.rows[1].cells
    _cell_lines(number_cell, [Line(number)])
    _cell_lines(date_cell, [Line(place_date, italic=True)])
    document.add_paragraph()


def closing(
    document: DocxDocument, *, recipients_title: str, recipients: str, signer: str, note: str
) -> None:
    """Recipients on the left, the signer's title and the signature space on the right."""
    document.add_paragraph()
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    fixed_widths(table, (80, 85))
    left, right = table.rows[0].cells
    run = left.paragraphs[0].add_run(recipients_title)
    run.bold = True
    run.italic = True
    run.font.size = Pt(12)
    for line in recipients.splitlines():
        paragraph = left.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run(line).font.size = Pt(11)
    _cell_lines(right, [Line(signer, bold=True), Line(note, 12, italic=True)])


class Group(NamedTuple):
    """A row of a :func:`grid` that spans every column: the heading of the rows below."""

    text: str


def grid(
    document: DocxDocument,
    header: Sequence[str],
    rows: Sequence[Sequence[str] | Group],
    widths_mm: Sequence[float],
    *,
    centred: Sequence[int] = (),
) -> Table:
    """A bordered table with a shaded header row repeated on every page; a
    :class:`Group` row spans the table in bold."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for cell, title in zip(table.rows[0].cells, header, strict=True):
        _table_cell(cell, title, bold=True, centred=True)
        _shade(cell)
    _repeat_header(table.rows[0])
    groups = []
    for values in rows:
        cells = table.add_row().cells
        if isinstance(values, Group):
            groups.append((cells, values.text))
            continue
        for index, (cell, value) in enumerate(zip(cells, values, strict=True)):
            _table_cell(cell, value, centred=index in centred)
    fixed_widths(table, widths_mm)
    for cells, title in groups:
        merged = cells[0].merge(cells[-1])
        _table_cell(merged, title, bold=True)
    document.add_paragraph().paragraph_format.space_after = Pt(2)
    return table


def _table_cell(cell: _Cell, value: str, *, bold: bool = False, centred: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
    run = paragraph.add_run(for_xml(value, drop=True))
    run.bold = bold
    run.font.size = Pt(TABLE_PT)


def _shade(cell: _Cell) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), HEADER_FILL)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row: object) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def fixed_widths(table: Table, widths_mm: Sequence[float]) -> None:
    """Column widths that Word and LibreOffice both keep: a fixed layout, the grid's
    columns and every cell set alike."""
    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def turn(document: DocxDocument, landscape: bool) -> None:
    """Start a new page in landscape (for wide diagrams) or back in portrait."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = False
    section.header.is_linked_to_previous = False
    _page_number(section.header.paragraphs[0])
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.left_margin, section.right_margin = Mm(25), Mm(20)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)


def fit(png: bytes, width_mm: float, height_mm: float) -> tuple[float, float]:
    """The size (mm) of a PNG picture scaled to fit a box, keeping its proportions."""
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    scale = min(width_mm / width, height_mm / height)
    return width * scale, height * scale


def page_break(document: DocxDocument) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
