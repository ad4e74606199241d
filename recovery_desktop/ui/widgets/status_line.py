"""Message lines that keep their place: showing or clearing a message never moves the page.

``StatusLine`` is one line for calm news ("Lists saved."): a message too long for the line is
shortened in the middle, and the whole of it stays in the tooltip and the accessible
description. ``ErrorLabel`` (in ``passphrase.py``) keeps one line too but wraps, because an
error has to be read in full.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def line_height(label: QLabel) -> int:
    """The height of one line of ``label``'s text, with its margins."""
    margins = label.contentsMargins()
    return label.fontMetrics().height() + margins.top() + margins.bottom() + 2 * label.margin()


class StatusLine(QLabel):
    """A one-line message that always takes the same room, empty or not."""

    def __init__(self, accessible_name: str = "Status", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._message = ""
        self.setObjectName("hintLabel")
        self.setAccessibleName(accessible_name)
        self.setWordWrap(False)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # Ignored across: a long message never widens the window; Fixed down: one line.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        """The whole message, as set (the screen may show it shortened)."""
        return self._message

    def setText(self, text: str) -> None:
        self._message = text
        self.setAccessibleDescription(text)
        self._fit()

    def clear(self) -> None:
        self.setText("")

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance(self._message)
        return QSize(width, line_height(self))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, line_height(self))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = max(0, self.contentsRect().width())
        shown = self.fontMetrics().elidedText(self._message, Qt.TextElideMode.ElideMiddle, width)
        super().setText(shown)
        self.setToolTip(self._message if shown != self._message else "")
