"""Creating a journal so that a kill at any moment leaves no journal or a whole one.

The new ``journal.db`` (closed cleanly, its write-ahead log checkpointed away) and then
``keys.json`` are written in a temporary folder ``.creating-…`` inside the journal's
folder, then moved into place: ``journal.db`` first, ``keys.json`` last. Two renames are
not one, so every start first calls :func:`finish_interrupted`: a temporary folder that
still holds ``keys.json`` finishes moving in; one without it was never a journal and is
removed. Journals half-created by older versions (one of the two files and no backups)
are :func:`is_orphan`; :func:`set_aside` moves their files into a dated folder, never
deleting them, so that a fresh first run can start.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_desktop.data.fsutil import DIR_MODE, fsync_dir, fsync_file, storage_errors

if TYPE_CHECKING:
    from recovery_desktop.data.journal import JournalFiles

BUILDING_PREFIX = ".creating-"
SET_ASIDE_PREFIX = "set-aside-"
_SIDE_FILES = ("-wal", "-shm", "-journal")


def build(files: JournalFiles, make: Callable[[Path, Path], None]) -> None:
    """Run ``make(database, keys)``, which writes a complete, closed journal at the two
    paths it is given (in a temporary folder), then move both into ``files``' folder.
    On a failure before ``keys.json`` is written nothing is left behind. Raises what
    ``make`` raises, or :class:`StorageProblem`."""
    with storage_errors():
        building = Path(tempfile.mkdtemp(prefix=BUILDING_PREFIX, dir=files.folder))
    try:
        make(building / files.database.name, building / files.keys.name)
        with storage_errors():
            fsync_file(building / files.database.name)
            fsync_dir(building)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    with storage_errors():
        _move_in(building, files)


def _move_in(building: Path, files: JournalFiles) -> None:
    """journal.db first, keys.json last; the folder goes once both are in place."""
    database = building / files.database.name
    if database.exists():
        os.replace(database, files.database)
        fsync_dir(files.folder)
    os.replace(building / files.keys.name, files.keys)
    fsync_dir(files.folder)
    shutil.rmtree(building, ignore_errors=True)


def finish_interrupted(files: JournalFiles) -> None:
    """Complete or remove creations a kill interrupted (call with the instance lock held,
    before looking for a journal). Raises :class:`StorageProblem`."""
    for building in _buildings(files.folder):
        inside_db = (building / files.database.name).exists()
        if not (building / files.keys.name).exists():
            shutil.rmtree(building, ignore_errors=True)  # never became a journal
        elif not files.keys.exists() and (files.database.exists() != inside_db):
            with storage_errors():
                _move_in(building, files)


def interrupted(files: JournalFiles) -> bool:
    """True when a creation was interrupted in ``files``' folder (see
    :func:`finish_interrupted`)."""
    return bool(_buildings(files.folder))


def _buildings(folder: Path) -> list[Path]:
    with contextlib.suppress(OSError):
        return [p for p in folder.iterdir() if p.name.startswith(BUILDING_PREFIX) and p.is_dir()]
    return []


def is_orphan(files: JournalFiles) -> bool:
    """True for a half-created journal: only one of ``journal.db`` and ``keys.json``, and
    no backups, in the chosen backup folder or the usual one (nothing in it could ever be
    opened)."""
    if files.database.exists() == files.keys.exists():  # both or neither: the usual case
        return False
    from recovery_desktop.data.key_copies import all_backups  # with sqlcipher3

    return not all_backups(files)


def set_aside(files: JournalFiles, now: datetime | None = None) -> Path:
    """Move a half-created journal's files into ``set-aside-<UTC stamp>/`` in its folder
    (never deleting them) and return that folder. Raises :class:`StorageProblem`."""
    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    target = files.folder / f"{SET_ASIDE_PREFIX}{stamp.strftime('%Y%m%dT%H%M%SZ')}"
    with storage_errors():
        target.mkdir(mode=DIR_MODE, exist_ok=True)
        names = [files.database.name + s for s in ("", *_SIDE_FILES)] + [files.keys.name]
        for name in names:
            if (files.folder / name).exists():
                os.replace(files.folder / name, target / name)
        fsync_dir(files.folder)
    return target
