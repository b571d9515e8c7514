"""The RSIV's notes and the provenance of merged records, through the services."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.packages.history import import_history, source_of
from app.core.packages.merge import MergeRefusedError, apply_merge, merge_package, preview_merge
from app.core.region.notes import (
    add_municipality_note,
    delete_note,
    edit_note,
    note_rows,
)
from app.kernel.errors import FieldError, UserError
from app.kernel.workspace import Workspace, create_workspace
from database.enums import PackageOutcome, WorkspaceRole
from tests.merge.conftest import GOUDA, DemoPackages, merged_data


def test_notes_are_written_edited_and_removed_only_in_the_rsiv_workspace(
    new_rsiv: Callable[..., Workspace], tmp_path: Path
) -> None:
    rsiv = new_rsiv()
    note = add_municipality_note(rsiv, GOUDA, "  Eerste indruk.  ", "coördinator")
    edit_note(rsiv, note, "Tweede indruk.")

    (row,) = note_rows(rsiv, GOUDA)
    assert (row.text, row.author, row.subject, row.orphaned) == (
        "Tweede indruk.",
        "coördinator",
        "Gouda",
        False,
    )
    assert note_rows(rsiv, "GM0503") == []
    with pytest.raises(FieldError, match="zonder tekst"):
        add_municipality_note(rsiv, GOUDA, "   ")
    delete_note(rsiv, note)
    assert note_rows(rsiv) == []
    with (
        create_workspace(tmp_path / "g.db", WorkspaceRole.MUNICIPALITY, GOUDA) as gemeente,
        pytest.raises(UserError, match=r"Notities van het RSIV .* horen in de RSIV-werkruimte"),
    ):
        add_municipality_note(gemeente, GOUDA, "Hier niet.")


def test_every_merged_record_knows_its_package(
    demo_packages: DemoPackages, new_rsiv: Callable[..., Workspace]
) -> None:
    rsiv = new_rsiv()
    entry = merge_package(rsiv, demo_packages.by_code[GOUDA]).entry
    assert entry is not None
    dump = merged_data(rsiv)
    link = dump["measure_hot_item"][0]

    assert source_of(rsiv, "measure", dump["measure"][0]["id"]) == entry
    assert source_of(rsiv, "measure_hot_item", (link["measure_id"], link["hot_item_id"])) == entry
    assert source_of(rsiv, "measure", "00000000-0000-4000-8000-000000000000") is None


def test_a_preview_overtaken_by_the_same_package_is_refused_at_apply(
    demo_packages: DemoPackages, new_rsiv: Callable[..., Workspace]
) -> None:
    rsiv = new_rsiv()
    stale = preview_merge(rsiv, demo_packages.by_code[GOUDA])
    apply_merge(rsiv, preview_merge(rsiv, demo_packages.by_code[GOUDA]))
    before = merged_data(rsiv)

    with pytest.raises(MergeRefusedError, match="al samengevoegd"):
        apply_merge(rsiv, stale)

    assert merged_data(rsiv) == before
    assert [entry.outcome for entry in import_history(rsiv)] == [PackageOutcome.MERGED]
