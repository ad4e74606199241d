"""Damage checks on a journal file, run through a read-only connection so they never
write: not into a damaged file, not a checkpoint of its write-ahead log on closing.

Costs on the ten-year demo journal (``demo-data --weeks 520``, 1.2 MB, 298 pages) on the
project's 2-core machine: ``cipher_integrity_check`` 2 ms, ``quick_check`` 4 ms,
``integrity_check`` 5 ms. Every open therefore runs the first two; ``check`` runs all three.

``cipher_integrity_check`` reads the pages of ``journal.db`` alone, not its write-ahead log.
A page whose newer copy is committed in the log is read from there (and checked by the
structure check, which decrypts it); its old copy in the file is stale, and may rightly
fail: after a kill between a new encryption key's commit and the end of its checkpoint
it is under the old key. Such pages are not reported; every other page still is.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import sqlcipher3

from recovery_desktop.data.connection import (
    SqlError,
    key_literal,
    require_database_file,
    translate,
)
from recovery_desktop.data.errors import JournalDamaged
from recovery_desktop.data.fsutil import storage_errors
from recovery_desktop.data.wal_check import committed_pages

_HMAC_ROW = re.compile(r"page (\d+)")
_STALE_ROW = re.compile(r"HMAC verification failed for page (\d+)")
_UNREADABLE = "{name} could not be decrypted (its first page or its key copy is damaged)."


def _read_only(path: Path, data_key: bytes) -> sqlcipher3.dbapi2.Connection:
    conn = sqlcipher3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        conn.execute(f'PRAGMA key = "{key_literal(data_key)}"')
        conn.execute("PRAGMA cipher_log_level = NONE")
    except BaseException:
        conn.close()
        raise
    return conn


def find_problems(path: Path, data_key: bytes, full: bool = False) -> list[str]:
    """Plain sentences, one per problem found in the database at ``path`` (with its
    write-ahead log); an empty list when it is sound. ``full`` adds ``integrity_check``.

    Raises :class:`JournalDamaged` for a missing, empty or too short file and
    :class:`StorageProblem` when the file cannot be read at all (a disk error)."""
    require_database_file(path)
    side = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    had_side_files = any(p.exists() for p in side)
    with storage_errors():
        in_log = committed_pages(side[0]) if side[0].exists() else frozenset()
    try:
        conn = _read_only(path, data_key)
    except SqlError as error:
        raise translate(error) from error
    try:
        return _problems(conn, path.name, full, in_log)
    finally:
        conn.close()
        if not had_side_files:
            _remove_empty_log(*side)


def _remove_empty_log(wal: Path, shm: Path) -> None:
    """A read-only connection leaves an empty log and its index behind (it may not
    checkpoint): remove them, so that checking leaves the folder as it was."""
    with contextlib.suppress(OSError):
        if wal.stat().st_size == 0:
            wal.unlink()
            shm.unlink(missing_ok=True)


def _problems(
    conn: sqlcipher3.dbapi2.Connection, name: str, full: bool, in_log: frozenset[int]
) -> list[str]:
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except SqlError as error:
        if not _is_damage(error):
            _raise(error)
        # The schema spans several pages: one of them may be the damaged one, which the
        # page check (it reads pages, not the schema) can still name.
        pages = _damaged_pages(conn, name, in_log)
        first = _describe_hmac("page 1", name)
        return [_UNREADABLE.format(name=name)] if not pages or first in pages else pages
    rows = _damaged_pages(conn, name, in_log)
    if rows is None:
        return [_UNREADABLE.format(name=name)]
    return rows or _structure(conn, name, "integrity_check" if full else "quick_check")


def _damaged_pages(
    conn: sqlcipher3.dbapi2.Connection, name: str, in_log: frozenset[int]
) -> list[str] | None:
    """One sentence per page that fails its HMAC (stale pages aside); None when the page
    check itself cannot run on this file."""
    try:
        rows = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
    except SqlError as error:
        return None if _is_damage(error) else _raise(error)
    return [_describe_hmac(row, name) for row in rows if not _stale(row, in_log)]


def _structure(conn: sqlcipher3.dbapi2.Connection, name: str, pragma: str) -> list[str]:
    try:
        rows = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
    except SqlError as error:
        rows = ["error"] if _is_damage(error) else _raise(error)
    if rows == ["ok"]:
        return []
    return [f"The inner structure of {name} is damaged ({_count(len(rows))} found)."]


def _stale(row: str, in_log: frozenset[int]) -> bool:
    """True when ``row`` is an HMAC failure of a page whose copy in the file is stale."""
    match = _STALE_ROW.fullmatch(row)
    return match is not None and int(match.group(1)) in in_log


def _count(n: int) -> str:
    return "1 problem" if n == 1 else f"{n} problems"


def _describe_hmac(row: str, name: str) -> str:
    match = _HMAC_ROW.search(row)
    if match is None:
        return f"A page of {name} is damaged (it could not be decrypted)."
    return f"Page {match.group(1)} of {name} is damaged (it could not be decrypted)."


def _is_damage(error: Exception) -> bool:
    return isinstance(translate(error), JournalDamaged)


def _raise(error: Exception) -> list[str]:
    raise translate(error) from error
