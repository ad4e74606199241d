"""Appointments as the user records them, and weekly repeats made in one action.

Therapy, counselling, doctor, group or meeting, clinic: the rhythm of recovery (PRODUCT
feature 7). A repeating appointment ("therapy every Tuesday at 10:00") is stored as its
single days, each of which can be marked attended, missed or rescheduled on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from recovery_desktop.domain.sessions import AppointmentDay, AppointmentKind, Attendance

MAX_TEXT = 2000
MAX_EVERY_WEEKS = 8
MAX_REPEAT_DAYS = 2 * 366  # a repeat covers at most about two years in one action
DEFAULT_MINUTES = 60


class AppointmentError(ValueError):
    """An appointment or repeat that cannot be saved, in plain words."""


@dataclass(frozen=True)
class Appointment:
    """One appointment on ``day`` (at ``at`` local clock time, None: time not known).

    ``with_whom`` is as typed; ``contact_uid`` links it to a contact in People when one
    matches. ``series_id`` groups the days one repeat made. ``attendance`` is marked
    afterwards (None: not marked yet)."""

    day: date
    kind: AppointmentKind
    at: time | None = None
    minutes: int = DEFAULT_MINUTES
    title: str = ""
    place: str = ""
    with_whom: str = ""
    contact_uid: str | None = None
    notes: str = ""
    attendance: Attendance | None = None
    series_id: int | None = None
    id: int | None = None

    def validate(self) -> None:
        """Raise :class:`AppointmentError` for an appointment that cannot be saved."""
        if not 5 <= self.minutes <= 24 * 60:
            raise AppointmentError("An appointment lasts from 5 minutes to 24 hours.")
        texts = (self.title, self.place, self.with_whom, self.notes)
        if max(len(text) for text in texts) > MAX_TEXT:
            raise AppointmentError(f"Each text can be at most {MAX_TEXT} characters.")

    @property
    def name(self) -> str:
        """What to call it in a list: the title, else "Therapy with Sam", else the kind."""
        if self.title.strip():
            return self.title.strip()
        if self.with_whom.strip():
            return f"{self.kind.label} with {self.with_whom.strip()}"
        return self.kind.label

    @property
    def as_day(self) -> AppointmentDay:
        return AppointmentDay(self.day, self.kind, self.attendance)


@dataclass(frozen=True)
class WeeklyRepeat:
    """Every ``every_weeks`` weeks on the first day's weekday, up to ``until`` inclusive."""

    every_weeks: int
    until: date

    def days(self, first: date) -> list[date]:
        """The days of the repeat starting on ``first`` (included). Raises
        :class:`AppointmentError` for a repeat that cannot be made."""
        if not 1 <= self.every_weeks <= MAX_EVERY_WEEKS:
            raise AppointmentError(f"Please repeat every 1 to {MAX_EVERY_WEEKS} weeks.")
        if self.until < first:
            raise AppointmentError("The last day of a repeat cannot come before the first.")
        if (self.until - first).days > MAX_REPEAT_DAYS:
            raise AppointmentError("A repeat can cover at most two years at a time.")
        step = timedelta(weeks=self.every_weeks)
        found, day = [], first
        while day <= self.until:
            found.append(day)
            day += step
        return found


def next_appointments(
    appointments: list[Appointment], now_day: date, now_time: time, days: int = 3
) -> list[Appointment]:
    """Appointments still to come from now up to ``days`` days ahead (today counts as the
    first day), in order; ones marked already, or earlier today, are left out."""
    last = now_day + timedelta(days=days - 1)
    found = [
        a
        for a in appointments
        if now_day <= a.day <= last
        and a.attendance is None
        and not (a.day == now_day and a.at is not None and a.at < now_time)
    ]
    return sorted(found, key=lambda a: (a.day, a.at or time(0)))
