"""A package made before the words were aligned (doelwaarde, eigenaar, ...) still imports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from app.core.packages.importer import import_package
from app.exchange.versions import CURRENT
from app.kernel.workspace import Workspace
from tests.exchange.conftest import comparable_dump


def test_a_package_with_the_former_headers_imports_the_same(
    demo_package: Path, demo_workspace: Workspace, new_workspace: Callable[..., Workspace]
) -> None:
    workbook = load_workbook(demo_package)
    renamed = 0
    for sheet in CURRENT.sheets:
        for column in sheet.columns:
            if not column.former_headers:
                continue
            worksheet = workbook[sheet.name]
            for cell in worksheet[1]:
                if cell.value == column.header:
                    cell.value = column.former_headers[0]
                    renamed += 1
    assert renamed == 6
    workbook.save(demo_package)

    restored = new_workspace(name="oud-pakket.db")
    preview = import_package(restored, demo_package)

    assert not [problem for problem in preview.problems if problem.is_error]
    assert not [problem for problem in preview.problems if "genegeerd" in problem.message]
    assert comparable_dump(restored) == comparable_dump(demo_workspace)
