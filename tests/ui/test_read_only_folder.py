"""A journal folder that turns read-only is met calmly by the app: at start a message box,
on unlock a message under the passphrase, never a crash dialog."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from recovery_desktop.ui.app import run_gui
from recovery_desktop.ui.session import Session
from tests.conftest import PASSPHRASE, folder_hashes
from tests.read_only import read_only

READ_ONLY = "The journal's folder cannot be written to (a read-only disk, or no permission)"


def test_starting_on_a_read_only_folder_says_so(journal, files, monkeypatch):
    """The app shows one calm message, changes nothing and exits 1."""
    journal.close()
    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: messages.append(text))
    before = folder_hashes(files.folder)
    with read_only(files.folder):
        assert run_gui(files.folder) == 1
    assert len(messages) == 1 and messages[0].startswith(READ_ONLY)
    assert folder_hashes(files.folder) == before


def test_unlocking_on_a_folder_turned_read_only_says_so(qtbot, window_for, journal, files):
    """The disk became read-only while the app was locked: unlocking shows why it could
    not open the journal, and the window stays on the lock screen."""
    journal.close()
    session = Session(files)
    window = window_for(session)
    panel = window.unlock_panel
    with read_only(files.folder):
        qtbot.keyClicks(panel.passphrase, PASSPHRASE)
        qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)
    assert not session.is_unlocked
    assert panel.error.text().startswith(READ_ONLY)
