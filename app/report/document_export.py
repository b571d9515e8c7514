"""Writing a Document as Word (.docx) or PDF, chosen by the file name, for the command line
and the window alike. The file appears whole or not at all: it is written next to its place
under a temporary name and then renamed."""

from __future__ import annotations

import contextlib
import os
from datetime import date
from pathlib import Path

from app.core.plan.document import Document, long_date
from app.kernel.errors import UserError
from app.kernel.workspace import Workspace

FORMATS = (".docx", ".pdf")


def checked_path(path: Path, what: str) -> Path:
    """`path` when it ends in .docx or .pdf; otherwise a Dutch refusal naming `what`."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise UserError(
            f"{what} wordt een .docx-bestand (Word) of een .pdf-bestand, niet '{path.name}'. "
            "Kies een bestandsnaam die eindigt op .docx of .pdf."
        )
    return path


def write_document(document: Document, path: Path, what: str) -> Path:
    """Write `document` as Word or PDF by the suffix of `path`."""
    path = checked_path(path, what)
    made_on = long_date(document.made_on)
    partial = path.with_name(f".{path.stem}.deel{path.suffix}")
    try:
        if path.suffix.lower() == ".docx":
            from app.report.document_docx import write_docx

            write_docx(document, partial, made_on)
        else:
            from app.report.document_pdf import write_pdf

            write_pdf(document, partial, made_on)
        os.replace(partial, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise UserError(
            f"{what} kan niet worden opgeslagen in {path} ({error.strerror or 'schrijffout'}). "
            "Sluit het bestand als het nog open staat, of kies een map waarin u mag schrijven."
        ) from error
    return path


def write_plan_document(workspace: Workspace, path: Path, today: date | None = None) -> Path:
    """The gemeente's plan van aanpak as .docx or .pdf."""
    from app.core.plan.document import plan_document

    what = "Het plan van aanpak"
    checked_path(path, what)
    return write_document(plan_document(workspace, today), path, what)


def write_driehoek_report(workspace: Workspace, path: Path, today: date | None = None) -> Path:
    """The periodic report to the driehoek (one to two pages) as .docx or .pdf."""
    from app.core.plan.driehoek_report import driehoek_report

    what = "De rapportage voor de driehoek"
    checked_path(path, what)
    return write_document(driehoek_report(workspace, today), path, what)
