"""What a person sees when opening the package: safe text, real dates, dropdowns, protection."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl

from app.core.packages.export import export_package
from app.exchange.docgen import DOCUMENT, render_markdown
from app.exchange.schema import V1
from app.kernel.workspace import Workspace
from database.models import Action


def test_the_committed_package_format_document_is_up_to_date() -> None:
    assert DOCUMENT.read_text(encoding="utf-8") == render_markdown(), (
        "docs/package-format.md is verouderd: voer 'python -m app.exchange.docgen' uit."
    )


def test_the_package_reads_well_and_is_safe_in_a_spreadsheet(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    with demo_workspace.transaction() as session:
        action = session.query(Action).order_by(Action.created_at, Action.id).first()
        assert action is not None
        action.title = '=HYPERLINK("http://example.invalid")'
    path = tmp_path / "pakket.xlsx"
    export_package(demo_workspace, path, accept_findings=True)

    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames[0] == "Toelichting"
    assert workbook["Metadata"].sheet_state == "hidden"
    actions = workbook["Acties"]
    title = actions["C2"]
    assert title.data_type == "s" and title.value.startswith("=HYPERLINK")
    assert actions.freeze_panes == "A2"
    assert actions.protection.sheet
    assert actions["A2"].protection.locked  # the UUID column
    assert not actions["C2"].protection.locked  # what a person edits
    assert isinstance(actions["G2"].value, datetime)  # a real date cell
    assert "tbl_action" in actions.tables
    dropdowns = {str(dv.sqref): dv.formula1 for dv in actions.data_validations.dataValidation}
    last_row = actions.max_row
    assert dropdowns[f"H2:H{last_row + 1000}"] == '"open,lopend,gereed,vervallen"'


def test_every_dropdown_fits_excels_limit() -> None:
    for sheet in V1.sheets:
        for column in sheet.columns:
            assert len(",".join(column.allowed_values)) <= 255
