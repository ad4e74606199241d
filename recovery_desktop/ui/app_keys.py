"""Keys that work in every window of the app, modal dialogs included.

Qt's application shortcuts stop at a modal dialog (the window behind it is blocked), so the
lock key is read from the key presses themselves: Ctrl+L locks from the lapse dialog, the
craving panel, Get help now or a file dialog just as from the main window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence


class EveryWindowKeys(QObject):
    """Keys read from the key presses of every window, by one application event filter:
    each runs its action while its ``active()`` is true, and the key press then goes no
    further. The lock key works this way in modal dialogs too; the app's other keys (Ctrl+K)
    also reach it from a text field that keeps them for itself."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys: dict[QKeySequence, tuple[Callable[[], object], Callable[[], bool]]] = {}
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def add(self, keys: str, action: Callable[[], object], active: Callable[[], bool]) -> None:
        self._keys[QKeySequence(keys)] = (action, active)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        found = self._keys.get(QKeySequence(event.keyCombination()))
        if found is None or not found[1]():
            return False
        found[0]()
        return True
