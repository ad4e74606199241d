"""The trend charts. Each builder takes :class:`TrendData` and a style and returns a
:class:`Chart`; the registry at the bottom is what the Trends page and the summary use.
Adding a chart is one builder plus one line in ``CHARTS``."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from matplotlib.axes import Axes

from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.series import days_where
from recovery_desktop.domain.trends import TrendData, WeekCounts
from recovery_desktop.domain.wording import plural_decimal
from recovery_desktop.reports.bars import day_spans, vertical_bars
from recovery_desktop.reports.chart_kit import (
    Chart,
    HoverPoint,
    bar_edges,
    daily_line,
    day_number,
    dense_weeks,
    legend,
    mark_lone_weeks,
    new_chart,
    new_panels,
    no_data_note,
    set_period,
    week_bar,
    week_name,
    week_part,
    week_span,
)
from recovery_desktop.reports.charts_day import (
    BANDS_HEIGHT,
    IDLE_HEIGHT,
    cravings_by_idle_band,
    idle_and_cravings,
    planned_and_done,
)
from recovery_desktop.reports.charts_day import WEEKLY_HEIGHT as PLAN_HEIGHT
from recovery_desktop.reports.charts_events import (
    coping_ranked,
    cravings_per_day,
    mark_lapses,
    reach_outs_per_week,
    trigger_frequency,
    weekday_hour,
)
from recovery_desktop.reports.charts_visits import (
    VISITS_HEIGHT,
    adherence_per_week,
    appointments_per_week,
    has_appointments,
    has_medication,
)
from recovery_desktop.reports.style import ChartStyle

USED_LEVEL = 10.6
NO_ANSWERS = "No answers in this period"
NO_MOOD = "No mood or craving answers in this period"
STRESS_SLEEP_HEIGHT = 3.6
ENERGY_HEIGHT = 2.6
WEEKLY_HEIGHT = 2.8  # the weekly bar charts


def _has_any(data: TrendData, *fields: str) -> bool:
    return any(
        getattr(c, f) is not None
        for c in data.checkins
        if data.period.contains(c.day)
        for f in fields
    )


def mood_and_craving(data: TrendData, style: ChartStyle) -> Chart:
    """Mood and craving peak per day with 7-day averages; days marked "used" on top and
    a labelled line on each day with a lapse recorded."""
    chart, axes = new_chart("Mood and craving peak", style, data.period)
    period = data.period
    daily_line(chart, axes, 0, period, data.checkins, "mood", "Mood", style)
    daily_line(chart, axes, 0, period, data.checkins, "craving_peak", "Craving peak", style)
    used = days_where(data.checkins, period, "used", True)
    if used:
        xs = [day_number(d) for d in used]
        axes.scatter(
            xs,
            [USED_LEVEL] * len(xs),
            marker="v",
            s=40,
            color=style.colour("used"),
            label="Day marked \u201cused\u201d",
            zorder=3,
        )
        chart.points.extend(
            HoverPoint(0, x, USED_LEVEL, f"{date_text(d, '%a %-d %b %Y')}\nMarked \u201cused\u201d")
            for d, x in zip(used, xs, strict=True)
        )
    mark_lapses(chart, axes, data, style)
    axes.set_ylim(-0.5, 11.2)
    axes.set_yticks(range(0, 11, 2))
    axes.set_ylabel("0 to 10")
    set_period(axes, period)
    if not _has_any(data, "mood", "craving_peak"):
        # Days marked "used" or lapses may be drawn: then only the scales are missing.
        no_data_note(axes, style, NO_MOOD if used or chart.points else NO_ANSWERS)
    legend(axes, style)
    return chart


def stress_and_sleep(data: TrendData, style: ChartStyle) -> Chart:
    """Stress (0–10, top) and hours of sleep (bottom) per day, on one shared date axis.

    Two panels rather than two scales on one: on long ranges two daily lines with their
    averages on left and right axes could not be told apart."""
    chart, (stress_axes, sleep_axes) = new_panels(
        "Stress and sleep", style, data.period, 2, STRESS_SLEEP_HEIGHT
    )
    period = data.period
    daily_line(chart, stress_axes, 0, period, data.checkins, "stress", "Stress", style)
    stress_axes.set_ylim(-0.5, 10.5)
    stress_axes.set_yticks(range(0, 11, 5))
    stress_axes.set_ylabel("Stress, 0 to 10")
    sleep = daily_line(
        chart, sleep_axes, 1, period, data.checkins, "sleep_hours", "Sleep", style, " h"
    )
    top = max([12.0, *(v for v in sleep if v is not None)])
    sleep_axes.set_ylim(-0.5, top + 0.5)  # a night of 0 hours (or the longest) drawn whole
    sleep_axes.set_yticks(range(0, int(top) + 1, 4 if top <= 16 else 8))
    sleep_axes.set_ylabel("Sleep, hours")
    set_period(sleep_axes, period)
    if not _has_any(data, "stress", "sleep_hours"):
        no_data_note(stress_axes, style)
    legend(stress_axes, style, 4, sleep_axes)
    return chart


def energy(data: TrendData, style: ChartStyle) -> Chart:
    chart, axes = new_chart("Energy", style, data.period, ENERGY_HEIGHT)
    period = data.period
    daily_line(chart, axes, 0, period, data.checkins, "energy", "Energy", style)
    axes.set_ylim(-0.5, 10.5)
    axes.set_ylabel("0 to 10")
    set_period(axes, period)
    if not _has_any(data, "energy"):
        no_data_note(axes, style)
    legend(axes, style)
    return chart


def _shade_weeks_without_checkins(axes: Axes, data: TrendData, style: ChartStyle) -> None:
    """A grey band over the days (up to today) of each week without a check-in."""
    spans = [week_part(w.week_start, data.period) for w in data.weeks if not w.has_data]
    if spans:
        day_spans(
            axes,
            spans,
            color=style.colour("no_data"),
            alpha=0.5,
            linewidth=0,
            label="No check-ins that week",
        )


def _week_axes(axes: Axes, data: TrendData) -> None:
    week_span(axes, data.period)
    axes.set_ylim(-0.4, 7.4)  # a point at 0 days is drawn whole (bars reset it to 0)
    axes.set_yticks(range(0, 8))
    axes.set_ylabel("days in the week")


def _week_bars(weeks: Sequence[WeekCounts], data: TrendData) -> tuple[list[float], list[float]]:
    """Centres and widths of the weeks' bars, over their days inside the period."""
    slots = [week_bar(w.week_start, data.period) for w in weeks]
    return [x for x, _w in slots], [w for _x, w in slots]


