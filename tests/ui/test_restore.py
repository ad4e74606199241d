"""Restore from Settings, and the damaged-journal screen at start: what a user sees and
that the restored entries are what every page shows."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
)

from recovery_desktop.data.backup_files import list_backups, parse_backup
from recovery_desktop.data.backup_place import choose_folder
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.ui.app import _open_session
from recovery_desktop.ui.dialogs.backup_secret import BackupSecretDialog
from recovery_desktop.ui.dialogs.backup_viewer import BackupViewer
from recovery_desktop.ui.dialogs.restore_dialog import NO_BACKUPS, RestoreDialog, restore_dialog
from recovery_desktop.ui.pages.cravings import CravingsPage
from recovery_desktop.ui.pages.settings.page import SettingsPage
from recovery_desktop.ui.pages.today.page import TodayPage
from recovery_desktop.ui.session import Session
from tests.conftest import PASSPHRASE, folder_hashes
from tests.ui.modal import stop_watching, when_shown

__all__ = ["stop_watching"]

TODAY = date.today()
EARLIER = TODAY - timedelta(days=3)


def _backed_up_then_changed(journal):
    """A check-in and a craving in the backup; today's check-in and craving after it."""
    journal.checkins.save(CheckIn(EARLIER, mood=3, note="kept in the backup"))
    journal.cravings.save(Craving(None, datetime.combine(EARLIER, datetime.min.time()), 6))
    journal.backup("manual")
    journal.checkins.save(CheckIn(TODAY, mood=8, note="written after the backup"))
    journal.cravings.save(Craving(None, datetime.now().replace(microsecond=0), 2))


def _click(box: QMessageBox, text: str) -> None:
    [button] = [b for b in box.buttons() if b.text() == text]
    button.click()


def _texts(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def _today_note(window) -> str:
    return window.workspace.page(TodayPage).form.note.toPlainText()


def _cravings_shown(window) -> int:
    return window.workspace.page(CravingsPage).model.rowCount()


def test_restore_from_settings_brings_the_backup_back_on_every_page(
    qtbot, window_for, journal, files
):
    _backed_up_then_changed(journal)
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    assert _today_note(window) == "written after the backup"
    assert _cravings_shown(window) == 2
    settings = window.workspace.page(SettingsPage)
    asked, told = [], []

    def confirm(box):
        asked.append(box.text())
        when_shown(QMessageBox, lambda info: told.append(info.text()))
        _click(box, "&Restore")

    def choose(dialog):
        assert dialog.list.count() == 1
        assert "1 check-in, 1 craving" in dialog.list.item(0).text()
        when_shown(QMessageBox, confirm)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    when_shown(RestoreDialog, choose)
    settings.choose_backup()

    qtbot.waitUntil(lambda: bool(told))
    assert "Nothing is deleted" in asked[0] and "before a restore" in asked[0]
    assert "will not be in the restored journal" in asked[0]
    assert session.journal is not None and session.journal is not journal
    assert _today_note(window) == ""
    assert _cravings_shown(window) == 1
    assert session.journal.checkins.get(EARLIER).note == "kept in the backup"
    [replaced] = [p for p in files.folder.iterdir() if p.name.startswith("replaced-")]
    assert str(replaced) in told[0]
    # The journal as it was is backed up first (rotation keeps the newest of a day, so the
    # backup restored from, now the journal itself, may have made room for it).
    assert list_backups(files.backups)[-1].reason == "before-restore"


def test_look_inside_is_read_only_and_titled_with_the_backup_date(
    qtbot, window_for, journal, files
):
    _backed_up_then_changed(journal)
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    before = folder_hashes(files.backups)
    seen = []

    def look(viewer):
        seen.append(viewer)
        assert viewer.windowTitle().startswith("Backup from ")
        assert viewer.windowTitle().endswith("(read-only)")
        texts = " ".join(label.text() for label in viewer.findChildren(QLabel))
        assert "kept in the backup" in texts
        assert "written after the backup" not in texts
        assert "1 check-in, 1 craving" in texts
        assert not [
            e for kind in (QLineEdit, QPlainTextEdit, QTextEdit) for e in viewer.findChildren(kind)
        ]
        assert [w.text() for w in viewer.findChildren(QPushButton)] == ["Close"]

    def choose(dialog):
        when_shown(BackupViewer, look)
        dialog.look_inside()

    when_shown(RestoreDialog, choose)
    window.workspace.page(SettingsPage).choose_backup()
    qtbot.waitUntil(lambda: bool(seen))
    assert folder_hashes(files.backups) == before
    assert session.journal is journal


def _damage_first_page(files) -> None:
    data = bytearray(files.database.read_bytes())
    data[2000] ^= 0x5A
    files.database.write_bytes(bytes(data))


def _damage_the_middle(files) -> None:
    """One flipped byte in the middle of journal.db (a page other than the first)."""
    data = bytearray(files.database.read_bytes())
    assert len(data) >= 3 * 4096
    data[len(data) // 2] ^= 0x5A
    files.database.write_bytes(bytes(data))


def test_a_damaged_journal_shows_the_calm_screen_and_restores_the_newest_backup(
    qtbot, window_for, journal, files
):
    _backed_up_then_changed(journal)
    journal.close()
    _damage_the_middle(files)
    damaged = files.database.read_bytes()

    session = _open_session(files)
    window = window_for(session)
    qtbot.keyClicks(window.unlock_panel.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_panel.passphrase, Qt.Key.Key_Return)

    panel = window.damaged_panel
    assert window.stack.currentWidget() is panel
    assert "The newest backup is from" in panel.offer.text()
    assert "Anything written after it is not in it" in panel.offer.text()
    assert str(files.folder) in panel.kept.text()
    assert files.database.read_bytes() == damaged
    confirmed, told = [], []

    def confirm(box):
        confirmed.append(box.text())
        when_shown(QMessageBox, lambda info: told.append(info.text()))
        _click(box, "&Restore")

    def unlock(dialog):
        when_shown(QMessageBox, confirm)
        qtbot.keyClicks(dialog.secret, PASSPHRASE)
        qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)

    when_shown(BackupSecretDialog, unlock)
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: bool(told))
    assert "Nothing is deleted" in confirmed[0]
    assert _today_note(window) == ""
    assert _cravings_shown(window) == 1
    [replaced] = [p for p in files.folder.iterdir() if p.name.startswith("replaced-")]
    assert (replaced / "journal.db").read_bytes() == damaged
    assert str(replaced) in told[0]


