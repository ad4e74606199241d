"""Adherence "so far", one rule everywhere (the Medication page, the summary, Trends and
``adherence()``): every dose of the days that are over counts, today's once ticked. The
missed doses listed are only those a schedule expects."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

from recovery_desktop.domain.medication import (
    Adherence,
    DoseMark,
    Medication,
    MedicationKind,
    Repeat,
    Schedule,
)
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.visits_read import MedicationAdherence, MissedDose

TODAY = date.today()
WEEK_AGO = TODAY - timedelta(days=6)
EIGHT, SEVEN_PM = time(8, 0), time(19, 0)
DAILY = Schedule(Repeat.WEEKDAYS, (EIGHT,), frozenset(range(7)))
TWICE = Schedule(Repeat.WEEKDAYS, (EIGHT, SEVEN_PM), frozenset(range(7)))
FILM = Medication(
    "Suboxone", MedicationKind.BUPRENORPHINE_NALOXONE, TWICE, "16 mg film", started=WEEK_AGO
)


def _all_taken_but_tonight(journal):
    film = journal.medication.add(FILM, today=WEEK_AGO)
    for offset in range(7):
        day = WEEK_AGO + timedelta(days=offset)
        for at in (EIGHT, SEVEN_PM) if day < TODAY else (EIGHT,):
            journal.medication.mark_dose(film.id, day, at, DoseMark.TAKEN)
    return film


def test_a_summary_ending_today_before_the_evening_dose_counts_it_not(journal):
    """13 doses due so far, all taken: not "13 of 14 · 1 not ticked"."""
    _all_taken_but_tonight(journal)
    visits = journal.summary_inputs(Period(WEEK_AGO, TODAY)).visits
    assert visits.medication == (MedicationAdherence("Suboxone", Adherence(13, 13, 0)),)


def test_adherence_and_trends_count_todays_doses_once_ticked(journal):
    film = _all_taken_but_tonight(journal)
    assert journal.medication.adherence(film.id, WEEK_AGO, TODAY, TODAY) == Adherence(13, 13, 0)
    weeks = journal.trend_data(Period(WEEK_AGO, TODAY)).visits.adherence[0].weeks
    assert sum(a.expected for _monday, a in weeks) == 13


def test_a_missed_tick_no_schedule_expects_any_more_is_not_listed(journal):
    """Missed at 19:00 yesterday and today, then the 19:00 time is removed from today on:
    only yesterday's is listed, as the count says."""
    yesterday = TODAY - timedelta(days=1)
    film = journal.medication.add(replace(FILM, started=yesterday), today=yesterday)
    for day in (yesterday, TODAY):
        journal.medication.mark_dose(film.id, day, EIGHT, DoseMark.TAKEN)
        journal.medication.mark_dose(film.id, day, SEVEN_PM, DoseMark.MISSED)
    journal.medication.update(replace(film, schedule=DAILY), today=TODAY)
    visits = journal.summary_inputs(Period(yesterday, TODAY)).visits
    assert visits.missed == (MissedDose(yesterday, SEVEN_PM, "Suboxone"),)
    assert visits.medication[0].adherence.missed == 1
    assert journal.medication.missed_between(yesterday, TODAY) == [
        (yesterday, SEVEN_PM, "Suboxone")
    ]
