"""Add or edit a medication: what it is, its dose as written, its schedule, its dates, who
prescribes it, and for methadone the clinic and take-home days; taper notes below.

What is typed is checked by ``Medication.validate()`` and the message shown in the dialog;
a refused save (a check or the journal) keeps everything typed. The fields sit in one
column that scrolls, so the dialog fits a 1024×600 screen with text at any size.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.drafts import Draft, DraftKind, DraftValue
from recovery_desktop.domain.medication import (
    MAX_NAME,
    MAX_TEXT,
    Medication,
    MedicationError,
    MedicationKind,
    Repeat,
    Schedule,
    TaperNote,
)
from recovery_desktop.ui.dates import from_qdate, sensible_dates, to_qdate
from recovery_desktop.ui.dialogs.contact_dialog import notes_edit
from recovery_desktop.ui.dialogs.drafts import KeepsDraft
from recovery_desktop.ui.pages.medication.editor_draft import (
    day_from,
    ids_from,
    ids_text,
    medication_from,
    medication_values,
    notes_from,
    notes_text,
)
from recovery_desktop.ui.pages.medication.schedule_fields import ScheduleFields
from recovery_desktop.ui.pages.medication.taper import TaperNotes
from recovery_desktop.ui.pages.medication.weekdays import WeekdayBoxes
from recovery_desktop.ui.widgets.layout import compact_combo, ok_cancel, scroll_area
from recovery_desktop.ui.widgets.passphrase import ErrorLabel
from recovery_desktop.ui.widgets.reading_order import in_reading_order, move_focus, tab_stops
from recovery_desktop.ui.window_size import available_size

if TYPE_CHECKING:
    from recovery_desktop.data.medication import MedicationRepository

WIDTH = 600
INTRO = (
    "Your own record of what you take, as your prescriber or clinic set it. "
    "The app counts the doses you tick; it never gives dosing advice."
)
NEW_SCHEDULE = Schedule(Repeat.WEEKDAYS, weekdays=frozenset(range(7)))


def _date_field(name: str, parent: QWidget) -> QDateEdit:
    field = QDateEdit(parent)
    sensible_dates(field)
    field.setCalendarPopup(True)
    field.setDisplayFormat("ddd d MMM yyyy")
    field.setAccessibleName(name)
    return field


def _line(name: str, placeholder: str, limit: int, parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(limit)
    return edit


class MethadoneDays(QGroupBox):
    """Clinic days and take-home days; ticking a day in one unticks it in the other."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Methadone: where each day's dose is taken", parent)
        self.clinic = WeekdayBoxes("Clinic days", self)
        self.take_home = WeekdayBoxes("Take-home days", self)
        self.clinic.toggled.connect(lambda day, on: self._ticked(self.take_home, day, on))
        self.take_home.toggled.connect(lambda day, on: self._ticked(self.clinic, day, on))
        form = QFormLayout(self)
        form.addRow("At the clinic:", self.clinic)
        form.addRow("Take-home:", self.take_home)

    @staticmethod
    def _ticked(other: WeekdayBoxes, day: int, on: bool) -> None:
        """A day ticked in one row is unticked in the other: never both on one day."""
        if on:
            other.set_day(day, False)


