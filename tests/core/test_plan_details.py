"""The plan's own fields: what is refused, and the Tijdlijn's driehoek milestone they end."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.core.course.timeline import late_milestones
from app.core.plan.details import PlanDetails, load_plan_details, save_plan_details
from app.core.validation import MAX_TEXT
from app.kernel.errors import FieldError
from app.kernel.workspace import Workspace, create_workspace
from database.enums import MilestoneKind, WorkspaceRole

TODAY = date(2018, 3, 1)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "w.db", WorkspaceRole.MUNICIPALITY, "GM0513") as opened:
        yield opened


def test_a_new_workspace_shows_the_title_the_plan_will_get(workspace: Workspace) -> None:
    assert load_plan_details(workspace) == PlanDetails("Plan van aanpak woninginbraken Gouda")


@pytest.mark.parametrize(
    ("details", "field"),
    [
        (PlanDetails(" "), "title"),
        (PlanDetails("Plan", budget="x" * (MAX_TEXT + 1)), "budget"),
        (PlanDetails("Plan", local_start=date(1917, 10, 1)), "local_start"),
    ],
)
def test_refusals_name_their_field_and_store_nothing(
    workspace: Workspace, details: PlanDetails, field: str
) -> None:
    with pytest.raises(FieldError) as refused:
        save_plan_details(workspace, details)
    assert refused.value.field == field
    assert load_plan_details(workspace).title == "Plan van aanpak woninginbraken Gouda"


def test_the_driehoek_commitment_is_kept_and_not_late(workspace: Workspace) -> None:
    # Nothing is late before the plan has a start.
    assert not late_milestones(workspace, TODAY)
    save_plan_details(
        workspace,
        PlanDetails(
            "Plan Gouda",
            local_start=date(2017, 6, 1),
            triangle_commitment=date(2017, 12, 14),
            triangle_assignment="Breng het risico onder 8.",
        ),
    )
    assert MilestoneKind.COMMITMENT not in [m.kind for m in late_milestones(workspace, TODAY)]
    assert load_plan_details(workspace).triangle_assignment == "Breng het risico onder 8."
