"""Every page and dialog fits a small screen: nothing past the screen's edge, no text cut
off, nothing that scrolls sideways. Runs on the test screen (1024×600 by default) and, in a
child process, on a 1366×768 screen with text at 150 %."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from recovery_desktop.data import connection
from recovery_desktop.data.backup_files import list_backups
from recovery_desktop.data.demo import fill_demo
from recovery_desktop.data.errors import StorageProblem
from recovery_desktop.data.export import export_document
from recovery_desktop.data.import_apply import TRACKED_NOTE, ImportResult
from recovery_desktop.data.import_json import check_document
from recovery_desktop.data.opening import LOST_ENTRIES
from recovery_desktop.data.restore import journal_opener
from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.contacts import Contact, Role, call_first
from recovery_desktop.domain.cravings import Craving, Outcome
from recovery_desktop.domain.day_plan import BlockCategory, BlockTimes, WakingWindow
from recovery_desktop.domain.drafts import Draft, DraftKind
from recovery_desktop.domain.library import Kind
from recovery_desktop.domain.medication import (
    Medication,
    MedicationKind,
    Repeat,
    Schedule,
    TaperNote,
)
from recovery_desktop.domain.periods import PRESETS
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE, Lapse
from recovery_desktop.domain.sessions import AppointmentKind
from recovery_desktop.ui.dialogs import key_stop, opening_boxes
from recovery_desktop.ui.dialogs.backup_secret import BackupSecretDialog
from recovery_desktop.ui.dialogs.backup_viewer import BackupViewer
from recovery_desktop.ui.dialogs.change_passphrase import ChangePassphraseDialog
from recovery_desktop.ui.dialogs.clean_date_dialog import CleanDateDialog
from recovery_desktop.ui.dialogs.contact_dialog import ContactDialog
from recovery_desktop.ui.dialogs.crisis_line_dialog import CrisisLineDialog
from recovery_desktop.ui.dialogs.day_block_dialog import DayBlockDialog
from recovery_desktop.ui.dialogs.help_now_dialog import HelpContent, HelpNowDialog, locked_content
from recovery_desktop.ui.dialogs.key_wizards import (
    add_passphrase_wizard,
    new_recovery_key_wizard,
    setup_wizard,
)
from recovery_desktop.ui.dialogs.lapse_dialog import LapseDialog
from recovery_desktop.ui.dialogs.library_item_dialog import LibraryItemDialog
from recovery_desktop.ui.dialogs.new_key_wizard import new_encryption_key_wizard
from recovery_desktop.ui.dialogs.reach_out_dialog import ReachOutDialog
from recovery_desktop.ui.dialogs.restore_dialog import restore_dialog
from recovery_desktop.ui.dialogs.transfer_dialogs import ExportDialog, ImportDialog
from recovery_desktop.ui.dialogs.usual_days_dialog import UsualDaysDialog
from recovery_desktop.ui.flows import craving_panel
from recovery_desktop.ui.pages.clean_time import CleanTimePage
from recovery_desktop.ui.pages.medication.appointment_editor import AppointmentEditor
from recovery_desktop.ui.pages.medication.doses import LogDoseDialog
from recovery_desktop.ui.pages.medication.editor import MedicationEditor
from recovery_desktop.ui.pages.medication.stop import StopDialog
from recovery_desktop.ui.pages.plan.compare_view import CompareDialog
from recovery_desktop.ui.pages.plan.history import HistoryDialog
from recovery_desktop.ui.pages.plan.pickers import PickDialog
from recovery_desktop.ui.pages.plan.picking import NO_COPING, NO_TRIGGERS
from recovery_desktop.ui.pages.plan.save_version import SaveVersionDialog
from recovery_desktop.ui.pages.plan.structure import TitleDialog
from recovery_desktop.ui.pages.plan.version_view import VersionDialog
from recovery_desktop.ui.pages.plan.version_words import NOW_TITLE, about_version, version_title
from recovery_desktop.ui.pages.today.page import TodayPage
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.widgets.link_dialog import LinkDialog
from tests.chart_fit import chart_problems
from tests.conftest import PASSPHRASE, TEST_SCREEN
from tests.ui.conftest import click_choice
from tests.ui.fit_check import describe, fit_problems

PAGES = range(11)


def _fill_demo(journal):
    fill_demo(journal, 8, date.today())


@pytest.fixture
def demo_journal(filled_journal):
    """Eight weeks of the demo data."""
    return filled_journal(_fill_demo)


def _settle(qtbot, window: QWidget) -> None:
    QApplication.processEvents()
    qtbot.waitUntil(lambda: window.isVisible())
    QApplication.processEvents()


@pytest.mark.parametrize("row", PAGES)
def test_every_page_fits(qtbot, window_for, demo_journal, files, row):
    """Each page, shown in the main window, fits the screen without clipping."""
    session = Session(files)
    session.adopt(demo_journal)
    window = window_for(session)
    window.workspace.show_page(row)
    page = window.workspace.stack.currentWidget()
    if hasattr(page, "is_drawing"):
        qtbot.waitUntil(lambda: bool(page.views) and not page.is_drawing(), timeout=20000)
    _settle(qtbot, window)
    assert fit_problems(window) == [], window.workspace.nav.item(row).text()


def test_every_trends_chart_is_drawn_whole_at_every_range(qtbot, window_for, demo_journal, files):
    """On Trends in the main window, at every range, no chart text runs past its figure and
    no marker or bar past its axes (axis labels such as "cravings logged per day" included)."""
    demo_journal.checkins.save(CheckIn(date.today() - timedelta(days=3 * 365), mood=5))
    session = Session(files)
    session.adopt(demo_journal)
    window = window_for(session)
    nav = window.workspace.nav
    window.workspace.show_page(next(r for r in PAGES if nav.item(r).text() == "Trends"))
    page = window.workspace.stack.currentWidget()
    problems = []
    for label in PRESETS.values():
        click_choice(qtbot, page.range, label)
        qtbot.waitUntil(lambda: bool(page.views) and not page.is_drawing(), timeout=20000)
        for key, view in page.shown_views().items():
            problems += [f"{label}, {key}: {p}" for p in chart_problems(view.canvas.figure)]
    assert problems == []


def test_plan_fits_with_its_notice_and_a_long_section(qtbot, window_for, demo_journal, files):
    """The Plan page after the app stopped while it was being edited (its notice shown),
    on a custom section with a long title, fits."""
    plan = demo_journal.plan
    long_title = "A section of my own with a title as long as it may be, almost"[:80]
    added = plan.add_section(long_title)
    plan.save_section(added.with_body("Words " * 400), editing=True)
    demo_journal.close()
    session = Session(files)
    session.unlock(PASSPHRASE)
    window = window_for(session)
    qtbot.waitUntil(lambda: window.workspace.nav.currentItem().text() == "Plan")
    page = window.workspace.stack.currentWidget()
    page.sections.view.setCurrentRow(len(page.plan.sections) - 1)
    _settle(qtbot, window)
    assert page.notice.isVisible()
    assert fit_problems(window) == []


@pytest.mark.parametrize("lapse", [False, True])
def test_today_fits_with_its_notices(qtbot, window_for, journal, files, lapse):
    """Today with a note beside Used today and "Use 10" beside "9 · Overwhelming" fits."""
    now = datetime.now()
    journal.checkins.save(CheckIn(now.date(), craving_peak=9))
    journal.cravings.save(Craving(None, now, 10, outcome=Outcome.USED))
    if lapse:
        journal.recovery_time.record_lapse(Lapse(None, now, DEFAULT_SUBSTANCE), None, now.date())
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    story = window.workspace.page(TodayPage).story
    shown = [story.lapse_line if lapse else story.use_line, story.peak_line]
    qtbot.waitUntil(lambda: all(line.isVisible() for line in shown))
    _settle(qtbot, window)
    assert fit_problems(window) == []


def _longest_storage_message() -> str:
    """The longest message a failed save can carry from the data layer."""
    return max(
        (str(connection.translate(_SqlFailure(code))) for code in range(256)),
        key=len,
    )


class _SqlFailure(Exception):
    def __init__(self, code: int) -> None:
        super().__init__("failed")
        self.sqlite_errorcode = code


def test_today_fits_with_the_longest_not_saved_message(
    qtbot, window_for, journal, files, monkeypatch
):
    """A save that fails (a full disk and the like) shows its whole message on Today, wrapped
    within the page: the window stays inside the screen, the date picker and Today visible."""
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    _settle(qtbot, window)
    width = window.frameGeometry().width()
    page = window.workspace.page(TodayPage)
    message = _longest_storage_message()

    def fail(_checkin):
        raise StorageProblem(message)

    monkeypatch.setattr(journal.checkins, "save", fail)
    click_choice(qtbot, page.form.scales["mood"], "6")
    failed = not page.save_now()
    shown = page.status.text()
    _settle(qtbot, window)
    problems = fit_problems(window)
    grown = window.frameGeometry().width() - width
    room = window.rect()
    off_screen = [
        describe(control)
        for control in (page.date_edit, page.today_button, page.status)
        if not room.contains(control.mapTo(window, control.rect().bottomRight()))
    ]
    monkeypatch.undo()  # the entry saves, so closing the window asks nothing
    assert page.flush()
    assert failed and message in shown
    assert problems == []
    assert grown <= 0
    assert off_screen == []


def test_clean_time_fits_with_the_longest_reading_error(
    qtbot, window_for, journal, files, monkeypatch
):
    """Clean time when the journal cannot be read: its message wraps within the page."""
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    message = _longest_storage_message()

    def fail(*_args):
        raise StorageProblem(message)

    monkeypatch.setattr(journal.recovery_time, "periods", fail)
    nav = window.workspace.nav
    window.workspace.show_page(next(r for r in PAGES if nav.item(r).text() == "Clean time"))
    page = window.workspace.page(CleanTimePage)
    page.refresh()
    _settle(qtbot, window)
    problems = fit_problems(window)
    monkeypatch.undo()
    assert problems == []


def _dialogs(journal) -> dict[str, object]:
    people = journal.contacts.contacts()
    contact = people[0]
    line = journal.contacts.crisis_lines()[0]
    trigger = journal.library.items(Kind.TRIGGER)[0]
    dialogs = {
        "craving panel": lambda parent: craving_panel(journal, None, parent),
        "lapse": lambda parent: LapseDialog(
            journal.recovery_time, journal.contacts, None, None, parent
        ),
        "new contact": lambda parent: ContactDialog(journal.contacts, None, parent),
        "edit contact": lambda parent: ContactDialog(journal.contacts, contact, parent),
        "reach-out": lambda parent: ReachOutDialog(journal.contacts, contact.id, parent),
        "crisis line": lambda parent: CrisisLineDialog(journal.contacts, line, parent),
        "trigger": lambda parent: LibraryItemDialog(
            journal.library, Kind.TRIGGER, trigger, None, parent
        ),
        "clean date": lambda parent: CleanDateDialog(journal.recovery_time, None, None, parent),
        "change passphrase": lambda parent: ChangePassphraseDialog(journal, parent),
        "help": lambda parent: HelpNowDialog(
            HelpContent(tuple(journal.contacts.crisis_lines()), tuple(call_first(people))), parent
        ),
        "help while locked": lambda parent: HelpNowDialog(
            locked_content(journal.contacts.crisis_lines()), parent
        ),
        "restore from a backup": lambda parent: restore_dialog(_with_backups(journal), parent),
        "look inside a backup": lambda parent: _backup_viewer(journal, parent),
        "backup passphrase": lambda parent: BackupSecretDialog(lambda _opener: None, parent),
        "export": lambda parent: ExportDialog(journal, parent),
        "export, after it failed": lambda parent: _failed_export(journal, parent),
        "import": lambda parent: _import_dialog(journal, parent),
        "day block": lambda parent: _day_block_dialog(parent),
        "usual days": lambda parent: _usual_days(journal, parent),
        "plan link": lambda parent: LinkDialog(
            "the meetings near me", "https://example.org", parent
        ),
        "plan section title": lambda parent: TitleDialog(
            "Rename section", "A section title " * 4, "Rename", parent
        ),
        "plan trigger from my library": lambda parent: _pair_picker(journal, parent),
        "plan people to add": lambda parent: _people_picker(journal, parent),
        "plan history": lambda parent: HistoryDialog(_plan_with_versions(journal), parent),
        "plan version": lambda parent: _plan_version(journal, parent),
        "plan compare": lambda parent: _plan_compare(journal, parent),
        "save a plan version": lambda parent: _save_plan_version(journal, parent),
        "new medication": lambda parent: MedicationEditor(
            journal.medication, None, date.today(), parent
        ),
        "edit methadone": lambda parent: _methadone_editor(journal, parent),
        "stop a medication": lambda parent: StopDialog(_methadone(journal), date.today(), parent),
        "log a dose": lambda parent: LogDoseDialog(
            journal.medication, [_methadone(journal)], date.today(), parent
        ),
        "new appointment": lambda parent: _new_appointment(journal, parent),
        "edit appointment": lambda parent: _edit_appointment(journal, parent),
    }
    return dialogs | {f"{name}, reopened after a lock": _reopened(dialogs[name]) for name in KEPT}


def _with_backups(journal, count: int = 15):
    """``journal`` with ``count`` backups of every reason the list words."""
    reasons = ["daily", "on-close", "before-upgrade", "before-restore", "before-import"]
    for number in range(count):
        journal.backup(reasons[number % len(reasons)] if number else "manual")
    return journal


def _backup_viewer(journal, parent):
    path = journal.backup("manual")
    [backup] = [b for b in list_backups(journal.files.backups) if b.path == path]
    return BackupViewer(backup, journal_opener(journal).contents(backup), parent)


def _failed_export(journal, parent):
    """The export dialog with its longest message: a CSV folder deep in a long path."""
    dialog = ExportDialog(journal, parent)
    place = "/media/someone/USB STICK WITH A LONG NAME/" + "/".join(["a folder"] * 12)
    dialog.error.show_message(
        f"Nothing was exported. {place}/recovery-journal-2026-11-30-csv could not be "
        f"written: the folder {place} is on a read-only disk. Choose another folder."
    )
    return dialog


def _import_dialog(journal, parent):
    """The import dialog at its longest: every kind held, added and skipped, and a note."""
    plan = check_document(export_document(journal.db))
    counts = {kind: 1000 for kind in plan.counts()}
    note = TRACKED_NOTE.format(records="2 clean periods and 3 lapses")
    expected = ImportResult(
        added=counts,
        skipped=counts,
        differ=counts,
        not_merged={"clean_periods": 2, "lapses": 3},
        notes=[note],
    )
    return ImportDialog(
        journal, "recovery-journal-2026-11-30-from-the-old-laptop.json", plan, expected, parent
    )


def _day_block_dialog(parent):
    """A day's block at its longest: a long title and note, after a refusal."""
    times = BlockTimes(600, 1500, "W" * 80, BlockCategory.APPOINTMENT, "A note. " * 120)
    dialog = DayBlockDialog(
        times,
        WakingWindow(600, 120),
        lambda *_a: True,
        new=False,
        kept=(date.today(), 1),
        parent=parent,
    )
    dialog.error.show_message("A title can be at most 80 characters.")
    return dialog


