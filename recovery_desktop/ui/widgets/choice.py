"""Segmented choices: a row of buttons that acts as one keyboard stop.

Tab reaches the row once; Left/Right move the choice, Home/End jump, Delete clears (where
"not answered" is possible), a letter picks an option (again to move to the next one with
that letter), and scales accept digits (type 1 then 0 quickly for 10).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QPushButton, QWidget

from recovery_desktop.domain.scales import SCALE_MAX, SCALE_MIN, Scale

_DIGIT_PAIR_MS = 800
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def _same(a: object, b: object) -> bool:
    """Equal and of the same type, so False (no) never matches 0 or None."""
    return type(a) is type(b) and a == b


class SegmentedChoice(QFrame):
    """Pick one of several values; ``None`` means "not answered"."""

    valueChanged = Signal(object)

    def __init__(
        self,
        options: Sequence[tuple[object, str]],
        accessible_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("segmented")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(accessible_name)
        self._values = [value for value, _ in options]
        self._value: object = None
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        for index, (_value, text) in enumerate(options):
            button = QPushButton(text, self)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("segment", True)
            button.setAccessibleName(f"{accessible_name}: {text}")
            self._group.addButton(button, index)
            layout.addWidget(button)
        layout.addStretch(1)
        self._group.idClicked.connect(self._clicked)
        self._sync()

    def value(self) -> object:
        return self._value

    def setValue(self, value: object) -> None:
        """Set without emitting ``valueChanged`` (used when loading a record)."""
        self._value = value if value in self._values else None
        self._sync()

    def set_offered(self, value: object, offered: bool, reason: str = "") -> None:
        """Offer ``value`` or not (its segment greyed with ``reason`` as its tooltip); the
        keys and letters skip a value not offered."""
        button = self._group.button(self._values.index(value))
        button.setEnabled(offered)
        button.setToolTip("" if offered else reason)

    def _choose(self, value: object) -> None:
        if _same(value, self._value) or not self._offers(value):
            return
        self._value = value
        self._sync()
        self.valueChanged.emit(value)

    def _clicked(self, index: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._choose(self._toggle_target(self._values[index]))
        self._sync()  # a click on the chosen segment must not leave it looking unchosen

    def _toggle_target(self, value: object) -> object:
        return value

    def _offers(self, value: object) -> bool:
        index = next((i for i, v in enumerate(self._values) if _same(v, value)), -1)
        return index < 0 or self._group.button(index).isEnabled()

    def _sync(self) -> None:
        for index, value in enumerate(self._values):
            button = self._group.button(index)
            button.setChecked(_same(value, self._value))
        self.setAccessibleDescription(self.describe())

    def describe(self) -> str:
        index = self._index()
        return self._group.button(index).text() if index >= 0 else "Not answered"

    def _index(self) -> int:
        return next((i for i, v in enumerate(self._values) if _same(v, self._value)), -1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        index = self._index()
        last = len(self._values) - 1
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Plus):
            self._choose(self._values[min(last, index + 1)])
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Minus):
            self._choose(self._values[max(0, index - 1)])
        elif key == Qt.Key.Key_Home:
            self._choose(self._values[0])
        elif key == Qt.Key.Key_End:
            self._choose(self._values[last])
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._choose(None)
        elif event.modifiers() & _COMMAND_MODIFIERS or not self._typed(event.text()):
            super().keyPressEvent(event)  # Ctrl+9 is a shortcut, never the answer "9"

    def _typed(self, text: str) -> bool:
        """Letter shortcuts, as in lists: a letter picks the first option starting with it,
        and the same letter again moves on to the next one (No → Not answered → No)."""
        if not text or not text.isalpha():
            return False
        starting = [
            index
            for index in range(len(self._values))
            if self._group.button(index).text()[:1].lower() == text.lower()
        ]
        if not starting:
            return False
        current = self._index()
        after = [index for index in starting if index > current] if current in starting else []
        self._choose(self._values[(after or starting)[0]])
        return True


class ScaleInput(SegmentedChoice):
    """A 0–10 scale. Clicking the chosen number again, or Delete, clears it."""

    def __init__(self, scale: Scale, parent: QWidget | None = None) -> None:
        self.scale = scale
        options = [(n, str(n)) for n in range(SCALE_MIN, SCALE_MAX + 1)]
        super().__init__(options, f"{scale.label}, 0 to 10", parent)
        self._typed_timer = QElapsedTimer()
        for index in range(len(options)):
            button = self._group.button(index)
            button.setToolTip(self.scale.describe(index))
            button.setProperty("scaleCell", True)

    def _toggle_target(self, value: object) -> object:
        return None if value == self._value else value

    def describe(self) -> str:
        return self.scale.describe(self._value if isinstance(self._value, int) else None)

    def _typed(self, text: str) -> bool:
        if len(text) != 1 or not text.isdigit():
            return False
        digit = int(text)
        recent = self._typed_timer.isValid() and self._typed_timer.elapsed() < _DIGIT_PAIR_MS
        if digit == 0 and recent and self._value == 1:
            digit = 10
        self._typed_timer.start()
        self._choose(digit)
        return True


class TriStateInput(SegmentedChoice):
    """No / Yes / Not answered: "not answered" stays distinct from "no"."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(
            [(False, "No"), (True, "Yes"), (None, "Not answered")], accessible_name, parent
        )
