"""What Settings says about backups: where they are, how many, the newest, and whether the
last automatic backup failed; and whether the daily one is due.

A failed automatic backup (on closing, daily) is remembered inside the encrypted journal
(preference ``backup.last_failure``: its UTC time and the calm message) so that Settings
can say so next time; a backup taken after it makes it old news.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from recovery_desktop.data.backup_files import BackupFile, list_backups
from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.preferences import PreferenceRepository

LAST_FAILURE = "backup.last_failure"
DAILY = timedelta(days=1)


@dataclass(frozen=True)
class Failure:
    at: datetime  # UTC
    message: str


@dataclass(frozen=True)
class BackupStatus:
    """The backup folder, its backups (oldest first), the last automatic failure when
    no backup was made after it, and the backups left in the usual folder when another
    one is chosen (``elsewhere``, oldest first)."""

    folder: Path
    backups: tuple[BackupFile, ...]
    failure: Failure | None
    elsewhere: tuple[BackupFile, ...] = ()
    usual: Path | None = None

    @property
    def newest(self) -> BackupFile | None:
        return self.backups[-1] if self.backups else None


def record_failure(preferences: PreferenceRepository, message: str, at: datetime) -> None:
    """Remember a failed automatic backup; a journal that cannot be written keeps quiet
    (the failure is also in errors.log)."""
    # To the second, as backup names are: a backup in the same second counts as after it.
    when = at.astimezone(timezone.utc).replace(microsecond=0)
    value = {"at": when.isoformat(), "message": message}
    with contextlib.suppress(JournalError):
        preferences.set(LAST_FAILURE, value)


def _failure(preferences: PreferenceRepository) -> Failure | None:
    try:
        value = preferences.get(LAST_FAILURE)
    except JournalError:
        return None
    if not isinstance(value, dict):
        return None
    at, message = value.get("at"), value.get("message")
    if not isinstance(at, str) or not isinstance(message, str):
        return None
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return None
    return Failure(moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc), message)


def backup_status(
    preferences: PreferenceRepository, folder: Path, usual: Path | None = None
) -> BackupStatus:
    """``folder``: where backups go; ``usual``: the default folder, whose backups stay
    there (and are offered for restoring) when another folder is chosen."""
    found = tuple(list_backups(folder))
    failure = _failure(preferences)
    if failure is not None and found and found[-1].taken_at >= failure.at:
        failure = None
    if usual is None or usual == folder:
        return BackupStatus(folder, found, failure)
    return BackupStatus(folder, found, failure, tuple(list_backups(usual)), usual)


def backup_due(folder: Path, now: datetime) -> bool:
    """True when the backup folder has no backup from the last 24 hours (by the clock;
    a backup dated in the future, after the clock was set back, counts as recent)."""
    found = list_backups(folder)
    return not found or now - found[-1].taken_at >= DAILY
