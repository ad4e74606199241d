"""Appointments on Medication & visits through qtbot: a weekly repeat added in one action,
an edit of this and the following ones, marking, deleting and undoing, the link to People
and plain-words refusals, each read back from the journal reopened."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication, QMessageBox

from recovery_desktop.data.errors import StorageProblem
from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.appointment_list import Shown
from recovery_desktop.domain.appointments import Appointment, WeeklyRepeat
from recovery_desktop.domain.contacts import Contact, Role
from recovery_desktop.domain.dates import EARLIEST_DAY, LATEST_DAY
from recovery_desktop.domain.sessions import AppointmentKind, Attendance
from recovery_desktop.ui.models.appointment_rows import (
    COL_ATTENDANCE,
    COL_DAY,
    COL_KIND,
    COL_NAME,
    COL_TIME,
)
from recovery_desktop.ui.pages.medication.appointment_editor import AppointmentEditor
from recovery_desktop.ui.pages.medication.appointments import AppointmentsPanel
from tests.conftest import PASSPHRASE
from tests.ui.conftest import click_choice
from tests.ui.modal import stop_watching, when_shown  # noqa: F401 (stop_watching: fixture)

TODAY = date.today()
NEXT_TUESDAY = TODAY + timedelta(days=(1 - TODAY.weekday()) % 7 or 7)
THERAPY = AppointmentKind.THERAPY


def _panel(qtbot, journal) -> AppointmentsPanel:
    panel = AppointmentsPanel(journal.appointments, journal.contacts)
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    with qtbot.waitExposed(panel):
        panel.show()
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    return panel


def _keys(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the keyboard is, as a user presses it."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _reopened(journal, files) -> list[Appointment]:
    journal.close()
    reopened = open_with_passphrase(files, PASSPHRASE)
    try:
        return reopened.appointments.between(date(2000, 1, 1), date(2100, 1, 1))
    finally:
        reopened.close()


def _shown(panel: AppointmentsPanel, column: int = COL_NAME) -> list[str]:
    model = panel.model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def _choose(qtbot, panel: AppointmentsPanel, row: int) -> None:
    """Choose ``row`` and give the list the keyboard."""
    panel.table.setFocus()
    panel.table.selectRow(row)
    assert panel.selected() is panel.model.appointment_at(row)


def _ok(editor: AppointmentEditor):
    return editor.buttons.button(editor.buttons.StandardButton.Ok)


def _answer_boxes(monkeypatch, button_text: str) -> list[str]:
    """Answer the next question boxes by clicking the button named ``button_text``;
    returns the questions asked."""
    asked: list[str] = []

    def exec_(box):
        asked.append(f"{box.text()} {box.informativeText()}")
        [wanted] = [b for b in box.buttons() if b.text().replace("&", "") == button_text]
        wanted.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_a_weekly_repeat_is_added_in_one_action(qtbot, journal, files):
    """Insert opens the editor; therapy on next Tuesday at 10:00, repeated every week for
    three more weeks, makes four appointments sharing one repeat, all there after reopening."""
    panel = _panel(qtbot, journal)
    words = []

    def act(editor: AppointmentEditor) -> None:
        assert not editor.repeat.on.isChecked()  # off unless asked for
        assert editor.repeat.until.date() == QDate(TODAY + timedelta(weeks=12))
        editor.day.setDate(QDate(NEXT_TUESDAY))
        assert editor.repeat.until.date() == QDate(NEXT_TUESDAY + timedelta(weeks=12))
        editor.time.edit.setTime(QTime(10, 0))
        editor.with_whom.edit.setText("Dr Rivera")
        editor.place.setText("Riverside clinic")
        qtbot.mouseClick(editor.repeat.on, Qt.MouseButton.LeftButton)
        editor.repeat.until.setDate(QDate(NEXT_TUESDAY + timedelta(weeks=3, days=2)))
        words.append(editor.repeat.words.text())
        qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)

    seen = when_shown(AppointmentEditor, act)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Insert)
    assert len(seen) == 1
    last = NEXT_TUESDAY + timedelta(weeks=3)
    assert words == [f"Makes 4 appointments, the last on {last:%a} {last.day} {last:%b %Y}."]
    assert panel.status.text().endswith("Added 4 appointments.")
    assert _shown(panel) == ["Therapy with Dr Rivera"] * 4
    stored = _reopened(journal, files)
    assert [a.day for a in stored] == [NEXT_TUESDAY + timedelta(weeks=n) for n in range(4)]
    assert {(a.at, a.place, a.kind, a.minutes) for a in stored} == {
        (time(10), "Riverside clinic", THERAPY, 60)
    }
    assert len({a.series_id for a in stored}) == 1 and stored[0].series_id is not None


def test_editing_this_and_the_following_ones(qtbot, journal, files, monkeypatch):
    """Enter on the second of four opens it; a new time and place saved for "This and
    the following ones" changes the last three, and the first keeps its own."""
    repeat = WeeklyRepeat(1, NEXT_TUESDAY + timedelta(weeks=3))
    journal.appointments.add(Appointment(NEXT_TUESDAY, THERAPY, time(10), place="Room 1"), repeat)
    panel = _panel(qtbot, journal)
    asked = _answer_boxes(monkeypatch, "This and the following ones")

    def act(editor: AppointmentEditor) -> None:
        editor.time.edit.setTime(QTime(11, 30))
        editor.place.setText("Room 4")
        qtbot.keyClick(editor.place, Qt.Key.Key_Return)

    when_shown(AppointmentEditor, act)
    _choose(qtbot, panel, 1)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert len(asked) == 1 and "the 2 following ones" in asked[0]
    assert panel.status.text().endswith("Changed this one and the following ones.")
    stored = _reopened(journal, files)
    assert [(a.at, a.place) for a in stored] == [(time(10), "Room 1")] + [
        (time(11, 30), "Room 4")
    ] * 3


