"""The one worker thread: results by signal on the GUI thread, stale results dropped, and
closing or locking while a job runs neither crashes nor warns."""

import threading
from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from recovery_desktop.data.demo import fill_demo
from recovery_desktop.data.errors import StorageProblem
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.worker import Worker

GUI_THREAD = threading.get_ident()


def _heard(channel):
    """Every result and failure the channel delivers, as (kind, key, value, thread)."""
    heard = []
    channel.result.connect(lambda k, v: heard.append(("result", k, v, threading.get_ident())))
    channel.failed.connect(lambda k, e: heard.append(("failed", k, e, threading.get_ident())))
    return heard


def _gate():
    """A job that holds the worker until ``release`` is set; ``started`` tells it runs."""
    started, release = threading.Event(), threading.Event()

    def job():
        started.set()
        release.wait(timeout=30)
        return "old"

    return job, started, release


def test_a_result_arrives_by_signal_on_the_gui_thread_from_another_thread(qtbot, worker):
    """The job runs on the worker; its result is delivered to the page's thread."""
    owner = QObject()
    channel = worker.channel(owner)
    heard = _heard(channel)
    with qtbot.waitSignal(channel.result, timeout=10000):
        channel.submit("chart", threading.get_ident)
    [(kind, key, ran_on, delivered_on)] = heard
    assert (kind, key, delivered_on) == ("result", "chart", GUI_THREAD)
    assert ran_on != GUI_THREAD
    assert not channel.busy


def test_a_stale_result_is_dropped_and_a_stale_waiting_job_never_runs(qtbot, worker):
    """Asking again (a new range) drops what was asked before: the running job's result is
    never delivered and the job still waiting is skipped."""
    owner = QObject()
    channel = worker.channel(owner)
    heard = _heard(channel)
    job, started, release = _gate()
    waiting_ran = threading.Event()
    channel.submit("range", job)
    channel.submit("waiting", waiting_ran.set)
    assert started.wait(timeout=10)
    channel.restart()
    channel.submit("range", lambda: "new")
    assert channel.busy
    release.set()
    qtbot.waitUntil(lambda: not channel.busy, timeout=10000)
    assert [(kind, key, value) for kind, key, value, _t in heard] == [("result", "range", "new")]
    assert not waiting_ran.is_set()


def test_a_journal_error_comes_back_as_a_failure(qtbot, worker):
    """A calm error raised on the worker is delivered to the page to show."""
    owner = QObject()
    channel = worker.channel(owner)
    heard = _heard(channel)

    def fails():
        raise StorageProblem("The disk is full, so this could not be saved.")

    with qtbot.waitSignal(channel.failed, timeout=10000):
        channel.submit("pdf", fails)
    [(kind, key, error, _t)] = heard
    assert (kind, key, type(error)) == ("failed", "pdf", StorageProblem)


def test_a_result_waiting_for_delivery_is_dropped_when_the_worker_stops(qtbot):
    """A lock right after a job finished leaves nothing of it to be delivered later."""
    worker = Worker()
    owner = QObject()
    channel = worker.channel(owner)
    heard = _heard(channel)
    finished = threading.Event()

    def job():
        finished.set()
        return "journal text"

    channel.submit("summary", job)
    assert finished.wait(timeout=10)
    worker.stop()  # the result was emitted or is about to be: it is never delivered
    QApplication.processEvents()
    QApplication.processEvents()
    assert heard == []
    assert not worker.is_running


def test_a_page_gone_before_its_result_is_not_called(qtbot, worker):
    """A page deleted (the journal locked) while its job ran gets nothing."""
    owner = QObject()
    channel = worker.channel(owner)
    job, started, release = _gate()
    channel.submit("chart", job)
    done = worker.channel(QObject(worker))
    assert started.wait(timeout=10)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _valid(channel))
    release.set()
    with qtbot.waitSignal(done.result, timeout=10000):  # the worker has moved on past it
        done.submit("next", lambda: 1)


def _valid(obj) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def _window_on_trends(qtbot, window_for, journal, files):
    fill_demo(journal, 8, date.today())
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    nav = window.workspace.nav
    window.workspace.show_page(
        next(r for r in range(nav.count()) if nav.item(r).text() == "Trends")
    )
    return window, session, window.workspace.stack.currentWidget()


