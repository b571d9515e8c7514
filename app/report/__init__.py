"""The werkgroep report and the RBO summary as PDF (matplotlib) or Excel (openpyxl); no Qt."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.kernel.errors import UserError

if TYPE_CHECKING:
    from app.core.region.report_content import ReportContent

REPORT_SUFFIXES = (".pdf", ".xlsx")


def write_report(
    content: ReportContent, path: Path, progress: Callable[[int], None] = lambda p: None
) -> Path:
    """Write `content` to `path`, as PDF or Excel by the file's suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise UserError(
            f"Een rapportage wordt een .pdf- of .xlsx-bestand, niet '{path.suffix}'. Kies een "
            "bestandsnaam die eindigt op .pdf of .xlsx."
        )
    try:
        if suffix == ".pdf":
            from app.report.pdf_report import write_pdf

            return write_pdf(content, path, progress)
        from app.report.excel_report import write_excel

        return write_excel(content, path, progress)
    except OSError as error:
        raise UserError(
            f"De rapportage kan niet worden opgeslagen in {path} ({error.strerror}). Sluit het "
            "bestand als het nog open staat, of kies een map waarin u mag schrijven."
        ) from error
