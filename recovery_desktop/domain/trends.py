"""What the trend charts are drawn from. Each feature adds its own fields here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.periods import Period


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
    7-day averages are complete from the first day shown.
    """

    period: Period
    checkins: tuple[CheckIn, ...] = ()
    weeks: tuple[WeekCounts, ...] = field(default=())
