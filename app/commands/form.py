"""`form` and `import-form`: the wijkagent's hotspot-analysis form on the command line.

Services are imported inside the handlers, so starting the window loads neither openpyxl nor
pandas.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.kernel.server_address import workspace_file

if TYPE_CHECKING:
    from app.core.hotspots.analysis_forms import FormPreview


def register(subparsers: argparse._SubParsersAction) -> None:
    form = subparsers.add_parser(
        "form", help="maak het formulier (.xlsx) voor de probleemanalyse van een hotspot"
    )
    form.add_argument("--db", type=workspace_file, required=True, help="pad naar het .db-bestand")
    form.add_argument(
        "--hotspot",
        required=True,
        metavar="HOTSPOT",
        help="de naam of buurtcode van de hotspot (of het ID uit 'dump')",
    )
    form.add_argument("--out", type=Path, required=True, help="het formulier dat wordt gemaakt")
    form.set_defaults(func=_make)

    returned = subparsers.add_parser(
        "import-form", help="lees een ingevuld formulier van de wijkagent in"
    )
    returned.add_argument(
        "--db", type=workspace_file, required=True, help="pad naar het .db-bestand"
    )
    returned.add_argument("file", type=Path, metavar="FORMULIER", help="het ingevulde .xlsx")
    returned.add_argument(
        "--hotspot",
        metavar="HOTSPOT",
        help="weiger het formulier als het bij een andere hotspot hoort (naam of buurtcode)",
    )
    choice = returned.add_mutually_exclusive_group()
    choice.add_argument("--dry-run", action="store_true", help="toon alleen de verschillen")
    choice.add_argument("--accept", action="store_true", help="neem de antwoorden over als analyse")
    returned.set_defaults(func=_import)


def _make(args: argparse.Namespace) -> int:
    from app.core.hotspots.analysis_forms import find_hotspot, make_form
    from app.kernel.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        issued = make_form(workspace, find_hotspot(workspace, args.hotspot), args.out)
    for finding in issued.findings:
        print(f"Let op: {finding.sentence}", file=sys.stderr)
    print(
        f"Formulier gemaakt: {issued.path} (hotspot {issued.hotspot_label}, versie "
        f"{issued.form_version}). De analyse staat nu op 'verstuurd'."
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    from app.core.hotspots.analysis_forms import accept_form, find_hotspot, preview_form
    from app.exchange.problems import PackageRefusedError
    from app.kernel.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        expected = find_hotspot(workspace, args.hotspot) if args.hotspot else None
        try:
            preview = preview_form(workspace, args.file, expected)
        except PackageRefusedError as refusal:
            for problem in refusal.problems:
                print(problem.line(), file=sys.stderr)
            print(
                "Het formulier is niet ingelezen; de werkruimte is niet gewijzigd.",
                file=sys.stderr,
            )
            return 1
        for problem in preview.warnings:
            print(problem.line(), file=sys.stderr)
        for line in preview.privacy_lines:
            print(f"Privacycontrole: {line}", file=sys.stderr)
        for line in _summary(preview):
            print(line)
        if not args.accept:
            print("Er is niets gewijzigd. Gebruik --accept om de antwoorden over te nemen.")
            return 0
        accepted = accept_form(workspace, preview)
    print(f"Formulier ingelezen: versie {accepted.version} van de analyse, stand 'ontvangen'.")
    return 0


def _summary(preview: FormPreview) -> list[str]:
    from app.exchange.form_layout import AUTHOR_LABELS, QUESTIONS

    labels = {q.field: q.heading for q in QUESTIONS} | AUTHOR_LABELS
    form = preview.form.metadata
    lines = [f"Formulier versie {form.form_version} voor hotspot {preview.hotspot_label}."]
    changed = preview.changed_fields()
    lines += [f"  gewijzigd: {labels[name]}" for name in changed]
    if preview.measures_changed:
        lines.append(f"  voorgestelde maatregelen: {len(preview.incoming.measures)}")
    if not changed and not preview.measures_changed:
        lines.append("  geen verschillen met de huidige analyse")
    if preview.becomes_new_version:
        lines.append(
            f"Overnemen maakt versie {preview.current_version + 1}; versie "
            f"{preview.current_version} blijft bewaard."
        )
    return lines
