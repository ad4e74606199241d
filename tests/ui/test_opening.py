"""Starting on a half-created journal, and being told about entries a crash cost."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from recovery_desktop.data.journal import create_journal, open_unprotected
from recovery_desktop.ui import crash
from recovery_desktop.ui.app import run_gui, show_opening_notes
from recovery_desktop.ui.dialogs.key_wizards import KeyWizard
from recovery_desktop.ui.dialogs.opening_boxes import FRESH_START_TEXT
from recovery_desktop.ui.session import Session
from tests import children
from tests.ui.modal import stop_watching, when_shown  # noqa: F401 (an autouse fixture)


def _half_created(files):
    """What an older version left when killed while creating: journal.db, no keys.json."""
    create_journal(files, None).close()
    files.keys.unlink()
    return files.database.read_bytes()


def _click(label: str):
    def act(box):
        [button] = [b for b in box.buttons() if label in b.text().replace("&", "")]
        button.click()

    return act


def _start(monkeypatch, files) -> int:
    monkeypatch.setattr(crash, "install", lambda _folder: None)
    return run_gui(files.folder)


def test_a_half_created_journal_is_offered_a_fresh_start(qtbot, files, monkeypatch):
    """ "Start again" moves the unfinished files aside, byte for byte, and the first-run
    wizard opens."""
    left = _half_created(files)
    asked = when_shown(QMessageBox, _click("Start again"))
    wizard = when_shown(KeyWizard, lambda _w: None)  # then closed, as if cancelled
    assert _start(monkeypatch, files) == 0
    assert FRESH_START_TEXT in asked[0].text()
    assert wizard
    [aside] = files.folder.glob("set-aside-*")
    assert (aside / "journal.db").read_bytes() == left
    assert not files.exists()


def test_closing_the_fresh_start_question_moves_nothing(qtbot, files, monkeypatch):
    """ "Close" ends the app and leaves the files where they are."""
    left = _half_created(files)
    when_shown(QMessageBox, _click("Close"))
    assert _start(monkeypatch, files) == 0
    assert files.database.read_bytes() == left
    assert not list(files.folder.glob("set-aside-*"))


def test_entries_lost_to_a_damaged_wal_are_told_over_the_window(qtbot, window_for, files):
    """The journal opens; a warning over the window says where the copy is kept."""
    children.crash_after_saves(files, 40)
    children.flip_wal_frame(files, 10)
    crashed = files
    session = Session(crashed)
    session.adopt(open_unprotected(crashed))
    window = window_for(session)
    show_opening_notes(window, session)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert "Some of the most recent entries could not be read" in box.text()
    assert "kept-after-crash-" in box.text()
    box.accept()
    show_opening_notes(window, session)  # told once
    assert QApplication.activeModalWidget() is None
    session.lock()
