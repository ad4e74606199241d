"""Copies of the journal kept after an unclean shutdown, before SQLite may touch it.

After a crash (or a kill) ``journal.db-wal`` still holds the last saves. Opening the
journal replays it and closing checkpoints it into ``journal.db``; if the log is damaged,
what SQLite could not read would be gone for good. So before the first open after an
unclean shutdown, ``journal.db`` and its ``-wal`` are copied into
``kept-after-crash-<UTC stamp>/`` in the journal's folder (0700, files 0600). A copy is
removed by the next good backup taken after it, unless its log was damaged: that copy holds
the only trace of what could not be read and stays until the user removes it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from recovery_desktop.data.fsutil import DIR_MODE, make_private, storage_errors
from recovery_desktop.data.wal_check import check_wal

PREFIX = "kept-after-crash-"
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"


def wal_path(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def needs_keeping(database: Path) -> bool:
    """True when a non-empty write-ahead log is left beside ``database``. Called with the
    instance lock held, that means the last session did not close cleanly."""
    try:
        return wal_path(database).stat().st_size > 0
    except OSError:
        return False


def keep_copy(database: Path, now: datetime | None = None) -> Path:
    """Copy ``database`` and its ``-wal`` into a new ``kept-after-crash-…`` folder beside
    them and return the folder. The copy is complete or absent: it is built under a
    temporary name, fsynced, then renamed. Raises :class:`StorageProblem`."""
    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    with storage_errors():
        building = Path(tempfile.mkdtemp(prefix=".keeping-", dir=database.parent))
        try:
            for source in (database, wal_path(database)):
                _copy(source, building / source.name)
            target = _free_name(database.parent, PREFIX + stamp.strftime(STAMP_FORMAT))
            os.chmod(building, DIR_MODE)
            os.replace(building, target)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
    return target


def _copy(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    make_private(target)
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def _free_name(folder: Path, name: str) -> Path:
    candidate, n = folder / name, 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{name}-{n}"
    return candidate


def kept_copies(folder: Path) -> list[tuple[datetime, Path]]:
    """The ``kept-after-crash-…`` folders in ``folder`` with their UTC times, oldest first."""
    found = []
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            stamp = path.name[len(PREFIX) :][: len("20260101T000000Z")]
            if path.name.startswith(PREFIX) and path.is_dir():
                with contextlib.suppress(ValueError):
                    taken = datetime.strptime(stamp, STAMP_FORMAT).replace(tzinfo=timezone.utc)
                    found.append((taken, path))
    return sorted(found)


def prune_before(folder: Path, backup_taken: datetime) -> None:
    """Remove kept copies taken up to ``backup_taken`` (the time of a good backup, to the
    second: a copy is always made before the journal opens, so one stamped in the same
    second came first), except those whose write-ahead log was damaged. Failures are
    ignored: a copy left is harmless."""
    for taken, path in kept_copies(folder):
        if taken <= backup_taken and not _log_damaged(path):
            shutil.rmtree(path, ignore_errors=True)


def copies_with_lost_entries(folder: Path) -> list[Path]:
    """The kept copies in ``folder`` whose write-ahead log lost saved entries (or cannot
    be read), oldest first: the only trace of what could not be read."""
    return [path for _taken, path in kept_copies(folder) if _log_damaged(path)]


def _log_damaged(copy: Path) -> bool:
    try:
        return check_wal(copy / "journal.db-wal").loses_data
    except OSError:
        return True


def remove_all(folder: Path) -> int:
    """Remove every kept copy in ``folder`` (after the journal moved to a new key: the
    copies are under the old one, which may be known). Returns how many were removed."""
    removed = 0
    for _taken, path in kept_copies(folder):
        shutil.rmtree(path, ignore_errors=True)
        removed += not path.exists()
    return removed
