"""Idle time over many days, and how it lines up with cravings: what the Trends charts and
the weekly summary's "Structure of my days" show. Pure functions over
:class:`~recovery_desktop.domain.trends.TrendData`.

Why: boredom and days without structure are named among the common relapse risks, and
days with very little idle time among the protections (PRODUCT feature 4, the seeds in
``shared/seeds/``). These figures put the two side by side; they show what went together,
never a cause.

Rules (README, "My day"):
- a day counts when it has a plan (at least one block); a day without one is a gap, never
  a day of 16 idle hours;
- which blocks count is ``domain/idle_time.py``'s rule: every block until the day is over,
  then only those ticked done. Whether a day is over is judged at ``TrendData.read_at``;
- cravings are counted on the waking day they belong to (a craving at 01:00 in a
  10:00–02:00 window belongs to the day before);
- comparisons with cravings (bands, "days with cravings vs without") use days that are
  over only: a day still running has not had all its cravings yet.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.day_plan import (
    IDLE_BANDS,
    MIN_DAYS_PER_BAND,
    DayStructure,
    IdleStretch,
    WakingWindow,
    day_is_over,
    day_structure,
    waking_day,
)
from recovery_desktop.domain.periods import Period, monday_of
from recovery_desktop.domain.trends import TrendData


@dataclass(frozen=True)
class PlannedDay:
    """One day with a plan: its structure (minutes), cravings logged on that waking day,
    and whether the day was over when the data was read."""

    day: date
    structure: DayStructure
    cravings: int
    over: bool

    @property
    def idle_hours(self) -> float:
        return self.structure.idle_minutes / 60


def is_over(day: date, window: WakingWindow, read_at: datetime | None) -> bool:
    """Whether ``day`` was over at ``read_at``; without a moment every day is over."""
    return read_at is None or day_is_over(day, window, read_at)


def cravings_per_waking_day(cravings: Iterable[Craving], window: WakingWindow) -> Counter[date]:
    """How many cravings started on each waking day."""
    return Counter(waking_day(c.started_at, window)[0] for c in cravings)


def planned_days(data: TrendData) -> list[PlannedDay]:
    """The days of ``data.period`` with a plan, oldest first (one entry per such day)."""
    window = data.waking_window
    cravings = cravings_per_waking_day(data.cravings, window)
    days = sorted(day for day, blocks in data.day_blocks.items() if blocks)
    out = []
    for day in days:
        if not data.period.contains(day):
            continue
        over = is_over(day, window, data.read_at)
        structure = day_structure(data.day_blocks[day], window, day_over=over)
        out.append(PlannedDay(day, structure, cravings.get(day, 0), over))
    return out


# -- idle-hour bands ---------------------------------------------------------------------
@dataclass(frozen=True)
class IdleBand:
    """Days whose idle time fell in ``low``..``high`` minutes (``high`` None: no upper
    bound), and the cravings on them. ``shown`` is False below ``MIN_DAYS_PER_BAND`` days:
    an average over one or two days would mislead."""

    label: str
    low: int
    high: int | None
    days: int
    cravings: int

    @property
    def shown(self) -> bool:
        return self.days >= MIN_DAYS_PER_BAND

    @property
    def per_day(self) -> float:
        return self.cravings / self.days if self.days else 0.0


def _in_band(minutes: int, low: int, high: int | None) -> bool:
    return minutes >= low and (high is None or minutes < high)


def idle_bands(days: Iterable[PlannedDay]) -> list[IdleBand]:
    """Days that are over, grouped by idle time into ``IDLE_BANDS`` (every band listed,
    in order, empty ones too)."""
    over = [d for d in days if d.over]
    bands = []
    for low, high, label in IDLE_BANDS:
        inside = [d for d in over if _in_band(d.structure.idle_minutes, low, high)]
        bands.append(IdleBand(label, low, high, len(inside), sum(d.cravings for d in inside)))
    return bands


# -- planned and done per ISO week -------------------------------------------------------
@dataclass(frozen=True)
class WeekPlan:
    """Blocks planned and blocks ticked done in the ISO week starting ``monday`` (days
    inside the period only)."""

    monday: date
    planned: int
    done: int


def plan_per_week(days: Iterable[PlannedDay]) -> list[WeekPlan]:
    """One entry per ISO week holding at least one planned day, oldest first."""
    planned: Counter[date] = Counter()
    done: Counter[date] = Counter()
    for day in days:
        monday = monday_of(day.day)
        planned[monday] += day.structure.planned
        done[monday] += day.structure.done
    return [WeekPlan(monday, planned[monday], done[monday]) for monday in sorted(planned)]


@dataclass(frozen=True)
class WeekIdle:
    """The planned days of one ISO week: their average idle minutes and the cravings
    logged on any day of the week (inside the period)."""

    monday: date
    planned_days: int
    average_idle: float
    cravings: int


def idle_per_week(days: list[PlannedDay], cravings: Mapping[date, int]) -> list[WeekIdle]:
    """Weekly idle averages over the planned days, with every craving of the week (days
    without a plan too: cravings are events). Weeks with no plan are left out."""
    idle: dict[date, list[int]] = {}
    for day in days:
        idle.setdefault(monday_of(day.day), []).append(day.structure.idle_minutes)
    weekly: Counter[date] = Counter()
    for when, count in cravings.items():
        weekly[monday_of(when)] += count
    return [
        WeekIdle(monday, len(minutes), sum(minutes) / len(minutes), weekly.get(monday, 0))
        for monday, minutes in sorted(idle.items())
    ]


def cravings_in(data: TrendData, period: Period) -> dict[date, int]:
    """Cravings per waking day inside ``period``."""
    counts = cravings_per_waking_day(data.cravings, data.waking_window)
    return {day: n for day, n in counts.items() if period.contains(day)}


# -- the weekly summary ------------------------------------------------------------------
@dataclass(frozen=True)
class LongestIdle:
    day: date
    stretch: IdleStretch


@dataclass(frozen=True)
class DaysSummary:
    """ "Structure of my days" for a period: ``days_planned`` of ``days`` had a plan;
    averages are idle minutes per planned day (None without such days). The comparison
    with cravings covers planned days that are over; an average is None when that side
    has no days."""

    days: int = 0
    window: WakingWindow = field(default_factory=WakingWindow)
    days_planned: int = 0
    average_idle: float | None = None
    longest: LongestIdle | None = None
    with_cravings: int = 0
    idle_with_cravings: float | None = None
    without_cravings: int = 0
    idle_without_cravings: float | None = None


def _average(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def _longest(days: Iterable[PlannedDay]) -> LongestIdle | None:
    """The longest idle stretch of the days; the earliest of equals."""
    best: LongestIdle | None = None
    for day in days:
        stretch = day.structure.longest_idle
        if stretch is not None and (best is None or stretch.minutes > best.stretch.minutes):
            best = LongestIdle(day.day, stretch)
    return best


def summarise_days(data: TrendData, counted: Period | None) -> DaysSummary:
    """The summary of the days of ``counted`` (the part of the period that has come; None
    before it starts: nothing counted)."""
    if counted is None:
        return DaysSummary()
    days = [d for d in planned_days(data) if counted.contains(d.day)]
    over = [d for d in days if d.over]
    craving = [d.structure.idle_minutes for d in over if d.cravings]
    calm = [d.structure.idle_minutes for d in over if not d.cravings]
    return DaysSummary(
        days=counted.days,
        window=data.waking_window,
        days_planned=len(days),
        average_idle=_average([d.structure.idle_minutes for d in days]),
        longest=_longest(days),
        with_cravings=len(craving),
        idle_with_cravings=_average(craving),
        without_cravings=len(calm),
        idle_without_cravings=_average(calm),
    )


def hours_text(minutes: float) -> str:
    """Minutes as hours to one decimal: 330 -> "5.5 h", 60 -> "1 h", 0 -> "0 h"."""
    shown = f"{minutes / 60:.1f}".rstrip("0").rstrip(".")
    return f"{shown} h"
