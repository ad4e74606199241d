"""Backup files on disk: their names, their order and their key copies.

A backup is two files in the backup folder::

    journal-20261130T061500Z-000042-daily.db     the encrypted copy of journal.db
    keys-20261130T061500Z-000042-daily.json      the key slots it opens with

The time is UTC (a time-zone change cannot reorder backups) and the six-digit sequence
number grows by one with every backup in the folder, so the order of backups is the order
of their sequence numbers, also within one second. Backups named by older versions
(``journal-20261130-071500[-2]-manual.db``, local time) are listed before every new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^journal-(\d{8}T\d{6}Z)-(\d{6})-([a-z][a-z0-9-]*)\.db$")
_TEMP = re.compile(r"^\.(journal|keys)-.*\.(partial|tmp)(-journal|-wal|-shm)?$")
_KEYS = re.compile(r"^keys-(.+)\.json$")
PARTIAL_SUFFIX = ".partial"
_OLD_NAME = re.compile(r"^journal-(\d{8}-\d{6})(?:-(\d+))?-([a-z][a-z0-9-]*)\.db$")


@dataclass(frozen=True, order=True)
class BackupFile:
    """One backup. Orders by ``sequence`` (0 for backups named by older versions), then
    by ``taken_at`` (UTC)."""

    sequence: int
    taken_at: datetime
    reason: str
    path: Path

    @property
    def keys_path(self) -> Path:
        """The copy of keys.json taken with this backup (it may be missing)."""
        return self.path.with_name("keys-" + self.path.name[len("journal-") : -3] + ".json")

    @property
    def size_bytes(self) -> int:
        """The database copy's size in bytes (0 when it cannot be read)."""
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


def backup_name(taken_at: datetime, sequence: int, reason: str) -> str:
    """The file name of a new backup. ``taken_at`` must be aware; ``reason`` is a short
    lower-case word such as ``daily`` or ``before-upgrade``."""
    if not _NAME.match(f"journal-20000101T000000Z-000000-{reason}.db"):
        raise ValueError(f"not a backup reason: {reason!r}")
    stamp = taken_at.astimezone(timezone.utc).strftime(STAMP_FORMAT)
    return f"journal-{stamp}-{sequence:06d}-{reason}.db"


def parse_backup(path: Path) -> BackupFile | None:
    """The backup a file name describes, or None for any other file (temporary files,
    key copies, files the user put there)."""
    match = _NAME.match(path.name)
    if match:
        stamp, sequence, reason = match.groups()
        taken = datetime.strptime(stamp, STAMP_FORMAT).replace(tzinfo=timezone.utc)
        return BackupFile(int(sequence), taken, reason, path)
    old = _OLD_NAME.match(path.name)
    if old:
        stamp, _counter, reason = old.groups()
        taken = datetime.strptime(stamp, "%Y%m%d-%H%M%S").astimezone(timezone.utc)
        return BackupFile(0, taken, reason, path)
    return None


def partial_name(final: Path) -> Path:
    """The temporary name a backup is written under until it has been checked: a hidden
    name :func:`parse_backup` ignores, so a half-written copy is never listed."""
    return final.with_name(f".{final.name}{PARTIAL_SUFFIX}")


def leftovers(folder: Path) -> list[Path]:
    """Files a backup that was stopped midway left in ``folder``: temporary copies (with
    their ``-journal``/``-wal``/``-shm``), temporary key copies, and key copies whose
    database copy is gone. Empty when the folder is missing or unreadable."""
    try:
        names = [path for path in folder.iterdir() if path.is_file()]
    except OSError:
        return []
    return [path for path in names if _TEMP.match(path.name) or _orphan_keys(path)]


def _orphan_keys(path: Path) -> bool:
    match = _KEYS.match(path.name)
    if match is None:
        return False
    database = path.with_name(f"journal-{match.group(1)}.db")
    return parse_backup(database) is not None and not database.exists()


def list_backups(folder: Path) -> list[BackupFile]:
    """Every backup in ``folder``, oldest first; an empty list when the folder is
    missing or unreadable."""
    try:
        names = list(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return []
    found = [parse_backup(path) for path in names if path.is_file()]
    return sorted(backup for backup in found if backup is not None)


def next_sequence(folder: Path) -> int:
    """One more than the highest sequence number in ``folder`` (1 for the first)."""
    return max((backup.sequence for backup in list_backups(folder)), default=0) + 1
