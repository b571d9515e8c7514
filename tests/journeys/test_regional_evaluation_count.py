"""The RSIV's Evaluatie: the count above the table and the rows in it tell the same story.

The nine demo gemeenten have each written a draft evaluation (answers, no date yet); two
have held theirs. The screen said "9 van de 9 gemeenten hebben een evaluatie aangeleverd"
above nine rows saying "nog niet"; the PDF for the RBO counted the same way.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from app.kernel.workspace import Workspace
from database.models import Evaluation, Municipality
from tests.journeys.user import go_to, visible

HELD = {"Gouda": date.today() - timedelta(days=20), "Delft": date.today() - timedelta(days=3)}


def hold_evaluations(workspace: Workspace) -> None:
    """What merging the packages of two gemeenten that held their evaluation brings in."""
    with workspace.transaction() as session:
        for name, day in HELD.items():
            owner = select(Municipality.id).where(Municipality.name == name).scalar_subquery()
            session.execute(
                update(Evaluation)
                .where(Evaluation.municipality_id == owner)
                .values(evaluated_on=day)
            )


def test_the_count_and_the_rows_come_from_the_same_answer(
    qtbot: QtBot, make_window: object, rsiv_nine: Workspace, tmp_path: Path
) -> None:
    hold_evaluations(rsiv_nine)
    window = make_window(rsiv_nine)  # type: ignore[operator]
    page = go_to(qtbot, window, "Evaluatie")
    table = visible(page, QTableWidget, "regionalEvaluation")
    assert isinstance(table, QTableWidget)
    qtbot.waitUntil(lambda: table.rowCount() == 9, timeout=60000)

    shown = {table.item(row, 0).text(): table.item(row, 1).text() for row in range(9)}
    assert {name: text for name, text in shown.items() if text != "nog niet"} == {
        name: f"{day:%d-%m-%Y}" for name, day in HELD.items()
    }
    [count] = [
        label.text()
        for label in page.findChildren(QLabel)
        if "hebben een evaluatie aangeleverd" in label.text()
    ]
    assert count.startswith("2 van de 9 gemeenten")


def test_the_pdf_for_the_rbo_counts_the_same(rsiv_nine: Workspace, tmp_path: Path) -> None:
    if rsiv_nine.path is None or shutil.which("pdftotext") is None:
        pytest.skip("the command line works on the file store; pdftotext reads the PDF")
    hold_evaluations(rsiv_nine)
    rsiv_nine.engine.dispose()  # the write-ahead log into the file before it is copied
    copy = tmp_path / "rsiv-kopie.db"
    shutil.copy(rsiv_nine.path, copy)
    pdf = tmp_path / "regionaal.pdf"
    made = subprocess.run(
        [sys.executable, "-m", "app", "evaluation", "--db", str(copy), "--out", str(pdf)],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=600,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    text = " ".join(pages.stdout.split())
    assert "2 van de 9 gemeenten hebben een evaluatie" in text
    missing = text.split("Nog geen evaluatie:")[1].split(".")[0]
    assert "Gouda" not in missing and "Delft" not in missing and "Westland" in missing
    # Each gemeente's own paragraph says the same: a held date, or that there is only a draft.
    assert f"Geëvalueerd op {HELD['Gouda']:%d-%m-%Y}" in text
    westland = text.split("Westland")[-1]
    assert "Nog geen evaluatie gehouden (concept)" in westland
    assert "Geëvalueerd op —" not in text


def test_an_evaluation_dated_ahead_is_not_yet_held(rsiv_nine: Workspace) -> None:
    from app.core.region.evaluation import regional_evaluation

    with rsiv_nine.transaction() as session:
        session.execute(update(Evaluation).values(evaluated_on=date.today() + timedelta(days=30)))
    regional = regional_evaluation(rsiv_nine, date.today())
    assert regional.evaluated == ()
    assert all(row.evaluated_on is None for row in regional.rows)
