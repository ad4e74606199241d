"""Draws a row of the journal's list as rich text (the model's ``HTML_ROLE``): the title
in bold, the date and time small, the first line or excerpt and the tags, with the
searched words marked."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from recovery_desktop.ui.models.journal_entries_model import HTML_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
PADDING = 4
MOST_LINES = 8  # title (up to 2 lines), date, excerpt (up to 3 lines), tags (up to 2)


class EntryDelegate(QStyledItemDelegate):
    """Rich-text rows, wrapped to the list's width, never more than ``MOST_LINES`` high
    (the model cuts what is longer, so this only guards the list's height)."""

    def _document(self, option: QStyleOptionViewItem, index: AnyIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        width = option.rect.width() or 280
        document.setTextWidth(max(80, width - 2 * PADDING))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        option.text = ""  # the document draws the text
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        rect = option.rect
        painter.save()
        painter.translate(rect.left() + PADDING, rect.top() + PADDING)
        painter.setClipRect(0, 0, rect.width() - PADDING, rect.height() - PADDING)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        self.initStyleOption(option, index)
        document = self._document(option, index)
        most = option.fontMetrics.lineSpacing() * MOST_LINES
        height = min(int(document.size().height()), most)
        return QSize(int(document.idealWidth()), height + 2 * PADDING)
