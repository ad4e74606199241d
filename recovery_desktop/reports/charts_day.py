"""Charts of day structure (My day): idle hours with cravings, cravings by idle-hour band,
and blocks planned and done per ISO week. The maths are ``domain/day_trends.py``'s.

Bars are drawn as one artist per series (``reports/bars.py``), so a ten-year range holds a
few artists rather than thousands of rectangles. A day without a plan is a
gap, never a day of idle time.
"""

from __future__ import annotations

from datetime import date

from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.day_plan import MIN_DAYS_PER_BAND
from recovery_desktop.domain.day_trends import (
    IdleBand,
    PlannedDay,
    cravings_in,
    hours_text,
    idle_bands,
    idle_per_week,
    plan_per_week,
    planned_days,
)
from recovery_desktop.domain.periods import monday_of
from recovery_desktop.domain.trends import TrendData
from recovery_desktop.domain.wording import decimal, plural
from recovery_desktop.reports.bars import vertical_bars
from recovery_desktop.reports.chart_kit import (
    CROWDED_DAYS,
    DENSE_DAYS,
    Chart,
    HoverPoint,
    bar_edges,
    day_number,
    dress,
    legend,
    new_chart,
    no_data_note,
    set_period,
    week_bar,
    week_name,
    week_span,
)
from recovery_desktop.reports.style import ChartStyle

NO_PLANS = "No day plans in this period"
# Idle bands count days that are over: today's plan shows there tomorrow.
NO_FINISHED_PLANS = "No finished day with a plan in this period yet"
IDLE_HEIGHT = 3.0
BANDS_HEIGHT = 3.0
WEEKLY_HEIGHT = 2.8

Marks = list[tuple[float, int]]  # (x, cravings) of each day or week with any


def _integer_ticks(axes: Axes) -> None:
    axes.yaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))


# -- idle time and cravings --------------------------------------------------------------
def idle_and_cravings(data: TrendData, style: ChartStyle) -> Chart:
    """Bars: idle hours of each day with a plan (gaps where there is none); dots: cravings
    logged that day, on their own scale at the right. Past :data:`DENSE_DAYS` days both go
    per ISO week: the average idle hours of the week's planned days, and its cravings."""
    weekly = data.period.days > DENSE_DAYS
    title = "Idle time and cravings" + (", per week" if weekly else "")
    chart, axes = new_chart(title, style, data.period, IDLE_HEIGHT)
    days = planned_days(data)
    cravings = cravings_in(data, data.period)
    if weekly:
        marks = _weekly_idle(chart, axes, data, days, cravings, style)
        week_span(axes, data.period)
    else:
        marks = _daily_idle(chart, axes, data, days, cravings, style)
        set_period(axes, data.period)
    top = data.waking_window.minutes / 60
    axes.set_ylim(0, top * 1.04)
    axes.set_yticks(range(0, int(top) + 1, 2 if top <= 12 else 4))
    axes.set_ylabel("idle hours" + (", average" if weekly else ""))
    size = 4.5 if not weekly else 3.0 if data.period.days <= CROWDED_DAYS else 2.2
    counts = _craving_axes(axes, marks, "week" if weekly else "day", style, size)
    if days:
        legend(axes, style, 2, counts)
    else:
        no_data_note(axes, style, NO_PLANS)
    return chart


def _daily_idle(
    chart: Chart,
    axes: Axes,
    data: TrendData,
    days: list[PlannedDay],
    cravings: dict[date, int],
    style: ChartStyle,
) -> Marks:
    colour = style.colour("idle")
    xs = [day_number(d.day) for d in days]
    vertical_bars(
        axes,
        xs,
        [d.idle_hours for d in days],
        [0.7] * len(days),
        facecolor=colour,
        label="Idle hours (no bar: no plan)",
        **bar_edges(style, colour, data.period),
    )
    _mark_fully_planned(axes, [x for d, x in zip(days, xs, strict=True) if not d.idle_hours], style)
    for day, x in zip(days, xs, strict=True):
        text = (
            f"{date_text(day.day, '%a %-d %b %Y')}\nIdle {hours_text(day.structure.idle_minutes)}"
        )
        text += f" \u00b7 {plural(day.cravings, 'craving')}"
        chart.points.append(HoverPoint(0, x, day.idle_hours, text))
    return [(day_number(day), n) for day, n in sorted(cravings.items()) if n]


