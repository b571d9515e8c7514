"""Reads the RSIV's return package with the plan package's checks: safety, metadata, cells.

Any error refuses the whole file; a file edited after export is refused too, since the
gemeente must be able to trust that what it shows is what the RSIV sent.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

from app.exchange.feedback_schema import FEEDBACK_READABLE
from app.exchange.formats import FEEDBACK_FORMAT_ID, check_format
from app.exchange.metadata import FeedbackMetadata, Record, content_hash
from app.exchange.problems import FeedbackRefusedError, PackageRefusedError, error, refuse
from app.exchange.progress import Progress
from app.exchange.reader import (
    check_metadata,
    export_moment,
    metadata_cells,
    metadata_values,
    open_workbook,
    read_sheet,
    readable_version,
    report_formulas,
)
from app.exchange.safety import inspect_package
from app.exchange.validator import Validation, validate_sheet


@dataclass(frozen=True)
class ReadFeedback:
    path: Path
    metadata: FeedbackMetadata
    records: dict[str, list[Record]]


def read_feedback(path: Path) -> ReadFeedback:
    """Check and read `path`; anything wrong raises FeedbackRefusedError with Dutch problems."""
    try:
        return _read_feedback(Path(path))
    except FeedbackRefusedError:
        raise
    except PackageRefusedError as refused:  # the package machinery's checks, worded for feedback
        raise FeedbackRefusedError(refused.problems) from None


def _read_feedback(path: Path) -> ReadFeedback:
    inspection = inspect_package(path)
    with open_workbook(path) as workbook:
        found = metadata_cells(workbook, path, inspection)
        check_format(path, found, FEEDBACK_FORMAT_ID)
        values = metadata_values(path, found, [item.name for item in fields(FeedbackMetadata)])
        version = readable_version(path, values["format_version"], FEEDBACK_READABLE)
        schema = FEEDBACK_READABLE[version]
        exported_at = export_moment(path, values["exported_at"])
        check_metadata(path, found, values)
        metadata = FeedbackMetadata(
            **{**values, "format_version": version, "exported_at": exported_at}  # type: ignore[arg-type]
        )
        validation = Validation()
        names = set(workbook.sheet_names)
        cells = {
            sheet.table: read_sheet(workbook, sheet.name, path)
            for sheet in schema.sheets
            if sheet.name in names
        }
    progress = Progress(sum(map(len, cells.values())), None, None)
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    for sheet in schema.sheets:
        if sheet.table in cells:
            validate_sheet(sheet, cells[sheet.table], now, validation, progress)
        else:
            validation.problems.append(error(f"Het blad {sheet.name} ontbreekt.", sheet=sheet.name))
    report_formulas(inspection, validation.problems)
    if validation.has_errors:
        raise PackageRefusedError(validation.problems)
    records = {table: result.records for table, result in validation.records.items()}
    if content_hash(schema, records) != metadata.content_hash:
        raise refuse(
            f"{path.name} is na de export gewijzigd; een gewijzigde terugkoppeling wordt niet "
            "ingelezen. Vraag het RSIV om het bestand opnieuw te sturen."
        )
    records.setdefault("good_practice", [])  # version 1 had no good-practice list
    return ReadFeedback(path, metadata, records)
