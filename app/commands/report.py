"""`report`: the werkgroep report or the RBO summary of the RSIV workspace, as PDF or Excel.

Runs headless (matplotlib's PDF backend, no Qt); the services are imported in the handler, so
starting the window loads none of them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.arguments import peildatum
from app.kernel.server_address import workspace_address


def register(subparsers: argparse._SubParsersAction) -> None:
    report = subparsers.add_parser(
        "report",
        help="maak de rapportage voor de werkgroep of het RBO (.pdf of .xlsx) uit de "
        "RSIV-werkruimte",
    )
    report.add_argument(
        "--db", type=workspace_address, required=True, help="pad naar de RSIV-werkruimte (.db)"
    )
    report.add_argument(
        "--out", type=Path, required=True, help="het bestand dat wordt gemaakt: .pdf of .xlsx"
    )
    report.add_argument(
        "--kind",
        choices=("werkgroep", "rbo"),
        default="werkgroep",
        help="werkgroep: met een pagina per gemeente (standaard); rbo: de korte samenvatting",
    )
    report.add_argument(
        "--peildatum",
        type=peildatum,
        metavar="DD-MM-JJJJ",
        help="de dag waarop de stand wordt opgemaakt (standaard vandaag)",
    )
    report.set_defaults(func=_report)


def _report(args: argparse.Namespace) -> int:
    from app.core.region.report_content import ReportKind, report_content
    from app.kernel.workspace import open_workspace
    from app.report import write_report

    kind = ReportKind(args.kind)
    with open_workspace(args.db) as workspace:
        content = report_content(workspace, kind, args.peildatum)
    path = write_report(content, args.out)
    overview = content.overview
    print(
        f"Rapportage gemaakt: {path} ({len(overview.included)} van {len(overview.standings)} "
        "gemeenten)."
    )
    if overview.missing:
        names = ", ".join(row.name for row in overview.missing)
        print(f"Ontbrekende gemeenten: {names}.")
    return 0
