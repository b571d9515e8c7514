"""What a user types is refused at the field when it would not fit in the package, instead of
being saved and then stopping the export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from app.core.actions.actions import ActionInput, validate_action
from app.core.matrix.measures import MeasureInput, validate_measure
from app.core.meetings.meetings import MeetingInput, validate_decision, validate_meeting
from app.exchange.versions import CURRENT
from app.kernel.errors import FieldError
from database.enums import InterventionKind, MeetingTier, TargetGroup


def _limit(table: str, field: str) -> int:
    [sheet] = [sheet for sheet in CURRENT.sheets if sheet.table == table]
    [column] = [column for column in sheet.columns if column.field == field]
    assert column.max_length is not None
    return column.max_length


def _meeting(**texts: str) -> MeetingInput:
    return MeetingInput(MeetingTier.OPERATIONAL, "Operationeel overleg", date(2018, 3, 1), **texts)


CASES: list[tuple[str, str, Callable[[str], object]]] = [
    ("meeting", "location", lambda text: validate_meeting(_meeting(location=text))),
    ("meeting", "participants", lambda text: validate_meeting(_meeting(participants=text))),
    ("meeting", "agenda", lambda text: validate_meeting(_meeting(agenda=text))),
    ("meeting", "minutes", lambda text: validate_meeting(_meeting(minutes=text))),
    ("decision", "text", validate_decision),
    (
        "measure",
        "description",
        lambda text: validate_measure(
            MeasureInput("Top-X", TargetGroup.OFFENDER, InterventionKind.REPRESSIVE, text)
        ),
    ),
    (
        "action",
        "description",
        lambda text: validate_action(ActionInput("Bellen", description=text)),
    ),
]


@pytest.mark.parametrize(("table", "field", "check"), CASES)
def test_a_text_longer_than_the_package_allows_is_refused_at_its_field(
    table: str, field: str, check: Callable[[str], object]
) -> None:
    limit = _limit(table, field)
    check("x" * limit)  # exactly the limit fits
    with pytest.raises(FieldError) as refused:
        check("x" * (limit + 1))
    assert refused.value.field == ("decision" if table == "decision" else field)
    assert "het maximum is" in str(refused.value)
