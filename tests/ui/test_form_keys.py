"""Forms answer the keyboard: Enter runs the one obvious action, and a message about a
field goes away as soon as that field is edited."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from recovery_desktop.data.journal import create_journal, new_recovery_key
from recovery_desktop.domain.contacts import Contact, Role
from recovery_desktop.domain.library import Kind
from recovery_desktop.ui.dialogs.change_passphrase import ChangePassphraseDialog
from recovery_desktop.ui.dialogs.clean_date_dialog import CleanDateDialog
from recovery_desktop.ui.dialogs.contact_dialog import ContactDialog
from recovery_desktop.ui.dialogs.crisis_line_dialog import CrisisLineDialog
from recovery_desktop.ui.dialogs.key_wizards import new_recovery_key_wizard
from recovery_desktop.ui.dialogs.lapse_dialog import LapseDialog
from recovery_desktop.ui.dialogs.library_item_dialog import LibraryItemDialog
from recovery_desktop.ui.dialogs.reach_out_dialog import ReachOutDialog
from recovery_desktop.ui.flows import craving_panel
from recovery_desktop.ui.session import Session
from tests.conftest import PASSPHRASE

NEW_PASSPHRASE = "my fresh start phrase"
WRONG_KEY = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789"


def _enter(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Return)


@pytest.fixture
def keyed(files):
    """A journal whose recovery key is known: (journal, key)."""
    key = new_recovery_key()
    journal = create_journal(files, PASSPHRASE, key)
    yield journal, key
    journal.close()


def _locked_panel(window_for, journal, files):
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    window.lock_now()
    return window.unlock_panel, session


@pytest.mark.parametrize("field", ["recovery key", "new passphrase", "again", "show passphrase"])
def test_enter_in_any_field_of_the_recovery_view_sets_the_passphrase_and_unlocks(
    qtbot, window_for, keyed, files, field
):
    """Key and new passphrase typed, Enter in any field of the view: the journal opens."""
    journal, key = keyed
    panel, session = _locked_panel(window_for, journal, files)
    qtbot.mouseClick(panel.forgot_button, Qt.MouseButton.LeftButton)
    form = panel.new_passphrase
    qtbot.keyClicks(panel.recovery_key, key)
    qtbot.keyClicks(form.first, NEW_PASSPHRASE)
    qtbot.keyClicks(form.second, NEW_PASSPHRASE)
    fields = {
        "recovery key": panel.recovery_key,
        "new passphrase": form.first,
        "again": form.second,
        "show passphrase": form.reveal,
    }
    _enter(qtbot, fields[field])
    assert session.is_unlocked


def test_enter_with_the_recovery_key_missing_says_so(qtbot, window_for, journal, files):
    """Enter in the empty key field asks for the key instead of doing nothing."""
    panel, session = _locked_panel(window_for, journal, files)
    qtbot.mouseClick(panel.forgot_button, Qt.MouseButton.LeftButton)
    _enter(qtbot, panel.recovery_key)
    assert panel.recovery_error.text() == "Please type your recovery key."
    assert not session.is_unlocked


def test_enter_in_a_new_trigger_adds_it_and_keeps_the_craving_panel_open(qtbot, journal):
    """Enter adds the typed trigger; it does not also press Done and close the panel."""
    panel = craving_panel(journal)
    qtbot.addWidget(panel)
    with qtbot.waitExposed(panel):
        panel.show()
    qtbot.keyClicks(panel.triggers.new_name, "Loud music next door")
    _enter(qtbot, panel.triggers.new_name)
    assert panel.isVisible()
    assert "Loud music next door" in [i.name for i in journal.library.items(Kind.TRIGGER)]
    assert panel.triggers.new_name.text() == ""


DIALOGS = {
    "change passphrase": ChangePassphraseDialog,
    "clean date": lambda journal: CleanDateDialog(journal.recovery_time),
    "contact": lambda journal: ContactDialog(journal.contacts),
    "crisis line": lambda journal: CrisisLineDialog(journal.contacts),
    "library item": lambda journal: LibraryItemDialog(journal.library, Kind.TRIGGER),
    "lapse": lambda journal: LapseDialog(journal.recovery_time, journal.contacts),
}


@pytest.mark.parametrize("name", DIALOGS)
def test_enter_in_every_text_field_of_a_dialog_runs_its_main_button(qtbot, journal, name):
    """From each one-line field, Enter either saves (the dialog closes) or says what is missing."""
    count = len(_text_fields(_dialog(qtbot, journal, name)))
    assert count > 0
    for index in range(count):
        dialog = _dialog(qtbot, journal, name)
        _enter(qtbot, _text_fields(dialog)[index])
        assert not dialog.isVisible() or dialog.error.text(), (name, index)


def _dialog(qtbot, journal, name):
    dialog = DIALOGS[name](journal)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _text_fields(dialog) -> list[QLineEdit]:
    """One-line fields the user can type in (those inside date and number boxes too)."""
    return [e for e in dialog.findChildren(QLineEdit) if e.isVisible() and not e.isReadOnly()]


# -- messages go away once their field is edited ----------------------------------------
def test_the_passphrase_message_goes_when_the_passphrase_is_edited(
    qtbot, window_for, journal, files
):
    """ "That passphrase didn't open…" disappears at the first new key press."""
    panel, _session = _locked_panel(window_for, journal, files)
    qtbot.keyClicks(panel.passphrase, "not it")
    _enter(qtbot, panel.passphrase)
    assert panel.error.text()
    qtbot.keyClicks(panel.passphrase, "c")
    assert panel.error.text() == ""


def test_the_recovery_key_message_goes_when_the_key_is_corrected(qtbot, window_for, journal, files):
    """ "That recovery key doesn't match" leaves as soon as the key is edited."""
    panel, _session = _locked_panel(window_for, journal, files)
    qtbot.mouseClick(panel.forgot_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.recovery_key, WRONG_KEY)
    qtbot.keyClicks(panel.new_passphrase.first, NEW_PASSPHRASE)
    qtbot.keyClicks(panel.new_passphrase.second, NEW_PASSPHRASE)
    _enter(qtbot, panel.recovery_key)
    assert "match" in panel.recovery_error.text()
    qtbot.keyClick(panel.recovery_key, Qt.Key.Key_Backspace)
    assert panel.recovery_error.text() == ""


def test_the_current_passphrase_message_goes_when_it_is_retyped(qtbot, journal):
    """Change passphrase: the message about the current one leaves when it is typed again."""
    dialog = ChangePassphraseDialog(journal)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.current, "wrong one")
    qtbot.keyClicks(dialog.form.first, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.form.second, NEW_PASSPHRASE)
    dialog.accept()
    assert dialog.error.text()
    qtbot.keyClicks(dialog.current, "c")
    assert dialog.error.text() == ""


def test_the_new_recovery_key_wizard_message_goes_when_the_passphrase_is_retyped(qtbot, journal):
    """Wizard page "Current passphrase": the message leaves at the next key press."""
    wizard = new_recovery_key_wizard(
        journal.check_passphrase, lambda _w: None, journal.files.app_folders()
    )
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.currentPage()
    qtbot.keyClicks(page.edit, "not it")
    wizard.next()
    assert page.error.text()
    qtbot.keyClicks(page.edit, "c")
    assert page.error.text() == ""


def test_dialog_messages_go_when_their_field_is_edited(qtbot, journal):
    """Clean date, crisis line, lapse and reach-out: each message leaves with the next edit."""
    clean = CleanDateDialog(journal.recovery_time)
    crisis = CrisisLineDialog(journal.contacts)
    lapse = LapseDialog(journal.recovery_time, journal.contacts, datetime.now() + timedelta(days=2))
    journal.contacts.save(Contact(None, "Sam", Role.SPONSOR, "555-0142"))
    reach = ReachOutDialog(journal.contacts)
    reach.how_choice.setValue(None)
    for dialog in (clean, crisis, lapse, reach):
        qtbot.addWidget(dialog)
        dialog.accept()
        assert dialog.error.text(), type(dialog).__name__
    qtbot.keyClicks(clean.substance, "Alcohol")
    qtbot.keyClicks(crisis.name_edit, "Local line")
    lapse.when.setDateTime(lapse.when.dateTime().addDays(-2))
    qtbot.keyClick(reach.how_choice, Qt.Key.Key_Home)
    assert [d.error.text() for d in (clean, crisis, lapse, reach)] == ["", "", "", ""]
