"""The in-process part of ``make bench``, run by ``driver.py pages`` inside the running app
on the ten-year journal, once Today has painted.

It does what a user does (clicks in the page list, on the Trends range, types on Today) and
times what they wait for; times are in seconds. Pages may announce when they are ready
(``TrendsPage.first_chart_shown`` and ``charts_ready``, ``SummaryPage.preview_ready``): those
signals are used when a page has them; otherwise a chart counts as shown when a new chart
canvas has painted, Trends has finished when it says it is no longer drawing, and the
preview is ready when the page holds a built summary and has painted.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QPlainTextEdit, QPushButton, QWidget
from watch import FirstPaint, Heartbeat, is_page, rss_mb, wait_until

SETTLE_S = 3.0  # as a user reaching for the mouse: start-up's background work is done
IDLE_SHARE = 0.1  # settled: the process used under 10 % of a CPU over the last half second
SETTLE_MAX_S = 15.0
SAVES = 50
READY_SIGNALS = ("first_chart_shown", "charts_ready", "preview_ready")

_events: list[tuple[str, float]] = []  # (ready signal, when it came), from every page
_listened: set[int] = set()


def _widgets() -> list[QWidget]:
    return [w for w in QApplication.allWidgets() if w.isVisible()]


def find_page(title: str) -> QWidget | None:
    return next((w for w in QApplication.allWidgets() if is_page(w, title)), None)


def listen(page: QWidget | None) -> None:
    """Note the time of each ready signal ``page`` has, from now on."""
    if page is None or id(page) in _listened:
        return
    _listened.add(id(page))
    for name in READY_SIGNALS:
        signal = getattr(page, name, None)
        if signal is not None:
            signal.connect(lambda *_args, n=name: _events.append((n, time.monotonic())))


def has_signal(page: QWidget | None, name: str) -> bool:
    return page is not None and hasattr(page, name)


def signal_after(name: str, start: float) -> float | None:
    return next((t for n, t in _events if n == name and t >= start), None)


def navigation() -> QListWidget:
    return next(
        w for w in _widgets() if isinstance(w, QListWidget) and w.objectName() == "navigation"
    )


def click_page(title: str) -> float:
    """Click ``title`` in the page list; returns the time just before the click."""
    nav = navigation()
    item = nav.findItems(title, Qt.MatchFlag.MatchExactly)[0]
    listen(find_page(title))
    start = time.monotonic()
    QTest.mouseClick(
        nav.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        nav.visualItemRect(item).center(),
    )
    listen(find_page(title))
    return start


def painted(wanted: Callable[[QObject], bool]) -> tuple[FirstPaint, dict[str, float]]:
    stamp: dict[str, float] = {}

    def note(t: float) -> None:
        stamp.setdefault("t", t)

    return FirstPaint(wanted, note), stamp


def open_page(title: str) -> tuple[float, float | None]:
    """Click ``title`` and wait until its page has painted: (click time, seconds)."""
    watch, stamp = painted(lambda w: is_page(w, title))
    start = click_page(title)
    wait_until(lambda: "t" in stamp)
    watch.stop()
    return start, (stamp["t"] - start if "t" in stamp else None)


def _canvases(page: QWidget | None) -> set[int]:
    if page is None:
        return set()
    return {id(w) for w in page.findChildren(QWidget) if "FigureCanvas" in _names(w)}


def _names(widget: QObject) -> str:
    return " ".join(cls.__name__ for cls in type(widget).__mro__)


class ChartsWatch:
    """After a click on Trends: when its first chart showed and when it had drawn them
    all, and the longest time the window could not react in between."""

    def __init__(self, heartbeat: Heartbeat, page: QWidget | None) -> None:
        self.heartbeat = heartbeat
        old = _canvases(page)
        self.paint, self.stamp = painted(lambda w: id(w) not in old and "FigureCanvas" in _names(w))

    def wait(self, start: float) -> dict[str, float | None]:
        def first() -> float | None:
            page = find_page("Trends")
            if has_signal(page, "first_chart_shown"):
                return signal_after("first_chart_shown", start)
            return self.stamp.get("t")

        def finished() -> float | None:
            page = find_page("Trends")
            if has_signal(page, "charts_ready"):
                return signal_after("charts_ready", start)
            drawing = getattr(page, "is_drawing", None)
            if first() is None or (drawing is not None and drawing()):
                return None
            return time.monotonic()

        wait_until(lambda: first() is not None)
        shown = first()
        ends: list[float] = []

        def check() -> bool:
            end = finished()
            if end is not None:
                ends.append(end)
            return end is not None

        wait_until(check)
        self.paint.stop()
        done = ends[0] if ends else None
        stall = self.heartbeat.longest_gap(shown, done) if shown and done else None
        return {
            "first_chart": shown - start if shown else None,
            "all_charts": done - start if done else None,
            "stall": stall,
        }


def trends_range(heartbeat: Heartbeat, label: str) -> dict[str, float | None]:
    """Click the range ``label`` on the shown Trends page and wait for its charts."""
    page = find_page("Trends")
    assert page is not None
    button = next(
        w
        for w in page.findChildren(QPushButton)
        if w.isVisible() and w.accessibleName() == f"Range: {label}"
    )
    charts = ChartsWatch(heartbeat, page)
    start = time.monotonic()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    return charts.wait(start)


def summary_preview(start: float) -> float | None:
    """Seconds from the click on Weekly summary until its preview was ready."""
    page = find_page("Weekly summary")
    if has_signal(page, "preview_ready"):
        wait_until(lambda: signal_after("preview_ready", start) is not None)
        ready = signal_after("preview_ready", start)
    else:
        ok = wait_until(lambda: getattr(find_page("Weekly summary"), "built", None) is not None)
        ready = time.monotonic() if ok else None
    return ready - start if ready else None


def summary_pdf(folder: Path) -> float | None:
    """Seconds to save the shown summary as a PDF, until the file is there."""
    page = find_page("Weekly summary")
    assert page is not None
    path = folder / "week.pdf"
    start = time.monotonic()
    page.save_pdf_to(path)  # type: ignore[attr-defined]
    ok = wait_until(lambda: path.exists())
    return time.monotonic() - start if ok else None


def checkin_saves(count: int) -> list[float]:
    """Type one letter in Today's note and save, ``count`` times; seconds per save."""
    page = find_page("Today")
    assert page is not None
    note = next(w for w in page.findChildren(QPlainTextEdit) if w.accessibleName() == "Note")
    save = getattr(page, "save_now", None) or page.flush  # type: ignore[attr-defined]
    app = QApplication.instance()
    assert app is not None
    times: list[float] = []
    for _ in range(count):
        QTest.keyClick(note, Qt.Key.Key_A)
        app.processEvents()
        start = time.monotonic()
        save()
        app.processEvents()  # what the save set off (badges, lists) runs too
        times.append(time.monotonic() - start)
    return times


