"""The Medication & visits page through qtbot: adding, editing, stopping and deleting a
medication, ticking the doses of a day and logging an "as needed" dose, each read back from
the journal reopened."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.data.medication import MedicationRepository
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.medication import (
    DoseMark,
    DoseRecord,
    Medication,
    MedicationKind,
    Repeat,
    Schedule,
)
from recovery_desktop.ui.models.medications_model import (
    COL_DATES,
    COL_NAME,
    COL_SCHEDULE,
    COL_WEEK,
)
from recovery_desktop.ui.pages.medication.doses import LOG_TIP, NOT_ON_THIS_DAY, LogDoseDialog
from recovery_desktop.ui.pages.medication.editor import MedicationEditor
from recovery_desktop.ui.pages.medication.page import MedicationPage
from recovery_desktop.ui.pages.medication.stop import StopDialog
from recovery_desktop.ui.pages.today.page import TodayPage
from recovery_desktop.ui.session import Session
from tests.conftest import PASSPHRASE
from tests.ui.conftest import open_page, shown_page
from tests.ui.modal import stop_watching, when_shown  # noqa: F401 (stop_watching: fixture)

TODAY = date.today()
YESTERDAY = TODAY - timedelta(days=1)
EIGHT = time(8, 0)
DAILY = Schedule(Repeat.WEEKDAYS, (EIGHT,), frozenset(range(7)))


def _page(qtbot, journal) -> MedicationPage:
    page = MedicationPage(journal.medication, journal.appointments, journal.contacts)
    return shown_page(qtbot, page, journal, 1000, 700)


def _reopened(journal, files):
    """A new repository on the journal closed and opened again (closed by the caller)."""
    journal.close()
    reopened = open_with_passphrase(files, PASSPHRASE)
    return reopened, MedicationRepository(reopened.db, reopened.changes)


def _save(dialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _cell(page, row, column):
    model = page.medication_box.model
    return model.data(model.index(row, column))


def _fill_methadone(dialog: MedicationEditor) -> None:
    assert not dialog.methadone.isVisible()  # buprenorphine first: no clinic days
    dialog.name.setText("Methadone")
    dialog.kind.setCurrentIndex(dialog.kind.findData(MedicationKind.METHADONE))
    assert dialog.methadone.isVisible()
    dialog.dose.setText("60 mg liquid")
    dialog.prescriber.setText("Harbour clinic")
    dialog.started.setDate(dialog.started.date().addDays(-10))
    for day in range(6):
        dialog.methadone.clinic.boxes[day].click()
    dialog.methadone.take_home.boxes[6].click()
    dialog.methadone.clinic.boxes[6].click()  # Sunday: now a clinic day, no longer take-home
    dialog.methadone.take_home.boxes[6].click()  # and back to take-home
    dialog.taper.text.setText("From 70 mg to 60 mg, agreed with the clinic")
    dialog.taper.add_button.click()
    _save(dialog)


def _edit_times(dialog: MedicationEditor) -> None:
    assert not dialog.schedule.past_note.isVisible()
    dialog.dose.setText("55 mg liquid")
    dialog.schedule.times.add_button.click()
    dialog.schedule.times.fields[-1].setTime(QTime(20, 0))
    assert dialog.schedule.past_note.isVisible()  # "Past days keep the schedule they had"
    _save(dialog)


def test_a_medication_added_edited_and_stopped_through_the_dialogs_is_kept(qtbot, journal, files):
    """Add a methadone prescription (clinic Mon–Sat, take-home Sunday, a taper note), add
    an evening dose, then stop it yesterday: all of it is in the reopened journal."""
    page = _page(qtbot, journal)
    box = page.medication_box
    assert not box.edit_button.isEnabled()
    when_shown(MedicationEditor, _fill_methadone)
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert _cell(page, 0, COL_NAME) == "Methadone"
    assert _cell(page, 0, COL_SCHEDULE) == "08:00 daily"
    assert box.status.text() == "Saved."
    when_shown(MedicationEditor, _edit_times)
    qtbot.mouseClick(box.edit_button, Qt.MouseButton.LeftButton)
    assert _cell(page, 0, COL_SCHEDULE) == "08:00 and 20:00 daily"
    when_shown(StopDialog, lambda d: (d.day.setDate(d.day.date().addDays(-1)), _save(d)))
    qtbot.mouseClick(box.stop_button, Qt.MouseButton.LeftButton)
    assert _cell(page, 0, COL_NAME) == "Methadone"
    assert "stopped" in _cell(page, 0, COL_DATES)
    reopened, medications = _reopened(journal, files)
    try:
        [kept] = medications.medications()
        notes = medications.taper_notes(kept.id)
        spans = medications.spans(kept.id)
    finally:
        reopened.close()
    assert (kept.name, kept.kind, kept.dose, kept.prescriber) == (
        "Methadone",
        MedicationKind.METHADONE,
        "55 mg liquid",
        "Harbour clinic",
    )
    assert kept.clinic_days == frozenset(range(6)) and kept.take_home_days == {6}
    assert kept.schedule.times == (EIGHT, time(20, 0))
    assert (kept.started, kept.stopped) == (TODAY - timedelta(days=10), YESTERDAY)
    assert [s.since for s in spans] == [TODAY - timedelta(days=10), TODAY]  # the past kept
    assert [(n.day, n.text) for n in notes] == [
        (TODAY, "From 70 mg to 60 mg, agreed with the clinic")
    ]


def test_a_refused_save_says_why_and_keeps_what_was_typed(qtbot, journal):
    """No name: the message is in the dialog, which stays open with the dose typed."""
    dialog = MedicationEditor(journal.medication, None, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.dose.setText("16 mg film")
    dialog.schedule.weekdays.set_days(frozenset())
    dialog.name.setText("Buprenorphine")
    _save(dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == "Please choose at least one day of the week."
    assert dialog.dose.text() == "16 mg film"
    assert journal.medication.medications() == []


def test_a_dose_ticked_on_the_page_is_read_by_a_new_repository(qtbot, journal, files):
    """Today's dose ticked taken, yesterday's missed (a past day can be corrected): the
    list counts them, and a new repository on the reopened journal reads both ticks."""
    added = journal.medication.add(
        Medication(
            "Suboxone",
            MedicationKind.BUPRENORPHINE_NALOXONE,
            DAILY,
            "16 mg film",
            started=TODAY - timedelta(days=10),
        ),
        TODAY,
    )
    page = _page(qtbot, journal)
    doses = page.doses
    assert not doses.picker.next_button.isEnabled()  # never beyond today
    assert _cell(page, 0, COL_WEEK) == "0 of 6 taken"  # today's dose counts once ticked
    qtbot.mouseClick(doses.list.rows[0].taken, Qt.MouseButton.LeftButton)
    assert _cell(page, 0, COL_WEEK) == "1 of 7 taken"
    qtbot.mouseClick(doses.picker.previous_button, Qt.MouseButton.LeftButton)
    assert doses.day == YESTERDAY
    qtbot.mouseClick(doses.list.rows[0].missed, Qt.MouseButton.LeftButton)
    reopened, medications = _reopened(journal, files)
    try:
        records = medications.records(added.id, YESTERDAY, TODAY)
    finally:
        reopened.close()
    assert [(r.day, r.at, r.mark) for r in records] == [
        (YESTERDAY, EIGHT, DoseMark.MISSED),
        (TODAY, EIGHT, DoseMark.TAKEN),
    ]


def test_an_as_needed_dose_is_logged_at_the_time_given(qtbot, journal, files):
    """ "Log a dose…" on yesterday: the medication and the time chosen, kept. The day
    before it started, the button is greyed and its tooltip says why."""
    added = journal.medication.add(
        Medication(
            "Naloxone spray", MedicationKind.OTHER, Schedule(Repeat.AS_NEEDED), started=YESTERDAY
        ),
        YESTERDAY,
    )
    page = _page(qtbot, journal)
    previous = page.doses.picker.previous_button
    qtbot.mouseClick(previous, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(previous, Qt.MouseButton.LeftButton)
    assert not page.doses.log_button.isEnabled()
    assert page.doses.log_button.toolTip() == NOT_ON_THIS_DAY
    qtbot.mouseClick(page.doses.picker.next_button, Qt.MouseButton.LeftButton)
    assert page.doses.log_button.isEnabled()
    assert page.doses.log_button.toolTip() == LOG_TIP

    def log(dialog: LogDoseDialog) -> None:
        assert dialog.at.time() == QTime(12, 0)  # a past day: noon, to be changed
        dialog.at.setTime(QTime(14, 30))
        _save(dialog)

    when_shown(LogDoseDialog, log)
    qtbot.mouseClick(page.doses.log_button, Qt.MouseButton.LeftButton)
    assert [d.at for d in page.doses.list.doses] == [time(14, 30)]
    reopened, medications = _reopened(journal, files)
    try:
        records = medications.records(added.id, YESTERDAY, YESTERDAY)
    finally:
        reopened.close()
    assert records == [DoseRecord(YESTERDAY, time(14, 30), DoseMark.TAKEN, time(14, 30))]


def test_delete_key_asks_first_and_deletes_everything(qtbot, journal, files, monkeypatch):
    """Delete on the list asks (Cancel is the default); answered, the medication is gone."""
    journal.medication.add(Medication("Sertraline", MedicationKind.PSYCHIATRIC, DAILY), TODAY)
    page = _page(qtbot, journal)
    asked: list[str] = []

    def exec_(box):
        asked.append(box.text())
        [delete] = [b for b in box.buttons() if b.text() == "&Delete"]
        assert box.defaultButton() is not delete
        delete.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    view = page.medication_box.view
    view.selectRow(0)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert asked == ["Delete this medication and all its history?"]
    assert page.medication_box.model.rowCount() == 0
    reopened, medications = _reopened(journal, files)
    try:
        assert medications.medications() == []
    finally:
        reopened.close()


def test_ticks_on_today_and_on_this_page_stay_in_step(qtbot, window_for, journal, files):
    """Taken here shows on Today's card; Missed there shows here, counted; the reopened
    journal holds the last tick, and the day's check-in says "Medication taken: no"."""
    journal.checkins.save(CheckIn(TODAY, mood=6))
    added = journal.medication.add(
        Medication("Buprenorphine", MedicationKind.BUPRENORPHINE, DAILY, started=YESTERDAY),
        TODAY,
    )
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    page = open_page(window, "Medication & visits")
    qtbot.mouseClick(page.doses.list.rows[0].taken, Qt.MouseButton.LeftButton)
    today = open_page(window, "Today")
    assert isinstance(today, TodayPage)
    [row] = today.doses_card.list.rows
    assert row.dose.mark is DoseMark.TAKEN and row.taken.isChecked()
    qtbot.mouseClick(row.missed, Qt.MouseButton.LeftButton)
    page = open_page(window, "Medication & visits")
    assert page.doses.list.rows[0].missed.isChecked()
    assert _cell(page, 0, COL_WEEK) == "0 of 2 taken"
    reopened, medications = _reopened(journal, files)
    try:
        records = medications.records(added.id, TODAY, TODAY)
        checkin = reopened.checkins.get(TODAY)
    finally:
        reopened.close()
    assert [r.mark for r in records] == [DoseMark.MISSED]
    assert checkin.medication_taken is False


