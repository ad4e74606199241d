"""Appointment storage: single ones and weekly series (edited and deleted with the later ones,
undone), attendance, the next ones, kept per week, a contact linked by name, and the period
"since my last session" from crafted appointments read back from the journal reopened."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest

from recovery_desktop.data.changes import Change
from recovery_desktop.data.errors import AppointmentMissing
from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.appointments import Appointment, AppointmentError, WeeklyRepeat
from recovery_desktop.domain.contacts import Contact
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.sessions import AppointmentKind, Attendance
from tests.conftest import PASSPHRASE

TODAY = date(2026, 12, 1)  # a Tuesday
TEN = time(10, 0)
THERAPY = Appointment(
    TODAY, AppointmentKind.THERAPY, TEN, 50, place="Room 4", with_whom="Sam", notes="Bring log"
)
ATTENDED, MISSED = Attendance.ATTENDED, Attendance.MISSED


def _reopened(journal, files):
    journal.close()
    return open_with_passphrase(files, PASSPHRASE)


def _week(n: int) -> date:
    return TODAY + timedelta(weeks=n)


def test_an_appointment_comes_back_after_reopening(journal, files):
    (added,) = journal.appointments.add(THERAPY)
    assert added == replace(THERAPY, id=added.id)
    journal = _reopened(journal, files)
    try:
        assert journal.appointments.get(added.id) == added
        assert journal.appointments.between(TODAY, TODAY) == [added]
        assert journal.appointments.count() == 1
    finally:
        journal.close()


def test_an_appointment_that_cannot_be_saved_is_refused(journal):
    with pytest.raises(AppointmentError):
        journal.appointments.add(replace(THERAPY, minutes=0))
    with pytest.raises(AppointmentError):
        journal.appointments.add(THERAPY, WeeklyRepeat(1, TODAY - timedelta(days=1)))
    assert journal.appointments.count() == 0
    with pytest.raises(AppointmentMissing):
        journal.appointments.get(5)


def test_a_weekly_repeat_is_one_action_and_one_series(journal):
    told: list[frozenset[Change]] = []
    journal.changes.subscribe(told.append)
    added = journal.appointments.add(THERAPY, WeeklyRepeat(1, _week(3)))
    assert told == [frozenset({Change.APPOINTMENTS})]
    assert [a.day for a in added] == [_week(n) for n in range(4)]
    assert len({a.series_id for a in added}) == 1 and added[0].series_id is not None
    other = journal.appointments.add(THERAPY, WeeklyRepeat(2, _week(2)))
    assert other[0].series_id != added[0].series_id
    assert [a.day for a in other] == [TODAY, _week(2)]


def test_editing_the_following_ones_moves_them_by_the_same_days(journal, files):
    series = journal.appointments.add(THERAPY, WeeklyRepeat(1, _week(3)))
    journal.appointments.mark(series[0].id, ATTENDED)
    journal.appointments.mark(series[2].id, MISSED)
    wednesday = replace(series[1], day=series[1].day + timedelta(days=1), at=time(11, 0))
    journal.appointments.update(wednesday, following=True)
    journal = _reopened(journal, files)
    try:
        found = journal.appointments.between(TODAY, _week(4))
        assert [(a.day, a.at, a.attendance) for a in found] == [
            (TODAY, TEN, ATTENDED),
            (_week(1) + timedelta(days=1), time(11, 0), None),
            (_week(2) + timedelta(days=1), time(11, 0), MISSED),  # its mark stays
            (_week(3) + timedelta(days=1), time(11, 0), None),
        ]
        journal.appointments.update(replace(found[0], title="First session"))
        assert journal.appointments.get(found[0].id).title == "First session"
        assert journal.appointments.get(found[1].id).title == ""
    finally:
        journal.close()


def test_deleting_the_following_ones_can_be_undone_with_the_same_records(journal):
    series = journal.appointments.add(THERAPY, WeeklyRepeat(1, _week(3)))
    uids = journal.db.execute("SELECT uid FROM appointments ORDER BY day").fetchall()
    gone = journal.appointments.delete(series[2].id, following=True)
    assert [a.day for a in gone] == [_week(2), _week(3)]
    assert [a.day for a in journal.appointments.between(TODAY, _week(4))] == [TODAY, _week(1)]
    journal.appointments.restore(gone)
    assert journal.appointments.between(TODAY, _week(4)) == series
    assert journal.db.execute("SELECT uid FROM appointments ORDER BY day").fetchall() == uids
    journal.appointments.delete(series[0].id)
    assert journal.appointments.count() == 3


def test_upcoming_and_next_after_leave_out_the_past_and_the_marked(journal):
    journal.appointments.add(replace(THERAPY, at=time(9, 0)))
    (later,) = journal.appointments.add(replace(THERAPY, at=time(15, 0)))
    (tomorrow,) = journal.appointments.add(replace(THERAPY, day=TODAY + timedelta(1)))
    (far,) = journal.appointments.add(replace(THERAPY, day=TODAY + timedelta(5)))
    now = datetime.combine(TODAY, time(12, 0))
    assert journal.appointments.upcoming(now) == [later, tomorrow]
    journal.appointments.mark(tomorrow.id, Attendance.RESCHEDULED)
    assert journal.appointments.next_after(TODAY) == far


def test_kept_by_week_counts_attended_missed_and_rescheduled(journal):
    series = journal.appointments.add(THERAPY, WeeklyRepeat(1, _week(2)))
    (group,) = journal.appointments.add(replace(THERAPY, kind=AppointmentKind.GROUP))
    journal.appointments.mark(series[0].id, ATTENDED)
    journal.appointments.mark(group.id, MISSED)
    journal.appointments.mark(series[2].id, Attendance.RESCHEDULED)
    monday = TODAY - timedelta(days=1)
    assert journal.appointments.kept_by_week(monday, _week(3)) == [
        (monday, 1, 1, 0),
        (monday + timedelta(weeks=2), 0, 0, 1),
    ]


def test_a_contact_is_matched_by_name_only_when_one_fits(journal):
    journal.contacts.save(Contact(None, "Sam Rivera"))
    journal.contacts.save(Contact(None, "Alex"))
    journal.contacts.save(Contact(None, " alex "))
    uid = journal.db.execute("SELECT uid FROM contacts WHERE name = 'Sam Rivera'").fetchone()[0]
    assert journal.appointments.contact_matching("  sam rivera ") == uid
    assert journal.appointments.contact_matching("Alex") is None  # two fit
    assert journal.appointments.contact_matching("Nobody") is None
    assert journal.appointments.contact_matching("") is None


# -- since my last session, from crafted appointments ----------------------------------------
def _session(journal, day: date, attendance: Attendance | None, kind=AppointmentKind.THERAPY):
    (added,) = journal.appointments.add(replace(THERAPY, day=day, kind=kind))
    if attendance is not None:
        journal.appointments.mark(added.id, attendance)


def test_since_last_session_with_none_attended_is_no_period(journal):
    assert journal.appointments.since_last_session(TODAY) is None
    _session(journal, TODAY - timedelta(days=7), MISSED)
    _session(journal, TODAY - timedelta(days=3), ATTENDED, AppointmentKind.GROUP)
    assert journal.appointments.since_last_session(TODAY) is None
    assert journal.appointments.last_session(TODAY) is None


def test_since_last_session_after_one_attended_and_one_missed_after_it(journal, files):
    _session(journal, TODAY - timedelta(days=14), ATTENDED, AppointmentKind.COUNSELLING)
    _session(journal, TODAY - timedelta(days=7), MISSED)
    journal = _reopened(journal, files)
    try:
        period = journal.appointments.since_last_session(TODAY)
        assert period == Period(TODAY - timedelta(days=13), TODAY)
        assert journal.appointments.last_session(TODAY) == TODAY - timedelta(days=14)
    finally:
        journal.close()


def test_since_last_session_leaves_todays_session_out(journal):
    _session(journal, TODAY - timedelta(days=7), ATTENDED)
    _session(journal, TODAY, ATTENDED)
    assert journal.appointments.since_last_session(TODAY) == Period(
        TODAY - timedelta(days=6), TODAY
    )
