"""Restoring a backup: the current journal is moved aside (never overwritten or deleted),
then the backup's database and key copy take its place.

Crash safety. The backup is first copied to temporary names in the journal's folder,
fsynced and checked with the key. Only then is a small plan (``restore-plan.json``) written
atomically; it names the folder the current files go to and the two temporary files. From
that moment every step is a rename that :func:`finish_interrupted_restore` (run before
every open, with the instance lock held) can complete: a kill at any moment leaves the old
journal in place, the restored one, or a plan that the next start carries out.

1. ``.restore-journal.db.tmp`` and ``.restore-keys.json.tmp`` written, fsynced, checked
2. ``restore-plan.json`` written (atomic)
3. ``journal.db-wal``, ``journal.db-shm``, ``journal.db``, ``keys.json`` moved into
   ``replaced-<UTC stamp>/`` (0700)
4. the temporary database renamed to ``journal.db``, then the key copy to ``keys.json``
5. the plan removed
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_desktop.data.backup_files import STAMP_FORMAT, BackupFile
from recovery_desktop.data.errors import JournalDamaged
from recovery_desktop.data.fsutil import (
    DIR_MODE,
    atomic_write,
    fsync_dir,
    make_private,
    storage_errors,
)
from recovery_desktop.data.journal_files import JournalFiles

if TYPE_CHECKING:
    from recovery_desktop.data.backup_view import BackupOpener
    from recovery_desktop.data.journal import Journal

# What a restore itself needs (the backup's checks, opening a journal) is imported when one
# runs: the start of the app only finishes an interrupted restore (``finish_interrupted_restore``).

PLAN_NAME = "restore-plan.json"
DB_TEMP = ".restore-journal.db.tmp"
KEYS_TEMP = ".restore-keys.json.tmp"
REPLACED_PREFIX = "replaced-"
DAMAGED_PREFIX = "damaged-"
_PLAN_DAMAGED = "An interrupted restore left a plan that cannot be read."


def _live_names(files: JournalFiles) -> list[Path]:
    db = files.database
    return [db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"), db, files.keys]


def aside_folder(files: JournalFiles, prefix: str = REPLACED_PREFIX) -> Path:
    """A new, not yet existing folder name inside the journal's folder, dated in UTC."""
    stamp = datetime.now(timezone.utc).strftime(STAMP_FORMAT)
    candidate = files.folder / f"{prefix}{stamp}"
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = files.folder / f"{prefix}{stamp}-{counter}"
    return candidate


def _copy_synced(source: Path, target: Path) -> None:
    with storage_errors():
        with open(source, "rb") as reader, open(target, "wb") as writer:
            shutil.copyfileobj(reader, writer, 1024 * 1024)
            writer.flush()
            os.fsync(writer.fileno())
        make_private(target)


def _remove_temps(folder: Path) -> None:
    for name in (DB_TEMP, KEYS_TEMP):
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                (folder / (name + suffix)).unlink()


def stage_backup(
    files: JournalFiles, backup: BackupFile, data_key: bytes, keys_source: Path | None = None
) -> None:
    """Step 1: copy the backup and ``keys_source`` (default: the backup's key copy, else
    today's keys.json) beside the journal and check that the copy opens with ``data_key``.
    Raises :class:`BackupUnusable` (temporary files removed) or :class:`StorageProblem`."""
    from recovery_desktop.data.backup_view import check_database
    from recovery_desktop.data.vault import Vault

    _remove_temps(files.folder)
    if keys_source is None:
        keys_source = backup.keys_path if backup.keys_path.is_file() else files.keys
    try:
        _copy_synced(backup.path, files.folder / DB_TEMP)
        _copy_synced(keys_source, files.folder / KEYS_TEMP)
        check_database(files.folder / DB_TEMP, data_key)
        Vault.load(files.folder / KEYS_TEMP)
    except BaseException:
        _remove_temps(files.folder)
        raise
    for suffix in ("-wal", "-shm"):  # the check's connection closed cleanly
        with contextlib.suppress(OSError):
            (files.folder / (DB_TEMP + suffix)).unlink()


def commit_staged(files: JournalFiles, replaced: Path | None = None) -> Path:
    """Steps 2 to 5, after :func:`stage_backup`: returns the folder the current journal
    files were moved into."""
    replaced = replaced or aside_folder(files)
    plan = {"replaced": replaced.name, "database": DB_TEMP, "keys": KEYS_TEMP}
    atomic_write(files.folder / PLAN_NAME, json.dumps(plan).encode("utf-8"))
    _carry_out(files, replaced)
    return replaced


