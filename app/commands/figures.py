"""`figures` (import police figures) and `status` (what the Overzicht shows).

The services are imported when a command runs, so starting the window loads no pandas.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.kernel.server_address import workspace_address, workspace_file


def register(subparsers: argparse._SubParsersAction) -> None:
    figures = subparsers.add_parser(
        "figures",
        help="lees cijfers in: maandcijfers, losse incidenten of woningvoorraad (CSV of XLSX)",
    )
    figures.add_argument(
        "--db", type=workspace_file, required=True, help="pad naar het .db-bestand"
    )
    figures.add_argument("file", type=Path, metavar="BESTAND", help="het CSV- of XLSX-bestand")
    figures.set_defaults(func=_figures)

    status = subparsers.add_parser(
        "status", help="inbraakrisico, doelstellingen en verlopen acties in het kort"
    )
    status.add_argument(
        "--db",
        type=workspace_address,
        required=True,
        help="het .db-bestand, of (RSIV) postgresql://gebruiker@server/db",
    )
    status.add_argument("--json", action="store_true", help="als JSON, voor scripts")
    status.set_defaults(func=_status)


def _figures(args: argparse.Namespace) -> int:
    from app.core.figures.importing import import_figures
    from app.kernel.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        result = import_figures(workspace, args.file)
    print(result.message)
    return 0


def _status(args: argparse.Namespace) -> int:
    from app.core.overview.status import workspace_status
    from app.kernel.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        status = workspace_status(workspace)
    if args.json:
        json.dump(status.as_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print("\n".join(status.as_lines()))
    return 0
