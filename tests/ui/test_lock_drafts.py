"""Nothing typed is lost to a lock: open dialogs are kept as drafts inside the journal and
offered back after the unlock; what autosaves (Today, the craving panel) is saved first."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QPushButton

from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.contacts import Contact, Role
from recovery_desktop.domain.cravings import Craving, Outcome
from recovery_desktop.domain.day_plan import BlockCategory, BlockTimes
from recovery_desktop.domain.drafts import DraftKind
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE, Lapse
from recovery_desktop.ui.dialogs.clean_date_dialog import CleanDateDialog
from recovery_desktop.ui.dialogs.contact_dialog import ContactDialog
from recovery_desktop.ui.dialogs.craving_panel import CravingPanel
from recovery_desktop.ui.dialogs.crisis_line_dialog import CrisisLineDialog
from recovery_desktop.ui.dialogs.day_block_dialog import DayBlockDialog
from recovery_desktop.ui.dialogs.drafts import RESUMED
from recovery_desktop.ui.dialogs.lapse_dialog import LapseDialog
from recovery_desktop.ui.dialogs.library_item_dialog import LibraryItemDialog
from recovery_desktop.ui.dialogs.reach_out_dialog import ReachOutDialog
from recovery_desktop.ui.dialogs.usual_days_dialog import UsualDaysDialog
from recovery_desktop.ui.flows import Flows
from recovery_desktop.ui.pages.clean_time import CleanTimePage
from recovery_desktop.ui.pages.day.page import DayPage
from recovery_desktop.ui.pages.library.page import LibraryPage
from recovery_desktop.ui.pages.people.page import PeoplePage
from recovery_desktop.ui.pages.today.page import TodayPage
from recovery_desktop.ui.session import Session
from tests.conftest import PASSPHRASE
from tests.ui.conftest import click_choice
from tests.ui.modal import stop_watching, when_shown  # noqa: F401 (an autouse fixture)

LEFT = Qt.MouseButton.LeftButton
TODAY = date.today()
BEFORE = "Argument with my brother about money"
NEXT_TIME = "Leave the room and text Sam"


@pytest.fixture
def counting(journal):
    """A journal 60 days clean, with one person to call."""
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, TODAY - timedelta(days=60), TODAY)
    journal.contacts.save(Contact(None, "Sam", Role.SPONSOR, "555-0142"))
    return journal


@pytest.fixture
def messages(monkeypatch):
    """Information boxes, recorded instead of shown."""
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _title, text: shown.append(text))
    return shown


def _unlocked(window_for, journal, files):
    session = Session(files)
    session.adopt(journal)
    return window_for(session), session


def _show(window, page_class):
    return window.workspace.open_page(page_class)


def _unlock(qtbot, window):
    qtbot.keyClicks(window.unlock_panel.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_panel.passphrase, Qt.Key.Key_Return)


def _kept_drafts(files):
    """The drafts in the journal on disk, read with the passphrase as a new session would."""
    journal = open_with_passphrase(files, PASSPHRASE)
    try:
        return journal.drafts.drafts()
    finally:
        journal.close()


def _button(widget, text) -> QPushButton:
    [button] = [b for b in widget.findChildren(QPushButton) if b.text() == text]
    return button


def _save(dialog) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()


def _resumed_line_shown(dialog) -> bool:
    return any(label.text() == RESUMED for label in dialog.findChildren(QLabel))


def _text(field) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


def test_auto_lock_keeps_a_half_written_lapse_and_offers_it_back(
    qtbot, window_for, counting, files, messages
):
    """The tester's steps: Record a lapse…, type Before and Next time, auto-lock, unlock:
    the dialog is back as it was left, and Save records what was typed."""
    window, session = _unlocked(window_for, counting, files)
    page = _show(window, CleanTimePage)

    def type_then_walk_away(dialog):
        qtbot.keyClicks(dialog.before, BEFORE)
        qtbot.keyClicks(dialog.would_help, NEXT_TIME)
        window.idle.idle.emit()

    first = when_shown(LapseDialog, type_then_walk_away)
    qtbot.mouseClick(_button(page, "Record a lapse…"), LEFT)
    assert first and not session.is_unlocked
    [kept] = _kept_drafts(files)
    assert (kept.kind, kept.text("before"), kept.text("would_help")) == (
        DraftKind.LAPSE,
        BEFORE,
        NEXT_TIME,
    )
    for path in files.folder.rglob("*"):
        assert not path.is_file() or BEFORE.encode() not in path.read_bytes(), path.name

    seen = {}

    def look_then_save(dialog):
        seen.update(before=dialog.before.toPlainText(), resumed=_resumed_line_shown(dialog))
        seen["would_help"] = dialog.would_help.toPlainText()
        _save(dialog)

    back = when_shown(LapseDialog, look_then_save)
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: bool(back) and bool(messages), timeout=5000)
    assert seen == {"before": BEFORE, "would_help": NEXT_TIME, "resumed": True}
    [lapse] = session.journal.recovery_time.lapses(TODAY, TODAY)
    assert (lapse.before, lapse.would_help) == (BEFORE, NEXT_TIME)
    qtbot.waitUntil(lambda: session.journal.drafts.drafts() == [])


def _open_add_trigger(page):
    page.triggers.add()


def _open_add_clean_date(page):
    _button(page, "Add a clean date for something else…").click()


def _open_edit_block(page):
    page.edit_block(page.plan.add(page.day, BlockTimes(720, 780, "Lunch", BlockCategory.MEALS)))


DIALOGS = {
    "add a person": (PeoplePage, lambda page: page.contacts_box.add(), ContactDialog, "name_edit"),
    "log a reach-out": (PeoplePage, lambda page: page.log_box.log(), ReachOutDialog, "note_edit"),
    "add a crisis line": (
        PeoplePage,
        lambda page: page.crisis_box.add(),
        CrisisLineDialog,
        "number_edit",
    ),
    "add a trigger": (LibraryPage, _open_add_trigger, LibraryItemDialog, "name_edit"),
    "add a clean date": (CleanTimePage, _open_add_clean_date, CleanDateDialog, "substance"),
    "add a block on My day": (
        DayPage,
        lambda page: page.add_block(-1, -1),
        DayBlockDialog,
        "title_edit",
    ),
    "edit a block on My day": (DayPage, _open_edit_block, DayBlockDialog, "note_edit"),
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_that_takes_typing_comes_back_after_a_lock_and_cancel_forgets_it(
    qtbot, window_for, counting, files, name
):
    """Typed, locked, unlocked: the dialog reopens with the text; Cancel leaves no draft."""
    page_class, open_dialog, dialog_class, field = DIALOGS[name]
    window, session = _unlocked(window_for, counting, files)
    page = _show(window, page_class)

    def type_then_walk_away(dialog):
        getattr(dialog, field).setFocus()
        qtbot.keyClicks(getattr(dialog, field), "Typed before the lock")
        window.idle.idle.emit()

    first = when_shown(dialog_class, type_then_walk_away)
    open_dialog(page)
    assert first and not session.is_unlocked
    seen = []
    back = when_shown(
        dialog_class,
        lambda dialog: seen.append((_text(getattr(dialog, field)), _resumed_line_shown(dialog))),
    )
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: bool(back), timeout=5000)
    assert seen == [("Typed before the lock", True)]
    qtbot.waitUntil(lambda: session.journal.drafts.drafts() == [])  # cancelled: forgotten


def test_a_block_being_edited_on_my_day_comes_back_for_that_block_and_saves(
    qtbot, window_for, counting, files
):
    """A note typed into Lunch's dialog before an auto-lock is back after the unlock, in
    Lunch's dialog; Save writes it into Lunch, not into a new block."""
    window, session = _unlocked(window_for, counting, files)
    page = _show(window, DayPage)

    def type_then_walk_away(dialog):
        qtbot.keyClicks(dialog.note_edit, "With Sam")
        window.idle.idle.emit()

    when_shown(DayBlockDialog, type_then_walk_away)
    _open_edit_block(page)
    assert not session.is_unlocked
    seen = []

    def look_then_save(dialog):
        seen.append((dialog.title_edit.text(), dialog.note_edit.toPlainText()))
        _save(dialog)

    back = when_shown(DayBlockDialog, look_then_save)
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: bool(back), timeout=5000)
    assert seen == [("Lunch", "With Sam")]
    blocks = session.journal.day_plan.blocks(TODAY)
    assert [(b.title, b.note) for b in blocks] == [("Lunch", "With Sam")]
    qtbot.waitUntil(lambda: session.journal.drafts.drafts() == [])


