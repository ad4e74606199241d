"""Medication and appointments read for the weekly summary and for Trends, through their
repositories (``data/medication.py``, ``data/appointments.py``).

A period is read with a handful of queries whatever its length (the medications, their
schedule spans, the ticks, the missed doses, the appointments), never a query per day or
per medication. Every function may raise
:class:`~recovery_desktop.data.errors.JournalError`.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Protocol

from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.dose_day import DueDose
from recovery_desktop.domain.medication import Adherence, Medication
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.visits_read import (
    APPOINTMENTS,
    MEDICATION,
    AdherenceWeeks,
    KeptWeek,
    MedicationAdherence,
    MissedDose,
    VisitsInputs,
    VisitTrends,
)


class MedicationSource(Protocol):
    """What is read of ``MedicationRepository``."""

    def medications(self) -> list[Medication]: ...

    def adherence_by_week(
        self, first: date, last: date, today: date | None = None
    ) -> dict[int, list[tuple[date, Adherence]]]: ...

    def missed_between(self, first: date, last: date) -> list[tuple[date, time, str]]: ...

    def doses_on(self, day: date) -> list[DueDose]: ...

    def count(self) -> int: ...


class AppointmentSource(Protocol):
    """What is read of ``AppointmentRepository``."""

    def between(self, first: date, last: date) -> list[Appointment]: ...

    def next_after(self, day: date) -> Appointment | None: ...

    def kept_by_week(self, first: date, last: date) -> list[tuple[date, int, int, int]]: ...

    def count(self) -> int: ...

    def since_last_session(self, today: date) -> Period | None: ...


def held_kinds(medication: MedicationSource, appointments: AppointmentSource) -> frozenset[str]:
    """The kinds of record (``MEDICATION``, ``APPOINTMENTS``) the journal holds at all."""
    held = {MEDICATION: medication.count(), APPOINTMENTS: appointments.count()}
    return frozenset(kind for kind, count in held.items() if count)


def _total(weeks: list[tuple[date, Adherence]]) -> Adherence:
    """The weeks' adherence added up (each week's counts are over its days in the span)."""
    parts = [a for _monday, a in weeks]
    return Adherence(
        sum(a.expected for a in parts), sum(a.taken for a in parts), sum(a.missed for a in parts)
    )


def summary_visits(
    medication: MedicationSource, appointments: AppointmentSource, period: Period
) -> VisitsInputs:
    """The period's medication (adherence per medication with doses due in it so far:
    ``domain.medication.due_so_far``), its missed doses of expected times and
    appointments, and the first appointment after it."""
    medications = medication.medications()
    first, last = period.start, period.end
    by_week = medication.adherence_by_week(first, last)
    taken = [
        MedicationAdherence(m.name, _total(by_week.get(m.id, [])))
        for m in medications
        if m.id is not None
    ]
    missed = [MissedDose(*row) for row in medication.missed_between(first, last)]
    return VisitsInputs(
        held=held_kinds(medication, appointments),
        medication=tuple(m for m in taken if m.adherence.expected),
        missed=tuple(sorted(missed, key=lambda d: (d.day, d.at, d.name))),
        appointments=tuple(appointments.between(first, last)),
        next_appointment=appointments.next_after(last),
        last_session=_session_before(appointments, period),
    )


def _session_before(appointments: AppointmentSource, period: Period) -> date | None:
    """The session day when ``period`` is the one since the last session, seen from its
    last day (a week is never: its ``iso_week`` makes it another period)."""
    since = appointments.since_last_session(period.end)
    return since.start - timedelta(days=1) if since == period else None


def visit_trends(
    medication: MedicationSource, appointments: AppointmentSource, period: Period, today: date
) -> VisitTrends:
    """Adherence per medication and ISO week (medications with a dose expected in the
    period only), and appointments kept per week. Today's doses count once ticked
    (``domain.medication.due_so_far``): one not ticked yet is not drawn as missing while
    the day is still running."""
    medications = medication.medications()
    by_week = medication.adherence_by_week(period.start, period.end, today)
    adherence = tuple(
        AdherenceWeeks(m.name, tuple(by_week[m.id]))
        for m in medications
        if m.id in by_week and any(a.expected for _monday, a in by_week[m.id])
    )
    kept = tuple(KeptWeek(*row) for row in appointments.kept_by_week(period.start, period.end))
    return VisitTrends(held_kinds(medication, appointments), adherence, kept)
