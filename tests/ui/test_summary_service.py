"""One summary service: the Weekly summary page, `report` and `--self-test` make the same
summary of the same journal and period, byte for byte."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from recovery_desktop import cli
from recovery_desktop.data.demo import fill_demo
from recovery_desktop.data.journal import JournalFiles, create_journal, open_unprotected
from recovery_desktop.domain.periods import Period, week_of
from recovery_desktop.domain.summary import SummaryNotes, SummaryOptions
from recovery_desktop.ui.pages.summary.page import SummaryPage
from recovery_desktop.ui.selftest import write_summary
from recovery_desktop.ui.session import Session

NAME = "Alex van Dijk"
# Not the defaults, so a summary made without the journal's choices reads differently.
OPTIONS = SummaryOptions(sections={"notes": True}, name=NAME, show_names=True)
LISTS = SummaryNotes(("Sleeping badly after the lapse",), ("Call my sponsor on Friday",))


@pytest.fixture
def lapse_week(files: JournalFiles) -> Period:
    """An unprotected demo journal (check-ins, cravings, contacts and reach-outs, a lapse)
    with a name, people named, check-in notes switched on, and the lapse week's lists;
    returns the lapse week. The journal is closed, as `report` needs it."""
    journal = create_journal(files, None)
    try:
        fill_demo(journal, 8, date.today(), 3)
        journal.preferences.set_summary_options(OPTIONS)
        [lapse] = journal.recovery_time.lapses(date.min, date.max)
        week = week_of(lapse.day)
        journal.summary_notes.save(week, LISTS)
    finally:
        journal.close()
    return week


def _report_html(files: JournalFiles, week: Period, folder: Path) -> str:
    """`report --html` as a user runs it."""
    html = folder / "report.html"
    argv = ["report", "--data-dir", str(files.folder), "--week", week.key]
    assert cli.main([*argv, "--out", str(folder / "report.pdf"), "--html", str(html)]) == 0
    return html.read_text("utf-8")


def _self_test_html(files: JournalFiles, week: Period, folder: Path) -> str:
    """The self-test's summary step on this journal."""
    journal = open_unprotected(files)
    try:
        return write_summary(journal, week, folder / "self-test.pdf").standalone_html()
    finally:
        journal.close()


def _page_html(qtbot, window_for, files: JournalFiles, week: Period, folder: Path) -> str:
    """The Weekly summary page of the app, opened from the sidebar, the week picked with
    ◀, then saved as a PDF (which makes sure the summary is the picked week's)."""
    session = Session(files)
    session.unlock_unprotected()
    window = window_for(session)
    nav = window.workspace.nav
    [row] = [i for i in range(nav.count()) if nav.item(i).text() == "Weekly summary"]
    nav.setCurrentRow(row)
    page = window.findChild(SummaryPage)
    assert page is not None and page.isVisible()
    qtbot.waitUntil(lambda: page.built is not None, timeout=20000)  # the first preview
    while page.picker.period() != week:
        assert page.picker.period().start > week.start
        qtbot.mouseClick(page.picker.previous, Qt.MouseButton.LeftButton)
    assert page.save_pdf_to(folder / "page.pdf") >= 1
    assert page.built is not None
    return page.built.standalone_html()


def test_page_report_and_self_test_make_the_same_summary(
    qtbot, window_for, files, lapse_week, tmp_path
):
    """Same journal, same week: the HTML (charts embedded) is identical byte for byte, and
    it is the full summary: the name, named people, the lapse, notes and the week's lists."""
    from_report = _report_html(files, lapse_week, tmp_path)
    from_self_test = _self_test_html(files, lapse_week, tmp_path)
    from_page = _page_html(qtbot, window_for, files, lapse_week, tmp_path)
    assert from_page.encode("utf-8") == from_report.encode("utf-8")
    assert from_self_test.encode("utf-8") == from_report.encode("utf-8")
    for text in (NAME, "People I reached out to", "Lapses", "My check-in notes", *LISTS.goals):
        assert text in from_report
    assert from_report.count("data:image/png;base64,") == 2