def test_ctrl_l_in_a_dialog_keeps_its_draft_too(qtbot, window_for, counting, files):
    """The lock key works inside a modal dialog, and what was typed there is kept."""
    window, session = _unlocked(window_for, counting, files)
    page = _show(window, PeoplePage)

    def type_then_lock(dialog):
        qtbot.keyClicks(dialog.name_edit, "Aunt Jo")
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    first = when_shown(ContactDialog, type_then_lock)
    page.contacts_box.add()
    assert first and not session.is_unlocked
    assert [d.text("name") for d in _kept_drafts(files)] == ["Aunt Jo"]


def test_untouched_cancelled_or_saved_dialogs_leave_no_draft(qtbot, window_for, counting, files):
    """A dialog nobody typed in, or one closed before the lock, leaves nothing behind."""
    window, session = _unlocked(window_for, counting, files)
    page = _show(window, PeoplePage)
    saved = when_shown(
        ContactDialog, lambda dialog: (qtbot.keyClicks(dialog.name_edit, "Jo"), _save(dialog))
    )
    page.contacts_box.add()
    cancelled = when_shown(ContactDialog, lambda dialog: qtbot.keyClicks(dialog.name_edit, "Al"))
    page.contacts_box.add()
    untouched = when_shown(ContactDialog, lambda _dialog: window.idle.idle.emit())
    page.contacts_box.add()
    assert saved and cancelled and untouched and not session.is_unlocked
    assert _kept_drafts(files) == []


