"""Encrypted backups made through SQLCipher (never by copying live files), then verified."""

from __future__ import annotations

import contextlib
import shutil
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database

from recovery_desktop.data.backup_files import (
    BackupFile,
    backup_name,
    list_backups,
    next_sequence,
    parse_backup,
)
from recovery_desktop.data.connection import connect, key_literal, sql_errors
from recovery_desktop.data.errors import StorageProblem
from recovery_desktop.data.fsutil import ensure_private_dir, make_private, storage_errors

KEEP_PER_REASON = 5


def _table_counts(conn: object) -> dict[str, int]:
    cursor = conn.execute(  # type: ignore[attr-defined]
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    names = [row[0] for row in cursor.fetchall()]
    return {
        name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # type: ignore[attr-defined]
        for name in names
    }


def _unique_target(folder: Path, reason: str) -> Path:
    return folder / backup_name(datetime.now(timezone.utc), next_sequence(folder), reason)


def _export(db: Database, target: Path, data_key: bytes) -> None:
    with sql_errors():
        db.conn.execute("ATTACH DATABASE ? AS backup KEY ?", (str(target), key_literal(data_key)))
        try:
            db.conn.execute("SELECT sqlcipher_export('backup')")
        finally:
            db.conn.execute("DETACH DATABASE backup")


def verify(target: Path, data_key: bytes, expected: dict[str, int]) -> bool:
    """The copy opens with the key, passes a quick check and has the same row counts."""
    try:
        conn = connect(target, data_key)
    except Exception:
        return False
    try:
        ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        return ok and _table_counts(conn) == expected
    finally:
        conn.close()


def make_backup(
    db: Database, data_key: bytes, backups_dir: Path, keys_path: Path, reason: str
) -> Path:
    """Write and verify an encrypted copy of the journal plus a copy of keys.json."""
    ensure_private_dir(backups_dir)
    target = _unique_target(backups_dir, reason)
    _export(db, target, data_key)
    make_private(target)
    if not verify(target, data_key, _table_counts(db.conn)):
        _remove(target)
        raise StorageProblem("A backup could not be verified, so nothing else was changed.")
    keys_copy = _backup(target).keys_path
    with storage_errors():
        shutil.copyfile(keys_path, keys_copy)
    make_private(keys_copy)
    rotate(backups_dir, reason)
    return target


def _remove(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(OSError):
            candidate.unlink()


def _backup(path: Path) -> BackupFile:
    parsed = parse_backup(path)
    assert parsed is not None, "backup names are made by backup_name"
    return parsed


def backups(backups_dir: Path, reason: str | None = None) -> list[Path]:
    """Backup databases (made for ``reason``, when given), oldest first."""
    found = list_backups(backups_dir)
    return [b.path for b in found if reason is None or b.reason == reason]


def rotate(backups_dir: Path, reason: str, keep: int = KEEP_PER_REASON) -> None:
    """Keep the newest ``keep`` backups made for ``reason``."""
    for old in backups(backups_dir, reason)[:-keep]:
        _remove(old)
        with contextlib.suppress(OSError):
            _backup(old).keys_path.unlink()