def test_editing_only_this_one_leaves_the_others(qtbot, journal, files, monkeypatch):
    repeat = WeeklyRepeat(1, NEXT_TUESDAY + timedelta(weeks=2))
    journal.appointments.add(Appointment(NEXT_TUESDAY, THERAPY, time(10)), repeat)
    panel = _panel(qtbot, journal)
    _answer_boxes(monkeypatch, "Only this one")

    def act(editor: AppointmentEditor) -> None:
        editor.title_edit.setText("Longer session")
        qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)

    when_shown(AppointmentEditor, act)
    _choose(qtbot, panel, 0)
    panel.edit_selected()
    assert [a.title for a in _reopened(journal, files)] == ["Longer session", "", ""]


def test_delete_asks_and_ctrl_z_brings_it_back(qtbot, journal, files, monkeypatch):
    """Delete on the list asks first (No keeps it); Yes deletes, and Ctrl+Z brings the
    appointment back with everything it held."""
    kept = Appointment(
        TODAY - timedelta(days=2),
        AppointmentKind.DOCTOR,
        time(9, 15),
        45,
        "Check-up",
        "Surgery",
        notes="Ask about sleep",
        attendance=Attendance.ATTENDED,
    )
    journal.appointments.add(kept)
    panel = _panel(qtbot, journal)
    click_choice(qtbot, panel.part, "Past")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    assert not panel.undo_button.isEnabled()
    _choose(qtbot, panel, 0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert _shown(panel) == ["Check-up"] and journal.appointments.count() == 1
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert asked[0].startswith("Delete Check-up on ") and "Ctrl+Z" in asked[0]
    assert _shown(panel) == [] and journal.appointments.count() == 0
    assert panel.hint.text() == "No past appointments yet."
    assert panel.undo_button.isEnabled()
    _keys(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _shown(panel) == ["Check-up"] and panel.status.text().endswith("Brought back.")
    assert not panel.undo_button.isEnabled()
    [back] = _reopened(journal, files)
    assert back == Appointment(**{**kept.__dict__, "id": back.id})


def test_deleting_the_following_ones_and_undo(qtbot, journal, files, monkeypatch):
    """Deleting the second of four "and the following ones" leaves one; the Undo button
    brings the three back."""
    repeat = WeeklyRepeat(1, NEXT_TUESDAY + timedelta(weeks=3))
    journal.appointments.add(Appointment(NEXT_TUESDAY, AppointmentKind.GROUP, time(19)), repeat)
    panel = _panel(qtbot, journal)
    _answer_boxes(monkeypatch, "This and the following ones")
    _choose(qtbot, panel, 1)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert len(_shown(panel)) == 1
    assert panel.selected().day == NEXT_TUESDAY  # the row that took its place is chosen
    assert "Deleted 3 appointments." in panel.status.text()
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert len(_shown(panel)) == 4
    stored = _reopened(journal, files)
    assert [a.day for a in stored] == [NEXT_TUESDAY + timedelta(weeks=n) for n in range(4)]
    assert len({a.series_id for a in stored}) == 1


def test_marking_a_past_appointment_attended(qtbot, journal, files):
    """A past appointment reads "Not marked yet"; "Mark as" → Attended saves the mark,
    which the menu then shows ticked."""
    journal.appointments.add(Appointment(TODAY - timedelta(days=1), THERAPY, time(10)))
    panel = _panel(qtbot, journal)
    assert _shown(panel) == [] and "No appointments coming up" in panel.hint.text()
    click_choice(qtbot, panel.part, "Past")
    assert _shown(panel, COL_ATTENDANCE) == ["Not marked yet"]
    assert not panel.mark_button.isEnabled()
    _choose(qtbot, panel, 0)
    assert panel.mark_button.isEnabled()
    [attended] = [a for a in panel.mark_button.menu().actions() if a.text() == "Attended"]
    attended.trigger()
    assert _shown(panel, COL_ATTENDANCE) == ["Attended"]
    assert panel.status.text().endswith("Marked attended.")
    assert panel.selected() is not None  # still chosen after the list was read again
    menu = panel.mark_button.menu()
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions() if a.isChecked()] == ["Attended"]
    [stored] = _reopened(journal, files)
    assert stored.attendance is Attendance.ATTENDED


def test_attendance_in_the_editor(qtbot, journal, files):
    """The editor of a saved appointment marks it too (M for Missed, by keyboard)."""
    journal.appointments.add(Appointment(TODAY, AppointmentKind.CLINIC, time(8)))
    panel = _panel(qtbot, journal)

    def act(editor: AppointmentEditor) -> None:
        assert editor.attendance.isVisible() and not editor.repeat.isVisible()
        editor.attendance.setFocus()
        qtbot.keyClick(editor.attendance, Qt.Key.Key_M)
        qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)

    seen = when_shown(AppointmentEditor, act)
    _choose(qtbot, panel, 0)
    panel.edit_selected()
    assert len(seen) == 1 and _shown(panel, COL_ATTENDANCE) == ["Missed"]
    assert [a.attendance for a in _reopened(journal, files)] == [Attendance.MISSED]


