"""Dates in the summary carry their year whenever the reader could not tell it: a summary over
several years, or a last lapse in an earlier year than the week shown."""

from datetime import date, datetime

from recovery_desktop.domain.calendar_text import day_in
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.periods import date_range, parse_week
from recovery_desktop.domain.recovery_time import CleanPeriod, Lapse
from recovery_desktop.domain.summary import SummaryInputs, SummaryNotes, SummaryOptions, summarise
from recovery_desktop.domain.summary_events import summarise_events
from recovery_desktop.domain.trends import TrendData
from recovery_desktop.reports.sections import SummaryContext
from recovery_desktop.reports.summary_html import render

OPIOIDS = "Heroin and other opioids"
PRINTED = date(2026, 11, 30)
LAPSE = Lapse(1, datetime(2009, 6, 2, 21, 30), OPIOIDS)
PERIODS = (
    CleanPeriod(1, OPIOIDS, date(2008, 1, 1), date(2009, 6, 2), lapse_id=1),
    CleanPeriod(2, OPIOIDS, date(2026, 12, 7)),  # a restart still to come
)


def _html(period):
    trend = TrendData(period, lapses=(LAPSE,) if period.start <= LAPSE.day else ())
    checkins = (CheckIn(date(2009, 6, 1), mood=4, note="Hard day"), CheckIn(period.end, mood=6))
    checkins = tuple(c for c in checkins if period.start <= c.day <= period.end)
    inputs = SummaryInputs(period, checkins, SummaryNotes(), (), trend, (), PERIODS)
    context = SummaryContext(
        summarise(period, inputs.checkins, today=PRINTED),
        events=summarise_events(inputs, PRINTED),
    )
    return render(context, SummaryOptions(sections={"notes": True}), PRINTED).html


def test_a_summary_over_years_names_the_year_of_each_lapse_and_note():
    html = _html(date_range(date(2006, 12, 1), date(2026, 11, 29)))
    assert "Tuesday 2 June 2009, 21:30" in html
    assert "Monday 1 June 2009" in html


def test_a_week_names_the_year_of_a_lapse_from_another_year():
    html = _html(parse_week("2026-W48"))
    assert "last lapse 2 June 2009; counting again from 7 December" in html


def test_the_year_is_left_out_only_within_one_year():
    assert day_in(date(2026, 6, 2), date(2026, 1, 1), date(2026, 12, 31)) == "Tuesday 2 June"
    assert day_in(date(2026, 6, 2), date(2025, 12, 29), date(2026, 1, 4)) == "Tuesday 2 June 2026"
    moment = datetime(2025, 12, 31, 23, 5)
    assert day_in(moment, moment.date(), date(2026, 1, 4), "%a %-d %b, %H:%M") == (
        "Wed 31 Dec 2025, 23:05"
    )
