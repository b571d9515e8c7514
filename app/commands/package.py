"""`export` and `import`: the standard Excel package on the command line.

Refusals exit with 1 and list every problem on stderr; warnings go to stderr too. Services
are imported inside the handlers, so starting the window does not load openpyxl.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.kernel.server_address import workspace_address


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help="maak het uitwisselpakket (.xlsx) voor het RSIV")
    export.add_argument(
        "--db", type=workspace_address, required=True, help="pad naar het .db-bestand"
    )
    export.add_argument("--out", type=Path, required=True, help="het pakket dat wordt gemaakt")
    export.add_argument(
        "--accept-findings",
        action="store_true",
        help="exporteer ook als de privacycontrole iets vond (behalve een BSN)",
    )
    export.set_defaults(func=_export)

    package_import = subparsers.add_parser(
        "import",
        help="lees een uitwisselpakket (.xlsx) in; in de RSIV-werkruimte: voeg pakketten samen",
    )
    package_import.add_argument(
        "--db", type=workspace_address, required=True, help="pad naar het .db-bestand"
    )
    package_import.add_argument(
        "files",
        type=Path,
        nargs="+",
        metavar="PAKKET",
        help="het .xlsx-pakket; voor de RSIV-werkruimte ook meerdere pakketten of een map",
    )
    package_import.add_argument(
        "--dry-run", action="store_true", help="toon alleen wat er zou veranderen"
    )
    package_import.add_argument(
        "--accept-findings",
        action="store_true",
        help="lees ook in als de privacycontrole iets vond (nooit bij een BSN)",
    )
    package_import.add_argument(
        "--allow-removals",
        action="store_true",
        help="sta toe dat rijen die niet in het pakket staan worden verwijderd",
    )
    package_import.add_argument(
        "--overdracht",
        action="store_true",
        help="alleen RSIV: accepteer een pakket uit een nieuwe werkruimte van een gemeente "
        "(nieuwe laptop of projectleider); daarna gelden alleen pakketten van die werkruimte",
    )
    package_import.set_defaults(func=_import)


def _export(args: argparse.Namespace) -> int:
    from app.core.packages.export import export_package
    from app.kernel.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        result = export_package(workspace, args.out, accept_findings=args.accept_findings)
    for finding in result.accepted_findings:
        print(f"Let op: {finding.sentence}", file=sys.stderr)
    print(
        f"Pakket gemaakt: {result.path} (volgnummer {result.sequence}, {result.record_count} rijen)"
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    from app.commands.merge import merge_files
    from app.commands.preview_lines import FINDINGS_NOT_ACCEPTED, preview_summary
    from app.core.packages.importer import apply_import, preview_import
    from app.exchange.problems import PackageRefusedError
    from app.kernel.errors import UserError
    from app.kernel.workspace import open_workspace
    from database.enums import WorkspaceRole

    with open_workspace(args.db) as workspace:
        if workspace.summary.role is WorkspaceRole.REGION:
            return merge_files(
                workspace,
                args.files,
                dry_run=args.dry_run,
                accept_findings=args.accept_findings,
                accept_handover=args.overdracht,
            )
        if args.overdracht:
            print(
                "Fout: --overdracht hoort bij de RSIV-werkruimte: alleen het RSIV accepteert "
                "een nieuwe werkruimte van een gemeente. Lees het pakket in zonder --overdracht.",
                file=sys.stderr,
            )
            return 2
        if len(args.files) != 1 or args.files[0].is_dir():
            raise UserError(
                "Een gemeentewerkruimte leest één pakket tegelijk in; geef één .xlsx-bestand. "
                "Meerdere pakketten of een map samenvoegen doet de RSIV-werkruimte."
            )
        try:
            preview = preview_import(workspace, args.files[0])
        except PackageRefusedError as refusal:
            for problem in refusal.problems:
                print(problem.line(), file=sys.stderr)
            print("Het pakket is niet ingelezen; de werkruimte is niet gewijzigd.", file=sys.stderr)
            return 1
        for problem in preview.problems:
            print(problem.line(), file=sys.stderr)
        for line in preview_summary(preview):
            print(line)
        if args.dry_run:
            print("Proefrun: er is niets gewijzigd.")
            return 0
        if preview.privacy_warnings and not args.accept_findings:
            print(FINDINGS_NOT_ACCEPTED, file=sys.stderr)
            return 1
        apply_import(workspace, preview, allow_removals=args.allow_removals)
    print(f"Pakket ingelezen: {preview.change_count} wijziging(en) opgeslagen.")
    return 0
