"""Keyboard helpers: Enter runs a form's one obvious action; keys that act on one list or
table while it has the keyboard."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
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


def widget_keys(
    widget: QWidget, keys: Iterable[tuple[str | Sequence[str], Callable[[], object]]]
) -> None:
    """Each ``(keys, action)``: the key (or any of several) runs ``action`` while
    ``widget`` has the keyboard (a list's Delete, a table's Insert)."""
    for sequences, action in keys:
        names = [sequences] if isinstance(sequences, str) else list(sequences)
        shortcut = QAction(widget)
        shortcut.setShortcuts([QKeySequence(name) for name in names])
        shortcut.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.triggered.connect(lambda _checked=False, run=action: run())
        widget.addAction(shortcut)
