"""Python's cycle collector runs on the GUI thread only, while a helper thread runs Python.

CPython runs its cycle collector in whichever thread happens to allocate when a threshold is
passed. While the worker draws a chart, that is usually the worker: a Qt object that became
garbage on the GUI thread (a closed dialog caught in a reference cycle) is then destroyed on
the worker, where Qt cannot stop its timers ("Timers cannot be stopped from another
thread"). The timer fires later for an object that no longer exists and the GUI thread
crashes (SIGSEGV in ``QTimerInfoList::activateTimers``). So while any helper thread runs,
automatic collection is off and a timer on the GUI thread collects instead, by the
interpreter's own thresholds. Anki and pyqtgraph collect on the GUI thread for the same
reason. See docs/decisions.md, "Garbage is collected on the GUI thread".
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_INTERVAL_MS = 100  # how often the GUI thread looks at the collector's counts


class _Collector(QObject):
    """Counts the helper threads that run; collects on the GUI thread while any does."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.holders = 0
        self.was_enabled = True
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(collect_due_generations)


_collector: _Collector | None = None


def _the_collector() -> _Collector | None:
    global _collector
    app = QCoreApplication.instance()
    if app is None:
        return None
    if _collector is None or not shiboken6.isValid(_collector):
        _collector = _Collector(app)
    return _collector


def collect_due_generations() -> int:
    """Collect the oldest generation whose count has passed its threshold, as the
    interpreter would on its own; returns the number of unreachable objects found."""
    thresholds, counts = gc.get_threshold(), gc.get_count()
    if counts[0] <= thresholds[0]:
        return 0
    generation = 0
    while generation < 2 and counts[generation + 1] > thresholds[generation + 1]:
        generation += 1
    return gc.collect(generation)


def hold() -> None:
    """A helper thread starts running Python. Call on the GUI thread."""
    collector = _the_collector()
    if collector is None:
        return
    if collector.holders == 0:
        collector.was_enabled = gc.isenabled()
        gc.disable()
        collector.timer.start()
    collector.holders += 1


def release() -> None:
    """A helper thread has ended. Call on the GUI thread; automatic collection comes back
    when the last one has."""
    collector = _the_collector()
    if collector is None or collector.holders == 0:
        return
    collector.holders -= 1
    if collector.holders == 0:
        collector.timer.stop()
        if collector.was_enabled:
            gc.enable()
