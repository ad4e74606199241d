"""First run and Settings: passphrase, recovery key, auto-lock, where the journal lives."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from recovery_desktop.data.errors import WrongPassphrase
from recovery_desktop.data.journal import (
    open_unprotected,
    open_with_passphrase,
    open_with_recovery_key,
)
from recovery_desktop.domain import recovery_key as rk
from recovery_desktop.ui.dialogs.change_passphrase import ChangePassphraseDialog
from recovery_desktop.ui.dialogs.key_wizards import KeyWizard, add_passphrase_wizard, setup_wizard
from recovery_desktop.ui.pages.settings.page import SettingsPage
from recovery_desktop.ui.session import Session
from tests.conftest import PASSPHRASE
from tests.ui.conftest import wizard_at_privacy_choice


@pytest.fixture(autouse=True)
def no_modal_message_boxes(monkeypatch):
    """Information boxes would block a headless test; record them instead."""
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[1:3]))
    return shown


def _fill_passphrase_page(qtbot, wizard, passphrase):
    page = wizard.currentPage()
    qtbot.keyClicks(page.form.first, passphrase)
    qtbot.keyClicks(page.form.second, passphrase)
    wizard.next()


def _confirm_key(qtbot, wizard):
    page = wizard.currentPage()
    groups = rk.groups(wizard.recovery_key)
    for edit, index in zip(page.confirm.edits, page.confirm.asked_groups, strict=True):
        qtbot.keyClicks(edit, groups[index].lower())


def test_first_run_with_a_passphrase_shows_and_confirms_the_recovery_key(qtbot, files):
    """Welcome, passphrase, recovery key, typed back: the journal exists and is protected."""
    wizard, created = wizard_at_privacy_choice(qtbot, files)
    _fill_passphrase_page(qtbot, wizard, "short")
    assert "at least 8" in wizard.currentPage().form.error.text()
    wizard.currentPage().form.clear()
    _fill_passphrase_page(qtbot, wizard, PASSPHRASE)
    assert wizard.currentPage().view.key_label.text() == wizard.recovery_key
    wizard.next()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    _confirm_key(qtbot, wizard)
    assert next_button.isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.first_steps
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    created[0].close()
    open_with_passphrase(files, PASSPHRASE).close()
    open_with_recovery_key(files, wizard.recovery_key, "a new one after all").close()


def test_first_run_without_a_passphrase_is_honestly_labelled(qtbot, files):
    """Choosing no passphrase finishes at once and creates an unprotected journal."""
    wizard, created = wizard_at_privacy_choice(qtbot, files)
    page = wizard.currentPage()
    page.unprotected.setChecked(True)
    assert (
        "anyone who can use this computer account"
        in page.findChild(type(page.findChildren(type(page.form.hint))[0]), "warningLabel").text()
    )
    wizard.next()
    page = wizard.first_steps
    page.count.setChecked(True)
    page.clean_date.setDate(page.clean_date.date().addDays(-12))
    qtbot.keyClicks(page.name, "Sam")
    qtbot.keyClicks(page.phone, "555-0142")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    created[0].close()
    journal = open_unprotected(files)
    [sam] = journal.contacts.contacts()
    assert (sam.name, sam.phone) == ("Sam", "555-0142")
    [period] = journal.recovery_time.periods()
    assert period.days(date.today()) == 12
    journal.close()


def test_first_steps_need_a_name_for_a_phone_number(qtbot, files):
    """A number without a name is explained, and the wizard waits."""
    wizard, created = wizard_at_privacy_choice(qtbot, files)
    wizard.currentPage().unprotected.setChecked(True)
    wizard.next()
    qtbot.keyClicks(wizard.first_steps.phone, "555-0142")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert "Please give a name" in wizard.first_steps.error.text()
    assert not created


def test_cancelling_first_run_creates_nothing(qtbot, files):
    """Closing the wizard leaves no journal behind."""
    wizard = setup_wizard(lambda w: None, files.app_folders())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.reject()
    assert not files.exists()


def test_change_passphrase_dialog(qtbot, journal, files):
    """The old passphrase is required; a wrong one is cleared with a message."""
    dialog = ChangePassphraseDialog(journal)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.current, "wrong one")
    qtbot.keyClicks(dialog.form.first, "my second passphrase")
    qtbot.keyClicks(dialog.form.second, "my second passphrase")
    dialog.accept()
    assert "isn't your current passphrase" in dialog.error.text()
    assert dialog.current.text() == ""
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    journal.close()
    open_with_passphrase(files, "my second passphrase").close()
    with pytest.raises(WrongPassphrase):
        open_with_passphrase(files, PASSPHRASE)


def test_change_passphrase_fields_line_up_in_one_column(qtbot, journal):
    """Current, new and again: one column of labels and one of fields, the same width."""
    dialog = ChangePassphraseDialog(journal)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    fields = (dialog.current, dialog.form.first, dialog.form.second)
    assert len({field.mapTo(dialog, QPoint(0, 0)).x() for field in fields}) == 1
    assert len({field.width() for field in fields}) == 1


def test_settings_adds_a_passphrase_to_an_unprotected_journal(
    qtbot, plain_journal, files, monkeypatch
):
    """The add-passphrase wizard protects the journal and updates the page."""
    page = SettingsPage(plain_journal)
    qtbot.addWidget(page)
    page.show()
    assert page.add_button.isVisible() and not page.change_button.isVisible()
    assert "no passphrase" in page.privacy_text.text()

    def run(wizard: KeyWizard) -> int:
        wizard.show()
        _fill_passphrase_page(qtbot, wizard, "protect me now please")
        wizard.next()
        _confirm_key(qtbot, wizard)
        wizard.accept()
        return wizard.result()

    monkeypatch.setattr(KeyWizard, "exec", run)
    page.add_passphrase()
    assert page.change_button.isVisible() and not page.add_button.isVisible()
    plain_journal.close()
    open_with_passphrase(files, "protect me now please").close()


def test_settings_auto_lock_minutes_are_saved_and_applied(qtbot, journal, files, window_for):
    """Changing the minutes stores them in the journal and retimes the idle lock."""
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    page = window.workspace.page(SettingsPage)
    assert page.auto_lock.value() == 5
    assert window.idle.interval_ms() == 5 * 60_000
    page.auto_lock.setValue(9)
    assert window.idle.interval_ms() == 9 * 60_000
    assert journal.preferences.auto_lock_minutes() == 9
    assert str(files.folder) in [
        label.text() for label in page.findChildren(type(page.privacy_text))
    ]


def test_add_passphrase_wizard_refuses_short_passphrases(qtbot, files):
    """The wizard will not move on with a passphrase under the minimum."""
    wizard = add_passphrase_wizard(lambda w: None, files.app_folders())
    qtbot.addWidget(wizard)
    wizard.show()
    start = wizard.currentId()
    _fill_passphrase_page(qtbot, wizard, "tiny")
    assert wizard.currentId() == start


def test_confirmation_says_when_a_group_does_not_match(qtbot):
    """A wrong group gets a plain hint; the right ones say the copy is good."""
    from recovery_desktop.ui.widgets.recovery_key import RecoveryKeyConfirm

    confirm = RecoveryKeyConfirm()
    qtbot.addWidget(confirm)
    key = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789"
    confirm.set_key(key)
    first, second = confirm.asked_groups
    qtbot.keyClicks(confirm.edits[0], "ZZZZ")
    assert f"Group {first + 1} doesn't match" in confirm.feedback.text()
    confirm.edits[0].clear()
    qtbot.keyClicks(confirm.edits[0], rk.groups(key)[first])
    qtbot.keyClicks(confirm.edits[1], rk.groups(key)[second].lower())
    assert confirm.is_confirmed()
    assert "matches" in confirm.feedback.text()
