"""The lock key works in every window of the app while unlocked; Ctrl+K and Ctrl+Q work in
every window a modal dialog does not block."""

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.contacts import Contact, Role
from recovery_desktop.ui.dialogs.craving_panel import CravingPanel
from recovery_desktop.ui.dialogs.help_now_dialog import HelpNowDialog
from recovery_desktop.ui.flows import Flows
from recovery_desktop.ui.session import Session
from tests.conftest import PASSPHRASE

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


def _unlocked(window_for, journal, files):
    session = Session(files)
    session.adopt(journal)
    return window_for(session), session


def _active(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _panel(qtbot, window) -> CravingPanel:
    qtbot.mouseClick(window.workspace.findChild(QPushButton, "cravingButton"), LEFT)
    panel = window.findChild(Flows).panel
    _active(qtbot, panel)
    return panel


def _help(qtbot, window) -> HelpNowDialog:
    [button] = [b for b in window.workspace.findChildren(QPushButton, "helpButton")]
    qtbot.mouseClick(button, LEFT)
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpNowDialog)]
    _active(qtbot, dialog)
    return dialog


def _saved_thoughts(files) -> list[str]:
    journal = open_with_passphrase(files, PASSPHRASE)
    try:
        return [c.thoughts for c in journal.cravings.between(date.today(), date.today())]
    finally:
        journal.close()


def test_ctrl_l_from_the_craving_panel_saves_it_and_locks(qtbot, window_for, journal, files):
    """The panel shows names and numbers: Ctrl+L there locks at once, keeping what was typed."""
    journal.contacts.save(Contact(None, "Sam", Role.SPONSOR, "555-0142"))
    window, session = _unlocked(window_for, journal, files)
    panel = _panel(qtbot, window)
    qtbot.keyClicks(panel.thoughts, "one more time")
    qtbot.keyClick(panel.thoughts, Qt.Key.Key_L, CTRL)
    assert not session.is_unlocked and not panel.isVisible()
    assert _saved_thoughts(files) == ["one more time"]


def test_ctrl_l_from_get_help_now_locks(qtbot, window_for, journal, files):
    """The help window lists the people to call: Ctrl+L there locks and closes it."""
    journal.contacts.save(Contact(None, "Sam", Role.SPONSOR, "555-0142"))
    window, session = _unlocked(window_for, journal, files)
    dialog = _help(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_L, CTRL)
    assert not session.is_unlocked and not dialog.isVisible()


def test_ctrl_k_from_get_help_now_opens_the_craving_panel(qtbot, window_for, journal, files):
    """From the help window, Ctrl+K opens the craving panel as it does from the main window."""
    window, _session = _unlocked(window_for, journal, files)
    dialog = _help(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_K, CTRL)
    panel = window.findChild(Flows).panel
    assert panel is not None and panel.isVisible()


def test_ctrl_q_from_the_craving_panel_saves_it_and_quits(qtbot, window_for, journal, files):
    """Ctrl+Q in the panel closes the app like in the main window; the panel is saved."""
    window, session = _unlocked(window_for, journal, files)
    panel = _panel(qtbot, window)
    qtbot.keyClicks(panel.thoughts, "calling it a night")
    qtbot.keyClick(panel.thoughts, Qt.Key.Key_Q, CTRL)
    assert not window.isVisible() and not session.is_unlocked
    assert _saved_thoughts(files) == ["calling it a night"]


def test_ctrl_l_on_the_lock_screen_types_nothing_and_changes_nothing(
    qtbot, window_for, journal, files
):
    """While locked the key is left alone: the passphrase field gets no stray letter."""
    window, session = _unlocked(window_for, journal, files)
    window.lock_now()
    field = window.unlock_panel.passphrase
    qtbot.keyClicks(field, "half")
    qtbot.keyClick(field, Qt.Key.Key_L, CTRL)
    assert field.text() == "half" and not session.is_unlocked


class _GreedyField(QLineEdit):
    """A text field that takes Ctrl+K for itself, as Qt's Linux text keys do ("delete to
    the end of the line")."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        return super().event(event)


def test_ctrl_k_in_a_text_field_that_takes_it_still_opens_the_craving_panel(
    qtbot, window_for, journal, files
):
    """On Linux, Ctrl+K while writing (a note, the plan) deleted to the end of the line
    instead of opening the craving panel."""
    window, _session = _unlocked(window_for, journal, files)
    _active(qtbot, window)
    field = _GreedyField(window.workspace)
    field.show()
    field.setText("keep all of this")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_K, CTRL)
    panel = window.findChild(Flows).panel
    assert panel is not None and panel.isVisible()
    assert field.text() == "keep all of this"
