"""Reading bar charts back as a user sees them: every bar of every bar series
(:class:`BarSeries`, one artist per series) on an axes, with its colour and place."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.transforms import Bbox

from recovery_desktop.reports.bars import BarSeries, Box


def bar_series(axes: Axes) -> list[BarSeries]:
    """The axes' bar series, in the order they were drawn (the legend's order)."""
    return [patch for patch in axes.patches if isinstance(patch, BarSeries)]


def series_named(axes: Axes, label: str) -> BarSeries:
    return next(series for series in bar_series(axes) if series.get_label() == label)


def bars(axes: Axes) -> list[Box]:
    """Every bar (and band) drawn on ``axes``, series by series."""
    return [box for series in bar_series(axes) for box in series.boxes()]


def heights_by_label(axes: Axes) -> dict[str, list[float]]:
    return {series.get_label(): [b.height for b in series.boxes()] for series in bar_series(axes)}


def extent(series: BarSeries, box: Box) -> Bbox:
    """Where ``box`` of ``series`` lands, in display pixels (after the figure is drawn)."""
    corners = [[box.left, box.bottom], [box.right, box.bottom + box.height]]
    return Bbox(series.get_transform().transform(corners))


def bars_with_series(axes: Axes) -> list[tuple[BarSeries, Box]]:
    """Every bar on ``axes`` with the series it belongs to (its colours)."""
    return [(series, box) for series in bar_series(axes) for box in series.boxes()]
