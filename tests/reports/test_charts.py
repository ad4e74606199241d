"""Figure builders under the Agg backend: points, gaps and titles."""

import math
from datetime import date, timedelta

import pytest

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.medication import Adherence
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.trends import TrendData, WeekCounts
from recovery_desktop.domain.visits_read import (
    APPOINTMENTS,
    MEDICATION,
    AdherenceWeeks,
    KeptWeek,
    VisitTrends,
)
from recovery_desktop.reports.chart_kit import to_png
from recovery_desktop.reports.charts import CHARTS, chart_spec
from recovery_desktop.reports.style import DARK, LIGHT, PRINT

START = date(2026, 11, 2)  # a Monday
PERIOD = Period(START, START + timedelta(days=13))
CHECKINS = (
    CheckIn(START, mood=5, craving_peak=2, stress=3, sleep_hours=7.0, energy=6),
    CheckIn(START + timedelta(days=1), mood=6, used=True),
    CheckIn(START + timedelta(days=4), mood=4, craving_peak=7),
)
WEEKS = (
    WeekCounts(START, 3, 1, 0, 2, 3, 0, 1, 0, 2),
    WeekCounts(START + timedelta(days=7), 0, 0, 0, 0, 0, 0, 0, 0, 0),
)
VISITS = VisitTrends(
    frozenset({MEDICATION, APPOINTMENTS}),
    (
        AdherenceWeeks(
            "Buprenorphine",
            ((START, Adherence(7, 6, 1)), (START + timedelta(days=7), Adherence(7, 7, 0))),
        ),
        AdherenceWeeks("Sertraline", ((START, Adherence(0, 0, 0)),)),
    ),
    (KeptWeek(START, 1, 1, 0), KeptWeek(START + timedelta(days=7), 1, 0, 1)),
)
DATA = TrendData(PERIOD, CHECKINS, WEEKS, visits=VISITS)


def _line(chart, label):
    axes = chart.figure.axes
    for ax in axes:
        for line in ax.get_lines():
            if line.get_label() == label:
                return line
    raise AssertionError(f"no line {label!r}")


def test_mood_chart_has_one_slot_per_day_with_gaps_for_missing_days():
    """Fourteen days, three answered: the other days are NaN gaps, never zero."""
    chart = chart_spec("mood_craving").build(DATA, LIGHT)
    ys = _line(chart, "Mood").get_ydata()
    assert len(ys) == 14
    assert [y for y in ys if not math.isnan(y)] == [5, 6, 4]
    assert math.isnan(ys[2]) and 0 not in [y for y in ys if not math.isnan(y)][1:]


def test_mood_chart_marks_used_days_and_describes_points():
    """The day marked "used" gets a marker; hovering finds the answered days."""
    chart = chart_spec("mood_craving").build(DATA, LIGHT)
    texts = [p.text for p in chart.points]
    assert any("Marked \u201cused\u201d" in t for t in texts)
    assert any(t.endswith("Mood: 5") for t in texts)
    assert sum("Mood:" in t for t in texts) == 3


def test_titles_are_plain_words():
    """Every chart has a readable title."""
    titles = [spec.build(DATA, LIGHT).figure.axes[0].get_title(loc="left") for spec in CHARTS]
    assert titles == [
        "Mood and craving peak",
        "Cravings logged per day, and the strongest",
        "Triggers: how often each came up",
        "When cravings came: day of the week and hour",
        "What lowered cravings: how much lower afterwards",
        "Stress and sleep",
        "Energy",
        "HALT: days hungry, angry, lonely or tired, per week",
        "Meetings, therapy and medication, days per week",
        "Reaching out: people contacted per week, by role",
        "Idle time and cravings",
        "Idle hours and cravings",
        "Planned and done per week",
        "Medication: share of expected doses taken, per week",
        "Appointments per week: attended, missed or rescheduled",
    ]


