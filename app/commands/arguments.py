"""An argparse parser that speaks Dutch to the user and never shows a traceback."""

from __future__ import annotations

import argparse
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
