"""Today's "Coming up" card: the appointments of the next three days still to come
("Tue 10:00 · Therapy with Sam · Clinic, room 4"), and a way to Medication & visits.

Not there at all when nothing is coming up, nor while Today shows another day's check-in
(its "Tomorrow" would be read as the day after that one). It follows the clock without polling: a
single-shot timer fires a minute after the first of today's appointments starts (then it is
no longer "coming up"); records come through Today's ``data_changed``
(``Change.APPOINTMENTS``) and a new date through its ``day_changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.appointment_words import coming_up_line, next_change_at
from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.wording import plural
from recovery_desktop.ui.pages.today.doses_card import MEDICATION_PAGE
from recovery_desktop.ui.widgets.status_line import EndElidedLine

if TYPE_CHECKING:
    from recovery_desktop.data.appointments import AppointmentRepository

DAYS_AHEAD = 3  # today and the two days after
LINES_SHOWN = 3  # more appointments are counted in one line, so the form keeps its room
MAX_WAIT_MS = 6 * 60 * 60 * 1000  # read again at least this often while shown


class ComingUpCard(QFrame):
    """See the module's note. ``open_medication``: the user asked for that page."""

    open_medication = Signal()

    def __init__(
        self,
        appointments: AppointmentRepository,
        now: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dayCard")
        self.setAccessibleName("Coming up")
        self._appointments = appointments
        self._now = now or datetime.now
        self.shown_appointments: list[Appointment] = []
        self._viewed: date | None = None  # the check-in's day; None: always today
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.refresh)
        heading = QLabel("Coming up", self)
        heading.setObjectName("cardHeading")
        self.open_button = QPushButton(f"{MEDICATION_PAGE.replace('&', '&&')}…", self)
        self.open_button.setToolTip("See and change appointments on Medication & visits")
        self.open_button.clicked.connect(self.open_medication.emit)
        self.lines = [EndElidedLine(self) for _ in range(LINES_SHOWN + 1)]  # the last: "and N more"
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        for line in self.lines:
            layout.addWidget(line)
        layout.addStretch(1)
        self.hide()

    def show_day(self, day: date) -> None:
        """Today shows ``day``'s check-in: the card is there only when that is today."""
        self._viewed = day
        self.refresh()

    def refresh(self) -> None:
        """Read what is coming up from now on; hidden when nothing is, or when another
        day's check-in is shown."""
        now = self._now()
        found = self._read(now) if self._viewed in (None, now.date()) else []
        self.shown_appointments = found
        words = [coming_up_line(a, now.date()) for a in found[:LINES_SHOWN]]
        if len(found) > LINES_SHOWN:
            more = len(found) - LINES_SHOWN
            words.append(f"and {plural(more, 'more appointment')} on {MEDICATION_PAGE}")
        for index, line in enumerate(self.lines):
            line.set_whole(words[index] if index < len(words) else "")
            line.setVisible(index < len(words))
        self.setAccessibleDescription(". ".join(words))
        self.setVisible(bool(found))
        self._arm(now)

    def _read(self, now: datetime) -> list[Appointment]:
        try:
            return self._appointments.upcoming(now, DAYS_AHEAD)
        except JournalError:
            return []

    def _arm(self, now: datetime) -> None:
        change = next_change_at(self.shown_appointments, now)
        wait = MAX_WAIT_MS if change is None else (change - now).total_seconds() * 1000
        self.timer.start(int(min(max(wait, 0), MAX_WAIT_MS)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.timer.isActive():
            self.refresh()
