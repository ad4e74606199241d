"""Run by tests/test_canary_sweep.py in a child process whose HOME, XDG folders and TMPDIR
all point into one sandbox: plants a unique string in every kind of text field, uses every
feature, then exits. The parent searches every file the child left behind.

Usage: python -m tests.canary_child JOURNAL_DIR OUTPUT_DIR CANARY CRISIS_CANARY
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

PASSPHRASE = "canary passphrase 1"


def plant(journal_dir: Path, canary: str, crisis_canary: str) -> None:
    """Every text field of every kind of record, through the data layer."""
    from recovery_desktop.data.journal import JournalFiles, create_journal
    from recovery_desktop.domain.checkin import CheckIn
    from recovery_desktop.domain.contacts import Contact, CrisisLine, ReachOut
    from recovery_desktop.domain.cravings import Craving, Tag
    from recovery_desktop.domain.day_plan import BlockCategory, BlockTimes
    from recovery_desktop.domain.drafts import Draft, DraftKind
    from recovery_desktop.domain.library import TRIGGER_CATEGORIES, Kind, LibraryItem
    from recovery_desktop.domain.periods import week_of
    from recovery_desktop.domain.plan import PlanPair, SectionKind
    from recovery_desktop.domain.recovery_time import Lapse
    from recovery_desktop.domain.summary import SummaryNotes

    today = date.today()
    journal = create_journal(JournalFiles(journal_dir), PASSPHRASE)
    try:
        journal.checkins.save(CheckIn(today - timedelta(days=1), mood=5, note=f"{canary} note"))
        journal.summary_notes.save(
            week_of(today), SummaryNotes((f"{canary} talk",), (f"{canary} goal",))
        )
        trigger = journal.library.add(
            LibraryItem(None, Kind.TRIGGER, f"{canary} trigger", TRIGGER_CATEGORIES[0])
        )
        at = datetime.combine(today - timedelta(days=1), time(20, 0))
        craving = journal.cravings.save(
            Craving(
                None,
                at,
                intensity=6,
                triggers=(Tag(trigger.id, trigger.name),),
                place=f"{canary} place",
                with_whom=f"{canary} whom",
                thoughts=f"{canary} thoughts",
                coping=(Tag(None, f"{canary} coping"),),
            )
        )
        contact = journal.contacts.save(
            Contact(
                None,
                f"{canary} name",
                phone="+44 7700 900123",
                email=f"{canary.lower()}@example.org",
                notes=f"{canary} notes",
            )
        )
        journal.contacts.log_reach_out(
            ReachOut(None, contact.id or 0, at, note=f"{canary} reach", craving_id=craving.id)
        )
        journal.contacts.save_crisis_line(CrisisLine(None, f"{crisis_canary} line", "116 123"))
        journal.recovery_time.set_clean_date("opioids", today - timedelta(days=30), today)
        journal.recovery_time.record_lapse(
            Lapse(
                None,
                datetime.combine(today - timedelta(days=2), time(21, 0)),
                "opioids",
                what_used=f"{canary} used",
                before=f"{canary} before",
                would_help=f"{canary} help",
                tell=f"{canary} tell",
            ),
            today - timedelta(days=1),
            today,
        )
        block = BlockTimes(1080, 1170, f"{canary} block", BlockCategory.MEETING, f"{canary} bnote")
        journal.day_plan.add(today - timedelta(days=1), block)
        journal.day_plan.save_template(
            today.weekday(), [BlockTimes(540, 600, f"{canary} usual", BlockCategory.OTHER)]
        )
        signs = journal.plan.plan().of_kind(SectionKind.WARNING_SIGNS)
        assert signs is not None
        pair = PlanPair(f"{canary} sign", f"{canary} do")
        journal.plan.save_section(replace(signs, body=f"{canary} plan", pairs=(pair,)))
        journal.plan.save_version(f"{canary} label")
        journal.plan.add_section(f"{canary} section")
        journal.drafts.keep([Draft(DraftKind.CONTACT, {"name": f"{canary} draft"})])
        journal.backup("manual")
    finally:
        journal.close()


def _close_modal(app: object) -> None:
    from PySide6.QtWidgets import QApplication, QDialog

    modal = QApplication.activeModalWidget()
    if isinstance(modal, QDialog):
        modal.reject()
    elif modal is not None:
        modal.close()


def use_the_app(journal_dir: Path, canary: str) -> None:
    """The window: unlock, every page, a typed note saved, lock, unlock, close."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from recovery_desktop.data.journal import JournalFiles
    from recovery_desktop.ui.app import build_main_window
    from recovery_desktop.ui.pages.today.page import TodayPage
    from recovery_desktop.ui.session import Session

    app = QApplication.instance() or QApplication([])
    closer = QTimer(app)  # drafts are offered back in dialogs: close each one as it opens
    closer.timeout.connect(lambda: _close_modal(app))
    closer.start(100)
    session = Session(JournalFiles(journal_dir))
    session.unlock(PASSPHRASE)
    window = build_main_window(session)
    window.show()
    workspace = window.workspace
    for row in range(len(workspace.specs)):
        workspace.show_page(row)
        app.processEvents()
    page = workspace.page(TodayPage)
    assert isinstance(page, TodayPage)
    page.form.note.setPlainText(f"{canary} typed")
    app.processEvents()
    window.lock_now()
    app.processEvents()
    session.unlock(PASSPHRASE)
    app.processEvents()
    assert session.journal is not None
    saved = session.journal.checkins.get(date.today())
    assert saved is not None and saved.note == f"{canary} typed", "the typed note was saved"
    window.close()
    app.processEvents()
    window.stop_background()
    session.lock()


