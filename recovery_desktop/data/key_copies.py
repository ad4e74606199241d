"""Every copy of the key slots the app knows of: the ``keys-*.json`` beside each backup.

A backup ``journal-<suffix>.db`` carries ``keys-<suffix>.json``. These copies follow the
live keys.json: after any change of passphrase or recovery key each copy holds the same
bytes, so an old copy plus an old passphrase opens nothing (decisions.md, "Every copy of
the key"). Finding the copies is :func:`key_copies` alone, so the backup folder's layout
is known in one place here.
"""

from __future__ import annotations

import contextlib
import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

import sqlcipher3

from recovery_desktop.data.backup_files import BackupFile, list_backups
from recovery_desktop.data.backup_place import default_folder
from recovery_desktop.data.connection import SqlError, key_literal, sql_errors
from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.fsutil import (
    atomic_write,
    fsync_dir,
    fsync_file,
    make_private,
    storage_errors,
)

REKEY_TEMP_PREFIX = ".rekey-"


class JournalPaths(Protocol):
    """A journal's folder, database and backup folder (``journal.JournalFiles``)."""

    @property
    def folder(self) -> Path: ...

    @property
    def database(self) -> Path: ...

    @property
    def backups(self) -> Path: ...


def backup_folders(paths: JournalPaths) -> list[Path]:
    """The backup folder in use and the default one (backups stay there when another
    folder is chosen)."""
    return list(dict.fromkeys((paths.backups, default_folder(paths.folder))))


def all_backups(paths: JournalPaths) -> list[BackupFile]:
    """Every backup of the journal, in the folder in use and in the default one, oldest
    first. Sequence numbers count per folder, so the folders are merged by time; within
    one folder the order stays that of the sequence numbers. Within one second, the
    folder in use holds the newer backup (the usual folder's were made before it was
    chosen)."""
    folders = reversed(backup_folders(paths))
    return list(heapq.merge(*(list_backups(f) for f in folders), key=_taken))


def _taken(backup: BackupFile) -> datetime:
    return backup.taken_at


@dataclass(frozen=True)
class KeyCopy:
    """One backup: its database and the copy of keys.json made with it."""

    keys: Path
    database: Path


def key_copies(backups: Path) -> list[KeyCopy]:
    """Every backup in the folder ``backups`` with its key copy (either may be missing:
    ``keys-X.json`` pairs with ``journal-X.db``), oldest first; none when the folder does
    not exist. Backups are listed by ``backup_files.list_backups``."""
    found = [KeyCopy(backup.keys_path, backup.path) for backup in list_backups(backups)]
    paired = {copy.keys for copy in found}
    with storage_errors():
        loose = sorted(backups.glob("keys-*.json")) if backups.is_dir() else []
    return found + [
        KeyCopy(keys, keys.with_name("journal-" + keys.name[len("keys-") : -len(".json")] + ".db"))
        for keys in loose
        if keys not in paired
    ]


@contextlib.contextmanager
def keyed(path: Path, data_key: bytes) -> Iterator[sqlcipher3.dbapi2.Connection]:
    """A connection to a backup with ``data_key``, verified by a read; raises
    :class:`JournalError` when it does not open with that key. Changes no journal mode."""
    with sql_errors():
        conn = sqlcipher3.connect(str(path))
    try:
        with sql_errors():
            conn.execute(f'PRAGMA key = "{key_literal(data_key)}"')
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        yield conn
    finally:
        conn.close()


def opens_with(path: Path, data_key: bytes) -> bool:
    """True when the database ``path`` exists and opens with ``data_key``."""
    if not path.is_file():
        return False
    try:
        with keyed(path, data_key):
            return True
    except JournalError:
        return False


def follow(paths: JournalPaths, settled: bytes, data_key: bytes) -> None:
    """Make every key copy hold ``settled`` (the live keys.json) when its backup opens with
    ``data_key`` (a backup without one gets one); a key copy whose backup is gone is
    removed. Copies of backups under another key are left alone. Raises
    :class:`StorageProblem` when a copy cannot be written."""
    for copy in (c for folder in backup_folders(paths) for c in key_copies(folder)):
        if not copy.database.exists():
            with storage_errors():
                copy.keys.unlink(missing_ok=True)
            continue
        if _holds(copy.keys, settled) or not opens_with(copy.database, data_key):
            continue
        atomic_write(copy.keys, settled)


def _holds(path: Path, settled: bytes) -> bool:
    try:
        return path.read_bytes() == settled
    except OSError:
        return False


def rekey_backups(paths: JournalPaths, old_key: bytes, new_key: bytes, settled: bytes) -> int:
    """Re-encrypt every backup from ``old_key`` to ``new_key`` and give its key copy
    ``settled``. A backup under neither key is removed with its key copy, so no copy of
    an old slot stays behind. Safe to run again after an interruption. Returns how many
    backups were removed."""
    return sum(_rekey_folder(f, old_key, new_key, settled) for f in backup_folders(paths))


def _rekey_folder(backups: Path, old_key: bytes, new_key: bytes, settled: bytes) -> int:
    removed = 0
    for leftover in backups.glob(REKEY_TEMP_PREFIX + "*") if backups.is_dir() else ():
        _unlink(leftover)
    for copy in key_copies(backups):
        if opens_with(copy.database, old_key) and old_key != new_key:
            with contextlib.suppress(JournalError):  # then it is removed below
                _reencrypt(copy.database, old_key, new_key)
        if opens_with(copy.database, new_key):
            if not _holds(copy.keys, settled):
                atomic_write(copy.keys, settled)
            continue
        removed += copy.database.exists()
        for path in (copy.database, copy.database.with_name(copy.database.name + "-journal")):
            _unlink(path)
        _unlink(copy.keys)
    return removed


def _reencrypt(database: Path, old_key: bytes, new_key: bytes) -> None:
    """Export ``database`` under ``new_key`` to a temporary name, check it, then rename it
    over the original: the backup is whole under one key or the other at every moment."""
    temp = database.with_name(REKEY_TEMP_PREFIX + database.name + ".tmp")
    _unlink(temp)
    try:
        with keyed(database, old_key) as conn, sql_errors():
            conn.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(temp), key_literal(new_key)))
            conn.execute("SELECT sqlcipher_export('rekeyed')")
            conn.execute("DETACH DATABASE rekeyed")
            expected = _counts(conn)
        make_private(temp)
        with keyed(temp, new_key) as check, sql_errors():
            whole = check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            if not whole or _counts(check) != expected:
                raise SqlError("the re-encrypted backup does not match")
        with storage_errors():
            fsync_file(temp)
            temp.replace(database)
            fsync_dir(database.parent)
    except BaseException:
        _unlink(temp)
        raise


def _counts(conn: sqlcipher3.dbapi2.Connection) -> list[tuple[str, int]]:
    names = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return [(n, conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for (n,) in names]


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
