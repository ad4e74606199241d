"""Trends work for the worker thread: reading a range and drawing one chart.

These run on the worker (:mod:`recovery_desktop.ui.worker`) and touch no widget: they get
plain data and return plain data, and the figure they build is handed over whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from recovery_desktop.data.journal import Journal
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.trends import TrendData

if TYPE_CHECKING:  # matplotlib is imported only once the charts are wanted
    from recovery_desktop.reports.chart_render import RenderedChart
    from recovery_desktop.reports.style import ChartStyle

DATA = "data"  # the key of the job that reads the range


def read_trends(journal: Journal, period: Period) -> TrendData:
    """The range's chart data, read through a connection of the worker's own."""
    with journal.reader() as reader:
        return reader.trend_data(period)


def draw_chart(
    key: str, data: TrendData, style: ChartStyle, size: tuple[int, int, float]
) -> RenderedChart:
    """Build chart ``key`` and render it at ``size`` (logical width, height, pixel ratio)."""
    from recovery_desktop.reports.chart_render import render
    from recovery_desktop.reports.charts import chart_spec

    return render(chart_spec(key).build(data, style), *size)