def test_a_draft_that_could_not_be_written_is_still_offered_after_unlock(
    qtbot, window_for, counting, files
):
    """A full disk at the moment of the lock: the draft waits in memory and comes back."""
    window, session = _unlocked(window_for, counting, files)
    counting.db.execute(
        "CREATE TEMP TRIGGER disk_full BEFORE INSERT ON drafts "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    page = _show(window, PeoplePage)

    def type_then_walk_away(dialog):
        qtbot.keyClicks(dialog.name_edit, "Aunt Jo")
        window.idle.idle.emit()

    first = when_shown(ContactDialog, type_then_walk_away)
    page.contacts_box.add()
    assert first and not session.is_unlocked and _kept_drafts(files) == []
    seen = []
    back = when_shown(ContactDialog, lambda dialog: seen.append(dialog.name_edit.text()))
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: bool(back), timeout=5000)
    assert seen == ["Aunt Jo"]


def _panel(qtbot, window) -> CravingPanel:
    qtbot.mouseClick(window.workspace.findChild(QPushButton, "cravingButton"), LEFT)
    return window.findChild(Flows).panel


def test_auto_lock_saves_the_craving_panel_without_opening_the_lapse_flow_midway(
    qtbot, window_for, counting, files
):
    """ "I used" and a thought, then the lock before the autosave: all saved, and the lapse
    flow waits for the line on Today instead of opening a dialog in the middle of locking."""
    window, session = _unlocked(window_for, counting, files)
    panel = _panel(qtbot, window)
    click_choice(qtbot, panel.intensity, "8")
    qtbot.keyClicks(panel.thoughts, "just this once")
    click_choice(qtbot, panel.outcome, "I used")
    opened = when_shown(LapseDialog, lambda _dialog: None)
    window.idle.idle.emit()
    assert not session.is_unlocked and list(opened) == []
    journal = open_with_passphrase(files, PASSPHRASE)
    [craving] = journal.cravings.between(TODAY, TODAY)
    journal.close()
    assert (craving.thoughts, craving.outcome) == ("just this once", Outcome.USED)
    _unlock(qtbot, window)
    today = window.workspace.page(TodayPage)
    assert today.story.use_line.isVisible()


def _used_today_with_a_lapse(journal) -> None:
    journal.checkins.save(CheckIn(TODAY, used=True))
    journal.recovery_time.record_lapse(
        Lapse(None, datetime.now(), DEFAULT_SUBSTANCE), TODAY + timedelta(days=1), TODAY
    )


def test_auto_lock_while_keep_the_lapse_is_asked_leaves_the_day_as_used(
    qtbot, window_for, counting, files
):
    """ "Used today" moved to No, "Keep the lapse?" open, then auto-lock: the answer stays
    Yes (Keep is the default), on disk and on Today after the unlock."""
    _used_today_with_a_lapse(counting)
    window, session = _unlocked(window_for, counting, files)
    page = window.workspace.page(TodayPage)
    asked = when_shown(QMessageBox, lambda _box: window.idle.idle.emit())
    click_choice(qtbot, page.form.yes_no["used"], "No")
    assert asked and not session.is_unlocked
    journal = open_with_passphrase(files, PASSPHRASE)
    assert journal.checkins.get(TODAY).used is True
    assert journal.counts()["lapses"] == 1
    journal.close()
    _unlock(qtbot, window)
    assert window.workspace.page(TodayPage).form.yes_no["used"].value() is True
    assert session.journal.checkins.get(TODAY).used is True