def test_with_whom_links_to_the_one_contact_of_that_name(qtbot, journal, files):
    """ "sam lee " links to Sam Lee in People (the line says so); a name two contacts
    share, or nobody has, links to nobody and is kept as typed."""
    journal.contacts.save(Contact(None, "Sam Lee", Role.THERAPIST))
    journal.contacts.save(Contact(None, "Alex", Role.FRIEND))
    journal.contacts.save(Contact(None, "alex", Role.PEER))
    sam = journal.appointments.contact_matching("Sam Lee")
    assert sam is not None
    panel = _panel(qtbot, journal)
    lines = []

    def act(editor: AppointmentEditor) -> None:
        field = editor.with_whom
        for typed in ("Alex", "Jo", "sam lee "):
            field.edit.setText(typed)
            lines.append(field.link.text())
        qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)

    when_shown(AppointmentEditor, act)
    panel.add()
    assert lines == [
        "Not linked: more than one person in People has this name.",
        "",
        "Linked to Sam Lee in People",
    ]
    [stored] = _reopened(journal, files)
    assert (stored.with_whom, stored.contact_uid) == ("sam lee", sam)


def test_refusals_in_plain_words_keep_what_was_typed(qtbot, journal):
    """A repeat ending before it starts and a title too long are refused in the dialog,
    which keeps everything typed; nothing is saved."""
    panel = _panel(qtbot, journal)
    messages = []

    def act(editor: AppointmentEditor) -> None:
        editor.notes.setPlainText("Bring the letter")
        editor.repeat.on.setChecked(True)
        editor.repeat.until.setDate(QDate(TODAY - timedelta(days=1)))
        qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)
        messages.append(editor.error.text())
        editor.repeat.until.setDate(QDate(TODAY + timedelta(weeks=1)))
        editor.title_edit.setText("x" * 2001)
        qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)
        messages.append(editor.error.text())
        assert editor.isVisible() and editor.notes.toPlainText() == "Bring the letter"

    when_shown(AppointmentEditor, act)
    panel.add()
    assert messages == [
        "The last day of a repeat cannot come before the first.",
        "Each text can be at most 2000 characters.",
    ]
    assert journal.appointments.count() == 0


