"""Medication and visits in the export format (version 4, ``transfer_format.py``):
medications, their schedule spans, dose ticks and taper notes, and appointments.

A medication's children name it by its stable id. An appointment's ``series`` is a number
shared by the days one weekly repeat made; import gives each series of the file a number
of the journal's own. ``contact`` is a person's stable id, kept even when People no longer
holds that person (as the plan's contact links are), so import does not resolve it.
"""

from __future__ import annotations

import json
from datetime import date, time
from typing import Any

from recovery_desktop.data.transfer_fields import (
    CREATED,
    ID,
    MAX_POSITION,
    POSITION,
    Field,
    Kind,
    Type,
    ref,
    text,
)
from recovery_desktop.domain.appointments import MAX_TEXT as MAX_APPOINTMENT_TEXT
from recovery_desktop.domain.medication import (
    MAX_EVERY,
    MAX_NAME,
    MAX_TEXT,
    DoseMark,
    MedicationError,
    Repeat,
    Schedule,
)
from recovery_desktop.domain.medication import MedicationKind as MedicationUse
from recovery_desktop.domain.sessions import AppointmentKind, Attendance

_MEDICATION = ref("medication", "medications", "medication_id", nullable=False)
_BY_MEDICATION = "(SELECT m.position FROM medications m WHERE m.id = medication_id)"

MEDICATIONS = Kind(
    "medications",
    "medications",
    (
        ID,
        POSITION,
        Field("name", Type.NAME, limit=MAX_NAME),
        Field("kind", Type.CHOICE, choices=tuple(k.value for k in MedicationUse)),
        text("dose", MAX_TEXT),
        Field("started", Type.DAY, nullable=True),
        Field("stopped", Type.DAY, nullable=True),
        text("prescriber", MAX_TEXT),
        text("notes", MAX_TEXT),
        Field("clinic_days", Type.WEEKDAYS),
        Field("take_home_days", Type.WEEKDAYS),
        CREATED,
    ),
    "position, uid",
)
MEDICATION_SCHEDULES = Kind(
    "medication_schedules",
    "medication_schedules",
    (
        ID,
        _MEDICATION,
        Field("since", Type.DAY),
        Field("repeat", Type.CHOICE, choices=tuple(r.value for r in Repeat)),
        Field("times", Type.CLOCK_LIST),
        Field("weekdays", Type.WEEKDAYS),
        Field("every", Type.INT, low=1, high=MAX_EVERY),
        Field("anchor", Type.DAY, nullable=True),
    ),
    f"{_BY_MEDICATION}, since, uid",
)
MEDICATION_DOSES = Kind(
    "medication_doses",
    "medication_doses",
    (
        ID,
        _MEDICATION,
        Field("day", Type.DAY),
        Field("at", Type.CLOCK),
        Field("mark", Type.CHOICE, choices=tuple(m.value for m in DoseMark)),
        Field("taken_at", Type.CLOCK, nullable=True),
    ),
    f"day, at, {_BY_MEDICATION}, uid",
)
TAPER_NOTES = Kind(
    "taper_notes",
    "taper_notes",
    (ID, _MEDICATION, Field("day", Type.DAY), Field("text", Type.NAME, limit=MAX_TEXT)),
    f"{_BY_MEDICATION}, day, uid",
)
APPOINTMENTS = Kind(
    "appointments",
    "appointments",
    (
        ID,
        Field("series", Type.INT, column="series_id", nullable=True, low=1, high=MAX_POSITION),
        Field("day", Type.DAY),
        Field("at", Type.CLOCK, nullable=True),
        Field("minutes", Type.INT, low=5, high=24 * 60),
        Field("kind", Type.CHOICE, choices=tuple(k.value for k in AppointmentKind)),
        text("title", MAX_APPOINTMENT_TEXT),
        text("place", MAX_APPOINTMENT_TEXT),
        text("with_whom", MAX_APPOINTMENT_TEXT),
        Field("contact", Type.UID, column="contact_uid", nullable=True),
        text("notes", MAX_APPOINTMENT_TEXT),
        Field("attendance", Type.CHOICE, nullable=True, choices=tuple(a.value for a in Attendance)),
    ),
    "day, at, uid",
)
MEDICATION_KINDS = (MEDICATIONS, MEDICATION_SCHEDULES, MEDICATION_DOSES, TAPER_NOTES, APPOINTMENTS)

NATURAL_KEYS = {
    "medication_schedules": ("medication_id", "since"),
    "medication_doses": ("medication_id", "day", "at"),
}
"""Columns a record of these kinds is unique by in the journal besides its stable id: a
file's schedule span or tick for a day the journal already holds one for is not added."""


def keepable_schedule(values: dict[str, Any]) -> bool:
    """Whether a checked ``medication_schedules`` row (its stored column values) is a
    schedule the app could have saved (``Schedule.validate``): times unless "as needed",
    days for one on weekdays, a first day for one every N days or weeks."""
    schedule = Schedule(
        Repeat(values["repeat"]),
        tuple(time.fromisoformat(t) for t in json.loads(values["times"])),
        frozenset(json.loads(values["weekdays"])),
        values["every"],
        date.fromisoformat(values["anchor"]) if values["anchor"] else None,
    )
    try:
        schedule.validate()
    except MedicationError:
        return False
    return True
