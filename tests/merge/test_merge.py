"""Merging the gemeenten's packages in the RSIV workspace: order, refusals, replacement, notes."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.core.inspection.dump import dump_workspace
from app.core.inspection.integrity import check_workspace
from app.core.matrix.measures import delete_measure, measure_rows, update_measure
from app.core.packages.export import export_package
from app.core.packages.history import current_packages, import_history, source_of
from app.core.packages.importer import preview_import
from app.core.packages.merge import MergeRefusedError, apply_merge, merge_package, preview_merge
from app.core.region.notes import (
    add_measure_note,
    add_municipality_note,
    add_werkgroep_note,
    note_rows,
)
from app.exchange.problems import PackageRefusedError
from app.kernel.backups import list_backups, restore_backup
from app.kernel.errors import UserError
from app.kernel.reference import municipality_id, participants
from app.kernel.workspace import Workspace, create_workspace, open_workspace
from database.enums import PackageOutcome, WorkspaceRole
from tests.merge.conftest import (
    GOUDA,
    LEIDEN,
    DemoPackages,
    comparable_dump,
    merged_data,
    rows_of,
)

CODES = [reference.cbs_code for reference in participants()]
WERKGROEP_DAY = date(2018, 1, 18)


def _merge_all(workspace: Workspace, paths: list[Path]) -> None:
    for path in paths:
        outcome = merge_package(workspace, path)
        assert outcome.merged, outcome.refusal


def test_nine_packages_in_two_orders_give_the_same_dump(
    demo_packages: DemoPackages, new_rsiv: Callable[..., Workspace]
) -> None:
    assert len(CODES) == 9
    shuffled = CODES[:]
    random.Random(7).shuffle(shuffled)
    assert shuffled != CODES
    first, second = new_rsiv("eerst.db"), new_rsiv("tweede.db")

    _merge_all(first, demo_packages.in_order(CODES))
    _merge_all(second, demo_packages.in_order(list(reversed(shuffled))))

    dump = comparable_dump(first)
    assert dump == comparable_dump(second)
    assert {row["municipality_id"] for row in dump["plan"]} == {
        reference.id for reference in participants()
    }
    assert check_workspace(first).ok


def test_the_same_package_again_is_refused_and_changes_nothing(
    demo_packages: DemoPackages,
    new_rsiv: Callable[..., Workspace],
    capsys: pytest.CaptureFixture[str],
) -> None:
    rsiv = new_rsiv()
    _merge_all(rsiv, demo_packages.in_order(CODES))
    before = merged_data(rsiv)
    path = rsiv.path or rsiv.server
    assert path is not None
    rsiv.close()

    for code in CODES:
        assert main(["import", "--db", str(path), str(demo_packages.by_code[code])]) == 1
        error = capsys.readouterr().err
        assert "geweigerd" in error
        assert "al samengevoegd op" in error
        assert "volgnummer 6" in error  # after the five the demo sent for the werkgroepen

    with open_workspace(path) as reopened:
        assert merged_data(reopened) == before
        history = import_history(reopened)
    assert [entry.outcome for entry in history] == [PackageOutcome.MERGED] * 9 + [
        PackageOutcome.REFUSED
    ] * 9


def test_an_older_package_after_a_newer_one_is_refused_naming_both(
    demo_packages: DemoPackages, gouda_workspace: Workspace, new_rsiv: Callable[..., Workspace]
) -> None:
    older = demo_packages.by_code[GOUDA]
    newer = gouda_workspace.path.with_name("gouda-2.xlsx")
    export_package(gouda_workspace, newer, accept_findings=True)
    rsiv = new_rsiv()
    assert merge_package(rsiv, newer).merged
    before = merged_data(rsiv)

    outcome = merge_package(rsiv, older)

    assert not outcome.merged
    assert outcome.refusal is not None
    message = outcome.refusal.reason
    assert "ouder" in message
    # The demo sent five packages for the werkgroepen before today: these are its 6th and 7th.
    assert "volgnummer 6" in message and "volgnummer 7" in message
    assert "nieuwer" in message and "samengevoegd op" in message
    assert merged_data(rsiv) == before
    assert current_packages(rsiv)[GOUDA].sequence == 7


def test_a_newer_package_replaces_exactly_that_gemeente_and_the_notes_survive(
    demo_packages: DemoPackages, gouda_workspace: Workspace, new_rsiv: Callable[..., Workspace]
) -> None:
    rsiv = new_rsiv()
    _merge_all(rsiv, demo_packages.in_order(CODES))
    first_package = current_packages(rsiv)[GOUDA]
    measures = measure_rows(gouda_workspace)
    kept, renamed, removed = measures[0], measures[1], measures[2]
    notes = [
        add_municipality_note(rsiv, GOUDA, "Gouda loopt voor met de buurtpreventie.", "RSIV"),
        add_measure_note(rsiv, kept.id, "Goed voorbeeld voor de werkgroep.", "RSIV"),
        add_measure_note(rsiv, renamed.id, "Vragen naar de kosten.", "RSIV"),
        add_measure_note(rsiv, removed.id, "Waarom gestopt?", "RSIV"),
        add_werkgroep_note(rsiv, WERKGROEP_DAY, "Agenda: DDO.", "RSIV"),
    ]
    notes_before = note_rows(rsiv)
    before = merged_data(rsiv)

    update_measure(gouda_workspace, renamed.id, replace(renamed.data, title="Nieuwe titel"))
    delete_measure(gouda_workspace, removed.id)
    newer = gouda_workspace.path.with_name("gouda-2.xlsx")
    export_package(gouda_workspace, newer, accept_findings=True)

    preview = preview_merge(rsiv, newer)
    measure_kind = next(kind for kind in preview.kinds if kind.sheet.table == "measure")
    assert [change.label for change in measure_kind.changed] == ["Nieuwe titel"]
    assert [change.key for change in measure_kind.removed] == [removed.id]
    assert preview.previous == first_package
    entry = apply_merge(rsiv, preview)

    after = merged_data(rsiv)
    assert rows_of(after, GOUDA, other=True) == rows_of(before, GOUDA, other=True)
    assert rows_of(after, GOUDA) != rows_of(before, GOUDA)
    gouda_titles = {row["title"] for row in rows_of(after, GOUDA)["measure"]}
    assert "Nieuwe titel" in gouda_titles and removed.title not in gouda_titles
    for table in ("municipality", "national_reference", "rsiv_note"):
        assert after[table] == before[table], table
    notes_after = note_rows(rsiv)
    assert [note.id for note in notes_after] == notes
    assert [replace(note, orphaned=False) for note in notes_after] == [
        replace(note, orphaned=False) for note in notes_before
    ]
    assert [note.orphaned for note in notes_after] == [False, False, False, True, False]
    assert source_of(rsiv, "measure", renamed.id) == entry
    assert source_of(rsiv, "measure", kept.id) == first_package
    assert source_of(rsiv, "measure", removed.id) is None
    assert check_workspace(rsiv).ok


def test_a_package_from_a_gemeente_outside_the_project_is_refused(
    tmp_path: Path, new_rsiv: Callable[..., Workspace]
) -> None:
    package = leiden_package(tmp_path)
    rsiv = new_rsiv()
    before = merged_data(rsiv)

    with pytest.raises(MergeRefusedError, match=r"Leiden \(GM0546\) neemt niet deel"):
        preview_merge(rsiv, package)
    outcome = merge_package(rsiv, package)

    assert not outcome.merged
    assert merged_data(rsiv) == before
    (entry,) = import_history(rsiv)
    assert (entry.outcome, entry.municipality_code) == (PackageOutcome.REFUSED, LEIDEN)


def test_an_unreadable_file_is_refused_and_recorded(
    tmp_path: Path, new_rsiv: Callable[..., Workspace]
) -> None:
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"geen excel")
    rsiv = new_rsiv()

    outcome = merge_package(rsiv, broken)

    assert outcome.refusal is not None
    assert "1 fout" in outcome.refusal.reason
    (entry,) = import_history(rsiv)
    assert (entry.file_name, entry.export_id) == ("kapot.xlsx", None)


def test_a_folder_merges_every_package_and_the_command_reports_each(
    demo_packages: DemoPackages, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "rsiv.db"
    # A demo RSIV, as a real one refuses the demo packages.
    create_workspace(path, WorkspaceRole.REGION, is_demo=True).close()

    assert main(["import", "--db", str(path), "--dry-run", str(demo_packages.folder)]) == 0
    assert "Proefrun" in capsys.readouterr().out
    with open_workspace(path) as rsiv:
        assert import_history(rsiv) == []

    assert main(["import", "--db", str(path), str(demo_packages.folder)]) == 0
    out = capsys.readouterr().out
    assert out.count(": samengevoegd (") == 9
    assert "9 van 9 pakket(ten) samengevoegd; 0 geweigerd." in out

    again = [str(demo_packages.by_code[GOUDA]), str(demo_packages.by_code["GM0503"])]
    assert main(["import", "--db", str(path), *again]) == 1
    captured = capsys.readouterr()
    assert captured.err.count("geweigerd.") == 2
    assert main(["check", "--db", str(path)]) == 0


# A file's backups; a PostgreSQL workspace is backed up with pg_dump (docs/installatie-it.md).
@pytest.mark.parametrize("rsiv_store", ["sqlite"])
def test_every_merge_is_preceded_by_a_backup(
    demo_packages: DemoPackages, new_rsiv: Callable[..., Workspace]
) -> None:
    rsiv = new_rsiv()
    _merge_all(rsiv, demo_packages.in_order(CODES[:2]))

    backups = list_backups(rsiv.path)

    assert len(backups) == 2
    assert all(b.description.startswith("voor het samenvoegen van een pakket") for b in backups)
    assert {b.reason.split("_")[1] for b in backups} == set(CODES[:2])


def test_merging_several_packages_at_once_is_preceded_by_one_backup_of_the_state_before(
    demo_packages: DemoPackages, tmp_path: Path
) -> None:
    path = tmp_path / "rsiv.db"
    with create_workspace(path, WorkspaceRole.REGION, is_demo=True) as rsiv:
        before = dump_workspace(rsiv)
    files = [str(package) for package in demo_packages.in_order(CODES[:3])]

    assert main(["import", "--db", str(path), *files]) == 0

    backups = list_backups(path)
    assert [b.description for b in backups] == ["voor het samenvoegen van 3 pakketten"]
    with open_workspace(path) as rsiv:
        restore_backup(rsiv, backups[0].path)
        assert dump_workspace(rsiv) == before


def test_the_gemeente_import_and_the_merge_keep_to_their_own_workspaces(
    demo_packages: DemoPackages, tmp_path: Path, new_rsiv: Callable[..., Workspace]
) -> None:
    rsiv = new_rsiv()
    with pytest.raises(PackageRefusedError, match="RSIV-werkruimte"):
        preview_import(rsiv, demo_packages.by_code[GOUDA])
    with (
        create_workspace(tmp_path / "g.db", WorkspaceRole.MUNICIPALITY, GOUDA) as gemeente,
        pytest.raises(UserError, match="alleen in de RSIV-werkruimte"),
    ):
        preview_merge(gemeente, demo_packages.by_code[GOUDA])
    two = [str(demo_packages.by_code[code]) for code in CODES[:2]]
    assert main(["import", "--db", str(tmp_path / "g.db"), *two]) == 1


def leiden_package(folder: Path) -> Path:
    """A plain package of Leiden, not a bijdrager's: as a workspace that counts Leiden among the
    participants would write it (the app makes none; a bijdrager's package says so)."""
    path = folder / "leiden.db"
    create_workspace(path, WorkspaceRole.MUNICIPALITY, GOUDA).close()
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "UPDATE workspace_info SET municipality_id = ?", (municipality_id(LEIDEN),)
        )
        connection.execute(
            "UPDATE municipality SET is_participant = 1 WHERE id = ?", (municipality_id(LEIDEN),)
        )
    connection.close()
    package = folder / "pakket-leiden.xlsx"
    with open_workspace(path) as workspace:
        export_package(workspace, package)
    return package
