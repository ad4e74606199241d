"""The day's appointments on My day's timeline: a lane at its right edge, beside the
user's own blocks, so they never overlap a block nor take part in the blocks' overlap
question, moves or undo. Read-only: they are kept on Medication & visits.

They look unlike a block on purpose: a hatched background and a dashed outline, and the
word "appointment" after its times where there is room (never told by colour alone).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPalette, QPen

from recovery_desktop.domain.appointment_words import block_line, on_timeline, times_text
from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.day_plan import WakingWindow
from recovery_desktop.domain.wording import shortened
from recovery_desktop.ui.pages.day.scale import TimelineScale

LANE_SHARE = 0.3  # of the timeline's width right of the hour labels
LANE_MIN, LANE_MAX = 140, 240  # pixels
KEPT_ELSEWHERE = "An appointment: change it on Medication & visits."


def lane_width(room: float, appointments: list[Appointment], window: WakingWindow) -> float:
    """The lane's width in ``room`` pixels: none while no appointment is drawn."""
    if not any(on_timeline(a, window) for a in appointments):
        return 0.0
    return min(max(room * LANE_SHARE, LANE_MIN), LANE_MAX, room / 2)


def appointment_rects(
    appointments: list[Appointment], scale: TimelineScale, left: float, width: float
) -> list[tuple[Appointment, QRectF]]:
    """Where each drawn appointment lies: in the lane from ``left``, ``width`` wide."""
    found = []
    for appointment in appointments:
        span = on_timeline(appointment, scale.window)
        if span is not None:
            top, bottom = scale.y(span[0]), scale.y(span[1])
            found.append((appointment, QRectF(left, top, width, max(bottom - top, 2.0))))
    return found


def paint_appointment(
    painter: QPainter, palette: QPalette, appointment: Appointment, rect: QRectF
) -> None:
    """One appointment: hatched, a dashed outline, its name and times."""
    inner = rect.adjusted(1, 1, -1, -1)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(palette.color(QPalette.ColorRole.Base))
    painter.drawRoundedRect(inner, 3, 3)
    painter.setBrush(QBrush(palette.color(QPalette.ColorRole.Midlight), Qt.BrushStyle.BDiagPattern))
    painter.drawRoundedRect(inner, 3, 3)
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1, Qt.PenStyle.DashLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(inner, 3, 3)
    painter.setPen(palette.color(QPalette.ColorRole.Text))
    metrics = painter.fontMetrics()
    text = inner.adjusted(6, 1, -4, -1)
    elide = Qt.TextElideMode.ElideRight
    top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    two_lines = text.height() >= 2 * metrics.height()
    first = shortened(appointment.name) if two_lines else block_line(appointment)
    painter.drawText(text, top_left, metrics.elidedText(first, elide, int(text.width())))
    if two_lines:
        second = text.adjusted(0, metrics.height(), 0, 0)
        words = f"{times_text(appointment)} · appointment"
        painter.drawText(second, top_left, metrics.elidedText(words, elide, int(text.width())))
