"""Medication & visits (PRODUCT feature 7): the medications the user takes and the doses
of a day to tick, in one tab; appointments in the other. Every change is saved at once,
so ``flush()`` has nothing to do."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from recovery_desktop.data.changes import Change
from recovery_desktop.domain.drafts import Draft, DraftKind
from recovery_desktop.ui.pages.medication.appointments import AppointmentsPanel
from recovery_desktop.ui.pages.medication.doses import DosesBox
from recovery_desktop.ui.pages.medication.medications import MedicationsBox
from recovery_desktop.ui.widgets.layout import page_heading, scroll_area

if TYPE_CHECKING:
    from recovery_desktop.data.appointments import AppointmentRepository
    from recovery_desktop.data.contacts import ContactRepository
    from recovery_desktop.data.medication import MedicationRepository

TITLE = "Medication & visits"
MEDICATION_KINDS = frozenset({Change.MEDICATION, Change.REPLACED})
APPOINTMENT_KINDS = frozenset({Change.APPOINTMENTS, Change.CONTACTS, Change.REPLACED})


class MedicationPage(QWidget):
    """Two tabs: "Medication" (the list, then the doses of a chosen day) and
    "Appointments" (:class:`AppointmentsPanel`)."""

    title = TITLE
    shows = MEDICATION_KINDS | APPOINTMENT_KINDS
    draft_kinds = (DraftKind.MEDICATION,)

    def __init__(
        self,
        medications: MedicationRepository,
        appointments: AppointmentRepository,
        contacts: ContactRepository,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = date.today()
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        body = QWidget(self)
        self.medication_box = MedicationsBox(medications, lambda: self._today, body)
        self.doses = DosesBox(medications, body)
        column = QVBoxLayout(body)
        column.addWidget(self.medication_box)
        column.addWidget(self.doses)
        column.addStretch(1)
        self.appointments = AppointmentsPanel(appointments, contacts, self)
        self.tabs.addTab(scroll_area(body, self), "&Medication")
        self.tabs.addTab(self.appointments, "A&ppointments")
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading(TITLE, self))
        layout.addWidget(self.tabs, 1)

    def data_changed(self, kinds: frozenset[Change]) -> None:
        """Read again what shows ``kinds`` (``ui/change_signal.py``): a dose ticked here
        or on Today changes the adherence counts as well as the day's list."""
        if kinds & MEDICATION_KINDS:
            self.medication_box.refresh()
            self.doses.refresh()
        if kinds & APPOINTMENT_KINDS:
            self.appointments.refresh()

    def day_changed(self, today: date) -> None:
        """The local date changed: the last 7 and 30 days end on the new today, and the
        doses shown for the day that was today move on to it."""
        self._today = today
        self.medication_box.refresh()
        self.doses.day_changed(today)
        self.appointments.day_changed(today)

    def resume_draft(self, draft: Draft) -> None:
        """Reopen the medication dialog that was open when the journal locked."""
        self.tabs.setCurrentIndex(0)
        self.medication_box.resume(draft)

    def flush(self) -> bool:
        return True
