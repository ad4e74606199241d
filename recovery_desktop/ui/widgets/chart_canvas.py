"""A chart's rendered picture on screen, with hover details; the figure is rendered on the
worker thread (:mod:`recovery_desktop.reports.chart_render`), never in ``paintEvent``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QCursor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from recovery_desktop.reports.chart_render import RenderedChart

HOVER_PIXELS = 12
# Narrower than this a chart has no room for its axes (a page laid out while hidden).
MIN_WIDTH = 300
OUTDATED_OPACITY = 0.35  # a picture of a range no longer chosen, while the new one is drawn


class ChartCanvas(QWidget):
    """Paints the latest :class:`RenderedChart` (scaled while a new size is on its way).

    ``resized`` tells when the picture no longer matches the widget's size; ``draw()``
    renders again here, on the GUI thread (for tests and checks that read the figure)."""

    resized = Signal()

    def __init__(self, title: str, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rendered: RenderedChart | None = None
        self._image: QImage | None = None
        self.setMinimumHeight(height)
        self.setAccessibleName(f"{title} chart")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMouseTracking(True)

    @property
    def figure(self) -> Figure | None:
        return self.rendered.chart.figure if self.rendered else None

    def sizeHint(self) -> QSize:
        return QSize(800, self.minimumHeight())

    def pixel_size(self) -> tuple[int, int, float]:
        """What a picture for this widget needs: logical width and height, pixel ratio.
        Before the widget is laid out on screen, its preferred size (a picture at the
        laid-out size is asked for once it is, through ``resized``)."""
        ratio = self.devicePixelRatioF()
        if not self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            hint = self.sizeHint()
            return hint.width(), hint.height(), ratio
        return max(self.width(), MIN_WIDTH), max(self.height(), self.minimumHeight()), ratio

    def show_rendered(self, rendered: RenderedChart) -> None:
        image = QImage(
            rendered.rgba,
            rendered.width,
            rendered.height,
            rendered.width * 4,
            QImage.Format.Format_RGBA8888,
        )
        image.setDevicePixelRatio(rendered.pixel_ratio)
        self.rendered, self._image = rendered, image
        self.update()

    def draw(self) -> None:
        """Render the figure again at the present size, on this thread."""
        from recovery_desktop.reports.chart_render import render

        if self.rendered is not None:
            self.show_rendered(render(self.rendered.chart, *self.pixel_size()))

    def matches_size(self) -> bool:
        shown = self.rendered
        if shown is None:
            return True
        width, height, ratio = self.width(), self.height(), self.devicePixelRatioF()
        # Agg rounds a size in inches down to whole pixels: a pixel less is the same size.
        near = abs(shown.width - width * ratio) <= 1 and abs(shown.height - height * ratio) <= 1
        return near and shown.pixel_ratio == ratio

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._image is None:
            return
        painter = QPainter(self)
        if not self.isEnabled():  # outdated: the next picture is on its way
            painter.setOpacity(OUTDATED_OPACITY)
        if self.matches_size():
            painter.drawImage(0, 0, self._image)
        else:
            painter.drawImage(QRect(0, 0, self.width(), self.height()), self._image)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.matches_size():
            self.resized.emit()

    def point_text_at(self, x: float, y: float) -> str | None:
        """The description of the point nearest to display position (x, y), if close
        (device pixels from the bottom-left corner, as matplotlib counts)."""
        if self.rendered is None or not self.matches_size():
            return None
        return self.rendered.point_text_at(x, y, HOVER_PIXELS)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        ratio = self.devicePixelRatioF()
        at = event.position()
        text = self.point_text_at(at.x() * ratio, (self.height() - at.y()) * ratio)
        if text:  # the tooltip window draws plain text (ui/plain_text.py)
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The charts offer no zoom: the wheel scrolls the page as anywhere else."""
        event.ignore()
