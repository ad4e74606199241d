"""The medication dialog's typing as a draft kept across a lock, and back: plain values by
field name (``domain/drafts.py``), days as ISO text, times as "08:00 20:00", weekdays as
"0 2 4". A value that does not read back (a damaged draft) falls back to what the dialog
had, so a draft never stops the dialog from opening."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from recovery_desktop.domain.drafts import Draft, DraftValue
from recovery_desktop.domain.medication import (
    Medication,
    MedicationKind,
    Repeat,
    Schedule,
    TaperNote,
)


def medication_values(medication: Medication) -> dict[str, DraftValue]:
    """``medication`` (as typed, not checked) in a draft's values."""
    schedule = medication.schedule
    return {
        "id": medication.id,
        "name": medication.name,
        "kind": medication.kind.value,
        "dose": medication.dose,
        "started": _day_text(medication.started),
        "stopped": _day_text(medication.stopped),
        "prescriber": medication.prescriber,
        "notes": medication.notes,
        "repeat": schedule.repeat.value,
        "times": " ".join(f"{at:%H:%M}" for at in schedule.times),
        "weekdays": _days_text(schedule.weekdays),
        "every": schedule.every,
        "anchor": _day_text(schedule.anchor),
        "clinic_days": _days_text(medication.clinic_days),
        "take_home_days": _days_text(medication.take_home_days),
    }


def medication_from(draft: Draft, base: Medication) -> Medication:
    """The medication ``draft`` holds; ``base`` for anything it cannot give back."""
    try:
        kind = MedicationKind(draft.text("kind"))
        schedule = Schedule(
            Repeat(draft.text("repeat")),
            tuple(time.fromisoformat(at) for at in draft.text("times").split()),
            _days(draft.text("weekdays")),
            draft.number("every") or 1,
            day_from(draft.text("anchor")),
        )
        return replace(
            base,
            name=draft.text("name"),
            kind=kind,
            schedule=schedule,
            dose=draft.text("dose"),
            started=day_from(draft.text("started")),
            stopped=day_from(draft.text("stopped")),
            prescriber=draft.text("prescriber"),
            notes=draft.text("notes"),
            clinic_days=_days(draft.text("clinic_days")),
            take_home_days=_days(draft.text("take_home_days")),
        )
    except ValueError:
        return base


def notes_text(notes: list[TaperNote]) -> str:
    """New taper notes, one a line: "2026-11-30<tab>From 70 mg to 60 mg"."""
    return "\n".join(f"{note.day.isoformat()}\t{note.text}" for note in notes)


def notes_from(text: str) -> list[TaperNote]:
    """The new taper notes :func:`notes_text` wrote; a line that does not read is left out."""
    notes = []
    for line in text.splitlines():
        day, _tab, words = line.partition("\t")
        found = day_from(day) if words else None
        if found is not None:
            notes.append(TaperNote(found, words))
    return notes


def ids_text(ids: list[int]) -> str:
    return " ".join(str(number) for number in ids)


def ids_from(text: str) -> list[int]:
    return [int(part) for part in text.split() if part.isdigit()]


def _day_text(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def day_from(text: str) -> date | None:
    """The day an ISO text names; None for none or one that does not read."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _days_text(days: frozenset[int]) -> str:
    return " ".join(str(day) for day in sorted(days))


def _days(text: str) -> frozenset[int]:
    return frozenset(int(part) for part in text.split() if part.isdigit() and int(part) < 7)