def restore_a_backup(journal_dir: Path) -> None:
    """Look inside the newest backup, then restore it (the journal is moved aside)."""
    from recovery_desktop.data.backup_files import list_backups
    from recovery_desktop.data.journal import JournalFiles, open_with_passphrase
    from recovery_desktop.data.restore import journal_opener, prepare_restore

    files = JournalFiles(journal_dir)
    journal = open_with_passphrase(files, PASSPHRASE)
    newest = list_backups(files.backups)[-1]
    try:
        assert journal_opener(journal).contents(newest).counts["checkins"] >= 1
        prepared = prepare_restore(journal, newest)
    finally:
        journal.close()
    restored, _replaced = prepared.finish()
    restored.close()


def run_commands(journal_dir: Path, out_dir: Path) -> None:
    """The headless commands, with deliberate output files only in ``out_dir``."""
    from recovery_desktop.cli import main

    os.environ["RECOVERY_DESKTOP_PASSPHRASE"] = PASSPHRASE
    week = date.today().isocalendar()
    data = ["--data-dir", str(journal_dir)]
    assert main(["check", *data, "--json"]) == 0
    report = ["--week", f"{week.year}-W{week.week:02d}", "--out", str(out_dir / "week.pdf")]
    assert main(["report", *data, *report, "--html", str(out_dir / "week.html")]) == 0
    assert main(["backup", *data]) == 0
    assert main(["export", *data, "--out", str(out_dir / "everything.json")]) == 0
    assert main(["export", *data, "--csv", str(out_dir / "csv")]) == 0
    # The export imported into a second journal (and again, merged into the first).
    second = ["--data-dir", str(journal_dir.with_name("second-journal"))]
    assert main(["import", *second, str(out_dir / "everything.json")]) == 0
    assert main(["import", *data, str(out_dir / "everything.json")]) == 0
    assert main(["check", *second]) == 0


def new_encryption_key(journal_dir: Path) -> None:
    """Move the journal and its backups to a new key, as Settings does."""
    from recovery_desktop.data.journal import JournalFiles, new_recovery_key, open_with_passphrase

    journal = open_with_passphrase(JournalFiles(journal_dir), PASSPHRASE)
    try:
        journal.new_encryption_key(PASSPHRASE, PASSPHRASE + " changed", new_recovery_key())
        journal.change_passphrase(PASSPHRASE + " changed", PASSPHRASE)
    finally:
        journal.close()


def main() -> None:
    journal_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    canary, crisis_canary = sys.argv[3], sys.argv[4]
    from recovery_desktop.data.fsutil import set_private_umask
    from tests.argon2_for_tests import use_test_only_argon2

    set_private_umask()
    use_test_only_argon2()  # TEST ONLY: cheap key derivation, as in the test process
    plant(journal_dir, canary, crisis_canary)
    use_the_app(journal_dir, canary)
    restore_a_backup(journal_dir)
    new_encryption_key(journal_dir)
    run_commands(journal_dir, out_dir)


if __name__ == "__main__":
    main()
