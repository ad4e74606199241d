"""The Weekly summary's "Since my last session": greyed and saying why without an attended
session, the period and its plain words once one is marked, following the appointments
and the day; and the sections offered only once the journal holds such records."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

from PySide6.QtCore import Qt

from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.medication import Medication, MedicationKind, Repeat, Schedule
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.session_today import ONLY_TODAY
from recovery_desktop.domain.sessions import AppointmentKind, Attendance
from recovery_desktop.ui.widgets.period_picker import NO_SESSION
from tests.ui.conftest import follow_journal, save_summary_pdf, shown_summary_page

TODAY = date.today()
SESSION_DAY = TODAY - timedelta(days=3)


def _page(qtbot, journal, worker):
    page = shown_summary_page(qtbot, journal, worker)
    follow_journal(page, journal)
    return page


def _therapy(journal, attendance):
    (made,) = journal.appointments.add(
        Appointment(SESSION_DAY, AppointmentKind.THERAPY, time(10), attendance=attendance)
    )
    return made


def test_without_an_attended_session_the_choice_is_greyed_and_says_why(qtbot, journal, worker):
    """A missed session does not count: the choice cannot be taken, and says so."""
    _therapy(journal, Attendance.MISSED)
    page = _page(qtbot, journal, worker)
    picker = page.picker
    assert picker.session_mode.isVisible() and not picker.session_mode.isEnabled()
    assert picker.session_label.text() == NO_SESSION
    assert "Medication & visits" in picker.session_mode.toolTip()


def test_a_session_marked_attended_makes_the_period_since_it(qtbot, journal, worker, tmp_path):
    """Marked attended while the page is open: the choice comes alive with its words; chosen,
    the summary runs from the day after the session to today, and its PDF says so."""
    made = _therapy(journal, None)
    journal.checkins.save(CheckIn(TODAY, mood=6))
    journal.checkins.save(CheckIn(SESSION_DAY, mood=3))  # the session's day: before it
    page = _page(qtbot, journal, worker)
    picker = page.picker
    assert not picker.session_mode.isEnabled()
    journal.appointments.mark(made.id, Attendance.ATTENDED)
    assert picker.session_mode.isEnabled()
    assert picker.session_label.text().startswith("Since my last session on ")
    qtbot.mouseClick(picker.session_mode, Qt.MouseButton.LeftButton)
    period = Period(SESSION_DAY + timedelta(days=1), TODAY)
    assert page.period == period and picker.period() == period
    next_one = TODAY + timedelta(days=4)
    journal.appointments.add(Appointment(next_one, AppointmentKind.THERAPY, time(17)))
    _path, text = save_summary_pdf(page, tmp_path)
    assert period.label in text and "Days checked in: 1 of 3" in text
    assert (
        "Meetings and medication Went to a meeting: yes 0 · no 0 · not answered 3 "
        "Took my medication: yes 0 · no 0 · not answered 3 "
        "Appointments No appointments in this period · "
        f"Next: {date_text(next_one, '%a %-d %b')} 17:00, Therapy"
    ) in text


def test_the_chosen_period_follows_the_appointments_and_the_day(qtbot, journal, worker):
    """Chosen: a new day moves its end; the session marked missed after all leaves no
    period, so the week is chosen again."""
    made = _therapy(journal, Attendance.ATTENDED)
    page = _page(qtbot, journal, worker)
    picker = page.picker
    qtbot.mouseClick(picker.session_mode, Qt.MouseButton.LeftButton)
    tomorrow = TODAY + timedelta(days=1)
    with qtbot.waitSignal(picker.changed):
        picker.day_changed(tomorrow)
    assert picker.period() == Period(SESSION_DAY + timedelta(days=1), tomorrow)
    with qtbot.waitSignal(picker.changed):
        journal.appointments.update(replace(made, attendance=Attendance.MISSED))
    assert picker.week_mode.isChecked() and not picker.session_mode.isEnabled()
    assert picker.session_label.text() == NO_SESSION


def test_a_session_attended_only_today_is_said_plainly(qtbot, journal, worker):
    """Today's session marked attended, none before: still no period, and the words say
    that the only attended session is today's rather than that there is none."""
    (made,) = journal.appointments.add(Appointment(TODAY, AppointmentKind.COUNSELLING, time(0)))
    page = _page(qtbot, journal, worker)
    picker = page.picker
    assert picker.session_label.text() == NO_SESSION
    journal.appointments.mark(made.id, Attendance.ATTENDED)
    assert not picker.session_mode.isEnabled()
    assert picker.session_label.text() == ONLY_TODAY


def test_medication_and_appointment_sections_are_offered_once_there_are_such_records(
    qtbot, journal, worker
):
    """A new journal offers neither switch; an appointment added brings "Appointments",
    ticked by default, and the check-ins' section is named for what it still prints."""
    page = _page(qtbot, journal, worker)
    boxes = page.section_boxes
    assert not boxes["medication"].isVisible() and not boxes["appointments"].isVisible()
    assert boxes["support"].text() == "Meetings, therapy and medication"
    _therapy(journal, None)
    assert boxes["appointments"].isVisible() and boxes["appointments"].isChecked()
    assert not boxes["medication"].isVisible()
    assert boxes["support"].text() == "Meetings and medication"
    daily = Schedule(Repeat.WEEKDAYS, (time(8),), frozenset(range(7)))
    journal.medication.add(Medication("Methadone", MedicationKind.METHADONE, daily), TODAY)
    assert boxes["medication"].isVisible() and boxes["medication"].isChecked()
    assert not boxes["support"].isVisible()  # its meetings line opens "Appointments"
