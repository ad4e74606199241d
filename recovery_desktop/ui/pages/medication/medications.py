"""The medications list with Add, Edit, Stop… and Delete…: each medication's schedule in
words and the doses taken of those expected in the last 7 and 30 days."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.drafts import Draft
from recovery_desktop.domain.medication import Medication, MedicationError
from recovery_desktop.domain.medication_words import is_stopped
from recovery_desktop.ui.models.medications_model import (
    COL_DATES,
    COL_DOSE,
    COL_KIND,
    COL_MONTH,
    COL_NAME,
    COL_SCHEDULE,
    COL_WEEK,
    MedicationRow,
    MedicationsModel,
)
from recovery_desktop.ui.pages.medication.editor import MedicationEditor
from recovery_desktop.ui.pages.medication.stop import StopDialog
from recovery_desktop.ui.widgets.keys import widget_keys
from recovery_desktop.ui.widgets.questions import confirm
from recovery_desktop.ui.widgets.status_line import StatusLine
from recovery_desktop.ui.widgets.tables import (
    edit_on_activate,
    fit_rows,
    record_table,
    share_columns,
)

if TYPE_CHECKING:
    from recovery_desktop.data.medication import MedicationRepository

EMPTY = (
    "No medication recorded yet. Add what you take, as your prescriber or clinic set it: "
    "medication for opioid use disorder is one of the strongest protections there is, and "
    "ticking doses keeps your own record of it."
)
HINT = "Tick each day's doses below. A missed dose is worth knowing, nothing more."
DELETE_TEXT = (
    "Delete {name} and everything recorded with it: its schedules, every dose ticked and "
    "its taper notes? This can't be undone. To keep its history, use Stop… instead."
)


def read_rows(medications: MedicationRepository, today: date) -> list[MedicationRow]:
    """Every medication with its adherence over the 7 and the 30 days up to ``today``:
    the days that are over, and today's doses once ticked
    (``domain.medication.due_so_far``). Raises JournalError when the journal cannot be
    read."""
    rows = []
    for medication in medications.medications():
        assert medication.id is not None
        week, month = (
            medications.adherence(medication.id, today - timedelta(days=n - 1), today, today)
            for n in (7, 30)
        )
        rows.append(MedicationRow(medication, week, month, today))
    return rows


class MedicationsBox(QGroupBox):
    """The list and its buttons; every change is saved at once. ``today`` tells the day
    the page is on (the date, moved on at midnight)."""

    def __init__(
        self,
        medications: MedicationRepository,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Medication", parent)
        self.medications = medications
        self.today = today
        self.model = MedicationsModel()
        self.view = record_table(self.model, "Medications", self)
        share_columns(
            self.view,
            fixed=(COL_DATES, COL_WEEK, COL_MONTH),
            flexible=(COL_NAME, COL_SCHEDULE, COL_DOSE, COL_KIND),
        )
        edit_on_activate(self.view, self.edit)
        widget_keys(self.view, [("Delete", self.delete)])
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.hint = QLabel(EMPTY, self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hintLabel")
        self.status = StatusLine("Medication status", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view)
        layout.addLayout(self._buttons())
        layout.addWidget(self.status)
        self.refresh()

    def _buttons(self) -> QHBoxLayout:
        self.add_button = QPushButton("&Add…", self)
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton("&Edit…", self)
        self.edit_button.clicked.connect(self.edit)
        self.stop_button = QPushButton("&Stop…", self)
        self.stop_button.clicked.connect(self.stop)
        self.delete_button = QPushButton("&Delete…", self)
        self.delete_button.clicked.connect(self.delete)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.stop_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def refresh(self, select_id: int | None = None) -> None:
        """Read the list again, keeping (or moving to) the selection."""
        current = self.selected()
        keep = select_id if select_id is not None else (current.id if current else None)
        try:
            rows = read_rows(self.medications, self.today())
        except JournalError as error:
            self.status.setText(str(error))
            rows = []
        self.model.set_medications(rows)
        fit_rows(self.view, len(rows), least=2, most=8)
        self.hint.setText(HINT if rows else EMPTY)
        if keep is not None and self.model.row_of(keep) >= 0:
            self.view.selectRow(self.model.row_of(keep))
        self._update_buttons()

    def selected(self) -> Medication | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.medication_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        medication = self.selected()
        for button in (self.edit_button, self.stop_button, self.delete_button):
            button.setEnabled(medication is not None)
        stopped = medication is not None and is_stopped(medication, self.today())
        self.stop_button.setText("Change &stop…" if stopped else "&Stop…")

    def add(self) -> None:
        self._run_editor(None)

    def edit(self) -> None:
        medication = self.selected()
        if medication is not None:
            self._run_editor(medication)

    def resume(self, draft: Draft) -> None:
        """Reopen the dialog that was open when the journal locked, as it was left (as a
        new medication when the one it edited is gone meanwhile)."""
        medication_id = draft.number("id")
        try:
            medication = self.medications.get(medication_id) if medication_id else None
        except JournalError:
            medication = None
        self._run_editor(medication, draft)

    def _run_editor(self, medication: Medication | None, draft: Draft | None = None) -> None:
        editor = MedicationEditor(self.medications, medication, self.today(), self)
        if draft is not None:
            editor.resume(draft)
        if editor.exec() and editor.medication is not None:
            self.refresh(editor.medication.id)
            self.status.setText("Saved.")
        editor.deleteLater()

    def stop(self) -> None:
        medication = self.selected()
        if medication is None or medication.id is None:
            return
        dialog = StopDialog(medication, self.today(), self)
        if dialog.exec():
            last_day = dialog.last_day()
            self._write(lambda: self.medications.stop(medication.id or 0, last_day), "Stopped.")
        dialog.deleteLater()

    def delete(self) -> None:
        medication = self.selected()
        if medication is None or medication.id is None:
            return
        detail = DELETE_TEXT.format(name=medication.name)
        question = "Delete this medication and all its history?"
        if confirm(self, "Delete this medication?", question, detail, "&Delete"):
            self._write(lambda: self.medications.delete(medication.id or 0), "Deleted.")

    def _write(self, action: Callable[[], object], done: str) -> None:
        try:
            action()
        except (JournalError, MedicationError) as error:
            self.status.setText(f"Not saved: {error}")
            return
        self.refresh()
        self.status.setText(done)
