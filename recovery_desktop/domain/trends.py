"""What the trend charts are drawn from. Each feature adds its own fields here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.contacts import ReachOut, Role
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.day_plan import DayBlock, WakingWindow
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.recovery_time import Lapse
from recovery_desktop.domain.visits_read import VisitTrends


@dataclass(frozen=True)
class WeekCounts:
    """Per ISO week: how many days had a check-in, and how many said yes to each thing."""

    week_start: date
    checked_in: int
    meetings: int
    therapy: int
    medication_taken: int
    medication_answered: int
    hungry: int
    angry: int
    lonely: int
    tired: int

    @property
    def has_data(self) -> bool:
        return self.checked_in > 0


LEAD_IN_DAYS = 6


@dataclass(frozen=True)
class TrendData:
    """Everything a chart may need for one period, read once from the journal.

    ``checkins`` also holds the days just before the period (``LEAD_IN_DAYS``) so that
    7-day averages are complete from the first day shown. Cravings, reach-outs and lapses
    are events: they cover the period only, oldest first. ``roles`` maps every contact id
    (archived contacts too) to that person's role.

    ``day_blocks`` holds the period's day plans (only days with blocks, each day's blocks
    by start), ``waking_window`` the window they are measured in, and ``read_at`` when the
    data was read: it decides which days are over (``domain/day_trends.py``); None counts
    every day as over. ``visits``: medication adherence and appointments kept, per week.
    """

    period: Period
    checkins: tuple[CheckIn, ...] = ()
    weeks: tuple[WeekCounts, ...] = field(default=())
    cravings: tuple[Craving, ...] = ()
    reach_outs: tuple[ReachOut, ...] = ()
    roles: Mapping[int, Role] = field(default_factory=dict)
    lapses: tuple[Lapse, ...] = ()
    day_blocks: Mapping[date, tuple[DayBlock, ...]] = field(default_factory=dict)
    waking_window: WakingWindow = field(default_factory=WakingWindow)
    read_at: datetime | None = field(default=None, compare=False)  # when, not what
    visits: VisitTrends = field(default_factory=VisitTrends)