HALT_PARTS = (("hungry", "Hungry"), ("angry", "Angry"), ("lonely", "Lonely"), ("tired", "Tired"))


def halt_per_week(data: TrendData, style: ChartStyle) -> Chart:
    """How many days each week had each HALT box ticked, stacked."""
    chart, axes = new_chart(
        "HALT: days hungry, angry, lonely or tired, per week", style, data.period, WEEKLY_HEIGHT
    )
    _shade_weeks_without_checkins(axes, data, style)
    weeks = [w for w in data.weeks if w.has_data]
    xs, widths = _week_bars(weeks, data)
    bottoms = [0.0] * len(weeks)
    for key, label in HALT_PARTS:
        heights = [float(getattr(w, key)) for w in weeks]
        vertical_bars(
            axes,
            xs,
            heights,
            widths,
            bottoms,
            facecolor=style.colour(key),
            label=label,
            **bar_edges(style, style.colour(key), data.period),
        )
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    for week, x, total in zip(weeks, xs, bottoms, strict=True):
        parts = ", ".join(f"{label} {getattr(week, key)}" for key, label in HALT_PARTS)
        chart.points.append(
            HoverPoint(0, x, total, f"{week_name(week.week_start, data.period)}\n{parts}")
        )
    _week_axes(axes, data)
    top = max(bottoms, default=0)
    axes.set_ylim(0, max(7.4, top + 0.6))
    axes.set_yticks(range(0, int(max(7, top)) + 1, 2 if top > 10 else 1))
    axes.set_ylabel("days, stacked")
    if not weeks:
        no_data_note(axes, style)
    elif not any(bottoms):
        no_data_note(axes, style, "No HALT boxes ticked in this period")
    legend(axes, style, columns=5)
    return chart


