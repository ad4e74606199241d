"""Shared pieces for chart builders: figures in a style, daily lines, hover points."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from matplotlib import dates as mdates
from matplotlib import rcParams
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from recovery_desktop.domain.calendar_text import date_text, short_day
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.series import daily_with_average, in_short_runs
from recovery_desktop.reports.date_axis import date_axis
from recovery_desktop.reports.style import ChartStyle

# Text is drawn as typed. matplotlib reads "$…$" in any text as a formula ("Payday ($$)"
# raised ValueError; "Got $20 from mum, owed $15" lost its dollars to italics) and may hand
# text to TeX (a user's matplotlibrc). Set once for the whole process when the chart kit is
# imported, which every chart builder does: each Text reads these when it is created, and
# tick labels are created while drawing, long after a builder returns (docs/decisions.md).
rcParams["text.parse_math"] = False
rcParams["text.usetex"] = False

# Past this many days, daily dots are dropped and the 7-day average carries the line.
DENSE_DAYS = 120
# Past half a year a marker per week runs into a solid band ("All" on a ten-year journal):
# weekly lines then go without markers and thinner, as daily ones do past DENSE_DAYS.
DENSE_WEEKS = 26
# Past this many days a weekly bar is a pixel or two wide on screen.
CROWDED_DAYS = 731
# A weekly bar covers this share of its week, leaving a gap between bars, and at least
# this share of the whole axis (a pixel and a half of a chart 8 in wide).
WEEK_BAR_SHARE = 5.5 / 7
THINNEST_BAR = 1 / 500
# Room at each end of a date axis, as a share of its days (at least HALF_DAY_ROOM days on
# charts of daily points): the biggest marker (a day marked "used", reaching about 4 pt
# from its centre) fits whole wherever the axes are 600 pixels wide or more.
EDGE_SHARE = 0.012
HALF_DAY_ROOM = 0.6


@dataclass(frozen=True, slots=True)
class HoverPoint:
    """A point the screen can describe when the pointer is near it. Slotted: a ten-year
    chart has thousands, kept while it is on screen (no dictionary each)."""

    axes: int
    x: float
    y: float
    text: str


@dataclass
class Chart:
    """A built figure plus what hovering over it should say, and the period it covers."""

    title: str
    figure: Figure
    period: Period | None = None
    points: list[HoverPoint] = field(default_factory=list)

    @property
    def heading(self) -> str:
        """The title with its dates, for a saved image: "Energy · 2–29 November 2026"."""
        return f"{self.title} \u00b7 {self.period.label}" if self.period else self.title


def day_number(day: date) -> float:
    return float(mdates.date2num(day))


def new_chart(
    title: str, style: ChartStyle, period: Period | None, height: float = 3.0
) -> tuple[Chart, Axes]:
    chart, panels = new_panels(title, style, period, 1, height)
    return chart, panels[0]


def new_panels(
    title: str, style: ChartStyle, period: Period | None, rows: int, height: float
) -> tuple[Chart, list[Axes]]:
    """``rows`` panels stacked on one shared date axis; the title goes on the top one."""
    figure = Figure(figsize=(8.0, height), layout="constrained", facecolor=style.background)
    panels = list(figure.subplots(rows, 1, sharex=True, squeeze=False)[:, 0])
    for axes in panels:
        dress(axes, style)
    # Wrapped, so a long title never runs off a narrow chart (long labels push it right).
    panels[0].set_title(
        title, color=style.foreground, fontsize=style.font_size + 2, loc="left", wrap=True
    )
    return Chart(title, figure, period), panels


def dress(axes: Axes, style: ChartStyle) -> None:
    """Colours, grid and a readable date axis in the given style."""
    axes.set_facecolor(style.background)
    for spine in axes.spines.values():
        spine.set_color(style.grid)
    axes.spines["top"].set_visible(False)
    axes.tick_params(colors=style.muted, labelsize=style.font_size)
    axes.yaxis.label.set_color(style.muted)
    for label in (axes.xaxis.label, axes.yaxis.label):
        # A label longer than the figure is tall (or wide) wraps onto a second line at the
        # figure's edge rather than being cut there ("ravings logged per day").
        label.set_wrap(True)
    axes.grid(axis="y", color=style.grid, linewidth=0.6)
    axes.set_axisbelow(True)


def edge_room(period: Period) -> float:
    """Days of room left at each end of a date axis: :data:`EDGE_SHARE` of the range, so a
    marker or bar on its first or last day is drawn whole (about 8 pixels on a 1024-pixel
    screen, more on wider ones and on paper). The ticks stay on the range's days."""
    return period.days * EDGE_SHARE


