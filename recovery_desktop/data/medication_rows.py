"""Medication rows to domain records and back (``data/medication.py`` and imports): the
JSON lists of times and weekdays, clock times as ``HH:MM``, stored kinds a later version
may add read as "Other"."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import time
from typing import Any

from recovery_desktop.data.errors import JournalDamaged
from recovery_desktop.data.stored_dates import optional_day, stored_day
from recovery_desktop.domain.medication import (
    DoseMark,
    DoseRecord,
    Medication,
    MedicationKind,
    Repeat,
    Schedule,
    ScheduleSpan,
    TaperNote,
)

MEDICATION_COLUMNS = (
    "id, name, kind, dose, started, stopped, prescriber, notes, clinic_days, take_home_days"
)
SPAN_COLUMNS = "since, repeat, times, weekdays, every, anchor"
_DAMAGED = "A medication record in the journal cannot be read."


def clock(at: time) -> str:
    """ "08:00": a time of day as stored (to the minute)."""
    return at.strftime("%H:%M")


def stored_clock(text: str) -> time:
    """A stored ``HH:MM``. Raises :class:`JournalDamaged` for anything else."""
    try:
        hours, minutes = str(text).split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise JournalDamaged(_DAMAGED) from None


def optional_clock(text: str | None) -> time | None:
    return stored_clock(text) if text else None


def _json_list(text: str) -> list[Any]:
    try:
        found = json.loads(text)
    except ValueError:
        raise JournalDamaged(_DAMAGED) from None
    if not isinstance(found, list):
        raise JournalDamaged(_DAMAGED)
    return found


def weekdays_text(days: frozenset[int]) -> str:
    return json.dumps(sorted(days))


def stored_weekdays(text: str) -> frozenset[int]:
    return frozenset(int(day) for day in _json_list(text) if 0 <= int(day) <= 6)


def stored_kind(value: str) -> MedicationKind:
    try:
        return MedicationKind(value)
    except ValueError:
        return MedicationKind.OTHER


def schedule_values(schedule: Schedule) -> list[object]:
    """The values of :data:`SPAN_COLUMNS` after ``since``."""
    return [
        schedule.repeat.value,
        json.dumps([clock(at) for at in schedule.times]),
        weekdays_text(schedule.weekdays),
        schedule.every,
        schedule.anchor.isoformat() if schedule.anchor else None,
    ]


def span_from_row(row: Sequence[Any]) -> ScheduleSpan:
    """A :data:`SPAN_COLUMNS` row. An unknown repeat reads as "as needed" (never missed)."""
    since, repeat, times, weekdays, every, anchor = row
    try:
        kind = Repeat(repeat)
    except ValueError:
        kind = Repeat.AS_NEEDED
    schedule = Schedule(
        kind,
        tuple(stored_clock(t) for t in _json_list(times)),
        stored_weekdays(weekdays),
        max(1, int(every)),
        optional_day(anchor),
    )
    return ScheduleSpan(stored_day(since), schedule)


def medication_values(medication: Medication) -> list[object]:
    """The values of :data:`MEDICATION_COLUMNS` after ``id``."""
    return [
        medication.name,
        medication.kind.value,
        medication.dose,
        medication.started.isoformat() if medication.started else None,
        medication.stopped.isoformat() if medication.stopped else None,
        medication.prescriber,
        medication.notes,
        weekdays_text(medication.clinic_days),
        weekdays_text(medication.take_home_days),
    ]


def medication_from_row(row: Sequence[Any], schedule: Schedule) -> Medication:
    """A :data:`MEDICATION_COLUMNS` row with the schedule in force now."""
    return Medication(
        name=str(row[1]),
        kind=stored_kind(row[2]),
        schedule=schedule,
        dose=str(row[3]),
        started=optional_day(row[4]),
        stopped=optional_day(row[5]),
        prescriber=str(row[6]),
        notes=str(row[7]),
        clinic_days=stored_weekdays(row[8]),
        take_home_days=stored_weekdays(row[9]),
        id=int(row[0]),
    )


def dose_from_row(row: Sequence[Any]) -> DoseRecord:
    """A ``day, at, mark, taken_at`` row."""
    day, at, mark, taken_at = row
    try:
        marked = DoseMark(mark)
    except ValueError:
        raise JournalDamaged(_DAMAGED) from None
    return DoseRecord(stored_day(day), stored_clock(at), marked, optional_clock(taken_at))


def note_from_row(row: Sequence[Any]) -> TaperNote:
    """An ``id, day, text`` row."""
    return TaperNote(stored_day(row[1]), str(row[2]), int(row[0]))
