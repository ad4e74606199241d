"""Encrypted backups made through SQLCipher (never by copying live files), checked before
they get their final name, then rotated.

A backup is written under a hidden temporary name (:func:`partial_name`), opened again and
checked (the key opens it, ``cipher_integrity_check`` finds nothing, ``quick_check`` is
ok, every table has the journal's row count) and fsynced. Then the copy of ``keys.json``
is written (temporary file, fsync, rename) and last the database copy is renamed to its
final name, so a backup that :func:`list_backups` lists is always complete. Anything
older is deleted (:mod:`recovery_desktop.domain.backup_policy`) only after that.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from recovery_desktop.data.backup_files import (
    BackupFile,
    backup_name,
    leftovers,
    list_backups,
    next_sequence,
    parse_backup,
    partial_name,
)
from recovery_desktop.data.connection import SqlError, connect, key_literal, translate
from recovery_desktop.data.errors import StorageProblem
from recovery_desktop.data.fsutil import (
    DIR_MODE,
    describe_os_error,
    fsync_dir,
    fsync_file,
    make_private,
    write_replacing,
)
from recovery_desktop.data.key_slots import read_key_bytes
from recovery_desktop.domain.backup_policy import BackupInfo, backups_to_keep

if TYPE_CHECKING:
    from sqlite_utils import Database

UNTOUCHED = "Your older backups are untouched."
FOLDER_FULL = f"The backup folder is full, so no backup was made. {UNTOUCHED}"
NOT_VERIFIED = f"The new backup did not pass its check, so it was removed. {UNTOUCHED}"
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_REFUSED_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
_SQLITE_FULL = 13
_SQLITE_REFUSED = {3, 8, 23}  # PERM, READONLY, AUTH


def folder_missing(folder: Path) -> str:
    return (
        f"The backup folder {folder} is not there (is the drive plugged in?), so no backup "
        f"was made. {UNTOUCHED}"
    )


def _table_counts(conn: sqlcipher3.dbapi2.Connection) -> dict[str, int]:
    cursor = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    names = [row[0] for row in cursor.fetchall()]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _export(db: Database, target: Path, data_key: bytes) -> dict[str, int]:
    """Copy the journal into ``target`` (keyed with the same data key); returns the
    journal's row counts. The copy is made through a connection of its own, closed
    afterwards, so that a failure (a full folder, a drive pulled out) can never leave the
    journal's own connection with a half-attached database: the journal saves on."""
    conn = connect(_main_file(db), data_key)
    try:
        counts = _table_counts(conn)
        conn.execute("ATTACH DATABASE ? AS backup KEY ?", (str(target), key_literal(data_key)))
        # A temporary file needs no rollback journal or syncs of its own: a copy cut short
        # is never named, and the finished one is checked and fsynced before it is.
        conn.execute("PRAGMA backup.journal_mode = OFF")
        conn.execute("PRAGMA backup.synchronous = OFF")
        conn.execute("SELECT sqlcipher_export('backup')")
        return counts
    finally:
        conn.close()


def _main_file(db: Database) -> Path:
    """The file of the journal open on ``db``."""
    rows = db.conn.execute("PRAGMA database_list").fetchall()
    return Path(next(row[2] for row in rows if row[1] == "main"))


def verify(target: Path, data_key: bytes, expected: dict[str, int]) -> bool:
    """The copy opens read-only with the key, ``cipher_integrity_check`` reports no page,
    ``quick_check`` says ok and every table has the ``expected`` row count."""
    try:
        conn = sqlcipher3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)
    except SqlError:
        return False
    try:
        conn.execute(f'PRAGMA key = "{key_literal(data_key)}"')
        conn.execute("PRAGMA cipher_log_level = NONE")
        if conn.execute("PRAGMA cipher_integrity_check").fetchall():
            return False
        if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            return False
        return _table_counts(conn) == expected
    except SqlError:
        return False
    finally:
        conn.close()


def make_backup(
    db: Database,
    data_key: bytes,
    backups_dir: Path,
    keys_path: Path,
    reason: str,
    create_folder: bool = True,
) -> Path:
    """Write, check and name an encrypted copy of the journal plus a copy of keys.json in
    ``backups_dir``, then rotate; returns the new database copy's path (never one rotation
    deleted). ``create_folder``: make the folder when missing (the default folder), else a
    missing folder is reported (one the user chose, such as a USB stick).

    Raises :class:`StorageProblem` (folder full or missing, copy not verified, ...); then
    nothing is left of the attempt and older backups are untouched."""
    with backup_errors(backups_dir, _size(db)):
        _ready(backups_dir, create_folder)
        final = backups_dir / backup_name(
            datetime.now(timezone.utc), next_sequence(backups_dir), reason
        )
        partial = partial_name(final)
        try:
            _write_checked(db, data_key, partial)
            write_replacing(_backup(final).keys_path, read_key_bytes(keys_path))
            make_private(_backup(final).keys_path)
            os.replace(partial, final)
            fsync_dir(backups_dir)
        except BaseException:
            _remove(partial)
            raise
    rotate(backups_dir, final)
    return final


