"""Errors at the edge (command line and window): known failures of the disk or the database
file become one Dutch sentence; anything else is unexpected, its details go to a log file."""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
import traceback
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from app import __version__
from app.kernel.paths import log_dir

# SQLite's primary result codes (error.sqlite_errorcode & 0xFF).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26

NOTHING_LOST = "Er is niets half opgeslagen: de werkruimte is in de laatste opgeslagen toestand."
RESTORE = (
    "Zet een reservekopie terug (Bestand > Herstellen, of de map 'backups' in de gegevensmap) "
    "of vraag de functioneel beheerder om hulp."
)


def record_unexpected(error: BaseException) -> Path | None:
    """Append the traceback to the error log; returns its path, or None if it can't be written."""
    path = log_dir() / "fouten.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now().astimezone():%d-%m-%Y %H:%M:%S} versie {__version__}\n")
            log.write("".join(traceback.format_exception(error)))
    except OSError:
        return None
    return path


def unexpected_message(error: BaseException) -> str:
    """The one Dutch sentence for an error no service turned into a refusal."""
    path = record_unexpected(error)
    known = known_failure(error)
    if known is not None:
        return known
    where = f" De details staan in {path}." if path else ""
    return (
        f"Er ging iets onverwachts mis ({type(error).__name__}). {NOTHING_LOST}{where} Meld "
        "dit met dat bestand bij de functioneel beheerder."
    )


def known_failure(error: BaseException) -> str | None:
    """A Dutch sentence for a failure of the disk or the database file, else None.

    Looks through the chain of causes: SQLAlchemy and openpyxl wrap the OS's own error.
    """
    for cause in _causes(error):
        if isinstance(cause, sqlite3.Error):
            message = _sqlite_failure(cause)
        elif isinstance(cause, OSError):
            message = _os_failure(cause)
        else:
            continue
        if message is not None:
            return message
    return None


def log_unraisable(unraisable: sys.UnraisableHookArgs) -> None:
    """Errors Python can only report (a half-written workbook collected after a full disk):
    into the log, not onto the user's screen."""
    if unraisable.exc_value is not None:
        record_unexpected(unraisable.exc_value)


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        original = getattr(current, "orig", None)  # SQLAlchemy's DBAPIError
        if isinstance(original, BaseException):
            yield original
        current = current.__cause__ or current.__context__


def _sqlite_failure(error: sqlite3.Error) -> str | None:
    code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(error).lower()
    if code == SQLITE_FULL or "disk is full" in text:
        return (
            f"De schijf met de werkruimte is vol. {NOTHING_LOST} Maak ruimte vrij op die schijf "
            "en probeer het opnieuw."
        )
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in text:
        return f"De werkruimte is beschadigd; er is niets gewijzigd. {RESTORE}"
    if code == SQLITE_IOERR or "disk i/o error" in text:
        return (
            "De werkruimte kan niet worden gelezen of geschreven (schijffout). "
            f"{NOTHING_LOST} Controleer de schijf of USB-stick en probeer het opnieuw."
        )
    if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN) or "readonly" in text:
        return (
            "De werkruimte kan niet worden opgeslagen: het bestand of de map erom is "
            "alleen-lezen. Kopieer de werkruimte naar een map waarin u mag schrijven, of vraag "
            "schrijfrechten."
        )
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return (
            "De werkruimte is bezet door een ander programma (bijvoorbeeld een back-up- of "
            f"virusscanner). {NOTHING_LOST} Probeer het over een minuut opnieuw."
        )
    return None


def _os_failure(error: OSError) -> str | None:
    place = f" ({error.filename})" if error.filename else ""
    folder = f"de map {Path(error.filename).parent}" if error.filename else "de gegevensmap"
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return (
            f"De schijf is vol{place}. {NOTHING_LOST} Maak ruimte vrij op die schijf en probeer "
            "het opnieuw."
        )
    if error.errno in (errno.EACCES, errno.EPERM) and _unreadable(error.filename):
        return (
            f"Het bestand {error.filename} kan niet worden gelezen: u hebt er geen leesrechten "
            "op. Vraag leesrechten, of sla het bestand opnieuw op in een map van uzelf."
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"Het programma mag niet lezen of schrijven in {folder}{place}. Vraag schrijfrechten "
            "voor die map, of kies een andere map."
        )
    if error.errno == errno.EIO:
        return (
            f"Een bestand kan niet worden gelezen (schijffout){place}. Controleer de schijf of "
            "USB-stick en probeer het opnieuw."
        )
    return None


def _unreadable(filename: object) -> bool:
    if not isinstance(filename, str | Path):
        return False
    path = Path(filename)
    return path.is_file() and not os.access(path, os.R_OK)
