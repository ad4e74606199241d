"""Settings → Your data: Export everything warns before saving and writes a private file;
Import shows what a file holds and will add, takes a backup, imports, and the pages show
the new records; a damaged file is named calmly and changes nothing."""

from __future__ import annotations

import json
import resource
import signal
import stat
import sys
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QMessageBox

from recovery_desktop.data import export
from recovery_desktop.data.export import export_document, save_json
from recovery_desktop.data.import_apply import preview
from recovery_desktop.data.import_json import check_document, read_plan
from recovery_desktop.data.journal import JournalFiles, create_journal
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.contacts import Contact
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.summary import SummaryNotes
from recovery_desktop.ui.dialogs.transfer_dialogs import EXPORT_WARNING, ExportDialog, ImportDialog
from recovery_desktop.ui.pages.people.page import PeoplePage
from recovery_desktop.ui.pages.settings.page import SettingsPage
from recovery_desktop.ui.pages.summary.page import SummaryPage
from recovery_desktop.ui.pages.today.page import TodayPage
from recovery_desktop.ui.session import Session
from tests.conftest import folder_hashes
from tests.ui.modal import stop_watching, when_shown  # noqa: F401 (an autouse fixture)


@pytest.fixture
def other_export(tmp_path):
    """A JSON export of another journal: one person, one craving."""
    other = create_journal(JournalFiles(tmp_path / "other"), None)
    try:
        other.contacts.save(Contact(None, "Robin from the group"))
        other.cravings.save(Craving(None, datetime(2026, 11, 2, 21, 0), 6))
        path = tmp_path / "from-the-old-laptop.json"
        save_json(other.db, path, other.files.app_folders())
    finally:
        other.close()
    return path


@pytest.fixture
def settings_window(qtbot, window_for, journal, files):
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    window.workspace.open_page(SettingsPage)
    return window


def choose_file(path) -> None:
    """In the next file dialog, type ``path`` and press Enter, as a person does."""

    def act(dialog: QFileDialog) -> None:
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        edit.setText(str(path))
        QTest.keyClick(edit, Qt.Key.Key_Return)

    when_shown(QFileDialog, act)


def read_box() -> list[str]:
    """The text of the next message box, which is then closed with its default button."""
    seen: list[str] = []

    def act(box: QMessageBox) -> None:
        seen.append(box.text())
        QTest.keyClick(box, Qt.Key.Key_Return)

    when_shown(QMessageBox, act)
    return seen


