"""The doses of one day on the Medication page: ◀, the day, ▶ and Today above the list to
tick (past days can be corrected, days after today are not shown), and "Log a dose…" for
a medication taken as needed."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.calendar_text import day_heading
from recovery_desktop.domain.medication import DoseMark, Medication, Repeat
from recovery_desktop.ui.widgets.day_picker import DayPicker
from recovery_desktop.ui.widgets.dose_list import DoseList
from recovery_desktop.ui.widgets.layout import compact_combo, ok_cancel
from recovery_desktop.ui.widgets.passphrase import ErrorLabel
from recovery_desktop.ui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from recovery_desktop.data.medication import MedicationRepository

NOON = time(12, 0)
NAME_WIDTH = 260  # pixels: the longest name shown whole in "Log a dose"


def as_needed_on(medications: list[Medication], day: date) -> list[Medication]:
    """The medications taken "as needed" that are active on ``day``."""
    return [m for m in medications if m.schedule.repeat is Repeat.AS_NEEDED and m.is_active(day)]


LOG_TIP = "For a medication you take as needed"
NONE_AS_NEEDED = "For a medication you take as needed: none of yours is taken as needed"
NOT_ON_THIS_DAY = "No medication you take as needed was started yet, or still taken, on this day"


def log_tip(medications: list[Medication], day: date) -> str:
    """Why "Log a dose…" is offered or greyed on ``day``."""
    if as_needed_on(medications, day):
        return LOG_TIP
    if any(m.schedule.repeat is Repeat.AS_NEEDED for m in medications):
        return NOT_ON_THIS_DAY
    return NONE_AS_NEEDED


class LogDoseDialog(QDialog):
    """Logs one dose of an "as needed" medication on ``day``: which one and when (now on
    today, noon on a past day; editable). Stored on OK through ``medications``."""

    def __init__(
        self,
        medications: MedicationRepository,
        choices: list[Medication],
        day: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.medications = medications
        self.day = day
        self.setWindowTitle("Log a dose")
        self.medication = compact_combo(QComboBox(self), 24)
        self.medication.setAccessibleName("Medication")
        self.medication.setMinimumWidth(NAME_WIDTH + 40)  # the name and the arrow
        metrics = self.medication.fontMetrics()
        for medication in choices:  # a long name is shortened, never widening the dialog
            name = metrics.elidedText(medication.name, Qt.TextElideMode.ElideRight, NAME_WIDTH)
            self.medication.addItem(name, medication.id)
        now = datetime.now().time() if day == date.today() else NOON
        self.at = QTimeEdit(QTime(now.hour, now.minute), self)
        self.at.setDisplayFormat("HH:mm")
        self.at.setAccessibleName("Taken at")
        self.error = ErrorLabel(self)
        form = QFormLayout()
        form.addRow("&Medication:", self.medication)
        form.addRow("&Taken at:", self.at)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(day_heading(day, date.today()), self))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, "&Log"))
        self.setMinimumWidth(380)

    def taken_at(self) -> time:
        return time(self.at.time().hour(), self.at.time().minute())

    def accept(self) -> None:
        at = self.taken_at()
        try:
            self.medications.mark_dose(
                int(self.medication.currentData()), self.day, at, DoseMark.TAKEN, at
            )
        except JournalError as error:
            self.error.show_message(f"Not saved: {error}")
            return
        super().accept()


class DosesBox(QGroupBox):
    """The day's doses (the shared :class:`DoseList`) for a day chosen here."""

    def __init__(self, medications: MedicationRepository, parent: QWidget | None = None):
        super().__init__("Doses", parent)
        self.medications = medications
        self.day = date.today()
        self._on_today = True
        self._choices: list[Medication] = []
        self.picker = DayPicker("Day of the doses", "T&oday", self)
        self.picker.day_chosen.connect(self.go_to)
        self.picker.add_shortcuts(self)
        self.list = DoseList(medications, self)
        self.log_button = QPushButton("&Log a dose…", self)
        self.log_button.setToolTip(LOG_TIP)
        self.log_button.clicked.connect(self.log_dose)
        self.status = StatusLine("Doses status", self)
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addStretch(1)
        top.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addWidget(self.status)
        self.go_to(self.day)

    def go_to(self, day: date) -> None:
        """Show the doses of ``day`` (up to today)."""
        self.day = day
        self._on_today = day == date.today()
        self.picker.show_day(day)
        self.refresh()

    def refresh(self) -> None:
        """Read the day's doses, and which medications can be logged, again."""
        self.list.show_day(self.day)
        try:
            every = self.medications.medications()
        except JournalError as error:
            every = []
            self.status.setText(str(error))
        self._choices = as_needed_on(every, self.day)
        self.log_button.setEnabled(bool(self._choices))
        self.log_button.setToolTip(log_tip(every, self.day))

    def day_changed(self, today: date) -> None:
        """The date changed: doses shown for the day that was today move on to the new
        today; a day the user chose stays."""
        if self._on_today:
            self.go_to(today)
        else:
            self.picker.set_today(today)

    def log_dose(self) -> None:
        if not self._choices:
            return
        dialog = LogDoseDialog(self.medications, self._choices, self.day, self)
        if dialog.exec():
            self.status.setText(f"Logged a dose at {dialog.taken_at():%H:%M}.")
            self.refresh()
        dialog.deleteLater()