SUPPORT_PARTS = (
    ("meetings", "Meetings"),
    ("therapy", "Therapy"),
    ("medication_taken", "Medication taken"),
)


def support_per_week(data: TrendData, style: ChartStyle) -> Chart:
    """Days per week with a meeting, with therapy, and with medication taken."""
    chart, axes = new_chart(
        "Meetings, therapy and medication, days per week", style, data.period, WEEKLY_HEIGHT
    )
    _shade_weeks_without_checkins(axes, data, style)
    xs, _widths = _week_bars(data.weeks, data)
    dense = dense_weeks(data.period)  # no band of markers over "All"
    for field, label in SUPPORT_PARTS:
        key = "medication" if field == "medication_taken" else field
        values = [float(getattr(w, field)) if w.has_data else math.nan for w in data.weeks]
        look: dict[str, Any] = {"color": style.colour(key), "marker": style.marker(key)}
        axes.plot(
            xs,
            values,
            linestyle=style.dash(key),
            markersize=4,
            linewidth=1.0 if dense else 1.6,
            label=label,
            **(look | ({"marker": None} if dense else {})),
        )
        if dense:
            mark_lone_weeks(axes, xs, values, label, **look)
        for week, x, value in zip(data.weeks, xs, values, strict=True):
            if week.has_data:
                count = plural_decimal(value, "day")
                text = f"{week_name(week.week_start, data.period)}\n{label}: {count}"
                chart.points.append(HoverPoint(0, x, value, text))
    _week_axes(axes, data)
    if not any(w.has_data for w in data.weeks):
        no_data_note(axes, style)
    legend(axes, style, columns=4)
    return chart


@dataclass(frozen=True)
class ChartSpec:
    """``height``: the figure's height in inches, as its builder makes it (the screen keeps
    that room for the chart before it is drawn). ``wanted``: whether the chart is shown for
    the data read (a chart about records the journal has never held is not)."""

    key: str
    title: str
    build: Callable[[TrendData, ChartStyle], Chart]
    height: float = 3.0
    wanted: Callable[[TrendData], bool] = lambda _data: True


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("mood_craving", "Mood and craving", mood_and_craving),
    ChartSpec("cravings_daily", "Cravings per day", cravings_per_day),
    ChartSpec("triggers", "Triggers", trigger_frequency),
    ChartSpec("craving_times", "When cravings come", weekday_hour, 3.2),
    ChartSpec("coping", "What lowered cravings", coping_ranked),
    ChartSpec("stress_sleep", "Stress and sleep", stress_and_sleep, STRESS_SLEEP_HEIGHT),
    ChartSpec("energy", "Energy", energy, ENERGY_HEIGHT),
    ChartSpec("halt", "HALT per week", halt_per_week, WEEKLY_HEIGHT),
    ChartSpec("support", "Meetings, therapy and medication", support_per_week, WEEKLY_HEIGHT),
    ChartSpec("reach_outs", "Reaching out", reach_outs_per_week, 2.8),
    ChartSpec("idle_cravings", "Idle time and cravings", idle_and_cravings, IDLE_HEIGHT),
    ChartSpec("idle_bands", "Idle hours and cravings", cravings_by_idle_band, BANDS_HEIGHT),
    ChartSpec("day_plans", "Planned and done per week", planned_and_done, PLAN_HEIGHT),
    ChartSpec(
        "adherence",
        "Medication adherence per week",
        adherence_per_week,
        VISITS_HEIGHT,
        has_medication,
    ),
    ChartSpec(
        "appointments_kept",
        "Appointments kept per week",
        appointments_per_week,
        VISITS_HEIGHT,
        has_appointments,
    ),
)


def chart_spec(key: str) -> ChartSpec:
    for spec in CHARTS:
        if spec.key == key:
            return spec
    raise KeyError(key)
