"""Automatic backups in the app, and the Backups part of Settings."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QLineEdit, QPushButton

from recovery_desktop.data.backup_files import list_backups
from recovery_desktop.data.backup_place import choose_folder
from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.ui.pages.settings.page import SettingsPage
from recovery_desktop.ui.session import Session
from tests.conftest import PASSPHRASE
from tests.ui.modal import stop_watching, when_shown  # noqa: F401 - stop_watching: fixture

CANARY = "canary-7f3e backup note"


def _window(window_for, journal, files):
    session = Session(files)
    session.adopt(journal)
    return window_for(session), session


def _log_here(monkeypatch, tmp_path):
    monkeypatch.setattr("platformdirs.user_log_dir", lambda *_a, **_k: str(tmp_path / "log"))
    return tmp_path / "log" / "errors.log"


def test_closing_the_app_takes_a_backup_with_everything_saved(
    qtbot, journal, files, window_for, monkeypatch, tmp_path
):
    """What was saved before closing is in the backup made while closing."""
    _log_here(monkeypatch, tmp_path)
    journal.checkins.save(CheckIn(day=date.today(), mood=6, note="kept"))
    window, session = _window(window_for, journal, files)
    window.close()
    assert not session.is_unlocked
    [backup] = list_backups(files.backups)
    assert backup.reason == "on-close"
    copy = open_with_passphrase(files, PASSPHRASE)  # the live journal still opens
    copy.close()


def test_a_failed_backup_on_closing_still_closes_and_is_shown_next_time(
    qtbot, journal, files, window_for, monkeypatch, tmp_path
):
    """The backup drive is unplugged: the app closes all the same, errors.log says a
    backup failed without any content, and Settings says so after the next unlock."""
    log = _log_here(monkeypatch, tmp_path)
    stick = tmp_path / "stick"
    stick.mkdir()
    choose_folder(files.folder, stick)
    stick.rmdir()
    journal.checkins.save(CheckIn(day=date.today(), mood=6, note=CANARY))
    window, session = _window(window_for, journal, files)
    window.close()
    assert not session.is_unlocked and not window.isVisible()
    logged = log.read_text()
    assert "automatic backup: on-close" in logged
    assert CANARY not in logged and "canary" not in logged
    reopened = open_with_passphrase(files, PASSPHRASE)
    page = SettingsPage(reopened)
    qtbot.addWidget(page)
    assert page.backups.failure.text().startswith("The last automatic backup failed (")
    assert f"The backup folder {stick} is not there" in page.backups.failure.text()
    assert page.backups.summary.text() == (
        "This folder is not there right now (is the drive plugged in?)."
    )
    # Back the drive comes: "Back up now" works and the failure is old news.
    stick.mkdir()
    qtbot.mouseClick(page.backups.now_button, Qt.MouseButton.LeftButton)
    assert page.backups.failure.isHidden()
    assert page.backups.summary.text().startswith("1 backup here; the newest is from ")
    reopened.close()


def test_back_up_now_and_the_count(qtbot, journal):
    """Settings shows the folder and no backups; "Back up now" makes one and says so."""
    page = SettingsPage(journal)
    qtbot.addWidget(page)
    box = page.backups
    assert box.folder_label.text() == f"Backups go to {journal.files.backups}"
    assert box.summary.text() == "There are no backups in this folder yet."
    qtbot.mouseClick(box.now_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(box.now_button, Qt.MouseButton.LeftButton)
    [newest] = list_backups(journal.files.backups)  # one day: the policy keeps the newest
    assert box.status.text() == f"Backed up: {newest.path.name}"
    assert box.summary.text().startswith("1 backup here; the newest is from ")
    assert box.failure.isHidden()


def choose_folder_in_dialog(folder) -> None:
    """In the next file dialog, go to ``folder`` and press Enter with no name typed."""

    def act(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(folder))
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        edit.clear()
        QTest.keyClick(edit, Qt.Key.Key_Return)

    when_shown(QFileDialog, act)


def test_choosing_another_backup_folder(qtbot, journal, tmp_path):
    """The chosen folder takes the next backup; the status says the old ones stay; the
    journal's own folder is refused and nothing changes."""
    journal.backup("manual")
    old = journal.files.backups
    stick = tmp_path / "stick"
    stick.mkdir()
    page = SettingsPage(journal)
    qtbot.addWidget(page)
    box = page.backups
    assert box.default_button.isHidden()
    choose_folder_in_dialog(journal.files.folder)
    box.choose()
    assert box.status.text().startswith("Not changed: That folder is the journal's own folder")
    assert journal.files.backups == old
    choose_folder_in_dialog(stick)
    box.choose()
    assert box.folder_label.text() == f"Backups go to {stick.resolve()}"
    assert box.status.text() == (
        f"The next backup goes to {stick.resolve()}. Backups already made stay in {old}."
    )
    assert not box.default_button.isHidden()
    assert box.summary.text() == (
        "There are no backups in this folder yet. 1 older backup stays in the usual folder "
        f"{old}, and can be restored too."
    )
    qtbot.mouseClick(box.now_button, Qt.MouseButton.LeftButton)
    assert len(list_backups(stick)) == 1 and len(list_backups(old)) == 1
    qtbot.mouseClick(box.default_button, Qt.MouseButton.LeftButton)
    assert journal.files.backups == old


def test_locking_backs_up_once_a_day(qtbot, journal, files, window_for, monkeypatch, tmp_path):
    """The first lock of the day takes a backup; a second lock the same day does not."""
    _log_here(monkeypatch, tmp_path)
    window, session = _window(window_for, journal, files)
    window.lock_now()
    [first] = list_backups(files.backups)
    assert first.reason == "daily"
    session.unlock(PASSPHRASE)
    window.lock_now()
    assert list_backups(files.backups) == [first]


def test_backups_already_made_are_mentioned_only_when_there_are_some(qtbot, journal, tmp_path):
    """No backup was ever made in the usual folder: the status does not claim that
    backups stay there."""
    stick = tmp_path / "stick"
    stick.mkdir()
    page = SettingsPage(journal)
    qtbot.addWidget(page)
    page.backups.use_folder(stick)
    assert page.backups.status.text() == f"The next backup goes to {stick.resolve()}."
    assert page.backups.summary.text() == "There are no backups in this folder yet."


def test_open_backup_folder_says_so_when_no_file_manager_opens(qtbot, journal, monkeypatch):
    journal.backup("manual")
    opened = []
    monkeypatch.setattr(
        "PySide6.QtGui.QDesktopServices.openUrl", lambda url: opened.append(url) or False
    )
    page = SettingsPage(journal)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.backups.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    assert page.backups.status.text() == (
        f"No file manager could be opened. The backup folder is {journal.files.backups}."
    )


def test_the_backups_part_is_read_again_when_settings_is_shown(qtbot, journal):
    """A backup taken (and rotated) elsewhere, such as by an import, shows up as soon as
    Settings is shown again."""
    page = SettingsPage(journal)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.backups.summary.text() == "There are no backups in this folder yet."
    page.hide()
    journal.backup("before-import")
    page.show()
    qtbot.waitUntil(lambda: page.backups.summary.text().startswith("1 backup here"))


def test_open_journal_folder_says_so_when_no_file_manager_opens(qtbot, journal, monkeypatch):
    """The same silent button lived in "Where your journal lives"."""
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: False)
    page = SettingsPage(journal)
    qtbot.addWidget(page)
    [button] = [b for b in page.findChildren(QPushButton) if b.text() == "&Open folder"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.folder_status.text() == (
        f"No file manager could be opened. The journal's folder is {journal.files.folder}."
    )
