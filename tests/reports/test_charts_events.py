"""Event charts under Agg: cravings per day, triggers, weekday × hour, coping, reach-outs,
and lapse markers on the mood chart."""

from datetime import date, datetime, timedelta

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.image import AxesImage
from matplotlib.text import Text

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.contacts import ReachOut, Role
from recovery_desktop.domain.cravings import Craving, Tag
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.recovery_time import Lapse
from recovery_desktop.domain.trends import TrendData
from recovery_desktop.reports.chart_kit import day_number, to_png
from recovery_desktop.reports.charts import CHARTS, chart_spec
from recovery_desktop.reports.style import DARK, LIGHT, PRINT
from tests.bar_boxes import bar_series, heights_by_label, series_named
from tests.bar_boxes import bars as drawn_bars

MONDAY = date(2026, 11, 2)
PERIOD = Period(MONDAY, MONDAY + timedelta(days=13))  # two whole weeks
NEW_KEYS = ("cravings_daily", "triggers", "craving_times", "coping", "reach_outs")


def _at(days: int, hour: int) -> datetime:
    return datetime.combine(MONDAY + timedelta(days=days), datetime.min.time()).replace(hour=hour)


def _craving(days, hour, intensity, after=None, triggers=(), coping=()):
    return Craving(
        None,
        _at(days, hour),
        intensity,
        triggers=tuple(Tag(None, t) for t in triggers),
        coping=tuple(Tag(None, c) for c in coping),
        intensity_after=after,
    )


CRAVINGS = (
    _craving(0, 20, 6, 2, ("Money worries", "Evenings alone"), ("Walk",)),
    _craving(0, 21, 8, 4, ("Money worries",), ("Walk", "Music")),
    _craving(0, 23, None, None, ("Evenings alone",)),
    _craving(2, 9, 5, 1, ("Poor sleep",), ("Walk",)),
    _craving(9, 20, 7, 7, ("Money worries",), ("Music",)),
    _craving(13, 20, 4, 1, (), ("Call Sam",)),
)
ROLES = {1: Role.SPONSOR, 2: Role.FRIEND, 3: Role.GROUP}
REACH = tuple(
    ReachOut(None, contact, _at(day, 18)) for contact, day in ((1, 0), (2, 1), (1, 3), (3, 3))
)
LAPSE = Lapse(1, _at(9, 22), "Heroin and other opioids", before="<b>payday</b>")
DATA = TrendData(
    PERIOD,
    checkins=(CheckIn(MONDAY, mood=5, craving_peak=6), CheckIn(MONDAY + timedelta(9), used=True)),
    cravings=CRAVINGS,
    reach_outs=REACH,
    roles=ROLES,
    lapses=(LAPSE,),
)


def _notes(chart):
    return [t.get_text() for ax in chart.figure.axes for t in ax.texts]


def test_cravings_per_day_bars_count_each_day_and_dots_show_the_strongest():
    """Three cravings on Monday (the strongest 8), one on each of three other days."""
    chart = chart_spec("cravings_daily").build(DATA, LIGHT)
    bars, strength = chart.figure.axes
    heights = [box.height for box in drawn_bars(bars)]
    assert heights == [3, 1, 1, 1]
    (dots,) = strength.get_lines()
    assert list(dots.get_ydata()) == [8, 5, 7, 4]
    texts = [p.text for p in chart.points]
    assert texts[0] == "Mon 2 Nov 2026\n3 cravings, strongest 8"


def test_cravings_on_a_long_range_are_counted_per_week():
    """Past 120 days a bar per day would not read: bars and diamonds go per ISO week."""
    year = Period(MONDAY - timedelta(days=364), MONDAY + timedelta(days=13))
    chart = chart_spec("cravings_daily").build(TrendData(year, cravings=CRAVINGS), LIGHT)
    bars, strength = chart.figure.axes
    assert "per week" in bars.get_title(loc="left")
    assert [box.height for box in drawn_bars(bars)] == [4, 2]
    (dots,) = strength.get_lines()
    assert list(dots.get_ydata()) == [8, 7]
    assert [p.text for p in chart.points] == [
        "Week of 2 Nov 2026\n4 cravings, strongest 8",
        "Week of 9 Nov 2026\n2 cravings, strongest 7",
    ]
    assert dots.get_label() == "Strongest craving that week (0 to 10)"