FULLY_PLANNED = "No idle time (the whole day planned)"


def _mark_fully_planned(axes: Axes, xs: list[float], style: ChartStyle) -> None:
    """A day with a plan and no idle time has a bar of height 0: a mark on the baseline
    tells it apart from a day without a plan (no bar, no mark)."""
    if xs:
        axes.plot(
            xs,
            [0.0] * len(xs),
            linestyle="none",
            marker="^",
            markersize=5,
            color=style.colour("idle"),
            clip_on=False,
            label=FULLY_PLANNED,
        )


def _weekly_idle(
    chart: Chart,
    axes: Axes,
    data: TrendData,
    days: list[PlannedDay],
    cravings: dict[date, int],
    style: ChartStyle,
) -> Marks:
    colour = style.colour("idle")
    weeks = idle_per_week(days, cravings)
    slots = [week_bar(w.monday, data.period) for w in weeks]
    xs = [x for x, _width in slots]
    vertical_bars(
        axes,
        xs,
        [w.average_idle / 60 for w in weeks],
        [width for _x, width in slots],
        facecolor=colour,
        label="Idle hours, average of planned days",
        **bar_edges(style, colour, data.period),
    )
    for week, x in zip(weeks, xs, strict=True):
        text = f"{week_name(week.monday, data.period)}\nIdle {hours_text(week.average_idle)}"
        text += f" on average over {plural(week.planned_days, 'planned day')}"
        text += f" \u00b7 {plural(week.cravings, 'craving')} that week"
        chart.points.append(HoverPoint(0, x, week.average_idle / 60, text))
    per_week: dict[date, int] = {}
    for day, count in cravings.items():
        per_week[monday_of(day)] = per_week.get(monday_of(day), 0) + count
    return [(week_bar(m, data.period)[0], n) for m, n in sorted(per_week.items()) if n]


def _craving_axes(axes: Axes, marks: Marks, unit: str, style: ChartStyle, size: float) -> Axes:
    """Cravings logged per day (or week) as dots on their own whole-number scale at the
    right; nothing drawn where none were logged."""
    counts = axes.twinx()
    dress(counts, style)
    counts.grid(False)
    counts.plot(
        [x for x, _n in marks],
        [n for _x, n in marks],
        linestyle="none",
        marker=style.marker("craving_count"),
        markersize=size,
        color=style.colour("craving_count"),
        label=f"Cravings that {unit} (right scale)",
        clip_on=False,
    )
    counts.set_ylim(0, max(4.0, max((n for _x, n in marks), default=0) * 1.1 + 0.4))
    _integer_ticks(counts)
    counts.set_ylabel(f"cravings per {unit}")
    counts.spines["right"].set_visible(True)
    return counts


# -- idle-hour bands ---------------------------------------------------------------------
def _band_label(band: IdleBand) -> str:
    if not band.days:
        return f"{band.label}\nno days"
    days = plural(band.days, "day")
    return f"{band.label}\n{days}" if band.shown else f"{band.label}\n{days}: too few"


