"""Plain words for "since my last session" when the only attended session is today's.

A period since the last session runs from the day after an attended therapy or counselling
session before today (``domain/sessions.py``); a session attended today ends the period
rather than starting one, so with no earlier session there is no period yet. The words say
so instead of "no attended session", which the user who just marked today's would doubt.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from recovery_desktop.domain.sessions import AppointmentDay, Attendance

ONLY_TODAY = "Your only attended session is today's; this period starts after an earlier session."


def attended_today(appointments: Iterable[AppointmentDay], today: date) -> bool:
    """True when a therapy or counselling session on ``today`` is marked attended."""
    return any(
        a.day == today and a.kind.is_session and a.attendance is Attendance.ATTENDED
        for a in appointments
    )
