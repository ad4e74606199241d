"""The composition root: start-up paths a user meets before the main window."""

from PySide6.QtWidgets import QMessageBox

from recovery_desktop.data.instance_lock import InstanceLock
from recovery_desktop.ui.app import run_gui
from tests.conftest import folder_hashes


def test_a_second_copy_says_so_and_touches_nothing(journal, files, monkeypatch):
    """While the journal is open elsewhere, starting again shows a message and exits 1."""
    journal.close()
    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: messages.append(text))
    with InstanceLock(files.lock):
        before = folder_hashes(files.folder)
        assert run_gui(files.folder) == 1
        assert folder_hashes(files.folder) == before
    assert "already open" in messages[0]
