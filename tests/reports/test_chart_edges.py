"""Every answer is drawn whole at the edges of a chart, and every text fits its figure: the
first and last day's markers and bars lie inside their axes, at every Trends range and at
the sizes Trends shows its charts on a 1024×600 and a 1366×768 screen."""

from datetime import date, datetime, time, timedelta

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from recovery_desktop.domain.checkin import CheckIn, Halt
from recovery_desktop.domain.contacts import Contact, ReachOut, Role
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.day_plan import BlockCategory, BlockTimes
from recovery_desktop.domain.periods import PRESETS, preset
from recovery_desktop.reports.chart_kit import day_number
from recovery_desktop.reports.charts import CHARTS
from recovery_desktop.reports.charts import chart_spec as spec_of
from recovery_desktop.reports.date_axis import DateLabels
from recovery_desktop.reports.style import LIGHT, PRINT
from recovery_desktop.reports.summary import PRINT_DPI, PRINT_SIZE_INCHES
from tests.chart_fit import chart_problems, text_problems

TODAY = date.today()
FIRST = TODAY - timedelta(days=3650)  # "All" is ten years long
# (canvas width, figure dpi) of a Trends chart: 742 px on a 1024×600 screen, 1084 px on
# 1366×768, and 626 logical px at 150 % (911×512 logical, drawn at 150 dpi); measured with
# the Trends page in the main window. The height is the figure's own (100 px an inch).
SCREENS = {"1024x600": (742, 100), "1366x768": (1084, 100), "1366x768-150": (626, 150)}


def _everything(day: date) -> CheckIn:
    return CheckIn(
        day,
        mood=0,
        craving_peak=10,
        stress=10,
        sleep_hours=0.0,
        energy=0,
        halt=frozenset(Halt),
        used=True,
        meeting=True,
        therapy=False,
        medication_taken=True,
    )


@pytest.fixture
def edges(journal):
    """Every measure answered (at its extremes) on the first day of each range and today,
    with the day before today left blank, so today stands alone; a craving and a reach-out
    on those days too, and a day plan with a short block (long idle bars) on each."""
    sam = journal.contacts.save(Contact(None, "Sam", Role.SPONSOR))
    days = {TODAY, FIRST} | {preset(key, TODAY, FIRST).start for key in PRESETS}
    journal.checkins.save_many(_everything(day) for day in sorted(days))
    for day in sorted(days):
        when = datetime.combine(day, time(12))
        journal.cravings.save(Craving(None, when, 10))
        journal.contacts.log_reach_out(ReachOut(None, sam.id, when))
        journal.day_plan.add(day, BlockTimes(9 * 60, 10 * 60, "Walk", BlockCategory.EXERCISE))
    return journal


def _sized(chart, screen: str):
    width, dpi = SCREENS[screen]
    figure = chart.figure
    FigureCanvasAgg(figure)
    figure.set_dpi(dpi)
    figure.set_size_inches(width / 100, figure.get_figheight())
    return figure


def _printed(chart):
    """The figure at the size and resolution of the printed summary."""
    figure = chart.figure
    FigureCanvasAgg(figure)
    figure.set_dpi(PRINT_DPI)
    width, height = PRINT_SIZE_INCHES
    figure.set_size_inches(width, height * figure.get_figheight() / 3.0)
    return figure


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("key", list(PRESETS))
def test_first_and_last_days_are_drawn_whole_and_texts_fit(edges, key, screen):
    """No marker, point or bar is cut by the axes' edge and no text by the figure's edge."""
    data = edges.trend_data(preset(key, TODAY, FIRST))
    problems = []
    for spec in CHARTS:  # in the light style; the dark one differs in colours only
        figure = _sized(spec.build(data, LIGHT), screen)
        problems += [f"{spec.key}: {p}" for p in chart_problems(figure)]
    assert problems == []


@pytest.mark.parametrize("key", list(PRESETS))
def test_printed_charts_draw_the_edges_whole_too(edges, key):
    """The same on paper: black-and-white style at the printed summary's size."""
    data = edges.trend_data(preset(key, TODAY, FIRST))
    problems = []
    for spec in CHARTS:
        figure = _printed(spec.build(data, PRINT))
        problems += [f"{spec.key}: {p}" for p in chart_problems(figure)]
    assert problems == []


@pytest.mark.parametrize("key", list(PRESETS))
def test_no_tick_names_a_day_outside_the_range(edges, key):
    """The room at the ends of a date axis shows no tick for tomorrow or a day before."""
    period = preset(key, TODAY, FIRST)
    data = edges.trend_data(period)
    for spec in CHARTS:
        figure = _sized(spec.build(data, LIGHT), "1024x600")
        figure.canvas.draw()
        for axes in figure.axes:
            if not isinstance(axes.xaxis.get_major_formatter(), DateLabels):
                continue
            left, right = sorted(axes.get_xlim())
            shown = [t for t in axes.get_xticks() if left <= t <= right]
            assert shown, spec.key
            assert min(shown) >= day_number(period.start), spec.key
            assert max(shown) <= day_number(period.end), spec.key


@pytest.mark.parametrize("key", [spec.key for spec in CHARTS])
def test_axis_labels_wrap_rather_than_run_off_a_short_chart(edges, key):
    """A chart drawn shorter than its axis label ("cravings logged per day" is 1.7 in long)
    wraps the label at the figure's edge instead of cutting its first letters off."""
    data = edges.trend_data(preset("4weeks", TODAY, FIRST))
    figure = _sized(spec_of(key).build(data, LIGHT), "1024x600")
    figure.set_size_inches(figure.get_figwidth(), 1.8)
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    names = [a.yaxis.label.get_text() for a in figure.axes] + [
        a.xaxis.label.get_text() for a in figure.axes
    ]
    cut = [p for p in text_problems(figure, renderer) if any(f"{n!r}" in p for n in names if n)]
    assert cut == []
