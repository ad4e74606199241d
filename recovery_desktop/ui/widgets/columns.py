"""Sections in columns side by side when there is room, one under the other when not.

The whole area scrolls vertically and never sideways, so on a small screen (1024×600, or
large text) nothing is cut off: the sections stack into one scrolling column instead, in
their reading order (which can differ from the columns: the most urgent part first).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget


class ColumnsArea(QScrollArea):
    """``sections`` in reading order; ``columns`` says, for the side-by-side layout, which
    sections (by index) each column holds and its stretch factor."""

    def __init__(
        self,
        sections: Sequence[QWidget],
        columns: Sequence[tuple[Sequence[int], int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._sections = list(sections)
        self._columns = [(list(indexes), stretch) for indexes, stretch in columns]
        content = QWidget(self)
        self._outer = QVBoxLayout(content)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self.stacked = True
        self._arrange(stacked=False)
        self.setWidget(content)

    def side_by_side_width(self) -> int:
        """The least width at which every column fits next to the others."""
        widest = [
            max(self._sections[i].minimumSizeHint().width() for i in indexes)
            for indexes, _stretch in self._columns
        ]
        return sum(widest) + self._outer.spacing() * (len(widest) - 1)

    def _arrange(self, stacked: bool) -> None:
        if stacked == self.stacked:
            return
        old = self._outer.takeAt(0)
        inner = old.layout() if old is not None else None
        if inner is not None:
            inner.deleteLater()  # the sections stay, children of the content widget
        self._outer.addLayout(self._stacked() if stacked else self._side_by_side())
        self.stacked = stacked

    def _stacked(self) -> QBoxLayout:
        layout = QVBoxLayout()
        for section in self._sections:
            layout.addWidget(section)
        layout.addStretch(1)
        return layout

    def _side_by_side(self) -> QBoxLayout:
        layout = QHBoxLayout()
        for indexes, stretch in self._columns:
            column = QVBoxLayout()
            for index in indexes:
                column.addWidget(self._sections[index])
            column.addStretch(1)
            layout.addLayout(column, stretch)
        return layout

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Leave room for the vertical scroll bar whether or not it shows, so that the
        # choice does not flip back and forth as the bar comes and goes.
        bar = self.verticalScrollBar().sizeHint().width()
        room = event.size().width() - 2 * self.frameWidth() - bar
        self._arrange(stacked=room < self.side_by_side_width())
        super().resizeEvent(event)
