"""Build a printable summary: numbers, print-ready charts and the HTML around them."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date

from recovery_desktop.domain.summary import SummaryInputs, SummaryOptions, summarise
from recovery_desktop.domain.summary_recovery import summarise_recovery
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


def chart_png(inputs: SummaryInputs, key: str) -> bytes:
    """A chart in black-and-white print style at print resolution."""
    figure = chart_spec(key).build(inputs.trend, PRINT).figure
    figure.axes[0].set_title("", loc="left")  # the printed section heading names it
    width, height = PRINT_SIZE_INCHES
    figure.set_size_inches(width, height * figure.get_figheight() / 3.0)  # taller if stacked
    return to_png(figure, PRINT_DPI)


def build_summary(inputs: SummaryInputs, options: SummaryOptions, printed_on: date) -> BuiltSummary:
    summary = summarise(inputs.period, inputs.checkins, inputs.checkins)
    keys = charts_needed(options)
    images = {f"chart-{key}.png": chart_png(inputs, key) for key in keys}
    context = SummaryContext(
        summary=summary,
        notes=inputs.notes,
        previous_goals=inputs.previous_goals,
        images={key: f"chart-{key}.png" for key in keys},
        recovery=summarise_recovery(inputs),
        show_names=options.show_names,
    )
    return BuiltSummary(render(context, options, printed_on), images)
