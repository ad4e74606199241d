"""Where a journal's backups go: ``<journal folder>/backups`` unless the user chose another
folder (a USB stick, a folder they sync).

The choice is kept in ``backup-place.json`` in the journal's folder, a plain file (it holds
a folder name, nothing from the journal) so that it can be read while the journal is
locked, for instance by the screen that offers backups of a damaged journal::

    {"version": 1, "folder": "/media/ana/STICK/journal backups"}

It is written atomically; a missing, damaged or strange file means the default folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from pathlib import Path

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.fsutil import (
    NotASmallFile,
    atomic_write,
    read_small_file,
    storage_errors,
)
from recovery_desktop.data.output_files import describe_output_error
from recovery_desktop.data.output_places import real_path

PLACE_FILE = "backup-place.json"
DEFAULT_NAME = "backups"
_MAX_BYTES = 16 * 1024


class BackupPlaceProblem(JournalError):
    """The chosen folder cannot hold backups; the message says why (nothing was changed)."""


def default_folder(journal_folder: Path) -> Path:
    return journal_folder / DEFAULT_NAME


def chosen_folder(journal_folder: Path) -> Path | None:
    """The folder the user chose, or None for the default (also when the file is
    missing, too big, not a regular file or not what this module writes)."""
    path = journal_folder / PLACE_FILE
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return None
        data = json.loads(read_small_file(path, _MAX_BYTES))  # a FIFO swapped in: no hang
    except (OSError, ValueError, RecursionError, NotASmallFile):
        return None
    folder = data.get("folder") if isinstance(data, dict) else None
    if not isinstance(folder, str) or not folder or "\0" in folder:
        return None
    return Path(folder) if Path(folder).is_absolute() else None


def backup_folder(journal_folder: Path) -> Path:
    """Where the next backup goes."""
    return chosen_folder(journal_folder) or default_folder(journal_folder)


def check_folder(journal_folder: Path, folder: Path) -> Path:
    """``folder`` as it will be stored (absolute, links followed), if it can hold this
    journal's backups: it exists, this account can write there, it is not the journal's
    own folder or inside it (other than the default backups folder), and it is not another
    journal's folder. Raises :class:`BackupPlaceProblem` otherwise."""
    target = real_path(folder)
    if not target.is_dir():
        raise BackupPlaceProblem(f"The folder {folder} is not there. Choose another folder.")
    journal = real_path(journal_folder)
    if target != real_path(default_folder(journal_folder)) and target.is_relative_to(journal):
        raise BackupPlaceProblem(
            "That folder is the journal's own folder (or inside it): a backup there is lost "
            "with the journal. Choose a folder outside it, such as on a USB stick."
        )
    if (target / "journal.db").exists() or (target / "keys.json").exists():
        raise BackupPlaceProblem(
            "That folder holds a journal of its own. Choose an empty folder or one for backups."
        )
    _test_write(target)
    return target


def _test_write(folder: Path) -> None:
    try:
        fd, name = tempfile.mkstemp(prefix=".journal-test-", suffix=".partial", dir=folder)
        os.close(fd)
        os.unlink(name)
    except OSError as error:
        raise BackupPlaceProblem(
            # words about this folder, never "the journal's folder" (describe_os_error)
            f"Backups cannot be written to {folder}: "
            f"{describe_output_error(folder / 'backup', error)}"
        ) from error


def choose_folder(journal_folder: Path, folder: Path | None) -> Path:
    """Send the next backups to ``folder`` (checked by :func:`check_folder`), or back to
    the default folder when None; returns the folder now used. Backups already made stay
    where they are. Raises :class:`BackupPlaceProblem` or :class:`StorageProblem`."""
    place = journal_folder / PLACE_FILE
    if folder is None or real_path(folder) == real_path(default_folder(journal_folder)):
        with storage_errors(), contextlib.suppress(FileNotFoundError):
            place.unlink()
        return default_folder(journal_folder)
    target = check_folder(journal_folder, folder)
    data = json.dumps({"version": 1, "folder": str(target)}, ensure_ascii=False)
    atomic_write(place, data.encode("utf-8"))
    return target
