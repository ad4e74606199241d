"""The appointments list in words: upcoming and past, how each went, and what a repeat
will make. Pure: no clock is read, ``today`` is passed in."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, time

from recovery_desktop.domain.appointments import Appointment, WeeklyRepeat
from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.sessions import Attendance
from recovery_desktop.domain.wording import plural

NOT_MARKED = "Not marked yet"
ATTENDANCE_WORDS = {
    Attendance.ATTENDED: "Attended",
    Attendance.MISSED: "Missed",
    Attendance.RESCHEDULED: "Rescheduled",
}


class Shown(enum.Enum):
    """Which part of the list is on screen."""

    UPCOMING = "upcoming"  # from today on, soonest first
    PAST = "past"  # before today, most recent first


def _order(appointment: Appointment) -> tuple[date, time]:
    """Day, then time; an appointment without a time comes first on its day."""
    return appointment.day, appointment.at or time(0)


def shown(appointments: Iterable[Appointment], part: Shown, today: date) -> list[Appointment]:
    """The appointments of ``part``: upcoming ones (``today`` included) soonest first, past
    ones most recent first."""
    if part is Shown.UPCOMING:
        return sorted((a for a in appointments if a.day >= today), key=_order)
    return sorted((a for a in appointments if a.day < today), key=_order, reverse=True)


def attendance_text(appointment: Appointment, today: date) -> str:
    """ "Attended", "Missed", "Rescheduled"; "Not marked yet" once the day has come (a
    session earlier today can be marked), and nothing for one still ahead."""
    if appointment.attendance is not None:
        return ATTENDANCE_WORDS[appointment.attendance]
    return NOT_MARKED if appointment.day <= today else ""


def time_text(appointment: Appointment) -> str:
    """ "10:00", or "—" when the time is not known."""
    return "—" if appointment.at is None else f"{appointment.at:%H:%M}"


def when_text(appointment: Appointment) -> str:
    """ "Tue 1 Dec 2026 at 10:00", or "Tue 1 Dec 2026" without a time: for questions."""
    day = date_text(appointment.day, "%a %-d %b %Y")
    return day if appointment.at is None else f"{day} at {appointment.at:%H:%M}"


def repeat_words(first: date, repeat: WeeklyRepeat) -> str:
    """What a repeat will make: "13 appointments, the last on Tue 23 Feb 2027". Raises
    :class:`AppointmentError` (plain words) for a repeat that cannot be made."""
    days = repeat.days(first)
    return f"{plural(len(days), 'appointment')}, the last on {date_text(days[-1], '%a %-d %b %Y')}"


def later_in_series(appointment: Appointment, every: Iterable[Appointment]) -> int:
    """How many appointments of ``appointment``'s series come after it (0 if none, or when
    it is not part of a series)."""
    if appointment.series_id is None:
        return 0
    return sum(
        1
        for other in every
        if other.series_id == appointment.series_id and _order(other) > _order(appointment)
    )
