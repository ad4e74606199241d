"""A print preview that can be read on a small screen: zoom buttons and keys.

It opens at the page width, but never smaller than :data:`READABLE_ZOOM`, below which
12-point text is too small to read; a narrow window then scrolls across instead. Once the
user chooses a zoom it is kept while the preview is rebuilt.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QWheelEvent
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

READABLE_ZOOM = 0.7
STEP = 1.25


def _with_ctrl(event: QWheelEvent) -> bool:
    return bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)


class Zoom(enum.Enum):
    AUTO = "auto"  # the page width, but readable
    WIDTH = "width"
    PAGE = "page"
    CUSTOM = "custom"


class ZoomablePreview(QWidget):
    """The pages as they will print, with zoom out, zoom in, fit width and whole page."""

    def __init__(
        self, printer: QPrinter, parent: QWidget | None = None, keys_on: QWidget | None = None
    ) -> None:
        """``keys_on``: the widget (with its children) where Ctrl++/−/0 zoom; the preview
        itself when not given."""
        super().__init__(parent)
        self.mode = Zoom.AUTO
        self.view = QPrintPreviewWidget(printer, self)
        self.view.setAccessibleName("Print preview")
        self.view.installEventFilter(self)
        pages = self.view.findChild(QGraphicsView)
        if pages is not None:  # Ctrl+wheel zooms too
            pages.viewport().installEventFilter(self)
        self.zoom_label = QLabel(self)
        self.zoom_label.setAccessibleName("Zoom")
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("000%"))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.zoom_out_button = self._button("−", "Zoom out (Ctrl+−)", self.zoom_out, bar)
        bar.addWidget(self.zoom_label)
        self.zoom_in_button = self._button("+", "Zoom in (Ctrl++)", self.zoom_in, bar)
        self.fit_width_button = self._button(
            "Fit w&idth", "Fit the page width (Ctrl+0)", self.fit_width, bar
        )
        self.whole_page_button = self._button(
            "W&hole page", "Show a whole page", self.whole_page, bar
        )
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._keys(keys_on or self)

    def _button(
        self, text: str, name: str, slot: Callable[[], None], bar: QHBoxLayout
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name.split(" (")[0])
        button.setToolTip(name)
        button.clicked.connect(slot)
        if len(text) == 1:
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("+") + 28)
        bar.addWidget(button)
        return button

    def _keys(self, owner: QWidget) -> None:
        keys: list[tuple[list[QKeySequence], Callable[[], None]]] = [
            ([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")], self.zoom_in),
            ([QKeySequence(QKeySequence.StandardKey.ZoomOut)], self.zoom_out),
            ([QKeySequence("Ctrl+0")], self.fit_width),
        ]
        for sequences, slot in keys:
            for sequence in sequences:
                shortcut = QShortcut(sequence, owner)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)

    # -- zooming -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Paint the pages again, keeping the zoom the user chose."""
        factor = self.view.zoomFactor()
        self.view.updatePreview()
        if self.mode is Zoom.CUSTOM:
            self.view.setZoomFactor(factor)
        self._apply()

    def zoom_in(self) -> None:
        self._zoom_by(STEP)

    def zoom_out(self) -> None:
        self._zoom_by(1 / STEP)

    def fit_width(self) -> None:
        self._set_mode(Zoom.WIDTH)

    def whole_page(self) -> None:
        self._set_mode(Zoom.PAGE)

    def zoom_factor(self) -> float:
        return float(self.view.zoomFactor())

    def _zoom_by(self, factor: float) -> None:
        self.mode = Zoom.CUSTOM
        self.view.setZoomFactor(min(4.0, max(0.15, self.view.zoomFactor() * factor)))
        self._show_factor()

    def _set_mode(self, mode: Zoom) -> None:
        self.mode = mode
        self._apply()

    def _apply(self) -> None:
        if self.mode in (Zoom.AUTO, Zoom.WIDTH):
            self.view.fitToWidth()
            if self.mode is Zoom.AUTO and self.view.zoomFactor() < READABLE_ZOOM:
                self.view.setZoomFactor(READABLE_ZOOM)
        elif self.mode is Zoom.PAGE:
            self.view.fitInView()
        self._show_factor()

    def _show_factor(self) -> None:
        percent = f"{round(self.view.zoomFactor() * 100)}%"
        self.zoom_label.setText(percent)
        self.zoom_label.setAccessibleDescription(percent)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            if self.mode is Zoom.AUTO:
                self._apply()
            else:
                self._show_factor()
        if isinstance(event, QWheelEvent) and _with_ctrl(event):
            self._zoom_by(STEP if event.angleDelta().y() > 0 else 1 / STEP)
            return True
        return super().eventFilter(watched, event)
