"""Day-structure charts under Agg: idle bars with gaps for days without a plan and the
cravings overlaid, cravings by idle-hour band (a band of fewer than 3 days hidden, with a
note), and blocks planned and done per ISO week. Assertions read the drawn artists."""

from datetime import date, datetime, timedelta

import numpy as np
import pytest

from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.day_plan import BlockCategory, BlockTimes, DayBlock, WakingWindow
from recovery_desktop.domain.periods import Period, mondays
from recovery_desktop.domain.trends import TrendData
from recovery_desktop.reports.chart_kit import day_number, to_png
from recovery_desktop.reports.charts import chart_spec
from recovery_desktop.reports.style import DARK, LIGHT, PRINT
from tests.bar_boxes import bar_series, series_named

MONDAY = date(2026, 11, 2)
PERIOD = Period(MONDAY, MONDAY + timedelta(days=13))  # two whole ISO weeks
H = 60


def _block(day, start, end, done=True):
    return DayBlock(0, day, BlockTimes(start, end, "Block", BlockCategory.WORK), done)


def _day(offset, *spans, done=True):
    """A day ``offset`` days after MONDAY with blocks at (start hour, end hour)."""
    day = MONDAY + timedelta(days=offset)
    return day, tuple(_block(day, a * H, b * H, done) for a, b in spans)


def _craving(offset, hour=20):
    return Craving(
        None,
        datetime.combine(MONDAY + timedelta(days=offset), datetime.min.time()).replace(hour=hour),
        5,
    )


# Window 07:00–23:00 (16 h). Days 0–4 have plans, 5 and 6 none, then days 7–11.
PLANS = dict(
    [
        _day(0, (9, 17)),  # idle 8 h
        _day(1, (9, 17), (18, 21)),  # idle 5 h
        _day(2, (7, 23)),  # idle 0 h
        _day(3, (9, 12)),  # idle 13 h
        _day(4, (9, 17), (17, 22)),  # idle 3 h
        _day(7, (8, 10)),  # idle 14 h
        _day(8, (8, 10)),  # idle 14 h
        _day(9, (8, 10)),  # idle 14 h
        _day(10, (9, 17), (18, 21), done=False),  # over and undone: 16 h idle, 0 of 2 done
        _day(11, (9, 11)),  # idle 14 h
    ]
)
CRAVINGS = (
    _craving(0),
    _craving(3),
    _craving(3, 21),
    _craving(5),
    _craving(7),
    _craving(8),
    _craving(9),
    _craving(9, 22),
    _craving(10),
    _craving(11),
)
DATA = TrendData(PERIOD, cravings=CRAVINGS, day_blocks=PLANS)


def _bars(axes):
    """(centre x, height) of every bar of the axes' bar series, in drawing order."""
    return [
        (round(box.centre, 3), round(box.height, 3))
        for series in bar_series(axes)
        for box in series.boxes()
    ]


def test_idle_bars_leave_a_gap_for_each_day_without_a_plan():
    """Ten planned days make ten bars of their idle hours; the weekend without a plan
    (days 5 and 6) and days 12–13 have no bar at all, not a bar of 16 hours."""
    chart = chart_spec("idle_cravings").build(DATA, LIGHT)
    bars, _counts = chart.figure.axes
    drawn = _bars(bars)
    expected_idle = [8, 5, 0, 13, 3, 14, 14, 14, 16, 14]
    assert [h for _x, h in drawn] == expected_idle
    planned = [MONDAY + timedelta(days=n) for n in (0, 1, 2, 3, 4, 7, 8, 9, 10, 11)]
    assert [x for x, _h in drawn] == [round(day_number(d), 3) for d in planned]
    unplanned = {round(day_number(MONDAY + timedelta(days=n)), 3) for n in (5, 6, 12, 13)}
    assert unplanned.isdisjoint(x for x, _h in drawn)
    assert len(bar_series(bars)) == 1  # one artist for every bar, not one per bar


