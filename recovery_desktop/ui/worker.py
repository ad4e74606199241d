"""One worker thread for slow work (charts, summary images and HTML, PDF writing).

A page asks through its own :class:`Channel`: ``submit(key, job)`` runs ``job()`` on the
worker and the result comes back on the GUI thread as ``result(key, value)``. A
:class:`~recovery_desktop.data.errors.JournalError` comes back as ``failed(key, error)``;
any other exception is raised again on the GUI thread (the crash dialog sees it).
``restart()`` makes everything asked before it stale: waiting jobs are dropped unrun and a
result still to come is dropped on arrival. Jobs never touch widgets, and the thread itself
touches nothing of Qt or PySide once it runs: outcomes go back through a Python queue that a
timer on the GUI thread empties while jobs are outstanding. See docs/decisions.md, "Slow
work off the GUI thread" and "The worker thread touches nothing of Qt".
"""

from __future__ import annotations

import functools
import queue
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThread, QTimer, Signal

from recovery_desktop.data.errors import JournalError
from recovery_desktop.ui import gui_thread_gc
from recovery_desktop.ui.thread_exit import end_with_python, forget

COLLECT_INTERVAL_MS = 10  # how often the GUI thread looks for finished jobs while any run


class _Generation:
    """A channel's current generation, in a plain object the worker thread may read."""

    def __init__(self) -> None:
        self.value = 0


@dataclass(frozen=True)
class _Job:
    channel: Channel
    current: _Generation
    generation: int
    key: Hashable
    run: Callable[[], Any]

    @property
    def is_stale(self) -> bool:
        return self.generation != self.current.value


@dataclass(frozen=True)
class _Outcome:
    job: _Job
    value: Any = None
    error: BaseException | None = None
    ran: bool = True  # False: stale when its turn came, so dropped unrun


class _Thread(QThread):
    """Runs jobs from ``jobs`` until it takes ``None`` and hands every job back through
    ``done``, run or not. Touches no Qt object: only the two Python queues."""

    def __init__(
        self, jobs: queue.SimpleQueue[_Job | None], done: queue.SimpleQueue[_Outcome]
    ) -> None:
        super().__init__()
        self.jobs = jobs
        self.done = done

    def run(self) -> None:
        while (job := self.jobs.get()) is not None:
            if job.is_stale:  # asked for before a restart
                self.done.put(_Outcome(job, ran=False))
                continue
            try:
                self.done.put(_Outcome(job, job.run()))
            except BaseException as error:  # handed to the GUI thread, never swallowed
                self.done.put(_Outcome(job, error=error))
            del job  # nothing from a finished job is kept on this thread


class Worker(QObject):
    """The one worker thread; started by the first job, stopped on lock, close and quit."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._done: queue.SimpleQueue[_Outcome] = queue.SimpleQueue()
        self._outstanding = 0  # jobs handed to the thread and not back yet
        self._collect = QTimer(self)
        self._collect.setInterval(COLLECT_INTERVAL_MS)
        self._collect.timeout.connect(self._deliver_done)
        self._thread: _Thread | None = None
        self.epoch = 0  # counts stops: a channel made before the last one is closed

    def channel(self, parent: QObject) -> Channel:
        """A channel for one page or purpose; it goes when ``parent`` does, and is closed
        by :meth:`stop` (pages made after an unlock ask for new ones)."""
        return Channel(self, parent)

    def _put(self, job: _Job) -> None:
        if self._thread is None:
            self._thread = _Thread(self._jobs, self._done)
            end_with_python(self._thread, functools.partial(self._jobs.put, None))
            self._thread.start()
        if self._outstanding == 0:  # the thread is about to run Python
            gui_thread_gc.hold()
            self._collect.start()
        self._outstanding += 1
        self._jobs.put(job)

    @property
    def busy(self) -> bool:
        """True while a job handed to the thread has not come back."""
        return self._outstanding > 0

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def stop(self) -> None:
        """Drop waiting jobs, wait for the running one and drop results not yet delivered.
        Called on lock, close and quit; the next :meth:`Channel.submit` starts again."""
        self.epoch += 1  # a page's timer firing after this starts nothing
        thread, self._thread = self._thread, None
        if thread is None:
            return
        _drain(self._jobs)
        self._jobs.put(None)
        thread.wait()
        forget(thread)
        self._jobs = queue.SimpleQueue()
        _drain(self._done)  # results not delivered may hold journal text: dropped now
        self._idle()

    def _deliver_done(self) -> None:
        """Deliver, in order, what the thread has handed back so far (GUI thread)."""
        while self._outstanding > 0:
            try:
                outcome = self._done.get_nowait()
            except queue.Empty:
                return
            self._outstanding -= 1
            if self._outstanding == 0:
                self._idle()
            self._deliver(outcome)

    def _idle(self) -> None:
        """Nothing is outstanding: the thread waits for work without running Python (after
        handing back its last job it allocates nothing), so collection may run anywhere."""
        if self._outstanding > 0 or self._collect.isActive():
            gui_thread_gc.release()
        self._outstanding = 0
        self._collect.stop()

    def _deliver(self, outcome: _Outcome) -> None:
        job = outcome.job
        channel = job.channel
        if not outcome.ran or job.is_stale or not shiboken6.isValid(channel):
            return  # the page is gone, or asked again since
        channel.settle(job.key)
        if outcome.error is None:
            channel.result.emit(job.key, outcome.value)
        elif isinstance(outcome.error, JournalError):
            channel.failed.emit(job.key, outcome.error)
        else:
            raise outcome.error


def _drain(items: queue.SimpleQueue[Any]) -> None:
    try:
        while True:
            items.get_nowait()
    except queue.Empty:
        return


class Channel(QObject):
    """One requester's jobs: results of its current generation only, in order."""

    result = Signal(object, object)  # key, value
    failed = Signal(object, object)  # key, JournalError

    def __init__(self, worker: Worker, parent: QObject) -> None:
        super().__init__(parent)
        self._worker = worker
        self._epoch = worker.epoch
        self._generation = _Generation()
        self._pending: list[Hashable] = []

    def restart(self) -> None:
        """Make everything asked so far stale (waiting jobs are skipped, results dropped)."""
        self._generation.value += 1
        self._pending = []

    def submit(self, key: Hashable, job: Callable[[], Any]) -> None:
        """Run ``job()`` on the worker; ``result(key, value)`` follows unless restarted.
        Once the worker has stopped (lock, close), nothing more is run for this channel."""
        if self._epoch != self._worker.epoch:
            return
        self._pending.append(key)
        current = self._generation
        self._worker._put(_Job(self, current, current.value, key, job))

    def settle(self, key: Hashable) -> None:
        if key in self._pending:
            self._pending.remove(key)

    @property
    def busy(self) -> bool:
        """True while a job of the current generation has not come back."""
        return bool(self._pending)
