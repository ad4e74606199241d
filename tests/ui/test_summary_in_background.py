"""The weekly summary's preview and PDF are made on the worker: the page keeps answering,
a preview for a period left behind is never shown, and Save as PDF writes through the
same checked path."""

import threading
from datetime import date

from PySide6.QtCore import QObject

from recovery_desktop.domain.demo import demo_checkins
from tests.pdf_text import pdf_text
from tests.ui.conftest import shown_summary_page


def _hold(worker):
    """Hold the worker with a job of its own until the returned event is set."""
    release, holder = threading.Event(), QObject()
    worker.channel(holder).submit("hold", lambda: release.wait(timeout=30))
    return release, holder


def _html(journal, period, page):
    """The summary's HTML for ``period`` with the page's choices, built here and now."""
    from recovery_desktop.reports.summary_service import build_summary, read_request

    return build_summary(read_request(journal, period, date.today(), page.options())).document.html


def test_a_preview_for_a_period_left_behind_is_never_shown(qtbot, journal, worker):
    """Back two weeks, then forward one, while the worker is busy: the preview shows the
    week chosen last, and never the one passed through."""
    journal.checkins.save_many(demo_checkins(4, date.today(), seed=4))
    page = shown_summary_page(qtbot, journal, worker)
    shown = []
    page.preview_ready.connect(lambda: shown.append(page.built.document.html))
    release, _holder = _hold(worker)
    page.picker.previous.click()
    chosen = page.period
    page.picker.previous.click()
    left_behind = page.period
    page.rebuild()  # as the preview timer does once the period has been still
    page.picker.next.click()
    page.rebuild()
    release.set()
    qtbot.waitUntil(lambda: bool(shown) and not page.preview_jobs.busy, timeout=20000)
    assert page.period == chosen != left_behind
    expected = {period: _html(journal, period, page) for period in (chosen, left_behind)}
    assert expected[chosen] != expected[left_behind]
    assert shown and all(html == expected[chosen] for html in shown)


def test_the_page_answers_while_the_preview_is_built(qtbot, journal, worker):
    """While the worker builds, the page still takes typing, and the preview follows."""
    journal.checkins.save_many(demo_checkins(3, date.today(), seed=4))
    page = shown_summary_page(qtbot, journal, worker)
    release, _holder = _hold(worker)
    page.section_boxes["notes"].click()
    page.rebuild()
    qtbot.keyClicks(page.goals, "Call Sam")
    assert page.goals.toPlainText() == "Call Sam" and page.preview_jobs.busy
    with qtbot.waitSignal(page.preview_ready, timeout=20000):
        release.set()


def test_save_as_pdf_is_written_on_the_worker_and_told_when_done(qtbot, journal, worker, tmp_path):
    """The PDF is written whole off the GUI thread; the status line says so afterwards."""
    journal.checkins.save_many(demo_checkins(3, date.today(), seed=4))
    page = shown_summary_page(qtbot, journal, worker)
    release, _holder = _hold(worker)
    path = tmp_path / "week.pdf"
    page.save_pdf_later(path)
    assert not path.exists() and not page.status.text().startswith("Saved")
    release.set()
    qtbot.waitUntil(lambda: page.status.text().startswith("Saved"), timeout=20000)
    assert page.status.text().endswith(f"to {path}.")
    assert page.period.label in pdf_text(path)
