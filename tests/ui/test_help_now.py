"""Get help now: one click or Ctrl+H from every screen, locked or not, first run included."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWizard

from recovery_desktop.data.journal import create_journal
from recovery_desktop.domain.contacts import DEFAULT_CRISIS_LINES, Contact, CrisisLine, Role
from recovery_desktop.domain.recovery_time import SAFETY_FACTS
from recovery_desktop.ui.dialogs.craving_panel import CravingPanel
from recovery_desktop.ui.dialogs.help_now_dialog import HelpNowDialog
from recovery_desktop.ui.dialogs.key_wizards import setup_wizard
from recovery_desktop.ui.dialogs.lapse_dialog import LapseDialog
from recovery_desktop.ui.pages.people.page import PeoplePage
from recovery_desktop.ui.pages.today.page import TodayPage
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.widgets.help_now import HelpNow
from tests.conftest import PASSPHRASE

LEFT = Qt.MouseButton.LeftButton
DEFAULT_NAMES = [name for name, _number, _details in DEFAULT_CRISIS_LINES]


@pytest.fixture(autouse=True)
def close_help_windows():
    """No help window outlives its test."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, HelpNowDialog):
            widget.close()


def _help_window() -> HelpNowDialog:
    """The one help window on screen."""
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpNowDialog)]
    shown = [w for w in shown if w.isVisible()]
    assert len(shown) == 1, shown
    return shown[0]


def _crisis_names(dialog: HelpNowDialog) -> list[str]:
    return dialog.crisis_list.names()


def _assert_full_help(dialog: HelpNowDialog, names=DEFAULT_NAMES) -> None:
    """Every line in order with its number, and every safety fact, are on show."""
    text = " ".join(dialog.texts())
    assert _crisis_names(dialog) == names
    for _name, number, details in DEFAULT_CRISIS_LINES:
        assert number in text and details in text
    for fact in SAFETY_FACTS:
        assert fact in text


def _help_button(widget) -> QPushButton:
    [button] = [b for b in widget.findChildren(QPushButton, "helpButton") if b.isVisible()]
    assert "Ctrl+H" in button.toolTip()
    return button


def _unlocked(window_for, journal, files):
    session = Session(files)
    session.adopt(journal)
    return window_for(session), session


def _locked(window_for, files):
    """The window as it starts on an existing protected journal: the unlock screen."""
    return window_for(Session(files))


@pytest.fixture
def closed_journal(files):
    """A protected journal with two call-first contacts, closed again (as at start-up)."""
    journal = create_journal(files, PASSPHRASE)
    journal.contacts.save(Contact(None, "Sam Rivers", Role.SPONSOR, "555-0142"))
    journal.contacts.save(Contact(None, "Aunt Jo", Role.FAMILY, "555-0178"))
    journal.close()
    return files


def test_one_click_in_the_sidebar_opens_every_line_the_safety_facts_and_my_people(
    qtbot, window_for, journal, files
):
    """Unlocked: the sidebar button shows all four lines, the facts and call-first people."""
    journal.contacts.save(Contact(None, "Sam Rivers", Role.SPONSOR, "555-0142"))
    window, _session = _unlocked(window_for, journal, files)
    qtbot.mouseClick(_help_button(window.workspace), LEFT)
    dialog = _help_window()
    _assert_full_help(dialog)
    assert dialog.people_list.names() == ["Sam Rivers · Sponsor"]
    assert "555-0142" in dialog.texts()


def test_one_click_on_the_unlock_screen_at_start_up(qtbot, window_for, closed_journal):
    """Before the passphrase is typed, the button shows the lines and the facts."""
    window = _locked(window_for, closed_journal)
    assert window.stack.currentWidget() is window.unlock_panel
    qtbot.mouseClick(_help_button(window.unlock_panel), LEFT)
    _assert_full_help(_help_window())


@pytest.mark.parametrize("view", ["PASSPHRASE", "RECOVERY"])
def test_one_click_on_the_locked_screen_shows_no_contacts(qtbot, window_for, journal, files, view):
    """After locking, on either view, help has the lines and facts but no names of people."""
    journal.contacts.save(Contact(None, "Sam Rivers", Role.SPONSOR, "555-0142"))
    window, _session = _unlocked(window_for, journal, files)
    window.lock_now()
    panel = window.unlock_panel
    panel._show(getattr(panel, view))
    qtbot.mouseClick(_help_button(panel), LEFT)
    dialog = _help_window()
    _assert_full_help(dialog)
    assert dialog.people_list is None
    text = " ".join(dialog.texts())
    assert "Sam" not in text and "555-0142" not in text and "Sponsor" not in text