def test_a_damaged_unprotected_journal_shows_the_screen_at_start(
    qtbot, window_for, plain_journal, files
):
    _backed_up_then_changed(plain_journal)
    plain_journal.close()
    _damage_first_page(files)

    window = window_for(_open_session(files))

    assert window.stack.currentWidget() is window.damaged_panel
    assert window.damaged_panel.restore_button.isVisible()
    assert window.damaged_panel.new_button.isHidden()


def test_a_damaged_journal_without_backups_offers_a_new_journal_beside_it(
    qtbot, window_for, plain_journal, files
):
    plain_journal.checkins.save(CheckIn(EARLIER, mood=3))
    plain_journal.close()
    _damage_the_middle(files)
    before = files.database.read_bytes()

    window = window_for(_open_session(files))

    panel = window.damaged_panel
    assert window.stack.currentWidget() is panel
    assert "There is no backup" in panel.offer.text()
    assert panel.new_button.isVisible() and panel.restore_button.isHidden()
    assert files.database.read_bytes() == before


def test_the_restore_list_works_from_the_keyboard(qtbot, journal, files):
    journal.checkins.save(CheckIn(EARLIER, mood=3))
    journal.backup("before-upgrade")  # kept by rotation beside the newest of the day
    journal.checkins.save(CheckIn(TODAY, mood=8))
    journal.backup("on-close")
    dialog = restore_dialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.list.hasFocus)
    assert "when the app closed" in dialog.list.item(0).text()  # newest first
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    assert dialog.current().reason == "before-upgrade"
    seen = []
    when_shown(BackupViewer, lambda viewer: seen.append(viewer.windowTitle()))
    qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(seen))
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)  # the viewer closed
    dialog.activateWindow()  # the offscreen platform does not hand activation back
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    when_shown(QMessageBox, lambda box: seen.append(box.defaultButton().text()))
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen[1] == "Cancel"  # the safe answer is the default
    assert dialog.isVisible() and dialog.chosen is None


