"""`init`, `demo`, `dump`, `check` and `restore`: creating, filling, inspecting and restoring
workspaces.

Services are imported inside the handlers: `python -m app` without a subcommand must paint
its window before SQLAlchemy is loaded.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.arguments import peildatum
from app.kernel.server_address import workspace_address

if TYPE_CHECKING:
    from database.enums import WorkspaceRole


def register(subparsers: argparse._SubParsersAction) -> None:
    init = subparsers.add_parser("init", help="maak een nieuwe, lege werkruimte")
    _add_db(init)
    _add_role(init)
    init.add_argument(
        "--naam", help="naam van de gemeente, nodig voor een code buiten de lijst (bijv. Amsterdam)"
    )
    init.add_argument(
        "--gemeenten",
        nargs="+",
        metavar="CODE[=NAAM]",
        help="alleen bij --rsiv: de gemeenten van de regio (standaard de tien van eenheid Den "
        "Haag), bijvoorbeeld GM0363=Amsterdam GM0362=Amstelveen",
    )
    init.add_argument(
        "--bijdrager",
        action="store_true",
        help="alleen bij --gemeente: een gemeente die niet deelneemt maar goede voorbeelden "
        "deelt, zoals Leiden (GM0546)",
    )
    init.set_defaults(func=_init)

    region = subparsers.add_parser(
        "regio", help="toon of wijzig de gemeenten van de regio (RSIV-werkruimte)"
    )
    _add_db(region)
    region.add_argument(
        "--gemeenten", nargs="+", metavar="CODE[=NAAM]", help="de nieuwe set gemeenten"
    )
    region.set_defaults(func=_region)

    demo = subparsers.add_parser("demo", help="maak een werkruimte met demogegevens")
    _add_db(demo)
    _add_role(demo)
    demo.add_argument("--seed", type=int, default=2017, help="startwaarde (standaard 2017)")
    demo.add_argument(
        "--peildatum",
        type=peildatum,
        metavar="DD-MM-JJJJ",
        help="de dag waarop het demoplan in zijn tiende maand is (standaard vandaag)",
    )
    demo.add_argument(
        "--gemeenten",
        type=int,
        metavar="AANTAL",
        help="alleen bij --rsiv: een gegenereerde regio van zoveel voorbeeldgemeenten "
        "(GM9001 en verder; standaard de negen deelnemers van eenheid Den Haag)",
    )
    demo.set_defaults(func=_demo)

    dump = subparsers.add_parser("dump", help="alle gegevens als JSON (voor controles)")
    _add_db(dump)
    dump.set_defaults(func=_dump)

    check = subparsers.add_parser("check", help="controleer integriteit en schemaversie")
    _add_db(check)
    check.set_defaults(func=_check)

    restore = subparsers.add_parser(
        "restore", help="zet een reservekopie of herstelpunt terug (zonder --from: toon ze)"
    )
    _add_db(restore)
    restore.add_argument(
        "--from",
        dest="source",
        type=Path,
        metavar="BESTAND",
        help="de reservekopie (.db) of het herstelpunt (.pg.gz) uit de map backups",
    )
    restore.set_defaults(func=_restore)


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=workspace_address,
        required=True,
        help="het .db-bestand, of (RSIV) postgresql://gebruiker@server/db",
    )


def _add_role(parser: argparse.ArgumentParser) -> None:
    role = parser.add_mutually_exclusive_group(required=True)
    role.add_argument("--gemeente", metavar="CODE", help="CBS-code, bijvoorbeeld GM0513")
    role.add_argument("--rsiv", action="store_true", help="een regionale RSIV-werkruimte")


def _role(args: argparse.Namespace) -> WorkspaceRole:
    from database.enums import WorkspaceRole

    return WorkspaceRole.REGION if args.rsiv else WorkspaceRole.MUNICIPALITY


def _init(args: argparse.Namespace) -> int:
    from app.kernel.workspace import create_workspace

    if args.gemeenten and not args.rsiv:
        print("--gemeenten hoort bij --rsiv: alleen het RSIV kiest een regio.", file=sys.stderr)
        return 2
    if args.bijdrager and args.rsiv:
        print("--bijdrager hoort bij --gemeente: het RSIV is geen bijdrager.", file=sys.stderr)
        return 2
    region = _members(args.gemeenten) if args.gemeenten else None
    with create_workspace(
        args.db,
        _role(args),
        args.gemeente,
        name=args.naam,
        region=region,
        contributor=args.bijdrager,
    ) as workspace:
        print(f"Werkruimte gemaakt: {args.db} ({workspace.summary.display_name})")
    return 0


def _members(items: list[str]) -> list[tuple[str, str | None]]:
    """'GM0363=Amsterdam' or 'GM0513' as (code, name or None)."""
    pairs = [item.partition("=") for item in items]
    return [(code.strip(), name.strip() or None) for code, _, name in pairs]


def _region(args: argparse.Namespace) -> int:
    from app.core.region.members import region_members, set_region
    from app.kernel.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        if args.gemeenten:
            set_region(workspace, _members(args.gemeenten))
        members = region_members(workspace)
    print(f"Regio ({len(members)} gemeenten):")
    for member in members:
        print(f"- {member.name} ({member.cbs_code})")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from app.demo.gemeente import fill_demo
    from app.demo.generated import generated_region
    from app.demo.region import fill_regional_demo
    from app.kernel.workspace import create_workspace

    region = None
    if args.gemeenten is not None:
        if not args.rsiv:
            print("--gemeenten hoort bij --rsiv: alleen het RSIV heeft een regio.", file=sys.stderr)
            return 2
        region = [(member.cbs_code, member.name) for member in generated_region(args.gemeenten)]
    with create_workspace(
        args.db, _role(args), args.gemeente, is_demo=True, region=region
    ) as workspace:
        if args.rsiv:
            print("De demopakketten van de gemeenten worden gemaakt en samengevoegd…")
            fill_regional_demo(
                workspace,
                seed=args.seed,
                today=args.peildatum,
                on_gemeente=lambda name, done, total: print(
                    f"  {name} samengevoegd ({done} van {total})", flush=True
                ),
            )
        else:
            fill_demo(workspace, seed=args.seed, today=args.peildatum)
        print(f"Demowerkruimte gemaakt: {args.db} ({workspace.summary.display_name})")
    return 0


def _dump(args: argparse.Namespace) -> int:
    from app.core.inspection.dump import dump_workspace
    from app.kernel.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        json.dump(dump_workspace(workspace), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return 0


def _check(args: argparse.Namespace) -> int:
    from app.core.inspection.integrity import check_workspace_file

    report = check_workspace_file(args.db)
    for line in report.lines:
        print(line)
    if not report.ok:
        for problem in report.problems:
            print(f"Fout: {problem}", file=sys.stderr)
        return 1
    return 0


def _restore(args: argparse.Namespace) -> int:
    from app.kernel.backups import list_workspace_backups, restore_backup
    from app.kernel.moments import dutch_moment
    from app.kernel.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        if args.source is None:
            backups = list_workspace_backups(workspace)
            if not backups:
                print("Er zijn nog geen reservekopieën van deze werkruimte.")
            for backup in backups:
                print(f"{dutch_moment(backup.made_at)}  {backup.description}\n  {backup.path}")
            return 0
        safety = restore_backup(workspace, args.source)
    print(f"Teruggezet: {args.source.name}. De toestand van daarvoor staat in {safety}.")
    return 0
