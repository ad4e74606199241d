"""The ``export`` and ``import`` commands (DESIGN.md §5); see docs/export-format.md."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from recovery_desktop import paths
from recovery_desktop.cli import PASSPHRASE_ENV, UsageError, with_journal
from recovery_desktop.data.export import save_csv, save_json
from recovery_desktop.data.fsutil import ensure_private_dir
from recovery_desktop.data.import_apply import ImportResult, import_plan
from recovery_desktop.data.import_json import read_plan
from recovery_desktop.data.instance_lock import InstanceLock
from recovery_desktop.data.journal import Journal, JournalFiles, create_journal
from recovery_desktop.data.output_files import OutputProblem, refuse_app_files
from recovery_desktop.data.transfer_format import KINDS
from recovery_desktop.domain.wording import plural

NOT_ENCRYPTED = (
    "The export is NOT encrypted: anyone who gets it can read everything in it. "
    "Keep it somewhere safe and delete it when you no longer need it."
)

KIND_NOUNS = {
    "checkins": ("check-in", "check-ins"),
    "summary_notes": ("summary note", "summary notes"),
    "preferences": ("setting", "settings"),
    "library_items": ("trigger or coping action", "triggers and coping actions"),
    "cravings": ("craving", "cravings"),
    "contacts": ("person", "people"),
    "reach_outs": ("reach-out", "reach-outs"),
    "crisis_lines": ("crisis line", "crisis lines"),
    "lapses": ("lapse", "lapses"),
    "clean_periods": ("clean period", "clean periods"),
}


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


def counts_text(counts: dict[str, int]) -> str:
    """ "27 check-ins, 6 people" (kinds with none left out; "nothing" when all are 0)."""
    parts = [
        plural(counts[kind.name], *KIND_NOUNS[kind.name]) for kind in KINDS if counts.get(kind.name)
    ]
    return ", ".join(parts) if parts else "nothing"


def result_text(result: ImportResult) -> str:
    lines = [f"Added: {counts_text(result.added)}."]
    if any(result.skipped.values()):
        lines.append(f"Skipped, already in the journal: {counts_text(result.skipped)}.")
    return "\n".join(lines + result.notes)


def run_export(args: argparse.Namespace) -> int:
    """``export``: the output place is checked before the journal is opened."""
    files = JournalFiles(paths.data_dir(getattr(args, "data_dir", None)))
    target = Path(args.out if args.out is not None else args.csv)
    probe = target if args.out is not None else target / "checkins.csv"
    try:
        refuse_app_files(probe, files.app_folders())
    except OutputProblem as error:
        raise UsageError(f"{error} Nothing was saved.") from None

    def write(journal: Journal) -> int:
        if args.out is not None:
            counts = save_json(journal.db, target, files.app_folders())
            say(f"Saved the export ({counts_text(counts)}) to {target}.")
        else:
            written = save_csv(journal.db, target, files.app_folders())
            say(f"Saved {plural(len(written), 'CSV file')} in {target}.")
        say(NOT_ENCRYPTED)
        return 0

    return with_journal(files, write)


def run_import(args: argparse.Namespace) -> int:
    """``import``: the file is checked completely first; a folder without a journal gets
    a new one (protected by the passphrase in RECOVERY_DESKTOP_PASSPHRASE when set)."""
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
