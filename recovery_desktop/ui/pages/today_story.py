"""Gentle lines on Today where the day's records disagree, each with one button to settle it.

The rules are in ``domain.day_story``; nothing here changes a record by itself.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.day_story import (
    DayRecords,
    lapse_without_yes,
    peak_behind,
    use_to_record,
)
from recovery_desktop.ui.widgets.action_line import ActionLine


class DayStory(QWidget):
    """The lines for one day: a use not yet recorded, a lapse without "yes", a craving peak
    lower than the logged cravings."""

    record_lapse = Signal(object)  # the Craving that ended in using, or None for the day
    mark_used = Signal()
    use_peak = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.use_line = ActionLine("A use not yet recorded", self)
        self.lapse_line = ActionLine("A lapse recorded for this day", self)
        self.peak_line = ActionLine("Craving peak", self)
        self._craving: object = None
        self._peak = 0
        self.use_line.button.clicked.connect(lambda: self.record_lapse.emit(self._craving))
        self.lapse_line.button.clicked.connect(self.mark_used)
        self.peak_line.button.clicked.connect(lambda: self.use_peak.emit(self._peak))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for line in (self.use_line, self.lapse_line, self.peak_line):
            layout.addWidget(line)

    def update_for(self, records: DayRecords, checkin: CheckIn, is_today: bool) -> None:
        """Show the lines that apply to ``checkin`` (what is on screen) and ``records``."""
        which = "today" if is_today else "on this day"
        use = use_to_record(records, checkin.used)
        if use is None:
            self.use_line.hide()
        else:
            self._craving = use.craving
            first = (
                "You marked this day as used."
                if use.craving is None
                else f"A craving at {use.craving.started_at:%H:%M} ended in using."
            )
            self.use_line.say(f"{first} Record it when you're ready.", "&Record it…")
        if lapse_without_yes(records, checkin.used):
            self.lapse_line.say(
                f"A lapse is recorded {which}, but \u201cUsed today\u201d doesn't say yes.",
                "Mark it &yes",
            )
        else:
            self.lapse_line.hide()
        peak = peak_behind(records, checkin.craving_peak)
        if peak is None:
            self.peak_line.hide()
        else:
            self._peak = peak
            self.peak_line.say(f"Your logged cravings {which} reached {peak}.", f"Use &{peak}")
        lines = (self.use_line, self.lapse_line, self.peak_line)
        self.setHidden(all(line.isHidden() for line in lines))
