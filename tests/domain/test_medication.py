"""Schedules expand to expected doses, and adherence counts the ticks: weekday sets,
every N days or weeks, start and stop dates, a schedule edited mid-period, daylight-saving
change days and "as needed" (never expected, so never missed)."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.medication import (
    DoseMark,
    DoseRecord,
    ExpectedDose,
    MedicationError,
    MedicationKind,
    Repeat,
    Schedule,
    ScheduleSpan,
    adherence,
    expected_doses,
)

MONDAY = date(2026, 11, 23)
EIGHT, TWENTY = time(8, 0), time(20, 0)

days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
times = st.lists(
    st.times().map(lambda t: t.replace(second=0, microsecond=0)), min_size=1, max_size=4
).map(lambda found: tuple(sorted(set(found))))


@given(
    weekdays=st.frozensets(st.integers(0, 6), min_size=1),
    at=times,
    first=days,
    length=st.integers(0, 60),
)
def test_a_weekday_schedule_expects_its_times_on_its_days_only(weekdays, at, first, length):
    last = first + timedelta(days=length)
    schedule = Schedule(Repeat.WEEKDAYS, at, weekdays)
    found = expected_doses([ScheduleSpan(first, schedule)], first, last)
    chosen_days = [
        first + timedelta(days=n)
        for n in range(length + 1)
        if (first + timedelta(days=n)).weekday() in weekdays
    ]
    assert found == [ExpectedDose(day, t) for day in chosen_days for t in at]


@given(every=st.integers(1, 30), weeks=st.booleans(), anchor=days, offset=st.integers(-40, 40))
def test_every_n_days_or_weeks_counts_from_its_anchor(every, weeks, anchor, offset):
    repeat = Repeat.EVERY_N_WEEKS if weeks else Repeat.EVERY_N_DAYS
    schedule = Schedule(repeat, (EIGHT,), every=every, anchor=anchor)
    first = anchor + timedelta(days=offset)
    found = expected_doses([ScheduleSpan(first, schedule)], first, first + timedelta(days=90))
    step = every * (7 if weeks else 1)
    assert all((dose.day - anchor).days % step == 0 for dose in found)
    assert len(found) in (90 // step, 90 // step + 1)


def test_nothing_is_expected_before_the_start_or_after_the_stop_date():
    daily = Schedule(Repeat.WEEKDAYS, (EIGHT, TWENTY), frozenset(range(7)))
    stopped = MONDAY + timedelta(days=2)  # Wednesday: stopped mid-week
    found = expected_doses(
        [ScheduleSpan(MONDAY - timedelta(days=30), daily)],
        MONDAY - timedelta(days=3),
        MONDAY + timedelta(days=6),
        started=MONDAY,
        stopped=stopped,
    )
    assert {dose.day for dose in found} == {MONDAY + timedelta(days=n) for n in range(3)}
    assert len(found) == 6


def test_a_schedule_edited_mid_period_leaves_the_past_days_on_the_old_one():
    old = Schedule(Repeat.WEEKDAYS, (EIGHT,), frozenset(range(7)))
    new = Schedule(Repeat.WEEKDAYS, (EIGHT, TWENTY), frozenset({0, 2, 4}))
    thursday = MONDAY + timedelta(days=3)
    spans = [ScheduleSpan(thursday, new), ScheduleSpan(MONDAY - timedelta(days=7), old)]
    found = expected_doses(spans, MONDAY, MONDAY + timedelta(days=6))
    before = [dose for dose in found if dose.day < thursday]
    after = [dose for dose in found if dose.day >= thursday]
    assert before == [ExpectedDose(MONDAY + timedelta(days=n), EIGHT) for n in range(3)]
    assert after == [
        ExpectedDose(MONDAY + timedelta(days=4), EIGHT),  # Friday
        ExpectedDose(MONDAY + timedelta(days=4), TWENTY),
    ]


def test_a_daylight_saving_change_day_expects_each_dose_once():
    """2026-03-08 (clocks go forward in the US) and 2026-10-25 (back in Europe): a dose at
    02:30, a time that does not exist or happens twice, is one dose on the clock."""
    night = time(2, 30)
    daily = Schedule(Repeat.WEEKDAYS, (night,), frozenset(range(7)))
    for change in (date(2026, 3, 8), date(2026, 10, 25)):
        found = expected_doses([ScheduleSpan(change, daily)], change, change)
        assert found == [ExpectedDose(change, night)]


def test_as_needed_is_never_expected_so_never_missed():
    needed = Schedule(Repeat.AS_NEEDED)
    needed.validate()
    found = expected_doses([ScheduleSpan(MONDAY, needed)], MONDAY, MONDAY + timedelta(days=30))
    assert found == []
    taken = [DoseRecord(MONDAY, EIGHT, DoseMark.TAKEN)]
    assert adherence(found, taken).share is None


def test_adherence_counts_taken_missed_and_unticked_doses_of_the_span_only():
    daily = Schedule(Repeat.WEEKDAYS, (EIGHT,), frozenset(range(7)))
    week = expected_doses([ScheduleSpan(MONDAY, daily)], MONDAY, MONDAY + timedelta(days=6))
    ticks = [
        *(DoseRecord(MONDAY + timedelta(days=n), EIGHT, DoseMark.TAKEN) for n in range(5)),
        DoseRecord(MONDAY + timedelta(days=5), EIGHT, DoseMark.MISSED),
        DoseRecord(MONDAY + timedelta(days=9), EIGHT, DoseMark.TAKEN),  # outside the span
        DoseRecord(MONDAY, TWENTY, DoseMark.TAKEN),  # a time the schedule does not have
    ]
    found = adherence(week, ticks)
    assert (found.expected, found.taken, found.missed, found.unticked) == (7, 5, 1, 1)
    assert found.share == pytest.approx(5 / 7)


@pytest.mark.parametrize(
    ("schedule", "message"),
    [
        (Schedule(Repeat.WEEKDAYS, (), frozenset({0})), "at least one time"),
        (Schedule(Repeat.WEEKDAYS, (EIGHT,)), "day of the week"),
        (Schedule(Repeat.WEEKDAYS, (EIGHT, EIGHT), frozenset({0})), "twice"),
        (Schedule(Repeat.EVERY_N_DAYS, (EIGHT,), every=0, anchor=MONDAY), "every 1 to"),
        (Schedule(Repeat.EVERY_N_WEEKS, (EIGHT,), every=2), "first day"),
    ],
)
def test_a_schedule_that_cannot_be_kept_says_why(schedule, message):
    with pytest.raises(MedicationError, match=message):
        schedule.validate()


def test_the_kinds_for_opioid_use_disorder_are_marked_so():
    moud = {kind for kind in MedicationKind if kind.is_moud}
    assert MedicationKind.METHADONE in moud and MedicationKind.NALTREXONE_MONTHLY in moud
    assert MedicationKind.PSYCHIATRIC not in moud and MedicationKind.OTHER not in moud
    assert all(kind.label for kind in MedicationKind)
