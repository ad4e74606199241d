"""The check-in's "Medication taken" once a dose of the day is ticked: the ticks decide
(any missed: No; all taken: Yes; else not answered); until then the user's own answer
stands. Adding, editing, stopping or deleting a medication re-derives the stored answers of
the days the ticks decide, and never wipes an answer on a day without a tick."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

from recovery_desktop.data.changes import Change
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.medication import (
    DoseMark,
    Medication,
    MedicationKind,
    Repeat,
    Schedule,
)

MONDAY = date(2026, 11, 16)
TODAY = MONDAY + timedelta(days=4)
EIGHT, SEVEN_PM = time(8, 0), time(19, 0)
DAILY = Schedule(Repeat.WEEKDAYS, (EIGHT,), frozenset(range(7)))
TWICE = Schedule(Repeat.WEEKDAYS, (EIGHT, SEVEN_PM), frozenset(range(7)))
FILM = Medication(
    "Suboxone", MedicationKind.BUPRENORPHINE_NALOXONE, DAILY, "16 mg film", started=MONDAY
)
METHADONE = Medication("Methadone", MedicationKind.METHADONE, TWICE, "60 mg liquid", started=MONDAY)


def _answer(journal, day):
    return journal.checkins.get(day).medication_taken


def test_before_any_tick_the_users_answer_stands(journal):
    journal.medication.add(FILM, today=MONDAY)
    journal.checkins.save(CheckIn(MONDAY, mood=5, medication_taken=True))
    journal.checkins.save_many([CheckIn(MONDAY + timedelta(1), mood=4, medication_taken=False)])
    assert _answer(journal, MONDAY) is True
    assert _answer(journal, MONDAY + timedelta(1)) is False
    assert journal.medication.medication_taken_on(MONDAY) is None
    assert not journal.medication.ticks_decide_on(MONDAY)


def test_once_a_dose_is_ticked_the_ticks_decide(journal):
    film = journal.medication.add(FILM, today=MONDAY)
    journal.checkins.save(CheckIn(MONDAY, mood=5, medication_taken=True))
    journal.medication.mark_dose(film.id, MONDAY, EIGHT, DoseMark.MISSED)
    assert _answer(journal, MONDAY) is False
    journal.checkins.save(CheckIn(MONDAY, mood=5, medication_taken=True))
    assert _answer(journal, MONDAY) is False
    assert journal.medication.ticks_decide_on(MONDAY)


def test_adding_a_medication_with_a_past_start_re_derives_ticked_days_only(journal):
    film = journal.medication.add(FILM, today=MONDAY)
    for offset in range(4):
        day = MONDAY + timedelta(offset)
        journal.medication.mark_dose(film.id, day, EIGHT, DoseMark.TAKEN)
        journal.checkins.save(CheckIn(day, mood=6))
    untouched = MONDAY + timedelta(4)
    journal.checkins.save(CheckIn(untouched, mood=6, medication_taken=True))
    assert _answer(journal, MONDAY + timedelta(2)) is True
    told: list[frozenset[Change]] = []
    journal.changes.subscribe(told.append)
    journal.medication.add(METHADONE, today=TODAY)
    assert told == [frozenset({Change.MEDICATION, Change.CHECKINS})]
    # The methadone doses are not ticked: not answered on the days the ticks decide...
    assert [_answer(journal, MONDAY + timedelta(o)) for o in range(4)] == [None] * 4
    # ...and the user's own answer on a day without a tick is kept.
    assert _answer(journal, untouched) is True


def test_deleting_stopping_and_editing_re_derive(journal):
    film = journal.medication.add(FILM, today=MONDAY)
    methadone = journal.medication.add(METHADONE, today=MONDAY)
    for offset in range(4):
        day = MONDAY + timedelta(offset)
        journal.medication.mark_dose(film.id, day, EIGHT, DoseMark.TAKEN)
        journal.checkins.save(CheckIn(day, mood=6))
    assert _answer(journal, MONDAY) is None
    journal.medication.stop(methadone.id, MONDAY + timedelta(1))
    assert [_answer(journal, MONDAY + timedelta(o)) for o in range(4)] == [None, None, True, True]
    journal.medication.delete(methadone.id)
    assert _answer(journal, MONDAY) is True
    journal.medication.update(replace(film, schedule=TWICE), today=MONDAY + timedelta(3))
    assert [_answer(journal, MONDAY + timedelta(o)) for o in range(4)] == [True, True, True, None]


def test_the_testers_case_methadone_added_to_the_demo_journal(filled_journal):
    """Demo journal; Methadone added, started two weeks ago, 08:00 and 19:00, unticked: on
    every checked-in day whose doses were ticked the stored answer is the one Today shows
    (not answered), so Trends' "Medication taken" days agree with Today."""
    from recovery_desktop.data.demo import fill_demo

    today = date.today()
    journal = filled_journal(lambda j: fill_demo(j, 10, today, seed=2))
    started = today - timedelta(days=14)
    days = [c.day for c in journal.checkins.between(started, today)]
    assert any(_answer(journal, day) is True for day in days)
    journal.medication.add(replace(METHADONE, started=started), today=today)
    repo = journal.medication
    ticked = [day for day in days if repo.ticks_decide_on(day)]
    assert len(ticked) > 5
    assert all(_answer(journal, day) is repo.medication_taken_on(day) for day in ticked)
    assert all(_answer(journal, day) is not True for day in ticked)
