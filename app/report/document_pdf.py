"""A Document (app.core.plan.document) as an A4 PDF with the same text and tables as the
Word file: headless, with matplotlib's PDF backend through the reports' PageWriter."""

from __future__ import annotations

from pathlib import Path

import matplotlib
from matplotlib.backends.backend_pdf import PdfPages

from app.analysis.charts import style
from app.core.plan.document import (
    ILLUSTRATIVE,
    Block,
    Bullets,
    Document,
    Paragraph,
    Subheading,
    Table,
)
from app.report.page_writer import MUTED, PageWriter

TABLE_SIZE = 8


def write_pdf(document: Document, path: Path, made_on_text: str) -> Path:
    """Write `document` to `path` (.pdf); OSError is the caller's to turn into Dutch."""
    # TrueType fonts: the text stays selectable and searchable in every PDF reader.
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        info = pdf.infodict()
        info["Title"] = document.title
        info["Author"] = "Aanpak Woninginbraken"
        writer = PageWriter(pdf, document.footer)
        writer.text(document.title, size=18, bold=True)
        writer.text(f"{document.subtitle} · gemaakt op {made_on_text}", size=10, colour=MUTED)
        if document.illustrative:
            writer.space(0.08)
            writer.text(ILLUSTRATIVE, size=9.5, bold=True, colour=style.VERMILLION)
        for chapter in document.chapters:
            writer.space(0.1)
            writer.heading(chapter.title, 14)
            for block in chapter.blocks:
                _block(writer, block)
        writer.finish()
    return path


def _block(writer: PageWriter, block: Block) -> None:
    if isinstance(block, Paragraph):
        writer.text(block.text, colour=MUTED if block.muted else "#000000")
        writer.space(0.06)
    elif isinstance(block, Subheading):
        writer.heading(block.text, 11)
    elif isinstance(block, Bullets):
        writer.bullets(block.items)
    else:
        _table(writer, block)


def _table(writer: PageWriter, block: Table) -> None:
    writer.table(block.header, block.rows, block.widths, size=TABLE_SIZE)
