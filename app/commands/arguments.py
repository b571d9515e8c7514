"""An argparse parser that speaks Dutch to the user and never shows a traceback."""

from __future__ import annotations

import argparse
import re
from datetime import date
from typing import Any, NoReturn

_TRANSLATIONS = (
    ("the following arguments are required: ", "deze argumenten ontbreken: "),
    ("unrecognized arguments: ", "onbekende argumenten: "),
    ("invalid choice: ", "ongeldige keuze: "),
    ("choose from ", "kies uit "),
    ("expected one argument", "verwacht één waarde"),
    ("invalid int value: ", "geen geheel getal: "),
    ("one of the arguments ", "één van de argumenten "),
    (" is required", " is verplicht"),
    ("not allowed with argument ", "niet samen met "),
    ("argument ", "argument "),
)


class DutchArgumentParser(argparse.ArgumentParser):
    """Usage errors in Dutch, on one line, with exit code 2."""

    # The subcommands' names, set once they are registered (the top-level parser only).
    command_names: frozenset[str] = frozenset()

    def error(self, message: str) -> NoReturn:
        for english, dutch in _TRANSLATIONS:
            message = message.replace(english, dutch)
        self.exit(2, f"Fout: {message}. Zie '{self.prog} --help'.\n")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def format_usage(self) -> str:
        return _dutch_headings(super().format_usage())

    def format_help(self) -> str:
        return _dutch_headings(super().format_help())


_HEADINGS = (
    ("usage: ", "gebruik: "),
    ("positional arguments:", "opdrachten en argumenten:"),
    ("options:", "opties:"),
)


def _dutch_headings(text: str) -> str:
    for english, dutch in _HEADINGS:
        text = text.replace(english, dutch)
    return text


# The years a date field accepts on the screens too (app/ui/widgets/form_widgets.py).
_FIRST_YEAR, _LAST_YEAR = 1990, 2100
_DUTCH_DAY = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def peildatum(text: str) -> date:
    """A day typed as dd-mm-jjjj (as the screens write it) or jjjj-mm-dd (as scripts do)."""
    stripped = text.strip()
    day: date | None = None
    try:
        if dutch := _DUTCH_DAY.fullmatch(stripped):
            day = date(int(dutch[3]), int(dutch[2]), int(dutch[1]))
        elif iso := _ISO_DAY.fullmatch(stripped):
            day = date(int(iso[1]), int(iso[2]), int(iso[3]))
    except ValueError:
        day = None
    if day is None:
        raise argparse.ArgumentTypeError(
            f"'{text[:40]}' is geen datum; "
            "schrijf de peildatum als dd-mm-jjjj, bijvoorbeeld 15-01-2027"
        )
    if not _FIRST_YEAR <= day.year <= _LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"{day.strftime('%d-%m-%Y')} ligt buiten {_FIRST_YEAR}-{_LAST_YEAR}; "
            "schrijf een peildatum in die jaren"
        )
    return day
