"""The undo facade: a step is stored only after its change succeeded; a refused undo drops
its step and says why, instead of claiming it was saved."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from app.kernel.errors import UserError
from app.ui.widgets.undo import UndoFacade


def _refuse() -> None:
    raise UserError("De actie bestaat niet meer; vernieuw de lijst.")


def test_a_refused_change_leaves_no_step_and_no_saved_message(qtbot: QtBot) -> None:
    stack = QUndoStack()
    said: list[str] = []
    facade = UndoFacade(stack, said.append)
    assert facade.edit("Actie wijzigen", _refuse, lambda: None) is False
    assert stack.count() == 0
    assert said == ["Niet opgeslagen: De actie bestaat niet meer; vernieuw de lijst."]


def test_a_change_is_stored_once_and_then_undone_and_redone(qtbot: QtBot) -> None:
    stack = QUndoStack()
    said: list[str] = []
    value: list[int] = [0]
    facade = UndoFacade(stack, said.append)
    assert facade.edit("Zet op 1", lambda: value.__setitem__(0, value[0] + 1), lambda: None)
    assert value == [1]  # pushing did not run the change a second time
    assert stack.count() == 1 and said == ["Opgeslagen in de werkruimte"]


def test_a_refused_undo_drops_its_step_and_says_why(qtbot: QtBot) -> None:
    stack = QUndoStack()
    said: list[str] = []
    facade = UndoFacade(stack, said.append)
    facade.edit("Actie wijzigen", lambda: None, _refuse)
    stack.undo()
    assert stack.count() == 0
    assert said[-1] == "Niet gelukt: De actie bestaat niet meer; vernieuw de lijst."