def _carry_out(files: JournalFiles, replaced: Path) -> None:
    """Steps 3 to 5; each step is skipped when already done, so this completes a restore
    that was stopped at any point after the plan was written."""
    db_temp, keys_temp = files.folder / DB_TEMP, files.folder / KEYS_TEMP
    with storage_errors():
        if db_temp.exists():  # the live files are still the old journal's
            replaced.mkdir(mode=DIR_MODE, exist_ok=True)
            for live in _live_names(files):
                if live.exists():
                    os.replace(live, replaced / live.name)
            fsync_dir(replaced)
            os.replace(db_temp, files.database)
        if keys_temp.exists():
            os.replace(keys_temp, files.keys)
        fsync_dir(files.folder)
        (files.folder / PLAN_NAME).unlink(missing_ok=True)
        fsync_dir(files.folder)


def restore_pending(files: JournalFiles) -> bool:
    """True when a restore was stopped after its plan was written (the next open with the
    instance lock held completes it)."""
    return (files.folder / PLAN_NAME).exists()


def finish_interrupted_restore(files: JournalFiles) -> Path | None:
    """Before opening: complete a restore that was stopped after its plan was written
    (returning the folder the old files went to), or remove the temporary files of one
    stopped before (returning None). Needs the instance lock."""
    plan_path = files.folder / PLAN_NAME
    if not plan_path.exists():
        _remove_temps(files.folder)
        return None
    try:
        plan = json.loads(plan_path.read_bytes())
        name = plan["replaced"]
    except (OSError, ValueError, TypeError, KeyError) as error:
        raise JournalDamaged(_PLAN_DAMAGED) from error
    if not isinstance(name, str) or not name.startswith(REPLACED_PREFIX) or "/" in name:
        raise JournalDamaged(_PLAN_DAMAGED)
    replaced = files.folder / name
    _carry_out(files, replaced)
    return replaced


def restore_backup(files: JournalFiles, backup: BackupFile, data_key: bytes) -> Path:
    """Put ``backup`` in place of the journal; ``data_key`` must open the backup (checked
    before anything is moved). The journal must be closed and its instance lock held.
    Returns the new ``replaced-…`` folder holding the journal files that were there."""
    stage_backup(files, backup, data_key)
    return commit_staged(files)


def set_aside_damaged(files: JournalFiles) -> Path:
    """Move whatever journal files are there into a new ``damaged-…`` folder (nothing is
    deleted), so that a new journal can be created beside them. Returns that folder."""
    folder = aside_folder(files, DAMAGED_PREFIX)
    with storage_errors():
        folder.mkdir(mode=DIR_MODE)
        for live in _live_names(files):
            if live.exists():
                os.replace(live, folder / live.name)
        fsync_dir(folder)
        fsync_dir(files.folder)
    return folder


def open_restored(files: JournalFiles, data_key: bytes) -> Journal:
    """The journal just restored, opened with the key that was checked against it."""
    from recovery_desktop.data.journal import _open

    return _open(files, files.vault(), data_key)


@dataclass
class PreparedRestore:
    """A restore ready to be carried out once the journal is closed: the current journal
    was backed up ("before-restore") and the backup was staged and checked."""

    files: JournalFiles
    backup: BackupFile
    before_restore: Path
    _key: bytes

    def finish(self) -> tuple[Journal, Path]:
        """Move the (closed) journal aside, put the backup in place and open it. Returns
        the journal and the folder the old files went to."""
        replaced = commit_staged(self.files)
        return open_restored(self.files, self._key), replaced

    def abandon(self) -> None:
        """Remove the staged copy unless the restore had begun moving files (then its plan
        stays, and the next open completes it)."""
        if not restore_pending(self.files):
            _remove_temps(self.files.folder)

    def __repr__(self) -> str:
        return f"PreparedRestore({self.backup.path.name})"


def journal_key(journal: Journal) -> bytes:
    """The open journal's data key, for the data layer's own use."""
    return journal._key


def journal_opener(journal: Journal) -> BackupOpener:
    """Opens the journal's backups with its key (the restore list and viewer)."""
    from recovery_desktop.data.backup_view import BackupOpener

    return BackupOpener((journal_key(journal),))


def prepare_restore(journal: Journal, backup: BackupFile) -> PreparedRestore:
    """Stage ``backup`` with the journal's own keys.json (so the passphrase in use now
    opens the restored journal) and check it opens with the journal's key, then back up
    the open journal ("before-restore"). Raises :class:`BackupUnusable`,
    :class:`StorageProblem`; either leaves everything as it was."""
    key = journal_key(journal)
    # First: an unusable backup changes nothing.
    stage_backup(journal.files, backup, key, keys_source=journal.files.keys)
    try:
        before = journal.backup("before-restore")
    except BaseException:
        _remove_temps(journal.files.folder)
        raise
    return PreparedRestore(journal.files, backup, before, key)
