"""Locking: Ctrl+L, auto-lock after idle time, and unlocking again."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from recovery_desktop.ui.pages.today.page import TodayPage
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.widgets.unlock_panel import UnlockPanel
from tests.conftest import PASSPHRASE, folder_hashes


def _unlocked_window(window_for, journal, files):
    session = Session(files)
    session.adopt(journal)
    return window_for(session), session


def _today(window) -> TodayPage:
    page = window.workspace.page(TodayPage)
    assert isinstance(page, TodayPage)
    return page


def _unlock(qtbot, window, passphrase=PASSPHRASE):
    panel = window.unlock_panel
    qtbot.keyClicks(panel.passphrase, passphrase)
    qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)


def test_auto_lock_saves_what_was_typed_clears_the_page_and_unlock_brings_it_back(
    qtbot, window_for, journal, files
):
    """After the idle time the journal locks; the typed note was saved first."""
    window, session = _unlocked_window(window_for, journal, files)
    window.idle.set_interval_ms(300)
    page = _today(window)
    qtbot.keyClicks(page.form.note, "half a thought")
    assert page.has_unsaved_changes()  # typed, not yet autosaved when the lock comes
    qtbot.waitUntil(lambda: window.workspace is None, timeout=5000)
    assert not session.is_unlocked
    assert window.stack.currentWidget() is window.unlock_panel
    assert not any(page.isVisible() for page in window.findChildren(TodayPage))
    _unlock(qtbot, window)
    assert session.is_unlocked
    assert _today(window).form.note.toPlainText() == "half a thought"
    assert session.journal.checkins.get(date.today()).note == "half a thought"


def test_activity_postpones_auto_lock(qtbot, window_for, journal, files):
    """Typing keeps restarting the idle timer."""
    window, session = _unlocked_window(window_for, journal, files)
    window.idle.set_interval_ms(1000)
    note = _today(window).form.note
    for _ in range(6):
        qtbot.wait(150)
        qtbot.keyClicks(note, "a")
    assert session.is_unlocked
    qtbot.waitUntil(lambda: not session.is_unlocked, timeout=5000)


def test_ctrl_l_locks_at_once(qtbot, window_for, journal, files):
    """The lock shortcut works from anywhere in the window."""
    window, session = _unlocked_window(window_for, journal, files)
    note = _today(window).form.note
    note.setFocus()
    qtbot.keyClicks(note, "typing")
    qtbot.keyClick(note, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not session.is_unlocked
    assert window.unlock_panel.passphrase.hasFocus()


def test_wrong_passphrase_is_calm_clears_and_keeps_focus_and_changes_nothing(
    qtbot, window_for, journal, files
):
    """A wrong passphrase: a message, an empty focused field, identical files."""
    window, session = _unlocked_window(window_for, journal, files)
    window.lock_now()
    before = folder_hashes(files.folder)
    _unlock(qtbot, window, "not my passphrase")
    panel: UnlockPanel = window.unlock_panel
    assert not session.is_unlocked
    assert "didn't open" in panel.error.text()
    assert panel.passphrase.text() == ""
    assert panel.passphrase.hasFocus()
    assert folder_hashes(files.folder) == before
    _unlock(qtbot, window)
    assert session.is_unlocked


def test_recovery_key_on_the_lock_screen_sets_a_new_passphrase(qtbot, window_for, files):
    """ "I forgot": the recovery key and a new passphrase unlock the journal."""
    from recovery_desktop.data.journal import create_journal, new_recovery_key

    key = new_recovery_key()
    window, session = _unlocked_window(window_for, create_journal(files, PASSPHRASE, key), files)
    window.lock_now()
    panel = window.unlock_panel
    panel._show(panel.RECOVERY)
    qtbot.keyClicks(panel.recovery_key, key.lower())
    qtbot.keyClicks(panel.new_passphrase.first, "my fresh start phrase")
    qtbot.keyClicks(panel.new_passphrase.second, "my fresh start phrase")
    panel.unlock_with_recovery_key()
    assert session.is_unlocked
    window.lock_now()
    _unlock(qtbot, window, "my fresh start phrase")
    assert session.is_unlocked


def test_unprotected_journal_lock_screen_offers_open(qtbot, window_for, plain_journal, files):
    """Without a passphrase the lock screen says so and opens with one button."""
    window, session = _unlocked_window(window_for, plain_journal, files)
    window.lock_now()
    panel = window.unlock_panel
    assert panel.stack.currentIndex() == panel.UNPROTECTED
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert session.is_unlocked


def test_tab_on_the_lock_screen_follows_the_screen(qtbot, window_for, journal, files):
    """Passphrase, Show passphrase, the recovery-key link, Unlock, then Get help now."""
    from PySide6.QtWidgets import QApplication, QPushButton

    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    window.lock_now()
    panel = window.unlock_panel
    panel.passphrase.setFocus()
    qtbot.waitUntil(panel.passphrase.hasFocus)
    seen = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    help_button = panel.findChild(QPushButton, "helpButton")
    assert seen == [
        panel.reveal,
        panel.forgot_button,
        panel.unlock_button,
        help_button,
        panel.passphrase,
    ]


def test_unlocking_returns_to_the_page_open_at_the_lock(qtbot, window_for, journal, files):
    """The user keeps their place: the page open when the journal locked opens again."""
    window, _session = _unlocked_window(window_for, journal, files)
    window.workspace.open_page("Journal")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace is None
    _unlock(qtbot, window)
    QApplication.processEvents()
    assert window.workspace.nav.currentItem().text() == "Journal"
    assert window.workspace.stack.currentWidget().isVisible()
    assert window.workspace.stack.currentWidget() is window.workspace.open_page("Journal")
    assert window.workspace.built(0) is None  # Today was not built on the way
    window.workspace.open_page("Today")
    window.lock_now()
    _unlock(qtbot, window)
    assert window.workspace.nav.currentItem().text() == "Today"
