"""Today's notices sit beside the field they are about and never move the form: every row
keeps its place and height whether a notice shows or not (on the 1024×600 test screen)."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from recovery_desktop.domain.cravings import Craving, Outcome
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE, Lapse
from recovery_desktop.ui.dialogs.lapse_dialog import LapseDialog
from recovery_desktop.ui.pages.today.page import TodayPage
from recovery_desktop.ui.session import Session
from tests.ui.conftest import click_choice

TODAY = date.today()


def _where(widget: QWidget) -> tuple[int, int]:
    """Top and height of ``widget`` in its window's coordinates."""
    return widget.mapTo(widget.window(), QPoint(0, 0)).y(), widget.height()


def _rows(page: TodayPage) -> dict[str, tuple[int, int]]:
    """Each form row's label text and the place of the field beside it, once laid out."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    grid = page.form._grid
    rows = {}
    for row in range(grid.rowCount()):
        label, field = grid.itemAtPosition(row, 0), grid.itemAtPosition(row, 1)
        if label is not None and field is not None:
            rows[label.widget().text()] = _where(field.widget())
    return rows


def _inside(notice: QWidget, place: tuple[int, int]) -> bool:
    top, height = _where(notice)
    return place[0] <= top and top + height <= place[0] + place[1]


@pytest.fixture
def today(qtbot, window_for, journal, files):
    """Today in the real main window, with nothing yet to say."""
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    page = window.workspace.page(TodayPage)
    qtbot.waitUntil(lambda: page.form.isVisible())
    return page


def _settled(qtbot, page: TodayPage, *shown: QWidget) -> dict[str, tuple[int, int]]:
    qtbot.waitUntil(lambda: all(notice.isVisible() for notice in shown), timeout=3000)
    return _rows(page)


def test_the_use_line_appears_beside_used_today_without_moving_meeting(
    qtbot, today, journal, monkeypatch
):
    """Yes, then "Not now": "Record it…" shows beside Used today; Meeting stays put, and
    stays put again when the lapse is recorded and the line goes."""
    before = _rows(today)
    monkeypatch.setattr(LapseDialog, "exec", lambda dialog: 0)
    click_choice(qtbot, today.form.yes_no["used"], "Yes")
    qtbot.waitUntil(lambda: today.status.text().startswith("Saved"), timeout=3000)
    line = today.story.use_line
    assert _settled(qtbot, today, line) == before
    assert _inside(line, before["&Used today"])
    monkeypatch.setattr(LapseDialog, "exec", lambda dialog: dialog.accept() or dialog.result())
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information", lambda *a: None)
    qtbot.mouseClick(line.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not line.isVisible(), timeout=3000)
    assert _rows(today) == before


def test_a_lapse_recorded_elsewhere_is_noted_beside_used_today(qtbot, today, journal):
    """ "Mark it yes" appears in the Used today row; no row moves."""
    before = _rows(today)
    journal.recovery_time.record_lapse(Lapse(None, datetime.now(), DEFAULT_SUBSTANCE), None, TODAY)
    today.refresh_story()
    line = today.story.lapse_line
    assert _settled(qtbot, today, line) == before
    assert _inside(line, before["&Used today"])


def test_a_stronger_logged_craving_is_noted_beside_the_peak(qtbot, today, journal):
    """ "Use 7" appears in the Craving peak row; no row moves."""
    before = _rows(today)
    journal.cravings.save(Craving(None, datetime.now(), 7))
    today.refresh_story()
    line = today.story.peak_line
    assert _settled(qtbot, today, line) == before
    assert _inside(line, before["&Craving peak"])


def test_every_notice_at_once_moves_nothing(qtbot, today, journal):
    """A craving that ended in using and a stronger peak, together: the form stays."""
    before = _rows(today)
    journal.cravings.save(Craving(None, datetime.now(), 9, outcome=Outcome.USED))
    today.refresh_story()
    story = today.story
    assert _settled(qtbot, today, story.use_line, story.peak_line) == before
    journal.recovery_time.record_lapse(Lapse(None, datetime.now(), DEFAULT_SUBSTANCE), None, TODAY)
    today.refresh_story()
    assert _settled(qtbot, today, story.lapse_line, story.peak_line) == before
    assert not story.use_line.isVisible()


def test_the_craving_panels_lapse_note_sits_beside_the_outcome(qtbot, journal, files, monkeypatch):
    """ "I used", then "Not now": the note appears beside Outcome and "Lasted" stays put."""
    from recovery_desktop.ui.flows import Flows

    session = Session(files)
    session.adopt(journal)
    flows = Flows(session)
    monkeypatch.setattr(LapseDialog, "exec", lambda dialog: 0)
    panel = flows.open_craving()
    qtbot.waitExposed(panel)
    lasted = _where(panel.duration)
    outcome = _where(panel.outcome)
    click_choice(qtbot, panel.outcome, "I used")
    assert panel.save_now()
    qtbot.waitUntil(panel.lapse_line.isVisible, timeout=3000)
    assert _where(panel.duration) == lasted and _where(panel.outcome) == outcome
    assert _inside(panel.lapse_line, outcome)
    panel.close()


def test_tab_reaches_a_notes_button_right_after_its_field(qtbot, today, journal):
    """From Craving peak, Tab goes to "Use 7", then on to Stress."""
    journal.cravings.save(Craving(None, datetime.now(), 7))
    today.refresh_story()
    peak = today.form.scales["craving_peak"]
    qtbot.waitUntil(today.story.peak_line.isVisible, timeout=3000)
    peak.setFocus()
    qtbot.waitUntil(peak.hasFocus)
    qtbot.keyClick(peak, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is today.story.peak_line.button
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is today.form.scales["stress"]


def test_the_gentle_note_does_not_change_under_the_users_hand(qtbot, today, journal):
    """A reach-out logged while Today is open (from the craving panel) leaves the note in
    place while the user moves between days; it is read again when Today is next shown."""
    from datetime import timedelta

    from recovery_desktop.domain.contacts import Contact, Method, ReachOut, Role

    sam = journal.contacts.save(Contact(None, "Sam", Role.SPONSOR, "555-0142"))
    journal.contacts.log_reach_out(
        ReachOut(None, sam.id, datetime.now() - timedelta(days=9), Method.CALL)
    )
    today.hide()
    today.show()
    qtbot.waitUntil(today.gentle_note.isVisible)
    before = _rows(today)
    journal.contacts.log_reach_out(ReachOut(None, sam.id, datetime.now(), Method.CALL))
    today.step(-1)
    assert _rows(today) == before
    today.hide()
    today.show()
    qtbot.waitUntil(lambda: not today.gentle_note.isVisible())
