"""The workspace's job runner: results always arrive, writes queue, closing ends every job."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.kernel.workspace import Workspace
from app.ui.packages.progress import start_package_job
from app.ui.widgets.background import Job, JobRunner
from app.ui.window.main_window import MainWindow

RUNS = 100
TIMEOUT_MS = 10_000


def test_a_job_that_finishes_at_once_delivers_its_result_every_time(qtbot: QtBot) -> None:
    runner = JobRunner()
    results: list[object] = []
    for run in range(RUNS):
        runner.start(lambda _progress, _cancelled, n=run: n, results.append, results.append)
    qtbot.waitUntil(lambda: len(results) == RUNS, timeout=TIMEOUT_MS)
    assert sorted(results) == list(range(RUNS))  # type: ignore[type-var]
    assert runner.jobs() == []


def test_a_package_job_that_finishes_at_once_reaches_its_caller_every_time(
    qtbot: QtBot,
) -> None:
    """The progress dialog's job used to start before its caller connected to it."""
    runner = JobRunner()
    parent = QWidget()
    qtbot.addWidget(parent)
    delivered: list[object] = []
    for run in range(RUNS):
        start_package_job(
            runner,
            parent,
            "Pakket",
            "Bezig…",
            lambda _report, _cancelled, n=run: n,
            delivered.append,
            delivered.append,
        )
    qtbot.waitUntil(lambda: len(delivered) == RUNS, timeout=TIMEOUT_MS)
    assert sorted(delivered) == list(range(RUNS))  # type: ignore[type-var]


def test_writes_run_one_at_a_time_in_the_order_asked(qtbot: QtBot) -> None:
    runner = JobRunner()
    busy = threading.Lock()
    order: list[int] = []
    overlaps: list[int] = []

    def write(n: int) -> Callable[[object, object], int]:
        def work(_progress: object, _cancelled: object) -> int:
            if not busy.acquire(blocking=False):
                overlaps.append(n)
                return n
            try:
                order.append(n)
                time.sleep(0.02)  # long enough for a second write to try to run alongside
            finally:
                busy.release()
            return n

        return work

    done: list[object] = []
    for n in range(5):
        runner.start(write(n), done.append, done.append, writes=True)
    qtbot.waitUntil(lambda: len(done) == 5, timeout=TIMEOUT_MS)
    assert overlaps == []
    assert order == [0, 1, 2, 3, 4]


def test_a_failing_job_hands_its_error_to_the_caller(qtbot: QtBot) -> None:
    runner = JobRunner()
    errors: list[object] = []

    def work(_progress: object, _cancelled: object) -> None:
        raise ValueError("kapot")

    runner.start(work, lambda _result: None, errors.append, writes=True)
    qtbot.waitUntil(lambda: bool(errors), timeout=TIMEOUT_MS)
    assert isinstance(errors[0], ValueError)
    # The queue moves on after a failed write.
    after: list[object] = []
    runner.start(lambda _p, _c: "verder", after.append, after.append, writes=True)
    qtbot.waitUntil(lambda: after == ["verder"], timeout=TIMEOUT_MS)


def test_closing_the_window_cancels_its_jobs_and_waits_for_them(
    make_window: Callable[[Workspace], MainWindow], workspace: Workspace
) -> None:
    window = make_window(workspace)
    started = threading.Event()
    ended = threading.Event()

    def until_cancelled(_progress: object, cancelled: Callable[[], bool]) -> None:
        started.set()
        while not cancelled():
            time.sleep(0.005)
        ended.set()

    later: list[str] = []
    window.jobs.start(until_cancelled, lambda _r: None, lambda _e: None, writes=True)
    window.jobs.start(lambda _p, _c: later.append("ran"), later.append, later.append, writes=True)
    assert started.wait(5)
    window.close()
    # close() returned: the running job saw the cancel and ended, the waiting write was
    # dropped, and nothing is left running.
    assert ended.is_set()
    assert Job.still_running() == []
    QApplication.processEvents()
    assert later == []


class Counting:
    """A computation that counts its steps until stopped; each step is a Python call, where a
    yielding job looks whether the user is busy."""

    def __init__(self) -> None:
        self.steps = 0
        self.stop = threading.Event()

    def _step(self) -> None:
        self.steps += 1
        time.sleep(0.001)

    def work(self, _progress: object, _cancelled: object) -> int:
        while not self.stop.is_set():
            self._step()
        return self.steps


