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


class OneLine(QLabel):
    """One line of plain text that always takes one line's height, holding its whole text
    and showing what fits (:meth:`shown` decides); it asks for the width of the whole text
    and accepts less."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._whole = ""
        self.setWordWrap(False)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def whole(self) -> str:
        return self._whole

    def set_whole(self, text: str) -> None:
        self._whole = text
        self.updateGeometry()
        self._fit()

    def shown(self, width: int) -> str:
        """What to show of the whole text in ``width`` pixels."""
        raise NotImplementedError

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self._whole) + 2, line_height(self))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, line_height(self))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        QLabel.setText(self, self.shown(max(0, self.contentsRect().width())))


class StatusLine(OneLine):
    """A one-line message that always takes the same room, empty or not; a message too long
    for it is shortened in the middle, whole in the tooltip."""

    def __init__(self, accessible_name: str = "Status", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hintLabel")
        self.setAccessibleName(accessible_name)
        # Ignored across: a long message never widens the window.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        """The whole message, as set (the screen may show it shortened)."""
        return self.whole()

    def setText(self, text: str) -> None:
        self.setAccessibleDescription(text)
        self.set_whole(text)

    def clear(self) -> None:
        self.setText("")

    def shown(self, width: int) -> str:
        shown = self.fontMetrics().elidedText(self.whole(), Qt.TextElideMode.ElideMiddle, width)
        self.setToolTip(self.whole() if shown != self.whole() else "")
        return shown


class EndElidedLine(OneLine):
    """One line of a list (a dose, an appointment) shortened at its end where the row is
    narrow, whole in the tooltip; it never widens the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def shown(self, width: int) -> str:
        shown = self.fontMetrics().elidedText(self.whole(), Qt.TextElideMode.ElideRight, width)
        self.setToolTip(self.whole() if shown != self.whole() else "")
        return shown
