"""Medication and appointments as the weekly summary and Trends read them: plain data,
gathered by the data layer (one query per table, never one per day) and drawn by
``reports/``. The rules behind the numbers are in ``domain/medication.py`` (adherence) and
``domain/sessions.py`` (attendance); docs/decisions.md, "Medication and visits".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.medication import Adherence
from recovery_desktop.domain.sessions import Attendance

MEDICATION = "medication"  # a kind of record a journal may hold (``VisitsInputs.held``)
APPOINTMENTS = "appointments"


@dataclass(frozen=True)
class MedicationAdherence:
    """One medication's doses over a span: ``name`` as the user wrote it."""

    name: str
    adherence: Adherence


@dataclass(frozen=True)
class MissedDose:
    """A dose ticked as missed: on ``day`` at ``at`` (local clock), of ``name``."""

    day: date
    at: time
    name: str


@dataclass(frozen=True)
class VisitsInputs:
    """What the summary's "Medication" and "Appointments" sections print for a period.

    ``held``: the kinds of record the journal holds at all (:data:`MEDICATION`,
    :data:`APPOINTMENTS`); a section about a kind the journal never held is not offered.
    ``medication``: each medication with doses expected in the period (up to the day the
    summary is read), in the journal's order; ``missed``: doses ticked missed, by day and
    time; ``appointments``: the period's, by day and time; ``next_appointment``: the first
    one after the period, if any. ``last_session``: the day of the last attended therapy
    or counselling session when the period is the one since it (its first day is the day
    after, and it ends on the day the summary is for); else None."""

    held: frozenset[str] = frozenset()
    medication: tuple[MedicationAdherence, ...] = ()
    missed: tuple[MissedDose, ...] = ()
    appointments: tuple[Appointment, ...] = ()
    next_appointment: Appointment | None = None
    last_session: date | None = None


@dataclass(frozen=True)
class AdherenceWeeks:
    """One medication's adherence per ISO week (keyed by its Monday); a week with nothing
    expected is missing or has ``expected == 0`` and is drawn as a gap."""

    name: str
    weeks: tuple[tuple[date, Adherence], ...]


@dataclass(frozen=True)
class KeptWeek:
    """Appointments of one ISO week (``monday``) by how they went; unmarked ones are not
    counted."""

    monday: date
    attended: int
    missed: int
    rescheduled: int

    @property
    def total(self) -> int:
        return self.attended + self.missed + self.rescheduled


@dataclass(frozen=True)
class VisitTrends:
    """What the two Trends charts of medication and appointments draw; ``held`` as in
    :class:`VisitsInputs` decides whether each chart is shown at all."""

    held: frozenset[str] = frozenset()
    adherence: tuple[AdherenceWeeks, ...] = ()
    kept: tuple[KeptWeek, ...] = field(default=())


@dataclass(frozen=True)
class AttendanceCounts:
    """How the period's appointments went; ``unmarked``: not marked yet."""

    attended: int
    missed: int
    rescheduled: int
    unmarked: int


def attendance_counts(appointments: tuple[Appointment, ...]) -> AttendanceCounts:
    """Count ``appointments`` by their attendance."""
    marks = [a.attendance for a in appointments]
    return AttendanceCounts(
        marks.count(Attendance.ATTENDED),
        marks.count(Attendance.MISSED),
        marks.count(Attendance.RESCHEDULED),
        marks.count(None),
    )