def test_tab_goes_down_the_medication_dialog_as_it_reads(qtbot, journal):
    """From the name, Tab visits the fields top to bottom (a time added later in its
    place, after the first time and before "Add a time"), then Save and Cancel."""
    dialog = MedicationEditor(journal.medication, None, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.schedule.times.add_button.click()
    focus = QApplication.focusWidget()
    assert focus is dialog.schedule.times.fields[1] or dialog.schedule.times.fields[1].isAncestorOf(
        focus
    )
    dialog.name.setFocus()
    times = dialog.schedule.times
    buttons = dialog.findChild(QDialogButtonBox)
    expected = [
        dialog.name,
        dialog.kind,
        dialog.dose,
        dialog.started,
        dialog.stopped_box,
        dialog.prescriber,
        dialog.notes,
        dialog.schedule.repeat,
        times.fields[0],
    ]
    visited = []
    for _ in range(80):  # a date field takes a Tab for each of its parts, as in every Qt app
        focus = QApplication.focusWidget()
        stop = next(w for w in dialog.tab_chain() if w is focus or w.isAncestorOf(focus))
        if not visited or visited[-1] is not stop:
            visited.append(stop)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    names = [w.accessibleName() or w.text() for w in visited]
    assert visited[: len(expected)] == expected, names
    assert times.fields[1] in visited, names[8:]
    after = visited.index(times.fields[1])
    assert visited.index(times.fields[0]) < after < visited.index(times.add_button)
    assert visited.index(dialog.schedule.weekdays.boxes[6]) < visited.index(dialog.taper.text)
    ok, cancel = (
        buttons.button(b) for b in (buttons.StandardButton.Ok, buttons.StandardButton.Cancel)
    )
    assert visited.index(dialog.taper.add_button) < visited.index(ok) < visited.index(cancel)


def test_a_medication_being_typed_is_kept_across_a_lock(qtbot, window_for, journal, files):
    """Ctrl+L in the dialog: after the unlock it is back as it was left (name, kind,
    clinic day, a second time, a taper note typed), and Save keeps all of it."""
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    page = open_page(window, "Medication & visits")

    def type_then_lock(dialog: MedicationEditor) -> None:
        dialog.name.setText("Methadone")
        dialog.kind.setCurrentIndex(dialog.kind.findData(MedicationKind.METHADONE))
        dialog.methadone.clinic.boxes[0].click()
        dialog.schedule.times.add_button.click()
        dialog.taper.text.setText("From 70 mg to 60 mg")
        qtbot.keyClick(dialog.name, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    when_shown(MedicationEditor, type_then_lock)
    qtbot.mouseClick(page.medication_box.add_button, Qt.MouseButton.LeftButton)
    assert not session.is_unlocked
    seen = []

    def look_then_save(dialog: MedicationEditor) -> None:
        seen.append(
            (
                dialog.name.text(),
                dialog.kind.currentData(),
                dialog.methadone.clinic.days(),
                dialog.schedule.times.times(),
                dialog.taper.text.text(),
            )
        )
        _save(dialog)

    back = when_shown(MedicationEditor, look_then_save)
    qtbot.keyClicks(window.unlock_panel.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_panel.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(back), timeout=5000)
    assert seen == [
        (
            "Methadone",
            MedicationKind.METHADONE,
            frozenset({0}),
            (EIGHT, time(9, 0)),
            "From 70 mg to 60 mg",
        )
    ]
    medications = session.journal.medication
    [kept] = medications.medications()
    assert (kept.name, kept.clinic_days) == ("Methadone", frozenset({0}))
    assert [n.text for n in medications.taper_notes(kept.id)] == ["From 70 mg to 60 mg"]
    qtbot.waitUntil(lambda: session.journal.drafts.drafts() == [])