def test_a_new_day_moves_yesterdays_appointment_to_past(qtbot, journal):
    journal.appointments.add(Appointment(TODAY, THERAPY, time(10)))
    panel = _panel(qtbot, journal)
    assert len(_shown(panel)) == 1
    panel.day_changed(TODAY + timedelta(days=1))
    assert _shown(panel) == []


def test_tab_goes_through_the_editor_in_the_order_shown(qtbot, journal):
    """Keyboard-complete: from Kind, Tab visits every field top to bottom, then Add (a
    date or time field takes one Tab per part, as Qt's date fields do)."""
    editor = AppointmentEditor(journal.appointments, journal.contacts)
    qtbot.addWidget(editor)
    with qtbot.waitExposed(editor):
        editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: editor.kind.hasFocus())
    visited = []
    for _ in range(17):
        focus = editor.focusWidget()
        name = focus.accessibleName() or focus.text().replace("&", "")
        if not visited or visited[-1] != name:
            visited.append(name)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    assert visited == [
        "Kind",
        "Day",
        "Time",
        "Time not known",
        "Length in minutes",
        "Title",
        "With whom",
        "Place",
        "Notes",
        "Repeat every",
        "Add",
        "Cancel",
        "Kind",
    ]


def test_a_save_the_journal_refuses_keeps_the_editor_open(qtbot, journal, monkeypatch):
    """A full disk: the editor says "Not saved: …", keeps everything typed, and the list
    never says "Saved"; once the disk has room the same Add saves it."""
    panel = _panel(qtbot, journal)
    add = journal.appointments.add

    def fail(*_args, **_kwargs):
        raise StorageProblem("The disk is full.")

    monkeypatch.setattr(journal.appointments, "add", fail)
    messages = []

    def act(editor: AppointmentEditor) -> None:
        editor.place.setText("Hill Street clinic")
        qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)
        messages.append(editor.error.text())
        assert editor.isVisible() and editor.place.text() == "Hill Street clinic"
        monkeypatch.setattr(journal.appointments, "add", add)
        qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)

    when_shown(AppointmentEditor, act)
    panel.add()
    assert messages == ["Not saved: The disk is full. What you typed is still here."]
    assert panel.status.text().endswith("Added.")
    assert [a.place for a in journal.appointments.between(TODAY, TODAY)] == ["Hill Street clinic"]


