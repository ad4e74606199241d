"""Appointments as far as the weekly summary needs them: which ones are therapy sessions,
whether they were attended, and the period "since my last session" (PRODUCT feature 12).

A therapist wants what happened since the last session, not since Monday: the period runs
from the day after the most recent attended therapy or counselling session before today,
to today (a session today is the one the summary is for, so it never starts the period).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_desktop.domain.calendar_text import short_day_seen_from
from recovery_desktop.domain.periods import Period


class AppointmentKind(enum.Enum):
    """What an appointment is; the value is stored, ``label`` is for people."""

    THERAPY = "therapy"
    COUNSELLING = "counselling"
    DOCTOR = "doctor"
    GROUP = "group"  # a group or a meeting
    CLINIC = "clinic"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_session(self) -> bool:
        """A therapy or counselling session: what "since my last session" counts from."""
        return self in (AppointmentKind.THERAPY, AppointmentKind.COUNSELLING)


_LABELS = {
    AppointmentKind.THERAPY: "Therapy",
    AppointmentKind.COUNSELLING: "Counselling",
    AppointmentKind.DOCTOR: "Doctor",
    AppointmentKind.GROUP: "Group or meeting",
    AppointmentKind.CLINIC: "Clinic",
    AppointmentKind.OTHER: "Other",
}


class Attendance(enum.Enum):
    """How an appointment went, as the user marked it afterwards; the value is stored."""

    ATTENDED = "attended"
    MISSED = "missed"
    RESCHEDULED = "rescheduled"


@dataclass(frozen=True)
class AppointmentDay:
    """An appointment's day, kind and attendance (None: not marked yet)."""

    day: date
    kind: AppointmentKind
    attendance: Attendance | None = None


def last_session(appointments: Iterable[AppointmentDay], today: date) -> date | None:
    """The day of the most recent attended therapy or counselling session before
    ``today``, if any."""
    held = [
        a.day
        for a in appointments
        if a.kind.is_session and a.attendance is Attendance.ATTENDED and a.day < today
    ]
    return max(held, default=None)


def since_last_session(appointments: Iterable[AppointmentDay], today: date) -> Period | None:
    """From the day after :func:`last_session` to ``today``; None when no session was
    attended before today (the command line then exits 1 with a message)."""
    last = last_session(appointments, today)
    return None if last is None else Period(last + timedelta(days=1), today)


def since_last_session_words(last: date, today: date) -> str:
    """ "Since my last session on Tue 24 Nov: Wed 25 Nov to today, Mon 30 Nov." """
    first = last + timedelta(days=1)
    span = (
        f"today, {short_day_seen_from(today, today)}"
        if first == today
        else f"{short_day_seen_from(first, today)} to today, {short_day_seen_from(today, today)}"
    )
    return f"Since my last session on {short_day_seen_from(last, today)}: {span}."