def set_period(axes: Axes, period: Period) -> None:
    """An x-axis for daily points (day d drawn on d), with room for half a day at least."""
    room = max(HALF_DAY_ROOM, edge_room(period))
    axes.set_xlim(day_number(period.start) - room, day_number(period.end) + room)
    date_axis(axes, period)


def week_span(axes: Axes, period: Period) -> None:
    """An x-axis for weekly charts over the days of ``period`` (day d spans d to d + 1), so
    the unfinished current week ends at today rather than on Sunday, plus the edge room.
    The next midnight may lie in that room but gets no tick: it would name tomorrow."""
    room = edge_room(period)
    axes.set_xlim(day_number(period.start) - room, day_number(period.end) + 1 + room)
    date_axis(axes, period)


def week_part(monday: date, period: Period) -> tuple[float, float]:
    """The days of the week starting ``monday`` that lie inside ``period``, as (left, right)
    day numbers: the whole week, or its first days so far in the current week."""
    left = day_number(max(monday, period.start))
    right = day_number(min(monday + timedelta(days=7), period.end + timedelta(days=1)))
    return left, right


def week_bar(monday: date, period: Period, share: float = WEEK_BAR_SHARE) -> tuple[float, float]:
    """(centre, width) of a weekly bar: ``share`` of the week's days inside ``period``, but
    never thinner than :data:`THINNEST_BAR` of the axis (today's bar on Monday of a
    ten-year range would be a sixth of a pixel) and never past the axis' ends."""
    left, right = week_part(monday, period)
    width = max((right - left) * share, period.days * THINNEST_BAR)
    first, last = day_number(period.start), day_number(period.end) + 1
    centre = min(max((left + right) / 2, first + width / 2), last - width / 2)
    return centre, width


def week_name(monday: date, period: Period) -> str:
    """ "Week of 23 Nov 2026", saying which days count when only some are in ``period``:
    "…, to Mon 30 Nov" for the current week, "…, from Wed 25 Nov" for a range's first."""
    name = f"Week of {date_text(monday, '%-d %b %Y')}"
    if monday < period.start:
        name += f", from {short_day(period.start)}"
    if period.end < monday + timedelta(days=6):
        name += f", to {short_day(period.end)}"
    return name


def bar_edges(style: ChartStyle, colour: str, period: Period) -> dict[str, Any]:
    """Edges for bars of ``colour``: a thin line of the background keeps bars apart, but
    past :data:`CROWDED_DAYS` it would cover a bar one pixel wide, so there (on screen)
    each bar is outlined in its own colour and stays at least a line wide."""
    if period.days > CROWDED_DAYS and not style.outline:
        return {"edgecolor": colour, "linewidth": 1.0}
    return {"edgecolor": style.bar_edge, "linewidth": 0.5}


