"""Add or edit an appointment: kind, day and time (or "time not known"), length, title,
place, with whom (linked to People when the name matches one contact), notes; for a new
one a weekly repeat made in one action, and afterwards how it went.

What was typed is checked first (``Appointment.validate``, ``WeeklyRepeat.days``); a
refusal is shown in the dialog in plain words and nothing typed is lost. Editing one of a
repeat asks whether the change is for this one only or for the following ones too.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.appointment_list import ATTENDANCE_WORDS, NOT_MARKED
from recovery_desktop.domain.appointments import (
    DEFAULT_MINUTES,
    Appointment,
    AppointmentError,
    WeeklyRepeat,
)
from recovery_desktop.domain.attendance_marks import NOT_YET, can_mark
from recovery_desktop.domain.sessions import AppointmentKind, Attendance
from recovery_desktop.domain.wording import plural
from recovery_desktop.ui.dates import from_qdate
from recovery_desktop.ui.dialogs.contact_dialog import notes_edit
from recovery_desktop.ui.pages.medication.appointment_fields import (
    DEFAULT_TIME,
    RepeatField,
    TimeField,
    WithWhomField,
    date_field,
)
from recovery_desktop.ui.pages.medication.appointment_questions import Reach, which_days
from recovery_desktop.ui.widgets.choice import SegmentedChoice
from recovery_desktop.ui.widgets.counted_spin import count_unit
from recovery_desktop.ui.widgets.layout import compact_combo, ok_cancel
from recovery_desktop.ui.widgets.passphrase import ErrorLabel

if TYPE_CHECKING:
    from recovery_desktop.data.appointments import AppointmentRepository
    from recovery_desktop.data.contacts import ContactRepository


class AppointmentEditor(QDialog):
    """Adds an appointment on ``day`` (today when None), or edits ``appointment``, of
    whose repeat ``later`` appointments come after it. Once saved, ``saved`` holds what
    was stored and ``said`` a short line for the status ("Added 13 appointments.")."""

    def __init__(
        self,
        appointments: AppointmentRepository,
        contacts: ContactRepository,
        appointment: Appointment | None = None,
        *,
        day: date | None = None,
        later: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.appointments = appointments
        self.original = appointment
        self.later = later
        self.saved: list[Appointment] = []
        self.said = ""
        shown = appointment or Appointment(
            day or date.today(), AppointmentKind.THERAPY, DEFAULT_TIME
        )
        self.setWindowTitle("New appointment" if appointment is None else "Edit appointment")
        self.setMinimumWidth(540)
        self.error = ErrorLabel(self)
        self._said_repeat = ""
        self._fields(shown, contacts)
        self._build(new=appointment is None)
        self.error.clear_when_edited(
            self.kind, self.day, self.minutes, self.title_edit, self.place, self.notes
        )
        self.repeat.problem.connect(self._repeat_problem)
        # after the error line's clearing on a day change, so what it says about the mark stays
        self.day.dateChanged.connect(lambda d: self._offer_marks(from_qdate(d)))
        self.kind.setFocus()

    def _repeat_problem(self, problem: str) -> None:
        """What is wrong with the repeat, said once, in the error line, as it is made."""
        if problem or self.error.text() == self._said_repeat:
            self.error.show_message(problem)
        self._said_repeat = problem

    # -- fields --------------------------------------------------------------------------
    def _fields(self, shown: Appointment, contacts: ContactRepository) -> None:
        self.kind = compact_combo(QComboBox(self), 16)
        self.kind.setAccessibleName("Kind")
        for kind in AppointmentKind:
            self.kind.addItem(kind.label, kind)
        self.kind.setCurrentIndex(self.kind.findData(shown.kind))
        self.day = date_field("Day", shown.day, self)
        self.time = TimeField(shown.at, self)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(5, 24 * 60)
        self.minutes.setSingleStep(5)
        self.minutes.setAccessibleName("Length in minutes")
        count_unit(self.minutes, "minute")
        self.minutes.setValue(shown.minutes or DEFAULT_MINUTES)
        self.title_edit = self._line("Title", shown.title, "Optional: for example, Weekly therapy")
        self.with_whom = WithWhomField(shown.with_whom, _names(contacts), self._match, self)
        self.place = self._line("Place", shown.place, "Optional: where it is, or online")
        self.notes = notes_edit("Notes", "Optional: what to bring, what to talk about", self)
        self.notes.setPlainText(shown.notes)
        self.repeat = RepeatField(shown.day, self)
        self.day.dateChanged.connect(lambda d: self.repeat.first_changed(from_qdate(d)))
        options = [(None, NOT_MARKED), *((a, w) for a, w in ATTENDANCE_WORDS.items())]
        self.attendance = SegmentedChoice(options, "Attendance", self)
        self.attendance.setValue(shown.attendance)
        self._offer_marks(shown.day)

    def _offer_marks(self, day: date) -> None:
        """Attended and missed wait for the appointment's day; rescheduled is always there.
        A mark chosen that the day no longer allows goes back to "Not marked yet", and the
        error line says so (rather than refusing on Save)."""
        for attendance in ATTENDANCE_WORDS:
            offered = can_mark(attendance, day, date.today())
            self.attendance.set_offered(attendance, offered, NOT_YET)
        chosen = self.attendance.value()
        if isinstance(chosen, Attendance) and not can_mark(chosen, day, date.today()):
            self.attendance.setValue(None)
            self.error.show_message(
                f"{ATTENDANCE_WORDS[chosen]} is for a day that has come: back to {NOT_MARKED}."
            )

    def _line(self, name: str, text: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _match(self, name: str) -> str | None:
        try:
            return self.appointments.contact_matching(name)
        except JournalError:
            return None  # the link is a convenience; the name as typed is kept anyway

    def _build(self, new: bool) -> None:
        form = QFormLayout()
        form.addRow(_label("&Kind:", self.kind, self), _left(self.kind))
        when = QHBoxLayout()
        when.addWidget(self.day)
        when.addWidget(_label("a&t", self.time.edit, self))
        when.addWidget(self.time, 1)
        form.addRow(_label("&Day:", self.day, self), when)
        form.addRow(_label("&Length:", self.minutes, self), _left(self.minutes))
        form.addRow(_label("T&itle:", self.title_edit, self), self.title_edit)
        form.addRow(_label("&With whom:", self.with_whom.edit, self), self.with_whom)
        form.addRow(_label("&Place:", self.place, self), self.place)
        form.addRow(_label("N&otes:", self.notes, self), self.notes)
        if new:
            form.addRow("", self.repeat)
            self.attendance.hide()
        else:
            form.addRow(_label("Attendan&ce:", self.attendance, self), self.attendance)
            self.repeat.hide()
        self.buttons = ok_cancel(self, "&Add" if new else "&Save")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    # -- saving --------------------------------------------------------------------------
    def appointment(self) -> Appointment:
        """What is typed, as an appointment (not checked)."""
        original = self.original
        return Appointment(
            day=from_qdate(self.day.date()),
            kind=self.kind.currentData(),
            at=self.time.value(),
            minutes=self.minutes.value(),
            title=self.title_edit.text().strip(),
            place=self.place.text().strip(),
            with_whom=self.with_whom.text(),
            contact_uid=self._contact_uid(),
            notes=self.notes.toPlainText().strip(),
            attendance=self.attendance.value() if original is not None else None,  # type: ignore[arg-type]
            series_id=original.series_id if original is not None else None,
            id=original.id if original is not None else None,
        )

    def _contact_uid(self) -> str | None:
        """The contact the name links to; an existing link stays while the name is the one
        it was made for (the contact may have been renamed in People since)."""
        found = self.with_whom.contact_uid()
        original = self.original
        kept_name = original is not None and self.with_whom.text() == original.with_whom.strip()
        if found is None and kept_name and original is not None:
            return original.contact_uid
        return found

    def accept(self) -> None:
        appointment = self.appointment()
        try:
            appointment.validate()
            if not can_mark(appointment.attendance, appointment.day, date.today()):
                self.error.show_message(f"{NOT_YET}: choose Not marked yet or Rescheduled.")
                return
            repeat = self.repeat.repeat() if self.original is None else None
            if repeat is not None:
                repeat.days(appointment.day)
            if not self._store(appointment, repeat):
                return
        except (AppointmentError, ValueError) as error:
            self.error.show_message(str(error))
            return
        except JournalError as error:
            self.error.show_message(f"Not saved: {error} What you typed is still here.")
            return
        super().accept()

    def _store(self, appointment: Appointment, repeat: WeeklyRepeat | None) -> bool:
        """Add or update; False when the user went back from the question about a repeat."""
        if self.original is None:
            self.saved = self.appointments.add(appointment, repeat)
            self.said = (
                "Added."
                if len(self.saved) == 1
                else f"Added {plural(len(self.saved), 'appointment')}."
            )
            return True
        if appointment == self.original:
            return True
        reach = self._reach(appointment)
        if reach is None:
            return False
        following = reach is Reach.FOLLOWING
        self.appointments.update(appointment, following=following)
        self.saved = [appointment]
        self.said = "Changed this one and the following ones." if following else "Changed."
        return True

    def _reach(self, appointment: Appointment) -> Reach | None:
        """This one only, unless the appointment has later ones in its repeat and more than
        its attendance changed (then the user is asked)."""
        original = self.original
        assert original is not None
        only_attendance = replace(appointment, attendance=original.attendance) == original
        if self.later == 0 or only_attendance:
            return Reach.THIS_ONE
        return which_days(self, original, self.later, "Save")


def _label(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def _left(field: QWidget) -> QHBoxLayout:
    """``field`` at its own width, on the left of its row."""
    row = QHBoxLayout()
    row.addWidget(field)
    row.addStretch(1)
    return row


def _names(contacts: ContactRepository) -> list[str]:
    """People's names for completing "with whom" (none when they cannot be read)."""
    try:
        return [c.name for c in contacts.contacts()]
    except JournalError:
        return []
