"""Stopping a medication asks for the last day it was taken; its history stays."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from recovery_desktop.domain.medication import Medication
from recovery_desktop.ui.dates import from_qdate, sensible_dates, to_qdate
from recovery_desktop.ui.widgets.layout import ok_cancel

STOP_TEXT = (
    "From the day after, no doses of {name} are expected. Its doses so far and its notes "
    "stay in your journal, and it stays in the list, greyed."
)


class StopDialog(QDialog):
    """Asks for the last day ``medication`` was taken (today by default, not before its
    start date); :meth:`last_day` once accepted."""

    def __init__(self, medication: Medication, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Stop this medication?")
        text = QLabel(STOP_TEXT.format(name=medication.name), self)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)  # it names what the user typed
        self.day = sensible_dates(QDateEdit(self))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        self.day.setAccessibleName("Last day taken")
        if medication.started is not None:
            self.day.setMinimumDate(to_qdate(medication.started))
        self.day.setDate(to_qdate(medication.stopped or today))
        form = QFormLayout()
        form.addRow("&Last day taken:", self.day)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, "&Stop"))
        self.setMinimumWidth(420)
        self.day.setFocus()

    def last_day(self) -> date:
        return from_qdate(self.day.date())
