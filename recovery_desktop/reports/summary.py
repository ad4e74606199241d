"""The summary's charts as they print: black and white, at their printed size, over the days
of the period that have come. The summary itself is made by
:mod:`recovery_desktop.reports.summary_service`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from matplotlib.figure import Figure

from recovery_desktop.domain.journal_entries import JournalEntry
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.summary import SummaryInputs
from recovery_desktop.domain.trends import TrendData
from recovery_desktop.reports.chart_kit import to_png
from recovery_desktop.reports.charts import chart_spec
from recovery_desktop.reports.style import PRINT

PRINT_DPI = 200
PRINT_SIZE_INCHES = (7.2, 2.4)


def trend_so_far(trend: TrendData, counted: Period) -> TrendData:
    """The chart data of the days that have come: a period not yet over is drawn to today,
    so days still to come are neither gaps nor zeros. Check-ins keep their lead-in days."""
    if counted == trend.period:
        return trend
    return replace(
        trend,
        period=counted,
        checkins=tuple(c for c in trend.checkins if c.day <= counted.end),
        cravings=tuple(c for c in trend.cravings if counted.contains(c.day)),
        reach_outs=tuple(r for r in trend.reach_outs if counted.contains(r.at.date())),
        lapses=tuple(x for x in trend.lapses if counted.contains(x.day)),
        day_blocks={d: b for d, b in trend.day_blocks.items() if counted.contains(d)},
    )


def entries_so_far(
    entries: tuple[JournalEntry, ...], counted: Period | None
) -> tuple[JournalEntry, ...]:
    """The shared entries written on the days that have come (``Period.so_far``): a week
    "so far" never lists an entry dated after the day its figures count to."""
    if counted is None:
        return ()
    return tuple(entry for entry in entries if counted.contains(entry.written_at.date()))


def print_chart(inputs: SummaryInputs, key: str, today: date) -> Figure:
    """A chart in black-and-white print style at its printed size, drawn over the days of
    the period that have come by ``today``. Raises ValueError for a period still to come."""
    counted = inputs.period.so_far(today)
    if counted is None:
        raise ValueError("A period that has not started has no chart.")
    figure = chart_spec(key).build(trend_so_far(inputs.trend, counted), PRINT).figure
    figure.axes[0].set_title("", loc="left")  # the printed section heading names it
    width, height = PRINT_SIZE_INCHES
    figure.set_size_inches(width, height * figure.get_figheight() / 3.0)  # taller if stacked
    return figure


def chart_png(inputs: SummaryInputs, key: str, today: date) -> bytes:
    """:func:`print_chart` as a PNG at print resolution."""
    return to_png(print_chart(inputs, key, today), PRINT_DPI)
