"""The command line (DESIGN.md §5): the GUI by default, plus headless commands.

Exit codes: 0 success, 1 failure with a message, 2 bad usage or a wrong/missing passphrase.
Messages go to stderr and never include journal content.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from recovery_desktop import __version__
from recovery_desktop.core_dumps import disable_core_dumps
from recovery_desktop.data.errors import (
    JournalDamaged,
    JournalError,
    JournalExists,
    NoPassphraseSet,
    WrongPassphrase,
)
from recovery_desktop.data.fsutil import set_private_umask
from recovery_desktop.domain.dates import parse_day
from recovery_desktop.domain.demo import MAX_WEEKS
from recovery_desktop.domain.periods import Period, PeriodError, date_range, parse_week
from recovery_desktop.domain.wording import plural

if TYPE_CHECKING:
    from recovery_desktop.data.journal import Journal, JournalFiles

# Each command imports what it needs when it runs, so that ``--help`` and the first window
# do not wait for the data layer, the charts or Qt (tests/test_startup_imports.py).

PASSPHRASE_ENV = "RECOVERY_DESKTOP_PASSPHRASE"
PAGE_SIZE_NAMES = ("A4", "Letter")
EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad usage or a missing/wrong passphrase: exit code 2."""


class Parser(argparse.ArgumentParser):
    """Bad usage is one plain line on stderr and exit code 2, never a traceback."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message.rstrip('.')}. See {self.prog} --help.\n")


def _weeks(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if not 1 <= value <= MAX_WEEKS:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_WEEKS}")
    return value


def _week(text: str) -> Period:
    try:
        return parse_week(text)
    except PeriodError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _day(text: str) -> date:
    """An ISO date inside the journal's dates (``domain.dates``), checked before any use."""
    try:
        return parse_day(text, "The day")
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


NO_SESSION = (
    "No attended therapy or counselling session is recorded yet, so there is no period "
    "since the last one. Mark a session as attended on the Medication & visits page, or "
    "use --week or --from and --to. Nothing was saved."
)
ONLY_TODAY = (
    "Your only attended therapy or counselling session is today's; the period since the "
    "last session starts after an earlier one. Use --week or --from and --to for now. "
    "Nothing was saved."
)