def test_a_damaged_newest_backup_is_passed_over_for_the_next_good_one_and_said_so(
    qtbot, window_for, plain_journal, files
):
    plain_journal.checkins.save(CheckIn(EARLIER, mood=3, note="in the older backup"))
    plain_journal.backup("before-upgrade")  # kept by rotation beside the newest of the day
    plain_journal.checkins.save(CheckIn(TODAY, mood=8))
    newest = plain_journal.backup("on-close")
    plain_journal.close()
    _damage_first_page(files)
    data = bytearray(newest.read_bytes())
    data[len(data) // 2] ^= 0x5A
    newest.write_bytes(bytes(data))

    window = window_for(_open_session(files))
    confirmed, told = [], []

    def confirm(box):
        confirmed.append(box.text())
        when_shown(QMessageBox, lambda info: told.append(info.text()))
        _click(box, "&Restore")

    when_shown(QMessageBox, confirm)
    qtbot.mouseClick(window.damaged_panel.restore_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: bool(told))
    assert "could not be used" in confirmed[0]
    journal = window.session.journal
    assert [c.day for c in journal.checkins.between(date.min, date.max)] == [EARLIER]
    assert newest.exists()  # the damaged backup is left alone too


def test_the_restore_button_has_a_key_of_its_own_on_settings(qtbot, window_for, journal, files):
    """Alt+B was both "Back up now" and "Restore from a backup…": one of them never ran."""
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    settings = window.workspace.page(SettingsPage)
    keys = [
        b.text().lower().split("&")[1][0]
        for b in settings.findChildren(QPushButton)
        if "&" in b.text() and b.isVisibleTo(settings)
    ]
    [restore] = [b for b in settings.findChildren(QPushButton) if "store from a backup" in b.text()]
    mine = restore.text().lower().split("&")[1][0]
    assert keys.count(mine) == 1


def test_the_restore_list_shows_backups_of_both_folders_newest_first(qtbot, journal, tmp_path):
    """Another folder was chosen: the backups left in the usual folder are still offered."""
    journal.checkins.save(CheckIn(EARLIER, mood=3))
    journal.backup("manual")
    stick = tmp_path / "stick"
    stick.mkdir()
    choose_folder(journal.files.folder, stick)
    journal.backup("on-close")
    dialog = restore_dialog(journal)
    qtbot.addWidget(dialog)
    assert [b.reason for b in dialog.backups] == ["on-close", "manual"]
    assert dialog.list.count() == 2 and NO_BACKUPS not in _texts(dialog)
    shutil.rmtree(stick)  # the drive is unplugged: the usual folder's backup is still there
    dialog = restore_dialog(journal)
    qtbot.addWidget(dialog)
    assert [b.reason for b in dialog.backups] == ["manual"]


def test_the_restore_list_starts_on_the_newest_good_backup(qtbot, plain_journal):
    plain_journal.checkins.save(CheckIn(EARLIER, mood=3))
    plain_journal.backup("before-upgrade")
    newest = plain_journal.backup("on-close")
    data = bytearray(newest.read_bytes())
    data[len(data) // 2] ^= 0x5A
    newest.write_bytes(bytes(data))
    dialog = restore_dialog(plain_journal)
    qtbot.addWidget(dialog)
    assert dialog.backups[0].path == newest  # still listed first, marked unusable
    assert dialog.current().reason == "before-upgrade"
    assert dialog.restore_button.isEnabled()


def test_two_backups_of_one_minute_show_different_times(qtbot, plain_journal):
    made = plain_journal.backup("manual")
    folder = made.parent
    for seconds, number, reason in ((2, 1, "manual"), (42, 2, "before-upgrade")):
        name = f"20261130T0615{seconds:02d}Z-{number:06d}-{reason}"
        shutil.copyfile(made, folder / f"journal-{name}.db")
        shutil.copyfile(parse_backup(made).keys_path, folder / f"keys-{name}.json")
    made.unlink()
    parse_backup(made).keys_path.unlink()
    dialog = restore_dialog(plain_journal)
    qtbot.addWidget(dialog)
    first, second = (dialog.list.item(row).text().split("\n")[0] for row in range(2))
    assert first != second
