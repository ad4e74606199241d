"""SIGTERM and SIGINT (Ctrl+C in the terminal) end the app the way quitting does.

By default either one ends the process at once, or never (a Python handler does not run
while Qt's event loop waits), so nothing after ``app.exec()`` runs: a ``--demo`` journal
and anything typed into it stayed behind. Here the signal wakes the event loop through a
pipe (``signal.set_wakeup_fd`` and a ``QSocketNotifier``, no polling timer) and every
event loop is left, so the code after ``exec()`` and every ``finally`` runs. Before the
event loop runs (while a demo journal is being made), the signal raises
:class:`KeyboardInterrupt` instead, which unwinds the same way. On Windows, where the
wake-up would need a network socket and a windowed app gets neither signal from a terminal,
only the handlers are installed.

With ``on_stop`` set (the app's main window, once it is up), the signal first closes the
app the way closing its window does, asking nothing (what can be saved is saved, the
on-close backup is taken), and then every event loop is left. A logout or shutdown sends
SIGTERM: without this, no on-close backup was taken. A second signal while that runs
leaves at once.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable
from types import FrameType, TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QThread, QTimer

SIGNALS = (signal.SIGTERM, signal.SIGINT)


class StopSignals(QObject):
    """Use as ``with StopSignals(): ...`` around the app's run on the main thread;
    ``received`` is the signal's number once one came; ``on_stop``, when set, runs (from
    the event loop, not inside the signal handler) before the loops are left."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.received: int | None = None
        self.on_stop: Callable[[], None] | None = None
        self._stopping = False
        self._pipe: tuple[int, int] | None = None
        self._notifier: QSocketNotifier | None = None
        if sys.platform != "win32":
            self._pipe = os.pipe()
            for end in self._pipe:
                os.set_blocking(end, False)
            self._notifier = QSocketNotifier(self._pipe[0], QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._drain)
        self._old_fd = -1
        self._old: dict[int, object] = {}

    def __enter__(self) -> StopSignals:
        if self._pipe is not None:
            self._old_fd = signal.set_wakeup_fd(self._pipe[1])
        self._old = {sig: signal.signal(sig, self._stop) for sig in SIGNALS}
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for sig, handler in self._old.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        if self._pipe is not None:
            signal.set_wakeup_fd(self._old_fd)
            for end in self._pipe:
                os.close(end)
            self._pipe = None

    def _stop(self, signum: int, _frame: FrameType | None) -> None:
        self.received = signum
        if QThread.currentThread().loopLevel() == 0:
            raise KeyboardInterrupt
        if self.on_stop is not None and not self._stopping:
            self._stopping = True
            QTimer.singleShot(0, lambda: self._close_then_exit(signum))
            return
        QCoreApplication.exit(128 + signum)  # leaves every event loop, dialogs' too

    def _close_then_exit(self, signum: int) -> None:
        try:
            if self.on_stop is not None:
                self.on_stop()
        finally:
            QCoreApplication.exit(128 + signum)

    def _drain(self) -> None:
        """The Python handler has run by now; empty the pipe for the next signal."""
        with contextlib.suppress(OSError):
            while self._pipe is not None and os.read(self._pipe[0], 64):
                pass
