"""The demo's medication and visits: deterministic, a few missed doses (more around the
lapse), taper notes late on, weekly therapy and group marked as the check-ins tell it, and
the ticks never contradicting a check-in's "Medication taken"."""

from __future__ import annotations

from collections import Counter
from datetime import date, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_desktop.domain.demo import demo_checkins, shape
from recovery_desktop.domain.demo_medication import demo_medications, demo_visits
from recovery_desktop.domain.dose_day import DueDose, medication_answer
from recovery_desktop.domain.medication import (
    DoseMark,
    MedicationKind,
    ScheduleSpan,
    adherence,
    expected_doses,
)
from recovery_desktop.domain.sessions import AppointmentKind, Attendance

END = date(2026, 11, 30)  # a Monday


def _story(weeks: int, seed: int = 1, end: date = END):
    plan = shape(weeks, end)
    visits = demo_visits(list(demo_checkins(weeks, end, seed)), plan, seed)
    medications = demo_medications(list(visits.checkins), plan, seed)
    return plan, visits, medications


def test_the_same_seed_gives_the_same_medication_and_visits():
    assert _story(6, seed=3) == _story(6, seed=3)
    assert _story(6, seed=3) != _story(6, seed=4)


def test_a_buprenorphine_prescription_from_near_the_start_with_a_few_missed_doses():
    plan, _visits, (film, mood) = _story(52)
    assert film.medication.kind is MedicationKind.BUPRENORPHINE_NALOXONE
    assert film.medication.started == plan.start + timedelta(days=2)
    assert mood.medication.kind is MedicationKind.PSYCHIATRIC
    span = ScheduleSpan(film.medication.started, film.medication.schedule)
    due = expected_doses([span], plan.start, plan.end - timedelta(days=1))
    kept = adherence(due, film.doses)
    assert 0.02 <= kept.missed / kept.expected <= 0.07
    missed_days = {r.day for r in film.doses if r.mark is DoseMark.MISSED}
    assert {plan.lapse_day, plan.lapse_day - timedelta(days=1)} <= missed_days
    (today,) = [r for r in film.doses if r.day == plan.end]
    assert today.mark is DoseMark.TAKEN and today.taken_at >= time(8, 0)


def test_two_taper_notes_late_on():
    plan, _visits, (film, _mood) = _story(520)
    talk, taper = film.taper_notes
    assert plan.end - timedelta(weeks=10) <= talk.day < taper.day < plan.end
    assert "taper" in taper.text.lower() and film.medication.dose == "14 mg film"


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000), weeks=st.integers(1, 30))
def test_the_ticks_give_each_check_in_its_own_medication_answer(seed, weeks):
    plan, visits, medications = _story(weeks, seed)
    ticks = {(index, r.day, r.at): r.mark for index, m in enumerate(medications) for r in m.doses}
    for checkin in visits.checkins:
        if checkin.day == plan.end:
            continue  # today: the evening dose is still to come
        due = [
            DueDose(index, "", "", dose.at, ticks.get((index, dose.day, dose.at)))
            for index, m in enumerate(medications)
            for dose in expected_doses(
                [ScheduleSpan(m.medication.started, m.medication.schedule)],
                checkin.day,
                checkin.day,
            )
        ]
        if not due:
            continue
        lapse = 0 <= (plan.lapse_day - checkin.day).days <= 1
        assert medication_answer(due) is (False if lapse else checkin.medication_taken)


def test_weekly_therapy_and_group_marked_in_the_past_and_open_ahead():
    plan, visits, _medications = _story(20)
    found = visits.appointments
    therapy = [a for a in found if a.kind is AppointmentKind.THERAPY and a.series_id]
    group = [a for a in found if a.kind is AppointmentKind.GROUP]
    assert {a.day.weekday() for a in therapy} == {1} and {a.at for a in therapy} == {time(17)}
    assert {a.day.weekday() for a in group} == {2} and {a.at for a in group} == {time(19)}
    assert all(a.with_whom == "Alex Rivera" for a in therapy)
    assert all(a.attendance is not None for a in found if a.day < plan.end)
    ahead = [a for a in found if a.day >= plan.end]
    assert len(ahead) == 6 and all(a.attendance is None for a in ahead)
    marks = Counter(a.attendance for a in found if a.day < plan.end)
    assert marks[Attendance.RESCHEDULED] == 1 and marks[Attendance.MISSED] >= 1
    (moved,) = [a for a in therapy if a.attendance is Attendance.RESCHEDULED]
    (instead,) = [a for a in found if a.series_id is None]
    assert instead.day == moved.day + timedelta(days=2)
    assert instead.attendance is Attendance.ATTENDED


def test_visits_agree_with_the_check_ins():
    """A group marked missed on a day answered "no meeting", attended on "yes"; a session
    attended on a Tuesday answered "therapy: yes"; the rescheduled Tuesday says nothing
    about therapy and its Thursday says yes."""
    plan, visits, _medications = _story(30, seed=7)
    checkins = {c.day: c for c in visits.checkins}
    for a in visits.appointments:
        checkin = checkins.get(a.day)
        if checkin is None or a.day >= plan.end:
            continue
        if a.kind is AppointmentKind.GROUP and checkin.meeting is not None:
            assert (a.attendance is Attendance.ATTENDED) is checkin.meeting
        if a.kind is AppointmentKind.THERAPY:
            expected = {Attendance.ATTENDED: True, Attendance.RESCHEDULED: None}
            assert checkin.therapy is expected[a.attendance]