def _usual_days(journal, parent):
    """Usual days with a Monday of a dozen long-titled blocks."""
    blocks = [
        BlockTimes(
            420 + 75 * n, 480 + 75 * n, "A block with a long title " * 3, BlockCategory.THERAPY
        )
        for n in range(12)
    ]
    journal.day_plan.save_template(0, blocks)
    return UsualDaysDialog(journal.day_plan, WakingWindow(), 0, parent)


def _pair_picker(journal, parent):
    """The two lists of "From my library…" in the triggers section, long names included."""
    names = [(i.name, i.name) for i in journal.library.items(Kind.TRIGGER)]
    coping = [(i.name, i.name) for i in journal.library.items(Kind.COPING)]
    long = [("A trigger with a long name, " * 3, "long")]
    return PickDialog(
        "From my library",
        [("Trigger", names + long, NO_TRIGGERS), ("How I respond", coping, NO_COPING)],
        "Add row",
        parent=parent,
    )


def _people_picker(journal, parent):
    """ "Add from People…" with nobody left to add (its note shown)."""
    return PickDialog(
        "Add from People",
        [("People (pick one or more)", [], "Everyone on People is on your list already.")],
        "Add",
        multiple=True,
        parent=parent,
    )


def _plan_with_versions(journal):
    """``journal``'s plan written in every section, with long labels, kept a dozen times."""
    plan = journal.plan
    for number in range(12):
        for section in plan.plan().sections:
            body = f"{section.title}, draft {number}. " * 6 + "\n- a point\n- another"
            plan.save_section(section.with_body(body), editing=False)
        plan.save_version("Reviewed with my counsellor on a long afternoon " * 2)
    return plan


