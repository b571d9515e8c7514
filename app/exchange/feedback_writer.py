"""Writes the RSIV's return package: an explanation, the two data sheets, hidden metadata."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from app.exchange.feedback_schema import FEEDBACK_CURRENT
from app.exchange.metadata import FeedbackMetadata, Record
from app.exchange.progress import Progress
from app.exchange.writer import (
    write_data_sheet,
    write_guide_sheet,
    write_metadata_sheet,
    write_workbook,
)


def write_feedback(
    path: Path,
    records: Mapping[str, Sequence[Record]],
    metadata: FeedbackMetadata,
    werkgroep_on: date | None,
) -> None:
    """Write the return package to `path`; records per table in stored form."""
    progress = Progress(sum(len(rows) for rows in records.values()), None, None)

    def fill(workbook: Workbook) -> None:
        write_guide_sheet(workbook, explanation_lines(metadata.municipality_name, werkgroep_on))
        for sheet in FEEDBACK_CURRENT.sheets:
            write_data_sheet(workbook, sheet, records.get(sheet.table, ()), progress)
        write_metadata_sheet(workbook, metadata)

    write_workbook(path, fill)


def explanation_lines(municipality_name: str, werkgroep_on: date | None) -> list[str]:
    """The readable first sheet: what the file is and how the gemeente reads it in."""
    meeting = (
        f"na de werkgroep van {werkgroep_on.strftime('%d-%m-%Y')}"
        if werkgroep_on
        else "van de werkgroep"
    )
    lines = [
        f"Terugkoppeling RSIV - {municipality_name}",
        "",
        f"Dit bestand is de terugkoppeling van de RSIV-coördinator {meeting}: de suggesties "
        "van de werkgroep voor uw gemeente, de regionale vergelijking van de cijfers en de lijst "
        "van goede voorbeelden.",
        "",
        "Zo leest u het in: open de werkruimte van uw gemeente in Aanpak Woninginbraken en kies "
        "in het menu Bestand: Terugkoppeling RSIV inlezen… De terugkoppeling staat daarna op het "
        "Overzicht. "
        "Het inlezen verandert niets aan uw plan van aanpak.",
        "",
        "Wijzig het bestand niet: een gewijzigde terugkoppeling wordt niet ingelezen. Het is "
        "geen pakket van uw plan; stuur het niet terug naar het RSIV.",
        "",
        "De bladen:",
    ]
    lines.extend(f"- {sheet.name}: {sheet.description}" for sheet in FEEDBACK_CURRENT.sheets)
    lines.extend(
        [
            "",
            "Het verborgen blad Metadata beschrijft het bestand (formaat, versie, gemeente, "
            "export). Wijzig het niet.",
        ]
    )
    return lines
