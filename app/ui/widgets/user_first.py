"""Background computations step aside while the user types or clicks.

Python runs one thread at a time. A job computing the Overzicht's figures (seconds of pandas)
took the interpreter from the GUI thread every few milliseconds, so a keystroke in the
Actielijst took almost twice its own time while those figures were computed. A job started
with `yields=True` runs `stepping_aside()`: at every Python call on that job's thread it looks
whether the user is busy and, if so, sleeps, so the GUI thread runs alone. The user is busy
from a key press or click until the GUI thread has handled it (opening a screen may take most
of a second) and QUIET_AFTER_S seconds more. It costs such a job about a fifth of its time
(measured on the figures job) and the GUI thread an event filter while such a job runs.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

QUIET_AFTER_S = 0.25
# While a yielding job runs, the GUI thread waits at most this long for the interpreter
# (Python's default is 5 ms) before it can note the user's input.
SWITCH_INTERVAL_S = 0.001

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
    }
)

# The monotonic moment until which yielding jobs sleep: 0.0 while the user is not busy,
# infinity while the GUI thread still handles the user's input.
_resume_at = 0.0


def user_gave_input() -> None:
    global _resume_at
    _resume_at = math.inf


def release_stepping_aside() -> None:
    """Let yielding jobs go on at once: the GUI thread is about to wait for them."""
    global _resume_at
    _resume_at = 0.0


def input_handled() -> None:
    """The GUI thread has handled the input: yielding jobs go on after a short quiet."""
    global _resume_at
    _resume_at = time.monotonic() + QUIET_AFTER_S


def _step_aside(_frame: FrameType, _event: str, _arg: Any) -> None:
    # Called at every Python call on a yielding job's thread: one comparison when all is quiet.
    if _resume_at:
        _sleep_while_busy()


def _sleep_while_busy() -> None:
    global _resume_at
    while (left := _resume_at - time.monotonic()) > 0:
        time.sleep(min(left, 0.05))
    # A keystroke between the loop and this line is noted by the next one within milliseconds.
    _resume_at = 0.0


@contextmanager
def stepping_aside() -> Iterator[None]:
    """Run the body on this thread so that it sleeps while the user is busy.

    Left alone under a debugger or coverage, whose trace function this thread keeps.
    """
    if sys.gettrace() is not None:
        yield
        return
    sys.settrace(_step_aside)
    try:
        yield
    finally:
        sys.settrace(None)


class InputWatch(QObject):
    """Notes the user's input anywhere in the application while yielding jobs run."""

    def __init__(self) -> None:
        super().__init__()
        self._jobs = 0
        self._interval = sys.getswitchinterval()
        self._handling = False

    def job_started(self) -> None:
        self._jobs += 1
        app = QCoreApplication.instance()
        if self._jobs == 1 and app is not None:
            self._interval = sys.getswitchinterval()
            sys.setswitchinterval(SWITCH_INTERVAL_S)
            app.installEventFilter(self)

    def job_ended(self) -> None:
        if self._jobs > 0:  # else stopped before this job's result arrived
            self._jobs -= 1
            if self._jobs == 0:
                self._unwatch()

    def stop(self) -> None:
        """The window closes: no job's result will arrive any more."""
        if self._jobs > 0:
            self._jobs = 0
            self._unwatch()

    def _unwatch(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        sys.setswitchinterval(self._interval)
        if self._handling:
            self._handled()  # no job waits for it any more, but a later one would

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _INPUT:
            user_gave_input()
            if not self._handling:
                # Runs once the GUI thread is back in its event loop, after this input.
                self._handling = True
                QTimer.singleShot(0, self._handled)
        return False

    def _handled(self) -> None:
        self._handling = False
        input_handled()
