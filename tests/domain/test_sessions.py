"""The period "since my last session" from crafted appointments: none, one attended, one
missed after an attended one, and a session today."""

from __future__ import annotations

from datetime import date

from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.sessions import (
    AppointmentDay,
    AppointmentKind,
    Attendance,
    since_last_session,
    since_last_session_words,
)

TODAY = date(2026, 11, 30)  # a Monday
THERAPY, GROUP = AppointmentKind.THERAPY, AppointmentKind.GROUP
ATTENDED, MISSED = Attendance.ATTENDED, Attendance.MISSED


def test_no_attended_session_gives_no_period():
    assert since_last_session([], TODAY) is None
    unattended = [
        AppointmentDay(date(2026, 11, 24), THERAPY, MISSED),
        AppointmentDay(date(2026, 11, 25), THERAPY, None),
        AppointmentDay(date(2026, 11, 26), GROUP, ATTENDED),  # a group is not a session
    ]
    assert since_last_session(unattended, TODAY) is None


def test_the_period_runs_from_the_day_after_the_last_attended_session_to_today():
    held = [
        AppointmentDay(date(2026, 11, 17), AppointmentKind.COUNSELLING, ATTENDED),
        AppointmentDay(date(2026, 11, 24), THERAPY, ATTENDED),
    ]
    assert since_last_session(held, TODAY) == Period(date(2026, 11, 25), TODAY)
    words = since_last_session_words(date(2026, 11, 24), TODAY)
    assert words == "Since my last session on Tue 24 Nov: Wed 25 Nov to today, Mon 30 Nov."


def test_a_session_missed_after_an_attended_one_does_not_move_the_start():
    sessions = [
        AppointmentDay(date(2026, 11, 17), THERAPY, ATTENDED),
        AppointmentDay(date(2026, 11, 24), THERAPY, MISSED),
    ]
    assert since_last_session(sessions, TODAY) == Period(date(2026, 11, 18), TODAY)


def test_a_session_today_is_the_one_the_summary_is_for():
    sessions = [
        AppointmentDay(date(2026, 11, 23), THERAPY, ATTENDED),
        AppointmentDay(TODAY, THERAPY, ATTENDED),  # marked already: still today's
    ]
    assert since_last_session(sessions, TODAY) == Period(date(2026, 11, 24), TODAY)
    yesterday_only = [AppointmentDay(date(2026, 11, 29), THERAPY, ATTENDED)]
    assert since_last_session(yesterday_only, TODAY) == Period(TODAY, TODAY)
    words = since_last_session_words(date(2026, 11, 29), TODAY)
    assert words == "Since my last session on Sun 29 Nov: today, Mon 30 Nov."
