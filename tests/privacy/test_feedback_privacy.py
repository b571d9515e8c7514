"""The RSIV's return package is scanned too: on the way out and on the way in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.core.feedback.export import export_feedback
from app.core.feedback.suggestions import add_suggestion
from app.kernel.errors import UserError
from app.kernel.workspace import create_workspace
from database.enums import WorkspaceRole

GOUDA = "GM0513"
WERKGROEP = date(2018, 3, 15)


def test_a_bsn_in_a_suggestion_refuses_the_return_package_and_a_phone_is_shown(
    tmp_path: Path,
) -> None:
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION) as rsiv:
        add_suggestion(rsiv, GOUDA, WERKGROEP, "Bel de wijkagent op 06-12345678.")
        made = export_feedback(rsiv, GOUDA, tmp_path / "terug.xlsx")
        assert [f.what for f in made.findings] == ["telefoonnummer"]
        assert "Suggestie voor de werkgroep van 15-03-2018, veld Suggestie" in (
            made.findings[0].sentence
        )
        add_suggestion(rsiv, GOUDA, WERKGROEP, "Melder met BSN 111 222 333.")
        with pytest.raises(UserError, match="er staat een BSN in"):
            export_feedback(rsiv, GOUDA, tmp_path / "terug-2.xlsx")
    assert not (tmp_path / "terug-2.xlsx").exists()


def test_a_return_package_with_a_bsn_is_not_read_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "terug.xlsx"
    # An RSIV on an older version of the program, which did not scan its return package.
    monkeypatch.setattr("app.core.feedback.export.refuse_blocking", lambda *args: None)
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION) as rsiv:
        add_suggestion(rsiv, GOUDA, WERKGROEP, "Bel de wijkagent over BSN 111.222.333.")
        export_feedback(rsiv, GOUDA, path)
    database = tmp_path / "gouda.db"
    create_workspace(database, WorkspaceRole.MUNICIPALITY, GOUDA).close()

    assert main(["feedback-import", "--db", str(database), str(path)]) == 1
    refusal = capsys.readouterr().err
    assert "terug.xlsx is niet ingelezen: er staat een BSN in" in refusal
    assert "Suggestie voor de werkgroep van 15-03-2018, veld Suggestie" in refusal


def test_a_return_package_with_other_findings_is_read_in_only_when_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "terug.xlsx"
    with create_workspace(tmp_path / "rsiv.db", WorkspaceRole.REGION) as rsiv:
        add_suggestion(rsiv, GOUDA, WERKGROEP, "Bel de wijkagent op 06-12345678.")
        export_feedback(rsiv, GOUDA, path)
    database = tmp_path / "gouda.db"
    create_workspace(database, WorkspaceRole.MUNICIPALITY, GOUDA).close()
    capsys.readouterr()

    assert main(["feedback-import", "--db", str(database), str(path)]) == 1
    refusal = capsys.readouterr().err
    assert "telefoonnummer '06-12345678'" in refusal and "er is niets ingelezen" in refusal
    assert main(["feedback-import", "--db", str(database), str(path), "--accept-findings"]) == 0
