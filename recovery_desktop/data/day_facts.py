"""What today's records say, for the Journal's "Write about today" prompts.

Read through the repositories that own each record (no SQL here): the day's check-in, the
cravings logged that day, a lapse recorded on it, the clean-time streak and the day's
appointments. The prompts themselves are chosen in
:func:`recovery_desktop.domain.journal_prompts.prompts_for`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from recovery_desktop.data.appointments import AppointmentRepository
from recovery_desktop.data.checkins import CheckinRepository
from recovery_desktop.data.cravings import CravingRepository
from recovery_desktop.data.recovery_time import RecoveryTimeRepository
from recovery_desktop.domain.journal_prompts import DayFacts
from recovery_desktop.domain.recovery_time import main_clean_time
from recovery_desktop.domain.sessions import Attendance

NOT_HELD = frozenset({Attendance.MISSED, Attendance.RESCHEDULED})
"""Marks that say an appointment did not take place that day."""


@dataclass(frozen=True)
class DaySources:
    """The repositories a day's facts are read from (the open journal's own)."""

    checkins: CheckinRepository
    cravings: CravingRepository
    recovery_time: RecoveryTimeRepository
    appointments: AppointmentRepository


def _craving_peak(sources: DaySources, day: date, answered: int | None) -> int | None:
    """The strongest craving of ``day``: the check-in's answer or a logged craving's
    intensity, whichever is higher (None when neither says)."""
    logged = [c.intensity for c in sources.cravings.between(day, day) if c.intensity is not None]
    known = [*logged, *([] if answered is None else [answered])]
    return max(known) if known else None


def day_facts(sources: DaySources, day: date) -> DayFacts:
    """What ``day``'s records say. An appointment marked missed or rescheduled does not
    count as one of the day's (:data:`NOT_HELD`). Raises
    :class:`~recovery_desktop.data.errors.JournalError` when the journal cannot be read."""
    checkin = sources.checkins.get(day)
    clean = main_clean_time(sources.recovery_time.periods(), day)
    kinds = frozenset(
        a.kind for a in sources.appointments.between(day, day) if a.attendance not in NOT_HELD
    )
    return DayFacts(
        craving_peak=_craving_peak(sources, day, checkin.craving_peak if checkin else None),
        mood=checkin.mood if checkin else None,
        sleep_hours=checkin.sleep_hours if checkin else None,
        sleep_quality=checkin.sleep_quality if checkin else None,
        lapse_today=bool(sources.recovery_time.lapses(day, day)),
        clean_days=clean.streak if clean is not None else None,
        appointment_today=kinds,
        has_checkin=checkin is not None,
    )
