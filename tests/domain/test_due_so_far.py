"""Adherence so far: the days that are over, and today's doses once ticked."""

from datetime import date, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.medication import (
    Adherence,
    DoseMark,
    DoseRecord,
    ExpectedDose,
    adherence,
    due_so_far,
)

TODAY = date(2026, 11, 30)
EIGHT, EIGHT_PM = time(8), time(20)
MARKS = st.sampled_from([None, DoseMark.TAKEN, DoseMark.MISSED])


def test_a_dose_of_today_counts_once_ticked():
    yesterday = TODAY - timedelta(days=1)
    expected = [ExpectedDose(d, at) for d in (yesterday, TODAY) for at in (EIGHT, EIGHT_PM)]
    ticks = [DoseRecord(yesterday, EIGHT, DoseMark.TAKEN), DoseRecord(TODAY, EIGHT, DoseMark.TAKEN)]
    due = due_so_far(expected, ticks, TODAY)
    assert due == expected[:3]
    assert adherence(due, ticks) == Adherence(3, 2, 0)
    assert due_so_far(expected, ticks, yesterday - timedelta(days=1)) == []  # no future


@given(st.lists(st.tuples(st.integers(-3, 2), MARKS), max_size=12))
def test_days_over_count_whole_and_today_only_ticked(doses):
    """Every dose before today counts; today's unticked ones and later days' never."""
    expected = [ExpectedDose(TODAY + timedelta(days=o), time(o + 3)) for o, _m in doses]
    ticks = [DoseRecord(TODAY + timedelta(days=o), time(o + 3), mark) for o, mark in doses if mark]
    found = adherence(due_so_far(expected, ticks, TODAY), ticks)
    before = {(d.day, d.at) for d in expected if d.day < TODAY}
    ticked_today = {(r.day, r.at) for r in ticks if r.day == TODAY}
    assert found.expected == len(before) + len(ticked_today)
