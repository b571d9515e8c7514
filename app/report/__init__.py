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
    from app.kernel.files import written_file

    with written_file(path, "De rapportage") as temporary:
        if suffix == ".pdf":
            from app.report.pdf_large_region import is_large_region, write_large_region_pdf
            from app.report.pdf_report import write_pdf

            if is_large_region(content):
                write_large_region_pdf(content, temporary, progress)
            else:
                write_pdf(content, temporary, progress)
        else:
            from app.report.excel_report import write_excel

            write_excel(content, temporary, progress)
    return path