def test_trigger_frequency_lists_the_most_common_first_and_at_most_ten():
    """Bars run from the most common trigger down; an eleventh trigger is counted, not drawn."""
    chart = chart_spec("triggers").build(DATA, LIGHT)
    axes = chart.figure.axes[0]
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels == ["Money worries", "Evenings alone", "Poor sleep"]
    assert [p.get_width() for p in axes.patches] == [3, 2, 1]
    many = tuple(_craving(0, 10, 5, triggers=(f"Trigger {n:02d}",)) for n in range(12))
    crowded = chart_spec("triggers").build(TrendData(PERIOD, cravings=many), LIGHT)
    assert len(crowded.figure.axes[0].patches) == 10
    assert "2 less common not shown" in crowded.figure.axes[0].get_xlabel()


def test_weekday_hour_heat_map_is_seven_by_twenty_four_with_monday_on_top():
    """The grid has a row per weekday (Monday first) and a column per hour."""
    chart = chart_spec("craving_times").build(DATA, LIGHT)
    axes = chart.figure.axes[0]
    (image,) = [child for child in axes.get_children() if isinstance(child, AxesImage)]
    grid = image.get_array()
    assert grid.shape == (7, 24)
    assert grid.sum() == len(CRAVINGS)
    assert (grid[0][20], grid[0][21], grid[0][23]) == (1, 1, 1)  # Monday evening
    assert (grid[2][9], grid[2][20], grid[6][20]) == (1, 1, 1)  # Wednesdays and a Sunday
    assert [t.get_text() for t in axes.get_yticklabels()] == [
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
    ]
    assert "Wednesdays, 09:00\u201310:00\n1 craving" in [p.text for p in chart.points]


def test_coping_ranking_hides_actions_used_fewer_than_three_times():
    """Walk was rated three times and is ranked; Music (twice) and Call Sam (once) are not."""
    chart = chart_spec("coping").build(DATA, LIGHT)
    axes = chart.figure.axes[0]
    assert [t.get_text() for t in axes.get_yticklabels()] == ["Walk"]
    assert [p.get_width() for p in axes.patches] == [4.0]
    assert " 4.0 (3 uses)" in _notes(chart)
    assert "fewer than 3 times are not shown" in axes.get_xlabel()
    assert [p.text for p in chart.points] == [
        "Walk\n4 points lower afterwards, on average (3 uses)"
    ]


def test_coping_ranking_says_so_when_nothing_qualifies():
    """With no action used three times, a plain note replaces the bars."""
    chart = chart_spec("coping").build(TrendData(PERIOD, cravings=CRAVINGS[3:]), LIGHT)
    assert not chart.figure.axes[0].patches
    assert any("No coping action has been used 3 times" in n for n in _notes(chart))


def test_reach_outs_are_stacked_by_role_with_honest_zero_weeks():
    """First week: sponsor 2, friend 1, group 1; second week: none, drawn as zero."""
    chart = chart_spec("reach_outs").build(DATA, LIGHT)
    axes = chart.figure.axes[0]
    assert heights_by_label(axes) == {"Sponsor": [2, 0], "Friend": [1, 0], "Group": [1, 0]}
    texts = [p.text for p in chart.points]
    assert texts == [
        "Week of 2 Nov 2026\n4 reach-outs: Sponsor 2, Friend 1, Group 1",
        "Week of 9 Nov 2026\n0 reach-outs: none",
    ]


def test_the_mood_chart_marks_each_lapse_with_a_labelled_line():
    """A line labelled "Lapse" stands on the lapse day, with a word on the chart and a hover."""
    chart = chart_spec("mood_craving").build(DATA, LIGHT)
    axes = chart.figure.axes[0]
    (line,) = [ln for ln in axes.get_lines() if ln.get_label() == "Lapse"]
    assert list(line.get_xdata()) == [day_number(LAPSE.day)] * 2
    assert "Lapse" in _notes(chart)
    assert "Wed 11 Nov 2026, 22:00\nLapse recorded" in [p.text for p in chart.points]


