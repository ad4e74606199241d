"""The composition root: opens the journal, builds the objects, shows the window.

What the first window needs is imported at the top; the main window's pages and helpers
are imported by the functions that build them, so the first-run wizard (or the unlock
screen) does not wait for them (tests/test_startup_imports.py, docs/decisions.md).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from recovery_desktop import paths
from recovery_desktop.data import creation
from recovery_desktop.data.errors import JournalDamaged, JournalError
from recovery_desktop.data.fsutil import ensure_private_dir
from recovery_desktop.data.instance_lock import InstanceLock
from recovery_desktop.data.journal_files import JournalFiles
from recovery_desktop.data.restore import finish_interrupted_restore
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE
from recovery_desktop.ui import crash
from recovery_desktop.ui.app_title import APP_TITLE
from recovery_desktop.ui.clipboard import private_clipboard
from recovery_desktop.ui.dates import use_app_language
from recovery_desktop.ui.demo_journal import demo_journal, remove_left_behind
from recovery_desktop.ui.dialogs.opening_boxes import notes_box, wants_fresh_start
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.stop_signals import StopSignals
from recovery_desktop.ui.theme import apply_theme

if TYPE_CHECKING:
    from recovery_desktop.data.backup_files import BackupFile
    from recovery_desktop.data.journal import Journal
    from recovery_desktop.domain.checkin import CheckIn
    from recovery_desktop.ui.change_signal import ChangeSignal
    from recovery_desktop.ui.day_watcher import DayWatcher
    from recovery_desktop.ui.dialogs.help_now_dialog import HelpOpener
    from recovery_desktop.ui.dialogs.key_wizards import KeyWizard
    from recovery_desktop.ui.flows import Flows
    from recovery_desktop.ui.idle import IdleWatcher
    from recovery_desktop.ui.main_window import MainWindow
    from recovery_desktop.ui.warmup import Warmup
    from recovery_desktop.ui.worker import Worker
    from recovery_desktop.ui.workspace import PageSpec

WARMUP_DELAY_MS = 1500
PAGES = "recovery_desktop.ui.pages"
MY_DAY = "My day"  # the page's title in the navigation
MEDICATION = "Medication & visits"  # Today's cards open it by this title
PLAN = "Plan"
JOURNAL = "Journal"


def page_specs(
    idle: IdleWatcher,
    drafts: dict[date, CheckIn],
    warmup: Warmup,
    worker: Worker,
    flows: Flows,
    day: DayWatcher,
    changes: ChangeSignal,
    restore: Callable[[BackupFile], None] | None = None,
    open_page: Callable[[str], object] | None = None,
) -> list[PageSpec]:
    """The pages in navigation order, each built when first shown. A page is listed only
    once it works. Each follows the kinds of records it ``shows`` through ``changes``, and
    the date through ``day``: at once while visible, else when next shown. Each builder
    imports its page's module, so a page not built yet costs nothing at start.
    ``open_page(title)`` shows another page (Today's card opens "My day" by its title)."""
    from recovery_desktop.ui.change_signal import follow
    from recovery_desktop.ui.workspace import PageSpec

    plan_drafts: dict[str, Any] = {}  # the Plan page's unsaved sections, across a lock
    journal_drafts: dict[str, Any] = {}  # the Journal page's unsaved entry, across a lock

    def followed(page: Any, day_changed: Callable[[date], object] | None = None) -> Any:
        follow(page, changes, page.shows, page.data_changed, day.day_changed, day_changed)
        return page

    def today(journal: Journal) -> QWidget:
        from recovery_desktop.ui.pages.today.page import TodayPage

        page = TodayPage(journal, drafts)
        page.used_answered.connect(flows.day_marked_used)
        page.lapse_wanted.connect(flows.record_later)
        if open_page is not None:
            page.my_day_wanted.connect(lambda: open_page(MY_DAY))
            page.medication_wanted.connect(lambda: open_page(MEDICATION))
        return followed(page, page.day_changed)

    def cravings(journal: Journal) -> QWidget:
        from recovery_desktop.ui.pages.cravings import CravingsPage

        page = CravingsPage(journal, flows.open_craving)
        return followed(page, page.day_changed)

    def my_day(journal: Journal) -> QWidget:
        from recovery_desktop.ui.pages.day.page import DayPage

        page = DayPage(journal.day_plan, journal.preferences, appointments=journal.appointments)
        return followed(page, page.day_changed)

    def journal_page(journal: Journal) -> QWidget:
        from recovery_desktop.data.day_facts import DaySources, day_facts
        from recovery_desktop.ui.pages.journal.page import JournalPage

        sources = DaySources(
            journal.checkins, journal.cravings, journal.recovery_time, journal.appointments
        )
        facts = lambda: day_facts(sources, date.today())  # noqa: E731
        page = JournalPage(journal.entries, journal_drafts, facts)
        return followed(page, page.day_changed)

    def trends(journal: Journal) -> QWidget:
        from recovery_desktop.ui.pages.trends import TrendsPage

        page = TrendsPage(journal, warmup, worker)
        return followed(page, lambda _day: page.refresh())  # ranges end today

    def people(journal: Journal) -> QWidget:
        from recovery_desktop.ui.pages.people.page import PeoplePage

        page = PeoplePage(journal.contacts, journal.preferences)
        # "last reached out" and its note
        return followed(page, lambda _day: page.log_box.refresh())

    def plan(journal: Journal) -> QWidget:
        from recovery_desktop.ui.pages.plan.page import PlanPage
        from recovery_desktop.ui.pages.plan.plan_output import plan_output_for

        output = plan_output_for(journal)
        page = PlanPage(journal.plan, journal.library, output, plan_drafts)
        output.setParent(page)
        return followed(page)

    def medication(journal: Journal) -> QWidget:
        from recovery_desktop.ui.pages.medication.page import MedicationPage

        page = MedicationPage(journal.medication, journal.appointments, journal.contacts)
        return followed(page, page.day_changed)

    def clean_time(journal: Journal) -> QWidget:
        from recovery_desktop.ui.pages.clean_time import CleanTimePage

        page = CleanTimePage(journal.recovery_time, flows.open_lapse)
        return followed(page, page.day_changed)

    def library(journal: Journal) -> QWidget:
        from recovery_desktop.ui.pages.library.page import LibraryPage

        return followed(LibraryPage(journal.library))

    def summary(journal: Journal) -> QWidget:
        from recovery_desktop.ui.pages.summary.page import SummaryPage

        page = SummaryPage(journal, warmup, worker)
        return followed(page, page.picker.day_changed)

    def settings(journal: Journal) -> QWidget:
        from recovery_desktop.ui.pages.settings.page import SettingsPage

        page = SettingsPage(journal)
        page.auto_lock_changed.connect(idle.set_minutes)
        if restore is not None:
            page.restore_wanted.connect(restore)
        return page

    return [
        PageSpec("Today", today, f"{PAGES}.today.page:TodayPage"),
        PageSpec(MY_DAY, my_day, f"{PAGES}.day.page:DayPage"),
        PageSpec(JOURNAL, journal_page, f"{PAGES}.journal.page:JournalPage"),
        PageSpec("Cravings", cravings, f"{PAGES}.cravings:CravingsPage"),
        PageSpec("Trends", trends, f"{PAGES}.trends:TrendsPage"),
        PageSpec("People", people, f"{PAGES}.people.page:PeoplePage"),
        PageSpec(PLAN, plan, f"{PAGES}.plan.page:PlanPage"),
        PageSpec("Medication & visits", medication, f"{PAGES}.medication.page:MedicationPage"),
        PageSpec("Clean time", clean_time, f"{PAGES}.clean_time:CleanTimePage"),
        PageSpec("Triggers & coping", library, f"{PAGES}.library.page:LibraryPage"),
        PageSpec("Weekly summary", summary, f"{PAGES}.summary.page:SummaryPage"),
        PageSpec("Settings", settings, f"{PAGES}.settings.page:SettingsPage"),
    ]


def add_help(window: MainWindow, opener: HelpOpener) -> None:
    """ "Get help now" on the lock screen, and Ctrl+H in every window of the app."""
    opener.owner = window
    opener.setParent(window)
    window.unlock_panel.add_help(opener.button())
    opener.action(window, Qt.ShortcutContext.ApplicationShortcut)


def add_damaged_panel(window: MainWindow, opener: HelpOpener) -> None:
    """The damaged-journal screen, with its own "Get help now"."""
    from recovery_desktop.ui.widgets.damaged_panel import DamagedPanel

    session = window.session
    panel = DamagedPanel(session.files, session.adopt, lambda: first_run(session.files), window)
    panel.add_help(opener.button())
    window.add_damaged_panel(panel)


def build_main_window(
    session: Session, title: str = APP_TITLE, day: DayWatcher | None = None
) -> MainWindow:
    """The main window and its helpers; ``day`` tells when the local date changes (one is
    made here unless a test brings its own clock)."""
    from recovery_desktop.ui.after_a_stop import open_page_after_a_stop
    from recovery_desktop.ui.auto_backup import AutoBackup
    from recovery_desktop.ui.change_signal import ChangeSignal
    from recovery_desktop.ui.day_watcher import DayWatcher
    from recovery_desktop.ui.dialogs.help_now_dialog import HelpOpener
    from recovery_desktop.ui.flows import CRAVING_SHORTCUT, Flows, craving_button
    from recovery_desktop.ui.idle import IdleWatcher
    from recovery_desktop.ui.main_window import MainWindow
    from recovery_desktop.ui.restore_flow import restore_into
    from recovery_desktop.ui.warmup import Warmup
    from recovery_desktop.ui.widgets.clean_badge import CleanBadge
    from recovery_desktop.ui.worker import Worker

    idle = IdleWatcher()
    warmup = Warmup()
    worker = Worker()
    changes = ChangeSignal(session)
    flows = Flows(session, idle, changes=changes)
    day = day or DayWatcher()
    from recovery_desktop.ui.help_content import help_content

    help_opener = HelpOpener(lambda: help_content(session))
    drafts: dict[date, CheckIn] = {}

    def sidebar(journal: Journal) -> list[QWidget]:
        badge = CleanBadge(journal.recovery_time, invite=True)
        changes.changed.connect(badge.data_changed)  # always on screen: at once
        day.day_changed.connect(badge.day_changed)
        return [help_opener.button(), craving_button(flows), badge]

    window = MainWindow(
        session,
        page_specs(
            idle,
            drafts,
            warmup,
            worker,
            flows,
            day,
            changes,
            lambda backup: restore_into(window, backup),
            lambda title: window.workspace.open_page(title) if window.workspace else None,
        ),
        idle,
        title,
        sidebar=sidebar,
        shortcuts=[(CRAVING_SHORTCUT, flows.open_craving)],
        background=[warmup, worker],
    )
    flows.window = window
    open_page_after_a_stop(
        window,
        [
            (PLAN, lambda journal: journal.plan.interrupted_since() is not None),
            (JOURNAL, lambda journal: journal.entries.interrupted() is not None),
        ],
    )
    add_help(window, help_opener)
    add_damaged_panel(window, help_opener)
    backups = AutoBackup(session, paths.log_dir())
    window.closing.connect(backups.on_closing)
    window.locking.connect(backups.if_due)
    for helper in (idle, warmup, worker, changes, flows, day, backups):
        helper.setParent(window)
    # Charts need matplotlib: load it in the background once the window is up.
    warmup.start_later(WARMUP_DELAY_MS)
    return window


def create_from_wizard(files: JournalFiles, wizard: KeyWizard) -> Journal:
    """Create the journal the first-run wizard describes, with its optional first steps."""
    from recovery_desktop.data.journal import create_journal

    recovery = wizard.recovery_key if wizard.passphrase is not None else None
    journal = create_journal(files, wizard.passphrase, recovery)
    steps = wizard.first_steps.steps() if wizard.first_steps is not None else None
    if steps is None:
        return journal
    with contextlib.suppress(JournalError, ValueError):  # optional: can be added later
        if steps.clean_date is None:
            journal.recovery_time.set_counting(False)  # respected: no badge, no nagging
        else:
            journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, steps.clean_date, date.today())
        if steps.contact is not None:
            journal.contacts.save(steps.contact)
    return journal


