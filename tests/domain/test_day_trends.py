"""The summary's day-structure maths: nothing before a period starts, a running day left
out of the craving comparison, the earliest of equally long idle stretches."""

from datetime import date, datetime, timedelta

from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.day_plan import BlockCategory, BlockTimes, DayBlock, IdleStretch
from recovery_desktop.domain.day_trends import LongestIdle, summarise_days
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.trends import TrendData

MONDAY = date(2026, 11, 2)
WEEK = Period(MONDAY, MONDAY + timedelta(days=6))


def _plan(offset, start, end):
    day = MONDAY + timedelta(days=offset)
    return day, (DayBlock(1, day, BlockTimes(start, end, "B", BlockCategory.WORK), True),)


def test_a_period_not_started_counts_nothing():
    data = TrendData(WEEK, day_blocks=dict([_plan(0, 540, 1020)]))
    assert summarise_days(data, None).days_planned == 0


def test_a_running_day_counts_as_planned_but_not_in_the_craving_comparison():
    """Read on Wednesday at noon: three planned days, but only Monday and Tuesday are over."""
    plans = dict([_plan(0, 540, 1020), _plan(1, 540, 1020), _plan(2, 540, 1020)])
    noon = datetime(2026, 11, 4, 12)
    craving = Craving(None, noon, 5)
    data = TrendData(WEEK, cravings=(craving,), day_blocks=plans, read_at=noon)
    days = summarise_days(data, Period(MONDAY, date(2026, 11, 4)))
    assert (days.days, days.days_planned) == (3, 3)
    assert (days.with_cravings, days.without_cravings) == (0, 2)
    assert days.idle_with_cravings is None and days.idle_without_cravings == 480


def test_the_longest_stretch_is_the_earliest_of_equals():
    plans = dict([_plan(0, 420, 900), _plan(1, 420, 900)])  # 15:00–23:00 idle on both
    days = summarise_days(TrendData(WEEK, day_blocks=plans), WEEK)
    assert days.longest == LongestIdle(MONDAY, IdleStretch(900, 1380))
