"""One worker thread for slow work (charts, summary images and HTML, PDF writing).

A page asks through its own :class:`Channel`: ``submit(key, job)`` runs ``job()`` on the
worker and the result comes back on the GUI thread as ``result(key, value)``. A
:class:`~recovery_desktop.data.errors.JournalError` comes back as ``failed(key, error)``;
any other exception is raised again on the GUI thread (the crash dialog sees it).
``restart()`` makes everything asked before it stale: waiting jobs are dropped unrun and a
result still to come is dropped on arrival. Jobs never touch widgets. See docs/decisions.md,
"Slow work off the GUI thread".
"""

from __future__ import annotations

import functools
import queue
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, Signal, Slot

from recovery_desktop.data.errors import JournalError
from recovery_desktop.ui.thread_exit import end_with_python, forget


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


class _Thread(QThread):
    """Runs jobs from a queue until it takes ``None``; never touches a widget."""

    def __init__(self, jobs: queue.SimpleQueue[_Job | None], relay: _Relay) -> None:
        super().__init__()
        self.jobs = jobs
        self.relay = relay

    def run(self) -> None:
        while (job := self.jobs.get()) is not None:
            if job.is_stale:
                continue  # asked for before a restart: dropped unrun
            try:
                outcome = _Outcome(job, job.run())
            except BaseException as error:  # handed to the GUI thread, never swallowed
                outcome = _Outcome(job, error=error)
            self.relay.done.emit(outcome)
            del job, outcome  # nothing from a finished job is kept on this thread


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits through it, so delivery is queued."""

    done = Signal(object)


class Worker(QObject):
    """The one worker thread; started by the first job, stopped on lock, close and quit."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._thread: _Thread | None = None
        self.epoch = 0  # counts stops: a channel made before the last one is closed

    def channel(self, parent: QObject) -> Channel:
        """A channel for one page or purpose; it goes when ``parent`` does, and is closed
        by :meth:`stop` (pages made after an unlock ask for new ones)."""
        return Channel(self, parent)

    def _put(self, job: _Job) -> None:
        if self._thread is None:
            self._thread = _Thread(self._jobs, self._relay)
            end_with_python(self._thread, functools.partial(self._jobs.put, None))
            self._thread.start()
        self._jobs.put(job)

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
        # Results queued for delivery may hold journal text: remove them now.
        for receiver in (self, self._relay):
            QCoreApplication.removePostedEvents(receiver, QEvent.Type.MetaCall.value)

    @Slot(object)
    def _deliver(self, outcome: _Outcome) -> None:
        job = outcome.job
        channel = job.channel
        if job.is_stale or not shiboken6.isValid(channel):
            return  # the page is gone, or asked again since
        channel.settle(job.key)
        if outcome.error is None:
            channel.result.emit(job.key, outcome.value)
        elif isinstance(outcome.error, JournalError):
            channel.failed.emit(job.key, outcome.error)
        else:
            raise outcome.error


def _drain(jobs: queue.SimpleQueue[_Job | None]) -> None:
    try:
        while True:
            jobs.get_nowait()
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
