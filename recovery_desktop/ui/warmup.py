"""Import heavy modules (matplotlib) on a worker thread, off the start-up path.

Pages that need them ask ``when_ready(callback)``; the callback runs on the GUI thread
as soon as the imports are done (at once if they already are). ``stop()`` waits for a
running import, so that closing or locking never destroys a thread that is still running;
an import still running when the Python interpreter ends (a script or test run that never
quit the event loop) is waited for too, as Qt aborts the process when a running thread is
destroyed.
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal

from recovery_desktop.ui import gui_thread_gc
from recovery_desktop.ui.thread_exit import end_with_python, forget

log = logging.getLogger(__name__)

CHART_MODULES = (
    "matplotlib.backends.backend_agg",
    "recovery_desktop.reports.charts",
    "recovery_desktop.reports.summary",
)


class _ImportThread(QThread):
    def __init__(self, modules: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.modules = list(modules)
        self.failed: str | None = None

    def run(self) -> None:
        for name in self.modules:
            try:
                importlib.import_module(name)
            except Exception as error:  # reported on the GUI thread
                self.failed = f"{name}: {type(error).__name__}"
                return


class Warmup(QObject):
    """Starts the imports once; tells every waiting page when they are done."""

    ready = Signal()

    def __init__(self, modules: Sequence[str] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._modules = list(CHART_MODULES if modules is None else modules)
        self._thread: _ImportThread | None = None
        self._holding = False  # gui_thread_gc held while the import thread runs
        self._ready = all(name in sys.modules for name in self._modules)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.timeout.connect(self.start)

    @property
    def is_ready(self) -> bool:
        return self._ready

    def start(self) -> None:
        if self._ready or self._thread is not None:
            return
        self._thread = _ImportThread(self._modules, self)
        self._thread.finished.connect(self._finished)
        end_with_python(self._thread)
        gui_thread_gc.hold()  # collection on this thread only while the imports run
        self._holding = True
        self._thread.start()

    def start_later(self, delay_ms: int) -> None:
        """Start after ``delay_ms`` unless :meth:`stop` comes first (a window closed or
        locked before then never starts a thread it would no longer wait for)."""
        self._later.start(delay_ms)

    @property
    def is_scheduled(self) -> bool:
        return self._later.isActive()

    def when_ready(self, callback: Callable[[], None]) -> None:
        if self._ready:
            callback()
            return
        self.ready.connect(callback, Qt.ConnectionType.UniqueConnection)
        self.start()

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def stop(self) -> None:
        """Wait for a running import to finish (an import cannot be interrupted; it takes
        well under a second). Called on close, lock and quit; a delayed start is dropped."""
        self._later.stop()
        if self._thread is not None:
            self._thread.wait()
            self._let_go()

    def _let_go(self) -> None:
        if self._holding:
            self._holding = False
            gui_thread_gc.release()

    def _finished(self) -> None:
        assert self._thread is not None
        forget(self._thread)
        self._let_go()
        if self._thread.failed:
            log.error("could not load chart modules (%s)", self._thread.failed)
        for name in self._modules:  # finish on this thread if the worker could not
            importlib.import_module(name)
        self._ready = True
        self.ready.emit()
