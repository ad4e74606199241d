"""Spin boxes whose lowest position means "not answered".

Like every spin box, they take the wheel only with the keyboard focus (ui/app_keys.py);
Delete (with nothing selected) sets them back to "not answered".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QWidget

from recovery_desktop.ui.widgets.counted_spin import count_unit

NOT_ANSWERED = "Not answered"


class _Optional:
    """Shared behaviour; mixed in before the Qt spin box class."""

    def _setup(self: Any, minimum: float, maximum: float, step: float, unit: str) -> None:
        self.setRange(minimum, maximum)
        self.setSingleStep(step)
        self.setSpecialValueText(NOT_ANSWERED)
        self.setValue(self.minimum())
        count_unit(self, unit)

    def _is_unset(self: Any) -> bool:
        return bool(self.value() <= self.minimum())

    def set_optional_value(self: Any, value: float | None) -> None:
        self.setValue(self.minimum() if value is None else value)

    def keyPressEvent(self: Any, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and not self.lineEdit().hasSelectedText():
            self.set_optional_value(None)
            return
        super().keyPressEvent(event)  # type: ignore[misc]


class OptionalSpinBox(_Optional, QSpinBox):
    """``unit`` is the singular noun ("minute"); the box shows "1 minute", "5 minutes"."""

    def __init__(self, maximum: int, step: int, unit: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._setup(-step, maximum, step, unit)

    def optional_value(self) -> int | None:
        return None if self._is_unset() else max(0, self.value())


class OptionalDoubleSpinBox(_Optional, QDoubleSpinBox):
    """``unit`` is the singular noun ("hour"); the box shows "1.0 hour", "7.5 hours"."""

    def __init__(self, maximum: float, step: float, unit: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDecimals(1)
        self._setup(-step, maximum, step, unit)

    def optional_value(self) -> float | None:
        return None if self._is_unset() else max(0.0, self.value())
