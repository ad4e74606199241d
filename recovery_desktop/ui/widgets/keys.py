"""Keyboard helpers for forms: Enter runs a form's one obvious action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _EnterRuns(QObject):
    """Runs ``action`` on a plain Return or Enter and keeps the key from going further."""

    def __init__(self, action: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() not in _ENTER_KEYS or modifiers != Qt.KeyboardModifier.NoModifier:
            return False
        self._action()
        return True


def submit_on_enter(action: Callable[[], object], *fields: QWidget) -> None:
    """Enter in any of ``fields`` runs ``action``, and only that.

    For forms outside a dialog (where no default button answers Enter), and for a field
    whose Enter means something else than the dialog's default button (adding a tag).
    """
    for field in fields:
        field.installEventFilter(_EnterRuns(action, field))
