"""Build a printable summary: numbers, print-ready charts and the HTML around them."""

from __future__ import annotations

import base64
from dataclasses import dataclass, replace
from datetime import date

from matplotlib.figure import Figure

from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.summary import SummaryInputs, SummaryOptions, summarise
from recovery_desktop.domain.summary_events import summarise_recovery
from recovery_desktop.domain.trends import TrendData
from recovery_desktop.reports.chart_kit import to_png
from recovery_desktop.reports.charts import chart_spec
from recovery_desktop.reports.sections import SummaryContext
from recovery_desktop.reports.style import PRINT
from recovery_desktop.reports.summary_html import SummaryDocument, charts_needed, render

PRINT_DPI = 200
PRINT_SIZE_INCHES = (7.2, 2.4)


@dataclass(frozen=True)
class BuiltSummary:
    document: SummaryDocument
    images: dict[str, bytes]  # image source name -> PNG

    def standalone_html(self) -> str:
        """The HTML with its charts embedded, for saving as a single file."""
        html = self.document.html
        for name, png in self.images.items():
            uri = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
            html = html.replace(f'src="{name}"', f'src="{uri}"')
        return html


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
    )


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


def build_summary(inputs: SummaryInputs, options: SummaryOptions, today: date) -> BuiltSummary:
    """The summary as it stands on ``today``, the day it is printed (read at the edge, e.g.
    ``date.today()`` in the page or the command line): a period not yet over is counted to
    today and says "so far"."""
    summary = summarise(inputs.period, inputs.checkins, inputs.checkins, today=today)
    keys = charts_needed(options, summary.started)
    images = {f"chart-{key}.png": chart_png(inputs, key, today) for key in keys}
    context = SummaryContext(
        summary=summary,
        notes=inputs.notes,
        previous_goals=inputs.previous_goals,
        images={key: f"chart-{key}.png" for key in keys},
        recovery=summarise_recovery(inputs, today),
        show_names=options.show_names,
    )
    return BuiltSummary(render(context, options, today), images)
