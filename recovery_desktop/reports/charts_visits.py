"""Trends of medication and appointments: the share of expected doses taken per week, one
line per medication (weeks with nothing expected are gaps), and appointments per week by
how they went. Shown only in a journal that holds such records (``ChartSpec.wanted``)."""

from __future__ import annotations

import math
from typing import Any

from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from recovery_desktop.domain.trends import TrendData
from recovery_desktop.domain.visits_read import APPOINTMENTS, MEDICATION, AdherenceWeeks
from recovery_desktop.reports.bars import vertical_bars
from recovery_desktop.reports.chart_kit import (
    Chart,
    HoverPoint,
    bar_edges,
    dense_weeks,
    legend,
    mark_lone_weeks,
    new_chart,
    no_data_note,
    short,
    week_bar,
    week_name,
    week_span,
)
from recovery_desktop.reports.sections_visits import taken_text
from recovery_desktop.reports.style import ChartStyle

VISITS_HEIGHT = 2.8
# Medications are the user's own, so their lines take the colours (and on paper the dashes
# and markers) of a fixed sequence: "medication" first, then the role colours, which are
# told apart by people with the common colour-vision differences (Okabe–Ito).
SERIES_KEYS = ("medication", "role_family", "role_friend", "role_therapist", "role_peer")
PRINT_LINES = ("solid", (0, (5, 2)), (0, (1, 1.5)), (0, (6, 2, 1, 2)), (0, (3, 1)))
MARKERS = ("^", "o", "s", "D", "v")
KEPT_PARTS = (
    ("attended", "Attended", "role_friend"),
    ("missed", "Missed", "role_family"),
    ("rescheduled", "Rescheduled", "role_doctor"),
)


def has_medication(data: TrendData) -> bool:
    return MEDICATION in data.visits.held


def has_appointments(data: TrendData) -> bool:
    return APPOINTMENTS in data.visits.held


def _line(n: int, style: ChartStyle) -> dict[str, Any]:
    key = SERIES_KEYS[n % len(SERIES_KEYS)]
    dash = PRINT_LINES[n % len(PRINT_LINES)] if style.outline else "solid"
    colour = "#000000" if style.outline else style.colour(key)
    return {"color": colour, "linestyle": dash, "marker": MARKERS[n % len(MARKERS)]}


def _weight(n: int, dense: bool) -> dict[str, Any]:
    """Each later line a little thinner, with smaller markers: drawn on top of the earlier
    ones, it leaves them showing where two medications' shares are equal. On a dense range
    (:func:`~recovery_desktop.reports.chart_kit.dense_weeks`) no markers, thinner lines."""
    if dense:
        return {"linewidth": max(0.6, 1.2 - 0.2 * n), "marker": None}
    return {"linewidth": max(1.0, 2.6 - 0.6 * n), "markersize": max(3.0, 6.5 - 1.5 * n)}


def _medication_line(
    chart: Chart, axes: Axes, n: int, series: AdherenceWeeks, data: TrendData, style: ChartStyle
) -> None:
    slots = [week_bar(monday, data.period) for monday, _a in series.weeks]
    xs = [x for x, _width in slots]
    values = [a.taken / a.expected * 100 if a.expected else math.nan for _monday, a in series.weeks]
    dense = dense_weeks(data.period)
    look = _line(n, style)
    axes.plot(xs, values, label=short(series.name, 28), **(look | _weight(n, dense)))
    if dense:
        lone = {"color": look["color"], "marker": look["marker"]}
        mark_lone_weeks(axes, xs, values, short(series.name, 28), **lone)
    for (monday, adherence), x, value in zip(series.weeks, xs, values, strict=True):
        if adherence.expected:
            text = f"{week_name(monday, data.period)}\n{series.name}: {taken_text(adherence)}"
            chart.points.append(HoverPoint(0, x, value, text))


def adherence_per_week(data: TrendData, style: ChartStyle) -> Chart:
    """Per medication, the share of the doses expected each week that were ticked taken
    (0–100 %); a week with nothing expected is left out of its line (a gap)."""
    chart, axes = new_chart(
        "Medication: share of expected doses taken, per week", style, data.period, VISITS_HEIGHT
    )
    for n, series in enumerate(data.visits.adherence):
        _medication_line(chart, axes, n, series, data, style)
    week_span(axes, data.period)
    axes.set_ylim(-6, 106)  # a point at 0 % or 100 % is drawn whole
    axes.set_yticks(range(0, 101, 25))
    axes.set_ylabel("% of doses taken")
    if not data.visits.adherence:
        no_data_note(axes, style, "No doses expected in this period")
    legend(axes, style, columns=3)
    return chart


def appointments_per_week(data: TrendData, style: ChartStyle) -> Chart:
    """Appointments each week, stacked by how they went (attended, missed, rescheduled);
    ones not marked yet are not drawn."""
    chart, axes = new_chart(
        "Appointments per week: attended, missed or rescheduled",
        style,
        data.period,
        VISITS_HEIGHT,
    )
    weeks = [w for w in data.visits.kept if w.total]
    slots = [week_bar(w.monday, data.period) for w in weeks]
    xs, widths = [x for x, _w in slots], [w for _x, w in slots]
    bottoms = [0.0] * len(weeks)
    for field, label, key in KEPT_PARTS:
        heights = [float(getattr(w, field)) for w in weeks]
        colour = style.colour(key)
        hatch = style.hatch(key) or None  # paper tells white bars apart by hatching
        vertical_bars(
            axes,
            xs,
            heights,
            widths,
            bottoms,
            facecolor=colour,
            label=label,
            hatch=hatch,
            **bar_edges(style, colour, data.period),
        )
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    for week, x, total in zip(weeks, xs, bottoms, strict=True):
        parts = f"attended {week.attended}, missed {week.missed}, rescheduled {week.rescheduled}"
        chart.points.append(
            HoverPoint(0, x, total, f"{week_name(week.monday, data.period)}\n{parts}")
        )
    week_span(axes, data.period)
    axes.set_ylim(0, max(3.4, max(bottoms, default=0) + 0.6))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
    axes.set_ylabel("appointments")
    if not weeks:
        no_data_note(axes, style, "No appointments marked in this period")
    legend(axes, style, columns=3)
    return chart