def test_without_lapses_there_is_no_lapse_marker():
    """No lapse: no line, no word."""
    chart = chart_spec("mood_craving").build(TrendData(PERIOD, DATA.checkins), LIGHT)
    assert all(ln.get_label() != "Lapse" for ln in chart.figure.axes[0].get_lines())
    assert "Lapse" not in _notes(chart)


def test_titles_are_plain_words():
    """Each new chart has a readable title."""
    titles = [chart_spec(key).build(DATA, LIGHT).title for key in NEW_KEYS]
    assert titles == [
        "Cravings logged per day, and the strongest",
        "Triggers: how often each came up",
        "When cravings came: day of the week and hour",
        "What lowered cravings: how much lower afterwards",
        "Reaching out: people contacted per week, by role",
    ]


@pytest.mark.parametrize("key", NEW_KEYS)
def test_an_empty_period_says_so(key):
    """Without events every new chart carries a plain note."""
    chart = chart_spec(key).build(TrendData(PERIOD), LIGHT)
    assert any(note.startswith("No ") for note in _notes(chart))


@pytest.mark.parametrize("style", [LIGHT, DARK, PRINT], ids=lambda s: s.name)
@pytest.mark.parametrize("key", (*NEW_KEYS, "mood_craving"))
def test_every_event_chart_renders_in_every_style(key, style):
    """Each builder produces a real PNG with events in light, dark and print styles."""
    png = to_png(chart_spec(key).build(DATA, style).figure, dpi=50)
    assert png.startswith(b"\x89PNG") and len(png) > 1000


def test_print_style_tells_roles_apart_without_colour():
    """On paper, white bars carry hatching and every bar has a black outline."""
    chart = chart_spec("reach_outs").build(DATA, PRINT)
    axes = chart.figure.axes[0]
    friend, group = series_named(axes, "Friend"), series_named(axes, "Group")
    assert friend.get_facecolor() != group.get_facecolor()
    assert all(s.get_edgecolor()[:3] == (0.0, 0.0, 0.0) for s in bar_series(axes))


LONG = "Slow breathing for five minutes, then a walk round the block"
LONG_DATA = TrendData(
    PERIOD,
    checkins=DATA.checkins,
    cravings=tuple(_craving(day, 20, 7, 2, (LONG,), (LONG,)) for day in range(4)),
    reach_outs=REACH,
    roles=ROLES,
)


@pytest.mark.parametrize("key", [spec.key for spec in CHARTS])
def test_a_title_stays_inside_a_narrow_chart(key):
    """On a narrow screen (large text) a long title wraps instead of running off the edge,
    even when long names on the left push the plot to the right."""
    chart = chart_spec(key).build(LONG_DATA, LIGHT)
    chart.figure.set_size_inches(4.2, chart.figure.get_figheight())
    renderer = FigureCanvasAgg(chart.figure).get_renderer()
    chart.figure.draw(renderer)
    same = [t for t in chart.figure.findobj(Text) if t.get_text() == chart.title]
    title = max(same, key=lambda t: t.get_fontsize())  # not a legend entry of the same words
    assert title.get_window_extent(renderer).x1 <= chart.figure.bbox.x1 + 1


def test_a_step_followed_by_a_stronger_craving_is_described_as_higher():
    """A negative drop reads "1 point higher afterwards", never "-1 points lower"."""
    worse = tuple(_craving(day, 20, 3, 4, (), ("Scrolling",)) for day in range(3))
    data = TrendData(PERIOD, checkins=(), cravings=worse, reach_outs=(), roles={})
    chart = chart_spec("coping").build(data, LIGHT)
    assert [p.text for p in chart.points] == [
        "Scrolling\n1 point higher afterwards, on average (3 uses)"
    ]
