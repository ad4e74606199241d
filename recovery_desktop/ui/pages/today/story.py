"""Gentle notes on Today where the day's records disagree, each with one button to settle it.

Each note sits in the free room of the row it is about (``CheckInForm.place_notes``): a use not
yet recorded and a lapse without "yes" beside Used today, a stronger logged craving beside
Craving peak. A note is never taller than its row, so showing or hiding one moves nothing.
The rules are in ``domain.day_story``; nothing here changes a record by itself.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.day_story import (
    DayRecords,
    UseToRecord,
    lapse_without_yes,
    peak_behind,
    use_to_record,
)
from recovery_desktop.ui.pages.today.checkin_form import CheckInForm
from recovery_desktop.ui.widgets.action_line import ActionLine


class DayStory(QObject):
    """The notes for one day: a use not yet recorded, a lapse without "yes", a craving peak
    lower than the logged cravings."""

    record_lapse = Signal(object)  # the Craving that ended in using, or None for the day
    mark_used = Signal()
    use_peak = Signal(int)

    def __init__(self, form: CheckInForm) -> None:
        super().__init__(form)
        self.use_line = ActionLine("A use not yet recorded", form)
        self.lapse_line = ActionLine("A lapse recorded for this day", form)
        self.peak_line = ActionLine("Craving peak", form)
        self._craving: object = None
        self._peak = 0
        self.use_line.button.clicked.connect(lambda: self.record_lapse.emit(self._craving))
        self.lapse_line.button.clicked.connect(self.mark_used)
        self.peak_line.button.clicked.connect(lambda: self.use_peak.emit(self._peak))
        form.place_notes("used", self.use_line, self.lapse_line)
        form.place_notes("craving_peak", self.peak_line)

    def shown(self) -> list[ActionLine]:
        """The notes on screen now."""
        return [line for line in self.lines() if not line.isHidden()]

    def lines(self) -> tuple[ActionLine, ...]:
        return (self.use_line, self.lapse_line, self.peak_line)

    def update_for(self, records: DayRecords, checkin: CheckIn, is_today: bool) -> None:
        """Show the notes that apply to ``checkin`` (what is on screen) and ``records``."""
        which = "today" if is_today else "on this day"
        self._show_use(use_to_record(records, checkin.used))
        if lapse_without_yes(records, checkin.used):
            self.lapse_line.say(
                f"A lapse is recorded {which}, but \u201cUsed today\u201d doesn't say yes.",
                "Mark it &yes",
                f"A lapse is recorded {which}.",
            )
        else:
            self.lapse_line.hide()
        peak = peak_behind(records, checkin.craving_peak)
        if peak is None:
            self.peak_line.hide()
        else:
            self._peak = peak
            self.peak_line.say(
                f"Your logged cravings {which} reached {peak}.",
                f"Use &{peak}",
                f"You logged {peak}",
            )

    def _show_use(self, use: UseToRecord | None) -> None:
        if use is None:
            self.use_line.hide()
            return
        self._craving = use.craving
        if use.craving is None:
            first, short = "You marked this day as used.", "Not recorded as a lapse yet."
        else:
            first = f"A craving at {use.craving.started_at:%H:%M} ended in using."
            short = first
        self.use_line.say(f"{first} Record it when you're ready.", "&Record it…", short)
