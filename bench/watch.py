"""Watching the app from inside its own process: first paints, event-loop stalls, memory."""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

TIMEOUT_S = 60.0
PASSPHRASE = "bench passphrase, not a secret"  # the bench's own demo journal only


def rss_mb() -> float | None:
    """This process's resident memory (VmRSS) in MB of 10⁶ bytes; None off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024 / 1e6
    except OSError:
        return None
    return None


def finish(result: dict[str, object]) -> None:
    """Print the result as one JSON line and end the process at once."""
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    os._exit(0)


def guarded(step: Callable[[float], None]) -> Callable[[float], None]:
    """``step``, ending the process with the error instead of leaving it running."""

    def run(t: float) -> None:
        try:
            step(t)
        except Exception as error:  # reported to the parent, which shows it
            finish({"error": f"{type(error).__name__}: {error}"})

    return run


def is_page(widget: QObject, title: str) -> bool:
    """The page shown under ``title`` in the navigation: the innermost widget whose class
    is named ``…Page`` and whose ``title`` is ``title`` (a stand-in holding the real page
    while it is built is not the page)."""
    if not widget.isWidgetType() or not type(widget).__name__.endswith("Page"):
        return False
    if getattr(widget, "title", None) != title:
        return False
    assert isinstance(widget, QWidget)
    return not any(
        type(child).__name__.endswith("Page") and getattr(child, "title", None) == title
        for child in widget.findChildren(QWidget)
    )


class FirstPaint(QObject):
    """Calls ``then(t)`` once, after the first paint of a widget ``wanted`` accepts is
    complete: ``t`` is read on the event loop's next turn, when the whole window has been
    painted and flushed. Watches every event of the app only until then."""

    def __init__(self, wanted: Callable[[QObject], bool], then: Callable[[float], None]) -> None:
        super().__init__()
        self.wanted = wanted
        self.then = then
        self.seen = False
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint and self.wanted(watched):
            self.seen = True
            app = QApplication.instance()
            assert app is not None
            app.removeEventFilter(self)
            then = guarded(self.then)
            QTimer.singleShot(0, lambda: then(time.monotonic()))
        return False

    def stop(self) -> None:
        """Stop watching (the paint never came)."""
        if not self.seen:
            self.seen = True
            app = QApplication.instance()
            assert app is not None
            app.removeEventFilter(self)


def is_window(widget: QObject) -> bool:
    return widget.isWidgetType() and isinstance(widget, QWidget) and widget.isWindow()


class Heartbeat(QObject):
    """A timer ticking every few milliseconds while the event loop is free. The longest
    gap between two ticks is the longest time the window could not react to input."""

    INTERVAL_MS = 5

    def __init__(self) -> None:
        super().__init__()
        self.ticks: list[float] = []
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(lambda: self.ticks.append(time.monotonic()))
        self.timer.start()

    def longest_gap(self, start: float, end: float) -> float:
        """The longest stretch between ``start`` and ``end`` without a tick, in seconds."""
        inside = [t for t in self.ticks if start < t < end]
        bounds = [start, *inside, end]
        return max(b - a for a, b in itertools.pairwise(bounds))


def wait_until(done: Callable[[], bool], timeout: float = TIMEOUT_S) -> bool:
    """Run the event loop until ``done()``; False after ``timeout`` seconds. A running
    :class:`Heartbeat` makes sure the loop wakes up to check."""
    app = QApplication.instance()
    assert app is not None
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    return True
