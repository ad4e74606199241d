"""What a person typed is drawn as they typed it, never read as markup.

Qt draws a tooltip or a message box's text as HTML whenever it looks as if it starts with a
tag, so "Edit <b>Sam</b>" came out bold, and an ``<img src=…>`` in a name would make Qt read a
file. Names, notes and folder paths reach all three. One application-wide filter escapes every
tooltip (those set on widgets and those a table's model gives) and makes every label plain
text before it is first shown (message boxes' labels included), unless the label was
explicitly made rich text for the app's own words (``Qt.TextFormat.RichText``). A new page or
message line cannot forget it. Chart hover texts use :func:`plain_tooltip`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QToolTip,
    QWidget,
)


def plain_tooltip(text: str) -> str:
    """``text`` as rich text that draws exactly those characters (line breaks kept)."""
    return QtGui.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def _model_tooltip(widget: QWidget, at: QPoint) -> str | None:
    """The model's tooltip under ``at`` when ``widget`` is a table's or list's viewport."""
    view = widget.parent()
    if not isinstance(view, QAbstractItemView) or view.viewport() is not widget:
        return None
    index: QModelIndex = view.indexAt(at)
    value = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
    return value if isinstance(value, str) else ""


def _show_tooltip(widget: QWidget, event: QHelpEvent) -> bool:
    text = widget.toolTip() or _model_tooltip(widget, event.pos())
    if text is None:
        return False  # no tooltip here: Qt passes the event on to the parent
    if text:
        QToolTip.showText(event.globalPos(), plain_tooltip(text), widget)
    else:
        QToolTip.hideText()
    return True


def _is_tooltip_window(label: QLabel) -> bool:
    """Qt's own tooltip window, a label that must stay rich: it draws the escaped text. It
    is polished while it is made, before Qt names it, so it is known by its window type."""
    return label.isWindow() and label.windowType() == Qt.WindowType.ToolTip


def _make_plain(label: QLabel) -> None:
    if label.textFormat() == Qt.TextFormat.AutoText and not _is_tooltip_window(label):
        label.setTextFormat(Qt.TextFormat.PlainText)


class PlainText(QObject):
    """Escapes every tooltip and makes labels plain; install once on the application."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(watched, QWidget):
            assert isinstance(event, QHelpEvent)
            return _show_tooltip(watched, event)
        if event.type() == QEvent.Type.Polish and isinstance(watched, QLabel):
            _make_plain(watched)  # message boxes' labels too: they are polished when shown
        return False


def install_plain_text(app: QApplication) -> None:
    """Once per application; a second call does nothing."""
    if app.property("plainText"):
        return
    app.installEventFilter(PlainText(app))
    app.setProperty("plainText", True)
