"""Seven check boxes, Monday to Sunday, for choosing days of the week."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from recovery_desktop.domain.calendar_text import WEEKDAYS


class WeekdayBoxes(QWidget):
    """``days()`` the chosen weekdays (0 Monday … 6 Sunday); ``toggled(day, on)`` when the
    user ticks or unticks one. ``what`` names the row for screen readers ("Clinic days")."""

    toggled = Signal(int, bool)

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(what)
        self.boxes: list[QCheckBox] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for day, name in enumerate(WEEKDAYS):
            box = QCheckBox(name[:3], self)
            box.setAccessibleName(f"{what}: {name}")
            box.toggled.connect(lambda on, day=day: self.toggled.emit(day, on))
            self.boxes.append(box)
            row.addWidget(box)
        row.addStretch(1)

    def days(self) -> frozenset[int]:
        return frozenset(day for day, box in enumerate(self.boxes) if box.isChecked())

    def set_days(self, days: frozenset[int]) -> None:
        for day, box in enumerate(self.boxes):
            box.setChecked(day in days)

    def set_day(self, day: int, on: bool) -> None:
        self.boxes[day].setChecked(on)