def test_weekly_chart_leaves_weeks_without_check_ins_as_gaps():
    """The second week had no check-ins: NaN on the line, not a zero."""
    chart = chart_spec("support").build(DATA, LIGHT)
    meetings = _line(chart, "Meetings").get_ydata()
    assert meetings[0] == 1 and math.isnan(meetings[1])


def test_empty_period_says_so():
    """No answers: the chart carries a plain note instead of empty axes."""
    chart = chart_spec("energy").build(TrendData(PERIOD), LIGHT)
    texts = [t.get_text() for t in chart.figure.axes[0].texts]
    assert "No answers in this period" in texts


@pytest.mark.parametrize("style", [LIGHT, DARK, PRINT], ids=lambda s: s.name)
@pytest.mark.parametrize("spec", CHARTS, ids=lambda s: s.key)
def test_every_chart_renders_in_every_style(spec, style):
    """Each builder produces a real PNG in light, dark and print styles."""
    png = to_png(spec.build(DATA, style).figure, dpi=50)
    assert png.startswith(b"\x89PNG") and len(png) > 1000


def test_a_decade_of_days_draws_without_daily_markers():
    """Long ranges drop the daily dots and keep the averages readable."""
    start = date(2016, 1, 1)
    period = Period(start, start + timedelta(days=3649))
    checkins = tuple(CheckIn(start + timedelta(days=n), mood=n % 11) for n in range(3650))
    chart = chart_spec("mood_craving").build(TrendData(period, checkins), LIGHT)
    assert _line(chart, "Mood").get_marker() in (None, "None", "")
    assert len(_line(chart, "Mood").get_ydata()) == 3650


def test_stress_and_sleep_are_two_panels_on_one_date_axis():
    """A year of both measures: stress above, sleep below, each with its own scale and hover."""
    start = date(2026, 1, 1)
    period = Period(start, start + timedelta(days=364))
    checkins = tuple(
        CheckIn(start + timedelta(days=n), stress=n % 11, sleep_hours=5 + n % 5) for n in range(365)
    )
    chart = chart_spec("stress_sleep").build(TrendData(period, checkins), LIGHT)
    stress, sleep = chart.figure.axes
    assert stress.get_ylabel() == "Stress, 0 to 10" and sleep.get_ylabel() == "Sleep, hours"
    assert stress.get_shared_x_axes().joined(stress, sleep)
    assert stress.get_position().y0 > sleep.get_position().y1 - 0.01  # stacked, not twinned
    assert {line.get_label() for line in stress.get_lines()} == {"Stress", "Stress, 7-day average"}
    assert {line.get_label() for line in sleep.get_lines()} == {"Sleep", "Sleep, 7-day average"}
    assert {p.axes for p in chart.points} == {0, 1}


def test_a_mood_chart_with_only_used_days_says_which_answers_are_missing():
    """A day marked "used" is drawn, so the note names what is missing instead of "No answers"."""
    data = TrendData(PERIOD, (CheckIn(START, used=True),))
    chart = chart_spec("mood_craving").build(data, LIGHT)
    notes = [t.get_text() for t in chart.figure.axes[0].texts]
    assert notes == ["No mood or craving answers in this period"]


def test_a_medication_line_equal_to_an_earlier_one_leaves_it_showing():
    """Two medications with the same share each week: the line drawn later (on top) is
    thinner with smaller markers, so the earlier one shows around it."""
    same = ((START, Adherence(7, 6, 1)), (START + timedelta(days=7), Adherence(7, 7, 0)))
    visits = VisitTrends(
        frozenset({MEDICATION}),
        (AdherenceWeeks("Suboxone", same), AdherenceWeeks("Sertraline", same)),
        (),
    )
    chart = chart_spec("adherence").build(TrendData(PERIOD, (), (), visits=visits), LIGHT)
    under, over = _line(chart, "Suboxone"), _line(chart, "Sertraline")
    assert list(under.get_ydata()) == list(over.get_ydata())
    assert over.get_zorder() >= under.get_zorder()
    assert over.get_linewidth() < under.get_linewidth()
    assert over.get_markersize() < under.get_markersize()
