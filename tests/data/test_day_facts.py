"""Today's facts for the Journal's prompts, read from the real repositories: the check-in's
answers, the strongest craving logged, a lapse, the clean streak and today's appointments."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from recovery_desktop.data.day_facts import DaySources, day_facts
from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.journal_prompts import DayFacts
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE, Lapse
from recovery_desktop.domain.sessions import AppointmentKind, Attendance

TODAY = date.today()


def _facts(journal, day: date = TODAY) -> DayFacts:
    sources = DaySources(
        journal.checkins, journal.cravings, journal.recovery_time, journal.appointments
    )
    return day_facts(sources, day)


def test_an_empty_journal_says_nothing_about_today(journal):
    assert _facts(journal) == DayFacts()


def test_the_checkin_answers_are_todays_facts(journal):
    journal.checkins.save(CheckIn(TODAY, mood=2, craving_peak=4, sleep_hours=5.0, sleep_quality=2))
    facts = _facts(journal)
    assert (facts.mood, facts.craving_peak, facts.sleep_hours, facts.sleep_quality) == (
        2,
        4,
        5.0,
        2,
    )
    assert facts.has_checkin
    assert not _facts(journal, TODAY - timedelta(days=1)).has_checkin


def test_a_stronger_logged_craving_is_the_days_peak(journal):
    journal.checkins.save(CheckIn(TODAY, mood=6, craving_peak=3))
    journal.cravings.save(Craving(None, datetime.combine(TODAY, time(0, 0)), intensity=9))
    assert _facts(journal).craving_peak == 9


def test_a_lapse_today_and_the_clean_streak(journal):
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY - timedelta(days=30), TODAY)
    assert _facts(journal).clean_days == 30
    lapse = Lapse(None, datetime.combine(TODAY, time(0, 0)), DEFAULT_SUBSTANCE)
    journal.recovery_time.record_lapse(lapse, TODAY, TODAY)
    facts = _facts(journal)
    assert facts.lapse_today and facts.clean_days == 0
    assert not _facts(journal, TODAY - timedelta(days=1)).lapse_today


def test_todays_appointments_give_their_kinds_but_not_a_rescheduled_one(journal):
    journal.appointments.add(Appointment(TODAY, AppointmentKind.THERAPY, time(17, 0)))
    (group,) = journal.appointments.add(Appointment(TODAY, AppointmentKind.GROUP, time(19, 0)))
    journal.appointments.mark(group.id, Attendance.RESCHEDULED)
    journal.appointments.add(Appointment(TODAY + timedelta(days=1), AppointmentKind.DOCTOR))
    assert _facts(journal).appointment_today == frozenset({AppointmentKind.THERAPY})


def test_a_session_marked_missed_is_not_todays_appointment(journal):
    (therapy,) = journal.appointments.add(Appointment(TODAY, AppointmentKind.THERAPY, time(0, 0)))
    journal.appointments.mark(therapy.id, Attendance.MISSED)
    assert _facts(journal).appointment_today == frozenset()
    journal.appointments.add(Appointment(TODAY, AppointmentKind.GROUP, time(0, 0)))
    journal.appointments.mark(therapy.id, Attendance.ATTENDED)
    assert _facts(journal).appointment_today == frozenset(
        {AppointmentKind.THERAPY, AppointmentKind.GROUP}
    )
