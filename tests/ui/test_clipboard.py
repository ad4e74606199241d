"""Numbers and the recovery key copied from the app leave the clipboard again: after a
while, on lock and on quit, and only while the clipboard still holds what the app put
there."""

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from recovery_desktop.domain.contacts import CrisisLine
from recovery_desktop.ui.clipboard import private_clipboard
from recovery_desktop.ui.pages.people.page import PeoplePage
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.widgets.help_lines import crisis_line_card
from recovery_desktop.ui.widgets.recovery_key import RecoveryKeyView
from tests.ui.conftest import PAGE_TITLES

LEFT = Qt.MouseButton.LeftButton
SHORT_MS = 50
PEOPLE_ROW = PAGE_TITLES.index("People")


@pytest.fixture
def guard(monkeypatch):
    """The app's clipboard guard with a short delay; nothing of ours left afterwards."""
    found = private_clipboard()
    monkeypatch.setattr(found, "delay_ms", SHORT_MS)
    yield found
    found.clear()


def clipboard_text() -> str:
    return QGuiApplication.clipboard().text()


def copy_from_card(qtbot, number: str = "555-0142"):
    card = crisis_line_card(CrisisLine(None, "Sam's line", number))
    qtbot.addWidget(card)
    said = []
    card.copied.connect(said.append)
    qtbot.mouseClick(card.copy_button, LEFT)
    return said


def test_a_copied_number_is_cleared_after_the_delay_and_the_user_is_told(qtbot, guard):
    """Copy puts the number on the clipboard, says it will be cleared, and clears it."""
    said = copy_from_card(qtbot)
    assert clipboard_text() == "555-0142"
    assert said == [
        "Copied the number for Sam's line: 555-0142 (cleared from the clipboard in 30 seconds)."
    ]
    qtbot.waitUntil(lambda: clipboard_text() == "")


def test_what_the_user_copied_since_is_left_alone(qtbot, guard):
    """Something the user copied after our number is still there once the delay passed."""
    copy_from_card(qtbot)
    QGuiApplication.clipboard().setText("my own words")
    qtbot.waitUntil(lambda: not guard.waiting)
    assert clipboard_text() == "my own words"


def test_the_recovery_key_is_cleared_too(qtbot, guard, files):
    """Copy under the recovery key says when it goes, and it goes."""
    view = RecoveryKeyView(files.app_folders())
    qtbot.addWidget(view)
    view.set_key("ABCD-EFGH-JKLM-NPQR")
    view.copy()
    assert clipboard_text() == "ABCD-EFGH-JKLM-NPQR"
    assert "cleared from the clipboard in 30 seconds" in view.status.text()
    qtbot.waitUntil(lambda: clipboard_text() == "")


def _select_and_copy(qtbot, label) -> str:
    """Select all of ``label``'s text and press Ctrl+C, as with the mouse and keyboard;
    what was selected."""
    label.setSelection(0, len(label.text()))
    selected = label.selectedText()
    label.setFocus()
    qtbot.keyClick(label, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    return selected


def test_the_recovery_key_text_cannot_be_selected_and_copied_past_the_guard(qtbot, guard, files):
    """Only Copy (cleared after the delay and on lock), Save and Print take the key off the
    screen: its text cannot be selected, so neither Ctrl+C nor the X11 selection holds it."""
    view = RecoveryKeyView(files.app_folders())
    qtbot.addWidget(view)
    view.show()
    QGuiApplication.clipboard().setText("before")
    view.set_key("ABCD-EFGH-JKLM-NPQR")
    assert _select_and_copy(qtbot, view.key_label) == ""
    assert clipboard_text() == "before"


def test_a_contact_number_cannot_be_selected_and_copied_past_the_guard(qtbot, guard):
    """A phone number on a card leaves the screen through its Copy button only."""
    card = crisis_line_card(CrisisLine(None, "Sam", "555-0142"))
    qtbot.addWidget(card)
    card.show()
    QGuiApplication.clipboard().setText("before")
    assert _select_and_copy(qtbot, card.number) == ""
    assert clipboard_text() == "before"


def test_locking_clears_a_copied_number_at_once(qtbot, window_for, journal, files, monkeypatch):
    """A number copied on the People page is gone as soon as the journal locks."""
    monkeypatch.setattr(private_clipboard(), "delay_ms", 3_600_000)  # an hour: not the timer
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    window.workspace.show_page(PEOPLE_ROW)
    page = window.workspace.page(PeoplePage)
    qtbot.mouseClick(page.crisis_box.rows[1].copy_button, LEFT)
    assert clipboard_text() == "988"
    window.lock_now()
    assert clipboard_text() == ""


QUITTING = textwrap.dedent(
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication
    from recovery_desktop.domain.contacts import CrisisLine
    from recovery_desktop.ui.widgets.help_lines import crisis_line_card

    app = QApplication([])
    card = crisis_line_card(CrisisLine(None, "Line", "555-0199"))
    card.copy_button.click()
    print("copied", QGuiApplication.clipboard().text())
    QTimer.singleShot(0, app.quit)
    app.exec()
    print("after quit", repr(QGuiApplication.clipboard().text()))
    """
)


def test_quitting_clears_a_copied_number():
    """The app quits within the delay: the number is taken off the clipboard first, so no
    clipboard manager keeps it once the app is gone."""
    result = subprocess.run(
        [sys.executable, "-c", QUITTING],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.splitlines() == ["copied 555-0199", "after quit ''"], result.stderr