def test_one_click_on_the_no_passphrase_lock_screen(qtbot, window_for, plain_journal, files):
    """The "Open journal" screen of an unprotected journal has the button too."""
    window, _session = _unlocked(window_for, plain_journal, files)
    window.lock_now()
    assert window.unlock_panel.stack.currentIndex() == window.unlock_panel.UNPROTECTED
    qtbot.mouseClick(_help_button(window.unlock_panel), LEFT)
    _assert_full_help(_help_window())
    assert _help_window().people_list is None


def test_ctrl_h_on_the_locked_screen_while_typing_the_passphrase(qtbot, window_for, closed_journal):
    """Ctrl+H works with the cursor in the passphrase field; Esc closes the window."""
    window = _locked(window_for, closed_journal)
    field = window.unlock_panel.passphrase
    field.setFocus()
    qtbot.keyClicks(field, "half typ")
    qtbot.keyClick(field, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = _help_window()
    _assert_full_help(dialog)
    assert field.text() == "half typ"  # the shortcut typed nothing
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_ctrl_h_when_unlocked_from_the_today_page(qtbot, window_for, journal, files):
    """Ctrl+H from a text box on Today opens help; pressing it again keeps one window."""
    window, _session = _unlocked(window_for, journal, files)
    note = window.workspace.page(TodayPage).form.note
    note.setFocus()
    qtbot.keyClick(note, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    first = _help_window()
    _assert_full_help(first)
    assert first.people_list is not None
    qtbot.keyClick(first, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert _help_window() is first


def test_ctrl_h_from_the_craving_panel(qtbot, window_for, journal, files):
    """The shortcut also works from the craving panel, a window of its own."""
    window, _session = _unlocked(window_for, journal, files)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    panel = window.findChild(CravingPanel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    qtbot.keyClick(panel.place, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    _assert_full_help(_help_window())
    assert panel.place.text() == ""


def test_help_opened_while_unlocked_closes_when_the_journal_locks(
    qtbot, window_for, journal, files
):
    """Names of people never stay on screen once the journal is locked."""
    journal.contacts.save(Contact(None, "Sam Rivers", Role.SPONSOR, "555-0142"))
    window, _session = _unlocked(window_for, journal, files)
    qtbot.mouseClick(_help_button(window.workspace), LEFT)
    dialog = _help_window()
    window.lock_now()
    assert not dialog.isVisible()


def test_lines_edited_and_reordered_while_unlocked_show_in_that_order_when_locked(
    qtbot, window_for, journal, files
):
    """The People page's order and edits are what the locked screen shows."""
    window, _session = _unlocked(window_for, journal, files)
    window.workspace.open_page(PeoplePage)
    box = window.workspace.page(PeoplePage).crisis_box
    qtbot.mouseClick(box.rows[3].up_button, LEFT)  # Poison Control above SAMHSA
    qtbot.mouseClick(box.rows[0].down_button, LEFT)  # 988 first, then Emergency services
    first = journal.contacts.crisis_lines()[1]
    journal.contacts.save_crisis_line(CrisisLine(first.id, "Emergency (EU)", "112", "Anywhere"))
    journal.contacts.save_crisis_line(CrisisLine(None, "Local helpline", "0800 000 000"))
    window.lock_now()
    qtbot.mouseClick(_help_button(window.unlock_panel), LEFT)
    dialog = _help_window()
    assert _crisis_names(dialog) == [
        "988 Suicide & Crisis Lifeline",
        "Emergency (EU)",
        "Poison Control",
        "SAMHSA National Helpline",
        "Local helpline",
    ]
    assert "112" in dialog.texts() and "0800 000 000" in dialog.texts()


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff not json at all",
        json.dumps({"version": 1, "lines": [{"name": 5, "number": ["911"]}]}).encode(),
        json.dumps({"version": 1, "lines": "Call nobody"}).encode(),
        b" " * 200_000,
    ],
    ids=["garbage", "wrong types", "wrong shape", "huge"],
)
def test_a_damaged_or_hostile_copy_shows_the_default_lines(
    qtbot, window_for, closed_journal, content
):
    """Whatever sits in crisis_lines.json, the locked screen shows the defaults calmly."""
    closed_journal.crisis_copy.path.write_bytes(content)
    window = _locked(window_for, closed_journal)
    qtbot.mouseClick(_help_button(window.unlock_panel), LEFT)
    _assert_full_help(_help_window())


def test_the_first_run_wizard_has_help_on_every_page(qtbot, files):
    """Before any journal exists, each wizard page offers help with the default lines."""
    wizard = setup_wizard(lambda w: None, files.app_folders())
    qtbot.addWidget(wizard)
    wizard.show()
    for _page in range(3):
        button = wizard.button(QWizard.WizardButton.CustomButton1)
        assert button.isVisible() and "Ctrl+H" in button.toolTip()
        qtbot.mouseClick(button, LEFT)
        dialog = _help_window()
        _assert_full_help(dialog)
        assert dialog.people_list is None
        dialog.close()
        if wizard.currentId() == 1:
            page = wizard.currentPage()
            qtbot.keyClicks(page.form.first, PASSPHRASE)
            qtbot.keyClicks(page.form.second, PASSPHRASE)
        wizard.next()
    assert wizard.currentId() == 3  # the recovery key check, past the key itself
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    _assert_full_help(_help_window())
    wizard.done(QDialog.DialogCode.Rejected.value)  # closed without the stop question


def test_the_help_window_fits_the_screen_without_scrolling_sideways(
    qtbot, window_for, journal, files
):
    """The window stays inside the screen and its content is never wider than its view."""
    for number in range(3):
        journal.contacts.save(Contact(None, f"Person {number}", Role.FRIEND, "555-0100"))
    window, _session = _unlocked(window_for, journal, files)
    qtbot.mouseClick(_help_button(window.workspace), LEFT)
    dialog = _help_window()
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    assert dialog.area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    content = dialog.area.widget()
    assert content.minimumSizeHint().width() <= dialog.area.viewport().width()


def test_help_beside_a_craving_or_a_lapse_shows_the_copy_when_the_journal_cannot_be_read(
    qtbot, journal
):
    """A read error never leaves the crisis lines empty: the craving panel's help and the
    lapse dialog show the lines as the user left them, and say the people could not be read."""
    journal.contacts.save_crisis_line(CrisisLine(None, "Local line", "555-0100"))
    journal.db.conn.close()  # every read now fails with a JournalError
    help_now = HelpNow(journal.contacts, journal.library, lambda _contact: None)
    lapse = LapseDialog(journal.recovery_time, journal.contacts)
    for widget in (help_now, lapse):
        qtbot.addWidget(widget)
    assert help_now.crisis_list.names() == [*DEFAULT_NAMES, "Local line"]
    assert lapse.crisis_list.names() == [*DEFAULT_NAMES, "Local line"]
    people = help_now.findChildren(QLabel)
    assert any(
        label.text().startswith("Your people could not be read just now.") for label in people
    )


def test_the_craving_panel_shows_the_steps_of_the_plans_coping_toolbox(qtbot, journal):
    """ "Steps from my plan" are the plan's own coping toolbox first (they were only the
    library's favourites), and follow the plan when it changes."""
    from dataclasses import replace

    from recovery_desktop.data.changes import Change
    from recovery_desktop.domain.plan import SectionKind

    coping = journal.plan.plan().of_kind(SectionKind.COPING)
    body = "Things that work:\n\n- Cold water on my **face**\n- Call [Sam](https://x.org)\n"
    journal.plan.save_section(replace(coping, body=body), editing=False)
    help_now = HelpNow(journal.contacts, journal.library, lambda _contact: None, None, journal.plan)
    qtbot.addWidget(help_now)

    def steps() -> list[str]:
        shown = [
            label.text() for label in help_now.findChildren(QLabel) if label.isVisibleTo(help_now)
        ]
        return [text for text in shown if text.startswith("• ")]

    favourites = [f"• {item.name}" for item in journal.library.favourites()]
    assert steps() == ["• Cold water on my face", "• Call Sam", *favourites]
    journal.plan.save_section(replace(coping, body="- Wait fifteen minutes"), editing=False)
    help_now.data_changed(frozenset({Change.PLAN}))
    assert steps()[0] == "• Wait fifteen minutes"
