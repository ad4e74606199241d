"""The People page through qtbot, saving into a real encrypted journal."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from recovery_desktop.domain.contacts import (
    DEFAULT_CRISIS_LINES,
    Contact,
    Method,
    ReachOut,
    Role,
    call_first,
)
from recovery_desktop.ui.dialogs.contact_dialog import ContactDialog
from recovery_desktop.ui.dialogs.crisis_line_dialog import CrisisLineDialog
from recovery_desktop.ui.dialogs.reach_out_dialog import ReachOutDialog
from recovery_desktop.ui.models.contacts_model import COL_NAME, COL_WHO
from recovery_desktop.ui.pages.people.page import PeoplePage
from tests.ui.conftest import click_choice

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def page(qtbot, journal):
    """The People page, shown and active."""
    shown = PeoplePage(journal.contacts, journal.preferences)
    qtbot.addWidget(shown)
    shown.resize(1100, 780)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    return shown


@pytest.fixture
def answers(monkeypatch):
    """Confirmation boxes answer from this list (Yes by default) and record their titles."""
    asked: list[str] = []
    replies: list[QMessageBox.StandardButton] = []

    def question(_parent, title, _text, *_args):
        asked.append(title)
        return replies.pop(0) if replies else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked, replies


def run_dialog(monkeypatch, dialog_class, fill):
    """Make ``dialog_class.exec`` fill the dialog with ``fill`` and press OK, without blocking."""
    seen = []

    def exec_(dialog):
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", exec_)
    return seen


def add_people(journal, *names):
    return [journal.contacts.save(Contact(None, name)) for name in names]


def names(journal, include_archived=False):
    return [c.name for c in journal.contacts.contacts(include_archived)]


def select(page, contact):
    box = page.contacts_box
    box.view.selectRow(box.model.row_of(contact.id))


def test_adding_a_person_through_the_dialog_saves_them(qtbot, page, journal, monkeypatch):
    """Add… opens the dialog; the typed details are saved and the new row is selected."""

    def fill(dialog):
        qtbot.keyClicks(dialog.name_edit, "  Sam ")
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findText("Sponsor"))
        qtbot.keyClicks(dialog.phone_edit, "555-0142")
        qtbot.keyClicks(dialog.email_edit, "sam@example.org")
        qtbot.keyClicks(dialog.notes_edit, "Evenings are best.")

    seen = run_dialog(monkeypatch, ContactDialog, fill)
    qtbot.mouseClick(page.contacts_box.add_button, LEFT)
    saved = journal.contacts.contacts()
    assert [(c.name, c.role, c.phone, c.email, c.notes) for c in saved] == [
        ("Sam", Role.SPONSOR, "555-0142", "sam@example.org", "Evenings are best.")
    ]
    assert seen[0].windowTitle() == "Add a person"
    assert page.contacts_box.selected().name == "Sam"
    assert page.contacts_box.model.data(page.contacts_box.model.index(0, COL_NAME)) == "Sam"


def test_double_clicking_a_person_edits_them(qtbot, page, journal, monkeypatch):
    """A double-click opens their details; the change is saved and the title stays private."""
    (sam,) = add_people(journal, "Sam")
    page.refresh()

    def fill(dialog):
        assert dialog.name_edit.text() == "Sam"
        dialog.phone_edit.setText("555-0199")
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findText("Peer"))

    seen = run_dialog(monkeypatch, ContactDialog, fill)
    view = page.contacts_box.view
    rect = view.visualRect(page.contacts_box.model.index(0, COL_NAME))
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), LEFT, pos=rect.center())
    stored = journal.contacts.get(sam.id)
    assert (stored.phone, stored.role) == ("555-0199", Role.PEER)
    assert "Sam" not in seen[0].windowTitle() and "555" not in seen[0].windowTitle()
    assert page.contacts_box.model.data(page.contacts_box.model.index(0, 2)) == "555-0199"


def test_move_up_and_down_change_the_call_first_order(qtbot, page, journal):
    """Move up/Move down are saved at once and decide who call_first() returns."""
    ann, _ben, cat, dan = add_people(journal, "Ann", "Ben", "Cat", "Dan")
    page.refresh()
    box = page.contacts_box
    select(page, dan)
    qtbot.mouseClick(box.up_button, LEFT)
    qtbot.mouseClick(box.up_button, LEFT)
    assert names(journal) == ["Ann", "Dan", "Ben", "Cat"]
    assert [c.name for c in call_first(journal.contacts.contacts())] == ["Ann", "Dan", "Ben"]
    select(page, ann)
    assert not box.up_button.isEnabled()
    qtbot.mouseClick(box.down_button, LEFT)
    assert names(journal) == ["Dan", "Ann", "Ben", "Cat"]
    assert box.selected().id == ann.id
    select(page, cat)
    assert not box.down_button.isEnabled()
    assert [box.model.contact_at(r).name for r in range(4)] == ["Dan", "Ann", "Ben", "Cat"]


def test_a_drag_and_drop_reorder_is_saved(qtbot, page, journal):
    """Dropping the last row at the top saves the new order in the journal."""
    add_people(journal, "Ann", "Ben", "Cat")
    page.refresh()
    model = page.contacts_box.model
    payload = model.mimeData([model.index(2, COL_NAME)])
    assert model.dropMimeData(payload, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    qtbot.waitUntil(lambda: names(journal) == ["Cat", "Ann", "Ben"])
    assert [model.contact_at(r).name for r in range(3)] == ["Cat", "Ann", "Ben"]


def test_archiving_keeps_the_person_and_their_reach_outs(qtbot, page, journal, answers):
    """Archive… asks first; the person leaves the list, stays stored, and can come back."""
    asked, replies = answers
    _ann, ben = add_people(journal, "Ann", "Ben")
    journal.contacts.log_reach_out(ReachOut(None, ben.id, datetime.now().replace(second=0)))
    page.refresh()
    box = page.contacts_box
    select(page, ben)
    replies.append(QMessageBox.StandardButton.No)
    qtbot.mouseClick(box.archive_button, LEFT)
    assert names(journal) == ["Ann", "Ben"]
    qtbot.mouseClick(box.archive_button, LEFT)
    assert asked == ["Archive this person?", "Archive this person?"]
    assert names(journal) == ["Ann"]
    assert box.model.rowCount() == 1
    assert [(c.name, c.archived) for c in journal.contacts.contacts(include_archived=True)] == [
        ("Ann", False),
        ("Ben", True),
    ]
    assert page.log_box.model.data(page.log_box.model.index(0, COL_WHO)) == "Ben"

    box.show_archived.setChecked(True)
    assert box.model.rowCount() == 2
    select(page, ben)
    assert box.archive_button.text() == "&Bring back"
    assert not box.up_button.isEnabled()
    qtbot.mouseClick(box.archive_button, LEFT)
    assert names(journal) == ["Ann", "Ben"]
    assert len(asked) == 2  # bringing back needs no confirmation


def test_logging_a_reach_out_shows_it_in_the_log(qtbot, page, journal, monkeypatch):
    """The dialog saves who, how, whether it helped and the note; the log shows it."""
    add_people(journal, "Ann", "Ben")
    page.refresh()

    def fill(dialog):
        dialog.who_combo.setCurrentIndex(dialog.who_combo.findText("Ben (friend)"))
        click_choice(qtbot, dialog.how_choice, "Text")
        click_choice(qtbot, dialog.helped_choice, "Yes")
        qtbot.keyClicks(dialog.note_edit, "Said I was struggling.")

    with qtbot.waitSignal(page.log_box.changed):
        run_dialog(monkeypatch, ReachOutDialog, fill)
        qtbot.mouseClick(page.log_box.log_button, LEFT)
    (reach,) = journal.contacts.reach_outs(date.today(), date.today())
    assert (reach.how, reach.helped, reach.note) == (Method.TEXT, True, "Said I was struggling.")
    assert journal.contacts.get(reach.contact_id).name == "Ben"
    model = page.log_box.model
    assert model.rowCount() == 1
    assert [model.data(model.index(0, c)) for c in range(1, 5)] == [
        "Ben",
        "Text",
        "Yes",
        "Said I was struggling.",
    ]
    assert "today" in page.log_box.last_label.text()


def test_the_reach_out_dialog_can_open_with_a_person_chosen(qtbot, page, journal, monkeypatch):
    """log_reach_out(contact_id) preselects that person, as the craving panel needs."""
    _ann, ben = add_people(journal, "Ann", "Ben")
    page.refresh()
    chosen = []
    run_dialog(monkeypatch, ReachOutDialog, lambda d: chosen.append(d.who_combo.currentData()))
    assert page.log_reach_out(ben.id)
    assert chosen == [ben.id]
    (reach,) = journal.contacts.reach_outs(date.today(), date.today())
    assert (reach.contact_id, reach.how, reach.helped) == (ben.id, Method.CALL, None)


def test_deleting_a_reach_out_asks_first(qtbot, page, journal, answers):
    """Delete… removes the selected reach-out only after a yes."""
    asked, replies = answers
    (ann,) = add_people(journal, "Ann")
    yesterday = datetime.now().replace(second=0, microsecond=0) - timedelta(days=1)
    journal.contacts.log_reach_out(ReachOut(None, ann.id, yesterday, Method.MEETING))
    page.refresh()
    assert "yesterday" in page.log_box.last_label.text()
    page.log_box.view.selectRow(0)
    replies.append(QMessageBox.StandardButton.No)
    qtbot.mouseClick(page.log_box.delete_button, LEFT)
    assert page.log_box.model.rowCount() == 1
    qtbot.mouseClick(page.log_box.delete_button, LEFT)
    assert asked == ["Delete this reach-out?"] * 2
    assert journal.contacts.reach_outs(date.today() - timedelta(days=90), date.today()) == []
    assert page.log_box.model.rowCount() == 0


def test_a_reach_out_can_be_corrected(qtbot, page, journal, monkeypatch):
    """Edit… (or double-click) opens the logged reach-out filled in; saving changes that one
    row, also when the person has since been archived."""
    ann, ben = add_people(journal, "Ann", "Ben")
    when = datetime.now().replace(second=0, microsecond=0) - timedelta(days=2)
    logged = journal.contacts.log_reach_out(ReachOut(None, ann.id, when, Method.CALL, None, "ok"))
    journal.contacts.set_archived(ann.id)
    page.refresh()
    box = page.log_box
    assert not box.edit_button.isEnabled()
    box.view.selectRow(0)
    seen = []

    def fill(dialog):
        seen.append(
            (dialog.windowTitle(), dialog.who_combo.currentText(), dialog.how_choice.value())
        )
        assert dialog.when_edit.dateTime().toPython() == when
        assert dialog.note_edit.toPlainText() == "ok"
        click_choice(qtbot, dialog.helped_choice, "Yes")
        dialog.note_edit.setPlainText("It helped a lot.")

    run_dialog(monkeypatch, ReachOutDialog, fill)
    qtbot.mouseClick(box.edit_button, LEFT)
    assert seen == [("Edit reach-out", "Ann (friend)", Method.CALL)]
    (reach,) = journal.contacts.reach_outs(date.today() - timedelta(days=90), date.today())
    assert reach == ReachOut(logged.id, ann.id, when, Method.CALL, True, "It helped a lot.")
    assert box.model.data(box.model.index(0, 4)) == "It helped a lot."

    def switch(dialog):
        dialog.select_contact(ben.id)

    run_dialog(monkeypatch, ReachOutDialog, switch)
    cell = box.view.visualRect(box.model.index(0, COL_WHO)).center()
    qtbot.mouseClick(box.view.viewport(), LEFT, pos=cell)  # a view double-click follows a press
    qtbot.mouseDClick(box.view.viewport(), LEFT, pos=cell)
    (reach,) = journal.contacts.reach_outs(date.today() - timedelta(days=90), date.today())
    assert (reach.id, reach.contact_id) == (logged.id, ben.id)
    assert journal.contacts.reach_out_count() == 1


def test_crisis_lines_are_prefilled_and_copy_puts_the_number_on_the_clipboard(qtbot, page):
    """The four default lines are listed; Copy copies just the number."""
    rows = page.crisis_box.rows
    assert [(r.line.name, r.number.text()) for r in rows] == [
        (name, number) for name, number, _details in DEFAULT_CRISIS_LINES
    ]
    qtbot.mouseClick(rows[1].copy_button, LEFT)
    assert QGuiApplication.clipboard().text() == "988"
    assert "988" in page.crisis_box.status.text()


def test_crisis_lines_can_be_reordered(qtbot, page, journal):
    """The arrows move a line; the first and last arrows are off; the order is saved."""
    first, second = (name for name, _number, _details in DEFAULT_CRISIS_LINES[:2])
    box = page.crisis_box
    assert not box.rows[0].up_button.isEnabled()
    assert not box.rows[-1].down_button.isEnabled()
    qtbot.mouseClick(box.rows[1].up_button, LEFT)
    assert [line.name for line in journal.contacts.crisis_lines()[:2]] == [second, first]
    assert [row.line.name for row in box.rows[:2]] == [second, first]
    qtbot.mouseClick(box.rows[0].down_button, LEFT)
    assert [line.name for line in journal.contacts.crisis_lines()[:2]] == [first, second]


def test_crisis_lines_can_be_edited_added_and_removed(qtbot, page, journal, monkeypatch, answers):
    """Edit… changes a line for another country; Add… and Remove… change the list."""
    run_dialog(monkeypatch, CrisisLineDialog, lambda d: d.number_edit.setText("112"))
    qtbot.mouseClick(page.crisis_box.rows[0].edit_button, LEFT)
    assert journal.contacts.crisis_lines()[0].number == "112"

    def fill_new(dialog):
        qtbot.keyClicks(dialog.name_edit, "Local helpline")
        qtbot.keyClicks(dialog.number_edit, "0800 000 000")

    run_dialog(monkeypatch, CrisisLineDialog, fill_new)
    qtbot.mouseClick(page.crisis_box.add_button, LEFT)
    qtbot.mouseClick(page.crisis_box.rows[3].remove_button, LEFT)
    lines = [(line.name, line.number) for line in journal.contacts.crisis_lines()]
    assert lines[0] == ("Emergency services", "112")
    assert lines[-1] == ("Local helpline", "0800 000 000")
    assert "Poison Control" not in [name for name, _ in lines]
    assert [r.line.name for r in page.crisis_box.rows] == [name for name, _ in lines]


def test_an_empty_name_shows_a_message_and_saves_nothing(qtbot, journal):
    """OK with no name keeps the dialog open with a calm message; nothing is stored."""
    dialog = ContactDialog(journal.contacts)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.phone_edit, "555-0100")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, LEFT)
    assert "name" in dialog.error.text()
    assert dialog.result() == 0
    assert journal.contacts.contacts(include_archived=True) == []
    qtbot.keyClicks(dialog.name_edit, "Sam")
    assert dialog.error.text() == ""


def test_an_incomplete_email_is_refused(qtbot, journal):
    """An email without @ is explained and nothing is saved."""
    dialog = ContactDialog(journal.contacts)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Sam")
    dialog.email_edit.setText("sam.example.org")
    dialog.accept()
    assert dialog.error.text() == "That email address doesn't look complete."
    assert journal.contacts.contacts() == []


def test_a_reach_out_needs_someone_to_reach(qtbot, journal):
    """With nobody in the list the dialog says so and cannot be confirmed."""
    dialog = ReachOutDialog(journal.contacts)
    qtbot.addWidget(dialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert "nobody in your list" in dialog.error.text()
    dialog.accept()
    assert journal.contacts.reach_out_count() == 0
