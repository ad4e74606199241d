"""A key that works in every window of the app, modal dialogs included.

Qt's application shortcuts stop at a modal dialog (the window behind it is blocked), so the
lock key is read from the key presses themselves: Ctrl+L locks from the lapse dialog, the
craving panel, Get help now or a file dialog just as from the main window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence


class EveryWindowKey(QObject):
    """Runs ``action`` when ``keys`` is pressed in any window while ``active()`` is true;
    the key press then goes no further."""

    def __init__(
        self,
        keys: str,
        action: Callable[[], object],
        active: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._keys = QKeySequence(keys)
        self._action = action
        self._active = active
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if QKeySequence(event.keyCombination()) != self._keys or not self._active():
            return False
        self._action()
        return True
