"""One chart on screen: a matplotlib canvas with hover details and "Save image…".

Importing this module imports matplotlib's Qt backend, so pages import it only after
:class:`~recovery_desktop.ui.warmup.Warmup` has finished.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QWheelEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.output_files import png_check, save_output, svg_check
from recovery_desktop.data.output_places import AppFolders
from recovery_desktop.reports.chart_kit import Chart, image
from recovery_desktop.ui.plain_text import plain_tooltip
from recovery_desktop.ui.save_dialog import FileKind, ask_save_path
from recovery_desktop.ui.widgets.layout import discard

HOVER_PIXELS = 12
CANVAS_HEIGHT = 300
IMAGE_KINDS = (FileKind("PNG image", "png"), FileKind("SVG image", "svg"))


class _Canvas(FigureCanvasQTAgg):
    """A chart canvas that leaves the mouse wheel to the page: the charts offer no zoom,
    so scrolling with the pointer over a chart scrolls the page as anywhere else."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()


class ChartView(QFrame):
    """Shows whichever :class:`Chart` it is given; the canvas is reused between charts."""

    def __init__(self, title: str, app_folders: AppFolders, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartView")
        self.title = title
        self.app_folders = app_folders  # no image is saved among the app's own files
        self.chart: Chart | None = None
        self.canvas: FigureCanvasQTAgg | None = None
        self.draw_count = 0
        self.save_button = QPushButton("Save image…", self)
        self.save_button.setAccessibleName(f"Save the {title} chart as an image")
        self.save_button.clicked.connect(self.save_image)
        self.save_button.setEnabled(False)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.save_button)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self.setMinimumHeight(CANVAS_HEIGHT + 40)  # room kept while the chart is drawn

    def set_chart(self, chart: Chart) -> None:
        if self.canvas is not None:
            self._layout.removeWidget(self.canvas)
            discard(self.canvas)
        self.canvas = _Canvas(chart.figure)
        # Taller figures (two stacked panels) get proportionally more room.
        height = round(CANVAS_HEIGHT * chart.figure.get_figheight() / 3.0)
        self.canvas.setMinimumHeight(height)
        self.setMinimumHeight(0)  # from here on the layout decides: canvas plus button row
        self.canvas.setAccessibleName(f"{self.title} chart")
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.canvas.mpl_connect("motion_notify_event", self._hover)
        self._layout.addWidget(self.canvas, 1)
        self.chart = chart
        self.draw_count += 1
        self.save_button.setEnabled(True)

    def point_text_at(self, x: float, y: float) -> str | None:
        """The description of the point nearest to display position (x, y), if close."""
        if self.chart is None or not self.chart.points:
            return None
        axes = self.chart.figure.axes
        best, best_distance = None, float(HOVER_PIXELS)
        for index, ax in enumerate(axes):
            points = [p for p in self.chart.points if p.axes == index]
            if not points:
                continue
            shown = ax.transData.transform(np.array([[p.x, p.y] for p in points]))
            distances = np.hypot(shown[:, 0] - x, shown[:, 1] - y)
            nearest = int(np.argmin(distances))
            if distances[nearest] <= best_distance:
                best, best_distance = points[nearest], float(distances[nearest])
        return best.text if best else None

    def _hover(self, event: MouseEvent) -> None:
        text = self.point_text_at(event.x, event.y) if event.x is not None else None
        if text:  # escaped: a trigger named "<b>x</b>" is described as typed
            QToolTip.showText(QCursor.pos(), plain_tooltip(text), self.canvas)
        else:
            QToolTip.hideText()

    def save_image(self) -> None:
        if self.chart is None:
            return
        default = Path.home() / f"{self.title.lower().replace(' ', '-')}.png"
        chosen = ask_save_path(self, "Save chart", default, IMAGE_KINDS)
        if chosen is not None:
            self.save_to(chosen[0], chosen[1].suffix)

    def save_to(self, path: Path, fmt: str | None = None) -> bool:
        """Write the chart to exactly ``path`` (PNG, or SVG by choice or suffix), whole or
        not at all; a failure is told in a box naming the file and the reason. True when
        saved."""
        assert self.chart is not None
        fmt = fmt or ("svg" if path.suffix.lower() == ".svg" else "png")
        check = svg_check if fmt == "svg" else png_check
        try:
            save_output(path, image(self.chart, fmt), check, app_folders=self.app_folders)
        except JournalError as error:
            QMessageBox.warning(self, "Not saved", str(error))
            return False
        return True
