"""The ends of the calendar on screen: a damaged or hostile journal row dated 0001-01-01 or
9999-12-31 never crashes a screen (every page and dialog opens, Trends "All" and the Weekly
summary still draw), date fields stop at 1950 and 2199, and so do the summary's ◀ ▶."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QLabel, QWidget

from recovery_desktop.data.changes import EVERYTHING
from recovery_desktop.domain.dates import LATEST_DAY
from recovery_desktop.domain.medication import Medication, MedicationKind, Repeat, Schedule
from recovery_desktop.domain.periods import iso_week
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE
from recovery_desktop.reports.charts import CHARTS
from recovery_desktop.ui.dialogs.clean_date_dialog import CleanDateDialog
from recovery_desktop.ui.dialogs.lapse_dialog import LapseDialog
from recovery_desktop.ui.dialogs.reach_out_dialog import ReachOutDialog
from recovery_desktop.ui.flows import craving_panel
from recovery_desktop.ui.pages.clean_time import CleanTimePage
from recovery_desktop.ui.pages.medication.appointment_editor import AppointmentEditor
from recovery_desktop.ui.pages.medication.appointments import AppointmentsPanel
from recovery_desktop.ui.pages.medication.editor import MedicationEditor
from recovery_desktop.ui.pages.medication.page import MedicationPage
from recovery_desktop.ui.pages.medication.stop import StopDialog
from recovery_desktop.ui.pages.trends import TrendsPage
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.warmup import Warmup
from recovery_desktop.ui.widgets.period_picker import PeriodPicker
from tests.ui.conftest import click_choice, shown_summary_page

ENDS = ["0001-01-01", "9999-12-31"]


def write_hostile_rows(journal, day: str) -> None:
    """One row of every dated kind on ``day``, written straight into the tables, as a
    damaged file or another program could."""
    at = f"{day}T12:00"
    with journal.db.atomic():
        journal.db.execute(
            "INSERT INTO checkins (day, mood, note, created_at, updated_at) "
            "VALUES (?, 5, '', ?, ?)",
            [day, at, at],
        )
        journal.db.execute(
            "INSERT INTO cravings (started_at, day, intensity, created_at, updated_at) "
            "VALUES (?, ?, 5, ?, ?)",
            [at, day, at, at],
        )
        journal.db.execute("INSERT INTO contacts (name, role, position) VALUES ('A', 'friend', 0)")
        journal.db.execute(
            "INSERT INTO reach_outs (contact_id, at, day, how) VALUES (1, ?, ?, 'call')",
            [at, day],
        )
        journal.db.execute(
            "INSERT INTO lapses (at, day, substance, created_at) VALUES (?, ?, ?, ?)",
            [at, day, DEFAULT_SUBSTANCE, at],
        )
        journal.db.execute(
            "INSERT INTO clean_periods (substance, start) VALUES (?, ?)", [DEFAULT_SUBSTANCE, day]
        )
        journal.db.execute(
            "INSERT INTO appointments (day, at, minutes, kind, attendance) "
            "VALUES (?, '12:00', 60, 'therapy', 'attended')",
            [day],
        )
    journal.changes.announce(EVERYTHING)  # as an import of such rows would


def write_hostile_medication(journal, day: str) -> None:
    """A medication started on ``day`` with its schedule, a dose and a taper note there."""
    at = f"{day}T12:00"
    with journal.db.atomic():
        journal.db.execute(
            "INSERT INTO medications (name, kind, position, started, created_at) "
            "VALUES ('M', 'methadone', 0, ?, ?)",
            [day, at],
        )
        journal.db.execute(
            "INSERT INTO medication_schedules (medication_id, since, repeat, times, weekdays) "
            "VALUES (1, ?, 'weekdays', '[\"08:00\"]', '[0, 1, 2, 3, 4, 5, 6]')",
            [day],
        )
        journal.db.execute(
            "INSERT INTO medication_doses (medication_id, day, at, mark) "
            "VALUES (1, ?, '08:00', 'taken')",
            [day],
        )
        journal.db.execute(
            "INSERT INTO taper_notes (medication_id, day, text) VALUES (1, ?, 'N')", [day]
        )
    journal.changes.announce(EVERYTHING)


@pytest.mark.parametrize("day", ENDS)
def test_the_medication_page_says_so_for_a_medication_at_the_calendars_end(qtbot, journal, day):
    """Such a medication is refused by the repository as damaged: the page opens, says so
    calmly in its status lines, and Add… still opens the dialog."""
    write_hostile_medication(journal, day)
    page = MedicationPage(journal.medication, journal.appointments, journal.contacts)
    qtbot.addWidget(page)
    page.show()
    assert "has not been changed" in page.medication_box.status.text()
    assert page.medication_box.model.rowCount() == 0
    assert page.medication_box.add_button.isEnabled()


def _medication_dialogs(journal):
    """The medication dialog and Stop…"""
    methadone = Medication("M", MedicationKind.METHADONE, Schedule(Repeat.AS_NEEDED))
    return [
        MedicationEditor(journal.medication, None, date.today()),
        StopDialog(methadone, date.today()),
    ]


@pytest.mark.parametrize("day", ENDS)
def test_every_page_opens_on_a_journal_with_a_row_at_the_calendars_end(
    qtbot, window_for, journal, files, day
):
    """Each page of the main window shows without an exception."""
    write_hostile_rows(journal, day)
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    for row in range(window.workspace.nav.count()):
        window.workspace.show_page(row)
        qtbot.wait(10)
    assert QApplication.activeWindow() is window


@pytest.mark.parametrize("day", ENDS)
def test_trends_all_draws_on_a_journal_with_a_row_at_the_calendars_end(qtbot, journal, day, worker):
    """ "All" starts at the first usable check-in; the row at the end is left out."""
    write_hostile_rows(journal, day)
    page = TrendsPage(journal, Warmup(), worker)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    click_choice(qtbot, page.range, "All")
    qtbot.waitUntil(lambda: len(page.views) == len(CHARTS) and not page.is_drawing(), timeout=10000)
    assert page.period().end == date.today()


@pytest.mark.parametrize("day", ENDS)
def test_the_summary_builds_on_a_journal_with_a_row_at_the_calendars_end(
    qtbot, journal, day, worker
):
    """The Weekly summary of the default week is built."""
    write_hostile_rows(journal, day)
    page = shown_summary_page(qtbot, journal, worker)
    assert page.built is not None


@pytest.mark.parametrize("day", ENDS)
def test_dialogs_open_on_a_journal_with_a_row_at_the_calendars_end(qtbot, journal, day):
    """Clean date, lapse, craving and reach-out dialogs open (a lapse on 9999-12-31 would
    suggest a new clean date one day later than Python can count)."""
    write_hostile_rows(journal, day)
    for dialog in (
        CleanDateDialog(journal.recovery_time, DEFAULT_SUBSTANCE),
        LapseDialog(journal.recovery_time, journal.contacts),
        craving_panel(journal),
        ReachOutDialog(journal.contacts),
        AppointmentEditor(journal.appointments, journal.contacts),
        *_medication_dialogs(journal),
    ):
        qtbot.addWidget(dialog)
        assert dialog.findChildren(QDateTimeEdit)


@pytest.mark.parametrize("day", ENDS)
def test_the_appointments_list_leaves_out_rows_at_the_calendars_end(qtbot, journal, day):
    """An appointment on 0001-01-01 or 9999-12-31 is not listed; the list still works."""
    write_hostile_rows(journal, day)
    panel = AppointmentsPanel(journal.appointments, journal.contacts)
    qtbot.addWidget(panel)
    panel.show()
    for part in ("Upcoming", "Past"):
        click_choice(qtbot, panel.part, part)
        assert panel.model.rowCount() == 0 and panel.hint.text()


@pytest.mark.parametrize("day", ENDS)
def test_the_clean_time_page_leaves_out_rows_at_the_calendars_end(qtbot, journal, day):
    """A clean date of 0001-01-01 is not counted as 739,000 days; the page shows the
    journal's usable story (here: no clean date yet)."""
    write_hostile_rows(journal, day)
    journal.recovery_time.set_counting(True)
    page = CleanTimePage(journal.recovery_time, lambda **_: None)
    qtbot.addWidget(page)
    page.show()
    shown = [label.text() for label in page.body.findChildren(QLabel)]
    assert "No clean date yet" in shown
    assert not any("0001" in text or "9999" in text for text in shown)


