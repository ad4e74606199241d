"""Riding out a craving is not being away: a running urge-surfing timer holds off auto-lock
until it ends, is paused or reset, or the panel closes; Ctrl+L still locks at once."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from recovery_desktop.ui.flows import Flows
from recovery_desktop.ui.session import Session
from tests.conftest import PASSPHRASE

LEFT = Qt.MouseButton.LeftButton
IDLE_MS = 200


def _surfing(qtbot, window_for, journal, files):
    """The main window with a short auto-lock, the craving panel open, its timer running."""
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    window.idle.set_interval_ms(IDLE_MS)
    qtbot.mouseClick(window.workspace.findChild(QPushButton, "cravingButton"), LEFT)
    panel = window.findChild(Flows).panel
    timer = panel.help.timer
    qtbot.mouseClick(timer.start_button, LEFT)
    assert timer.running
    return window, session, panel, timer


def test_a_running_timer_keeps_the_journal_open_until_it_is_paused(
    qtbot, window_for, journal, files
):
    """Five idle times pass with the wave running and no input: still open; paused, it locks."""
    window, session, panel, timer = _surfing(qtbot, window_for, journal, files)
    qtbot.waitUntil(lambda: timer.elapsed_ms() > 5 * IDLE_MS, timeout=5000)
    assert session.is_unlocked and panel.isVisible()
    qtbot.mouseClick(timer.start_button, LEFT)  # Pause
    qtbot.waitUntil(lambda: not session.is_unlocked, timeout=5000)
    qtbot.waitUntil(lambda: window.findChild(Flows).panel is None)  # closed by the lock


def test_reset_or_closing_the_panel_lets_auto_lock_come_back(qtbot, window_for, journal, files):
    """Reset stops holding the lock off; so does closing the panel with the timer running."""
    window, session, panel, timer = _surfing(qtbot, window_for, journal, files)
    qtbot.mouseClick(timer.reset_button, LEFT)
    qtbot.waitUntil(lambda: not session.is_unlocked, timeout=5000)
    qtbot.keyClicks(window.unlock_panel.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_panel.passphrase, Qt.Key.Key_Return)
    window.idle.set_interval_ms(IDLE_MS)
    qtbot.mouseClick(window.workspace.findChild(QPushButton, "cravingButton"), LEFT)
    panel = window.findChild(Flows).panel
    qtbot.mouseClick(panel.help.timer.start_button, LEFT)
    assert window.idle.held
    panel.close()
    assert not window.idle.held
    qtbot.waitUntil(lambda: not session.is_unlocked, timeout=5000)


def test_ctrl_l_still_locks_at_once_while_the_timer_runs(qtbot, window_for, journal, files):
    """Holding off auto-lock never holds off the lock key."""
    _window, session, panel, timer = _surfing(qtbot, window_for, journal, files)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    qtbot.keyClick(panel.thoughts, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not session.is_unlocked and not timer.running
