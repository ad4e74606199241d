"""The urge-surfing timer: a wave that rises, peaks and passes, with a breathing prompt.

Cravings build, crest and fade, usually within a quarter of an hour. Watching the wave
pass is the point; the timer can be paused and started again.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

DEFAULT_MINUTES = 15
TICK_MS = 250
# Breathe in 4 s, hold 4 s, out 6 s.
BREATHING = (("Breathe in slowly…", 4), ("Hold…", 4), ("Breathe out, slower still…", 6))


def wave_height(fraction: float) -> float:
    """0 at the start, 1 at the crest (40% of the way), back to 0 at the end."""
    fraction = min(1.0, max(0.0, fraction))
    crest = 0.4
    part = fraction / crest if fraction <= crest else 1 + (fraction - crest) / (1 - crest)
    return math.sin(part * math.pi / 2) ** 2


def breathing_prompt(seconds: float) -> str:
    cycle = sum(length for _text, length in BREATHING)
    moment = seconds % cycle
    for text, length in BREATHING:
        if moment < length:
            return text
        moment -= length
    return BREATHING[0][0]


class Wave(QWidget):
    """Paints the wave, the part already ridden, and where you are now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fraction = 0.0
        self.setMinimumHeight(90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Urge wave")

    def set_fraction(self, fraction: float) -> None:
        self.fraction = min(1.0, max(0.0, fraction))
        self.update()

    def _point(self, area: QRectF, fraction: float) -> QPointF:
        return QPointF(
            area.left() + fraction * area.width(),
            area.bottom() - wave_height(fraction) * area.height(),
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(8, 10, -8, -6)
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        path = QPainterPath(QPointF(area.left(), area.bottom()))
        ridden = QPainterPath(QPointF(area.left(), area.bottom()))
        steps = 80
        for step in range(steps + 1):
            fraction = step / steps
            path.lineTo(self._point(area, fraction))
            if fraction <= self.fraction:
                ridden.lineTo(self._point(area, fraction))
        ridden.lineTo(self._point(area, self.fraction))
        ridden.lineTo(QPointF(area.left() + self.fraction * area.width(), area.bottom()))
        ridden.closeSubpath()
        fill = QColor(accent)
        fill.setAlpha(70)
        painter.fillPath(ridden, fill)
        painter.setPen(QPen(accent, 2))
        painter.drawPath(path)
        painter.setBrush(accent)
        painter.drawEllipse(self._point(area, self.fraction), 6, 6)
        painter.end()


class UrgeSurfTimer(QWidget):
    """Start, pause and reset; ``finished`` when the wave has passed; ``running_changed``
    whenever it starts or stops (the journal does not auto-lock while it runs)."""

    finished = Signal()
    running_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = QElapsedTimer()
        self._banked_ms = 0
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._update)
        self.wave = Wave(self)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 60)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Timer length in minutes")
        self.minutes.valueChanged.connect(self._update)
        self.start_button = QPushButton("&Start the timer", self)
        self.start_button.clicked.connect(self.toggle)
        self.reset_button = QPushButton("&Reset", self)
        self.reset_button.clicked.connect(self.reset)
        self.left = QLabel(self)
        self.left.setAccessibleName("Time left")
        self.prompt = QLabel("When you're ready, start the timer and watch the wave pass.", self)
        self.prompt.setObjectName("breathing")
        self.prompt.setWordWrap(True)
        self.prompt.setAccessibleName("Breathing prompt")
        # Room for two lines always, so the boxes below never jump as the prompt changes.
        self.prompt.ensurePolished()
        self.prompt.setMinimumHeight(2 * self.prompt.fontMetrics().lineSpacing() + 4)
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addWidget(self.reset_button)
        row.addWidget(self.minutes)
        row.addStretch(1)
        row.addWidget(self.left)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.wave)
        layout.addWidget(self.prompt)
        layout.addLayout(row)
        self._update()

    @property
    def running(self) -> bool:
        return self._tick.isActive()

    def elapsed_ms(self) -> int:
        live = self._clock.elapsed() if self.running else 0
        return self._banked_ms + int(live)

    def total_ms(self) -> int:
        return self.minutes.value() * 60_000

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.start()

    def start(self) -> None:
        if self.elapsed_ms() >= self.total_ms():
            self._banked_ms = 0
        self._clock.start()
        self._tick.start()
        self.start_button.setText("&Pause")
        self._update()
        self.running_changed.emit(True)

    def pause(self) -> None:
        if not self.running:
            return
        self._banked_ms += int(self._clock.elapsed())
        self._tick.stop()
        self.start_button.setText("&Carry on")
        self.prompt.setText("Paused. Carry on whenever you like.")
        self._update()
        self.running_changed.emit(False)

    def reset(self) -> None:
        was_running = self.running
        self._tick.stop()
        self._banked_ms = 0
        self.start_button.setText("&Start the timer")
        self._update()
        if was_running:
            self.running_changed.emit(False)

    def _update(self) -> None:
        elapsed = self.elapsed_ms()
        total = self.total_ms()
        self.wave.set_fraction(elapsed / total)
        left = max(0, total - elapsed) // 1000
        self.left.setText(f"{left // 60}:{left % 60:02d} left")
        self.minutes.setEnabled(not self.running and elapsed == 0)
        if self.running:
            self.prompt.setText(breathing_prompt(elapsed / 1000))
            if elapsed >= total:
                self._banked_ms = total
                self._tick.stop()
                self.start_button.setText("&Start again")
                self.prompt.setText("The wave has passed. Notice how you feel now.")
                self.running_changed.emit(False)
                self.finished.emit()
