"""Sparse answers stay visible at every range: check-ins on Mondays and Thursdays only, for
two years, read back from a real journal and drawn in every series chart."""

import math
from datetime import date, datetime, timedelta

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex, to_rgb

from recovery_desktop.domain.checkin import CheckIn, Halt
from recovery_desktop.domain.contacts import Contact, ReachOut, Role
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.periods import PRESETS, preset
from recovery_desktop.reports.chart_kit import day_number
from recovery_desktop.reports.charts import chart_spec
from recovery_desktop.reports.style import DARK, LIGHT, PRINT, ChartStyle
from tests.bar_boxes import bars_with_series, extent

TODAY = date.today()
MONDAY, THURSDAY = 0, 3
ANSWERED = [
    TODAY - timedelta(days=n) for n in range(730) if (TODAY - timedelta(days=n)).weekday() in (0, 3)
]
# (chart, panel, measure) for every daily series.
SERIES = [
    ("mood_craving", 0, "mood"),
    ("mood_craving", 0, "craving_peak"),
    ("stress_sleep", 0, "stress"),
    ("stress_sleep", 1, "sleep_hours"),
    ("energy", 0, "energy"),
]
STYLES = {"light": LIGHT, "dark": DARK, "print": PRINT}


def _fill_twice_a_week(journal):
    journal.checkins.save_many(
        CheckIn(
            day,
            mood=day.day % 11,
            craving_peak=3,
            stress=4,
            sleep_hours=7.0,
            energy=6,
            halt=frozenset({Halt.TIRED}) if day.weekday() == MONDAY else frozenset(),
            meeting=day.weekday() == THURSDAY,
        )
        for day in ANSWERED
    )


@pytest.fixture
def twice_a_week(filled_journal):
    """Two years of check-ins on Mondays and Thursdays, each answering every scale."""
    return filled_journal(_fill_twice_a_week)


def _drawn_days(axes, colour: str) -> set[float]:
    """Days of the daily answers (not averages) in ``colour`` that a reader can see: a marker
    is drawn on them, or a line joins them to the day before or after."""
    left, right = axes.get_xlim()
    days = set()
    for line in axes.get_lines():
        if "average" in line.get_label() or to_hex(line.get_color()) != colour:
            continue
        if not line.get_visible() or (line.get_alpha() or 1) < 0.3:
            continue
        ys = [float(y) for y in line.get_ydata()]
        answered = [not math.isnan(y) for y in ys]
        marked = line.get_marker() not in (None, "None", "", " ") and line.get_markersize() >= 2
        joined = line.get_linestyle() not in ("None", "", " ")
        for index, x in enumerate(line.get_xdata()):
            neighbours = answered[max(0, index - 1) : index] + answered[index + 1 : index + 2]
            seen = marked or (joined and any(neighbours))
            if answered[index] and seen and left <= x <= right:
                days.add(float(x))
    return days


def test_a_year_of_twice_weekly_check_ins_shows_every_mood_answer(twice_a_week):
    """The issue's example: the "Year" mood chart draws each of the ~104 answered days."""
    period = preset("year", TODAY)
    chart = chart_spec("mood_craving").build(twice_a_week.trend_data(period), LIGHT)
    expected = {day_number(d) for d in ANSWERED if period.contains(d)}
    assert 100 <= len(expected) <= 106
    assert _drawn_days(chart.figure.axes[0], LIGHT.colour("mood")) == expected


@pytest.mark.parametrize("style", STYLES.values(), ids=STYLES.keys())
@pytest.mark.parametrize("series", SERIES, ids=[s[2] for s in SERIES])
@pytest.mark.parametrize("range_name", PRESETS)
def test_every_answered_day_is_drawn_at_every_range(twice_a_week, range_name, series, style):
    """Week, 4 weeks, 3 months, Year and All: no answered day disappears from any series."""
    key, panel, measure = series
    period = preset(range_name, TODAY, twice_a_week.first_day())
    chart = chart_spec(key).build(twice_a_week.trend_data(period), style)
    expected = {day_number(d) for d in ANSWERED if period.contains(d)}
    assert _drawn_days(chart.figure.axes[panel], style.colour(measure)) == expected


def _bar_columns(chart, colour: str) -> list[int]:
    """For each bar of ``colour`` on the first panel: how many columns of pixels show it."""
    canvas = FigureCanvasAgg(chart.figure)
    canvas.draw()
    image = np.asarray(canvas.buffer_rgba())[::-1, :, :3].astype(int)  # row 0 at the bottom
    ink = np.array([round(255 * c) for c in to_rgb(colour)])
    columns = []
    for series, bar in bars_with_series(chart.figure.axes[0]):
        if bar.height <= 0 or to_hex(series.get_facecolor()) != colour:
            continue
        box = extent(series, bar)
        rows = slice(int(box.y0) + 1, max(int(box.y0) + 2, int(box.y1) - 1))
        cols = slice(int(box.x0) - 1, int(box.x1) + 2)
        near = np.abs(image[rows, cols] - ink).sum(axis=2) < 40
        columns.append(int(near.all(axis=0).sum()))
    return columns


BARS = {"cravings_daily": "cravings", "halt": "tired", "reach_outs": "role_sponsor"}


@pytest.mark.parametrize("range_name", PRESETS)
@pytest.mark.parametrize("key", BARS)
def test_a_lone_bar_is_seen_at_every_range_even_on_ten_years(journal, range_name, key):
    """One craving, one reach-out and one tired day, in a journal whose clean date is ten
    years back ("All" is ten years): each is a bar at least a column of pixels wide."""
    journal.recovery_time.set_clean_date("Opioids", TODAY - timedelta(days=3652), TODAY)
    sam = journal.contacts.save(Contact(None, "Sam", Role.SPONSOR))
    when = datetime.combine(TODAY, datetime.min.time())
    journal.cravings.save(Craving(None, when, 5))
    journal.contacts.log_reach_out(ReachOut(None, sam.id, when))
    journal.checkins.save(CheckIn(TODAY, halt=frozenset({Halt.TIRED})))
    period = preset(range_name, TODAY, journal.first_day())
    chart = chart_spec(key).build(journal.trend_data(period), LIGHT)
    (columns,) = _bar_columns(chart, LIGHT.colour(BARS[key]))
    assert columns >= 1


@pytest.mark.parametrize("style", STYLES.values(), ids=STYLES.keys())
def test_a_chart_of_a_range_without_answers_says_so(journal, style: ChartStyle):
    """Nothing answered or logged in the range: every chart says so in words."""
    period = preset("4weeks", TODAY)
    data = journal.trend_data(period)
    for key in ("mood_craving", "stress_sleep", "energy", "halt", "support"):
        chart = chart_spec(key).build(data, style)
        notes = [t.get_text() for ax in chart.figure.axes for t in ax.texts]
        assert "No answers in this period" in notes, key