def test_cravings_are_overlaid_per_day_on_their_own_labelled_scale():
    """Dots count the cravings of each day with any, days without a plan too (day 5)."""
    chart = chart_spec("idle_cravings").build(DATA, LIGHT)
    _bars_axes, counts = chart.figure.axes
    (dots,) = counts.get_lines()
    days = [MONDAY + timedelta(days=n) for n in (0, 3, 5, 7, 8, 9, 10, 11)]
    assert list(dots.get_xdata()) == [day_number(d) for d in days]
    assert list(dots.get_ydata()) == [1, 2, 1, 1, 1, 2, 1, 1]
    assert counts.get_ylabel() == "cravings per day"
    assert dots.get_label() == "Cravings that day (right scale)"
    assert "Tue 3 Nov 2026\nIdle 5 h \u00b7 0 cravings" in [p.text for p in chart.points]


def test_a_craving_after_midnight_belongs_to_the_waking_day_before():
    """In a 10:00–02:00 window a craving at 01:00 on Tuesday counts for Monday."""
    late = WakingWindow(10 * H, 2 * H)
    data = TrendData(
        PERIOD,
        cravings=(_craving(1, hour=1),),
        day_blocks=dict([_day(0, (10, 18))]),
        waking_window=late,
    )
    chart = chart_spec("idle_cravings").build(data, LIGHT)
    (dots,) = chart.figure.axes[1].get_lines()
    assert list(dots.get_xdata()) == [day_number(MONDAY)]


def test_today_counts_its_undone_blocks_until_the_day_is_over():
    """Read at 12:00 on day 10, its undone blocks still count (5 h idle); read the next
    morning the day is over and only done blocks count (16 h idle)."""
    noon = datetime.combine(MONDAY + timedelta(days=10), datetime.min.time()).replace(hour=12)
    running = TrendData(PERIOD, day_blocks=PLANS, read_at=noon)
    over = TrendData(PERIOD, day_blocks=PLANS, read_at=noon + timedelta(days=1))
    day10 = round(day_number(MONDAY + timedelta(days=10)), 3)
    for data, idle in ((running, 5), (over, 16)):
        bars = chart_spec("idle_cravings").build(data, LIGHT).figure.axes[0]
        assert dict(_bars(bars))[day10] == idle


def test_long_ranges_average_idle_per_week_over_the_planned_days():
    """Past 120 days the bars go per ISO week: the average idle of the week's planned days."""
    year = Period(MONDAY - timedelta(days=357), PERIOD.end)
    chart = chart_spec("idle_cravings").build(
        TrendData(year, cravings=CRAVINGS, day_blocks=PLANS), LIGHT
    )
    bars, counts = chart.figure.axes
    assert bars.get_title(loc="left") == "Idle time and cravings, per week"
    assert [h for _x, h in _bars(bars)] == [round(29 / 5, 3), 14.4]  # (8+5+0+13+3)/5, 72/5
    (dots,) = counts.get_lines()
    assert list(dots.get_ydata()) == [4, 6]  # cravings of each week, the weekend's too


def _bands(chart):
    axes = chart.figure.axes[0]
    return axes, [t.get_text() for t in axes.get_xticklabels()]


def test_bands_show_cravings_per_day_and_hide_a_band_of_fewer_than_three_days():
    """Finished planned days by idle time: 0–2 h holds 1 day, 2–4 h 1, 4–6 h 1 and 6 h or
    more 7 (days 0, 3, 7, 8, 9, 10, 11: 9 cravings). Only that band has a bar; the others
    are labelled with their days and named in the note."""
    axes, labels = _bands(chart_spec("idle_bands").build(DATA, LIGHT))
    assert labels == [
        "0–2 h\n1 day: too few",
        "2–4 h\n1 day: too few",
        "4–6 h\n1 day: too few",
        "6 h or more\n7 days",
    ]
    assert _bars(axes) == [(3.0, round(9 / 7, 3))]
    notes = [t.get_text() for t in axes.texts]
    assert "Not shown, fewer than 3 days: 0–2 h, 2–4 h, 4–6 h" in notes


def test_a_band_reaching_three_days_is_drawn():
    """Three days of 0–2 h idle (none with a craving) make a bar at 0 cravings a day."""
    full = dict(PLANS) | dict([_day(12, (7, 23)), _day(13, (7, 22))])
    axes, labels = _bands(chart_spec("idle_bands").build(TrendData(PERIOD, day_blocks=full), LIGHT))
    assert labels[0] == "0–2 h\n3 days"
    assert (0.0, 0.0) in _bars(axes)


