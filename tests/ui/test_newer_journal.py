"""The app refuses a journal saved by a newer version: a calm message, nothing written."""

from PySide6.QtWidgets import QApplication, QMessageBox

from recovery_desktop.ui import crash
from recovery_desktop.ui.app import run_gui
from recovery_desktop.ui.session import Session
from tests.conftest import PASSPHRASE, folder_hashes
from tests.newer_journal import make_newer_journal
from tests.ui.test_lock import _unlock

MESSAGE = "This journal was saved by a newer version of Recovery Desktop; please update"


def test_the_lock_screen_says_so_and_stays_locked(qtbot, window_for, files):
    """The right passphrase on a newer journal: the lock screen says to update, the
    journal stays closed and every file is as it was."""
    make_newer_journal(files, PASSPHRASE)
    session = Session(files)
    window = window_for(session)
    before = folder_hashes(files.folder)
    _unlock(qtbot, window)
    assert not session.is_unlocked
    assert MESSAGE in window.unlock_panel.error.text()
    assert folder_hashes(files.folder) == before


def test_the_recovery_key_view_says_so_and_keeps_the_old_passphrase(qtbot, window_for, files):
    """ "I forgot" with the recovery key: refused before a new passphrase is written."""
    key = make_newer_journal(files, PASSPHRASE)
    session = Session(files)
    window = window_for(session)
    panel = window.unlock_panel
    panel._show(panel.RECOVERY)
    before = folder_hashes(files.folder)
    qtbot.keyClicks(panel.recovery_key, key)
    qtbot.keyClicks(panel.new_passphrase.first, "my fresh start phrase")
    qtbot.keyClicks(panel.new_passphrase.second, "my fresh start phrase")
    panel.unlock_with_recovery_key()
    assert not session.is_unlocked
    assert MESSAGE in panel.recovery_error.text()
    assert folder_hashes(files.folder) == before


def test_starting_on_a_newer_journal_without_a_passphrase_says_so(files, monkeypatch):
    """A journal without a passphrase opens at start: instead, a message and exit code 1;
    nothing written but the instance lock file."""
    make_newer_journal(files, None)
    monkeypatch.setattr(crash, "install", lambda _folder: None)
    monkeypatch.setattr(QApplication, "exec", lambda _app: 0)  # a window would end at once
    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: messages.append(text))
    before = folder_hashes(files.folder)
    assert run_gui(files.folder) == 1
    after = folder_hashes(files.folder)
    after.pop("journal.lock", None)
    assert after == before
    assert MESSAGE in messages[0]
