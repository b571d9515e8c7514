"""What the Overzicht shows, for a terminal or a script: the 12-month rate and its change,
each goal's value and state, and the overdue actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.analysis.goals import GoalProgress
from app.analysis.numbers import dutch_number
from app.analysis.periods import month_label
from app.core.figures.figures import RateSummary, load_figures
from app.core.figures.open_data import SPLIT_UNKNOWN
from app.kernel.errors import UserError
from app.kernel.reference import municipality_id
from app.kernel.workspace import Workspace
from database.enums import ActionStatus
from database.models import Action


@dataclass(frozen=True)
class OverdueAction:
    id: str
    title: str
    owner: str
    due_date: date
    status: ActionStatus


@dataclass(frozen=True)
class WorkspaceStatus:
    place: str
    municipality_code: str
    rate: RateSummary
    goals: tuple[GoalProgress, ...]
    overdue_actions: tuple[OverdueAction, ...]
    today: date

    def as_lines(self) -> list[str]:
        """The status as Dutch lines of text, for a terminal."""
        rate = self.rate
        lines = [f"{self.place} ({self.municipality_code})"]
        if rate.rate is None or rate.month is None:
            lines.append(
                f"Inbraakrisico: nog niet te berekenen ({rate.months_with_counts} maanden met "
                "cijfers; nodig zijn 12 maanden en de woningvoorraad)."
            )
        else:
            completed = (
                f"zonder pogingen onbekend (CBS-cijfers: {SPLIT_UNKNOWN})"
                if rate.rate_completed is None and rate.split_unknown
                else f"{_number(rate.rate_completed)} zonder pogingen"
            )
            lines.append(
                f"Inbraakrisico (12 maanden t/m {month_label(rate.month)}): "
                f"{_number(rate.rate)} per 1.000 woningen incl. pogingen "
                f"({rate.burglaries} inbraken), {completed}."
            )
            if rate.change is not None and rate.change_percent is not None:
                lines.append(
                    f"Verandering t.o.v. {rate.baseline_year} ({_number(rate.baseline_rate)}): "
                    f"{_signed(rate.change)} ({_signed(rate.change_percent)}%)."
                )
            reference = f"Regionaal gemiddelde 2016: {_number(rate.regional_reference)}"
            if rate.national_rate is not None:
                reference += f"; landelijk {rate.national_year}: {_number(rate.national_rate)}"
            lines.append(reference + ".")
        lines.extend(_withheld_lines(rate))
        lines.append(f"Doelstellingen: {len(self.goals)}")
        for item in self.goals:
            value = (
                "nog geen meting"
                if item.current_value is None
                else f"nu {dutch_number(round(item.current_value, 1))} {item.goal.unit}"
            )
            lines.append(
                f"- {item.goal.title}: {value}, doel {dutch_number(item.goal.target_value)} op "
                f"{item.goal.deadline:%d-%m-%Y}: {item.state.label}"
            )
        lines.append(f"Verlopen acties: {len(self.overdue_actions)}")
        lines.extend(
            f"- {action.title} ({action.owner or 'geen actiehouder'}), termijn "
            f"{action.due_date:%d-%m-%Y}"
            for action in self.overdue_actions
        )
        return lines

    def as_dict(self) -> dict[str, object]:
        """Plain JSON values with stable English keys, for scripts."""
        rate = self.rate
        return {
            "municipality": {"code": self.municipality_code, "name": self.place},
            "today": self.today.isoformat(),
            "rate": {
                "month": rate.month.isoformat() if rate.month else None,
                "burglaries_12_months": rate.burglaries,
                "completed_12_months": rate.completed,
                "per_1000_dwellings": rate.rate,
                "completed_per_1000_dwellings": rate.rate_completed,
                "baseline_year": rate.baseline_year,
                "baseline_rate": rate.baseline_rate,
                "change": rate.change,
                "change_percent": rate.change_percent,
                "regional_reference": rate.regional_reference,
                "national_year": rate.national_year,
                "national_rate": rate.national_rate,
                "months_with_counts": rate.months_with_counts,
                "latest_month": rate.latest_month.isoformat() if rate.latest_month else None,
                "withheld_months_in_window": rate.withheld_months,
                "withheld_cells": rate.withheld_cells,
                "split_unknown": rate.split_unknown,
            },
            "goals": [
                {
                    "id": item.goal.id,
                    "title": item.goal.title,
                    "unit": item.goal.unit,
                    "baseline_value": item.goal.baseline_value,
                    "baseline_year": item.goal.baseline_year,
                    "target_value": item.goal.target_value,
                    "deadline": item.goal.deadline.isoformat(),
                    "measured_on": item.measured_on.isoformat() if item.measured_on else None,
                    "current_value": item.current_value,
                    "expected_value": item.expected_value,
                    "state": item.state.value,
                    "state_label": item.state.label,
                    "projected_value": item.projected_value,
                    "projection_meets_target": item.projection_meets_target,
                }
                for item in self.goals
            ],
            "overdue_actions": [
                {
                    "id": action.id,
                    "title": action.title,
                    "owner": action.owner,
                    "due_date": action.due_date.isoformat(),
                    "status": action.status.value,
                }
                for action in self.overdue_actions
            ],
        }


def workspace_status(workspace: Workspace, today: date | None = None) -> WorkspaceStatus:
    """The status of the workspace's own gemeente (the RSIV has none: use its overview)."""
    if not workspace.summary.municipality_code:
        raise UserError(
            "De status hoort bij één gemeente; dit is de regionale werkruimte van het RSIV. "
            "Open de werkruimte van een gemeente."
        )
    today = today or date.today()
    figures = load_figures(workspace)
    overdue = _overdue_actions(workspace, municipality_id(figures.municipality_code), today)
    return WorkspaceStatus(
        place=workspace.summary.display_name,
        municipality_code=figures.municipality_code,
        rate=figures.rate_summary(),
        goals=tuple(figures.goal_progress()),
        overdue_actions=overdue,
        today=today,
    )


def _overdue_actions(workspace: Workspace, owner: str, today: date) -> tuple[OverdueAction, ...]:
    """Past the due date and still open or in progress (the action list's own rule)."""
    statement = (
        select(Action.id, Action.title, Action.owner, Action.due_date, Action.status)
        .where(
            Action.municipality_id == owner,
            Action.due_date < today,
            Action.status.in_([ActionStatus.OPEN, ActionStatus.IN_PROGRESS]),
        )
        .order_by(Action.due_date, Action.title)
    )
    with workspace.reading() as session:
        return tuple(
            OverdueAction(action_id, title, action_owner, due_date, status)
            for action_id, title, action_owner, due_date, status in session.execute(statement)
            if due_date is not None  # never None (the comparison leaves NULL out)
        )


def _withheld_lines(rate: RateSummary) -> list[str]:
    """What CBS withheld: said wherever a rate is shown, so an unknown is never read as 0."""
    lines = []
    if rate.withheld_months and rate.latest_month:
        lines.append(
            f"Let op: CBS heeft {rate.withheld_months} van de 12 maanden t/m "
            f"{month_label(rate.latest_month)} achtergehouden (onbekend, niet 0); over dat "
            "venster is het inbraakrisico daarom onbekend."
        )
    if rate.withheld_cells:
        lines.append(
            f"Achtergehouden cellen in de CBS-cijfers: {rate.withheld_cells} (onbekend, niet 0)."
        )
    return lines


def _number(value: float | None) -> str:
    return "onbekend" if value is None else dutch_number(value, 1)


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + dutch_number(value, 1)
