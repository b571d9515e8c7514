"""A package made before moments were written in Dutch time carries them in stored form
(UTC), as the region's older packages do; they read back as exactly those moments."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import openpyxl

from app.core.packages.importer import apply_import, preview_import
from app.kernel.workspace import Workspace


def test_moments_in_stored_form_are_stored_as_written(
    demo_package: Path, new_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    workbook = openpyxl.load_workbook(demo_package)
    sheet = workbook["Acties"]
    stamp_columns = [cell.column for cell in sheet[1] if cell.value in ("Aangemaakt", "Gewijzigd")]
    written: dict[str, tuple[str, str]] = {}
    for row in range(2, sheet.max_row + 1):
        # Every day of a month, the 29th to the 31st too (the full check of a real date).
        created, updated = (
            f"2018-01-{row % 31 + 1:02d} 0{hour}:15:00.{row:06d}" for hour in (8, 9)
        )
        sheet.cell(row=row, column=stamp_columns[0]).value = created
        sheet.cell(row=row, column=stamp_columns[1]).value = updated
        written[str(sheet.cell(row=row, column=1).value)] = (created, updated)
    older = tmp_path / "ouder-pakket.xlsx"
    workbook.save(older)

    target = new_workspace(name="ontvanger.db")
    apply_import(target, preview_import(target, older))

    with sqlite3.connect(target.path) as connection:
        stored = {
            row[0]: (row[1], row[2])
            for row in connection.execute("SELECT id, created_at, updated_at FROM action")
        }
    assert stored == written
