"""Every field limit has one source, the package schema: the form widgets, the core's
validators and the database tables all agree with it, field by field."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import String

from app.core.actions.actions import ActionInput, validate_action
from app.core.goals.goals import GoalDraft, checked_goal
from app.core.goals.measurements import MeasurementDraft, checked_measurement
from app.core.hotspots.hotspots import (
    AnalysisDraft,
    DeepAnalysisDraft,
    checked_analysis,
    checked_deep_analysis,
)
from app.core.matrix.empty_cells import checked_reason
from app.core.matrix.measures import MeasureInput, validate_measure
from app.core.meetings.meetings import MeetingInput, validate_meeting
from app.core.plan.partners import PartnerDraft, checked_partner
from app.core.plan.problem import BylawDraft, HotItemDraft, checked_bylaw, checked_hot_item
from app.core.progress.notes import ProgressDraft, checked_note
from app.exchange.field_rules import max_length
from app.exchange.schema import EXCEL_TEXT_LIMIT, Kind
from app.exchange.versions import CURRENT
from app.kernel.errors import FieldError
from app.ui.actions.action_form import ActionForm
from app.ui.goals.goal_form import GoalForm
from app.ui.hotspots.hotspot_forms import AnalysisForm, DeepAnalysisForm
from app.ui.matrix.measure_form import MeasureForm
from app.ui.meetings.meeting_form import MeetingForm
from app.ui.plan.partner_form import PartnerForm
from app.ui.plan.problem_forms import BylawForm, HotItemForm
from app.ui.progress.progress_form import ProgressForm
from app.ui.widgets.record_form import RecordForm
from database.enums import (
    GoalIndicator,
    HotKind,
    InterventionKind,
    MeetingTier,
    PartnerKind,
    TargetGroup,
)
from database.tables.base import metadata

# Each limited text the user types, with a draft to put it in and its check. A value of
# exactly the limit must pass, one character more is refused at that field.
Check = Callable[[str], object]
GOAL = GoalDraft("Minder", GoalIndicator.OTHER, "aantal", 10, 2016, 5, date(2019, 12, 31))
MEETING = MeetingInput(MeetingTier.OPERATIONAL, "Overleg", date(2018, 3, 1))
MEASURE = MeasureInput("Top-X", TargetGroup.OFFENDER, InterventionKind.REPRESSIVE)
VALIDATORS: dict[tuple[str, str], Check] = {
    ("action", "title"): lambda text: validate_action(ActionInput(title=text)),
    ("action", "owner"): lambda text: validate_action(ActionInput("Bellen", owner=text)),
    ("measure", "title"): lambda text: validate_measure(replace(MEASURE, title=text)),
    ("deliberately_empty_cell", "reason"): lambda text: checked_reason(
        TargetGroup.VICTIM_DWELLING, InterventionKind.REPRESSIVE, text
    ),
    ("meeting", "title"): lambda text: validate_meeting(replace(MEETING, title=text)),
    ("meeting", "location"): lambda text: validate_meeting(replace(MEETING, location=text)),
    ("goal", "title"): lambda text: checked_goal(replace(GOAL, title=text)),
    ("goal", "unit"): lambda text: checked_goal(replace(GOAL, unit=text)),
    ("goal", "owner"): lambda text: checked_goal(replace(GOAL, owner=text)),
    ("hot_item", "label"): lambda text: checked_hot_item(HotItemDraft(HotKind.HOTSPOT, text)),
    ("hot_item", "period"): lambda text: checked_hot_item(
        HotItemDraft(HotKind.HOTTIME, "Avond", period=text)
    ),
    ("hot_item", "neighbourhood_name"): lambda text: checked_hot_item(
        HotItemDraft(HotKind.HOTSPOT, "Beekdal", neighbourhood_name=text)
    ),
    ("hotspot_analysis", "author_name"): lambda text: checked_analysis(
        AnalysisDraft(author_name=text)
    ),
    ("hotspot_analysis", "author_role"): lambda text: checked_analysis(
        AnalysisDraft(author_role=text)
    ),
    ("deep_analysis_request", "requested_by"): lambda text: checked_deep_analysis(
        DeepAnalysisDraft(requested_on=date(2018, 3, 1), requested_by=text)
    ),
    ("bylaw_instrument", "name"): lambda text: checked_bylaw(BylawDraft(text)),
    ("partner", "name"): lambda text: checked_partner(PartnerDraft(text, PartnerKind.OTHER)),
    ("partner", "contact_name"): lambda text: checked_partner(
        PartnerDraft("Politie", PartnerKind.POLICE, contact_name=text)
    ),
    ("partner", "contact_email"): lambda text: checked_partner(
        PartnerDraft("Politie", PartnerKind.POLICE, contact_email=text[:-11] + "@politie.nl")
    ),
    ("goal_measurement", "source"): lambda text: checked_measurement(
        MeasurementDraft(date(2018, 3, 1), 5.0, source=text)
    ),
    ("progress_note", "author"): lambda text: checked_note(
        ProgressDraft(date(2026, 9, 1), date(2026, 10, 31), successes="Buurtavond", author=text)
    ),
    ("partner", "contact_phone"): lambda text: checked_partner(
        PartnerDraft("Politie", PartnerKind.POLICE, contact_phone="0" * len(text))
    ),
}
# Fields the user does not type: codes with their own format check, values the program
# writes, and fields of records that are only written by the program or a merge.
NOT_TYPED = {
    ("plan", "title"),
    ("plan", "project_lead"),
    ("hot_item", "neighbourhood_code"),
    ("goal", "neighbourhood_code"),
    ("measure", "catalogue_key"),
    ("neighbourhood", "code"),
    ("neighbourhood", "name"),
    ("dwelling_stock", "neighbourhood_code"),
    ("monthly_figure", "neighbourhood_code"),
    ("incident_count", "neighbourhood_code"),
    ("plan_revision", "name"),  # checked by freeze_revision, tested with the revisions
    ("plan_revision", "created_by"),
    # A wijkagent's proposals arrive through the returned form, whose reader checks them.
    ("proposed_measure", "title"),
    ("proposed_measure", "partner"),
}
FORMS: list[Callable[[], RecordForm]] = [
    lambda: ActionForm((), ()),
    lambda: MeasureForm((), ()),
    MeetingForm,
    GoalForm,
    lambda: HotItemForm(HotKind.HOTSPOT),
    lambda: HotItemForm(HotKind.HOTTIME),
    BylawForm,
    AnalysisForm,
    DeepAnalysisForm,
    PartnerForm,
    ProgressForm,
]


def _limited_columns() -> list[tuple[str, str, int]]:
    return [
        (sheet.table, column.field, column.max_length)
        for sheet in CURRENT.sheets
        for column in sheet.columns
        if column.kind in (Kind.TEXT, Kind.CODE)
        and column.max_length is not None
        and column.max_length < EXCEL_TEXT_LIMIT
    ]


def test_every_limited_text_is_either_checked_or_not_typed() -> None:
    declared = {(table, field) for table, field, _limit in _limited_columns()}
    assert declared == set(VALIDATORS) | NOT_TYPED


@pytest.mark.parametrize(("table", "field"), sorted(VALIDATORS))
def test_the_validator_allows_exactly_the_schema_length(table: str, field: str) -> None:
    limit = max_length(table, field)
    check = VALIDATORS[(table, field)]
    check("x" * limit)
    with pytest.raises(FieldError) as refused:
        check("x" * (limit + 1))
    assert refused.value.field == field


@pytest.mark.parametrize("make", FORMS)
def test_a_one_line_field_holds_what_the_schema_allows(
    qtbot: QtBot, make: Callable[[], RecordForm]
) -> None:
    form = make()
    qtbot.addWidget(form)
    assert form.table is not None
    checked = 0
    for table, field, limit in _limited_columns():
        if table != form.table:
            continue
        try:
            widget = form.field(field)
        except KeyError:
            continue
        if isinstance(widget, QLineEdit):
            assert widget.maxLength() == limit, f"{table}.{field}"
            checked += 1
    assert checked > 0


def test_the_tables_declare_the_schema_lengths() -> None:
    """The tables (frozen by their migrations) may only repeat the schema's numbers."""
    for table, field, limit in _limited_columns():
        column = metadata.tables[table].c.get(field)
        if column is not None and isinstance(column.type, String) and column.type.length:
            assert column.type.length == limit, f"{table}.{field}"
