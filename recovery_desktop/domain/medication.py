"""Medication as the user's own record: schedules, the doses they expect, and adherence.

No dosing advice, ever: a dose is whatever the user writes; the app only counts what was
expected by the schedule the user set and what they ticked. Medication for opioid use
disorder (MOUD: methadone, buprenorphine, naltrexone) is named by the relapse-prevention
texts in ``shared/seeds/`` among the strongest protections against relapse (PRODUCT
feature 7).

Times are local wall-clock times without a zone, as the user reads them on the clock: a
dose at 08:00 is expected at 08:00 on every day it is due, daylight-saving change days
included (a 02:30 dose on the night the clocks go forward is still one dose).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

MAX_TIMES_A_DAY = 12
MAX_EVERY = 365  # every N days or weeks: at most once a year (days) or every 365 weeks


class MedicationError(ValueError):
    """A schedule or dose that cannot be saved, in plain words."""


class MedicationKind(enum.Enum):
    """What a medication is for; the value is stored, ``label`` is for people."""

    BUPRENORPHINE = "buprenorphine"
    BUPRENORPHINE_NALOXONE = "buprenorphine_naloxone"
    METHADONE = "methadone"
    NALTREXONE_DAILY = "naltrexone_daily"
    NALTREXONE_MONTHLY = "naltrexone_monthly"  # the monthly injection
    PSYCHIATRIC = "psychiatric"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def is_moud(self) -> bool:
        """Medication for opioid use disorder."""
        return self not in (MedicationKind.PSYCHIATRIC, MedicationKind.OTHER)


_KIND_LABELS = {
    MedicationKind.BUPRENORPHINE: "Buprenorphine",
    MedicationKind.BUPRENORPHINE_NALOXONE: "Buprenorphine with naloxone",
    MedicationKind.METHADONE: "Methadone",
    MedicationKind.NALTREXONE_DAILY: "Naltrexone (daily tablet)",
    MedicationKind.NALTREXONE_MONTHLY: "Naltrexone (monthly injection)",
    MedicationKind.PSYCHIATRIC: "For my mental health",
    MedicationKind.OTHER: "Other",
}


class Repeat(enum.Enum):
    """How a schedule repeats; the value is stored."""

    WEEKDAYS = "weekdays"  # on chosen days of the week
    EVERY_N_DAYS = "every_n_days"
    EVERY_N_WEEKS = "every_n_weeks"
    AS_NEEDED = "as_needed"  # never expected, so never missed


@dataclass(frozen=True)
class Schedule:
    """When doses are expected: at ``times`` (local clock) on the days ``repeat`` picks.

    ``weekdays`` (0 Monday … 6 Sunday) for WEEKDAYS; ``every`` days or weeks counted from
    ``anchor`` (the first day of the count, usually the start date) for the EVERY kinds.
    AS_NEEDED has no times and no days."""

    repeat: Repeat
    times: tuple[time, ...] = ()
    weekdays: frozenset[int] = field(default_factory=frozenset)
    every: int = 1
    anchor: date | None = None

    def validate(self) -> None:
        """Raise :class:`MedicationError` for a schedule that cannot be kept."""
        if self.repeat is Repeat.AS_NEEDED:
            return
        if not self.times:
            raise MedicationError("Please give at least one time of day.")
        if len(self.times) > MAX_TIMES_A_DAY:
            raise MedicationError(f"A schedule can have at most {MAX_TIMES_A_DAY} times a day.")
        if len(set(self.times)) != len(self.times):
            raise MedicationError("The same time of day is given twice.")
        if self.repeat is Repeat.WEEKDAYS:
            if not self.weekdays or not self.weekdays <= set(range(7)):
                raise MedicationError("Please choose at least one day of the week.")
        elif not 1 <= self.every <= MAX_EVERY:
            raise MedicationError(f"Please choose every 1 to {MAX_EVERY}.")
        elif self.anchor is None:
            raise MedicationError("Please give the first day of the count.")

    def is_due(self, day: date) -> bool:
        """Whether doses are expected on ``day`` (its times apply)."""
        if self.repeat is Repeat.AS_NEEDED:
            return False
        if self.repeat is Repeat.WEEKDAYS:
            return day.weekday() in self.weekdays
        assert self.anchor is not None
        step = self.every * (7 if self.repeat is Repeat.EVERY_N_WEEKS else 1)
        return (day - self.anchor).days % step == 0


@dataclass(frozen=True)
class ScheduleSpan:
    """A schedule in force from ``since`` until the next span starts: editing a schedule
    adds a span, so past days keep the schedule they had."""

    since: date
    schedule: Schedule


@dataclass(frozen=True, order=True)
class ExpectedDose:
    """One dose the schedule expects: on ``day`` at ``at`` (local clock)."""

    day: date
    at: time


def expected_doses(
    spans: Sequence[ScheduleSpan],
    first: date,
    last: date,
    started: date | None = None,
    stopped: date | None = None,
) -> list[ExpectedDose]:
    """The doses expected from ``first`` to ``last`` (inclusive), in order: each day takes
    the span in force that day (the latest ``since`` on or before it); nothing before
    ``started`` (the medication's start date) or after ``stopped`` (its stop date, the last
    day taken) or before the first span. ``spans`` in any order."""
    ordered = sorted(spans, key=lambda span: span.since)
    begin = max(d for d in (first, started, ordered[0].since if ordered else None) if d)
    end = min(d for d in (last, stopped) if d)
    found: list[ExpectedDose] = []
    for day in _days(begin, end):
        schedule = _in_force(ordered, day)
        if schedule is not None and schedule.is_due(day):
            found.extend(ExpectedDose(day, at) for at in sorted(schedule.times))
    return found


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _in_force(ordered: Sequence[ScheduleSpan], day: date) -> Schedule | None:
    found = None
    for span in ordered:
        if span.since > day:
            break
        found = span.schedule
    return found


class DoseMark(enum.Enum):
    """What the user ticked for an expected dose; the value is stored."""

    TAKEN = "taken"
    MISSED = "missed"


@dataclass(frozen=True)
class DoseRecord:
    """The user's tick for the dose expected on ``day`` at ``at`` (for an "as needed"
    medication: a dose taken then). ``taken_at`` is the clock time the user says they took
    it (None: not said, or missed)."""

    day: date
    at: time
    mark: DoseMark
    taken_at: time | None = None


@dataclass(frozen=True)
class Adherence:
    """Of ``expected`` doses due so far: ``taken`` and ``missed`` as ticked, the rest not
    ticked either way. ``share`` is taken / expected (None when nothing was expected):
    information for the user and their therapist, never a score to be judged by."""

    expected: int
    taken: int
    missed: int

    @property
    def unticked(self) -> int:
        return self.expected - self.taken - self.missed

    @property
    def share(self) -> float | None:
        return self.taken / self.expected if self.expected else None


def adherence(expected: Iterable[ExpectedDose], records: Iterable[DoseRecord]) -> Adherence:
    """Adherence over ``expected`` (the doses due in the span asked about, e.g. the last 7
    or 30 days up to now); ticks for doses not expected there (an old schedule's time, a
    day outside the span) are not counted."""
    due = {(dose.day, dose.at) for dose in expected}
    marks = {(r.day, r.at): r.mark for r in records if (r.day, r.at) in due}
    taken = sum(1 for mark in marks.values() if mark is DoseMark.TAKEN)
    return Adherence(len(due), taken, len(marks) - taken)


def due_so_far(
    expected: Iterable[ExpectedDose], records: Iterable[DoseRecord], today: date
) -> list[ExpectedDose]:
    """The doses of ``expected`` that count "so far" on ``today``: every one of the days
    that are over, and today's once ticked (taken or missed), so an evening dose never reads
    as not taken in the morning; days after today never count. The one rule of the
    Medication page, the summary and Trends (docs/decisions.md "Medication and visits")."""
    ticked_today = {r.at for r in records if r.day == today}
    return [d for d in expected if d.day < today or (d.day == today and d.at in ticked_today)]


MAX_NAME = 200
MAX_TEXT = 2000


@dataclass(frozen=True)
class TaperNote:
    """A dated note about a taper or a dose change, in the user's words ("from 16 mg to
    14 mg, agreed with Dr. O")."""

    day: date
    text: str
    id: int | None = None


