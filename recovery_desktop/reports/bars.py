"""A series of bars drawn as one artist, however many bars it has.

``Axes.bar`` makes one ``Rectangle`` per bar, each a few dozen Python objects: a ten-year
weekly chart of four stacked series held about 126,000 of them (reaching out, 182,000).
Python's cycle collector walks them all, on the GUI thread, whenever it runs while such a
chart is on screen or being dropped, and input stopped for a quarter of a second after a
range change (docs/decisions.md, "Bar charts: one artist per series"). A
:class:`BarSeries` is one ``PathPatch`` of a compound path, one closed rectangle per bar,
as in matplotlib's own "Building histograms using Rectangles and PolyCollections" example
(``Path.make_compound_path_from_polys``): the same fill, edges, hatching and legend entry,
in a handful of objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import PathPatch
from matplotlib.path import Path


@dataclass(frozen=True)
class Box:
    """One bar as drawn, in its axes' data units (x in day numbers)."""

    left: float
    bottom: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def centre(self) -> float:
        return self.left + self.width / 2


class BarSeries(PathPatch):
    """Bars from ``lefts``/``bottoms`` ``widths`` wide and ``heights`` tall (equal lengths,
    data units), as one patch; ``kwargs`` are ``PathPatch``'s (colours, edges, hatch,
    label, transform). Snapped to whole pixels like a lone ``Rectangle`` is: matplotlib
    snaps a path of more than 1024 vertices only when told to."""

    def __init__(
        self,
        lefts: Sequence[float],
        bottoms: Sequence[float],
        widths: Sequence[float],
        heights: Sequence[float],
        **kwargs: Any,
    ) -> None:
        left = np.asarray(lefts, dtype=float)
        bottom = np.asarray(bottoms, dtype=float)
        right = left + np.asarray(widths, dtype=float)
        top = bottom + np.asarray(heights, dtype=float)
        # Corners as a Rectangle draws them: counter-clockwise from the bottom left.
        corners = np.stack(
            [
                np.column_stack([left, bottom]),
                np.column_stack([right, bottom]),
                np.column_stack([right, top]),
                np.column_stack([left, top]),
            ],
            axis=1,
        ).reshape(len(left), 4, 2)
        super().__init__(Path.make_compound_path_from_polys(corners), snap=True, **kwargs)

    def boxes(self) -> list[Box]:
        """The bars, in the order given."""
        corners = np.asarray(self.get_path().vertices).reshape(-1, 5, 2)
        return [
            Box(float(x0), float(y0), float(x1 - x0), float(y1 - y0))
            for (x0, y0), (x1, y1) in zip(corners[:, 0], corners[:, 2], strict=True)
        ]


def vertical_bars(
    axes: Axes,
    xs: Sequence[float],
    heights: Sequence[float],
    widths: Sequence[float],
    bottoms: Sequence[float] | None = None,
    **kwargs: Any,
) -> BarSeries:
    """Bars centred on ``xs``, as ``axes.bar(xs, heights, width=widths, bottom=bottoms,
    **kwargs)`` draws them (``kwargs``: colours, edges, hatch, label), added to ``axes``.
    The caller sets the axes' limits: bars do not widen them."""
    lefts = [x - width / 2 for x, width in zip(xs, widths, strict=True)]
    series = BarSeries(lefts, bottoms or [0.0] * len(xs), widths, heights, **kwargs)
    axes.add_patch(series)
    return series


def day_spans(axes: Axes, spans: Sequence[tuple[float, float]], **kwargs: Any) -> BarSeries:
    """Bands from the bottom to the top of ``axes`` over each (left, right) span of day
    numbers, as ``axes.axvspan`` draws one, all as one patch, added to ``axes``."""
    series = BarSeries(
        [left for left, _right in spans],
        [0.0] * len(spans),
        [right - left for left, right in spans],
        [1.0] * len(spans),
        transform=axes.get_xaxis_transform(),
        **kwargs,
    )
    axes.add_patch(series)
    return series
