"""`plan-document` and `driehoek`: the plan van aanpak and the periodic report to the driehoek,
each as Word (.docx) or PDF by the name of the file, made headless.

Services are imported in the handlers, so the window loads none of them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.kernel.server_address import workspace_file


def register(subparsers: argparse._SubParsersAction) -> None:
    plan = subparsers.add_parser(
        "plan-document",
        help="maak het plan van aanpak van de gemeente als Word-bestand (.docx) of PDF",
    )
    _arguments(plan)
    plan.set_defaults(func=_plan_document)
    report = subparsers.add_parser(
        "driehoek",
        help="maak de voortgangsrapportage voor de driehoek (1 à 2 pagina's) als .docx of PDF",
    )
    _arguments(report)
    report.set_defaults(func=_driehoek)


def _arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--db", type=workspace_file, required=True, help="pad naar de werkruimte (.db)"
    )
    command.add_argument(
        "--out",
        type=Path,
        required=True,
        help="het bestand dat wordt gemaakt; de naam eindigt op .docx (Word) of .pdf",
    )


def _plan_document(args: argparse.Namespace) -> int:
    from app.kernel.workspace import open_workspace
    from app.report.document_export import checked_path, write_plan_document

    checked_path(args.out, "Het plan van aanpak")
    with open_workspace(args.db) as workspace:
        path = write_plan_document(workspace, args.out)
    print(f"Plan van aanpak gemaakt: {path}")
    return 0


def _driehoek(args: argparse.Namespace) -> int:
    from app.kernel.workspace import open_workspace
    from app.report.document_export import checked_path, write_driehoek_report

    checked_path(args.out, "De rapportage voor de driehoek")
    with open_workspace(args.db) as workspace:
        path = write_driehoek_report(workspace, args.out)
    print(f"Rapportage voor de driehoek gemaakt: {path}")
    return 0