@dataclass(frozen=True)
class Medication:
    """One prescription as the user records it; ``dose`` is free text ("16 mg film").

    ``schedule`` is the schedule in force now; the repository keeps the older ones as
    :class:`ScheduleSpan` so past days keep theirs. ``stopped`` is the last day taken: a
    stopped medication keeps its history. For methadone, ``clinic_days`` are the weekdays
    (0 Monday … 6 Sunday) dosed at the clinic and ``take_home_days`` those taken at home."""

    name: str
    kind: MedicationKind
    schedule: Schedule
    dose: str = ""
    started: date | None = None
    stopped: date | None = None
    prescriber: str = ""  # prescriber or clinic
    notes: str = ""
    clinic_days: frozenset[int] = frozenset()
    take_home_days: frozenset[int] = frozenset()
    id: int | None = None

    def validate(self) -> None:
        """Raise :class:`MedicationError` for a record that cannot be saved."""
        if not self.name.strip():
            raise MedicationError("Please give the medication a name.")
        if len(self.name) > MAX_NAME:
            raise MedicationError(f"A name can be at most {MAX_NAME} characters.")
        if max(len(self.dose), len(self.prescriber), len(self.notes)) > MAX_TEXT:
            raise MedicationError(f"Each text can be at most {MAX_TEXT} characters.")
        if self.started and self.stopped and self.stopped < self.started:
            raise MedicationError("The stop date cannot come before the start date.")
        if not (self.clinic_days | self.take_home_days) <= set(range(7)):
            raise MedicationError("Clinic and take-home days must be days of the week.")
        if self.clinic_days & self.take_home_days:
            raise MedicationError("A day cannot be both a clinic day and a take-home day.")
        self.schedule.validate()

    def is_active(self, day: date) -> bool:
        """Whether ``day`` is between the start and stop dates (either may be open)."""
        return (self.started is None or self.started <= day) and (
            self.stopped is None or day <= self.stopped
        )

    def where_on(self, day: date) -> str:
        """ "at the clinic", "take-home" or "" for a day (methadone clinic days)."""
        if day.weekday() in self.clinic_days:
            return "at the clinic"
        if day.weekday() in self.take_home_days:
            return "take-home"
        return ""
