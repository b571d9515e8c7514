"""A package made before the words were aligned (doelwaarde, eigenaar, ...) or before times were
written in Dutch time (headers with '(UTC)', ISO 8601 in the cells) still imports the same."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from pathlib import Path

from openpyxl import load_workbook

from app.core.packages.importer import import_package
from app.exchange.metadata import METADATA_CHECK_KEY, METADATA_KEYS, METADATA_SHEET, metadata_check
from app.exchange.schema import Kind
from app.exchange.versions import CURRENT
from app.kernel.moments import moment_from_file
from app.kernel.workspace import Workspace
from tests.exchange.conftest import comparable_dump


def test_a_package_with_the_former_headers_imports_the_same(
    demo_package: Path, demo_workspace: Workspace, new_workspace: Callable[..., Workspace]
) -> None:
    workbook = load_workbook(demo_package)
    renamed = 0
    for sheet in CURRENT.sheets:
        for column in sheet.columns:
            if not column.former_headers or column.kind is Kind.TIMESTAMP:
                continue
            worksheet = workbook[sheet.name]
            for cell in worksheet[1]:
                if cell.value == column.header:
                    cell.value = column.former_headers[0]
                    renamed += 1
    assert renamed == 5
    workbook.save(demo_package)

    restored = new_workspace(name="oud-pakket.db")
    preview = import_package(restored, demo_package)

    assert not [problem for problem in preview.problems if problem.is_error]
    assert not [problem for problem in preview.problems if "genegeerd" in problem.message]
    assert comparable_dump(restored) == comparable_dump(demo_workspace)


def test_a_package_with_times_in_utc_imports_the_same(
    demo_package: Path, demo_workspace: Workspace, new_workspace: Callable[..., Workspace]
) -> None:
    workbook = load_workbook(demo_package)
    stamps = 0
    for sheet in CURRENT.sheets:
        worksheet = workbook[sheet.name]
        for position, column in enumerate(sheet.columns, 1):
            if column.kind is not Kind.TIMESTAMP:
                continue
            header = worksheet.cell(1, position)
            assert header.value == column.header
            header.value = next(name for name in column.former_headers if "(UTC)" in name)
            for (cell,) in worksheet.iter_rows(min_row=2, min_col=position, max_col=position):
                if cell.value:
                    moment = moment_from_file(cell.value)
                    assert moment is not None, cell.value
                    cell.value = moment.strftime("%Y-%m-%d %H:%M:%S.%f")
                    stamps += 1
    assert stamps > 100
    _export_moment_in_utc(workbook)
    workbook.save(demo_package)

    restored = new_workspace(name="oud-pakket.db")
    preview = import_package(restored, demo_package)

    assert not [problem for problem in preview.problems if problem.is_error]
    assert not [problem for problem in preview.problems if "genegeerd" in problem.message]
    assert comparable_dump(restored) == comparable_dump(demo_workspace)


def _export_moment_in_utc(workbook: object) -> None:
    """The metadata as an older version wrote it, its check value recomputed the same way."""
    sheet = workbook[METADATA_SHEET]  # type: ignore[index]
    field_of = {key: name for name, key in METADATA_KEYS.items()}
    values: dict[str, str] = {}
    check_cell = None
    for key_cell, value_cell in sheet.iter_rows(min_col=1, max_col=2):
        if key_cell.value == METADATA_CHECK_KEY:
            check_cell = value_cell
            continue
        name = field_of[key_cell.value]
        if name == "exported_at":
            key_cell.value = "Geëxporteerd op (UTC)"
            moment = moment_from_file(value_cell.value)
            assert moment is not None
            value_cell.value = moment.astimezone(UTC).isoformat()
        values[name] = value_cell.value
    assert check_cell is not None
    check_cell.value = metadata_check(values)