def first_run(files: JournalFiles) -> Journal | None:
    """The setup wizard; returns the new journal, or None if the user closed it."""
    from recovery_desktop.ui.dialogs.key_wizards import setup_wizard

    created: list[Journal] = []
    setup_wizard(
        lambda wizard: created.append(create_from_wizard(files, wizard)),
        files.app_folders(),
        crisis_lines=files.crisis_copy.read,
    ).exec()
    return created[0] if created else None


def _open_session(files: JournalFiles) -> Session | None:
    """The session at start: a new journal from the wizard, an unprotected journal open, a
    protected one locked, or a damaged one marked so (the window shows the damaged screen)."""
    session = Session(files)
    creation.finish_interrupted(files)
    if creation.is_orphan(files):  # half-created by an older version: nothing to lose
        if not wants_fresh_start(None, files.folder):
            return None
        creation.set_aside(files)
    try:
        finish_interrupted_restore(files)
        if not files.exists():
            journal = first_run(files)
            if journal is None:
                return None
            session.adopt(journal)
        elif not files.vault().is_protected:
            session.unlock_unprotected()
    except JournalDamaged as error:
        session.mark_damaged(error)
    return session


def show_opening_notes(window: QWidget, session: Session) -> None:
    """Warnings from opening (recent entries that could not be read), once, over the
    window; the journal is open and usable behind them."""
    journal = session.journal
    if journal is None or not journal.opening_notes:
        return
    box = notes_box(window, journal.opening_notes)
    journal.opening_notes = ()
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