def _plan_version(journal, parent):
    plan = _plan_with_versions(journal)
    latest = plan.version(plan.versions()[0].id)
    return VersionDialog(
        latest.plan, version_title(latest), about_version(latest), plan.contacts_for, parent
    )


def _plan_compare(journal, parent):
    plan = _plan_with_versions(journal)
    versions = plan.versions()
    old, new = (plan.version(versions[n].id).plan for n in (-1, 0))
    return CompareDialog(old, new, (version_title(versions[-1]), NOW_TITLE), parent=parent)


def _save_plan_version(journal, parent):
    """Save version after a refused label."""
    dialog = SaveVersionDialog(journal.plan, parent)
    dialog.label_edit.setText("x" * 200)
    dialog.accept()
    return dialog


def _methadone(journal):
    """Methadone at 08:00 and 20:00 (clinic Mon–Sat, take-home Sunday), long texts."""
    schedule = Schedule(Repeat.WEEKDAYS, (time(8, 0), time(20, 0)), frozenset(range(7)))
    medication = Medication(
        "Methadone oral solution from the harbour clinic " * 2,
        MedicationKind.METHADONE,
        schedule,
        "60 mg liquid, measured at the clinic " * 2,
        started=date.today() - timedelta(days=400),
        prescriber="Dr. Someone at the harbour clinic " * 2,
        notes="A note. " * 60,
        clinic_days=frozenset(range(6)),
        take_home_days=frozenset({6}),
    )
    return journal.medication.add(medication, date.today())


