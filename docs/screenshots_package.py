"""The package screens for docs/render_screenshots.py: the privacy check before an export,
the validation report of a refused package and the preview of a package with edits.

Kept in their own module, like the week screens; `register` adds them to the registry. The
files are made in a temporary folder from the demo workspace; the demo keeps its content.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.kernel.workspace import Workspace
from app.ui.window.main_window import MainWindow

Render = Callable[[MainWindow], QWidget | None]

EXAMPLE_TEXTS = (
    "Na de buurtavond terugbellen: mevrouw De Vries, 06-12345678.",
    "Melder woont op 2806 AB 14; foto's staan bij j.devries@gmail.com.",
    "Auto met kenteken 12-ABC-3 gezien bij de achterpaden.",
)


def _workspace(window: MainWindow) -> Workspace:
    assert window.workspace is not None
    return window.workspace


def privacy_findings(window: MainWindow) -> QWidget:
    """Three actions whose description holds what must not leave the gemeente unchecked."""
    from app.core.actions.actions import action_input, action_list, update_action
    from app.core.packages.export import scan_privacy
    from app.ui.packages.privacy import PrivacyFindingsDialog

    workspace = _workspace(window)
    rows = action_list(workspace).rows[: len(EXAMPLE_TEXTS)]
    originals = {row.id: action_input(workspace, row.id) for row in rows}
    for row, text in zip(rows, EXAMPLE_TEXTS, strict=True):
        update_action(workspace, row.id, replace(originals[row.id], description=text))
    try:
        findings = scan_privacy(workspace)
    finally:
        for action_id, data in originals.items():
            update_action(workspace, action_id, data)
    dialog = PrivacyFindingsDialog(findings, window)
    first = dialog.model.index(0, 0)
    dialog.model.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    return dialog


def _package(window: MainWindow, folder: Path, edit: Callable[[openpyxl.Workbook], None]) -> Path:
    from app.core.packages.export import export_package

    exported = folder / "pakket-gouda.xlsx"
    export_package(_workspace(window), exported)
    workbook = openpyxl.load_workbook(exported)
    edit(workbook)
    edited = folder / "pakket-gouda-bewerkt.xlsx"
    workbook.save(edited)
    return edited


def _column(sheet: openpyxl.worksheet.worksheet.Worksheet, header: str) -> int:
    return next(cell.column for cell in sheet[1] if cell.value == header)


def _break(workbook: openpyxl.Workbook) -> None:
    actions = workbook["Acties"]
    actions.cell(row=2, column=_column(actions, "Status")).value = "klaar"
    actions.cell(row=5, column=_column(actions, "Termijn")).value = "3-1-2018"
    actions.cell(row=6, column=_column(actions, "Titel")).value = None
    workbook["Overleggen"]["B2"] = "wekelijks"


def validation_report(window: MainWindow) -> QWidget:
    """A package with a wrong status, a wrong tier, an empty title and a date typed as text."""
    from app.core.packages.importer import preview_import
    from app.exchange.problems import PackageRefusedError
    from app.ui.packages.report import ValidationReportDialog

    with tempfile.TemporaryDirectory() as folder:
        broken = _package(window, Path(folder), _break)
        try:
            preview_import(_workspace(window), broken)
        except PackageRefusedError as refusal:
            return ValidationReportDialog(broken.name, refusal.problems, window)
    raise AssertionError("the broken example package was accepted")


def _edit(workbook: openpyxl.Workbook) -> None:
    actions = workbook["Acties"]
    actions.cell(row=2, column=_column(actions, "Status")).value = "vervallen"
    actions.cell(row=3, column=_column(actions, "Actiehouder")).value = "Wijkagent Korte Akkeren"
    actions.delete_rows(4)
    new_row = actions.max_row + 1
    actions.cell(row=new_row, column=_column(actions, "Titel")).value = "Buurtavond organiseren"
    actions.cell(row=new_row, column=_column(actions, "Status")).value = "open"


def import_preview(window: MainWindow) -> QWidget:
    """A package with a person's edits: a status, an owner, a removed and a new action."""
    from app.core.packages.importer import preview_import
    from app.ui.packages.preview import ImportPreviewDialog

    with tempfile.TemporaryDirectory() as folder:
        edited = _package(window, Path(folder), _edit)
        preview = preview_import(_workspace(window), edited)
    dialog = ImportPreviewDialog(preview, edited.name, window)
    model = dialog.model
    actions = next(
        model.index(row, 0)
        for row in range(model.rowCount())
        if model.index(row, 0).data() == "Acties"
    )
    for row in range(model.rowCount(actions)):
        dialog.tree.expand(model.index(row, 0, actions))
    return dialog


SCREENS: dict[str, Render] = {
    "pakket-privacy": privacy_findings,
    "pakket-controle": validation_report,
    "pakket-wijzigingen": import_preview,
}


def register(screen: Callable[[str], Callable[[Render], Render]]) -> None:
    for name, render in SCREENS.items():
        screen(name)(render)