def test_the_period_picker_stops_at_the_first_week(qtbot):
    """◀ on the first week of 1950 is disabled and does nothing; the week stays."""
    picker = PeriodPicker()
    qtbot.addWidget(picker)
    picker.show()
    first = iso_week(1950, 1)
    picker.set_week(first)
    assert not picker.previous.isEnabled()
    qtbot.mouseClick(picker.previous, Qt.MouseButton.LeftButton)
    assert picker.period() == first
    picker.set_week(iso_week(1950, 2))
    qtbot.mouseClick(picker.previous, Qt.MouseButton.LeftButton)
    assert picker.period() == first and not picker.previous.isEnabled()


def _too_late(widget: QWidget) -> list[str]:
    """Date fields in ``widget`` that accept a day after the last one."""
    return [
        edit.accessibleName()
        for edit in widget.findChildren(QDateTimeEdit)
        if edit.maximumDate() > QDate(LATEST_DAY.year, LATEST_DAY.month, LATEST_DAY.day)
    ]


def test_no_date_field_goes_past_the_last_day(qtbot, window_for, journal, files):
    """Qt's own limit is 9999-12-31: every page's and dialog's date fields stop at 2199."""
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    for row in range(window.workspace.nav.count()):
        window.workspace.show_page(row)
        assert _too_late(window.workspace.stack.currentWidget()) == []
    for dialog in (
        CleanDateDialog(journal.recovery_time, DEFAULT_SUBSTANCE),
        LapseDialog(journal.recovery_time, journal.contacts),
        craving_panel(journal),
        ReachOutDialog(journal.contacts),
        AppointmentEditor(journal.appointments, journal.contacts),
        *_medication_dialogs(journal),
    ):
        qtbot.addWidget(dialog)
        assert _too_late(dialog) == [], dialog.windowTitle()
