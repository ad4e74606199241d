"""Stopping a key wizard after the key was shown: asked first, said plainly, and a lock
that closes it leaves a note instead of a key that silently never works."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.journal import (
    create_journal,
    new_recovery_key,
    open_unprotected,
    open_with_recovery_key,
)
from recovery_desktop.ui.dialogs.key_wizards import (
    KeyWizard,
    add_passphrase_wizard,
    new_recovery_key_wizard,
    setup_wizard,
)
from recovery_desktop.ui.pages.settings.page import SettingsPage
from recovery_desktop.ui.session import Session
from tests.conftest import PASSPHRASE
from tests.ui.modal import stop_watching, when_shown  # noqa: F401 (an autouse fixture)

LEFT = Qt.MouseButton.LeftButton


def _go_back(record):
    """Answer the question with its default button (Go back), noting what it said."""

    def act(box: QMessageBox) -> None:
        record.append(f"{box.text()} {box.informativeText()}")
        box.defaultButton().click()

    return act


def _stop(box: QMessageBox) -> None:
    [stop] = [b for b in box.buttons() if b is not box.defaultButton()]
    stop.click()


def _to_the_key(qtbot, wizard: KeyWizard) -> None:
    """Walk the wizard up to the page that shows the recovery key."""
    page = wizard.currentPage()
    if hasattr(page, "edit"):  # the current passphrase
        qtbot.keyClicks(page.edit, PASSPHRASE)
    else:
        if wizard.currentId() == 0 and not hasattr(page, "form"):
            wizard.next()  # the welcome page
            page = wizard.currentPage()
        qtbot.keyClicks(page.form.first, "a brand new passphrase")
        qtbot.keyClicks(page.form.second, "a brand new passphrase")
    wizard.next()
    assert wizard.currentPage().view.key_label.text() == wizard.recovery_key


def test_cancelling_a_new_recovery_key_after_seeing_it_asks_and_says_the_old_one_works(
    qtbot, files
):
    """The tester's steps: key shown, then Esc; the question says plainly that the new key
    was not set and any copy of it will not work; Go back is the default."""
    old_key = new_recovery_key()
    journal = create_journal(files, PASSPHRASE, old_key)
    wizard = new_recovery_key_wizard(
        journal.check_passphrase,
        lambda w: journal.replace_recovery_key(w.recovery_key),
        files.app_folders(),
    )
    qtbot.addWidget(wizard)
    wizard.show()
    _to_the_key(qtbot, wizard)
    said = []
    asked = when_shown(QMessageBox, _go_back(said))
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert asked and wizard.isVisible()
    assert "new recovery key has not been set" in said[0]
    assert "old recovery key still works" in said[0]
    assert "saved, printed or copied the new key, that copy will not work" in said[0]
    stopped = when_shown(QMessageBox, _stop)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), LEFT)
    assert stopped and not wizard.isVisible()
    journal.close()
    with pytest.raises(JournalError):
        open_with_recovery_key(files, wizard.recovery_key, "never set, never works")
    open_with_recovery_key(files, old_key, "the old key still opens it").close()


def test_closing_before_the_key_is_shown_asks_nothing(qtbot, journal):
    """On the current-passphrase page nothing has been shown yet: Esc simply closes."""
    wizard = new_recovery_key_wizard(
        journal.check_passphrase, lambda _w: None, journal.files.app_folders()
    )
    qtbot.addWidget(wizard)
    wizard.show()
    asked = when_shown(QMessageBox, _stop)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible() and list(asked) == []


@pytest.mark.parametrize("which", ["setup", "add passphrase"])
def test_the_other_key_wizards_ask_too_once_the_key_was_shown(qtbot, which, files):
    """First run and adding a passphrase: cancelling after the key asks, and Go back stays."""
    make = setup_wizard if which == "setup" else add_passphrase_wizard
    wizard = make(lambda _w: None, files.app_folders())
    qtbot.addWidget(wizard)
    wizard.show()
    _to_the_key(qtbot, wizard)
    said = []
    asked = when_shown(QMessageBox, _go_back(said))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), LEFT)
    assert asked and wizard.isVisible()
    assert "that copy will not work" in said[0]
    stopped = when_shown(QMessageBox, _stop)
    wizard.close()
    assert stopped and not wizard.isVisible()


def test_adding_a_passphrase_stopped_leaves_the_journal_as_it_was(qtbot, plain_journal, files):
    """Stop after the key was shown: no passphrase, and the question said so."""
    wizard = add_passphrase_wizard(
        lambda w: plain_journal.add_passphrase("x" * 12, w.recovery_key), files.app_folders()
    )
    qtbot.addWidget(wizard)
    wizard.show()
    _to_the_key(qtbot, wizard)
    said = []
    when_go_back = when_shown(QMessageBox, _go_back(said))
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert when_go_back and "still has no passphrase" in said[0]
    stopped = when_shown(QMessageBox, _stop)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert stopped and not wizard.isVisible()
    plain_journal.close()
    open_unprotected(files).close()


def test_a_lock_closes_the_wizard_without_asking_and_settings_says_what_that_means(
    qtbot, window_for, journal, files
):
    """Auto-lock with the new key on screen: no question left hanging, and after the unlock
    Settings says the new key was not set and the old one still works."""
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    workspace = window.workspace
    page = workspace.open_page(SettingsPage)
    questions = when_shown(QMessageBox, _stop)

    def see_the_key_then_walk_away(wizard):
        _to_the_key(qtbot, wizard)
        window.idle.idle.emit()

    shown = when_shown(KeyWizard, see_the_key_then_walk_away)
    qtbot.mouseClick(page.recovery_button, LEFT)
    assert shown and not session.is_unlocked and list(questions) == []
    qtbot.keyClicks(window.unlock_panel.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_panel.passphrase, Qt.Key.Key_Return)
    settings = window.workspace.page(SettingsPage)
    qtbot.waitUntil(lambda: settings.key_note.isVisible(), timeout=5000)
    assert window.workspace.stack.currentWidget() is settings
    note = settings.key_note.text()
    assert "locked before your new recovery key was set" in note
    assert "old recovery key still works" in note and "will not work" in note
    assert settings.recovery_button.isVisible()


def test_the_note_about_an_interrupted_key_goes_once_the_wizard_is_run_again(qtbot, journal):
    """Going back to "Make a new recovery key" (and stopping again) clears the old note:
    the wizard itself says what stopping means."""
    from recovery_desktop.domain.drafts import Draft, DraftKind

    page = SettingsPage(journal)
    qtbot.addWidget(page)
    page.show()
    page.resume_draft(Draft(DraftKind.NEW_RECOVERY_KEY, {}))
    assert page.key_note.isVisible()
    when_shown(KeyWizard, lambda wizard: wizard.done(0))
    qtbot.mouseClick(page.recovery_button, LEFT)
    assert not page.key_note.isVisible()
