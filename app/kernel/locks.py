"""One running instance per workspace: an OS lock on the workspace file itself.

The lock belongs to the file, not to a name for it: a second path, a hard link or a symlink
to the same file meets the same lock, and no lock file is left beside a file that turned out
not to be a workspace. The operating system drops the lock when the process ends, however it
ends, so a crash never leaves a workspace locked. SQLite's own locks are separate: POSIX
record locks on Linux and macOS (this is flock), and bytes from 1 GiB on Windows (this lock
is a byte in SQLite's lock page, which SQLite never reads or writes).
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path


class AlreadyLockedError(Exception):
    """Another process (or another open workspace in this one) holds the lock."""


class NotAFileError(Exception):
    """The path is a folder, a pipe, a device or the like, not a regular file."""


class WorkspaceLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor: int | None = None

    def acquire(self, *, create: bool = False) -> None:
        """Lock the file without waiting; `create` makes it (empty) and refuses an existing one.

        AlreadyLockedError when it is held, NotAFileError for anything but a regular file,
        OSError otherwise (FileExistsError with `create`)."""
        flags = _OPEN_FLAGS | (os.O_CREAT | os.O_EXCL if create else 0)
        descriptor = os.open(self.path, flags, 0o644)
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                raise NotAFileError(str(self.path))
            _lock(descriptor)
        except BlockingIOError as error:
            os.close(descriptor)
            raise AlreadyLockedError(str(self.path)) from error
        except BaseException:
            os.close(descriptor)
            raise
        self._descriptor = descriptor

    def release(self) -> None:
        if self._descriptor is None:
            return
        descriptor, self._descriptor = self._descriptor, None
        try:
            _unlock(descriptor)
        finally:
            os.close(descriptor)


if sys.platform == "win32":
    import msvcrt

    # SQLite's lock page starts at 1 GiB (its PENDING_BYTE); its own locks use the first 512
    # bytes of it, and with the default 4 KiB pages the rest of that page holds no data.
    _LOCK_OFFSET = 0x40000000 + 2048
    _OPEN_FLAGS = os.O_RDWR | os.O_BINARY | os.O_NOINHERIT

    def _lock(descriptor: int) -> None:
        os.lseek(descriptor, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except PermissionError as error:  # Windows reports a held lock as "permission denied"
            raise BlockingIOError(str(error)) from error

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    # Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
    _OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC

    def _lock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
