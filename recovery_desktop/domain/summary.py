"""The weekly summary's numbers: pure functions over a period's check-ins."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from recovery_desktop.domain.checkin import CheckIn, Halt
from recovery_desktop.domain.contacts import Contact
from recovery_desktop.domain.journal_entries import JournalEntry
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.plan import PlanVersion
from recovery_desktop.domain.recovery_time import CleanPeriod, Lapse
from recovery_desktop.domain.trends import TrendData
from recovery_desktop.domain.visits_read import VisitsInputs

STAT_FIELDS: dict[str, str] = {
    "mood": "Mood (0–10)",
    "craving_peak": "Craving peak (0–10)",
    "stress": "Stress (0–10)",
    "sleep_hours": "Sleep (hours)",
    "energy": "Energy (0–10)",
}


@dataclass(frozen=True)
class Stat:
    """Lowest, average and highest answer in a period, and the change in the average."""

    minimum: float | None
    average: float | None
    maximum: float | None
    answered: int
    change: float | None  # average minus the previous period's average

    @property
    def empty(self) -> bool:
        return self.answered == 0


@dataclass(frozen=True)
class YesNo:
    """Days answered yes, days answered no, and days with no answer (no check-in counts here)."""

    yes: int
    no: int
    not_answered: int


@dataclass(frozen=True)
class Summary:
    """The numbers of ``period`` as they stood on the day the summary was made.

    ``counted`` is the part of the period that had come by then (all of it once the period
    is over, the days up to today while it runs, None before it starts): every count and
    "not answered" is over those days only. ``compared`` is what the change in averages is
    measured against: the same number of days at the start of the period before.
    """

    period: Period
    counted: Period | None
    compared: Period
    days_checked_in: int
    stats: dict[str, Stat]
    used: YesNo
    meeting: YesNo
    therapy: YesNo
    medication: YesNo
    halt: dict[Halt, int]
    notes: list[tuple[date, str]]

    @property
    def empty(self) -> bool:
        return self.days_checked_in == 0

    @property
    def started(self) -> bool:
        return self.counted is not None

    @property
    def so_far(self) -> bool:
        """True while the period runs: its figures cover only the days up to today."""
        return self.counted is not None and self.counted != self.period

    @property
    def days(self) -> int:
        """How many days the figures cover (0 before the period starts)."""
        return self.counted.days if self.counted is not None else 0


def _in(period: Period | None, checkins: Sequence[CheckIn]) -> list[CheckIn]:
    return [c for c in checkins if period is not None and period.contains(c.day)]


def _values(checkins: Sequence[CheckIn], field: str) -> list[float]:
    return [float(v) for v in (getattr(c, field) for c in checkins) if v is not None]


def _average(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def stat(current: Sequence[CheckIn], previous: Sequence[CheckIn], field: str) -> Stat:
    values = _values(current, field)
    average = _average(values)
    before = _average(_values(previous, field))
    change = None if average is None or before is None else average - before
    if not values:
        return Stat(None, None, None, 0, None)
    return Stat(min(values), average, max(values), len(values), change)


def yes_no(days: int, checkins: Sequence[CheckIn], field: str) -> YesNo:
    """Each of ``days`` days is counted once: yes, no, or not answered (``checkins`` are
    those of the same days)."""
    answers = [getattr(c, field) for c in checkins]
    yes = sum(1 for a in answers if a is True)
    no = sum(1 for a in answers if a is False)
    return YesNo(yes, no, days - yes - no)


def summarise(
    period: Period,
    checkins: Sequence[CheckIn],
    previous: Sequence[CheckIn] = (),
    *,
    today: date,
) -> Summary:
    """Everything the printed summary shows for ``period`` on ``today``; ``previous`` holds
    the check-ins of the period before. Days after ``today`` have not happened: they are
    neither answered nor unanswered, and the comparison uses as many days of the period
    before."""
    counted = period.so_far(today)
    current = sorted(_in(counted, checkins), key=lambda c: c.day)
    compared = period.previous().opening(counted.days if counted else period.days)
    days = counted.days if counted else 0
    return Summary(
        period=period,
        counted=counted,
        compared=compared,
        days_checked_in=len(current),
        stats={field: stat(current, _in(compared, previous), field) for field in STAT_FIELDS},
        used=yes_no(days, current, "used"),
        meeting=yes_no(days, current, "meeting"),
        therapy=yes_no(days, current, "therapy"),
        medication=yes_no(days, current, "medication_taken"),
        halt={h: sum(1 for c in current if h in c.halt) for h in Halt},
        notes=[(c.day, c.note.strip()) for c in current if c.note.strip()],
    )


MAX_LIST_ITEMS = 12
MAX_ITEM_CHARACTERS = 300


@dataclass(frozen=True)
class SummaryNotes:
    """Short lists kept with a summary period."""

    talk_about: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()

    def cleaned(self) -> SummaryNotes:
        """Blank lines dropped, each item trimmed and kept to a sensible length."""

        def tidy(items: Sequence[str]) -> tuple[str, ...]:
            kept = [i.strip()[:MAX_ITEM_CHARACTERS] for i in items if i.strip()]
            return tuple(kept[:MAX_LIST_ITEMS])

        return SummaryNotes(tidy(self.talk_about), tidy(self.goals))


@dataclass(frozen=True)
class SummaryInputs:
    """Everything one summary is built from, read from the journal in one go.

    The period's cravings, reach-outs and lapses come with ``trend``; ``contacts`` (archived
    ones too) name the people reached, ``clean_periods`` is every attempt ever recorded and
    ``lapse_history`` every lapse (the days clean time was interrupted), ``plan_versions``
    the versions of the plan kept in the period (oldest first, without snapshots),
    ``visits`` the period's medication and appointments, and ``shared_entries`` the
    period's journal entries marked "include in my therapy summary" (never a private one).
    """

    period: Period
    checkins: tuple[CheckIn, ...]  # the period and the period before it
    notes: SummaryNotes
    previous_goals: tuple[str, ...]
    trend: TrendData
    contacts: tuple[Contact, ...] = ()
    clean_periods: tuple[CleanPeriod, ...] = ()
    lapse_history: tuple[Lapse, ...] = ()
    plan_versions: tuple[PlanVersion, ...] = ()
    visits: VisitsInputs = field(default_factory=VisitsInputs)
    shared_entries: tuple[JournalEntry, ...] = ()


MAX_NAME_CHARACTERS = 80


@dataclass(frozen=True)
class SummaryOptions:
    """What to print: section switches (missing keys use each section's default), the name
    in the header, discretion (initials only, no app name), and whether the people reached
    are named (off: only their roles are counted)."""

    sections: Mapping[str, bool] = field(default_factory=dict)
    name: str = ""
    discreet: bool = False
    show_names: bool = False

    def enabled(self, key: str, default: bool) -> bool:
        return bool(self.sections.get(key, default))
