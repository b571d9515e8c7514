"""A person opens the package in a spreadsheet, edits it, and the import shows exactly that."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from app.core.packages.importer import (
    ImportPreview,
    KindDiff,
    RemovalsNotAllowedError,
    apply_import,
    preview_import,
)
from app.exchange.problems import Severity
from app.exchange.schema import V1
from app.kernel.workspace import Workspace
from database.enums import ActionStatus
from database.models import Action

ACTIONS = V1.sheet("action")
NEW_TITLE = "Buurtavond organiseren"
NEW_STATUS = ActionStatus.CANCELLED


def _column(header: str) -> int:
    return next(i for i, c in enumerate(ACTIONS.columns, 1) if c.header == header)


def _actions(preview: ImportPreview) -> KindDiff:
    return next(kind for kind in preview.kinds if kind.sheet.table == "action")


def _count(workspace: Workspace) -> int:
    with workspace.reading() as session:
        return session.query(Action).count()


@pytest.fixture
def edited_package(demo_package: Path, tmp_path: Path) -> Path:
    """Status changed in the dropdown, a date typed as text, a row deleted, a row added."""
    workbook = openpyxl.load_workbook(demo_package)
    sheet = workbook["Acties"]
    status = sheet.cell(row=2, column=_column("Status"))
    status.value = NEW_STATUS.label if status.value != NEW_STATUS.label else "open"
    sheet.cell(row=3, column=_column("Termijn")).value = "3-1-2018"
    sheet.delete_rows(4)
    new_row = sheet.max_row + 1
    sheet.cell(row=new_row, column=_column("Titel")).value = NEW_TITLE
    sheet.cell(row=new_row, column=_column("Status")).value = "open"
    edited = tmp_path / "bewerkt.xlsx"
    workbook.save(edited)
    return edited


def test_preview_lists_each_edit_a_person_made(
    demo_workspace: Workspace, edited_package: Path
) -> None:
    preview = preview_import(demo_workspace, edited_package)
    actions = _actions(preview)

    assert [change.label for change in actions.added] == [NEW_TITLE]
    assert len(actions.changed) == 2  # the status and the date
    assert len(actions.removed) == 1
    date_warning = [
        p for p in preview.problems if p.severity is Severity.WARNING and p.cell == "Acties!G3"
    ]
    assert date_warning and "03-01-2018" in date_warning[0].message
    assert any("met de hand bewerkt" in p.message for p in preview.problems)


def test_a_removal_is_never_applied_without_consent(
    demo_workspace: Workspace, edited_package: Path
) -> None:
    before = _count(demo_workspace)
    preview = preview_import(demo_workspace, edited_package)
    with pytest.raises(RemovalsNotAllowedError, match=r"verwijdert 1 rij\(en\)"):
        apply_import(demo_workspace, preview)
    assert _count(demo_workspace) == before


def test_the_applied_edits_are_in_the_workspace(
    demo_workspace: Workspace, edited_package: Path
) -> None:
    before = _count(demo_workspace)
    preview = preview_import(demo_workspace, edited_package)
    # The row whose status was changed (row 2), not whichever change the preview lists first.
    sheet = openpyxl.load_workbook(edited_package)["Acties"]
    changed_id = str(sheet.cell(row=2, column=_column("ID")).value)
    new_status = ActionStatus.from_label(str(sheet.cell(row=2, column=_column("Status")).value))
    assert changed_id in {str(change.key) for change in _actions(preview).changed}
    removed_id = str(_actions(preview).removed[0].key)

    apply_import(demo_workspace, preview, allow_removals=True)

    with demo_workspace.reading() as session:
        new = session.query(Action).filter_by(title=NEW_TITLE).one()
        assert len(new.id) == 36 and new.plan_id  # a fresh UUID and the only plan
        assert session.get(Action, removed_id) is None
        changed = session.get(Action, changed_id)
        assert changed is not None and changed.status is new_status
    assert _count(demo_workspace) == before  # one removed, one added