def test_a_computation_nobody_waits_for_pauses_while_the_user_types(qtbot: QtBot) -> None:
    """The Overzicht's figures job made every keystroke in the Actielijst wait for it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    counting = Counting()
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    runner = JobRunner()
    results: list[object] = []
    runner.start(counting.work, results.append, results.append, yields=True)
    try:
        qtbot.waitUntil(lambda: counting.steps > 10, timeout=TIMEOUT_MS)
        QTest.keyClick(field, Qt.Key.Key_A)
        at_first_key = counting.steps
        for _ in range(30):  # typing on, one key per 20 ms
            QTest.qWait(20)
            QTest.keyClick(field, Qt.Key.Key_A)
        assert counting.steps <= at_first_key + 1
        assert field.text() == "a" * 31
        # Once the user pauses, the computation goes on and delivers its result.
        qtbot.waitUntil(lambda: counting.steps > at_first_key + 10, timeout=TIMEOUT_MS)
    finally:
        counting.stop.set()
    qtbot.waitUntil(lambda: len(results) == 1, timeout=TIMEOUT_MS)
    assert results[0] == counting.steps
    assert runner.jobs() == []


def test_a_computation_nobody_waits_for_pauses_while_a_click_is_handled(qtbot: QtBot) -> None:
    """Opening a screen takes most of a second after the click: the figures job waited only a
    quarter of a second and then shared the interpreter with the rest of the opening."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPushButton

    counting = Counting()
    during: list[int] = []

    def open_a_slow_screen() -> None:
        before = counting.steps
        until = time.perf_counter() + 0.8  # the GUI thread busy, as when building a screen
        while time.perf_counter() < until:
            sum(range(1000))
        during.append(counting.steps - before)

    button = QPushButton("Actielijst")
    button.clicked.connect(open_a_slow_screen)
    qtbot.addWidget(button)
    button.show()
    runner = JobRunner()
    results: list[object] = []
    runner.start(counting.work, results.append, results.append, yields=True)
    try:
        qtbot.waitUntil(lambda: counting.steps > 10, timeout=TIMEOUT_MS)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        assert during and during[0] <= 1
        # Once the click is handled and the user pauses, the computation goes on.
        after_click = counting.steps
        qtbot.waitUntil(lambda: counting.steps > after_click + 10, timeout=TIMEOUT_MS)
    finally:
        counting.stop.set()
    qtbot.waitUntil(lambda: len(results) == 1, timeout=TIMEOUT_MS)


def test_closing_with_a_key_while_a_computation_steps_aside_does_not_hang(qtbot: QtBot) -> None:
    """Ctrl+Q while the figures are computed: the window waits for the job the key paused."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    started = threading.Event()

    def tick() -> None:
        time.sleep(0.001)

    def work(_progress: object, cancelled: Callable[[], bool]) -> str:
        started.set()
        while not cancelled():
            tick()  # a Python call: where a yielding job steps aside
        return "gestopt"

    runner = JobRunner()
    finished_in_time: list[bool] = []
    field = QLineEdit()
    field.returnPressed.connect(lambda: finished_in_time.append(runner.wait(5_000)))
    qtbot.addWidget(field)
    field.show()
    results: list[object] = []
    runner.start(work, results.append, results.append, yields=True)
    qtbot.waitUntil(started.is_set, timeout=TIMEOUT_MS)
    runner.cancel_all()
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert finished_in_time == [True]
    qtbot.waitUntil(lambda: results == ["gestopt"], timeout=TIMEOUT_MS)


def test_a_computation_that_does_not_yield_goes_on_while_the_user_types(qtbot: QtBot) -> None:
    """The other side of the tests above: what they measure moves without yielding."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    counting = Counting()
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    runner = JobRunner()
    results: list[object] = []
    runner.start(counting.work, results.append, results.append)
    try:
        qtbot.waitUntil(lambda: counting.steps > 10, timeout=TIMEOUT_MS)
        at_first_key = counting.steps
        for _ in range(30):
            QTest.qWait(20)
            QTest.keyClick(field, Qt.Key.Key_A)
        assert counting.steps > at_first_key + 1
    finally:
        counting.stop.set()
    qtbot.waitUntil(lambda: len(results) == 1, timeout=TIMEOUT_MS)
