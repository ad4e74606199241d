"""A chart rendered to pixels with Agg, on whichever thread builds it (no Qt).

The screen shows the picture rather than rendering the figure itself, so the slow part
(about 100 ms for a ten-year chart) runs on the worker thread (docs/decisions.md, "Slow
work off the GUI thread").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.backend_bases import FigureCanvasBase
from matplotlib.backends.backend_agg import FigureCanvasAgg

from recovery_desktop.reports.chart_kit import Chart

# Logical pixels per inch of a chart on screen (matplotlib's own default figure dpi).
SCREEN_DPI = 100.0


@dataclass(frozen=True, eq=False)
class RenderedChart:
    """``chart`` drawn at ``width`` × ``height`` device pixels (``pixel_ratio`` device
    pixels per logical pixel) as RGBA rows, top row first; ``hover`` holds where each of
    ``chart.points`` landed, in device pixels from the bottom-left corner (matplotlib's
    display coordinates), one row of (x, y) per point: one array rather than a pair of
    floats per point, so ten years of daily points add no objects for the collector."""

    chart: Chart
    rgba: bytes
    width: int
    height: int
    pixel_ratio: float
    hover: np.ndarray

    def point_text_at(self, x: float, y: float, reach: float) -> str | None:
        """The text of the point nearest to display position (x, y) within ``reach``."""
        if not len(self.hover):
            return None
        shown = self.hover
        distances = np.hypot(shown[:, 0] - x, shown[:, 1] - y)
        nearest = int(np.argmin(distances))
        return self.chart.points[nearest].text if distances[nearest] <= reach else None


def render(chart: Chart, width: int, height: int, pixel_ratio: float = 1.0) -> RenderedChart:
    """Draw ``chart`` at ``width`` × ``height`` logical pixels. The figure is resized to
    match, so it is changed: call this only on the thread that owns the figure."""
    figure = chart.figure
    dpi = SCREEN_DPI * pixel_ratio
    figure.set_dpi(dpi)
    # The picture must have exactly round(logical × ratio) device pixels. Matplotlib
    # versions differ in whether they truncate or round the figure's size in pixels; a
    # quarter pixel more gives the same whole number either way.
    figure.set_size_inches(
        _device_pixels(width, pixel_ratio) / dpi, _device_pixels(height, pixel_ratio) / dpi
    )
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    buffer = canvas.buffer_rgba()
    rows, columns = buffer.shape[0], buffer.shape[1]
    pixels = bytes(buffer)
    del buffer
    # The figure is kept (for "Save image…" and drawing again), its drawing surface is not:
    # a base canvas holds no pixels (a second copy of the picture, 1–4 MB a chart), and
    # saving or drawing again makes the canvas it needs.
    FigureCanvasBase(figure)
    return RenderedChart(chart, pixels, columns, rows, pixel_ratio, _hover_positions(chart))


def _device_pixels(logical: int, pixel_ratio: float) -> float:
    """Device pixels for ``logical`` pixels, a quarter pixel over the whole number wanted."""
    return round(max(logical, 1) * pixel_ratio) + 0.25


def _hover_positions(chart: Chart) -> np.ndarray:
    """One transform per axes (a ten-year chart has thousands of points)."""
    found = np.zeros((len(chart.points), 2))
    for index, axes in enumerate(chart.figure.axes):
        rows = [n for n, p in enumerate(chart.points) if p.axes == index]
        if rows:
            data = np.array([[chart.points[n].x, chart.points[n].y] for n in rows])
            found[rows] = axes.transData.transform(data)
    return found
