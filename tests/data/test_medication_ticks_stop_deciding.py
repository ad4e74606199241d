"""When the ticks stop deciding a day (its last scheduled tick cleared, or a stop, delete or
schedule edit leaves it without a scheduled tick), the stored "Medication taken" becomes not
answered: never a stale derived answer. And a tick no schedule expects keeps what it is: an
"as needed" dose stays taken at the minute it was logged, a tick no longer scheduled can
only be cleared."""

from __future__ import annotations

from dataclasses import replace
from datetime import time, timedelta

import pytest

from recovery_desktop.data.errors import DoseNoLongerScheduled
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.medication import (
    DoseMark,
    Medication,
    MedicationKind,
    Repeat,
    Schedule,
)
from tests.data.test_medication_ticks_decide import EIGHT, FILM, MONDAY, SEVEN_PM, TWICE

AS_NEEDED = Medication("Ibu", MedicationKind.OTHER, Schedule(Repeat.AS_NEEDED), started=MONDAY)


def _answer(journal, day):
    return journal.checkins.get(day).medication_taken


def test_clearing_the_last_scheduled_tick_leaves_the_day_not_answered(journal):
    """The re-tester's case: Yes by hand, a dose ticked Missed (No), the tick cleared."""
    film = journal.medication.add(FILM, today=MONDAY)
    journal.checkins.save(CheckIn(MONDAY, mood=5, medication_taken=True))
    journal.medication.mark_dose(film.id, MONDAY, EIGHT, DoseMark.MISSED)
    assert _answer(journal, MONDAY) is False
    journal.medication.mark_dose(film.id, MONDAY, EIGHT, None)
    assert not journal.medication.ticks_decide_on(MONDAY)
    assert _answer(journal, MONDAY) is None


def test_a_day_without_a_tick_keeps_the_users_answer_when_an_as_needed_dose_comes_and_goes(
    journal,
):
    """The ticks never decided the day: its own answer stays through an as-needed log."""
    journal.medication.add(FILM, today=MONDAY)
    ibu = journal.medication.add(AS_NEEDED, today=MONDAY)
    journal.checkins.save(CheckIn(MONDAY, mood=5, medication_taken=True))
    journal.medication.log_dose(ibu.id, MONDAY, time(19, 27))
    journal.medication.mark_dose(ibu.id, MONDAY, time(19, 27), None)
    assert _answer(journal, MONDAY) is True


def test_stop_delete_and_schedule_edit_that_leave_a_day_undecided_clear_its_answer(journal):
    film = journal.medication.add(FILM, today=MONDAY)
    days = [MONDAY + timedelta(o) for o in range(3)]
    for day in days:
        journal.medication.mark_dose(film.id, day, EIGHT, DoseMark.MISSED)
        journal.checkins.save(CheckIn(day, mood=6))
    assert [_answer(journal, d) for d in days] == [False] * 3
    journal.medication.stop(film.id, days[1])  # the third day's tick is no longer scheduled
    assert [_answer(journal, d) for d in days] == [False, False, None]
    journal.medication.update(
        replace(journal.medication.get(film.id), stopped=None, schedule=TWICE), today=days[1]
    )  # from the second day on, 08:00 stays: the second day still decided
    journal.medication.update(
        replace(journal.medication.get(film.id), schedule=replace(TWICE, times=(SEVEN_PM,))),
        today=days[1],
    )  # 08:00 gone from the second day on: its tick no longer decides
    assert [_answer(journal, d) for d in days] == [False, None, None]
    journal.medication.delete(film.id)
    assert [_answer(journal, d) for d in days] == [None] * 3


def test_an_as_needed_dose_stays_taken_at_the_minute_it_was_logged(journal):
    """Another taken time would be a second dose beside the logged one: the logged time is
    the dose, so a taken time given for it is not stored."""
    ibu = journal.medication.add(AS_NEEDED, today=MONDAY)
    journal.medication.log_dose(ibu.id, MONDAY, time(19, 27))
    journal.medication.log_dose(ibu.id, MONDAY, time(19, 28))
    journal.medication.mark_dose(ibu.id, MONDAY, time(19, 27), DoseMark.TAKEN, time(19, 28))
    records = journal.medication.records(ibu.id, MONDAY, MONDAY)
    assert [(r.at, r.taken_at) for r in records] == [
        (time(19, 27), time(19, 27)),
        (time(19, 28), time(19, 28)),
    ]


def test_a_tick_no_longer_scheduled_can_be_cleared_but_not_changed(journal):
    film = journal.medication.add(FILM, today=MONDAY)
    journal.medication.mark_dose(film.id, MONDAY + timedelta(2), EIGHT, DoseMark.MISSED)
    journal.medication.stop(film.id, MONDAY)
    later = MONDAY + timedelta(2)
    with pytest.raises(DoseNoLongerScheduled):
        journal.medication.mark_dose(film.id, later, EIGHT, DoseMark.TAKEN, EIGHT)
    assert journal.medication.records(film.id, later, later)[0].mark is DoseMark.MISSED
    journal.medication.mark_dose(film.id, later, EIGHT, None)
    assert journal.medication.records(film.id, later, later) == []
