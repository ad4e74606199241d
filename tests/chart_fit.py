"""What a user would see as a chart cut off: a text (title, tick label, axis label, legend,
note) reaching past the figure's edge, or a marker or bar of a date chart reaching past the
edge of its axes, where matplotlib clips it. Checked after drawing, in display pixels."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from recovery_desktop.reports.bars import BarSeries
from recovery_desktop.reports.date_axis import DateLabels
from tests.bar_boxes import bar_series, extent

SLACK = 0.5  # pixels of rounding


def _inside(inner: Bbox, outer: Bbox, vertical: bool = True) -> bool:
    across = inner.x0 >= outer.x0 - SLACK and inner.x1 <= outer.x1 + SLACK
    upright = inner.y0 >= outer.y0 - SLACK and inner.y1 <= outer.y1 + SLACK
    return across and (upright or not vertical)


def _undrawn_tick_labels(axis: Axis) -> set[Text]:
    """Labels of ticks outside the axis' view: matplotlib does not draw them."""
    low, high = sorted(axis.get_view_interval())
    room = (high - low) * 1e-6
    ticks = axis.get_major_ticks() + axis.get_minor_ticks()
    return {
        label
        for tick in ticks
        if not low - room <= tick.get_loc() <= high + room
        for label in (tick.label1, tick.label2)
    }


def text_problems(figure: Figure, renderer) -> list[str]:
    """Every drawn text of ``figure`` that is not wholly inside the figure."""
    undrawn: set[Text] = set()
    for axes in figure.axes:
        undrawn |= _undrawn_tick_labels(axes.xaxis) | _undrawn_tick_labels(axes.yaxis)
    problems = []
    for text in figure.findobj(Text):
        if text in undrawn or not text.get_visible() or not text.get_text().strip():
            continue
        extent = text.get_window_extent(renderer)
        if not _inside(extent, figure.bbox):
            problems.append(f"text {text.get_text()!r} at {_box(extent)} past the figure")
    return problems


def _box(box: Bbox) -> str:
    return f"x {box.x0:.1f}..{box.x1:.1f}, y {box.y0:.1f}..{box.y1:.1f}"


def _pixels(figure: Figure, points: float) -> float:
    return points / 72 * figure.dpi


def _around(x: float, y: float, radius: float) -> Bbox:
    return Bbox.from_extents(x - radius, y - radius, x + radius, y + radius)


def _markers(line: Line2D, figure: Figure) -> list[Bbox]:
    if line.get_marker() in (None, "None", "", " ") or not line.get_visible():
        return []
    xy = line.get_transform().transform(line.get_xydata())
    xy = xy[np.isfinite(xy).all(axis=1)]
    radius = _pixels(figure, line.get_markersize() + line.get_markeredgewidth()) / 2
    return [_around(x, y, radius) for x, y in xy]


def _scatter(points: PathCollection, figure: Figure) -> list[Bbox]:
    xy = points.get_offset_transform().transform(points.get_offsets())
    sizes = points.get_sizes()
    widths = points.get_linewidths()
    found = []
    for index, (x, y) in enumerate(xy):
        size = math.sqrt(sizes[index % len(sizes)]) + widths[index % len(widths)]
        found.append(_around(x, y, _pixels(figure, size) / 2))
    return found


def _bar(patch: Rectangle, figure: Figure) -> list[Bbox]:
    if patch.get_width() == 0 or patch.get_height() == 0 or not patch.get_visible():
        return []
    return [patch.get_window_extent().padded(_pixels(figure, patch.get_linewidth()) / 2)]


def _series_bars(series: BarSeries, figure: Figure) -> list[Bbox]:
    if not series.get_visible():
        return []
    edge = _pixels(figure, series.get_linewidth()) / 2
    return [
        extent(series, box).padded(edge)
        for box in series.boxes()
        if box.width != 0 and box.height != 0
    ]


def mark_problems(axes: Axes) -> list[str]:
    """Every marker, scatter point or bar of a date chart's ``axes`` that reaches past the
    axes' edges (bars: past the left or right edge; their base may sit on the bottom one)."""
    figure = axes.get_figure()
    frame = axes.get_window_extent()
    found = [
        ("marker", line.get_label(), e) for line in axes.get_lines() for e in _markers(line, figure)
    ]
    found += [
        ("point", points.get_label(), e)
        for points in axes.collections
        if isinstance(points, PathCollection)
        for e in _scatter(points, figure)
    ]
    bars = [
        ("bar", p.get_label(), e)
        for p in axes.patches
        if isinstance(p, Rectangle)
        for e in _bar(p, figure)
    ]
    bars += [("bar", s.get_label(), e) for s in bar_series(axes) for e in _series_bars(s, figure)]
    return [
        f"{kind} {label!r} at {_box(e)} past the axes at {_box(frame)}"
        for kind, label, e in found + bars
        if not _inside(e, frame, vertical=kind != "bar")
    ]


def is_date_chart(axes: Axes) -> bool:
    return isinstance(axes.xaxis.get_major_formatter(), DateLabels)


def chart_problems(figure: Figure) -> list[str]:
    """Everything cut off in ``figure`` as drawn at its present size."""
    canvas = FigureCanvasAgg(figure)  # a rendered chart keeps no drawing surface
    canvas.draw()
    problems = text_problems(figure, canvas.get_renderer())
    for axes in figure.axes:
        if is_date_chart(axes):
            problems += mark_problems(axes)
    return problems
