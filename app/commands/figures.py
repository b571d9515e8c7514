"""`figures` (import police figures) and `status` (what the Overzicht shows)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.analysis.charts.style import dutch_number
from app.analysis.periods import month_label
from app.core.figures_import import import_figures
from app.core.status import WorkspaceStatus, workspace_status
from app.core.workspace import open_workspace


def register(subparsers: argparse._SubParsersAction) -> None:
    figures = subparsers.add_parser(
        "figures",
        help="lees cijfers in: maandcijfers, losse incidenten of woningvoorraad (CSV of XLSX)",
    )
    figures.add_argument("--db", type=Path, required=True, help="pad naar het .db-bestand")
    figures.add_argument("file", type=Path, metavar="BESTAND", help="het CSV- of XLSX-bestand")
    figures.set_defaults(func=_figures)

    status = subparsers.add_parser(
        "status", help="inbraakrisico, doelstellingen en verlopen acties in het kort"
    )
    status.add_argument("--db", type=Path, required=True, help="pad naar het .db-bestand")
    status.add_argument("--json", action="store_true", help="als JSON, voor scripts")
    status.set_defaults(func=_status)


def _figures(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as workspace:
        result = import_figures(workspace, args.file)
    print(result.message)
    return 0


def _status(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as workspace:
        status = workspace_status(workspace)
    if args.json:
        json.dump(status.as_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print("\n".join(status_lines(status)))
    return 0


def status_lines(status: WorkspaceStatus) -> list[str]:
    """The status as Dutch lines of text."""
    rate = status.rate
    lines = [f"{status.place} ({status.municipality_code})"]
    if rate.rate is None or rate.month is None:
        lines.append(
            f"Inbraakrisico: nog niet te berekenen ({rate.months_with_counts} maanden met "
            "cijfers; nodig zijn 12 maanden en de woningvoorraad)."
        )
    else:
        lines.append(
            f"Inbraakrisico (12 maanden t/m {month_label(rate.month)}): "
            f"{_number(rate.rate)} per 1.000 woningen incl. pogingen "
            f"({rate.burglaries} inbraken), {_number(rate.rate_completed)} zonder pogingen."
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
    lines.append(f"Doelstellingen: {len(status.goals)}")
    for item in status.goals:
        value = (
            "nog geen meting"
            if item.current_value is None
            else f"nu {dutch_number(round(item.current_value, 1))} {item.goal.unit}"
        )
        lines.append(
            f"- {item.goal.title}: {value}, doel {dutch_number(item.goal.target_value)} op "
            f"{item.goal.deadline:%d-%m-%Y}: {item.state.label}"
        )
    lines.append(f"Verlopen acties: {len(status.overdue_actions)}")
    lines.extend(
        f"- {action.title} ({action.owner or 'geen eigenaar'}), uiterlijk "
        f"{action.due_date:%d-%m-%Y}"
        for action in status.overdue_actions
    )
    return lines


def _number(value: float | None) -> str:
    return "onbekend" if value is None else dutch_number(value, 1)


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + dutch_number(value, 1)
