"""Bestand > Pakket exporteren / importeren, driven as a projectleider would: the privacy
findings, the validation report and the preview of the changes, before anything is stored."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QStyle, QTreeView
from pytestqt.qtbot import QtBot
from user_input import click

from app.core.actions.actions import action_input, action_list, update_action
from app.core.packages.export import export_package
from app.demo.gemeente import fill_demo
from app.exchange.problems import Severity
from app.exchange.reader import read_package
from app.exchange.schema import V1
from app.kernel.workspace import Workspace, create_workspace
from app.ui.packages.importer import PackageImporter
from app.ui.packages.preview import ImportPreviewDialog
from app.ui.packages.privacy import PrivacyFindingsDialog
from app.ui.packages.report import ValidationReportDialog
from app.ui.window.main_window import MainWindow
from database.enums import ActionStatus, WorkspaceRole

JOB_TIMEOUT_MS = 20_000
ACTIONS = V1.sheet("action")
PHONE = "06-12345678"
BSN = "111222333"  # passes the 11-proef


def _column(header: str) -> int:
    return next(n for n, column in enumerate(ACTIONS.columns, 1) if column.header == header)


def _store_state(workspace: Workspace) -> str:
    """The bytes of the workspace file and its write-ahead log: what 'nothing stored' means."""
    digest = hashlib.sha256()
    for path in (workspace.path, workspace.path.with_name(workspace.path.name + "-wal")):
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def demo(workspace: Workspace) -> Workspace:
    fill_demo(workspace, seed=2017)
    return workspace


def _window_on(qtbot: QtBot, make_window: object, workspace: Workspace) -> MainWindow:
    """The window once the Overzicht's figures are in: no background work is left over."""
    window: MainWindow = make_window(workspace)  # type: ignore[operator]
    overview = window.page("overview")
    qtbot.waitUntil(lambda: overview.figures_loaded, timeout=JOB_TIMEOUT_MS)  # type: ignore[union-attr]
    return window


@pytest.fixture
def demo_window(qtbot: QtBot, make_window: object, demo: Workspace) -> MainWindow:
    return _window_on(qtbot, make_window, demo)


@pytest.fixture
def package(demo: Workspace, tmp_path: Path) -> Path:
    path = tmp_path / "pakket-gouda.xlsx"
    export_package(demo, path)
    return path


def _edited(package: Path, tmp_path: Path, edit: object, name: str) -> Path:
    workbook = openpyxl.load_workbook(package)
    edit(workbook)  # type: ignore[operator]
    edited = tmp_path / name
    workbook.save(edited)
    return edited


def _first_action_description(workspace: Workspace, text: str) -> str:
    row = action_list(workspace).rows[0]
    update_action(workspace, row.id, replace(action_input(workspace, row.id), description=text))
    return row.title


def _export_through_menu(
    qtbot: QtBot, window: MainWindow, target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "Excel-pakket")
    )
    window.package_menu.export_action.trigger()
    exporter = window.package_menu.exporter
    assert exporter is not None
    qtbot.waitUntil(lambda: exporter.job is None, timeout=JOB_TIMEOUT_MS)


def _import_through_menu(
    qtbot: QtBot, window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> PackageImporter:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), "Excel-pakket")
    )
    window.package_menu.import_action.trigger()
    importer = window.package_menu.importer
    assert importer is not None
    qtbot.waitUntil(
        lambda: importer.job is None and importer.dialog is not None, timeout=JOB_TIMEOUT_MS
    )
    return importer


def _close_notice(importer_or_exporter: object) -> str:
    box = importer_or_exporter.message  # type: ignore[attr-defined]
    assert box is not None and box.isVisible()
    text = box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    return text


# Export ---------------------------------------------------------------------------------------


