"""Medication and appointments read for Trends: adherence per medication and ISO week,
appointments by how they went, and whether the journal holds either at all."""

from __future__ import annotations

from datetime import timedelta

from recovery_desktop.domain.medication import Adherence
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.visits_read import APPOINTMENTS, MEDICATION, KeptWeek
from tests.ui.test_summary_visits import MONDAY, _appointments, _medication


def test_trend_data_holds_adherence_per_week_and_appointments_kept(journal):
    """Two weeks from the crafted week's Monday: the first has 12 of 14 taken; the second
    expected 14 more doses (capped at today), none ticked. Appointments by week."""
    _medication(journal)
    _appointments(journal)
    period = Period(MONDAY, MONDAY + timedelta(days=13))
    visits = journal.trend_data(period).visits
    assert visits.held == {MEDICATION, APPOINTMENTS}
    (film,) = visits.adherence  # the as-needed medication expects nothing: no line
    assert film.name == "Buprenorphine"
    assert film.weeks[0] == (MONDAY, Adherence(14, 12, 1))
    assert film.weeks[1] == (MONDAY + timedelta(days=7), Adherence(14, 0, 0))
    assert visits.kept == (KeptWeek(MONDAY, 1, 1, 1),)


def test_a_journal_without_either_holds_neither(journal):
    """No medication, no appointment: the charts about them are not wanted."""
    visits = journal.trend_data(Period(MONDAY, MONDAY + timedelta(days=6))).visits
    assert visits.held == frozenset() and visits.adherence == () and visits.kept == ()


def _statements(journal, period):
    found = []
    journal.db.conn.set_trace_callback(found.append)
    try:
        journal.summary_inputs(period)
    finally:
        journal.db.conn.set_trace_callback(None)
    return found


def test_a_year_is_read_with_as_many_statements_as_a_week(journal):
    """The summary's reading does not grow with the period: no statement per day (a year
    of a twice-daily schedule is read like a week of it)."""
    _medication(journal)
    _appointments(journal)
    week = Period(MONDAY, MONDAY + timedelta(days=6))
    year = Period(MONDAY - timedelta(days=358), MONDAY + timedelta(days=6))
    assert len(_statements(journal, year)) == len(_statements(journal, week))


def test_todays_doses_count_once_ticked(journal):
    """Daily at 08:00 and 20:00 since yesterday, both taken yesterday: 100 %. Today's 08:00
    not ticked yet is not drawn as missing; once ticked taken it counts, 20:00 still not."""
    from datetime import date, time

    from recovery_desktop.domain.medication import (
        DoseMark,
        Medication,
        MedicationKind,
        Repeat,
        Schedule,
    )

    today = date.today()
    yesterday = today - timedelta(days=1)
    twice = Schedule(Repeat.WEEKDAYS, (time(8), time(20)), frozenset(range(7)))
    made = journal.medication.add(
        Medication("Methadone", MedicationKind.METHADONE, twice, started=yesterday), yesterday
    )
    for at in (time(8), time(20)):
        journal.medication.mark_dose(made.id, yesterday, at, DoseMark.TAKEN, at)
    period = Period(yesterday, today)

    def counted():
        (series,) = journal.trend_data(period).visits.adherence
        return [a for _monday, a in series.weeks]

    before = Adherence(2, 2, 0)
    assert sum_of(counted()) == before
    journal.medication.mark_dose(made.id, today, time(8), DoseMark.TAKEN, time(8))
    assert sum_of(counted()) == Adherence(3, 3, 0)


def sum_of(weeks):
    return Adherence(*(sum(getattr(a, f) for a in weeks) for f in ("expected", "taken", "missed")))
