"""A Document (app.core.plan.document) as a Word file the gemeente can edit further.

Real Word structure: the Title style, Heading 1 per chapter and Heading 2 per section (so
Word's navigation pane and table of contents work), List Bullet, and tables in a built-in
table style with a header row that repeats on every page. python-docx, no Word needed.
"""

from __future__ import annotations

from pathlib import Path

import docx as python_docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from app.core.plan.document import Block, Bullets, Document, Paragraph, Subheading, Table

TABLE_STYLE = "Light Grid Accent 1"
MUTED = RGBColor(0x55, 0x55, 0x55)
ALERT = RGBColor(0xB0, 0x00, 0x20)
MARGIN = Cm(2)
TABLE_FONT = Pt(8.5)


def write_docx(document: Document, path: Path, made_on_text: str) -> Path:
    """Write `document` to `path` (.docx); OSError is the caller's to turn into Dutch."""
    docx = python_docx.Document()
    _set_up(docx, document)
    docx.add_heading(document.title, level=0)
    subtitle = docx.add_paragraph(f"{document.subtitle} · gemaakt op {made_on_text}")
    subtitle.style = docx.styles["Subtitle"]
    if document.illustrative:
        from app.core.plan.document import ILLUSTRATIVE

        run = docx.add_paragraph().add_run(ILLUSTRATIVE)
        run.bold = True
        run.font.color.rgb = ALERT
    for chapter in document.chapters:
        docx.add_heading(chapter.title, level=1)
        for block in chapter.blocks:
            _block(docx, block)
    docx.save(str(path))
    return path


def _set_up(docx: DocxDocument, document: Document) -> None:
    properties = docx.core_properties
    properties.title = document.title
    properties.subject = document.subtitle
    properties.author = "Aanpak Woninginbraken"
    properties.language = "nl-NL"
    normal = docx.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    for section in docx.sections:
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN
        footer = section.footer.paragraphs[0]
        footer.text = f"{document.footer} · pagina "
        _page_number(footer)
        for run in footer.runs:
            run.font.size = Pt(8)
            run.font.color.rgb = MUTED


def _block(docx: DocxDocument, block: Block) -> None:
    if isinstance(block, Paragraph):
        paragraph = docx.add_paragraph()
        run = paragraph.add_run(block.text)
        if block.muted:
            run.italic = True
            run.font.color.rgb = MUTED
    elif isinstance(block, Subheading):
        docx.add_heading(block.text, level=2)
    elif isinstance(block, Bullets):
        for item in block.items:
            docx.add_paragraph(item, style="List Bullet")
    else:
        _table(docx, block)


def _table(docx: DocxDocument, block: Table) -> None:
    table = docx.add_table(rows=1, cols=len(block.header))
    table.style = docx.styles[TABLE_STYLE]
    page_width = docx.sections[0].page_width
    if page_width is None:  # python-docx's default template always sets the page size
        raise ValueError("The Word template has no page width.")
    width = page_width - 2 * MARGIN
    widths = [int(width * share / sum(block.widths)) for share in block.widths]
    header = table.rows[0]
    _repeat_as_header(header)
    for cell, text in zip(header.cells, block.header, strict=True):
        _fill(cell, text, bold=True)
    for values in block.rows:
        row = table.add_row()
        for cell, text in zip(row.cells, values, strict=True):
            _fill(cell, text)
    # Word reads the cells' widths, LibreOffice the grid's: set both, and keep them fixed.
    table.autofit = False
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = column_width
    for row in table.rows:
        for cell, cell_width in zip(row.cells, widths, strict=True):
            cell.width = cell_width
    docx.add_paragraph()  # room between a table and what follows


def _fill(cell: object, text: str, *, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    run = paragraph.add_run(text)
    run.font.size = TABLE_FONT
    run.bold = bold


def _repeat_as_header(row: object) -> None:
    """Word repeats this row at the top of every page the table runs onto."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _page_number(paragraph: object) -> None:
    """A PAGE field: Word fills in the number of each page."""
    run = paragraph.add_run()  # type: ignore[attr-defined]
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