def test_auto_lock_while_the_craving_panel_asks_about_its_lapse_keeps_i_used(
    qtbot, window_for, counting, files
):
    """A craving moved from "I used" to "It passed" with the question open, then auto-lock:
    the craving still says "I used", as its linked lapse does."""
    craving = counting.cravings.save(Craving(None, datetime.now(), 9, outcome=Outcome.USED))
    counting.recovery_time.record_lapse(
        Lapse(None, datetime.now(), DEFAULT_SUBSTANCE, craving_id=craving.id),
        TODAY + timedelta(days=1),
        TODAY,
    )
    window, session = _unlocked(window_for, counting, files)
    panel = window.findChild(Flows).open_craving(craving)
    asked = when_shown(QMessageBox, lambda _box: window.idle.idle.emit())
    click_choice(qtbot, panel.outcome, "It passed")
    assert asked and not session.is_unlocked
    journal = open_with_passphrase(files, PASSPHRASE)
    assert journal.cravings.get(craving.id).outcome is Outcome.USED
    journal.close()


def test_a_lapse_begun_from_the_craving_panel_comes_back_linked_to_its_craving(
    qtbot, window_for, counting, files, messages
):
    """ "I used" opens the lapse flow over the panel; a lock then keeps both: the craving
    saved, the lapse as a draft that, saved after the unlock, is linked to that craving."""
    window, session = _unlocked(window_for, counting, files)
    panel = _panel(qtbot, window)

    def type_then_walk_away(dialog):
        qtbot.keyClicks(dialog.before, BEFORE)
        window.idle.idle.emit()

    first = when_shown(LapseDialog, type_then_walk_away)
    click_choice(qtbot, panel.outcome, "I used")
    qtbot.waitUntil(lambda: bool(first) and not session.is_unlocked, timeout=5000)
    back = when_shown(LapseDialog, _save)
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: bool(back) and bool(messages), timeout=5000)
    [craving] = session.journal.cravings.between(TODAY, TODAY)
    [lapse] = session.journal.recovery_time.lapses(TODAY, TODAY)
    assert (lapse.before, lapse.craving_id) == (BEFORE, craving.id)
    assert craving.outcome is Outcome.USED


def test_ctrl_l_in_a_usual_days_block_brings_usual_days_and_the_typing_back(
    qtbot, window_for, counting, files
):
    """My day → Usual days… → Change… on a block, type in the title, Ctrl+L, unlock: Usual
    days is open again on that weekday with the block's dialog filled as it was left;
    Save changes that block of the usual day."""
    weekday = TODAY.weekday()
    counting.day_plan.save_template(weekday, [BlockTimes(420, 480, "Walk", BlockCategory.EXERCISE)])
    window, session = _unlocked(window_for, counting, files)
    page = _show(window, DayPage)

    def change_the_block(dialog):
        assert dialog.list.currentRow() == 0
        dialog.change()

    def type_then_lock(dialog):
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_End)
        qtbot.keyClicks(dialog.title_edit, " by the river")
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    when_shown(UsualDaysDialog, change_the_block)
    when_shown(DayBlockDialog, type_then_lock)
    qtbot.mouseClick(page.side.usual_days, LEFT)
    assert not session.is_unlocked
    [kept] = _kept_drafts(files)
    assert (kept.kind, kept.text("title"), kept.number("weekday")) == (
        DraftKind.DAY_BLOCK,
        "Walk by the river",
        weekday,
    )
    seen = []

    def look_then_save(dialog):
        usual = dialog.parent()
        seen.append(
            (
                isinstance(usual, UsualDaysDialog) and usual.isVisible(),
                usual.chosen_weekday(),
                dialog.title_edit.text(),
                _resumed_line_shown(dialog),
            )
        )
        _save(dialog)
        usual.reject()  # then Close

    back = when_shown(DayBlockDialog, look_then_save)
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: bool(back), timeout=5000)
    assert seen == [(True, weekday, "Walk by the river", True)]
    usual = session.journal.day_plan.template(weekday)
    assert [b.title for b in usual.blocks] == ["Walk by the river"]
    qtbot.waitUntil(lambda: session.journal.drafts.drafts() == [])
