"""Opening the SQLCipher database with the raw data key, and translating its errors.

sqlcipher3's exceptions are its own classes, not the stdlib ``sqlite3`` ones, so they are
caught here by their own names and turned into calm :class:`JournalError` messages.
"""

from __future__ import annotations

import contextlib
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from recovery_desktop.data.errors import JournalDamaged, JournalError, StorageProblem
from recovery_desktop.data.fsutil import describe_os_error, make_private

if TYPE_CHECKING:
    from sqlite_utils import Database

SqlError = sqlcipher3.dbapi2.Error
BUSY_TIMEOUT_MS = 5000
# One page of SQLCipher's default page size: every journal and backup is at least this long.
MIN_DATABASE_BYTES = 4096

# Primary SQLite result codes (the low byte of extended codes).
_READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB, _PERM, _BUSY = 8, 10, 11, 13, 14, 26, 3, 5

# The storage problem only: each screen adds what it kept ("Your entry is kept on screen.").
_MESSAGES = {
    _FULL: "The disk is full, so this could not be saved.",
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


FULL, IOERR = _FULL, _IOERR


def error_code(error: Exception) -> int:
    """The primary SQLite result code of a sqlcipher3 exception (0 when unknown)."""
    return (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


def translate(error: Exception) -> JournalError:
    """A user-facing error for a sqlcipher3 exception (content-free)."""
    code = error_code(error)
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


def connect(path: Path, data_key: bytes, *, create: bool = False) -> sqlcipher3.dbapi2.Connection:
    """A keyed, verified connection with the settings of DESIGN.md §3.

    Without ``create`` the file must already be a database: a missing, empty or too short
    file raises :class:`JournalDamaged` and is left as it is (SQLite would otherwise make a
    new, empty database in its place). Other failures: :class:`JournalError`."""
    if not create:
        require_database_file(path)
    with sql_errors():
        conn = sqlcipher3.connect(_uri(path, create), uri=True, check_same_thread=True)
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


def open_database(path: Path, data_key: bytes, *, create: bool = False) -> Database:
    """The journal wrapped in sqlite-utils (``create``: as for :func:`connect`); the
    first call imports sqlite-utils (see ``data/sqlite_utils_import.py``)."""
    from recovery_desktop.data.sqlite_utils_import import wrap

    return wrap(connect(path, data_key, create=create))


def _uri(path: Path, create: bool) -> str:
    """``mode=rw`` never creates a file; ``rwc`` may (a new journal only)."""
    return f"{path.absolute().as_uri()}?mode={'rwc' if create else 'rw'}"


def require_database_file(path: Path) -> None:
    """Raise :class:`JournalDamaged` unless ``path`` is a regular file at least one page
    long (:data:`MIN_DATABASE_BYTES`); :class:`StorageProblem` when it cannot be looked at."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise JournalDamaged(f"The file {path.name} is missing.", damaged_files=(path,)) from None
    except OSError as error:
        raise StorageProblem(describe_os_error(error)) from error
    if not stat.S_ISREG(info.st_mode) or info.st_size < MIN_DATABASE_BYTES:
        raise JournalDamaged(
            f"The file {path.name} is empty or too short to be a journal.",
            damaged_files=(path,),
        )
