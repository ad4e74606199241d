"""Settings' "Waking day" box: when the day My day plans and counts idle time in starts and
ends, in 15-minute steps. An end before the start is a day that runs past midnight; the
same time for both is refused with a message and nothing is saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QWidget

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.day_plan import DAY_MINUTES, STEP_MINUTES, WakingWindow, minute_text
from recovery_desktop.domain.day_words import duration_text
from recovery_desktop.ui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from recovery_desktop.data.preferences import PreferenceRepository

EXPLAIN = (
    "My day shows this part of each day, and counts idle time (waking time with nothing "
    "planned) within it. A day that ends after midnight is fine: choose an end earlier than "
    "the start, and the small hours count as part of the day before."
)


def clock_combo(name: str, parent: QWidget) -> QComboBox:
    """A time of day in 15-minute steps (00:00 … 23:45); type "18" to jump to 18:00."""
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    for minute in range(0, DAY_MINUTES, STEP_MINUTES):
        combo.addItem(minute_text(minute), minute)
    return combo


class WakingWindowBox(QGroupBox):
    """Two time fields saved together through ``preferences.set_waking_window``."""

    def __init__(self, preferences: PreferenceRepository, parent: QWidget | None = None) -> None:
        super().__init__("Waking day", parent)
        self.preferences = preferences
        self.start = clock_combo("Waking day starts at", self)
        self.end = clock_combo("Waking day ends at", self)
        self.status = StatusLine("Waking day status", self)
        try:
            window = preferences.waking_window()
        except JournalError:
            window = WakingWindow()
        self._show(window)
        for combo in (self.start, self.end):
            combo.currentIndexChanged.connect(lambda _i: self.save())
        text = QLabel(EXPLAIN, self)
        text.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.start)
        row.addWidget(QLabel("to", self))
        row.addWidget(self.end)
        row.addStretch(1)
        start_label = QLabel("Wa&king day:", self)
        start_label.setBuddy(self.start)
        form = QFormLayout(self)
        form.addRow(text)
        form.addRow(start_label, row)
        form.addRow("", self.status)

    def _show(self, window: WakingWindow) -> None:
        for combo, minute in ((self.start, window.start), (self.end, window.end)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(minute)))
            combo.blockSignals(False)

    def save(self) -> None:
        start, end = int(self.start.currentData()), int(self.end.currentData())
        if start == end:
            self.status.setText("Not saved: the day has to end at a different time than it starts.")
            return
        window = WakingWindow(start, end)
        try:
            self.preferences.set_waking_window(window)
        except JournalError as error:
            self.status.setText(f"Not saved: {error}")
            return
        past = ", past midnight" if window.crosses_midnight else ""
        self.status.setText(f"Saved: {duration_text(window.minutes)}{past}.")