def test_bands_leave_out_a_day_still_running():
    """Read during day 11, that day is not in any band yet."""
    during = datetime.combine(MONDAY + timedelta(days=11), datetime.min.time()).replace(hour=9)
    data = TrendData(PERIOD, cravings=CRAVINGS, day_blocks=PLANS, read_at=during)
    _axes, labels = _bands(chart_spec("idle_bands").build(data, LIGHT))
    assert labels[3] == "6 h or more\n6 days"


def test_planned_and_done_per_iso_week():
    """Week 1: 7 blocks planned, all done; week 2: 6 planned, 4 done (day 10's two undone)."""
    chart = chart_spec("day_plans").build(DATA, LIGHT)
    axes = chart.figure.axes[0]
    planned, done = (series_named(axes, label) for label in ("Blocks planned", "Blocks done"))
    assert [box.height for box in planned.boxes()] == [7, 6]
    assert [box.height for box in done.boxes()] == [7, 4]
    assert [p.text for p in chart.points] == [
        "Week of 2 Nov 2026\n7 blocks planned, 7 done",
        "Week of 9 Nov 2026\n6 blocks planned, 4 done",
    ]


@pytest.mark.parametrize("key", ["idle_cravings", "idle_bands", "day_plans"])
def test_without_plans_each_chart_says_so(key):
    """No day plans: no bars, and a calm note instead."""
    chart = chart_spec(key).build(TrendData(PERIOD, cravings=CRAVINGS), LIGHT)
    texts = [t.get_text() for ax in chart.figure.axes for t in ax.texts]
    assert "No day plans in this period" in texts
    assert all(_bars(ax) == [] for ax in chart.figure.axes)


@pytest.mark.parametrize("style", [LIGHT, DARK, PRINT], ids=lambda s: s.name)
@pytest.mark.parametrize("key", ["idle_cravings", "idle_bands", "day_plans"])
def test_each_chart_renders_in_every_style(key, style):
    png = to_png(chart_spec(key).build(DATA, style).figure, dpi=60)
    assert png.startswith(b"\x89PNG")


def test_ten_years_of_plans_make_one_collection_per_series():
    """3,650 planned days: still a handful of artists, no rectangle per bar."""
    start = MONDAY - timedelta(days=3649)
    plans = {}
    for n in range(3650):
        day = start + timedelta(days=n)
        plans[day] = (_block(day, 9 * H, (10 + n % 8) * H),)
    ten = Period(start, MONDAY)
    for key in ("idle_cravings", "idle_bands", "day_plans"):
        chart = chart_spec(key).build(TrendData(ten, day_blocks=plans), LIGHT)
        axes = chart.figure.axes[0]
        assert len(axes.patches) <= 2  # a bar series each, never a rectangle per bar
    weekly = _bars(
        chart_spec("idle_cravings").build(TrendData(ten, day_blocks=plans), LIGHT).figure.axes[0]
    )
    assert len(weekly) == len(mondays(ten)) and np.isfinite([h for _x, h in weekly]).all()


def test_bands_say_when_only_today_has_a_plan():
    """Today counts once it is over: with a plan for today only, the band chart says no
    finished day has one yet, not that there are no plans (the planned chart shows it)."""
    today = PERIOD.end
    blocks = {today: (DayBlock(1, today, BlockTimes(9 * 60, 12 * 60, "Work", BlockCategory.WORK)),)}
    data = TrendData(
        PERIOD, day_blocks=blocks, read_at=datetime.combine(today, datetime.min.time())
    )
    chart = chart_spec("idle_bands").build(data, LIGHT)
    texts = [t.get_text() for ax in chart.figure.axes for t in ax.texts]
    assert "No finished day with a plan in this period yet" in texts


def test_a_fully_planned_day_is_marked_apart_from_a_day_without_a_plan():
    """A day whose blocks cover the whole waking day has no idle time: it gets a mark on
    the baseline (and a legend entry), a day without a plan gets nothing."""
    day = PERIOD.start
    whole = BlockTimes(7 * 60, 23 * 60, "Busy", BlockCategory.WORK)
    data = TrendData(PERIOD, day_blocks={day: (DayBlock(1, day, whole, done=True),)})
    chart = chart_spec("idle_cravings").build(data, LIGHT)
    [marks] = [
        line for line in chart.figure.axes[0].lines if line.get_label().startswith("No idle")
    ]
    assert list(marks.get_xdata()) == [day_number(day)]
    assert list(marks.get_ydata()) == [0.0]
