"""One chart on screen: its rendered picture with hover details, and "Save image…".

The picture is rendered on the worker thread and handed over whole
(:meth:`ChartView.show_rendered`); until the first one arrives the view keeps the chart's
room, so nothing below it moves.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.output_files import png_check, save_output, svg_check
from recovery_desktop.data.output_places import AppFolders
from recovery_desktop.ui.save_dialog import FileKind, ask_save_path
from recovery_desktop.ui.widgets.chart_canvas import ChartCanvas

if TYPE_CHECKING:
    from recovery_desktop.reports.chart_kit import Chart
    from recovery_desktop.reports.chart_render import RenderedChart

CANVAS_HEIGHT = 300  # logical pixels of a chart 3 in tall (matplotlib's 100 dpi)
IMAGE_KINDS = (FileKind("PNG image", "png"), FileKind("SVG image", "svg"))


class ChartView(QFrame):
    """Shows whichever chart it is given; ``resized`` asks for a picture at the new size."""

    resized = Signal()

    def __init__(
        self,
        title: str,
        app_folders: AppFolders,
        parent: QWidget | None = None,
        height: int = CANVAS_HEIGHT,  # logical pixels
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chartView")
        self.title = title
        self.app_folders = app_folders  # no image is saved among the app's own files
        self.chart: Chart | None = None
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
        # The chart's room (its figure's height on screen), kept while it is drawn.
        self.canvas = ChartCanvas(self.title, height, self)
        self.canvas.resized.connect(self.resized)
        self._layout.addWidget(self.canvas, 1)

    def pixel_size(self) -> tuple[int, int, float]:
        """The size a picture for this view needs (see :meth:`ChartCanvas.pixel_size`)."""
        return self.canvas.pixel_size()

    def show_rendered(self, rendered: RenderedChart) -> None:
        """Show a chart rendered elsewhere; from now on only this thread uses its figure.
        The canvas stays (only its picture changes), so the layout never moves."""
        self.canvas.show_rendered(rendered)
        self.setEnabled(True)
        self.chart = rendered.chart
        self.draw_count += 1
        self.save_button.setEnabled(True)

    def mark_outdated(self) -> None:
        """Dim the picture and turn off its hover details and "Save image…" until the next
        one is shown (it belongs to a range or data no longer chosen)."""
        self.setEnabled(False)

    def is_outdated(self) -> bool:
        return not self.isEnabled()

    def set_chart(self, chart: Chart) -> None:
        """Render ``chart`` here, on the calling thread, and show it."""
        from recovery_desktop.reports.chart_render import SCREEN_DPI, render

        # Taller figures (two stacked panels) get proportionally more room.
        self.canvas.setMinimumHeight(round(chart.figure.get_figheight() * SCREEN_DPI))
        self.show_rendered(render(chart, *self.pixel_size()))

    def point_text_at(self, x: float, y: float) -> str | None:
        """The description of the point nearest to display position (x, y), if close."""
        return self.canvas.point_text_at(x, y)

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
        from recovery_desktop.reports.chart_kit import image

        assert self.chart is not None
        fmt = fmt or ("svg" if path.suffix.lower() == ".svg" else "png")
        check = svg_check if fmt == "svg" else png_check
        try:
            save_output(path, image(self.chart, fmt), check, app_folders=self.app_folders)
        except JournalError as error:
            QMessageBox.warning(self, "Not saved", str(error))
            return False
        return True
