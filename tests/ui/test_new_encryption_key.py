"""Settings → "New encryption key…": the current passphrase, a different new one, a new
recovery key typed back in part; then the journal and its backups move to a new key."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWizard

from recovery_desktop.data.errors import WrongPassphrase
from recovery_desktop.data.journal import open_with_passphrase, open_with_recovery_key
from recovery_desktop.domain import recovery_key as rk
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.ui.dialogs.key_wizards import KeyWizard
from recovery_desktop.ui.dialogs.new_key_wizard import SAME_PASSPHRASE
from recovery_desktop.ui.pages.settings.page import SettingsPage
from tests.conftest import PASSPHRASE
from tests.data.test_key_copies import backup_pairs, checkins_read_with

NEW = "a different passphrase now"


@pytest.fixture
def told(monkeypatch):
    """Information boxes, recorded instead of shown."""
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[1:3]))
    return shown


def type_and_enter(qtbot, wizard, text):
    """Type into the field that has the focus, as a user does, then press Enter."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClicks(QApplication.focusWidget(), text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def test_the_wizard_moves_journal_and_backups_to_a_new_key(
    qtbot, journal, files, told, monkeypatch
):
    """Wrong current passphrase: refused. The same passphrase again: refused. Then a new
    passphrase and the new recovery key work, and the old key reads nothing."""
    journal.checkins.save(CheckIn(date(2026, 3, 1), mood=5))
    journal.backup("before-upgrade")
    old_key = journal._key
    page = SettingsPage(journal)
    qtbot.addWidget(page)
    page.show()
    assert page.new_key_button.isVisible()
    seen = {}

    def run(wizard: KeyWizard) -> int:
        seen["wizard"] = wizard
        wizard.show()
        qtbot.waitUntil(wizard.isActiveWindow)
        first = wizard.currentPage()
        assert "USB stick" in " ".join(label.text() for label in first.findChildren(QLabel))
        type_and_enter(qtbot, wizard, "not my passphrase")
        assert wizard.currentPage() is first and "didn't open" in first.error.text()
        type_and_enter(qtbot, wizard, PASSPHRASE)
        chooser = wizard.currentPage()
        assert chooser is not first
        qtbot.keyClicks(chooser.form.first, PASSPHRASE)
        qtbot.keyClicks(chooser.form.second, PASSPHRASE)
        qtbot.keyClick(chooser.form.second, Qt.Key.Key_Return)
        assert wizard.currentPage() is chooser
        assert chooser.form.error.text() == SAME_PASSPHRASE
        chooser.form.clear()
        qtbot.keyClicks(chooser.form.first, NEW)
        qtbot.keyClicks(chooser.form.second, NEW)
        qtbot.keyClick(chooser.form.second, Qt.Key.Key_Return)
        shown = wizard.currentPage()
        assert shown.view.key_label.text() == wizard.recovery_key
        wizard.next()
        confirm = wizard.currentPage()
        groups = rk.groups(wizard.recovery_key)
        for edit, index in zip(confirm.confirm.edits, confirm.confirm.asked_groups, strict=True):
            qtbot.keyClicks(edit, groups[index].lower())
        assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
        qtbot.keyClick(confirm.confirm.edits[-1], Qt.Key.Key_Return)
        return wizard.result()

    monkeypatch.setattr(KeyWizard, "exec", run)
    page.new_encryption_key()
    assert told and told[-1][0] == "New encryption key"
    recovery = seen["wizard"].recovery_key
    journal.checkins.save(CheckIn(date(2026, 3, 2), mood=6))
    journal.close()
    assert checkins_read_with(files.database, old_key) is None
    for database, _copy in backup_pairs(files):
        assert checkins_read_with(database, old_key) is None
    with pytest.raises(WrongPassphrase):
        open_with_passphrase(files, PASSPHRASE)
    open_with_passphrase(files, NEW).close()
    open_with_recovery_key(files, recovery, "after forgetting it").close()


def test_stopping_the_wizard_changes_nothing(qtbot, journal, files, monkeypatch):
    """Cancel before Finish: keys.json and the database keep their key."""
    before = files.keys.read_bytes()
    page = SettingsPage(journal)
    qtbot.addWidget(page)

    def run(wizard: KeyWizard) -> int:
        wizard.show()
        wizard.done(0)
        return wizard.result()

    monkeypatch.setattr(KeyWizard, "exec", run)
    page.new_encryption_key()
    assert files.keys.read_bytes() == before


def test_settings_says_when_a_backup_had_to_go(qtbot, plain_journal, files, told, monkeypatch):
    """Adding a passphrase with a damaged backup: the message says one backup was removed."""
    plain_journal.backup("before-upgrade")
    [(database, _copy)] = backup_pairs(files)
    database.write_bytes(b"\0" * 4096)
    page = SettingsPage(plain_journal)
    qtbot.addWidget(page)

    def run(wizard: KeyWizard) -> int:
        wizard.show()
        form = wizard.currentPage().form
        qtbot.keyClicks(form.first, NEW)
        qtbot.keyClicks(form.second, NEW)
        wizard.next()
        wizard.next()
        groups = rk.groups(wizard.recovery_key)
        confirm = wizard.currentPage().confirm
        for edit, index in zip(confirm.edits, confirm.asked_groups, strict=True):
            qtbot.keyClicks(edit, groups[index])
        wizard.accept()
        return wizard.result()

    monkeypatch.setattr(KeyWizard, "exec", run)
    page.add_passphrase()
    assert told[-1][0] == "Journal protected"
    assert "1 backup could not be re-encrypted" in told[-1][1]
    assert "was removed" in told[-1][1]
    assert not database.exists()