def cravings_by_idle_band(data: TrendData, style: ChartStyle) -> Chart:
    """Cravings per day, on average, over the days whose idle time fell in each band
    (``IDLE_BANDS``); each band says how many days it holds, and a band of fewer than
    ``MIN_DAYS_PER_BAND`` days draws no bar (a note says so). Days still running are left
    out: their cravings are not all logged yet."""
    chart, axes = new_chart("Idle hours and cravings", style, data.period, BANDS_HEIGHT)
    bands = idle_bands(planned_days(data))
    shown = [(row, band) for row, band in enumerate(bands) if band.shown]
    colour = style.colour("cravings")
    vertical_bars(
        axes,
        [row for row, _band in shown],
        [band.per_day for _row, band in shown],
        [0.6] * len(shown),
        facecolor=colour,
        edgecolor=style.bar_edge,
        linewidth=0.5,
    )
    top = max((band.per_day for _row, band in shown), default=0.0)
    for row, band in shown:
        axes.text(
            row,
            band.per_day,
            f"{decimal(band.per_day)}",
            ha="center",
            va="bottom",
            color=style.foreground,
        )
        text = f"Idle {band.label}: {plural(band.days, 'day')}, {plural(band.cravings, 'craving')}"
        chart.points.append(
            HoverPoint(0, row, band.per_day, f"{text}\n{decimal(band.per_day)} a day")
        )
    axes.set_xlim(-0.6, len(bands) - 0.4)
    axes.set_xticks(range(len(bands)), [_band_label(band) for band in bands])
    axes.tick_params(axis="x", length=0)
    axes.set_ylim(0, max(2.0, top * 1.35 + 0.3))  # room for the note above the bars
    axes.set_ylabel("cravings a day, average")
    axes.set_xlabel("idle time that day (finished days with a plan)", color=style.muted)
    _hidden_note(axes, bands, style)
    if not any(band.days for band in bands):
        no_data_note(axes, style, NO_FINISHED_PLANS if data.day_blocks else NO_PLANS)
    elif not shown:
        no_data_note(axes, style, f"No band holds {MIN_DAYS_PER_BAND} days or more yet")
    return chart


def _hidden_note(axes: Axes, bands: list[IdleBand], style: ChartStyle) -> None:
    """Names the bands left without a bar for holding too few days, at the top right."""
    hidden = [band.label for band in bands if band.days and not band.shown]
    if hidden:
        axes.text(
            0.99,
            0.97,
            f"Not shown, fewer than {MIN_DAYS_PER_BAND} days: " + ", ".join(hidden),
            transform=axes.transAxes,
            ha="right",
            va="top",
            color=style.muted,
            fontsize=style.font_size,
        )


# -- planned and done per week -----------------------------------------------------------
def planned_and_done(data: TrendData, style: ChartStyle) -> Chart:
    """Blocks planned in each ISO week (wide bars) and blocks ticked done (narrow bars
    inside them); weeks without a plan have no bars."""
    chart, axes = new_chart("Planned and done per week", style, data.period, WEEKLY_HEIGHT)
    weeks = plan_per_week(planned_days(data))
    slots = [week_bar(w.monday, data.period) for w in weeks]
    xs = [x for x, _width in slots]
    widths = [width for _x, width in slots]
    for key, label, values, share in (
        ("day_planned", "Blocks planned", [w.planned for w in weeks], 1.0),
        ("day_done", "Blocks done", [w.done for w in weeks], 0.5),
    ):
        colour = style.colour(key)
        edges = bar_edges(style, colour, data.period)  # outlined on paper: white bars show
        vertical_bars(
            axes, xs, values, [w * share for w in widths], facecolor=colour, label=label, **edges
        )
    for week, x in zip(weeks, xs, strict=True):
        text = f"{week_name(week.monday, data.period)}\n{plural(week.planned, 'block')} planned"
        chart.points.append(HoverPoint(0, x, week.planned, f"{text}, {week.done} done"))
    week_span(axes, data.period)
    axes.set_ylim(0, max(4.4, max((w.planned for w in weeks), default=0) * 1.08 + 0.4))
    _integer_ticks(axes)
    axes.set_ylabel("blocks per week")
    if weeks:
        legend(axes, style, columns=2)
    else:
        no_data_note(axes, style, NO_PLANS)
    return chart
