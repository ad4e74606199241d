"""Trend data carries the period's day plans and the waking window, read by the journal and
by the worker's reader alike."""

from __future__ import annotations

from datetime import date

from recovery_desktop.domain.day_plan import BlockCategory, BlockTimes, WakingWindow
from recovery_desktop.domain.periods import Period

MONDAY = date(2026, 11, 2)
WORK = BlockTimes(540, 1020, "Work", BlockCategory.WORK)
GROUP = BlockTimes(1080, 1170, "Group meeting", BlockCategory.MEETING)


def test_trend_data_holds_the_days_with_a_plan_and_the_window(journal):
    """Only days inside the period with blocks are keys; each day's blocks by start."""
    journal.day_plan.add(date(2026, 11, 1), WORK)  # the day before the period
    journal.day_plan.add(MONDAY, GROUP)
    journal.day_plan.add(MONDAY, WORK)
    journal.day_plan.add(date(2026, 11, 4), WORK)
    journal.preferences.set_waking_window(WakingWindow(600, 120))
    data = journal.trend_data(Period(MONDAY, date(2026, 11, 8)))
    assert sorted(data.day_blocks) == [MONDAY, date(2026, 11, 4)]
    assert [b.title for b in data.day_blocks[MONDAY]] == ["Work", "Group meeting"]
    assert isinstance(data.day_blocks[MONDAY], tuple)
    assert data.waking_window == WakingWindow(600, 120)
    assert data.read_at is not None


def test_the_workers_reader_reads_the_same_plans(journal):
    """Through a connection of its own, the same blocks and window."""
    journal.day_plan.add(MONDAY, WORK)
    period = Period(MONDAY, date(2026, 11, 8))
    with journal.reader() as reader:
        found = reader.trend_data(period)
    assert found.day_blocks == journal.trend_data(period).day_blocks
    assert found.waking_window == WakingWindow()
