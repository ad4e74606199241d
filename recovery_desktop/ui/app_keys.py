"""Keys that work in every window of the app, modal dialogs included, and a mouse wheel
that never edits a field it merely passes over.

Qt's application shortcuts stop at a modal dialog (the window behind it is blocked), so the
lock key is read from the key presses themselves: Ctrl+L locks from the lapse dialog, the
craving panel, Get help now or a file dialog just as from the main window.

Combo boxes and spin, date and time boxes take the wheel only while they have the keyboard
focus; otherwise the wheel scrolls the page or dialog under them. Qt gives a WheelFocus widget
the focus before it delivers the wheel, so these boxes get StrongFocus when polished.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

_WHEEL_FIELDS = (QComboBox, QAbstractSpinBox)


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
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            return _passes_wheel_on(watched, event)
        if kind == QEvent.Type.Polish:
            _wheel_needs_focus(watched)
            return False
        if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        found = self._keys.get(QKeySequence(event.keyCombination()))
        if found is None or not found[1]():
            return False
        found[0]()
        return True


def _wheel_needs_focus(watched: QObject) -> None:
    """A combo or spin box no longer takes the focus from a wheel passing over it."""
    if isinstance(watched, _WHEEL_FIELDS) and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def _passes_wheel_on(watched: QObject, event: QEvent) -> bool:
    """True (the wheel ignored, so QApplication hands it to the parent that scrolls) for a
    combo or spin box without the keyboard focus; False lets a focused one change."""
    if isinstance(watched, _WHEEL_FIELDS) and not _has_focus(watched):
        event.ignore()
        return True
    return False


def _has_focus(field: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is field or field.isAncestorOf(focused))
