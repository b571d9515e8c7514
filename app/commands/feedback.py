"""`feedback-export` and `feedback-import`: the RSIV's return package to a gemeente.

Services are imported inside the handlers, so starting the window loads no Excel library.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.kernel.server_address import workspace_address


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser(
        "feedback-export",
        help="maak de terugkoppeling (.xlsx) voor een gemeente uit de RSIV-werkruimte",
    )
    export.add_argument(
        "--db", type=workspace_address, required=True, help="pad naar de RSIV-werkruimte (.db)"
    )
    export.add_argument(
        "--gemeente",
        metavar="CODE",
        help="CBS-code van de gemeente, bijvoorbeeld GM0513; zonder: alle deelnemers in een map",
    )
    export.add_argument(
        "--out",
        type=Path,
        required=True,
        help="het .xlsx-bestand dat wordt gemaakt; zonder --gemeente: een bestaande map",
    )
    export.set_defaults(func=_export)

    feedback_import = subparsers.add_parser(
        "feedback-import",
        help="lees de terugkoppeling van het RSIV (.xlsx) in de werkruimte van de gemeente in",
    )
    feedback_import.add_argument(
        "--db",
        type=workspace_address,
        required=True,
        help="pad naar de werkruimte van de gemeente (.db)",
    )
    feedback_import.add_argument("file", type=Path, metavar="BESTAND", help="de terugkoppeling")
    feedback_import.add_argument(
        "--accept-findings",
        action="store_true",
        help="lees ook in als de privacycontrole iets vond (nooit bij een BSN)",
    )
    feedback_import.set_defaults(func=_import)


def _export(args: argparse.Namespace) -> int:
    from app.core.feedback.export import export_all_feedback, export_feedback
    from app.kernel.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        if args.gemeente:
            made = [export_feedback(workspace, args.gemeente, args.out)]
        else:
            made = export_all_feedback(workspace, args.out)
    for item in made:
        for finding in item.findings:
            print(f"Let op: {finding.sentence}", file=sys.stderr)
        print(
            f"Terugkoppeling gemaakt voor {item.municipality_name}: {item.path} "
            f"({item.suggestions} suggestie(s))."
        )
    return 0


def _import(args: argparse.Namespace) -> int:
    from app.core.feedback.importing import import_feedback
    from app.kernel.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        shown = import_feedback(workspace, args.file, accept_findings=args.accept_findings)
    werkgroep = f" na de werkgroep van {shown.werkgroep_on:%d-%m-%Y}" if shown.werkgroep_on else ""
    print(
        f"Terugkoppeling van het RSIV ingelezen{werkgroep}: {len(shown.suggestions)} "
        "suggestie(s) en de regionale vergelijking; het plan is niet gewijzigd."
    )
    return 0
