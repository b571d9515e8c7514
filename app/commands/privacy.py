"""`redact`: list the privacy findings of a gemeente workspace and replace them by [verwijderd].

Without --finding it lists every finding with its code and the removals so far; with one or
more --finding codes it replaces those findings, so no finding is ever a dead end.
"""

from __future__ import annotations

import argparse

from app.kernel.server_address import workspace_file


def register(subparsers: argparse._SubParsersAction) -> None:
    redact = subparsers.add_parser(
        "redact",
        help="toon de vondsten van de privacycontrole of vervang er een door [verwijderd]",
    )
    redact.add_argument("--db", type=workspace_file, required=True, help="pad naar het .db-bestand")
    redact.add_argument(
        "--finding",
        action="append",
        default=[],
        metavar="CODE",
        help="de code van een vondst uit de lijst; mag vaker worden gegeven",
    )
    redact.set_defaults(func=_redact)


def _redact(args: argparse.Namespace) -> int:
    from app.core.privacy.redaction import findings, redact, redaction_history
    from app.kernel.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        if args.finding:
            for row in redact(workspace, args.finding):
                print(f"Verwijderd: {row.kind} uit {row.record}, veld {row.field}.")
            print("Het pakket kan opnieuw worden gemaakt als er geen BSN meer is gevonden.")
            return 0
        found = findings(workspace)
        history = redaction_history(workspace)
    for finding in found:
        print(f"{finding.key}  {finding.sentence}")
    if not found:
        print("De privacycontrole vindt niets.")
    else:
        print(
            f"{len(found)} vondst(en). Vervang een vondst door [verwijderd] met: "
            f'python -m app redact --db "{args.db}" --finding CODE'
        )
    for row in history:
        moment = row.redacted_at.astimezone().strftime("%d-%m-%Y %H:%M")
        print(f"Eerder verwijderd op {moment}: {row.kind} uit {row.record}, veld {row.field}.")
    return 0
