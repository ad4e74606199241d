"""The ``export`` and ``import`` commands (DESIGN.md §5); see docs/export-format.md."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_desktop.data.errors import StorageProblem
from recovery_desktop.domain.wording import plural

if TYPE_CHECKING:
    from recovery_desktop.data.journal import Journal

# The parsers are built for every run of the command line (``--help``, the app): what the
# commands need is imported when one of them runs.


def say(message: str) -> None:
    """One message on stderr (where the other commands' messages go)."""
    if sys.stderr is not None:
        print(message, file=sys.stderr)


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """The two commands' arguments, on the main parser's subcommands."""
    export = commands.add_parser("export", help="save everything as JSON or CSV (not encrypted)")
    export.add_argument("--data-dir", default=argparse.SUPPRESS, help="the journal folder")
    where = export.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", help="the JSON file to write")
    where.add_argument("--csv", help="a folder for one CSV file per kind of record")
    load = commands.add_parser("import", help="add the records of a JSON export to a journal")
    load.add_argument("--data-dir", default=argparse.SUPPRESS, help="the journal folder")
    load.add_argument("file", help="a JSON file made by export")


def run_export(args: argparse.Namespace) -> int:
    """``export``: the output place is checked before the journal is opened."""
    from recovery_desktop import paths
    from recovery_desktop.cli import UsageError, with_journal
    from recovery_desktop.data.export import save_csv, save_json
    from recovery_desktop.data.journal import JournalFiles
    from recovery_desktop.data.output_files import OutputProblem, refuse_app_files
    from recovery_desktop.data.transfer_text import NOT_ENCRYPTED, counts_text

    files = JournalFiles(paths.data_dir(getattr(args, "data_dir", None)))
    target = Path(args.out if args.out is not None else args.csv)
    probe = target if args.out is not None else target / "checkins.csv"
    try:
        refuse_app_files(probe, files.app_folders())
    except OutputProblem as error:
        raise UsageError(f"{error} Nothing was saved.") from None

    def write(journal: Journal) -> int:
        try:
            if args.out is not None:
                counts = save_json(journal.db, target, files.app_folders())
                saved = f"Saved the export ({counts_text(counts)}) to {target}."
            else:
                written = save_csv(journal.db, target, files.app_folders())
                saved = f"Saved {plural(len(written), 'CSV file')} in {target}."
        except StorageProblem as error:  # nothing of the export is left behind
            say(f"Nothing was exported. {error}")
            return 1
        say(saved)
        say(NOT_ENCRYPTED)
        return 0

    return with_journal(files, write)


def run_import(args: argparse.Namespace) -> int:
    """``import``: the file is checked completely first; a folder without a journal gets
    a new one (protected by the passphrase in RECOVERY_DESKTOP_PASSPHRASE when set)."""
    from recovery_desktop import paths
    from recovery_desktop.cli import PASSPHRASE_ENV, with_journal
    from recovery_desktop.data.fsutil import ensure_private_dir
    from recovery_desktop.data.import_apply import import_plan
    from recovery_desktop.data.import_json import read_plan
    from recovery_desktop.data.instance_lock import InstanceLock
    from recovery_desktop.data.journal import JournalFiles, create_journal
    from recovery_desktop.data.transfer_text import result_text

    files = JournalFiles(paths.data_dir(getattr(args, "data_dir", None)))
    plan = read_plan(Path(args.file))
    if files.exists():

        def merge(journal: Journal) -> int:
            result = import_plan(journal, plan)
            say(f"Imported into {files.folder} (a backup was taken first).")
            say(result_text(result))
            return 0

        return with_journal(files, merge)
    ensure_private_dir(files.folder)
    with InstanceLock(files.lock):
        journal = create_journal(files, os.environ.get(PASSPHRASE_ENV) or None)
        try:
            result = import_plan(journal, plan, new_journal=True)
        finally:
            journal.close()
    say(f"Created a journal in {files.folder} from the export.")
    say(result_text(result))
    return 0
