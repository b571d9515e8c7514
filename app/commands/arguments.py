"""An argparse parser that speaks Dutch to the user and never shows a traceback."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

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

    def print_help(self, file: object = None) -> None:
        super().print_help(file or sys.stdout)  # type: ignore[arg-type]