def short(text: str, limit: int = 36) -> str:
    """A label cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _nan(values: Sequence[float | None]) -> list[float]:
    return [math.nan if v is None else v for v in values]


def daily_line(
    chart: Chart,
    axes: Axes,
    index: int,
    period: Period,
    checkins: Sequence[CheckIn],
    key: str,
    label: str,
    style: ChartStyle,
    unit: str = "",
) -> list[float | None]:
    """Daily answers of field ``key`` (gaps where unanswered) and their 7-day average,
    in one colour. Returns the daily values."""
    values, average = daily_with_average(checkins, period, key)
    days = period.dates()
    xs = [day_number(d) for d in days]
    dense = period.days > DENSE_DAYS
    colour = style.colour(key)
    axes.plot(
        xs,
        _nan(values),
        color=colour,
        linestyle=style.dash(key),
        linewidth=0.8 if dense else 1.2,
        alpha=0.35 if dense else 0.9,
        marker=None if dense else style.marker(key),
        markersize=3.5,
        label=label,
    )
    if dense:
        _mark_short_runs(axes, xs, values, key, label, style)
    if any(v is not None for v in average):
        axes.plot(
            xs,
            _nan(average),
            color=colour,
            linestyle=style.dash(key),
            linewidth=2.6,
            alpha=0.55 if style.name != "print" else 0.8,
            label=f"{label}, 7-day average",
        )
    for day, x, value in zip(days, xs, values, strict=True):
        if value is not None:
            chart.points.append(
                HoverPoint(
                    index, x, value, f"{date_text(day, '%a %-d %b %Y')}\n{label}: {value:g}{unit}"
                )
            )
    return values


def _mark_short_runs(
    axes: Axes, xs: list[float], values: list[float | None], key: str, label: str, style: ChartStyle
) -> None:
    """On dense ranges the daily line has no dots, so an answer without answered neighbours
    (or with one) would not show at all: those days keep a small dot of their own."""
    alone = in_short_runs(values)
    if any(v is not None for v in alone):
        axes.plot(
            xs,
            _nan(alone),
            color=style.colour(key),
            linestyle="none",
            marker=style.marker(key),
            markersize=2.5,
            alpha=0.9,
            label=f"_{label}, days answered apart",  # "_": not in the legend
        )


def dense_weeks(period: Period) -> bool:
    """Whether ``period`` holds more than :data:`DENSE_WEEKS` weeks."""
    return period.days > DENSE_WEEKS * 7


def mark_lone_weeks(
    axes: Axes, xs: Sequence[float], values: Sequence[float], label: str, **look: Any
) -> None:
    """On a dense range a weekly line has no markers, so a week between two gaps (``nan``)
    would not show at all: such weeks keep a small marker of their own, in ``look``'s
    colour and marker (not in the legend)."""
    alone = in_short_runs([None if math.isnan(v) else v for v in values], shortest=2)
    if any(v is not None for v in alone):
        axes.plot(
            xs,
            _nan(alone),
            linestyle="none",
            markersize=2.5,
            label=f"_{label}, weeks apart",  # "_": not in the legend
            **look,
        )


def legend(axes: Axes, style: ChartStyle, columns: int = 3, *more: Axes) -> None:
    """One legend under the plot, for ``axes`` and any twin axes in ``more``."""
    handles, labels = axes.get_legend_handles_labels()
    for extra in more:
        extra_handles, extra_labels = extra.get_legend_handles_labels()
        handles, labels = handles + extra_handles, labels + extra_labels
    if not handles:
        return
    figure = axes.get_figure()
    assert isinstance(figure, Figure)
    legend_box = figure.legend(
        handles,
        labels,
        loc="outside lower center",
        ncols=columns,
        frameon=False,
        fontsize=style.font_size,
    )
    for text in legend_box.get_texts():
        text.set_color(style.foreground)


def no_data_note(axes: Axes, style: ChartStyle, text: str = "No answers in this period") -> None:
    axes.text(
        0.5,
        0.5,
        text,
        transform=axes.transAxes,
        ha="center",
        va="center",
        color=style.muted,
        fontsize=style.font_size + 1,
    )


def to_png(figure: Figure, dpi: int = 150) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor=figure.get_facecolor())
    return buffer.getvalue()


def image(chart: Chart, fmt: str) -> bytes:
    """A chart as a PNG or SVG file's bytes, titled with its dates; the figure is left as it was.

    An image saved on its own has no page around it, so its heading says what it shows and
    when ("Mood and craving peak · 2–29 November 2026"); the heading is also the file's title.
    """
    top = chart.figure.axes[0]
    shown = top.get_title(loc="left")
    top.set_title(chart.heading, loc="left")
    buffer = io.BytesIO()
    try:
        chart.figure.savefig(
            buffer,
            format=fmt,
            dpi=200,
            facecolor=chart.figure.get_facecolor(),
            metadata={"Title": chart.heading},
        )
    finally:
        top.set_title(shown, loc="left")
    return buffer.getvalue()
