"""Which backups rotation keeps (plain Python: no files, no clock).

The policy, in UTC days and ISO weeks (a time-zone change or a trip never moves a backup
into another day):

- among the regular backups (when the app closed, daily, by hand: every reason not in
  :data:`KEEP_NEWEST_OF`), the newest of each of the 7 most recent days that have one and
  the newest of each of the 4 most recent ISO weeks that have one;
- in addition, the newest backup made before an upgrade, a restore, an import and a new
  encryption key (one of each reason in :data:`KEEP_NEWEST_OF`);
- the newest backup of all (the one just made).

Special backups never count as a day's or week's backup: a "before-restore" backup taken
just before restoring must not push out the backup being restored (or any other regular
one of that day).

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
    regular = [backup for backup in ordered if backup.reason not in KEEP_NEWEST_OF]
    keep |= _newest_per(regular, _utc_day, daily)
    keep |= _newest_per(regular, _iso_week, weekly)
    for reason in KEEP_NEWEST_OF:
        special = [backup for backup in ordered if backup.reason == reason]
        if special:
            keep.add(special[-1])
    return keep


def policy_sentence() -> str:
    """The policy in one sentence for Settings and the README."""
    return (
        f"Kept: the newest regular backup (on closing, daily or by hand) of each of the last "
        f"{DAILY} days that have one and of each of the last {WEEKLY} weeks that have one, "
        "and in addition the newest made before an upgrade, a restore, an import and a new "
        "encryption key. Older ones are deleted only after a new backup has been checked."
    )
