"""Opening the SQLCipher database with the raw data key, and translating its errors.

sqlcipher3's exceptions are its own classes, not the stdlib ``sqlite3`` ones, so they are
caught here by their own names and turned into calm :class:`JournalError` messages.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3
from sqlite_utils import Database

from recovery_desktop.data.errors import JournalDamaged, JournalError, StorageProblem
from recovery_desktop.data.fsutil import make_private

SqlError = sqlcipher3.dbapi2.Error
BUSY_TIMEOUT_MS = 5000

# Primary SQLite result codes (the low byte of extended codes).
_READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB, _PERM, _BUSY = 8, 10, 11, 13, 14, 26, 3, 5

_MESSAGES = {
    _FULL: "The disk is full, so this could not be saved. What you typed is still on screen.",
    _READONLY: "The journal's folder is read-only, so this could not be saved.",
    _PERM: "This account is not allowed to write the journal.",
    _CANTOPEN: "The journal file could not be opened. Check that its folder still exists.",
    # Also a write past a file size limit (EFBIG): SQLite reports ENOSPC alone as _FULL.
    _IOERR: (
        "The computer could not read or write the journal file: the disk may be full, or failing."
    ),
    _BUSY: "The journal is busy in another program. Please try again in a moment.",
}


def key_literal(data_key: bytes) -> str:
    """SQLCipher's raw-key form; the passphrase itself never reaches SQL."""
    return f"x'{data_key.hex()}'"


def translate(error: Exception) -> JournalError:
    """A user-facing error for a sqlcipher3 exception (content-free)."""
    code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
    if code in (_NOTADB, _CORRUPT):
        return JournalDamaged("The journal file could not be read: it is damaged or not a journal.")
    if code in _MESSAGES:
        return StorageProblem(_MESSAGES[code])
    return StorageProblem("The journal could not be read or written (database error).")


@contextlib.contextmanager
def sql_errors() -> Iterator[None]:
    """Re-raise sqlcipher3 errors as :class:`JournalError`."""
    try:
        yield
    except SqlError as error:
        raise translate(error) from error


def connect(path: Path, data_key: bytes) -> sqlcipher3.dbapi2.Connection:
    """A keyed, verified connection with the settings of DESIGN.md §3."""
    with sql_errors():
        conn = sqlcipher3.connect(str(path), check_same_thread=True)
        try:
            conn.execute(f'PRAGMA key = "{key_literal(data_key)}"')
            conn.execute("PRAGMA cipher_log_level = NONE")
            # A wrong key or a damaged file fails here, before anything is written.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA temp_store = MEMORY")
        except BaseException:
            conn.close()
            raise
    for suffix in ("", "-wal", "-shm"):
        make_private(path.with_name(path.name + suffix))
    return conn


def open_database(path: Path, data_key: bytes) -> Database:
    """The journal wrapped in sqlite-utils."""
    return Database(connect(path, data_key))
