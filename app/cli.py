"""The command line: `python -m app` / `woninginbraken`.

Without a subcommand it opens the desktop app; subcommands call the same app/core services
the screens use. Errors are one Dutch line on stderr and a non-zero exit code.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence

from app import APP_NAME, __version__
from app.commands import evaluation as evaluation_commands
from app.commands import feedback as feedback_commands
from app.commands import figures as figures_commands
from app.commands import form as form_commands
from app.commands import package as package_commands
from app.commands import plan_document as plan_document_commands
from app.commands import privacy as privacy_commands
from app.commands import report as report_commands
from app.commands import workspace as workspace_commands
from app.commands.arguments import DutchArgumentParser
from app.kernel import paths
from app.kernel.errors import UserError
from app.kernel.server_address import workspace_address

# Each module adds its subcommands; listed explicitly so frozen builds include them.
COMMAND_MODULES = (
    workspace_commands,
    figures_commands,
    package_commands,
    form_commands,
    report_commands,
    evaluation_commands,
    feedback_commands,
    plan_document_commands,
    privacy_commands,
)


def build_parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="woninginbraken",
        description=f"{APP_NAME}: plan van aanpak woninginbraken per gemeente en voor het RSIV.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help="toon het versienummer en stop",
    )
    parser.add_argument(
        "--db",
        type=workspace_address,
        help="open deze werkruimte in het venster (een .db-bestand of een postgresql://-adres)",
    )
    parser.add_argument("--demo", action="store_true", help="open de demowerkruimte")
    parser.add_argument("--selftest", action="store_true", help="controleer of het programma werkt")
    subparsers = parser.add_subparsers(
        dest="command", metavar="opdracht", parser_class=DutchArgumentParser
    )
    for module in COMMAND_MODULES:
        module.register(subparsers)
    parser.command_names = frozenset(subparsers.choices)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = sys.argv[1:] if argv is None else list(argv)
    if garbled := next((arg for arg in arguments if _not_text(arg)), None):
        shown = garbled.encode("utf-8", "replace").decode("utf-8")[:40]
        parser.error(
            f"het argument '{shown}' bevat tekens die geen tekst zijn (geen UTF-8); "
            "typ het opnieuw of hernoem het bestand"
        )
    args = parser.parse_args(_db_after_command(parser, arguments))
    from app.kernel.crash_log import log_unraisable

    sys.unraisablehook = log_unraisable
    # matplotlib keeps its font cache in the data folder, set before anything imports it: not
    # in HOME, and not rebuilt in a fresh temporary folder on each start when HOME is read-only.
    if "MPLCONFIGDIR" not in os.environ:
        os.environ["MPLCONFIGDIR"] = _matplotlib_cache()
    try:
        if args.selftest:
            from app.selftest import run_selftest

            return run_selftest()
        if args.command is None:
            from app.ui.window.launch import run_desktop

            return run_desktop(db=args.db, demo=args.demo)
        code = int(args.func(args))
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers, not at exit
        return code
    except BrokenPipeError:
        return _reader_went_away()
    except UserError as error:
        print(f"Fout: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except Exception as error:  # the last line of defence: never a traceback for a user
        from app.kernel.crash_log import known_failure, unexpected_message

        print(f"Fout: {unexpected_message(error)}", file=sys.stderr)
        # A full disk or a damaged file is the user's to solve (exit 1); the rest is a bug.
        return 1 if known_failure(error) is not None else 70


def _not_text(argument: str) -> bool:
    """Bytes in argv that are no UTF-8 reach Python as lone surrogates (on Linux); the database
    and every writer refuse them later, halfway through the work."""
    try:
        argument.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _reader_went_away() -> int:
    """The program reading the output stopped (`dump | head`): no traceback at exit, and say so
    on stderr, which still reaches the terminal."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    print(
        "Gestopt: het programma dat de uitvoer las, las niet verder. "
        "Sla de uitvoer op in een bestand (> uitvoer.txt) om alles te krijgen.",
        file=sys.stderr,
    )
    return 1


def _db_after_command(parser: DutchArgumentParser, argv: Sequence[str]) -> list[str]:
    """`--db X opdracht ...` means the same as `opdracht --db X ...`: the top-level help shows
    --db (for the window), so people write it first; every subcommand has its own --db."""
    tokens = list(argv)
    commands = parser.command_names
    index = 0
    db: list[str] = []
    while index < len(tokens) and tokens[index] not in commands:
        if tokens[index] == "--db" and index + 1 < len(tokens):
            db = tokens[index : index + 2]
            del tokens[index : index + 2]
            continue
        if tokens[index].startswith("--db="):
            db = [tokens.pop(index)]
            continue
        index += 1
    if not db:
        return list(argv)
    if index == len(tokens):  # no subcommand: the window opens this workspace
        return tokens + db
    after = tokens[index + 1 :]
    if any(token == "--db" or token.startswith("--db=") for token in after):
        return list(argv)  # two --db's: let the parser say which one it takes
    return [*tokens[: index + 1], *db, *after]


def _matplotlib_cache() -> str:
    """The data folder's cache; a folder of its own in the temporary folder when the data
    folder may not be written (matplotlib would warn about it in English)."""
    folder = paths.data_dir() / "matplotlib"
    existing = folder
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if os.access(existing, os.W_OK):
        return str(folder)
    return tempfile.mkdtemp(prefix="woninginbraken-matplotlib-")


if __name__ == "__main__":
    sys.exit(main())
