"""The appointments list as a table model (tested without a view): one appointment a row,
upcoming soonest first or past most recent first (``domain/appointment_list.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from recovery_desktop.domain.appointment_list import (
    ATTENDANCE_WORDS,
    NOT_MARKED,
    Shown,
    attendance_text,
    shown,
    time_text,
)
from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.sessions import AppointmentKind
from recovery_desktop.ui.models.record_rows import RecordRows

COL_DAY, COL_TIME, COL_KIND, COL_NAME, COL_PLACE, COL_ATTENDANCE = range(6)
HEADERS = ("Day", "Time", "Kind", "Appointment", "Place", "Attendance")


def possible_texts(column: int) -> list[str]:
    """Every text ``column`` can show, for the columns whose texts are known in advance
    (day, time, kind, attendance), so a view can size them once instead
    of measuring a thousand rows; [] for the columns of the user's own words."""
    if column == COL_DAY:  # every weekday and month name, with the widest numbers
        days = (
            date(2026, month, 28) + timedelta(days=d) for month in range(1, 13) for d in range(7)
        )
        return [date_text(day, "%a %-d %b %Y") for day in days]
    if column == COL_TIME:
        return ["00:00", "—"]
    if column == COL_KIND:
        return [kind.label for kind in AppointmentKind]
    if column == COL_ATTENDANCE:
        return [NOT_MARKED, *ATTENDANCE_WORDS.values()]
    return []


class AppointmentRows(RecordRows):
    """Rows are the appointments of the part shown (:meth:`show`) as seen on ``today``."""

    def __init__(self) -> None:
        super().__init__(HEADERS, self._cell, COL_TIME)
        self.today = date.today()

    def show(self, appointments: Sequence[Appointment], part: Shown, today: date) -> None:
        """Show ``part`` of ``appointments`` (any order) as seen on ``today``."""
        self.today = today
        self.set_rows(shown(appointments, part, today))

    def appointment_at(self, row: int) -> Appointment | None:
        found: Appointment | None = self.row_record(row)
        return found

    def row_of(self, appointment_id: int | None) -> int:
        """The row showing the appointment with this id, -1 if none does."""
        rows = (self.appointment_at(r) for r in range(self.rowCount()))
        return next((r for r, a in enumerate(rows) if a and a.id == appointment_id), -1)

    def _cell(self, appointment: Appointment, column: int) -> str:
        if column == COL_DAY:
            return date_text(appointment.day, "%a %-d %b %Y")
        if column == COL_TIME:
            return time_text(appointment)
        if column == COL_KIND:
            return appointment.kind.label
        if column == COL_NAME:
            return appointment.name
        if column == COL_PLACE:
            return appointment.place
        return attendance_text(appointment, self.today)
