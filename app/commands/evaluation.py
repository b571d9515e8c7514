"""`evaluation`: the 12-month evaluation as a Dutch PDF (A4 portrait), made headless.

In a gemeente workspace the gemeente's own evaluation; in the RSIV workspace the regional
evaluation for the RBO. Services are imported in the handler, so the window loads none.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.kernel.server_address import workspace_address


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "evaluation",
        help="maak de evaluatie als PDF: van de gemeente, of in de RSIV-werkruimte de "
        "regionale evaluatie voor het RBO",
    )
    command.add_argument(
        "--db", type=workspace_address, required=True, help="pad naar de werkruimte (.db)"
    )
    command.add_argument(
        "--out", type=Path, required=True, help="het PDF-bestand dat wordt gemaakt"
    )
    command.set_defaults(func=_evaluation)


def _evaluation(args: argparse.Namespace) -> int:
    from app.kernel.workspace import open_workspace
    from app.report.evaluation_export import write_evaluation

    with open_workspace(args.db) as workspace:
        path, what = write_evaluation(workspace, args.out)
    print(f"{what} gemaakt: {path}")
    return 0
