"""A finding is never a dead end: a BSN from a wijkagent's form is redacted, then export works."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from app.cli import main
from app.core.course.revisions import freeze_revision
from app.core.hotspots.hotspot_list import list_hotspots
from app.kernel.workspace import Workspace
from tests.exchange.form_filling import ANSWERS, fill_form

BSN = "111 222 333"


def _form_with(database: Path, hotspot: str, folder: Path, offender: str) -> Path:
    blank = folder / f"formulier-{len(list(folder.iterdir()))}.xlsx"
    assert main(["form", "--db", str(database), "--hotspot", hotspot, "--out", str(blank)]) == 0
    answers = replace(ANSWERS, texts={**ANSWERS.texts, "1. Dader": offender})
    return fill_form(blank, blank.with_name(f"ingevuld-{blank.name}"), answers)


def _codes(listing: str) -> list[str]:
    return [line.split()[0] for line in listing.splitlines() if "BSN" in line and "  " in line]


def test_a_bsn_typed_into_a_form_and_corrected_can_be_redacted_and_the_export_then_succeeds(
    demo_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hotspot = list_hotspots(demo_workspace)[2]
    database = demo_workspace.path
    demo_workspace.close()
    forms = tmp_path / "formulieren"
    forms.mkdir()
    capsys.readouterr()

    # The BSN is shown before the form is accepted.
    first = _form_with(database, hotspot.id, forms, f"Verdachte heeft BSN {BSN}.")
    assert main(["import-form", "--db", str(database), str(first), "--dry-run"]) == 0
    shown = capsys.readouterr().err
    assert "BSN '111 222 333'" in shown and "1. Dader" in shown and hotspot.label in shown
    assert main(["import-form", "--db", str(database), str(first), "--accept"]) == 0
    # The wijkagent corrects the form: a new version; the old one keeps the BSN and travels.
    second = _form_with(database, hotspot.id, forms, "Verdachte onbekend.")
    assert "Let op: Probleemanalyse van hotspot" in capsys.readouterr().err  # on the new form
    assert main(["import-form", "--db", str(database), str(second), "--accept"]) == 0
    capsys.readouterr()

    package = tmp_path / "pakket.xlsx"
    assert main(["export", "--db", str(database), "--out", str(package), "--accept-findings"]) == 1
    refusal = capsys.readouterr().err
    assert f"Probleemanalyse van hotspot '{hotspot.label}', versie 1, veld Dader" in refusal
    assert "veld Dader" in refusal
    assert "python -m app redact --db" in refusal and not package.exists()

    command = refusal.split("Opdracht: ", 1)[1].split()
    assert command[:4] == ["python", "-m", "app", "redact"]
    finding = command[command.index("--finding") + 1]
    assert main(["redact", "--db", str(database), "--finding", finding]) == 0
    assert "Verwijderd: BSN" in capsys.readouterr().out

    assert main(["export", "--db", str(database), "--out", str(package), "--accept-findings"]) == 0
    assert package.exists()
    with sqlite3.connect(database) as connection:
        texts = [row[0] for row in connection.execute("SELECT offender FROM hotspot_analysis")]
        history = connection.execute("SELECT record, field, kind FROM privacy_redaction").fetchall()
    assert not any(BSN in text for text in texts)
    assert any(text == "Verdachte heeft BSN [verwijderd]." for text in texts)
    # The history says that and when, from which record and field; never what.
    assert len(history) == 1 and history[0][1:] == ("Dader", "BSN")
    assert BSN not in repr(history)


def test_a_bsn_in_a_plan_revision_can_be_redacted_from_the_findings_list(
    demo_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with demo_workspace.transaction() as session:
        session.connection().exec_driver_sql(
            "UPDATE measure SET description = 'Melder BSN 111.222.333' "
            "WHERE id = (SELECT min(id) FROM measure)"
        )
    freeze_revision(demo_workspace, "voor werkgroep maart")
    with demo_workspace.transaction() as session:
        session.connection().exec_driver_sql(
            "UPDATE measure SET description = 'Melder bekend' "
            "WHERE id = (SELECT min(id) FROM measure)"
        )
    database = demo_workspace.path
    demo_workspace.close()
    capsys.readouterr()

    assert main(["redact", "--db", str(database)]) == 0
    listing = capsys.readouterr().out
    assert "Planversie 'voor werkgroep maart': maatregel '" in listing
    [code] = _codes(listing)
    assert main(["redact", "--db", str(database), "--finding", code]) == 0
    assert main(["redact", "--db", str(database)]) == 0
    after = capsys.readouterr().out
    assert "De privacycontrole vindt niets." in after and "Eerder verwijderd op" in after
    package = tmp_path / "pakket.xlsx"
    assert main(["export", "--db", str(database), "--out", str(package)]) == 0


def test_an_unknown_finding_code_is_refused_with_what_to_do(
    demo_workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    database = demo_workspace.path
    demo_workspace.close()
    assert main(["redact", "--db", str(database), "--finding", "abcdef12"]) == 1
    assert "python -m app redact --db" in capsys.readouterr().err


def test_a_bsn_in_the_evaluation_refuses_its_pdf_and_says_how_to_remove_it(
    demo_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with demo_workspace.transaction() as session:
        session.connection().exec_driver_sql(
            "UPDATE evaluation SET summary = 'Melder BSN 111222333 tevreden.'"
        )
    database = demo_workspace.path
    demo_workspace.close()
    pdf = tmp_path / "evaluatie.pdf"
    capsys.readouterr()

    assert main(["evaluation", "--db", str(database), "--out", str(pdf)]) == 1
    refusal = capsys.readouterr().err
    assert "De evaluatie (PDF) is niet gemaakt: er staat een BSN in" in refusal
    assert not pdf.exists()
    finding = refusal.split("--finding ", 1)[1].split()[0]
    assert main(["redact", "--db", str(database), "--finding", finding]) == 0
    assert main(["evaluation", "--db", str(database), "--out", str(pdf)]) == 0
    assert pdf.exists()