def confirm_import() -> list[str]:
    """In the next import dialog, note what it says, then press Import."""
    told: list[str] = []

    def confirm(dialog: ImportDialog) -> None:
        told.extend(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_shown(ImportDialog, confirm)
    return told


def test_export_warns_that_it_is_not_encrypted_then_saves_a_private_file(
    qtbot, settings_window, journal, tmp_path
):
    journal.contacts.save(Contact(None, "Sam"))
    target = tmp_path / "everything"
    shown: list[str] = []

    def export(dialog: ExportDialog) -> None:
        shown.extend(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
        choose_file(target)  # typed without .json: the suffix is added
        QTest.keyClick(dialog, Qt.Key.Key_Return)  # "Choose where to save…" is the default

    when_shown(ExportDialog, export)
    saved = read_box()
    page = settings_window.workspace.page(SettingsPage)
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(saved))
    assert EXPORT_WARNING in shown
    written = tmp_path / "everything.json"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    names = [c["name"] for c in json.loads(written.read_text("utf-8"))["records"]["contacts"]]
    assert names == ["Sam"]
    assert str(written) in saved[0] and "not encrypted" in saved[0]


def test_import_shows_what_it_will_add_then_backs_up_and_the_pages_show_it(
    qtbot, settings_window, journal, files, other_export
):
    choose_file(other_export)
    told = confirm_import()
    result = read_box()
    page = settings_window.workspace.page(SettingsPage)
    page.import_button.click()
    qtbot.waitUntil(lambda: bool(result))
    assert (
        "from-the-old-laptop.json holds 44 triggers and coping actions, 1 craving, 1 person, "
        "4 crisis lines."
    ) in told
    assert "Will be added: 1 craving, 1 person." in told
    assert result[0].startswith("Added: 1 craving, 1 person.")
    assert list(files.backups.glob("*before-import*"))
    assert [c.name for c in journal.contacts.contacts()] == ["Robin from the group"]
    people = settings_window.workspace.open_page(PeoplePage)
    qtbot.waitUntil(lambda: people.contacts_box.model.rowCount() == 1)


def test_a_damaged_file_is_named_calmly_and_nothing_changes(
    qtbot, settings_window, files, other_export
):
    document = json.loads(other_export.read_text("utf-8"))
    document["records"]["cravings"][0]["intensity"] = 11
    other_export.write_text(json.dumps(document), "utf-8")
    before = folder_hashes(files.folder)
    choose_file(other_export)
    told = read_box()
    settings_window.workspace.page(SettingsPage).import_button.click()
    qtbot.waitUntil(lambda: bool(told))
    assert told[0] == (
        "from-the-old-laptop.json could not be imported.\n\n"
        "records.cravings[0].intensity: must be a whole number from 0 to 10. "
        "Nothing was imported or changed."
    )
    assert folder_hashes(files.folder) == before


def test_a_file_already_imported_offers_nothing_to_import(qtbot, journal, tmp_path):
    """Importing a journal's own export: everything is there, so Import is not offered."""
    path = tmp_path / "mine.json"
    save_json(journal.db, path, journal.files.app_folders())
    plan = read_plan(path)
    dialog = ImportDialog(journal, path.name, plan, preview(journal, plan))
    qtbot.addWidget(dialog)
    assert (
        not dialog.findChild(QDialogButtonBox)
        .button(QDialogButtonBox.StandardButton.Ok)
        .isEnabled()
    )
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Everything in this file is already in your journal." in texts


def test_today_shows_the_imported_check_in_of_its_day(qtbot, settings_window, journal, tmp_path):
    """A new journal, Today showing today without a check-in; the export from the old
    laptop holds today's: Today shows it, so a tap on Today never saves the empty form
    over the note that came in."""
    other = create_journal(JournalFiles(tmp_path / "old"), None)
    try:
        other.checkins.save(CheckIn(date.today(), mood=7, note="written on the old laptop"))
        path = tmp_path / "old.json"
        save_json(other.db, path, other.files.app_folders())
    finally:
        other.close()
    today = settings_window.workspace.page(TodayPage)
    assert today.form.to_checkin(date.today()).note == ""
    choose_file(path)
    confirm_import()
    result = read_box()
    settings_window.workspace.page(SettingsPage).import_button.click()
    qtbot.waitUntil(lambda: bool(result))
    assert journal.checkins.get(date.today()).note == "written on the old laptop"
    settings_window.workspace.show_page(0)
    assert today.form.to_checkin(date.today()).note == "written on the old laptop"
    assert today.form.to_checkin(date.today()).mood == 7


def test_the_weekly_summary_shows_the_lists_an_import_brought_for_its_period(
    qtbot, settings_window, journal, tmp_path
):
    """The summary page was built (lists empty); the import brings this period's lists:
    the page shows them, so editing one never saves the empty list over the other."""
    summary = settings_window.workspace.open_page(SummaryPage)
    qtbot.waitUntil(lambda: summary.built is not None, timeout=10000)
    assert summary.talk_about.toPlainText() == ""
    other = create_journal(JournalFiles(tmp_path / "old"), None)
    try:
        other.summary_notes.save(summary.period, SummaryNotes(("sleep",), ("call Sam",)))
        path = tmp_path / "old.json"
        save_json(other.db, path, other.files.app_folders())
    finally:
        other.close()
    settings_window.workspace.open_page(SettingsPage)
    choose_file(path)
    confirm_import()
    result = read_box()
    settings_window.workspace.page(SettingsPage).import_button.click()
    qtbot.waitUntil(lambda: bool(result))
    settings_window.workspace.open_page(SummaryPage)  # hidden pages catch up when shown
    assert (summary.talk_about.toPlainText(), summary.goals.toPlainText()) == ("sleep", "call Sam")


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_csv_export_onto_a_full_disk_leaves_no_csv_file_and_says_nothing_was_exported(
    qtbot, journal, tmp_path, monkeypatch
):
    """The small CSV files fit, cravings.csv does not (a file size limit, as a full disk):
    no CSV file is left behind, so "Nothing was exported" is true."""
    journal.contacts.save(Contact(None, "Sam", notes="private note"))
    for hour in range(8, 20):
        journal.cravings.save(Craving(None, datetime(2026, 11, 2, hour, 0), 6, thoughts="x" * 400))
    dialog = ExportDialog(journal)
    qtbot.addWidget(dialog)
    read = export.export_records
    limits = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    def records_then_a_full_disk(db):
        records = read(db)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2000, limits[1]))
        return records

    monkeypatch.setattr(export, "export_records", records_then_a_full_disk)
    target = tmp_path / "out" / "csv"
    try:
        assert not dialog.export_to(target, csv=True)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limits)
        signal.signal(signal.SIGXFSZ, handler)
    assert dialog.error.text().startswith("Nothing was exported.")
    assert "too big for this disk" in dialog.error.text()
    assert [p for p in (tmp_path / "out").rglob("*") if p.is_file()] == []


def test_the_import_preview_says_which_records_differ_and_are_not_imported(qtbot, journal):
    """A check-in of a day the journal has, with another mood, is shown apart from the
    records "already in your journal": it is not imported, the journal's own is kept."""
    journal.checkins.save(CheckIn(date(2026, 11, 2), mood=8, note="mine"))
    document = export_document(journal.db)
    document["records"]["checkins"][0].update(mood=3, note="theirs")
    plan = check_document(document)
    dialog = ImportDialog(journal, "theirs.json", plan, preview(journal, plan))
    qtbot.addWidget(dialog)
    dialog.show()
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert (
        "1 check-in differs from this journal's and was not imported; the journal's own was kept."
        in shown
    )
