"""The plan van aanpak as a document says which matrix cells are left empty on purpose, and
why, instead of counting them as gaps."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx

from app.core.matrix.empty_cells import mark_cell_empty
from app.kernel.workspace import create_workspace
from database.enums import InterventionKind, TargetGroup, WorkspaceRole

REASON = "repressief richt zich niet op slachtoffers"


def test_the_matrix_table_of_the_plan_names_the_reason(tmp_path: Path) -> None:
    database = tmp_path / "delft.db"
    with create_workspace(database, WorkspaceRole.MUNICIPALITY, "GM0503") as workspace:
        mark_cell_empty(workspace, TargetGroup.VICTIM_DWELLING, InterventionKind.REPRESSIVE, REASON)
    out = tmp_path / "plan.docx"
    made = subprocess.run(
        [sys.executable, "-m", "app", "plan-document", "--db", str(database), "--out", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "WONINGINBRAKEN_DATA_DIR": str(tmp_path / "data")},
        timeout=600,
        check=False,
    )
    assert made.returncode == 0, made.stderr

    matrix = next(
        table
        for table in docx.Document(str(out)).tables
        if table.rows[0].cells[0].text == "Doelgroep"
    )
    rows = {row.cells[0].text: [cell.text for cell in row.cells[1:]] for row in matrix.rows}
    victim = rows[TargetGroup.VICTIM_DWELLING.label]
    assert victim[1] == f"— (bewust leeg: {REASON})"
    assert victim[0] == "— (leeg)"
