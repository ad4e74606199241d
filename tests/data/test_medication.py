"""Medication storage: medications and their schedule spans, taper notes, dose ticks and
adherence, each read back from the journal reopened; a schedule edited mid-period keeps the
past, a stop date mid-week ends the expected doses, and the check-in's "Medication taken"
follows the ticks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from recovery_desktop.data.changes import Change
from recovery_desktop.data.demo import fill_demo
from recovery_desktop.data.errors import MedicationMissing
from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.medication import (
    Adherence,
    DoseMark,
    DoseRecord,
    Medication,
    MedicationError,
    MedicationKind,
    Repeat,
    Schedule,
    TaperNote,
)
from recovery_desktop.domain.sessions import AppointmentKind
from tests.conftest import PASSPHRASE

MONDAY = date(2026, 11, 23)
SUNDAY = MONDAY + timedelta(days=6)
EIGHT, TWENTY = time(8, 0), time(20, 0)
TAKEN, MISSED = DoseMark.TAKEN, DoseMark.MISSED
DAILY = Schedule(Repeat.WEEKDAYS, (EIGHT,), frozenset(range(7)))
TWICE = Schedule(Repeat.WEEKDAYS, (EIGHT, TWENTY), frozenset(range(7)))
FILM = Medication(
    "Suboxone", MedicationKind.BUPRENORPHINE_NALOXONE, DAILY, "16 mg film", started=MONDAY
)


def _reopened(journal, files):
    journal.close()
    return open_with_passphrase(files, PASSPHRASE)


def test_a_medication_and_its_schedule_come_back_after_reopening(journal, files):
    methadone = Medication(
        "Methadone",
        MedicationKind.METHADONE,
        DAILY,
        "60 mg liquid",
        started=MONDAY,
        prescriber="Riverside clinic",
        clinic_days=frozenset({0, 2, 4}),
        take_home_days=frozenset({1, 3, 5, 6}),
    )
    added = journal.medication.add(methadone, today=MONDAY)
    assert added == replace(methadone, id=added.id)
    journal = _reopened(journal, files)
    try:
        assert journal.medication.medications() == [added]
        assert [d.where for d in journal.medication.doses_on(MONDAY)] == ["at the clinic"]
        assert [d.where for d in journal.medication.doses_on(MONDAY + timedelta(1))] == [
            "take-home"
        ]
        assert journal.medication.count() == 1
    finally:
        journal.close()


def test_a_medication_that_cannot_be_saved_is_refused_and_nothing_is_stored(journal):
    with pytest.raises(MedicationError):
        journal.medication.add(replace(FILM, name="  "), today=MONDAY)
    with pytest.raises(MedicationError):
        journal.medication.add(replace(FILM, schedule=Schedule(Repeat.WEEKDAYS)), today=MONDAY)
    assert journal.medication.medications() == []
    with pytest.raises(MedicationMissing):
        journal.medication.get(99)


def test_stopped_medications_come_after_the_active_ones_in_the_users_order(journal):
    first = journal.medication.add(replace(FILM, name="First"), today=MONDAY)
    second = journal.medication.add(replace(FILM, name="Second"), today=MONDAY)
    third = journal.medication.add(replace(FILM, name="Third"), today=MONDAY)
    journal.medication.stop(first.id, MONDAY + timedelta(days=2))
    names = [m.name for m in journal.medication.medications(today=SUNDAY)]
    assert names == ["Second", "Third", "First"]
    assert journal.medication.get(first.id).stopped == MONDAY + timedelta(days=2)
    assert third.id and second.id
    with pytest.raises(MedicationError):
        journal.medication.stop(second.id, MONDAY - timedelta(days=1))


def test_a_schedule_edited_mid_period_keeps_the_old_one_for_past_days(journal, files):
    """Once a day for Mon–Wed, twice a day from Thursday: 3 + 2 × 4 = 11 doses that week."""
    film = journal.medication.add(FILM, today=MONDAY)
    thursday = MONDAY + timedelta(days=3)
    journal.medication.update(replace(film, schedule=TWICE), today=thursday)
    journal = _reopened(journal, files)
    try:
        repo = journal.medication
        assert [s.since for s in repo.spans(film.id)] == [MONDAY, thursday]
        assert [d.at for d in repo.doses_on(MONDAY + timedelta(days=2))] == [EIGHT]
        assert [d.at for d in repo.doses_on(thursday)] == [EIGHT, TWENTY]
        monday_after = SUNDAY + timedelta(days=1)
        assert repo.adherence(film.id, MONDAY, SUNDAY, today=monday_after).expected == 11
        assert repo.get(film.id).schedule == TWICE
    finally:
        journal.close()


def test_a_schedule_edited_twice_on_one_day_keeps_one_span_for_that_day(journal):
    film = journal.medication.add(FILM, today=MONDAY)
    friday = MONDAY + timedelta(days=4)
    journal.medication.update(replace(film, schedule=TWICE), today=friday)
    evening = Schedule(Repeat.WEEKDAYS, (TWENTY,), frozenset(range(7)))
    journal.medication.update(replace(film, schedule=evening), today=friday)
    assert [(s.since, s.schedule) for s in journal.medication.spans(film.id)] == [
        (MONDAY, DAILY),
        (friday, evening),
    ]
    journal.medication.update(replace(film, dose="14 mg film", schedule=evening), today=SUNDAY)
    assert len(journal.medication.spans(film.id)) == 2  # the schedule did not change
    assert journal.medication.get(film.id).dose == "14 mg film"


def test_a_stop_date_mid_week_ends_the_expected_doses(journal):
    film = journal.medication.add(FILM, today=MONDAY)
    wednesday = MONDAY + timedelta(days=2)
    journal.medication.mark_dose(film.id, MONDAY, EIGHT, TAKEN, time(8, 20))
    journal.medication.mark_dose(film.id, wednesday, EIGHT, MISSED)
    journal.medication.stop(film.id, wednesday)
    repo = journal.medication
    assert repo.adherence(film.id, MONDAY, SUNDAY, today=SUNDAY) == Adherence(3, 1, 1)
    assert repo.doses_on(wednesday + timedelta(days=1)) == []
    assert not repo.has_doses_on(wednesday + timedelta(days=1))
    assert [
        (monday, a) for monday, a in repo.adherence_by_week(MONDAY, SUNDAY, SUNDAY)[film.id]
    ] == [(MONDAY, Adherence(3, 1, 1))]


def test_adherence_counts_the_days_over_and_todays_doses_once_ticked(journal):
    film = journal.medication.add(FILM, today=MONDAY)
    journal.medication.mark_dose(film.id, MONDAY, EIGHT, TAKEN)
    thursday = MONDAY + timedelta(days=3)
    repo = journal.medication
    assert repo.adherence(film.id, MONDAY, SUNDAY, today=thursday) == Adherence(3, 1, 0)
    repo.mark_dose(film.id, thursday, EIGHT, MISSED)
    assert repo.adherence(film.id, MONDAY, SUNDAY, today=thursday) == Adherence(4, 1, 1)


def test_ticks_are_kept_changed_and_cleared_and_missed_doses_listed(journal, files):
    film = journal.medication.add(FILM, today=MONDAY)
    tuesday = MONDAY + timedelta(days=1)
    journal.medication.mark_dose(film.id, MONDAY, EIGHT, TAKEN, time(8, 5))
    journal.medication.mark_dose(film.id, tuesday, EIGHT, TAKEN)
    journal.medication.mark_dose(film.id, tuesday, EIGHT, MISSED, time(9, 0))  # changed
    journal = _reopened(journal, files)
    try:
        repo = journal.medication
        assert repo.records(film.id, MONDAY, SUNDAY) == [
            DoseRecord(MONDAY, EIGHT, TAKEN, time(8, 5)),
            DoseRecord(tuesday, EIGHT, MISSED, None),  # a missed dose has no time taken
        ]
        assert repo.missed_between(MONDAY, SUNDAY) == [(tuesday, EIGHT, "Suboxone")]
        assert repo.dose_count() == 2
        repo.mark_dose(film.id, tuesday, EIGHT, None)
        assert repo.records(film.id, tuesday, tuesday) == []
        assert repo.doses_on(tuesday)[0].mark is None
    finally:
        journal.close()


def test_as_needed_doses_are_listed_when_taken_and_never_expected(journal):
    spray = journal.medication.add(
        Medication("Naloxone", MedicationKind.OTHER, Schedule(Repeat.AS_NEEDED), started=MONDAY),
        today=MONDAY,
    )
    assert journal.medication.doses_on(MONDAY) == []
    journal.medication.mark_dose(spray.id, MONDAY, time(14, 10), TAKEN, time(14, 10))
    (dose,) = journal.medication.doses_on(MONDAY)
    assert (dose.name, dose.at, dose.mark, dose.as_needed) == (
        "Naloxone",
        time(14, 10),
        TAKEN,
        True,
    )
    assert not journal.medication.has_doses_on(MONDAY)
    assert journal.medication.adherence(spray.id, MONDAY, SUNDAY, today=SUNDAY).expected == 0


def test_doses_of_several_medications_come_in_time_order(journal):
    journal.medication.add(replace(FILM, schedule=TWICE), today=MONDAY)
    evening = Schedule(Repeat.WEEKDAYS, (time(12, 0),), frozenset({0}))
    journal.medication.add(
        Medication("Sertraline", MedicationKind.PSYCHIATRIC, evening, "50 mg", started=MONDAY),
        today=MONDAY,
    )
    assert [(d.at, d.name) for d in journal.medication.doses_on(MONDAY)] == [
        (EIGHT, "Suboxone"),
        (time(12, 0), "Sertraline"),
        (TWENTY, "Suboxone"),
    ]


def test_taper_notes_are_kept_in_day_order_and_removed(journal, files):
    film = journal.medication.add(FILM, today=MONDAY)
    later = journal.medication.add_taper_note(film.id, TaperNote(SUNDAY, "From 16 mg to 14 mg"))
    journal.medication.add_taper_note(film.id, TaperNote(MONDAY, "Talked about a taper"))
    with pytest.raises(MedicationError):
        journal.medication.add_taper_note(film.id, TaperNote(MONDAY, "   "))
    journal = _reopened(journal, files)
    try:
        notes = journal.medication.taper_notes(film.id)
        assert [(n.day, n.text) for n in notes] == [
            (MONDAY, "Talked about a taper"),
            (SUNDAY, "From 16 mg to 14 mg"),
        ]
        journal.medication.remove_taper_note(later.id)
        assert len(journal.medication.taper_notes(film.id)) == 1
    finally:
        journal.close()


def test_deleting_a_medication_removes_its_whole_history(journal):
    film = journal.medication.add(FILM, today=MONDAY)
    journal.medication.mark_dose(film.id, MONDAY, EIGHT, TAKEN)
    journal.medication.add_taper_note(film.id, TaperNote(MONDAY, "Note"))
    journal.medication.delete(film.id)
    assert journal.medication.count() == 0
    assert journal.medication.dose_count() == 0
    assert journal.db.execute("SELECT count(*) FROM taper_notes").fetchone()[0] == 0
    assert journal.db.execute("SELECT count(*) FROM medication_schedules").fetchone()[0] == 0


def test_every_write_announces_medication_once_committed(journal):
    told: list[frozenset[Change]] = []
    journal.changes.subscribe(told.append)
    film = journal.medication.add(FILM, today=MONDAY)
    journal.medication.mark_dose(film.id, MONDAY, EIGHT, TAKEN)
    assert told == [frozenset({Change.MEDICATION})] * 2


# -- one source of truth: the ticks and the check-in's "Medication taken" ------------------
def test_a_tick_writes_the_answer_into_the_days_check_in_and_it_survives_reopening(journal, files):
    film = journal.medication.add(replace(FILM, schedule=TWICE), today=MONDAY)
    journal.checkins.save(CheckIn(MONDAY, mood=6))
    told: list[frozenset[Change]] = []
    journal.changes.subscribe(told.append)
    journal.medication.mark_dose(film.id, MONDAY, EIGHT, TAKEN)
    assert told == [frozenset({Change.MEDICATION})]  # one of two: still not answered
    journal.medication.mark_dose(film.id, MONDAY, TWENTY, TAKEN)
    assert told[-1] == frozenset({Change.MEDICATION, Change.CHECKINS})
    journal = _reopened(journal, files)  # the tick on one repository object, read anew
    try:
        assert journal.checkins.get(MONDAY).medication_taken is True
        assert journal.medication.medication_taken_on(MONDAY) is True
        assert [d.mark for d in journal.medication.doses_on(MONDAY)] == [TAKEN, TAKEN]
        journal.medication.mark_dose(film.id, MONDAY, TWENTY, MISSED)
    finally:
        journal.close()
    journal = open_with_passphrase(files, PASSPHRASE)
    try:
        assert journal.checkins.get(MONDAY).medication_taken is False
        assert journal.checkins.get(MONDAY).mood == 6
        journal.medication.mark_dose(film.id, MONDAY, TWENTY, None)
        assert journal.checkins.get(MONDAY).medication_taken is None
    finally:
        journal.close()


def test_a_tick_on_a_day_without_a_check_in_makes_none(journal):
    film = journal.medication.add(FILM, today=MONDAY)
    journal.medication.mark_dose(film.id, MONDAY, EIGHT, TAKEN)
    assert journal.checkins.get(MONDAY) is None


def test_a_check_in_saved_on_a_day_with_doses_stores_the_ticks_answer(journal, files):
    film = journal.medication.add(FILM, today=MONDAY)
    journal.medication.mark_dose(film.id, MONDAY, EIGHT, MISSED)
    journal.checkins.save(CheckIn(MONDAY, mood=5, medication_taken=True))
    journal = _reopened(journal, files)
    try:
        assert journal.checkins.get(MONDAY).medication_taken is False
        # No dose ticked yet that day: the form's answer stands.
        journal.checkins.save(CheckIn(MONDAY + timedelta(1), mood=5, medication_taken=True))
        assert journal.checkins.get(MONDAY + timedelta(1)).medication_taken is True
        # A form with nothing else answered keeps no check-in (the ticks keep the answer).
        journal.checkins.save(CheckIn(MONDAY, medication_taken=False))
        assert journal.checkins.get(MONDAY) is None
    finally:
        journal.close()


def test_on_a_day_without_expected_doses_the_check_box_answer_is_kept(journal):
    journal.medication.add(FILM, today=MONDAY)
    before = MONDAY - timedelta(days=1)  # before the start date
    journal.checkins.save(CheckIn(before, medication_taken=True))
    assert journal.checkins.get(before).medication_taken is True
    journal.checkins.save_many([CheckIn(before, mood=3, medication_taken=False)])
    assert journal.checkins.get(before).medication_taken is False


def test_check_counts_medications_doses_and_appointments(journal):
    assert {k: journal.counts()[k] for k in ("medications", "doses", "appointments")} == {
        "medications": 0,
        "doses": 0,
        "appointments": 0,
    }
    film = journal.medication.add(FILM, today=MONDAY)
    journal.medication.add(replace(FILM, name="Other"), today=MONDAY)
    journal.medication.mark_dose(film.id, MONDAY, EIGHT, TAKEN)
    journal.appointments.add(Appointment(MONDAY, AppointmentKind.GROUP))
    counts = journal.counts()
    assert (counts["medications"], counts["doses"], counts["appointments"]) == (2, 1, 1)


def _demo(journal):
    fill_demo(journal, 12, SUNDAY, seed=2)


def test_the_demo_journals_check_ins_say_what_its_ticks_say(filled_journal):
    journal = filled_journal(_demo)
    repo = journal.medication
    assert [m.name for m in repo.medications(today=SUNDAY)] == ["Suboxone", "Sertraline"]
    answered = journal.checkins.between(MONDAY - timedelta(weeks=12), SUNDAY)
    with_doses = [c for c in answered if repo.ticks_decide_on(c.day)]
    assert len(with_doses) > 60
    assert all(repo.medication_taken_on(c.day) is c.medication_taken for c in with_doses)
    assert any(c.medication_taken is False for c in with_doses)
    week = journal.appointments.between(SUNDAY + timedelta(days=1), SUNDAY + timedelta(days=7))
    assert [a.name for a in week] == ["Therapy with Alex Rivera", "Group meeting"]
    assert week[0].contact_uid is not None and week[1].contact_uid is None
    assert journal.appointments.last_session(SUNDAY) == SUNDAY - timedelta(days=5)


def test_a_dose_logged_twice_at_one_minute_is_refused(journal):
    from recovery_desktop.data.errors import DoseAlreadyLogged

    needed = journal.medication.add(
        Medication("Ibuprofen", MedicationKind.OTHER, Schedule(Repeat.AS_NEEDED)), MONDAY
    )
    journal.medication.log_dose(needed.id, MONDAY, time(12, 0))
    with pytest.raises(DoseAlreadyLogged) as raised:
        journal.medication.log_dose(needed.id, MONDAY, time(12, 0))
    assert "Ibuprofen" not in str(raised.value) and raised.value.at == time(12, 0)
    assert journal.medication.dose_count() == 1
