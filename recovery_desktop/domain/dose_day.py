"""One day's doses as the user ticks them, and the answer they give to the check-in's
"Medication taken" (one source of truth: the ticks; docs/decisions.md "Medication and
visits").

Pure: the repository (``data/medication.py``) reads the medications, their schedule spans
and the day's ticks, and these functions put them together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time

from recovery_desktop.domain.medication import (
    DoseMark,
    DoseRecord,
    Medication,
    Repeat,
    ScheduleSpan,
    expected_doses,
)


@dataclass(frozen=True)
class DueDose:
    """A dose of ``day``'s list: expected at ``at`` by the medication's schedule, or (with
    ``as_needed``) a tick no schedule expects, never counted: an "as needed" medication's
    dose, or (with ``no_longer_scheduled`` too) a tick left at a time an edit removed, or
    on a day the medication was stopped or not started. ``mark`` None: not ticked yet.
    ``where``: "at the clinic", "take-home" or "" (methadone clinic days)."""

    medication_id: int
    name: str
    dose: str
    at: time
    mark: DoseMark | None = None
    taken_at: time | None = None
    where: str = ""
    as_needed: bool = False
    no_longer_scheduled: bool = False


def doses_of_day(
    medication: Medication,
    spans: Sequence[ScheduleSpan],
    records: Iterable[DoseRecord],
    day: date,
) -> list[DueDose]:
    """The doses of one medication on ``day``, by time: those its schedule expects that
    day (with their ticks), then each tick no schedule expected (an "as needed" dose, or
    one logged at a time the schedule no longer has) as an ``as_needed`` dose. A stopped
    or not yet started medication expects nothing."""
    assert medication.id is not None
    expected = {
        dose.at for dose in expected_doses(spans, day, day, medication.started, medication.stopped)
    }
    ticks = {r.at: r for r in records if r.day == day}
    needed = _as_needed_on(medication, spans, day)
    found = []
    for at in sorted(expected | set(ticks)):
        tick = ticks.get(at)
        found.append(
            DueDose(
                medication.id,
                medication.name,
                medication.dose,
                at,
                tick.mark if tick else None,
                tick.taken_at if tick else None,
                medication.where_on(day),
                at not in expected,
                at not in expected and not needed,
            )
        )
    return found


def _as_needed_on(medication: Medication, spans: Sequence[ScheduleSpan], day: date) -> bool:
    """Whether ``day`` is one the medication is taken "as needed" (its schedule then, and
    within its start and stop dates)."""
    if (medication.started and day < medication.started) or (
        medication.stopped and day > medication.stopped
    ):
        return False
    in_force = [span for span in spans if span.since <= day] or list(spans[:1])
    return bool(in_force) and in_force[-1].schedule.repeat is Repeat.AS_NEEDED


def in_time_order(doses: Iterable[DueDose]) -> list[DueDose]:
    """Doses of several medications in time order (then by name, then expected first)."""
    return sorted(doses, key=lambda d: (d.at, d.name.casefold(), d.as_needed, d.medication_id))


def expects_doses(doses: Iterable[DueDose]) -> bool:
    """Whether some dose of the day is expected by a schedule ("as needed" ones are not)."""
    return any(not dose.as_needed for dose in doses)


def ticks_decide(doses: Iterable[DueDose]) -> bool:
    """Whether the day's ticks decide the check-in's "Medication taken": some dose a
    schedule expects that day is ticked (taken or missed). Until then the check-in's own
    answer stands (docs/decisions.md "Medication taken: the ticks decide once ticked")."""
    return any(not dose.as_needed and dose.mark is not None for dose in doses)


def medication_answer(doses: Iterable[DueDose]) -> bool | None:
    """The check-in's "Medication taken" from a day's ticks: False when any expected dose
    is ticked missed, True when every expected dose is ticked taken, otherwise (or with no
    expected dose) None, not answered. "As needed" doses never count."""
    marks = [dose.mark for dose in doses if not dose.as_needed]
    if DoseMark.MISSED in marks:
        return False
    if marks and all(mark is DoseMark.TAKEN for mark in marks):
        return True
    return None


def taken_words(doses: Iterable[DueDose]) -> str:
    """ "2 of 2 doses taken" over a day's expected doses ("1 of 1 dose taken"); "" when
    none is expected."""
    expected = [dose for dose in doses if not dose.as_needed]
    if not expected:
        return ""
    taken = sum(1 for dose in expected if dose.mark is DoseMark.TAKEN)
    return f"{taken} of {len(expected)} {'dose' if len(expected) == 1 else 'doses'} taken"