def _ready(folder: Path, create: bool) -> None:
    if create and not folder.is_dir():
        folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    elif not folder.is_dir():
        raise StorageProblem(folder_missing(folder))
    for leftover in leftovers(folder):
        with contextlib.suppress(OSError):  # tried again at the next backup
            leftover.unlink()


def _write_checked(db: Database, data_key: bytes, partial: Path) -> None:
    expected = _export(db, partial, data_key)
    make_private(partial)
    if not verify(partial, data_key, expected):
        raise StorageProblem(NOT_VERIFIED)
    fsync_file(partial)


def _size(db: Database) -> int:
    """The journal's size in bytes (what a backup needs, about)."""
    page_size = db.conn.execute("PRAGMA page_size").fetchone()[0]
    return int(page_size) * int(db.conn.execute("PRAGMA page_count").fetchone()[0])


@contextlib.contextmanager
def backup_errors(folder: Path, needed: int) -> Iterator[None]:
    """SQLCipher and system errors while backing up, as calm :class:`StorageProblem`\\ s:
    a full disk or quota says the backup folder is full; a folder gone (a drive
    unplugged) says so. ``needed``: bytes a backup takes, to tell a full folder from
    other write errors (``sqlcipher_export`` reports both as "disk I/O error")."""
    try:
        yield
    except SqlError as error:
        code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
        full = code == _SQLITE_FULL or not _has_room(folder, needed)
        refused = code in _SQLITE_REFUSED
        raise _problem(folder, full, refused, str(translate(error))) from error
    except OSError as error:
        full = error.errno in _FULL_ERRNOS or not _has_room(folder, needed)
        refused = error.errno in _REFUSED_ERRNOS
        raise _problem(folder, full, refused, describe_os_error(error)) from error


def _has_room(folder: Path, needed: int) -> bool:
    """False when writing ``needed`` bytes into ``folder`` fails for want of room (disk
    full, quota, file size limit); the probe file is removed."""
    probe = folder / ".journal-room.partial"
    try:
        with open(probe, "wb") as handle:
            chunk = bytes(min(needed, 1 << 20) or 1)
            for _ in range(max(1, -(-needed // len(chunk)))):
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        return error.errno not in _FULL_ERRNOS
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    return True


def _problem(folder: Path, full: bool, refused: bool, fallback: str) -> StorageProblem:
    if full:
        return StorageProblem(FOLDER_FULL)
    if not folder.is_dir():
        return StorageProblem(folder_missing(folder))
    if refused or not os.access(folder, os.W_OK):
        return StorageProblem(
            f"The backup folder {folder} is read-only or this account may not write there, "
            f"so no backup was made. {UNTOUCHED}"
        )
    return StorageProblem(f"No backup was made: {fallback} {UNTOUCHED}")


def _remove(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()


def _backup(path: Path) -> BackupFile:
    parsed = parse_backup(path)
    assert parsed is not None, "backup names are made by backup_name"
    return parsed


def backups(backups_dir: Path, reason: str | None = None) -> list[Path]:
    """Backup databases (made for ``reason``, when given), oldest first."""
    found = list_backups(backups_dir)
    return [b.path for b in found if reason is None or b.reason == reason]


def rotate(backups_dir: Path, newest: Path) -> list[Path]:
    """Delete the backups :func:`backups_to_keep` does not keep (never ``newest``, the one
    just made) with their key copies; returns the deleted database copies. A file that
    cannot be deleted is left for the next rotation."""
    found = list_backups(backups_dir)
    infos = {b.path: BackupInfo(b.sequence, b.taken_at, b.reason) for b in found}
    keep = backups_to_keep(infos.values())
    deleted = []
    for backup in found:
        if backup.path == newest or infos[backup.path] in keep:
            continue
        with contextlib.suppress(OSError):
            backup.path.unlink()  # the database first: a key copy alone is never listed
            deleted.append(backup.path)
            backup.keys_path.unlink(missing_ok=True)
    return deleted
