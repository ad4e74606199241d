"""Painting one block of the timeline: its category's colour (a tint and a stripe), the
chosen block's outline, its title, times, done tick and category name (or its short mark
where there is no room), so a category is never told by colour alone."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen

from recovery_desktop.domain.day_plan import BlockTimes, DayBlock, minute_text
from recovery_desktop.ui.widgets.block_look import category_text, stripe, tint

TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
TOP_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop


def paint_block(
    painter: QPainter,
    palette: QPalette,
    block: DayBlock,
    times: BlockTimes,
    rect: QRectF,
    outline: int,
) -> None:
    """``block`` at ``times`` in ``rect``; ``outline`` is the chosen block's outline width
    (0: not chosen)."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(tint(block.category, palette))
    painter.drawRoundedRect(rect, 3, 3)
    painter.setBrush(stripe(block.category))
    painter.drawRect(QRectF(rect.left(), rect.top(), 5, rect.height()))
    if outline:
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), outline))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
    painter.setPen(palette.color(QPalette.ColorRole.Text))
    _paint_words(painter, block, times, rect.adjusted(10, 1, -6, -1))


def _paint_words(painter: QPainter, block: DayBlock, times: BlockTimes, rect: QRectF) -> None:
    """Title and times on the first line, with the done tick at the right; the category's
    name on the next line where there is room, else its mark at the right of the first
    (the title is shortened to leave room for what is at the right)."""
    metrics = painter.fontMetrics()
    line = metrics.height()
    elide = Qt.TextElideMode.ElideRight
    when = f"{minute_text(times.start)}–{minute_text(times.end)}"
    first = f"{block.title}  {when}"
    right = ["✓ Done"] if block.done else []
    two_lines = rect.height() >= 2 * line
    if rect.height() < line - 2:  # too low for a line: the mark says what it is
        first, right = f"{block.category.mark} {block.title}", []
    elif not two_lines:
        right.insert(0, block.category.mark)
    right_text = "  ".join(right)
    room = rect.width() - (metrics.horizontalAdvance(right_text + "  ") if right else 0)
    painter.drawText(rect, TOP_LEFT, metrics.elidedText(first, elide, int(max(room, 0))))
    if right:
        painter.drawText(rect, TOP_RIGHT, right_text)
    if two_lines:
        second = QRectF(rect.left(), rect.top() + line, rect.width(), line)
        name = metrics.elidedText(category_text(block.category), elide, int(rect.width()))
        painter.drawText(second, TOP_LEFT, name)
