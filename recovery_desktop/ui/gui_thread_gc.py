"""Python's cycle collector runs on the GUI thread only, while a helper thread runs Python
(the worker while it has work, the import thread while it imports: each calls
:func:`hold` and :func:`release`).

CPython runs its cycle collector in whichever thread happens to allocate when a threshold is
passed. While the worker draws a chart, that is usually the worker: a Qt object that became
garbage on the GUI thread (a closed dialog caught in a reference cycle) is then destroyed on
the worker, where Qt cannot stop its timers ("Timers cannot be stopped from another
thread"). The timer fires later for an object that no longer exists and the GUI thread
crashes (SIGSEGV in ``QTimerInfoList::activateTimers``). So while a helper thread runs,
automatic collection is off and a timer on the GUI thread collects instead, by the
interpreter's own thresholds and its rule for full collections. The timer looks every
100 ms, and every 10 ms while it keeps finding a collection due, so that no collection has
much to walk. Anki and pyqtgraph collect on the GUI thread for the same reason. See
docs/decisions.md, "Garbage is collected on the GUI thread" and "Bar charts: one artist
per series".
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_INTERVAL_MS = 100  # how often the GUI thread looks at the collector's counts
# ... and while it keeps finding collections due (a helper thread is allocating): the young
# generations then hold what 10 ms of work made, not 100 ms, so no collection stops the GUI
# for long (a ten-year Trends range made 80-130 ms ones).
BUSY_INTERVAL_MS = 10


class _Collector(QObject):
    """Counts the helper threads that run; collects on the GUI thread while any does."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.holders = 0
        self.was_enabled = True
        self.long_lived_total = 0  # objects in the oldest generation after the last full one
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        generation = self.collect_due()
        self.timer.setInterval(CHECK_INTERVAL_MS if generation is None else BUSY_INTERVAL_MS)

    def collect_due(self) -> int | None:
        """Collect as the interpreter would on its own; the generation collected, if any."""
        thresholds, counts = gc.get_threshold(), gc.get_count()
        generation = due_generation(counts, thresholds)
        if generation == 2:
            pending = len(gc.get_objects(generation=2)) - self.long_lived_total
            if not full_collection_due(pending, self.long_lived_total):
                generation = 1
        if generation is None:
            return None
        gc.collect(generation)
        if generation == 2:
            self.long_lived_total = len(gc.get_objects(generation=2))
        return generation


_collector: _Collector | None = None


def _the_collector() -> _Collector | None:
    global _collector
    app = QCoreApplication.instance()
    if app is None:
        return None
    if _collector is None or not shiboken6.isValid(_collector):
        _collector = _Collector(app)
    return _collector


def due_generation(counts: tuple[int, int, int], thresholds: tuple[int, ...]) -> int | None:
    """The oldest generation whose count has passed its threshold (the interpreter's rule,
    ``gc_collect_generations`` in CPython's ``Modules/gcmodule.c``), or None when the
    youngest has not passed its own yet."""
    if counts[0] <= thresholds[0]:
        return None
    generation = 0
    while generation < 2 and counts[generation + 1] > thresholds[generation + 1]:
        generation += 1
    return generation


def full_collection_due(pending: int, long_lived_total: int) -> bool:
    """Whether a collection of the oldest generation is worth its cost: CPython 3.11 does
    one only when the objects that reached the oldest generation since the last full
    collection (``pending``) are at least a quarter of those that were there after it
    (``long_lived_total``), so that a full collection, which walks every object, is not
    repeated while few new ones have come (``Modules/gcmodule.c``, "long_lived_pending")."""
    return pending >= long_lived_total // 4


def hold() -> None:
    """A helper thread starts running Python. Call on the GUI thread."""
    collector = _the_collector()
    if collector is None:
        return
    if collector.holders == 0:
        collector.was_enabled = gc.isenabled()
        gc.disable()
        collector.long_lived_total = len(gc.get_objects(generation=2))
        collector.timer.setInterval(CHECK_INTERVAL_MS)
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
