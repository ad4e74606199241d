"""The printed summary of a period not over yet, or not started: its heading, its charts
drawn to today, and what is left out before it starts."""

from datetime import date, timedelta

from matplotlib import dates as mdates

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.periods import Period, parse_week
from recovery_desktop.domain.recovery_time import CleanPeriod
from recovery_desktop.domain.summary import SummaryInputs, SummaryNotes, SummaryOptions
from recovery_desktop.domain.trends import TrendData
from recovery_desktop.reports.summary import print_chart
from recovery_desktop.reports.summary_service import SummaryRequest, build_summary

WEEK = parse_week("2026-W48")  # Monday 23 – Sunday 29 November 2026
WEDNESDAY = date(2026, 11, 25)
CHECKINS = tuple(
    CheckIn(WEEK.start + timedelta(days=n), mood=5 + n, stress=4, sleep_hours=7.0, used=False)
    for n in range(3)
)


def _inputs(period=WEEK, notes=None):
    trend = TrendData(period, checkins=CHECKINS)
    periods = (CleanPeriod(1, "Heroin and other opioids", date(2026, 11, 1)),)
    return SummaryInputs(period, CHECKINS, notes or SummaryNotes(), (), trend, (), periods)


def test_the_charts_of_a_week_so_far_end_today():
    """Mood and stress charts of the current week stop at Wednesday: Thursday to Sunday are
    neither drawn as gaps nor as zeros, because they have not happened."""
    for key in ("mood_craving", "stress_sleep"):
        axes = print_chart(_inputs(), key, WEDNESDAY).axes[0]
        right = axes.get_xlim()[1]
        assert right < mdates.date2num(WEDNESDAY + timedelta(days=1))
        assert right > mdates.date2num(WEDNESDAY)


def test_a_finished_weeks_charts_cover_the_whole_week():
    """Once the week is over its charts run to Sunday."""
    axes = print_chart(_inputs(), "mood_craving", WEEK.end + timedelta(days=3)).axes[0]
    assert axes.get_xlim()[1] > mdates.date2num(WEEK.end)


def test_a_period_still_to_come_prints_only_the_users_lists():
    """A range after today says so once, has no charts or numbers, and keeps the goals the
    user wrote for it."""
    future = Period(date(2026, 12, 1), date(2026, 12, 14))
    notes = SummaryNotes(talk_about=("the move",), goals=("walk daily",))
    built = build_summary(SummaryRequest(_inputs(future, notes), SummaryOptions(), WEDNESDAY))
    html = built.document.html
    assert "1–14 December 2026 — still to come" in html
    assert "This period hasn&#x27;t started yet, so there is nothing to count in it." in html
    assert built.images == {}
    for absent in ("At a glance", "Clean time", "Days I used", "Lapses", "Not answered"):
        assert absent not in html
    assert "the move" in html and "walk daily" in html


def test_a_range_running_past_today_says_so_far_with_the_year_when_it_differs():
    """A range into next year printed in December names the year of "today"."""
    period = Period(date(2026, 12, 1), date(2027, 1, 31))
    assert period.label_on(date(2026, 12, 15)) == (
        "1 December 2026 – 31 January 2027 — so far, to Tuesday 15 December 2026"
    )


def test_the_change_so_far_says_which_days_it_compares_with():
    """Three days so far are compared with the first three of the week before; on a Monday
    with its first day, in words that read well."""
    html = build_summary(SummaryRequest(_inputs(), SummaryOptions(), WEDNESDAY)).document.html
    assert "compared with the first 3 days of the period before: 16–18 November 2026" in html
    monday = build_summary(SummaryRequest(_inputs(), SummaryOptions(), WEEK.start)).document.html
    assert "compared with the first day of the period before: Monday 16 November 2026" in monday
