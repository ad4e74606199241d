"""The appointments list in words: upcoming and past, how each went, what a repeat makes."""

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.appointment_list import (
    Shown,
    attendance_text,
    later_in_series,
    repeat_words,
    shown,
    time_text,
    when_text,
)
from recovery_desktop.domain.appointments import Appointment, AppointmentError, WeeklyRepeat
from recovery_desktop.domain.sessions import AppointmentKind, Attendance

TODAY = date(2026, 11, 30)  # a Monday
THERAPY = AppointmentKind.THERAPY


def _on(day: int, at: time | None = None, **kw) -> Appointment:
    return Appointment(date(2026, 11, day), THERAPY, at, **kw)


def test_upcoming_runs_from_today_soonest_first_and_past_most_recent_first():
    """Today's appointments are upcoming; one without a time comes first on its day."""
    every = [_on(27, time(9)), _on(30, time(10)), _on(30), _on(29, time(8)), _on(28, time(12))]
    upcoming = shown(every, Shown.UPCOMING, TODAY)
    past = shown(every, Shown.PAST, TODAY)
    assert [(a.day.day, a.at) for a in upcoming] == [(30, None), (30, time(10))]
    assert [a.day.day for a in past] == [29, 28, 27]


@given(st.lists(st.integers(1, 30), max_size=20))
def test_every_appointment_is_in_exactly_one_part(days):
    every = [_on(day, time(day % 24)) for day in days]
    parts = shown(every, Shown.UPCOMING, TODAY) + shown(every, Shown.PAST, TODAY)
    assert sorted(parts, key=lambda a: a.day) == sorted(every, key=lambda a: a.day)


@pytest.mark.parametrize(
    ("day", "attendance", "words"),
    [
        (29, None, "Not marked yet"),
        (30, None, "Not marked yet"),  # today's can be marked once it is over
        (1, None, ""),
        (29, Attendance.ATTENDED, "Attended"),
        (29, Attendance.MISSED, "Missed"),
        (1, Attendance.RESCHEDULED, "Rescheduled"),
    ],
)
def test_attendance_in_words(day, attendance, words):
    month = 12 if day == 1 else 11
    appointment = Appointment(date(2026, month, day), THERAPY, attendance=attendance)
    assert attendance_text(appointment, TODAY) == words


def test_time_and_when_in_words():
    assert time_text(_on(30, time(9, 5))) == "09:05"
    assert time_text(_on(30)) == "—"
    assert when_text(_on(30, time(9, 5))) == "Mon 30 Nov 2026 at 09:05"
    assert when_text(_on(30)) == "Mon 30 Nov 2026"


def test_what_a_repeat_makes():
    """Every week for 12 weeks from Tue 1 Dec: 13 appointments."""
    first = date(2026, 12, 1)
    assert repeat_words(first, WeeklyRepeat(1, date(2027, 2, 23))) == (
        "13 appointments, the last on Tue 23 Feb 2027"
    )
    assert repeat_words(first, WeeklyRepeat(2, date(2026, 12, 14))) == (
        "1 appointment, the last on Tue 1 Dec 2026"
    )
    with pytest.raises(AppointmentError, match="cannot come before the first"):
        repeat_words(first, WeeklyRepeat(1, date(2026, 11, 30)))


def test_later_ones_of_a_series_are_counted_by_day_and_time():
    series = [_on(d, time(10), series_id=7, id=d) for d in (2, 9, 16, 23)]
    other = _on(24, time(10), series_id=8, id=99)
    every = [*series, other, _on(25, time(10), id=100)]
    assert [later_in_series(a, every) for a in series] == [3, 2, 1, 0]
    assert later_in_series(_on(1, time(10), id=5), every) == 0  # not in a series
