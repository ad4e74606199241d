"""Which backups rotation keeps (plain Python: no files, no clock).

The policy, in UTC days and ISO weeks (a time-zone change or a trip never moves a backup
into another day):

- the newest backup of each of the 7 most recent days that have backups;
- the newest backup of each of the 4 most recent ISO weeks that have backups;
- the newest backup made before an upgrade, a restore, an import and a new encryption
  key (one of each reason in :data:`KEEP_NEWEST_OF`);
- the newest backup of all (the one just made).

"Newest" follows the order of backups (their sequence number, then their time), never
the clock alone.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone

DAILY = 7
WEEKLY = 4
KEEP_NEWEST_OF = ("before-upgrade", "before-restore", "before-import", "before-rekey")


@dataclass(frozen=True, order=True)
class BackupInfo:
    """What rotation needs to know about one backup: its sequence number, when it was
    taken (aware, any zone) and why (``daily``, ``before-upgrade``, ...)."""

    sequence: int
    taken_at: datetime
    reason: str


def _utc_day(backup: BackupInfo) -> date:
    return backup.taken_at.astimezone(timezone.utc).date()


def _iso_week(backup: BackupInfo) -> tuple[int, int]:
    year, week, _ = _utc_day(backup).isocalendar()
    return year, week


def _newest_per(
    backups: list[BackupInfo], key: Callable[[BackupInfo], Hashable], count: int
) -> set[BackupInfo]:
    """The newest backup of each of the ``count`` most recent groups (``backups`` is
    oldest first)."""
    newest: dict[Hashable, BackupInfo] = {}
    for backup in reversed(backups):
        group = key(backup)
        if group not in newest:
            if len(newest) == count:
                break
            newest[group] = backup
    return set(newest.values())


def backups_to_keep(
    backups: Iterable[BackupInfo], daily: int = DAILY, weekly: int = WEEKLY
) -> set[BackupInfo]:
    """The backups the policy keeps; every other one may be deleted."""
    ordered = sorted(backups)
    if not ordered:
        return set()
    keep = {ordered[-1]}
    keep |= _newest_per(ordered, _utc_day, daily)
    keep |= _newest_per(ordered, _iso_week, weekly)
    for reason in KEEP_NEWEST_OF:
        special = [backup for backup in ordered if backup.reason == reason]
        if special:
            keep.add(special[-1])
    return keep


def policy_sentence() -> str:
    """The policy in one sentence for Settings and the README."""
    return (
        f"Kept: the newest backup of each of the last {DAILY} days that have one, of each of "
        f"the last {WEEKLY} weeks that have one, and the newest made before an upgrade, a "
        "restore, an import and a new encryption key. Older ones are deleted only after a "
        "new backup has been checked."
    )
