"""Which attendance marks an appointment can take on a given day.

Attended and missed say what happened, so they wait until the appointment's day has come;
rescheduled (and not marked) can be chosen ahead, since a session is often moved beforehand.
"""

from __future__ import annotations

from datetime import date

from recovery_desktop.domain.sessions import Attendance

NOT_YET = "You can mark this once the day has come"
_AFTER_THE_DAY = frozenset({Attendance.ATTENDED, Attendance.MISSED})


def can_mark(attendance: Attendance | None, day: date, today: date) -> bool:
    """True when an appointment on ``day`` can be marked ``attendance`` on ``today``:
    attended and missed only from its day on; rescheduled and None (not marked) always."""
    return attendance not in _AFTER_THE_DAY or day <= today