def _methadone_editor(journal, parent):
    """Editing methadone with a dozen long taper notes, its schedule changed, refused."""
    medication = _methadone(journal)
    for weeks in range(12):
        note = TaperNote(date.today() - timedelta(weeks=weeks), "From 70 mg to 65 mg, " * 6)
        journal.medication.add_taper_note(medication.id, note)
    dialog = MedicationEditor(journal.medication, medication, date.today(), parent)
    dialog.schedule.times.add_time()
    dialog.error.show_message("A day cannot be both a clinic day and a take-home day.")
    return dialog


def _new_appointment(journal, parent):
    """A new appointment repeated, after a refusal, with a long name linked to People."""
    journal.contacts.save(Contact(None, "A therapist with a long name " * 3, Role.THERAPIST))
    dialog = AppointmentEditor(journal.appointments, journal.contacts, parent=parent)
    dialog.with_whom.edit.setText("A therapist with a long name " * 3)
    dialog.repeat.on.setChecked(True)
    dialog.error.show_message("The last day of a repeat cannot come before the first.")
    return dialog


def _edit_appointment(journal, parent):
    """A saved appointment with long texts, where attendance is marked."""
    [saved] = journal.appointments.add(
        Appointment(
            date.today(),
            AppointmentKind.COUNSELLING,
            title="A counselling session with a long title " * 3,
            place="A place with a long name " * 4,
            notes="A note. " * 200,
        )
    )
    return AppointmentEditor(journal.appointments, journal.contacts, saved, parent=parent)