@contextlib.contextmanager
def _journal_files(data_dir: Path | None, demo: bool) -> Iterator[JournalFiles]:
    """The journal to open; for ``--demo`` a sample journal deleted afterwards."""
    if not demo:
        yield JournalFiles(paths.data_dir(data_dir))
        return
    with demo_journal() as files:
        yield files


def _run_window(
    app: QApplication, files: JournalFiles, title: str, stops: StopSignals | None = None
) -> int:
    apply_theme(app)
    crash.install(paths.log_dir())
    session = _open_session(files)
    if session is None:
        return 0
    window = build_main_window(session, title)
    if stops is not None:  # a logout or shutdown closes the window as the user would
        stops.on_stop = window.close_without_questions
    app.aboutToQuit.connect(window.stop_background)
    window.show()
    session.unlocked.connect(lambda: show_opening_notes(window, session))
    show_opening_notes(window, session)
    return app.exec()


def run_gui(data_dir: Path | None, demo: bool = False) -> int:
    """Open the app. A second copy on the same journal says so and touches nothing."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_TITLE)
    use_app_language()
    title = f"{APP_TITLE} (demo journal: changes are thrown away)" if demo else APP_TITLE
    remove_left_behind()  # demo journals of processes that were killed
    try:
        with StopSignals() as stops, _journal_files(data_dir, demo) as files:
            lock = InstanceLock(files.lock)
            ensure_private_dir(files.folder)
            lock.acquire()
            try:
                return _run_window(app, files, title, stops)
            finally:
                lock.release()
    except JournalError as error:
        QMessageBox.information(None, APP_TITLE, str(error))
        return 1
    finally:
        private_clipboard().clear()  # also when the app ends without its event loop
