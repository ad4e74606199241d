"""Weekly charts stop at today: the rest of the current week is not drawn as zeros or gaps."""

from datetime import date, datetime, timedelta

import pytest
from matplotlib.lines import Line2D

from recovery_desktop.domain.checkin import CheckIn, Halt
from recovery_desktop.domain.contacts import Contact, ReachOut, Role
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.periods import preset
from recovery_desktop.reports.chart_kit import day_number, edge_room
from recovery_desktop.reports.charts import chart_spec
from recovery_desktop.reports.style import LIGHT
from tests.bar_boxes import bars

TUESDAY = date(2026, 11, 17)  # the current week has had two days: Monday and today
WEEKLY = ["halt", "support", "reach_outs"]


def _fill_weeks_so_far(journal):
    sam = journal.contacts.save(Contact(None, "Sam", Role.SPONSOR))
    days = [TUESDAY - timedelta(days=n) for n in range(400)]
    journal.checkins.save_many(
        CheckIn(day, mood=5, halt=frozenset({Halt.TIRED}), meeting=True) for day in days[:22]
    )
    for day in days:
        evening = datetime.combine(day, datetime.min.time()).replace(hour=19)
        journal.contacts.log_reach_out(ReachOut(None, sam.id, evening))
        journal.cravings.save(Craving(None, evening, 4))


@pytest.fixture
def weeks_so_far(filled_journal):
    """Check-ins every day of the last four weeks up to Tuesday, tired and at a meeting
    each day, a reach-out and a craving each day too."""
    return filled_journal(_fill_weeks_so_far)


def _right_edges(axes) -> list[float]:
    """Where each bar, band and point drawn on ``axes`` ends on the right."""
    edges = [box.right for box in bars(axes) if box.height > 0]
    edges += [
        max(x for x in line.get_xdata())
        for line in axes.get_lines()
        if isinstance(line, Line2D) and len(line.get_xdata())
    ]
    return edges


@pytest.mark.parametrize("key", WEEKLY)
def test_weekly_charts_end_with_today_on_4_weeks(weeks_so_far, key):
    """On "4 weeks" the bars and the points of the current week end with today; the axis
    leaves only its few pixels of edge room after them, with no tick for tomorrow."""
    period = preset("4weeks", TUESDAY)
    chart = chart_spec(key).build(weeks_so_far.trend_data(period), LIGHT)
    axes = chart.figure.axes[0]
    tomorrow = day_number(TUESDAY) + 1
    assert axes.get_xlim()[1] == pytest.approx(tomorrow + edge_room(period))
    assert max(_right_edges(axes)) <= tomorrow
    assert max(axes.get_xticks()) <= day_number(TUESDAY)


@pytest.mark.parametrize("key", WEEKLY)
def test_the_current_week_is_drawn_over_its_days_so_far(weeks_so_far, key):
    """This week's bar or point lies over Monday and Tuesday, not in the middle of the
    whole week (Thursday), where days still to come would be counted; hovering says so."""
    period = preset("4weeks", TUESDAY)
    chart = chart_spec(key).build(weeks_so_far.trend_data(period), LIGHT)
    axes = chart.figure.axes[0]
    monday = day_number(TUESDAY - timedelta(days=1))
    this_week = [p for p in chart.points if p.x >= monday]
    assert this_week and all(monday < p.x < monday + 2 for p in this_week)
    assert all(p.text.startswith("Week of 16 Nov 2026, to Tue 17 Nov\n") for p in this_week)
    this_week = [box for box in bars(axes) if box.height > 0 and box.left >= monday]
    assert all(box.right <= monday + 2 for box in this_week)


def test_weekly_cravings_on_a_year_end_with_today(weeks_so_far):
    """Past 120 days cravings are counted per week; the last bar ends with today."""
    period = preset("year", TUESDAY)
    chart = chart_spec("cravings_daily").build(weeks_so_far.trend_data(period), LIGHT)
    last = max(bars(chart.figure.axes[0]), key=lambda box: box.left)
    assert last.height == 2  # Monday's and Tuesday's
    assert last.right <= day_number(TUESDAY) + 0.5
    assert last.left >= day_number(TUESDAY - timedelta(days=1)) - 0.5