class MedicationEditor(QDialog, KeepsDraft):
    """Edits ``medication`` (None: a new one); on Save it is stored through
    ``medications`` (``add`` or ``update`` with ``today``) with its taper notes, and kept
    in ``self.medication``. What is typed is kept as a draft when the journal locks."""

    draft_kind = DraftKind.MEDICATION

    def __init__(
        self,
        medications: MedicationRepository,
        medication: Medication | None,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.medications = medications
        self.medication = medication
        self.today = today
        self.setWindowTitle("Edit medication" if medication else "Add a medication")
        self.error = ErrorLabel(self)
        start = medication or Medication("", MedicationKind.BUPRENORPHINE, NEW_SCHEDULE)
        notes, first_day = self._read(medication)
        self.schedule = ScheduleFields(start.schedule, editing=medication is not None, parent=self)
        self.methadone = MethadoneDays(self)
        self.taper = TaperNotes(notes, self)
        self._build()
        self._load(start, first_day)
        self.error.clear_when_edited(self.name, self.kind, self.dose)
        self.schedule.changed.connect(lambda: self.error.show_message(""))
        self.name.setFocus()
        self.remember_untouched()

    def _build(self) -> None:
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(INTRO, body)
        intro.setWordWrap(True)
        intro.setObjectName("hintLabel")
        column.addWidget(intro)
        column.addLayout(self._form(body))
        for box in (self.schedule, self.methadone, self.taper):
            box.setParent(body)
            column.addWidget(box)
        column.addStretch(1)
        self.area = scroll_area(body, self)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields in it
        layout = QVBoxLayout(self)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, "&Save"))
        self._fit(body)

    def _form(self, body: QWidget) -> QFormLayout:
        self.name = _line("Name", "As on the label, for example Suboxone", MAX_NAME, body)
        self.kind = compact_combo(QComboBox(body), 24)
        self.kind.setAccessibleName("Kind")
        for kind in MedicationKind:  # medication for opioid use disorder first
            self.kind.addItem(kind.label, kind)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_chosen())
        self.dose = _line("Dose", "As written, for example 16 mg film", MAX_TEXT, body)
        self.started = _date_field("Start date", body)
        self.started.dateChanged.connect(lambda q: self.schedule.start_count_on(from_qdate(q)))
        self.stopped_box = QCheckBox("Sto&pped; last day taken:", body)
        self.stopped = _date_field("Stop date", body)
        self.stopped_box.toggled.connect(self.stopped.setEnabled)
        self.prescriber = _line("Prescriber or clinic", "Optional", MAX_TEXT, body)
        self.notes = notes_edit("Notes", "Optional", body)
        self.notes.setMaximumHeight(self.fontMetrics().height() * 4)
        stop_row = QHBoxLayout()
        stop_row.addWidget(self.stopped_box)
        stop_row.addWidget(self.stopped)
        stop_row.addStretch(1)
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Dose:", self.dose)
        form.addRow("Start&ed:", self.started)
        form.addRow("", stop_row)
        form.addRow("Prescri&ber or clinic:", self.prescriber)
        form.addRow("N&otes:", self.notes)
        return form

    def tab_chain(self) -> list[QWidget]:
        """What Tab visits, as the dialog reads on screen (a time added later included)."""
        return in_reading_order(tab_stops(self), self)

    def focusNextPrevChild(self, forward: bool) -> bool:
        return move_focus(self.tab_chain(), forward) or super().focusNextPrevChild(forward)

    def _fit(self, body: QWidget) -> None:
        """As wide as :data:`WIDTH` and as tall as the content, within the screen."""
        room = available_size(self)
        width = min(WIDTH, room.width())
        body.adjustSize()
        around = 140  # the message line, the buttons and the margins
        self.resize(width, min(body.sizeHint().height() + around, room.height()))

    def _read(self, medication: Medication | None) -> tuple[list[TaperNote], date]:
        """The taper notes of ``medication`` and the day to show as its start when it has
        no start date (the first day of its first schedule)."""
        if medication is None or medication.id is None:
            return [], self.today
        try:
            spans = self.medications.spans(medication.id)
            notes = self.medications.taper_notes(medication.id)
        except JournalError as error:
            self.error.show_message(f"{error} Saving may not work now.")
            return [], medication.started or self.today
        first = min((span.since for span in spans), default=self.today)
        return notes, medication.started or first

    def _load(self, medication: Medication, first_day: date) -> None:
        self.name.setText(medication.name)
        self.kind.setCurrentIndex(self.kind.findData(medication.kind))
        self.dose.setText(medication.dose)
        self.started.setDate(to_qdate(first_day))
        self.stopped_box.setChecked(medication.stopped is not None)
        self.stopped.setEnabled(medication.stopped is not None)
        self.stopped.setDate(to_qdate(medication.stopped or self.today))
        self.prescriber.setText(medication.prescriber)
        self.notes.setPlainText(medication.notes)
        self.methadone.clinic.set_days(medication.clinic_days)
        self.methadone.take_home.set_days(medication.take_home_days)
        self._kind_chosen()

    def _kind_chosen(self) -> None:
        self.methadone.setVisible(self.kind.currentData() is MedicationKind.METHADONE)

    def edited(self) -> Medication:
        """The medication as the fields describe it (not yet validated or saved)."""
        kind: MedicationKind = self.kind.currentData()
        methadone = kind is MedicationKind.METHADONE
        base = self.medication or Medication("", kind, NEW_SCHEDULE)
        return replace(
            base,
            name=self.name.text().strip(),
            kind=kind,
            schedule=self.schedule.schedule(),
            dose=self.dose.text().strip(),
            started=from_qdate(self.started.date()),
            stopped=from_qdate(self.stopped.date()) if self.stopped_box.isChecked() else None,
            prescriber=self.prescriber.text().strip(),
            notes=self.notes.toPlainText().strip(),
            clinic_days=self.methadone.clinic.days() if methadone else frozenset(),
            take_home_days=self.methadone.take_home.days() if methadone else frozenset(),
        )

    def draft_values(self) -> dict[str, DraftValue]:
        new = [note for note in self.taper.notes() if note.id is None]
        return medication_values(self.edited()) | {
            "taper_new": notes_text(new),
            "taper_removed": ids_text(self.taper.removed()),
            "taper_typed": self.taper.text.text(),
            "taper_day": from_qdate(self.taper.day.date()).isoformat(),
        }

    def restore_draft(self, draft: Draft) -> None:
        medication = medication_from(draft, self.edited())
        self._load(medication, medication.started or self.today)
        self.schedule.set_schedule(medication.schedule)
        self.taper.restore(
            notes_from(draft.text("taper_new")),
            ids_from(draft.text("taper_removed")),
            draft.text("taper_typed"),
            day_from(draft.text("taper_day")) or self.today,
        )

    def accept(self) -> None:
        self.taper.add_typed()  # a note typed but not added is kept, not lost
        medication = self.edited()
        try:
            medication.validate()
            self._save(medication)
        except MedicationError as error:
            self.error.show_message(str(error))
            self._focus_problem(medication)
            return
        except JournalError as error:
            self.error.show_message(f"Not saved: {error} What you typed is still here.")
            return
        super().accept()

    def _save(self, medication: Medication) -> None:
        """The medication, then its taper notes; a retry after a refusal updates what the
        first attempt stored instead of adding it twice."""
        if medication.id is None:
            self.medication = self.medications.add(medication, self.today)
        else:
            self.medications.update(medication, self.today)
            self.medication = medication
        medication_id = self.medication.id
        assert medication_id is not None
        for row, note in self.taper.unsaved():
            self.taper.saved(row, self.medications.add_taper_note(medication_id, note))
        for note_id in self.taper.removed():
            self.medications.remove_taper_note(note_id)
            self.taper.forget_removed(note_id)

    def _focus_problem(self, medication: Medication) -> None:
        if not medication.name:
            self.name.setFocus()
        elif medication.stopped and medication.started and medication.stopped < medication.started:
            self.stopped.setFocus()
        elif medication.clinic_days & medication.take_home_days:
            self.methadone.clinic.setFocus()
        else:
            self.schedule.repeat.setFocus()
