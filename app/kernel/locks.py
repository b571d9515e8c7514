"""One running instance per workspace: an OS lock on a file beside the database.

The operating system drops the lock when the process ends, however it ends, so a crash never
leaves a workspace locked. A few lines of our own instead of a library: this runs on every
start, before the first screen shows data.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


class AlreadyLockedError(Exception):
    """Another process (or another open workspace in this one) holds the lock."""


class WorkspaceLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor: int | None = None

    def acquire(self) -> None:
        """Take the lock without waiting; AlreadyLockedError when it is held, OSError otherwise."""
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
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

    def _lock(descriptor: int) -> None:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except PermissionError as error:  # Windows reports a held lock as "permission denied"
            raise BlockingIOError(str(error)) from error

    def _unlock(descriptor: int) -> None:
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