def test_a_link_stays_while_the_name_is_the_one_it_was_made_for(qtbot, journal, files):
    """Sam renamed Samuel in People: editing the place keeps the link; typing another name
    drops it."""
    sam = journal.contacts.save(Contact(None, "Sam", Role.THERAPIST))
    uid = journal.appointments.contact_matching("Sam")
    assert uid is not None
    journal.appointments.add(
        Appointment(TODAY, THERAPY, time(10), with_whom="Sam", contact_uid=uid)
    )
    journal.contacts.save(replace(sam, name="Samuel"))
    panel = _panel(qtbot, journal)
    typed = iter(["Sam", "Jo"])

    def act(editor: AppointmentEditor) -> None:
        editor.with_whom.edit.setText(next(typed))
        editor.place.setText("Room 2")
        qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)

    _choose(qtbot, panel, 0)
    when_shown(AppointmentEditor, act)
    panel.edit_selected()
    assert [(a.with_whom, a.contact_uid) for a in journal.appointments.between(TODAY, TODAY)] == [
        ("Sam", uid)
    ]
    when_shown(AppointmentEditor, act)
    panel.edit_selected()
    [stored] = _reopened(journal, files)
    assert (stored.with_whom, stored.contact_uid, stored.place) == ("Jo", None, "Room 2")


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    day=st.dates(EARLIEST_DAY, LATEST_DAY),
    kind=st.sampled_from(AppointmentKind),
    mark=st.sampled_from([None, *Attendance]),
)
def test_the_columns_sized_once_hold_every_day_kind_and_mark(qtbot, journal, day, kind, mark):
    """Day, time, kind and attendance are sized from what they can hold (not by measuring
    every row): any day from 1950 to 2199, any kind and mark shows whole."""
    panel = AppointmentsPanel(journal.appointments, journal.contacts)
    qtbot.addWidget(panel)
    model, header = panel.model, panel.table.horizontalHeader()
    model.show(
        [Appointment(day, kind, time(23, 59), attendance=mark, id=1)], Shown.PAST, LATEST_DAY
    )
    metrics = panel.table.fontMetrics()
    for column in (COL_DAY, COL_TIME, COL_KIND, COL_ATTENDANCE):
        text = model.data(model.index(0, column))
        assert metrics.horizontalAdvance(text) + 8 <= header.sectionSize(column), text


def test_moving_the_day_to_the_future_resets_attended_and_says_so(qtbot, journal, files):
    """Attended chosen, then the day moved to tomorrow: Attended can no longer be chosen, so
    the mark goes back to Not marked yet (the line under the fields says so) and Save keeps
    the appointment on its new day, not marked; Rescheduled stays as chosen."""
    [stored] = journal.appointments.add(Appointment(TODAY, THERAPY, time(10)))
    editor = AppointmentEditor(journal.appointments, journal.contacts, stored)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.attendance.setFocus()
    qtbot.keyClick(editor.attendance, Qt.Key.Key_A)
    assert editor.attendance.value() is Attendance.ATTENDED
    editor.day.setDate(QDate(TODAY + timedelta(days=1)))
    assert editor.attendance.value() is None
    assert editor.error.text() == "Attended is for a day that has come: back to Not marked yet."
    qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)
    assert editor.result() == editor.DialogCode.Accepted
    [saved] = _reopened(journal, files)
    assert (saved.day, saved.attendance) == (TODAY + timedelta(days=1), None)
    rescheduled = AppointmentEditor(journal.appointments, journal.contacts, saved)
    qtbot.addWidget(rescheduled)
    rescheduled.attendance.setValue(Attendance.RESCHEDULED)
    rescheduled.day.setDate(QDate(TODAY + timedelta(days=2)))
    assert rescheduled.attendance.value() is Attendance.RESCHEDULED
    assert rescheduled.error.text() == ""
