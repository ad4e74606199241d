"""``recovery-desktop backup --data-dir DIR``: take a checked backup now and say where."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from recovery_desktop.domain.wording import plural

if TYPE_CHECKING:
    from recovery_desktop.data.journal import Journal


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    backup = commands.add_parser("backup", help="take an encrypted backup of the journal now")
    backup.add_argument("--data-dir", default=argparse.SUPPRESS, help="the journal folder")


def run_backup(args: argparse.Namespace) -> int:
    """Prints the new backup's path on stdout and a sentence on stderr; exit 0. A full or
    missing backup folder raises :class:`StorageProblem` (exit 1, nothing left behind)."""
    from recovery_desktop import paths
    from recovery_desktop.cli import EXIT_OK, with_journal
    from recovery_desktop.data.backup_files import list_backups
    from recovery_desktop.data.journal import JournalFiles

    files = JournalFiles(paths.data_dir(getattr(args, "data_dir", None)))

    def take(journal: Journal) -> int:
        made = journal.backup("manual")
        kept = len(list_backups(made.parent))
        print(made)
        if sys.stderr is not None:
            print(
                f"Backed up the journal to {made} ({plural(kept, 'backup')} kept in "
                f"{made.parent}).",
                file=sys.stderr,
            )
        return EXIT_OK

    return with_journal(files, take)
