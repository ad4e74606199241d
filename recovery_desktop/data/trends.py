"""Trend data for charts: the period's check-ins plus per-week counts aggregated in SQL,
the period's cravings, reach-outs and lapses, and its day plans with the waking window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from recovery_desktop.data.appointments import AppointmentRepository
from recovery_desktop.data.checkins import CheckinRepository
from recovery_desktop.data.connection import sql_errors
from recovery_desktop.data.contacts import ContactRepository
from recovery_desktop.data.cravings import CravingRepository
from recovery_desktop.data.day_plan import DayPlanRepository
from recovery_desktop.data.medication import MedicationRepository
from recovery_desktop.data.preferences import PreferenceRepository
from recovery_desktop.data.recovery_time import RecoveryTimeRepository
from recovery_desktop.data.stored_dates import IN_RANGE, optional_day, stored_day
from recovery_desktop.data.visits_read import visit_trends
from recovery_desktop.domain.periods import Period, mondays
from recovery_desktop.domain.trends import LEAD_IN_DAYS, TrendData, WeekCounts

if TYPE_CHECKING:
    from sqlite_utils import Database

# Monday of the row's week: SQLite's %w is 0 for Sunday.
_WEEKLY = """
SELECT date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days') AS monday,
       count(*),
       coalesce(sum(meeting = 1), 0),
       coalesce(sum(therapy = 1), 0),
       coalesce(sum(medication_taken = 1), 0),
       count(medication_taken),
       sum(halt_hungry), sum(halt_angry), sum(halt_lonely), sum(halt_tired)
FROM checkins
WHERE day BETWEEN ? AND ?
GROUP BY monday
ORDER BY monday
"""


def weekly_counts(db: Database, period: Period) -> list[WeekCounts]:
    """One entry per ISO week touching ``period``; weeks without check-ins have zero days."""
    with sql_errors():
        rows = db.execute(_WEEKLY, [period.start.isoformat(), period.end.isoformat()]).fetchall()
    found = {stored_day(row[0]): row[1:] for row in rows}
    empty = (0,) * 9
    return [WeekCounts(monday, *found.get(monday, empty)) for monday in mondays(period)]


@dataclass(frozen=True)
class TrendSources:
    """The repositories trend data is read from (one connection)."""

    checkins: CheckinRepository
    cravings: CravingRepository
    contacts: ContactRepository
    recovery_time: RecoveryTimeRepository
    day_plan: DayPlanRepository
    preferences: PreferenceRepository
    medication: MedicationRepository
    appointments: AppointmentRepository


def trend_data(db: Database, sources: TrendSources, period: Period, now: datetime) -> TrendData:
    """Check-ins with their lead-in days; events (cravings, reach-outs, lapses) for the
    period only, oldest first; the period's day plans and the waking window, read at
    ``now`` (which decides whether today is over); medication adherence and appointments
    kept per week."""
    start, end = period.start, period.end
    contacts = sources.contacts
    plans = sources.day_plan.blocks_between(start, end)
    return TrendData(
        period=period,
        checkins=tuple(sources.checkins.between(start - timedelta(days=LEAD_IN_DAYS), end)),
        weeks=tuple(weekly_counts(db, period)),
        cravings=tuple(sorted(sources.cravings.between(start, end), key=lambda c: c.started_at)),
        reach_outs=tuple(sorted(contacts.reach_outs(start, end), key=lambda r: r.at)),
        roles={c.id: c.role for c in contacts.contacts(include_archived=True) if c.id is not None},
        lapses=tuple(sources.recovery_time.lapses(start, end)),
        day_blocks={day: tuple(blocks) for day, blocks in plans.items()},
        waking_window=sources.preferences.waking_window(),
        read_at=now,
        visits=visit_trends(sources.medication, sources.appointments, period, now.date()),
    )


# Every table with dated rows the user made. Summary lists count only when something was
# written in them, and a clean date counts from the day it names.
# Rows dated outside the journal's dates (a damaged file) are left out.
_FIRST_DAY = f"""
SELECT min(first) FROM (
    SELECT min(day) AS first FROM checkins WHERE day {IN_RANGE}
    UNION ALL SELECT min(day) FROM cravings WHERE day {IN_RANGE}
    UNION ALL SELECT min(day) FROM reach_outs WHERE day {IN_RANGE}
    UNION ALL SELECT min(day) FROM lapses WHERE day {IN_RANGE}
    UNION ALL SELECT min(start) FROM clean_periods WHERE start {IN_RANGE}
    UNION ALL SELECT min(start) FROM summary_notes
        WHERE start {IN_RANGE} AND (talk_about != '[]' OR goals != '[]')
)
"""


def first_record_day(db: Database) -> date | None:
    """The earliest day of any record (check-in, craving, reach-out, lapse, clean date,
    summary list), or None in a journal without any: where "since the beginning" starts."""
    with sql_errors():
        row = db.execute(_FIRST_DAY).fetchone()
    return optional_day(row[0]) if row else None
