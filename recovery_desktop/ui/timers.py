"""The one way pages make a single-shot timer (autosave, a pause after typing)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def single_shot(parent: QObject, slot: Callable[[], object], interval_ms: int = 0) -> QTimer:
    """A stopped single-shot timer owned by ``parent`` that calls ``slot``; ``start()``
    runs it after ``interval_ms`` (or ``start(ms)`` after ``ms``)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