def settle() -> None:
    """Let the event loop run for :data:`SETTLE_S`, then until the process is idle (its
    CPU time, all threads together, grows by under a tenth of the time passing)."""
    begin = time.monotonic()
    samples = [(begin, time.process_time())]

    def idle() -> bool:
        now = time.monotonic()
        samples.append((now, time.process_time()))
        if now - begin < SETTLE_S:
            return False
        if now - begin > SETTLE_MAX_S:
            return True
        then, cpu = next((t, c) for t, c in samples if t >= now - 0.5)
        return now - then >= 0.4 and (samples[-1][1] - cpu) < IDLE_SHARE * (now - then)

    wait_until(idle)


def run() -> dict[str, object]:
    """Every in-process figure, as a JSON-ready dictionary."""
    heartbeat = Heartbeat()
    settle()
    result: dict[str, object] = {"rss_settled": rss_mb()}
    titles = [navigation().item(row).text() for row in range(navigation().count())]
    first: dict[str, float | None] = {titles[0]: None}  # Today: shown at start-up
    trends: dict[str, object] = {}
    summary: dict[str, object] = {}
    for title in titles[1:]:
        charts = ChartsWatch(heartbeat, find_page(title)) if title == "Trends" else None
        start, first[title] = open_page(title)
        if charts is not None:  # Trends is shown when its first chart is
            drawn = charts.wait(start)
            trends["open"] = {"painted": first[title], **drawn}
            first[title] = drawn["first_chart"] or first[title]
        if title == "Weekly summary":
            summary["preview"] = summary_preview(start)
    revisit: dict[str, float | None] = {}
    for title in [*titles[1:], titles[0]]:
        revisit[title] = open_page(title)[1]
    result["rss_pages"] = rss_mb()
    result["pages"] = {t: {"first": first[t], "revisit": revisit[t]} for t in titles}
    open_page("Trends")
    trends_range(heartbeat, "This week")
    trends["to_all"] = trends_range(heartbeat, "All")
    trends["to_week"] = trends_range(heartbeat, "This week")
    result["trends"] = trends
    open_page("Today")
    result["saves"] = checkin_saves(SAVES)
    open_page("Weekly summary")
    with tempfile.TemporaryDirectory() as folder:
        summary["pdf"] = summary_pdf(Path(folder))
    result["summary"] = summary
    return result


def journal() -> dict[str, object]:
    """Only the Journal page: its first show and a revisit after Today, once settled (as in
    :func:`run`), for ``make bench ARGS="--only journal"``."""
    settle()
    first = open_page("Journal")[1]
    open_page("Today")
    return {"pages": {"Journal": {"first": first, "revisit": open_page("Journal")[1]}}}
