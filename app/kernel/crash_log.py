"""Unexpected errors: the details go to a log file, the user gets one Dutch sentence."""

from __future__ import annotations

import traceback
from datetime import UTC, datetime
from pathlib import Path

from app import __version__
from app.kernel.paths import log_dir


def record_unexpected(error: BaseException) -> Path | None:
    """Append the traceback to the error log; returns its path, or None if it can't be written."""
    path = log_dir() / "fouten.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now(UTC).isoformat()} versie {__version__}\n")
            log.write("".join(traceback.format_exception(error)))
    except OSError:
        return None
    return path


def unexpected_message(error: BaseException) -> str:
    path = record_unexpected(error)
    where = f" De details staan in {path}." if path else ""
    return (
        f"Er ging iets onverwachts mis ({type(error).__name__}). Er is niets half opgeslagen: "
        f"de werkruimte is in de laatste opgeslagen toestand.{where} Meld dit met dat bestand "
        "bij de functioneel beheerder."
    )