KEPT = [
    "lapse",
    "new contact",
    "reach-out",
    "crisis line",
    "trigger",
    "clean date",
    "day block",
    "edit methadone",
]


def _reopened(make):
    """The dialog as it comes back after an unlock, with its line saying why."""

    def build(parent):
        dialog = make(parent)
        dialog.resume(Draft(dialog.draft_kind, dialog.draft_values()))
        return dialog

    return build


DIALOGS = [
    "craving panel",
    "lapse",
    "new contact",
    "edit contact",
    "reach-out",
    "crisis line",
    "trigger",
    "clean date",
    "change passphrase",
    "help",
    "help while locked",
    "restore from a backup",
    "look inside a backup",
    "backup passphrase",
    "export",
    "export, after it failed",
    "import",
    "day block",
    "usual days",
    "plan link",
    "plan section title",
    "plan trigger from my library",
    "plan people to add",
    "plan history",
    "plan version",
    "plan compare",
    "save a plan version",
    "new medication",
    "edit methadone",
    "stop a medication",
    "log a dose",
    "new appointment",
    "edit appointment",
    *(f"{name}, reopened after a lock" for name in KEPT),
]


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog_fits(qtbot, window_for, demo_journal, files, name):
    """Each dialog, opened over the main window, fits the screen without clipping."""
    session = Session(files)
    session.adopt(demo_journal)
    window = window_for(session)
    dialog = _dialogs(demo_journal)[name](window)
    assert isinstance(dialog, QDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    _settle(qtbot, dialog)
    assert fit_problems(dialog) == []
    dialog.reject()


def test_the_export_dialogs_message_after_a_failure_is_shown_whole(
    qtbot, window_for, demo_journal, files
):
    """A long "Nothing was exported" message that appears once the dialog is on screen
    wraps, and the dialog grows (or scrolls) so that none of it is clipped."""
    session = Session(files)
    session.adopt(demo_journal)
    window = window_for(session)
    dialog = ExportDialog(demo_journal, window)
    qtbot.addWidget(dialog)
    dialog.show()
    _settle(qtbot, dialog)
    failed = _failed_export(demo_journal, window)
    dialog.error.show_message(failed.error.text())
    failed.deleteLater()
    _settle(qtbot, dialog)
    assert fit_problems(dialog) == []
    label = dialog.error
    assert label.height() >= label.heightForWidth(label.width())
    dialog.reject()


WIZARDS = {
    "setup": lambda folders: setup_wizard(lambda _w: None, folders),
    "add passphrase": lambda folders: add_passphrase_wizard(lambda _w: None, folders),
    "new recovery key": lambda folders: new_recovery_key_wizard(
        lambda _p: None, lambda _w: None, folders
    ),
    "new encryption key": lambda folders: new_encryption_key_wizard(
        lambda _p: None, lambda _w: None, folders
    ),
}


@pytest.mark.parametrize("name", list(WIZARDS))
def test_every_wizard_page_fits(qtbot, name, files):
    """Every page of every key wizard fits the screen without clipping."""
    wizard = WIZARDS[name](files.app_folders())
    qtbot.addWidget(wizard)
    wizard.show()
    for page_id in wizard.pageIds():
        wizard.setStartId(page_id)
        wizard.restart()
        _settle(qtbot, wizard)
        assert fit_problems(wizard) == [], f"page {page_id}"
    wizard.done(QDialog.DialogCode.Rejected.value)  # closed without the stop question


@pytest.mark.parametrize(
    "question",
    [key_stop.NEW_KEY, key_stop.ADD_PASSPHRASE, key_stop.NEW_ENCRYPTION_KEY, key_stop.SETUP],
)
def test_the_stop_question_of_every_key_wizard_fits(qtbot, question):
    """ "Stop without the new key?" and its siblings fit the screen."""
    box, _stop = key_stop.stop_box(None, question)
    qtbot.addWidget(box)
    box.show()
    _settle(qtbot, box)
    assert fit_problems(box) == []
    box.done(0)


OPENING_BOXES = {
    "fresh start": lambda: opening_boxes.fresh_start_box(
        None, Path("/home/someone/.local/share/RecoveryDesktop")
    )[0],
    "entries lost": lambda: opening_boxes.notes_box(
        None,
        (
            LOST_ENTRIES.format(
                folder="/home/someone/.local/share/RecoveryDesktop/"
                "kept-after-crash-20261130T061500Z"
            ),
        ),
    ),
}


@pytest.mark.parametrize("name", list(OPENING_BOXES))
def test_the_questions_and_notes_of_opening_fit(qtbot, name):
    """ "Start again?" and "Some recent entries are missing" fit the screen."""
    box = OPENING_BOXES[name]()
    qtbot.addWidget(box)
    box.show()
    _settle(qtbot, box)
    assert fit_problems(box) == []
    box.done(0)


def test_settings_with_the_note_about_a_key_not_set_fits(qtbot, window_for, demo_journal, files):
    """After a lock closed a key wizard, Settings with its note still fits."""
    session = Session(files)
    session.adopt(demo_journal)
    window = window_for(session)
    window.workspace.resume(Draft(DraftKind.NEW_RECOVERY_KEY))
    _settle(qtbot, window)
    assert fit_problems(window) == []
    window.workspace.resume(Draft(DraftKind.NEW_ENCRYPTION_KEY))
    _settle(qtbot, window)
    assert fit_problems(window) == []


@pytest.mark.parametrize("view", [0, 1, 2])
def test_the_locked_screen_fits(qtbot, window_for, journal, files, view):
    """The unlock screen (passphrase and recovery-key views) fits without clipping."""
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    window.lock_now()
    window.unlock_panel._show(view)
    _settle(qtbot, window)
    assert fit_problems(window) == []


@pytest.mark.parametrize("backups", [0, 1])
def test_the_damaged_journal_screen_fits(qtbot, window_for, demo_journal, files, backups):
    """The damaged-journal screen, with a backup to offer and without any."""
    if backups:
        demo_journal.backup("daily")
    session = Session(files)
    session.adopt(demo_journal)
    window = window_for(session)
    window.lock_now()
    window.show_damaged(
        "The journal file could not be read: it is damaged or not a journal. It has not "
        "been changed or overwritten."
    )
    _settle(qtbot, window)
    assert window.stack.currentWidget() is window.damaged_panel
    assert fit_problems(window) == []


@pytest.mark.skipif(TEST_SCREEN != "1024x600", reason="runs the others on a second screen")
def test_everything_fits_with_text_at_150_percent():
    """The same checks on a 1366×768 screen with text at 150 % (911×512 logical pixels)."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=Path(__file__).parents[2],
        env={
            **os.environ,
            "RECOVERY_DESKTOP_TEST_SCREEN": "1366x768-150",
            "QT_QPA_PLATFORM": "offscreen",
        },
    )
    assert result.returncode == 0, result.stdout[-6000:]


def test_the_sidebar_lists_every_page_without_scrolling(qtbot, window_for, demo_journal, files):
    """Maximised under a title bar and a desktop panel (about 48 px), every page name shows."""
    session = Session(files)
    session.adopt(demo_journal)
    window = window_for(session)
    room = window.screen().availableGeometry()
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(room.width(), room.height() - 48)
    _settle(qtbot, window)
    nav = window.workspace.nav
    assert nav.verticalScrollBar().maximum() == 0
    last = nav.visualItemRect(nav.item(nav.count() - 1))
    assert nav.viewport().rect().contains(last)
