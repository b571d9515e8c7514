"""Every file the program writes: complete at its place, or not there at all; and the one
check of a file the program is asked to read.

The content goes to a temporary file in the target's own folder (same disk, so the final
rename is atomic) and replaces the target only when it is complete and on disk. Any failure
removes the temporary file; an OS error becomes one Dutch sentence that names the folder and
says what to do. A process killed halfway cannot clean up, so the next write into that folder
removes the temporary files of processes that no longer run.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

from app.kernel.errors import UserError

TEMPORARY_PREFIX = ".~"
# '.~<target name>.<pid>-<random>.tmp<suffix>': the suffix stays last for writers that want it.
_TEMPORARY = re.compile(r"^\.~(?P<target>.+)\.(?P<pid>\d+)-[0-9a-f]{8}\.tmp(\.[^.]*)?$")

# Windows' own codes: another program has the file open (Excel), and path too long.
_WINDOWS_SHARING_VIOLATION = (32, 33)
_WINDOWS_PATH_TOO_LONG = (206,)


class FileWriteError(UserError):
    """A file could not be written; `str(error)` says where and what to do."""


@contextlib.contextmanager
def written_file(target: Path, what: str, remedy: str | None = None) -> Iterator[Path]:
    """Yield a temporary path beside `target` to write to; on a clean exit it replaces
    `target` atomically. `what` starts the refusal, e.g. "Het pakket" or "De rapportage";
    `remedy` replaces "choose another folder" where the user cannot choose (backups)."""
    target = Path(target)
    folder = target.parent
    remove_leftovers(folder)
    temporary = folder / (
        f"{TEMPORARY_PREFIX}{target.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp{target.suffix}"
    )
    try:
        # Made before the caller starts its work: a folder it may not write to is refused
        # before a package or report is built for nothing.
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        yield temporary
        _flush_to_disk(temporary)
        os.replace(temporary, target)
    except Exception as error:
        # Writers wrap the OS's error (matplotlib's PDF writer ends in a zlib error after a
        # full disk): the OSError in the chain is what the user can act on.
        cause = _os_error_in(error)
        if cause is None or isinstance(error, UserError):
            raise
        raise FileWriteError(refusal(cause, target, what, remedy)) from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def remove_leftovers(folder: Path) -> None:
    """Delete temporary files that killed processes left in `folder`; never another running
    process's file, and nothing else."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            match = _TEMPORARY.match(entry.name)
            if match and not _running(int(match.group("pid"))) and entry.is_file():
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def refusal(error: OSError, target: Path, what: str, remedy: str | None = None) -> str:
    """The Dutch sentence for an OS error while writing `target`."""
    folder = target.parent
    code = error.errno
    windows_code = getattr(error, "winerror", None)
    in_use = (errno.EBUSY, getattr(errno, "ETXTBSY", errno.EBUSY))
    if windows_code in _WINDOWS_SHARING_VIOLATION or code in in_use:
        return (
            f"{what} kan niet worden opgeslagen: {target.name} in de map {folder} is geopend in "
            "een ander programma (bijvoorbeeld Excel). Sluit het bestand daar en probeer het "
            "opnieuw, of kies een andere bestandsnaam."
        )
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG):
        return (
            f"{what} kan niet worden opgeslagen in de map {folder}: de schijf is vol. Maak "
            "ruimte vrij of kies een map op een andere schijf."
        )
    if code == errno.ENAMETOOLONG or windows_code in _WINDOWS_PATH_TOO_LONG:
        return (
            f"{what} kan niet worden opgeslagen in de map {folder}: het pad is te lang. Kies "
            "een kortere bestandsnaam of een map dichter bij het begin van de schijf."
        )
    if code in (errno.ENOENT, errno.ENOTDIR):
        return (
            f"{what} kan niet worden opgeslagen: de map {folder} bestaat niet (meer). Kies een "
            "bestaande map."
        )
    if code == errno.EISDIR:
        return (
            f"{what} kan niet worden opgeslagen: {target} is een map. Kies een bestandsnaam "
            "in die map."
        )
    if code == errno.EROFS:
        return (
            f"{what} kan niet worden opgeslagen in de map {folder}: die schijf is alleen-lezen. "
            + (remedy or "Kies een map op een andere schijf, bijvoorbeeld Documenten.")
        )
    if code in (errno.EACCES, errno.EPERM):
        return (
            f"{what} kan niet worden opgeslagen in de map {folder}: u mag daar niet schrijven. "
            + (remedy or "Kies een map waarin u mag schrijven, bijvoorbeeld Documenten.")
        )
    return (
        f"{what} kan niet worden opgeslagen in de map {folder} (systeemfout {code}). Kies een "
        "andere map, of vraag de functioneel beheerder om hulp."
    )


def _os_error_in(error: BaseException) -> OSError | None:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, OSError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _flush_to_disk(path: Path) -> None:
    """The content on disk before the rename, so a power cut leaves the old file or the new."""
    descriptor = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows needs write
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


if sys.platform == "win32":
    import ctypes

    def _running(pid: int) -> bool:
        query_limited_information, still_active = 0x1000, 259
        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(query_limited_information, False, pid)
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            return bool(kernel.GetExitCodeProcess(handle, ctypes.byref(code))) and (
                code.value == still_active
            )
        finally:
            kernel.CloseHandle(handle)

else:

    def _running(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # another user's process: it runs
            return True
        return True


def unreadable_file(path: Path) -> str | None:
    """Why `path` cannot be read as a file, in one Dutch sentence; None when it can.

    Every reader of a user's file asks this first, so a folder or a device such as /dev/zero
    (which never ends) is named for what it is."""
    try:
        if not path.exists():
            return f"Het bestand {path} bestaat niet. Controleer naam en map."
        if path.is_dir():
            return f"{path} is een map, geen bestand. Kies een bestand in die map."
        if not path.is_file():
            return (
                f"{path} is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat). "
                "Kies een bestand."
            )
    except OSError as error:  # a name too long, or a folder on the way that may not be read
        reason = "het pad is te lang" if error.errno == errno.ENAMETOOLONG else "geen toegang"
        return (
            f"Het bestand {path} kan niet worden gelezen ({reason}). Kopieer het naar een "
            "eigen map met een korte naam en kies het daar."
        )
    return None  # a file without read rights fails on opening, as one Dutch sentence
