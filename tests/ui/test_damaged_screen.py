"""The damaged-journal screen: backups of both folders, a missing backup drive, the new
passphrase of "I forgot my passphrase", one passphrase question, and the truth after
"Start a new journal" is stopped half-way."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from recovery_desktop.data.backup_files import parse_backup
from recovery_desktop.data.backup_place import choose_folder
from recovery_desktop.data.errors import JournalDamaged
from recovery_desktop.data.journal import create_journal, new_recovery_key
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.ui.app import _open_session
from recovery_desktop.ui.dialogs.backup_secret import BackupSecretDialog
from recovery_desktop.ui.dialogs.backup_viewer import BackupViewer
from recovery_desktop.ui.dialogs.restore_dialog import RestoreDialog
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.widgets import damaged_panel
from recovery_desktop.ui.widgets.damaged_panel import PASSPHRASE_NOT_SET, loss_sentence
from tests.conftest import PASSPHRASE
from tests.ui.modal import stop_watching, when_shown

__all__ = ["stop_watching"]

EARLIER = date.today() - timedelta(days=3)


def _damage(files) -> None:
    data = bytearray(files.database.read_bytes())
    data[len(data) // 2] ^= 0x5A
    files.database.write_bytes(bytes(data))


def _backed_up(journal) -> None:
    journal.checkins.save(CheckIn(EARLIER, mood=3, note="kept"))
    journal.backup("manual")


def test_backups_in_the_usual_folder_are_offered_and_a_missing_drive_is_named(
    qtbot, window_for, plain_journal, files, tmp_path
):
    """Another folder was chosen, then its drive unplugged: the screen says the folder is
    not there and still offers the backup in the usual folder (it said "There is no
    backup of this journal yet… start a new, empty journal")."""
    _backed_up(plain_journal)
    stick = tmp_path / "stick"
    stick.mkdir()
    choose_folder(files.folder, stick)
    plain_journal.backup("on-close")
    plain_journal.close()
    _damage(files)
    shutil.rmtree(stick)

    window = window_for(_open_session(files))

    panel = window.damaged_panel
    assert window.stack.currentWidget() is panel
    offer = panel.offer.text()
    assert f"The backup folder {stick.resolve()} is not there — is the drive plugged in?" in offer
    assert "The newest backup is from" in offer and "There is no backup" not in offer
    assert [b.reason for b in panel.backups] == ["manual"]
    assert panel.restore_button.isVisible() and panel.new_button.isHidden()


def test_backups_of_both_folders_are_offered_when_the_drive_is_there(
    qtbot, window_for, plain_journal, files, tmp_path
):
    _backed_up(plain_journal)
    stick = tmp_path / "stick"
    stick.mkdir()
    choose_folder(files.folder, stick)
    plain_journal.backup("on-close")
    plain_journal.close()
    _damage(files)

    panel = window_for(_open_session(files)).damaged_panel

    assert [b.reason for b in panel.backups] == ["on-close", "manual"]
    assert "is not there" not in panel.offer.text()
    assert panel.choose_button.isEnabled()


def test_with_no_backup_anywhere_and_the_drive_missing_both_are_said(
    qtbot, window_for, plain_journal, files, tmp_path
):
    stick = tmp_path / "stick"
    stick.mkdir()
    choose_folder(files.folder, stick)
    plain_journal.checkins.save(CheckIn(EARLIER, mood=3))
    plain_journal.close()
    _damage(files)
    stick.rmdir()

    panel = window_for(_open_session(files)).damaged_panel

    assert "is not there — is the drive plugged in?" in panel.offer.text()
    assert "No other backup of this journal was found" in panel.offer.text()
    assert panel.new_button.isVisible()


def test_the_new_passphrase_not_set_is_said_after_i_forgot_my_passphrase(qtbot, window_for, files):
    key = new_recovery_key()
    journal = create_journal(files, PASSPHRASE, key)
    _backed_up(journal)
    journal.close()
    _damage(files)
    session = Session(files)
    window = window_for(session)

    with pytest.raises(JournalDamaged):
        session.unlock_with_recovery_key(key, "a brand new passphrase 42")

    panel = window.damaged_panel
    assert window.stack.currentWidget() is panel
    assert PASSPHRASE_NOT_SET in panel.problem.text()
    assert "Your new passphrase was not set" in PASSPHRASE_NOT_SET


def test_a_plain_unlock_says_nothing_about_a_new_passphrase(qtbot, window_for, journal, files):
    _backed_up(journal)
    journal.close()
    _damage(files)
    session = Session(files)
    window = window_for(session)
    with pytest.raises(JournalDamaged):
        session.unlock(PASSPHRASE)
    assert PASSPHRASE_NOT_SET not in window.damaged_panel.problem.text()


def test_the_passphrase_is_asked_once_for_the_life_of_the_screen(qtbot, window_for, journal, files):
    """Look inside, then choose another backup: one question, not one per button."""
    _backed_up(journal)
    journal.checkins.save(CheckIn(date.today(), mood=7))
    journal.backup("before-upgrade")
    journal.close()
    _damage(files)
    session = Session(files)
    window = window_for(session)
    with pytest.raises(JournalDamaged):
        session.unlock(PASSPHRASE)
    panel = window.damaged_panel
    asked, seen = [], []

    def unlock(dialog):
        asked.append(dialog)
        qtbot.keyClicks(dialog.secret, PASSPHRASE)
        qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)

    when_shown(BackupSecretDialog, unlock)
    when_shown(BackupViewer, lambda viewer: (seen.append("viewer"), viewer.reject()))
    panel.look_inside()
    assert seen == ["viewer"] and len(asked) == 1
    when_shown(BackupSecretDialog, unlock)  # would be answered, and counted, if asked
    when_shown(RestoreDialog, lambda dialog: (seen.append("list"), dialog.reject()))
    panel.choose()
    assert seen == ["viewer", "list"]
    assert len(asked) == 1


def test_after_start_new_then_cancel_the_screen_says_the_files_were_moved(
    qtbot, window_for, plain_journal, files, monkeypatch
):
    plain_journal.checkins.save(CheckIn(EARLIER, mood=3))
    plain_journal.close()
    _damage(files)
    window = window_for(_open_session(files))
    panel = window.damaged_panel
    panel.start_new = lambda: None  # the set-up wizard was cancelled
    questions = []

    def move(box):
        questions.append(box.text())
        [go] = [b for b in box.buttons() if b.text() == "&Move them and start"]
        go.click()

    when_shown(QMessageBox, move)
    panel.start_fresh()
    [moved] = [p for p in files.folder.iterdir() if p.name.startswith("damaged-")]
    assert (moved / "journal.db").exists() and not files.database.exists()
    assert "can move the damaged files" not in panel.offer.text()
    assert f"The damaged files were moved, unchanged, into {moved}" in panel.offer.text()
    # Again: nothing is moved twice and no second question is asked.
    panel.start_fresh()
    assert len(questions) == 1
    assert [p for p in files.folder.iterdir() if p.name.startswith("damaged-")] == [moved]


def test_the_loss_sentence_never_says_about_less_than_a_minute(plain_journal):
    made = parse_backup(plain_journal.backup("manual"))
    assert made is not None
    text = loss_sentence(made, made.taken_at + timedelta(seconds=20))
    assert "about less than" not in text
    assert "less than a minute before the last change" in text
    later = loss_sentence(made, made.taken_at + timedelta(hours=2))
    assert "about 2 hours before the last change" in later
    assert damaged_panel.NO_BACKUP.startswith("There is no backup of this journal yet")