def test_closing_the_window_while_charts_draw_neither_crashes_nor_warns(
    qtbot, window_for, journal, files
):
    """Closing while Trends is still drawing waits for the chart in hand and drops the rest;
    Qt warnings would fail this test."""
    window, session, page = _window_on_trends(qtbot, window_for, journal, files)
    qtbot.waitUntil(lambda: page.jobs.busy, timeout=20000)
    worker = window.findChild(Worker)
    window.close()
    assert not window.isVisible() and not session.is_unlocked
    assert not worker.is_running
    QApplication.processEvents()


def test_closing_the_window_while_a_long_job_runs_waits_for_it(qtbot, window_for, journal, files):
    """A job still running when the window closes is waited for, and its result dropped."""
    window, _session, page = _window_on_trends(qtbot, window_for, journal, files)
    worker = window.findChild(Worker)
    channel = worker.channel(page)
    heard = _heard(channel)
    started, ended = threading.Event(), threading.Event()

    def long_job():
        started.set()
        threading.Event().wait(timeout=0.5)  # slow work that cannot be interrupted
        ended.set()
        return "journal text"

    channel.submit("pdf", long_job)
    assert started.wait(timeout=20)
    window.close()
    assert ended.is_set() and not worker.is_running
    QApplication.processEvents()
    assert heard == []


def test_locking_while_charts_draw_stops_the_worker(qtbot, window_for, journal, files):
    """Lock while charts draw: nothing is left running and the lock screen shows."""
    window, session, page = _window_on_trends(qtbot, window_for, journal, files)
    qtbot.waitUntil(lambda: page.jobs.busy, timeout=20000)
    worker = window.findChild(Worker)
    window.lock_now()
    assert not session.is_unlocked and not worker.is_running
    qtbot.waitUntil(lambda: window.workspace is None)


def test_a_channel_asks_for_nothing_after_the_worker_stopped(qtbot):
    """A page's timer firing between the lock and the page's end starts no thread that
    would outlive the window; a page made after the unlock works again."""
    worker = Worker()
    before = worker.channel(QObject(worker))
    worker.stop()
    ran = threading.Event()
    before.submit("late", ran.set)
    assert not worker.is_running and not before.busy
    after = worker.channel(QObject(worker))
    with qtbot.waitSignal(after.result, timeout=10000):
        after.submit("unlocked", lambda: 1)
    worker.stop()
    assert not ran.is_set()


class _FreedOn:
    """Notes the thread that frees it."""

    def __init__(self, threads: list[int]) -> None:
        self.threads = threads

    def __del__(self) -> None:
        self.threads.append(threading.get_ident())


def _allocate_as_charts_do():
    """Many small containers, as drawing a chart makes: enough to pass the collector's
    thresholds many times over."""
    return len([[] for _ in range(200_000)])


def test_a_qt_object_that_became_garbage_is_destroyed_on_the_gui_thread(qtbot, worker):
    """A closed dialog caught in a reference cycle is destroyed on the GUI thread even when
    the worker is the one allocating; destroyed on the worker, its timers would fire for an
    object that no longer exists and crash the app (SIGSEGV in activateTimers)."""
    freed_on: list[int] = []
    dialog_like = QObject()
    probe = _FreedOn(freed_on)
    dialog_like.probe = probe
    probe.owner = dialog_like  # a cycle: only the collector can free it
    del dialog_like, probe
    channel = worker.channel(QObject(worker))
    with qtbot.waitSignal(channel.result, timeout=10000):
        channel.submit("chart", _allocate_as_charts_do)
    kept = [[] for _ in range(5000)]  # the GUI thread goes on working, and so collects
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5000)
    assert freed_on == [GUI_THREAD]
    assert len(kept) == 5000


def test_automatic_collection_is_off_only_while_the_worker_has_work(qtbot, worker):
    """While a job runs the GUI thread does the collecting; once every job is back (the
    thread waits without running Python) collection works as usual again."""
    import gc

    channel = worker.channel(QObject(worker))
    with qtbot.waitSignal(channel.result, timeout=10000) as during:
        channel.submit("chart", gc.isenabled)
    assert during.args == ["chart", False]
    assert gc.isenabled()
    assert worker.is_running and not worker.busy
