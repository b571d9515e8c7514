"""What each table of the regional screen shows, column by column, in Dutch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.report import wording
from app.ui.widgets.rows_model import Column

if TYPE_CHECKING:
    from app.core.region.overview import MatrixCellKey, MunicipalityStanding

ALERT = "#b00020"
WARNING = "#a86400"


def _tr(text: str) -> str:
    return QCoreApplication.translate("RegionPage", text)


def _rate_colour(row: MunicipalityStanding) -> str | None:
    if not row.has_package:
        return ALERT
    above = row.rate.above_regional if row.rate else None
    return ALERT if above else None


def _in_colour(row: MunicipalityStanding) -> str | None:
    if not row.has_package:
        return ALERT
    return None if row.in_for_next else WARNING


def standing_columns() -> list[Column]:
    return [
        Column(_tr("Gemeente"), lambda r: r.name),
        Column(
            _tr("Risico"),
            lambda r: wording.rate_text(r.rate.rate if r.rate else None),
            _rate_colour,
            numeric=True,
        ),
        Column(_tr("t.o.v. 2016"), wording.change_text, numeric=True),
        Column(
            _tr("Doelen koers/risico/achter"),
            lambda r: wording.goal_counts(r) if r.has_package else wording.NOT_KNOWN,
        ),
        Column(
            _tr("Maatregelen"),
            lambda r: str(r.measures) if r.has_package else wording.NOT_KNOWN,
            numeric=True,
        ),
        Column(
            _tr("Lege cellen"),
            lambda r: str(len(r.matrix_gaps)) if r.has_package else wording.NOT_KNOWN,
            numeric=True,
        ),
        Column(
            _tr("Acties open/te laat/gereed"),
            lambda r: (
                f"{r.actions.open} / {r.actions.overdue} / {r.actions.done}"
                if r.has_package
                else wording.NOT_KNOWN
            ),
        ),
        Column(
            _tr("Extra kosten"),
            lambda r: wording.euros(r.extra_cost_eur) if r.has_package else wording.NOT_KNOWN,
            numeric=True,
        ),
        Column(_tr("Pakket"), lambda r: wording.short_date(r.package_date)),
        Column(_tr("Binnen"), wording.in_text, _in_colour),
    ]


def matrix_columns(cells: tuple[MatrixCellKey, ...]) -> list[Column]:
    def count_text(index: int) -> Column:
        group, kind = cells[index]

        def text(r: MunicipalityStanding) -> str:
            if r.matrix_counts[index]:
                return str(r.matrix_counts[index])
            return _tr("bewust leeg") if r.empty_reason(cells[index]) else _tr("leeg")

        def tooltip(r: MunicipalityStanding) -> str:
            reason = r.empty_reason(cells[index])
            if reason and not r.matrix_counts[index]:
                return _tr("Bewust leeg: {reason}").format(reason=reason)
            return text(r)

        return Column(
            f"{group.label}\n{kind.label}",
            text,
            lambda r: None if r.matrix_counts[index] or r.empty_reason(cells[index]) else ALERT,
            numeric=True,
            tooltip=tooltip,
        )

    return [
        Column(_tr("Gemeente"), lambda r: r.name),
        *(count_text(index) for index in range(len(cells))),
    ]


def _names(names: tuple[str, ...]) -> str:
    return ", ".join(names) if names else wording.NOT_KNOWN


def practice_columns() -> list[Column]:
    return [
        Column(_tr("Maatregel"), lambda p: p.title),
        Column(
            _tr("Doelgroep / aard"),
            lambda p: f"{p.target_group.label} / {p.intervention.label}",
        ),
        Column(_tr("Aantal gemeenten"), lambda p: str(len(p.gemeenten)), numeric=True),
        Column(_tr("Geborgd in regulier werk"), lambda p: _names(p.embedded_in)),
        Column(_tr("Loopt in gemeenten met dalend risico"), lambda p: _names(p.falling_rate_in)),
        Column(_tr("Voorbeeld van bijdrager"), lambda p: _names(p.contributed_by)),
    ]