def report_period(args: argparse.Namespace) -> Period | None:
    """The period asked for; None for ``--since-last-session``, which only the journal
    can tell."""
    if args.since_last_session:
        if args.end is not None:
            raise UsageError("--to goes with --from, not with --since-last-session.")
        return None
    if args.week is not None:
        if args.end is not None:
            raise UsageError("--to goes with --from, not with --week.")
        period: Period = args.week
        return period
    if args.end is None:
        raise UsageError("--from needs --to (the last day of the summary).")
    try:
        return date_range(args.start, args.end)
    except PeriodError as error:
        raise UsageError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="recovery-desktop",
        description="A private, encrypted journal for recovery. Opens the app by default.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", help="the journal folder (default: your user data folder)")
    parser.add_argument(
        "--demo", action="store_true", help="open a throwaway journal full of sample data"
    )
    parser.add_argument("--self-test", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo-data", help="create a journal filled with sample data")
    demo.add_argument("--data-dir", required=True, help="an empty folder for the new journal")
    demo.add_argument("--weeks", type=_weeks, default=8, help=f"1 to {MAX_WEEKS} (default 8)")
    demo.add_argument("--seed", type=int, default=1, help="same seed, same journal (default 1)")

    report = commands.add_parser("report", help="save the weekly summary as a PDF (and HTML)")
    report.add_argument("--data-dir", default=argparse.SUPPRESS, help="the journal folder")
    when = report.add_mutually_exclusive_group(required=True)
    when.add_argument("--week", type=_week, help="an ISO week, such as 2026-W47")
    when.add_argument(
        "--since-last-session",
        action="store_true",
        help="from the day after the last attended therapy or counselling session to today",
    )
    when.add_argument("--from", dest="start", type=_day, help="first day, YYYY-MM-DD (with --to)")
    report.add_argument("--to", dest="end", type=_day, help="last day, YYYY-MM-DD")
    report.add_argument("--out", required=True, help="the PDF file to write")
    report.add_argument("--html", help="also write the summary as one HTML file")
    report.add_argument(
        "--page-size", choices=sorted(PAGE_SIZE_NAMES), help="A4 or Letter (default: this system's)"
    )

    plan = commands.add_parser("plan", help="save the recovery plan (or its crisis card) as a PDF")
    plan.add_argument("--data-dir", default=argparse.SUPPRESS, help="the journal folder")
    plan.add_argument("--out", required=True, help="the PDF file to write")
    plan.add_argument(
        "--crisis-card", action="store_true", help="the one-page crisis card instead of the plan"
    )
    plan.add_argument(
        "--page-size", choices=sorted(PAGE_SIZE_NAMES), help="A4 or Letter (default: this system's)"
    )

    check = commands.add_parser("check", help="check the journal's integrity and count records")
    check.add_argument("--data-dir", default=argparse.SUPPRESS, help="the journal folder")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    from recovery_desktop import cli_backup, cli_transfer

    cli_transfer.add_parsers(commands)
    cli_backup.add_parser(commands)
    return parser


def _say(message: str) -> None:
    if sys.stderr is not None:
        print(message, file=sys.stderr)


def passphrase_for(files: JournalFiles) -> str | None:
    """None for an unprotected journal; else from the environment or a hidden prompt."""
    if not files.vault().is_protected:
        return None
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env is not None:
        return from_env
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass("Passphrase: ")
    raise UsageError(
        f"This journal is protected by a passphrase. Set {PASSPHRASE_ENV} or run the "
        "command in a terminal to be asked for it."
    )


def open_for_command(files: JournalFiles, full_check: bool = False) -> Journal:
    from recovery_desktop.data.journal import open_unprotected, open_with_passphrase

    passphrase = passphrase_for(files)
    if passphrase is None:
        return open_unprotected(files, full_check)
    return open_with_passphrase(files, passphrase, full_check)


def with_journal(
    files: JournalFiles, action: Callable[[Journal], int], full_check: bool = False
) -> int:
    """Lock, open, run ``action``, close, unlock."""
    from recovery_desktop.data import creation
    from recovery_desktop.data.instance_lock import COMMAND, InstanceLock
    from recovery_desktop.data.restore import finish_interrupted_restore, restore_pending

    if not creation.interrupted(files) and not restore_pending(files):
        files.vault()  # a missing or damaged journal is reported before anything is touched
    with InstanceLock(files.lock, COMMAND):
        creation.finish_interrupted(files)
        finish_interrupted_restore(files)
        journal = open_for_command(files, full_check)
        try:
            return action(journal)
        finally:
            journal.close()


def run_check(args: argparse.Namespace) -> int:
    """Every check there is, through a read-only connection first; a damaged journal is
    reported (exit 1) and left exactly as it is."""
    from recovery_desktop import paths
    from recovery_desktop.check_report import report_damage, report_journal
    from recovery_desktop.data.journal import JournalFiles

    files = JournalFiles(paths.data_dir(getattr(args, "data_dir", None)))
    try:
        return with_journal(
            files, lambda journal: report_journal(journal, files.folder, args.json), True
        )
    except JournalDamaged as error:
        return report_damage(error, files.folder, args.json)


def run_demo_data(args: argparse.Namespace) -> int:
    from recovery_desktop import paths
    from recovery_desktop.data import creation
    from recovery_desktop.data.demo import fill_demo
    from recovery_desktop.data.fsutil import ensure_private_dir
    from recovery_desktop.data.instance_lock import COMMAND, InstanceLock
    from recovery_desktop.data.journal import JournalFiles, create_journal

    files = JournalFiles(paths.data_dir(args.data_dir))
    if files.exists() and not creation.is_orphan(files):
        raise JournalExists(str(files.folder))
    ensure_private_dir(files.folder)
    with InstanceLock(files.lock, COMMAND):
        creation.finish_interrupted(files)
        if creation.is_orphan(files):
            aside = creation.set_aside(files)
            _say(f"An unfinished journal from an interrupted first start was moved to {aside}.")
        journal = create_journal(files, os.environ.get(PASSPHRASE_ENV) or None)
        try:
            counts = fill_demo(journal, args.weeks, date.today(), args.seed)
        finally:
            journal.close()
    _say(
        f"Created a demo journal in {files.folder} with {plural(counts['checkins'], 'check-in')} "
        f"and {plural(counts['cravings'], 'craving')}."
    )
    return EXIT_OK


def check_output_places(files: JournalFiles, pdf: Path, html: Path | None) -> None:
    """Bad usage, before the journal is opened: an output file among the journal's own
    files (or the app's), or ``--out`` and ``--html`` naming one file."""
    from recovery_desktop.data.output_files import OutputProblem, refuse_app_files
    from recovery_desktop.ui.report_files import check_html_place

    folders = files.app_folders()
    try:
        refuse_app_files(pdf, folders)
        if html is not None:
            check_html_place(pdf, html, folders)
    except OutputProblem as error:
        raise UsageError(f"{error} Nothing was saved.") from None


def run_report(args: argparse.Namespace) -> int:
    from recovery_desktop import paths
    from recovery_desktop.data.journal import JournalFiles

    period = report_period(args)
    files = JournalFiles(paths.data_dir(getattr(args, "data_dir", None)))
    out = Path(args.out)
    html_out = Path(args.html) if args.html else None
    check_output_places(files, out, html_out)

    def write(journal: Journal) -> int:
        from recovery_desktop.ui.report_files import save_summary

        today = date.today()
        chosen = period or journal.appointments.since_last_session(today)
        if chosen is None:
            _say(_without_period(journal, today))
            return EXIT_FAILURE
        pages = save_summary(journal, chosen, out, html_out, args.page_size)
        label = chosen.label_on(today)  # "— so far, to …" while the period runs
        also = f" and {html_out}" if html_out else ""
        _say(f"Saved the summary for {label}: {out} ({plural(pages, 'page')}){also}.")
        return EXIT_OK

    return with_journal(files, write)


def _without_period(journal: Journal, today: date) -> str:
    """Why there is no period since the last session (no journal content in it)."""
    from recovery_desktop.domain.session_today import attended_today

    return ONLY_TODAY if attended_today(journal.appointments.session_days(), today) else NO_SESSION


def run_plan(args: argparse.Namespace) -> int:
    """The plan's visible sections, or its crisis card, as a PDF (``ui/plan_printing.py``)."""
    from recovery_desktop import paths
    from recovery_desktop.data.journal import JournalFiles

    files = JournalFiles(paths.data_dir(getattr(args, "data_dir", None)))
    out = Path(args.out)
    check_output_places(files, out, None)

    def write(journal: Journal) -> int:
        from recovery_desktop.ui.plan_printing import save_plan_pdf

        pages = save_plan_pdf(journal, out, args.crisis_card, args.page_size)
        what = "crisis card" if args.crisis_card else "recovery plan"
        _say(f"Saved your {what}: {out} ({plural(pages, 'page')}).")
        return EXIT_OK

    return with_journal(files, write)


def main(argv: Sequence[str] | None = None) -> int:
    disable_core_dumps()  # before anything is read or decrypted
    set_private_umask()
    args = build_parser().parse_args(argv)
    try:
        if args.self_test:
            from recovery_desktop.ui.selftest import run_self_test

            return run_self_test()
        if args.command == "check":
            return run_check(args)
        if args.command == "demo-data":
            return run_demo_data(args)
        if args.command == "report":
            return run_report(args)
        if args.command == "plan":
            return run_plan(args)
        if args.command in ("export", "import"):
            from recovery_desktop import cli_transfer

            run = cli_transfer.run_export if args.command == "export" else cli_transfer.run_import
            return run(args)
        if args.command == "backup":
            from recovery_desktop import cli_backup

            return cli_backup.run_backup(args)
        from recovery_desktop.ui.app import run_gui

        return run_gui(Path(args.data_dir) if args.data_dir else None, demo=args.demo)
    except (UsageError, WrongPassphrase, NoPassphraseSet) as error:
        _say(str(error))
        return EXIT_USAGE
    except JournalError as error:
        _say(str(error))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_FAILURE
