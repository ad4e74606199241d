"""Threads still running when the Python interpreter ends are ended before Python
destroys what owns them: Qt aborts the process when a running ``QThread`` is destroyed.

The app stops its threads on close, lock and quit; this covers every other way a process
ends (a script or a test run that never quits the event loop, an error before it starts).
"""

from __future__ import annotations

import atexit
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QThread

_RUNNING: dict[QThread, Callable[[], None]] = {}


def end_with_python(thread: QThread, ask_to_end: Callable[[], None] | None = None) -> None:
    """If ``thread`` still runs when Python ends, call ``ask_to_end()`` (for a thread that
    waits for more work) and wait for it. :func:`forget` it once it has ended."""
    _RUNNING[thread] = ask_to_end or (lambda: None)


def forget(thread: QThread) -> None:
    """``thread`` has ended (or was waited for): nothing to do for it at the end."""
    _RUNNING.pop(thread, None)


def _end_running_threads() -> None:
    for thread, ask_to_end in list(_RUNNING.items()):
        if shiboken6.isValid(thread) and thread.isRunning():
            ask_to_end()
            thread.wait()
    _RUNNING.clear()


# Registered after PySide's own handler, so it runs first, while the threads' owners live.
atexit.register(_end_running_threads)
