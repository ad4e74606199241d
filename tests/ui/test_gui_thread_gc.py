"""The GUI thread's collector follows the interpreter's rules and never collects much at once."""

from __future__ import annotations

import gc

from recovery_desktop.ui import gui_thread_gc
from recovery_desktop.ui.gui_thread_gc import (
    BUSY_INTERVAL_MS,
    CHECK_INTERVAL_MS,
    due_generation,
    full_collection_due,
)

THRESHOLDS = (700, 10, 10)


def test_the_oldest_generation_past_its_threshold_is_due():
    assert due_generation((700, 50, 50), THRESHOLDS) is None  # the youngest decides
    assert due_generation((701, 10, 10), THRESHOLDS) == 0
    assert due_generation((701, 11, 10), THRESHOLDS) == 1
    assert due_generation((701, 11, 11), THRESHOLDS) == 2
    assert due_generation((701, 10, 11), THRESHOLDS) == 0  # no skipping a generation


def test_a_full_collection_waits_for_a_quarter_more_long_lived_objects():
    """CPython's rule: a full collection walks every object, so it waits until the oldest
    generation has grown by a quarter since the last one."""
    assert not full_collection_due(24_999, 100_000)
    assert full_collection_due(25_000, 100_000)
    assert full_collection_due(0, 0)


def test_the_collector_looks_more_often_while_collections_keep_coming_due(qtbot):
    """While a helper thread allocates, each look finds a collection due and the next look
    comes sooner, so the young generations stay small; once nothing is due it slows down."""
    gui_thread_gc.hold()  # as the worker does while it has work
    try:
        collector = gui_thread_gc._the_collector()
        assert collector is not None and collector.holders > 0 and not gc.isenabled()
        made = [[] for _ in range(5 * gc.get_threshold()[0])]
        collector.tick()
        assert collector.timer.interval() == BUSY_INTERVAL_MS
        collector.tick()
        assert collector.timer.interval() == CHECK_INTERVAL_MS
        assert len(made) == 5 * gc.get_threshold()[0]
    finally:
        gui_thread_gc.release()
    assert gc.isenabled() and not collector.timer.isActive()
