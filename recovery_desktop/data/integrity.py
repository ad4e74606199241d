"""Damage checks on a journal file, run through a read-only connection so they never
write: not into a damaged file, not a checkpoint of its write-ahead log on closing.

Costs on the ten-year demo journal (``demo-data --weeks 520``, 1.2 MB, 298 pages) on the
project's 2-core machine: ``cipher_integrity_check`` 2 ms, ``quick_check`` 4 ms,
``integrity_check`` 5 ms. Every open therefore runs the first two; ``check`` runs all three.
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

_HMAC_ROW = re.compile(r"page (\d+)")
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
    try:
        conn = _read_only(path, data_key)
    except SqlError as error:
        raise translate(error) from error
    try:
        return _problems(conn, path.name, full)
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


def _problems(conn: sqlcipher3.dbapi2.Connection, name: str, full: bool) -> list[str]:
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except SqlError as error:
        return [_UNREADABLE.format(name=name)] if _is_damage(error) else _raise(error)
    try:
        rows = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
    except SqlError as error:
        return [_UNREADABLE.format(name=name)] if _is_damage(error) else _raise(error)
    if rows:
        return [_describe_hmac(row, name) for row in rows]
    return _structure(conn, name, "integrity_check" if full else "quick_check")


def _structure(conn: sqlcipher3.dbapi2.Connection, name: str, pragma: str) -> list[str]:
    try:
        rows = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
    except SqlError as error:
        rows = ["error"] if _is_damage(error) else _raise(error)
    if rows == ["ok"]:
        return []
    return [f"The inner structure of {name} is damaged ({_count(len(rows))} found)."]


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