def test_the_demo_is_exported_through_the_menu_and_reads_back(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pakket"
    _export_through_menu(qtbot, demo_window, target, monkeypatch)

    written = target.with_suffix(".xlsx")
    assert written.exists()
    package = read_package(written)
    assert package.errors == []
    assert package.metadata.sequence == 6  # the demo sent five for earlier werkgroepen
    message = _close_notice(demo_window.package_menu.exporter)
    assert str(written) in message and "Volgnummer 6" in message
    assert "volgnummer 6" in demo_window.statusBar().currentMessage()


def test_a_phone_number_is_shown_with_its_place_and_must_be_accepted(
    qtbot: QtBot,
    demo: Workspace,
    make_window: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    title = _first_action_description(demo, f"Bel de bewoner op {PHONE} na de buurtavond.")
    window = _window_on(qtbot, make_window, demo)
    target = tmp_path / "pakket.xlsx"
    _export_through_menu(qtbot, window, target, monkeypatch)
    dialog = window.package_menu.exporter.dialog  # type: ignore[union-attr]
    assert isinstance(dialog, PrivacyFindingsDialog)
    assert not target.exists()

    model = dialog.model
    assert model.rowCount() == 1
    shown = [model.index(0, column).data() for column in range(model.columnCount())]
    assert shown[1] == f"telefoonnummer: {PHONE}"
    assert shown[2] == "Acties" and shown[4] == "Toelichting"
    assert shown[3].startswith("actie '")
    assert title.startswith(shown[3].removeprefix("actie '").removesuffix("'").removesuffix("..."))
    assert f"Bel de bewoner op {PHONE} na de" in shown[5]
    assert not dialog.export_button.isEnabled()

    model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.export_button.isEnabled()
    click(qtbot, dialog.export_button)
    exporter = window.package_menu.exporter
    qtbot.waitUntil(lambda: exporter.job is None and target.exists(), timeout=JOB_TIMEOUT_MS)
    _close_notice(exporter)


def test_a_bsn_blocks_the_export_with_an_explanation(
    qtbot: QtBot,
    demo: Workspace,
    make_window: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _first_action_description(demo, f"Melder (BSN {BSN}) belde ook over {PHONE}.")
    window = _window_on(qtbot, make_window, demo)
    target = tmp_path / "pakket.xlsx"
    _export_through_menu(qtbot, window, target, monkeypatch)
    dialog = window.package_menu.exporter.dialog  # type: ignore[union-attr]
    assert isinstance(dialog, PrivacyFindingsDialog)

    assert "BSN" in dialog.explanation.text() and "nooit" in dialog.explanation.text()
    assert dialog.export_button.isHidden() and dialog.accept_all_button.isHidden()
    dialog.model.accept_all()
    bsn_row = next(
        row for row in range(dialog.model.rowCount()) if "BSN" in dialog.model.index(row, 1).data()
    )
    assert dialog.model.index(bsn_row, 0).data() == "nooit"
    assert not dialog.model.all_accepted
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not target.exists()


def test_exporting_is_not_offered_in_a_region_workspace(
    make_window: object, tmp_path: Path
) -> None:
    region = create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION, is_demo=True)
    try:
        window: MainWindow = make_window(region)  # type: ignore[operator]
        menu = window.package_menu
        assert not menu.export_action.isEnabled()
        assert "RSIV" in menu.export_action.toolTip()
        assert menu.import_action.text() == "Pakketten &importeren…"
        assert menu.import_folder_action.isVisible()
        window.close()
    finally:
        region.close()


# Import: refused ------------------------------------------------------------------------------


def _break(workbook: openpyxl.Workbook) -> None:
    """Two wrong statuses (one looks like a formula), a date typed as text, a wrong tier."""
    sheet = workbook["Acties"]
    sheet.cell(row=2, column=_column("Status")).value = "klaar"
    formula_like = sheet.cell(row=3, column=_column("Status"))
    formula_like.value = "=1+1"
    formula_like.data_type = "s"
    sheet.cell(row=4, column=_column("Termijn")).value = "3-1-2018"
    workbook["Overleggen"]["B2"] = "wekelijks"


@pytest.fixture
def broken_package(package: Path, tmp_path: Path) -> Path:
    return _edited(package, tmp_path, _break, "kapot.xlsx")


def test_a_broken_package_is_reported_with_cells_and_nothing_is_stored(
    qtbot: QtBot,
    demo: Workspace,
    demo_window: MainWindow,
    broken_package: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _store_state(demo)
    importer = _import_through_menu(qtbot, demo_window, broken_package, monkeypatch)
    dialog = importer.dialog
    assert isinstance(dialog, ValidationReportDialog)
    assert "niet ingelezen" in dialog.summary.text() and "niets opgeslagen" in dialog.summary.text()
    assert not hasattr(dialog, "continue_button")

    model = dialog.report.proxy
    rows = [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    by_cell = {row[2]: row for row in rows}
    status = _letter("Status")
    assert by_cell[f"{status}2"][0:5] == ["fout", "Acties", f"{status}2", "Status", "klaar"]
    assert by_cell[f"{status}3"][4] == "=1+1"
    due = _letter("Termijn")
    assert by_cell[f"{due}4"][0] == "waarschuwing"
    assert by_cell["B2"][1:5] == ["Overleggen", "B2", "Niveau", "wekelijks"]

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: importer.dialog is None)
    assert _store_state(demo) == before


def _letter(header: str) -> str:
    return openpyxl.utils.get_column_letter(_column(header))


def test_the_report_filters_sorts_and_exports_as_text(
    qtbot: QtBot,
    demo_window: MainWindow,
    broken_package: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    importer = _import_through_menu(qtbot, demo_window, broken_package, monkeypatch)
    dialog = importer.dialog
    assert isinstance(dialog, ValidationReportDialog)
    report = dialog.report
    total = report.proxy.rowCount()
    assert total >= 4

    report.severity.setCurrentIndex(report.severity.findData(Severity.WARNING))
    severities = {report.proxy.index(r, 0).data() for r in range(report.proxy.rowCount())}
    assert severities == {"waarschuwing"}
    report.severity.setCurrentIndex(0)

    report.sheet.setCurrentIndex(report.sheet.findData("Acties"))
    assert {report.proxy.index(r, 1).data() for r in range(report.proxy.rowCount())} == {"Acties"}
    assert f"van {total} meldingen" in report.count.text()

    qtbot.keyClicks(report.search, "klaar")
    assert report.proxy.rowCount() == 1
    report.search.clear()

    report.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    cells = [report.proxy.index(r, 2).data() for r in range(report.proxy.rowCount())]
    rows = [int("".join(filter(str.isdigit, cell))) for cell in cells if cell]
    assert rows == sorted(rows, reverse=True)
    report.sheet.setCurrentIndex(0)

    csv_path = tmp_path / "verslag.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(csv_path), "CSV")
    )
    click(qtbot, dialog.export_button)
    with csv_path.open(encoding="utf-8-sig", newline="") as file:
        lines = list(csv.reader(file, delimiter=";"))
    assert lines[0] == ["Ernst", "Blad", "Cel", "Kolom", "Waarde", "Uitleg"]
    assert len(lines) == total + 1
    assert [line[4] for line in lines if "1+1" in line[4]] == ["'=1+1"]

    xlsx_path = tmp_path / "verslag.xlsx"
    report.export_to(xlsx_path)
    sheet = openpyxl.load_workbook(xlsx_path).active
    values = [cell for cell in sheet.iter_rows(min_row=2) if cell[4].value == "=1+1"]
    assert values and values[0][4].data_type == "s"
    assert sheet.max_row == total + 1
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


# Import: a person's edits ---------------------------------------------------------------------


def _person_edits(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["Acties"]
    status = sheet.cell(row=2, column=_column("Status"))
    # A real change whatever the demo put in the first row.
    cancelled = ActionStatus.CANCELLED.label
    status.value = cancelled if status.value != cancelled else ActionStatus.OPEN.label
    sheet.delete_rows(3)


@pytest.fixture
def edited_package(package: Path, tmp_path: Path) -> Path:
    return _edited(package, tmp_path, _person_edits, "bewerkt.xlsx")


def _through_report_to_preview(qtbot: QtBot, importer: PackageImporter) -> ImportPreviewDialog:
    report = importer.dialog
    assert isinstance(report, ValidationReportDialog)
    assert "kan worden ingelezen" in report.summary.text()
    click(qtbot, report.continue_button)
    qtbot.waitUntil(lambda: isinstance(importer.dialog, ImportPreviewDialog))
    return importer.dialog  # type: ignore[return-value]


def _press(qtbot: QtBot, box: QMessageBox | None, text: str) -> None:
    """Click the button labelled `text` in the confirmation over the preview."""
    assert box is not None and box.isVisible()
    [button] = [b for b in box.buttons() if b.text() == text]
    click(qtbot, button)


def _children(model: object, parent: object) -> list[list[str]]:
    return [
        [model.index(row, column, parent).data() for column in range(3)]  # type: ignore[attr-defined]
        for row in range(model.rowCount(parent))  # type: ignore[attr-defined]
    ]


def test_the_preview_shows_the_change_and_the_removal_and_declining_stores_nothing(
    qtbot: QtBot,
    demo: Workspace,
    demo_window: MainWindow,
    edited_package: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _store_state(demo)
    importer = _import_through_menu(qtbot, demo_window, edited_package, monkeypatch)
    preview = _through_report_to_preview(qtbot, importer)

    model = preview.model
    [actions] = [row for row in range(model.rowCount()) if model.index(row, 0).data() == "Acties"]
    kind = model.index(actions, 0)
    assert model.index(actions, 1).data() == "0 nieuw, 1 gewijzigd, 1 verwijderd"
    records = _children(model, kind)
    changed = next(row for row in records if row[1].startswith("gewijzigd"))
    assert changed[1] == "gewijzigd: Status" and changed[2] == "2"
    changed_index = model.index(records.index(changed), 0, kind)
    [status] = _children(model, changed_index)
    typed = openpyxl.load_workbook(edited_package)["Acties"].cell(row=2, column=_column("Status"))
    assert status[0] == "Status" and status[1].endswith(f"→ {typed.value}")
    assert any(row[1] == "verwijderd" for row in records)
    assert "verwijdert 1 rij(en)" in preview.removal_warning.text()

    click(qtbot, preview.import_button)
    assert "verwijdert 1 rij(en)" in preview.confirm_box.text()  # type: ignore[union-attr]
    _press(qtbot, preview.confirm_box, "Nee")
    assert preview.isVisible() and not preview.removals_confirmed and importer.job is None
    assert _store_state(demo) == before
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: importer.dialog is None)
    assert _store_state(demo) == before


def test_every_row_in_package_text_is_readable_with_a_larger_font(
    qtbot: QtBot,
    demo_window: MainWindow,
    edited_package: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Windows with larger text (or its font at 150%) is wider than the test font: the
    'Rij in pakket' column must follow its texts, not keep a fixed width."""
    font = QApplication.font()
    larger = QFont(font)
    larger.setPointSizeF(font.pointSizeF() * 1.25)
    QApplication.setFont(larger)
    try:
        importer = _import_through_menu(qtbot, demo_window, edited_package, monkeypatch)
        preview = _through_report_to_preview(qtbot, importer)
        tree = preview.findChild(QTreeView, "importChanges")
        assert tree is not None
        qtbot.waitExposed(preview)
        model, metrics = tree.model(), tree.fontMetrics()
        texts = [model.headerData(2, Qt.Orientation.Horizontal)]
        kinds = [model.index(row, 0) for row in range(model.rowCount())]
        records = [model.index(r, 0, kind) for kind in kinds for r in range(model.rowCount(kind))]
        texts += [record.siblingAtColumn(2).data() for record in records]
        assert "staat er niet meer in" in texts
        width = tree.header().sectionSize(2)
        # Qt leaves this margin on either side of a cell's text.
        margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
        cut = [text for text in texts if metrics.horizontalAdvance(text) + 2 * margin > width]
        assert cut == []
        assert not tree.horizontalScrollBar().isVisible()
        qtbot.keyClick(preview, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: importer.dialog is None)
    finally:
        QApplication.setFont(font)


def test_accepting_the_removal_stores_the_package_and_the_screens_show_it(
    qtbot: QtBot,
    demo: Workspace,
    demo_window: MainWindow,
    edited_package: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    count_before = len(action_list(demo).rows)
    demo_window.navigate("actions")
    page_before = demo_window.page("actions")
    importer = _import_through_menu(qtbot, demo_window, edited_package, monkeypatch)
    preview = _through_report_to_preview(qtbot, importer)
    click(qtbot, preview.import_button)
    _press(qtbot, preview.confirm_box, "Ja, verwijderen")
    qtbot.waitUntil(
        lambda: importer.job is None and importer.message is not None, timeout=JOB_TIMEOUT_MS
    )

    rows = action_list(demo).rows
    assert len(rows) == count_before - 1
    assert sum(row.status is ActionStatus.CANCELLED for row in rows) >= 1
    assert "2 wijziging(en) opgeslagen" in _close_notice(importer)
    assert "ingelezen" in demo_window.statusBar().currentMessage()
    page_after = demo_window.page("actions")
    assert page_after is not page_before and page_after is not None
    assert page_after.model.rowCount() == count_before - 1  # type: ignore[attr-defined]
    QApplication.processEvents()


# Item models ----------------------------------------------------------------------------------


def test_the_report_findings_and_changes_models_pass_the_model_tester(
    qtmodeltester: object, demo: Workspace, edited_package: Path, broken_package: Path
) -> None:
    from app.core.packages.export import scan_privacy
    from app.core.packages.importer import preview_import
    from app.exchange.problems import PackageRefusedError
    from app.ui.packages.preview import ChangesModel
    from app.ui.packages.privacy import FindingsModel
    from app.ui.packages.report import COLUMNS, ProblemsFilter, ProblemsModel

    _first_action_description(demo, f"Bel {PHONE} of mail jan@gmail.com, BSN {BSN}.")
    findings = FindingsModel(scan_privacy(demo))
    qtmodeltester.check(findings)  # type: ignore[attr-defined]

    with pytest.raises(PackageRefusedError) as refusal:
        preview_import(demo, broken_package)
    problems = ProblemsModel(COLUMNS)
    problems.set_rows(refusal.value.problems)
    qtmodeltester.check(problems)  # type: ignore[attr-defined]
    qtmodeltester.check(ProblemsFilter(problems))  # type: ignore[attr-defined]

    qtmodeltester.check(ChangesModel(preview_import(demo, edited_package)))  # type: ignore[attr-defined]


# RSIV: several packages at once ---------------------------------------------------------------


def test_the_rsiv_merges_a_folder_and_lists_the_outcome_per_file(
    qtbot: QtBot,
    qtmodeltester: object,
    make_window: object,
    package: Path,
    broken_package: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.core.packages.history import import_history
    from app.ui.packages.merge import MergeDialog

    folder = tmp_path / "ontvangen"
    folder.mkdir()
    package.rename(folder / "1-gouda.xlsx")
    broken_package.rename(folder / "2-gouda-kapot.xlsx")
    region = create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION, is_demo=True)
    try:
        window: MainWindow = make_window(region)  # type: ignore[operator]
        before = _store_state(region)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
        window.package_menu.import_folder_action.trigger()
        merger = window.package_menu.merger
        assert merger is not None
        qtbot.waitUntil(lambda: merger.dialog is not None, timeout=JOB_TIMEOUT_MS)
        plan = merger.dialog
        assert isinstance(plan, MergeDialog)
        rows = [[plan.model.index(r, c).data() for c in range(5)] for r in range(2)]
        assert [row[3] for row in rows] == ["kan worden samengevoegd", "geweigerd"]
        assert rows[0][1] == "Gouda" and "nieuw" in rows[0][4]
        assert "fout" in rows[1][4]
        assert _store_state(region) == before  # the plan stores nothing
        qtmodeltester.check(plan.model)  # type: ignore[attr-defined]

        plan.table.selectRow(1)
        click(qtbot, plan.report_button)
        assert isinstance(plan.report, ValidationReportDialog)
        assert plan.report.report.proxy.rowCount() >= 3
        plan.report.reject()

        click(qtbot, plan.merge_button)
        qtbot.waitUntil(
            lambda: merger.job is None and merger.dialog not in (None, plan),
            timeout=JOB_TIMEOUT_MS,
        )
        outcome = merger.dialog
        assert isinstance(outcome, MergeDialog)
        assert [outcome.model.index(r, 3).data() for r in range(2)] == ["samengevoegd", "geweigerd"]
        assert "1 van 2" in window.statusBar().currentMessage()
        assert [entry.outcome.value for entry in import_history(region)] == ["merged", "refused"]
        qtbot.keyClick(outcome, Qt.Key.Key_Escape)
        window.close()
    finally:
        region.close()


# Herstellen ----------------------------------------------------------------------------------


def test_a_backup_made_before_the_import_is_restored(
    qtbot: QtBot,
    demo: Workspace,
    demo_window: MainWindow,
    edited_package: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.ui.packages.restore import RestoreDialog

    count_before = len(action_list(demo).rows)
    importer = _import_through_menu(qtbot, demo_window, edited_package, monkeypatch)
    preview = _through_report_to_preview(qtbot, importer)
    click(qtbot, preview.import_button)
    _press(qtbot, preview.confirm_box, "Ja, verwijderen")
    qtbot.waitUntil(lambda: importer.message is not None, timeout=JOB_TIMEOUT_MS)
    _close_notice(importer)
    assert len(action_list(demo).rows) == count_before - 1

    demo_window.package_menu.restore_action.trigger()
    dialog = demo_window.package_menu.restore_dialog
    assert isinstance(dialog, RestoreDialog)
    assert dialog.model.index(0, 1).data() == "voor het inlezen van een pakket"
    click(qtbot, dialog.restore_button)
    _press(qtbot, dialog.confirm_box, "Ja, terugzetten")
    qtbot.waitUntil(lambda: demo_window.package_menu.restore_dialog is None)

    assert len(action_list(demo).rows) == count_before
    assert "teruggezet" in demo_window.statusBar().currentMessage()
    overview = demo_window.page("overview")  # rebuilt: let its figures arrive before closing
    qtbot.waitUntil(lambda: overview.figures_loaded, timeout=JOB_TIMEOUT_MS)  # type: ignore[union-attr]
