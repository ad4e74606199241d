"""The day's timeline: the waking window from top to bottom, an hour line and label every
hour, each block drawn at its time. It only shows and asks: every change it wants is a
signal the page turns into one saved change (and an undo step).

Mouse: drag on empty time to draw a new block; drag a block to move it, its bottom edge to
resize it, in 15-minute steps; double-click to edit. Keyboard: Tab and Shift+Tab choose a
block (then leave the timeline at either end), Up/Down move it 15 minutes, Shift+Up/Down
move its end, Enter edits, Space ticks it done, Delete deletes, Insert adds.

The day's appointments are drawn read-only in a lane at the right (``appointment_lane``);
a click on one asks the page to say where they are changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from recovery_desktop.domain.appointment_words import block_line
from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.day_edits import drawn, moved, resized, side_by_side
from recovery_desktop.domain.day_plan import (
    STEP_MINUTES,
    BlockTimes,
    DayBlock,
    WakingWindow,
    minute_text,
)
from recovery_desktop.ui.pages.day.appointment_lane import (
    appointment_rects,
    lane_width,
    paint_appointment,
)
from recovery_desktop.ui.pages.day.painting import paint_block
from recovery_desktop.ui.pages.day.scale import TimelineScale
from recovery_desktop.ui.plain_text import tooltip_lines

LABEL_CHARACTERS = "00:00 "  # the hour labels' column is this wide


@dataclass
class _Drag:
    """A mouse drag in progress: drawing a new block, or moving or resizing one."""

    kind: str  # "draw", "move" or "resize"
    press_y: float
    block: DayBlock | None = None
    preview: BlockTimes | None = None
    start: int = 0
    end: int = 0


def block_text(block: DayBlock) -> str:
    """A block in words, whole (its tooltip, and what a screen reader says when chosen)."""
    done = ", done" if block.done else ""
    note = f". {block.note}" if block.note else ""
    return (
        f"{block.title}, {minute_text(block.start)} to {minute_text(block.end)}, "
        f"{block.category.label}{done}{note}"
    )


class Timeline(QWidget):
    """The waking window of one day with its blocks; see the module's note."""

    add_requested = Signal(int, int)  # (start, end): a range drawn, or Insert
    edit_requested = Signal(object)  # DayBlock
    change_requested = Signal(object, object)  # (DayBlock, its new BlockTimes)
    done_requested = Signal(object)  # DayBlock whose tick is to be turned over
    delete_requested = Signal(object)  # DayBlock
    selection_changed = Signal(object)  # DayBlock or None
    appointment_clicked = Signal(object)  # Appointment (read-only here)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.waking = WakingWindow()
        self.blocks: list[DayBlock] = []
        self.appointments: list[Appointment] = []
        self.columns: dict[int, tuple[int, int]] = {}  # block id: (column, columns)
        self.now_minute: int | None = None  # where "now" is drawn (today only)
        self.selected_id = 0
        self._drag: _Drag | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Day timeline")

    # -- what is shown -------------------------------------------------------------------
    def show_day(
        self, blocks: list[DayBlock], window: WakingWindow, now_minute: int | None = None
    ) -> None:
        """Show ``blocks`` on ``window`` (and a line at ``now_minute`` when it is in the
        window); the chosen block stays chosen if it is still there."""
        self.waking = window
        self.blocks = sorted(blocks, key=lambda b: (b.start, b.id))
        placed = side_by_side(self.blocks)
        self.columns = {b.id: p for b, p in zip(self.blocks, placed, strict=True)}
        self.set_now(now_minute)
        if self.selected() is None:
            self.selected_id = 0
        self._drag = None
        self.updateGeometry()
        self.setFixedHeight(self.scale().height)
        self._describe()
        self.update()

    def show_appointments(self, appointments: list[Appointment]) -> None:
        """The day's appointments, drawn in their lane (before ``show_day``)."""
        self.appointments = list(appointments)
        self.update()

    def _lane(self) -> float:
        return lane_width(self.width() - self._label_width() - 4, self.appointments, self.waking)

    def appointment_rects(self) -> list[tuple[Appointment, QRectF]]:
        """Each appointment drawn, with where it lies."""
        lane = self._lane()
        return appointment_rects(self.appointments, self.scale(), self.width() - 2 - lane, lane)

    def appointment_at(self, point: QPointF) -> Appointment | None:
        return next((a for a, rect in self.appointment_rects() if rect.contains(point)), None)

    def set_now(self, minute: int | None) -> None:
        """Move the line that shows the present time (None: not on this day)."""
        low, high = self.waking.span
        self.now_minute = minute if minute is not None and low <= minute <= high else None
        self.update()

    def scale(self) -> TimelineScale:
        line = QFontMetrics(self.font()).height()
        return TimelineScale(self.waking, line, self.devicePixelRatioF(), top=line // 2 + 2)

    def sizeHint(self) -> QSize:
        return QSize(
            self._label_width() + 24 * QFontMetrics(self.font()).averageCharWidth(),
            self.scale().height,
        )

    def _label_width(self) -> int:
        return QFontMetrics(self.font()).horizontalAdvance(LABEL_CHARACTERS) + 6

    def block_rect(self, block: DayBlock, times: BlockTimes | None = None) -> QRectF:
        """Where ``block`` is drawn (at ``times`` while it is dragged): in its column when
        it overlaps others."""
        scale = self.scale()
        shown = times or block.times
        left = self._label_width()
        column, columns = self.columns.get(block.id, (0, 1))
        lane = self._lane()
        width = (self.width() - left - 4 - (lane + 4 if lane else 0)) / columns
        top, bottom = scale.y(shown.start), scale.y(shown.end)
        return QRectF(left + column * width, top, width, max(bottom - top, 2.0))

    def selected(self) -> DayBlock | None:
        return next((b for b in self.blocks if b.id == self.selected_id), None)

    def select(self, block: DayBlock | None) -> None:
        self.selected_id = block.id if block is not None else 0
        self._describe()
        self.update()
        self.selection_changed.emit(block)
        if block is not None:
            self._ensure_visible(block)

    def _ensure_visible(self, block: DayBlock) -> None:
        """Scroll the surrounding area (the page's) so the chosen block is in view."""
        from PySide6.QtWidgets import QScrollArea

        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            rect = self.block_rect(block)
            parent.ensureVisible(
                int(rect.center().x()), int(rect.center().y()), 0, int(rect.height() / 2) + 8
            )

    def _describe(self) -> None:
        """What a screen reader says: the chosen block, or how to use the timeline."""
        block = self.selected()
        if block is None:
            self.setAccessibleDescription(
                f"{len(self.blocks)} blocks. Tab chooses a block; Insert adds one."
            )
            return
        self.setAccessibleDescription(block_text(block))

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self._paint_hours(painter)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for block in self.blocks:
            shown = self._shown_times(block)
            self._paint_block(painter, block, shown)
        for appointment, rect in self.appointment_rects():
            paint_appointment(painter, self.palette(), appointment, rect)
        if self._drag is not None and self._drag.kind == "draw":
            self._paint_drawn(painter, self._drag.start, self._drag.end)
        if self.now_minute is not None:
            self._paint_now(painter, self.now_minute)
        painter.end()

    def _paint_now(self, painter: QPainter, minute: int) -> None:
        """A line across the timeline at the present time, a dot at its start."""
        y = self.scale().y(minute)
        colour = self.palette().color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(colour, 2))
        left = self._label_width() - 2
        painter.drawLine(QPointF(left, y), QPointF(self.width(), y))
        painter.setBrush(colour)
        radius = max(3.0, self.scale().line / 5)
        painter.drawEllipse(QPointF(left, y), radius, radius)

    def _shown_times(self, block: DayBlock) -> BlockTimes:
        drag = self._drag
        if drag is not None and drag.block is not None and drag.block.id == block.id:
            return drag.preview or block.times
        return block.times

    def _paint_hours(self, painter: QPainter) -> None:
        scale = self.scale()
        palette = self.palette()
        grid = palette.color(QPalette.ColorRole.Mid)
        text = palette.color(QPalette.ColorRole.PlaceholderText)
        metrics = painter.fontMetrics()
        left = self._label_width()
        for hour in scale.hours():
            y = scale.y(hour)
            painter.setPen(QPen(grid, 0))
            painter.drawLine(QPointF(left - 2, y), QPointF(self.width(), y))
            painter.setPen(text)
            label = QRectF(0, y - metrics.height() / 2, left - 6, metrics.height())
            painter.drawText(
                label,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                minute_text(hour),
            )

    def _paint_block(self, painter: QPainter, block: DayBlock, times: BlockTimes) -> None:
        rect = self.block_rect(block, times).adjusted(1, 1, -1, -1)
        chosen = block.id == self.selected_id
        focus = 3 if chosen and self.hasFocus() else 2 if chosen else 0
        paint_block(painter, self.palette(), block, times, rect, focus)

    def _paint_drawn(self, painter: QPainter, start: int, end: int) -> None:
        scale = self.scale()
        left = self._label_width()
        rect = QRectF(left, scale.y(start), self.width() - left - 4, scale.y(end) - scale.y(start))
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(highlight, 2, Qt.PenStyle.DashLine))
        fill = highlight.lighter(180)
        fill.setAlpha(90)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        painter.drawText(
            rect.adjusted(10, 2, -4, -2),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            f"New block  {minute_text(start)}–{minute_text(end)}",
        )

    # -- mouse ---------------------------------------------------------------------------
    def block_at(self, point: QPointF) -> DayBlock | None:
        """The block under ``point`` (the one drawn on top: the last in time order)."""
        for block in reversed(self.blocks):
            if self.block_rect(block).contains(point):
                return block
        return None

    def _on_edge(self, block: DayBlock, point: QPointF) -> bool:
        return self.block_rect(block).bottom() - point.y() <= self.scale().edge_grab

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        point = event.position()
        appointment = self.appointment_at(point)
        if appointment is not None:
            self.appointment_clicked.emit(appointment)
            return
        block = self.block_at(point)
        if block is None:
            minute = self.scale().minute_at(point.y())
            self._drag = _Drag("draw", point.y(), start=minute, end=minute)
            return
        self.select(block)
        kind = "resize" if self._on_edge(block, point) else "move"
        self._drag = _Drag(kind, point.y(), block=block)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        drag = self._drag
        if drag is None:
            over = self.block_at(point)
            on_edge = over is not None and self._on_edge(over, point)
            shape = Qt.CursorShape.SizeVerCursor if on_edge else Qt.CursorShape.ArrowCursor
            self.setCursor(shape)
            self.setToolTip(tooltip_lines(block_text(over)) if over is not None else "")
            appointment = self.appointment_at(point)
            if appointment is not None:
                self.setToolTip(f"{block_line(appointment)} (an appointment)")
            return
        if drag.kind == "draw":
            anchor = self.scale().minute_at(drag.press_y)
            drag.start, drag.end = drawn(anchor, self.scale().minute_at(point.y()), self.waking)
        elif drag.block is not None:
            steps = self.scale().steps(point.y() - drag.press_y)
            change = moved if drag.kind == "move" else resized
            drag.preview = change(drag.block.times, steps, self.waking)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return
        self.update()
        moved_enough = abs(event.position().y() - drag.press_y) >= self.scale().per_minute * 5
        if drag.kind == "draw":
            if moved_enough:
                self.add_requested.emit(drag.start, drag.end)
            else:
                self.select(None)
        elif drag.block is not None and drag.preview not in (None, drag.block.times):
            self.change_requested.emit(drag.block, drag.preview)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        block = self.block_at(event.position())
        self._drag = None
        if block is not None:
            self.select(block)
            self.edit_requested.emit(block)

    # -- keyboard ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        block = self.selected()
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Insert:
            self.add_requested.emit(-1, -1)  # the page finds the next free slot
        elif block is None and key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.blocks:
            self.select(self.blocks[0] if key == Qt.Key.Key_Down else self.blocks[-1])
        elif block is None:
            super().keyPressEvent(event)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            delta = STEP_MINUTES if key == Qt.Key.Key_Down else -STEP_MINUTES
            change = resized if shift else moved
            times = change(block.times, delta, self.waking)
            if times != block.times:
                self.change_requested.emit(block, times)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit(block)
        elif key == Qt.Key.Key_Space:
            self.done_requested.emit(block)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit(block)
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab go from block to block, and on out of the timeline past the
        last (or before the first)."""
        if not self.blocks:
            return super().focusNextPrevChild(next)
        ids = [b.id for b in self.blocks]
        index = (
            ids.index(self.selected_id) if self.selected_id in ids else (-1 if next else len(ids))
        )
        index += 1 if next else -1
        if 0 <= index < len(ids):
            self.select(self.blocks[index])
            return True
        self.select(None)
        return super().focusNextPrevChild(next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        reason = event.reason()
        if self.selected() is None and self.blocks:
            if reason == Qt.FocusReason.TabFocusReason:
                self.select(self.blocks[0])
            elif reason == Qt.FocusReason.BacktabFocusReason:
                self.select(self.blocks[-1])
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
