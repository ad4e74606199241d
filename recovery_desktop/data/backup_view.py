"""Looking inside a backup without changing it: its key, a check, its counts and contents.

A backup file is never opened by SQLite (opening switches on WAL and may write): every look
works on a private temporary copy, removed afterwards.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_desktop.data.appointments import AppointmentRepository
from recovery_desktop.data.backup_files import BackupFile
from recovery_desktop.data.changes import ChangeFeed
from recovery_desktop.data.checkins import CheckinRepository
from recovery_desktop.data.connection import connect, open_database, sql_errors
from recovery_desktop.data.contacts import ContactRepository
from recovery_desktop.data.cravings import CravingRepository
from recovery_desktop.data.crisis_copy import CrisisCopy
from recovery_desktop.data.day_plan import DayPlanRepository
from recovery_desktop.data.errors import JournalDamaged, JournalError, WrongPassphrase
from recovery_desktop.data.fsutil import storage_errors
from recovery_desktop.data.journal_entries import JournalEntryRepository
from recovery_desktop.data.library import LibraryRepository
from recovery_desktop.data.medication import MedicationRepository
from recovery_desktop.data.plan import PlanRepository
from recovery_desktop.data.preferences import PreferenceRepository
from recovery_desktop.data.record_counts import record_counts
from recovery_desktop.data.recovery_time import RecoveryTimeRepository
from recovery_desktop.data.summary_notes import SummaryNotesRepository
from recovery_desktop.data.trends import first_record_day
from recovery_desktop.data.vault import Vault
from recovery_desktop.domain import recovery_key
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.recovery_time import Lapse

if TYPE_CHECKING:
    from sqlite_utils import Database

UNUSABLE = "This backup could not be opened: it is damaged or made with another key."


class BackupUnusable(JournalDamaged):
    """A backup that does not open with the key, or fails its checks."""

    def __init__(self) -> None:
        super().__init__(UNUSABLE)


@dataclass(frozen=True)
class BackupContents:
    """What a backup holds, for the read-only viewer. ``latest_*`` are newest first."""

    counts: dict[str, int]
    first_day: date | None
    last_day: date | None
    latest_checkins: tuple[CheckIn, ...] = ()
    latest_cravings: tuple[Craving, ...] = ()
    lapses: tuple[Lapse, ...] = field(default=())


def backup_vault(backup: BackupFile) -> Vault:
    """The key slots copied with ``backup``. Raises :class:`JournalDamaged` when the copy
    is missing or damaged."""
    if not backup.keys_path.is_file():
        raise JournalDamaged("This backup's copy of the key file is missing.")
    return Vault.load(backup.keys_path)


def needs_secret(backup: BackupFile) -> bool:
    """True when the backup's key copy opens only with a passphrase or recovery key."""
    return backup_vault(backup).is_protected


def backup_key(backup: BackupFile, secret: str | None = None) -> bytes:
    """The data key from the backup's key copy: its plain slot (``secret`` None), else
    ``secret`` as the passphrase or, failing that, as the recovery key. Raises
    :class:`WrongPassphrase` or :class:`JournalDamaged`."""
    vault = backup_vault(backup)
    if not vault.is_protected:
        return vault.unlock_plain()
    if not secret:
        raise WrongPassphrase()
    try:
        return vault.unlock(secret)
    except WrongPassphrase:
        if not _looks_like_recovery_key(secret) or not vault.has_recovery_key:
            raise
    try:
        return vault.unlock_recovery(secret)
    except JournalError as error:
        raise WrongPassphrase() from error


def _looks_like_recovery_key(text: str) -> bool:
    try:
        recovery_key.decode(text)
    except recovery_key.RecoveryKeyError:
        return False
    return True


def check_database(path: Path, data_key: bytes) -> None:
    """Open ``path`` with the key and run ``cipher_integrity_check`` and ``quick_check``.
    Raises :class:`BackupUnusable`. Opening may write to ``path``: pass a copy."""
    try:
        conn = connect(path, data_key)
    except JournalError as error:
        raise BackupUnusable() from error
    try:
        with sql_errors():
            bad_pages = conn.execute("PRAGMA cipher_integrity_check").fetchall()
            quick = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    except JournalError as error:
        raise BackupUnusable() from error
    finally:
        conn.close()
    if bad_pages or quick != ["ok"]:
        raise BackupUnusable()


@contextlib.contextmanager
def private_copy(backup: BackupFile) -> Iterator[Path]:
    """A copy of the backup's database in a new private (0700) temporary folder, removed
    with everything in it (WAL included) when the block ends."""
    folder = Path(tempfile.mkdtemp(prefix="recovery-desktop-look-"))
    try:
        copy = folder / "backup.db"
        with storage_errors():
            shutil.copyfile(backup.path, copy)
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def verify_backup(backup: BackupFile, data_key: bytes) -> None:
    """Raise :class:`BackupUnusable` unless a copy of the backup opens with ``data_key``
    and passes both checks. The backup itself is only read."""
    with private_copy(backup) as copy:
        check_database(copy, data_key)


class BackupJournal:
    """The repositories over an open copy of a backup, read-only (``query_only``)."""

    def __init__(self, db: Database, folder: Path) -> None:
        self.db = db
        changes = ChangeFeed()  # read-only: nothing is written, nobody listens
        self.checkins = CheckinRepository(db, changes)
        self.summary_notes = SummaryNotesRepository(db, changes)
        self.library = LibraryRepository(db, changes)
        self.cravings = CravingRepository(db, changes)
        self.contacts = ContactRepository(db, changes, CrisisCopy(folder / "unused.json"))
        preferences = PreferenceRepository(db, changes)
        self.recovery_time = RecoveryTimeRepository(db, changes, preferences)
        self.day_plan = DayPlanRepository(db, changes)
        self.plan = PlanRepository(db, changes)
        self.medication = MedicationRepository(db, changes)
        self.appointments = AppointmentRepository(db, changes)
        self.entries = JournalEntryRepository(db, changes)

    def counts(self) -> dict[str, int]:
        """Rows per kind, with the keys of :meth:`Journal.counts`."""
        return record_counts(self)


@contextlib.contextmanager
def open_backup_read_only(backup: BackupFile, data_key: bytes) -> Iterator[BackupJournal]:
    """The backup's contents through the data layer, on a private copy: an older backup is
    brought up to date on the copy only, and the copy refuses writes. Raises
    :class:`BackupUnusable` when it does not open or fails its checks."""
    with private_copy(backup) as copy:
        check_database(copy, data_key)
        db = open_database(copy, data_key)
        from recovery_desktop.data import schema_upgrade  # with sqlite-utils, once opened

        try:
            schema_upgrade.migrate(db)
            with sql_errors():
                db.execute("PRAGMA query_only = ON")
            yield BackupJournal(db, copy.parent)
        finally:
            db.conn.close()


def backup_counts(backup: BackupFile, data_key: bytes) -> dict[str, int]:
    """Check-ins, cravings, contacts, lapses … in the backup (see :meth:`Journal.counts`)."""
    with open_backup_read_only(backup, data_key) as inside:
        return inside.counts()


def read_backup(backup: BackupFile, data_key: bytes, latest: int = 10) -> BackupContents:
    """Counts, first and last day, the ``latest`` newest check-ins and cravings and every
    lapse (newest first)."""
    with open_backup_read_only(backup, data_key) as inside:
        checkins = inside.checkins.between(date.min, date.max)
        cravings = inside.cravings.between(date.min, date.max)
        lapses = inside.recovery_time.lapses(date.min, date.max)
        days = [c.day for c in checkins] + [c.day for c in cravings] + [x.day for x in lapses]
        first = first_record_day(inside.db)
        return BackupContents(
            counts=inside.counts(),
            first_day=first,
            last_day=max(days, default=None),
            latest_checkins=tuple(sorted(checkins, key=lambda c: c.day, reverse=True)[:latest]),
            latest_cravings=tuple(
                sorted(cravings, key=lambda c: c.started_at, reverse=True)[:latest]
            ),
            lapses=tuple(sorted(lapses, key=lambda x: x.at, reverse=True)),
        )


class BackupOpener:
    """Opens backups for the restore list and viewer: with keys already known (an open
    journal's), else with the key its own key copy gives for ``secret`` (a passphrase or
    recovery key typed on the damaged-journal screen; None for unprotected copies). Keys
    that worked are tried first for the next backup, so a passphrase is stretched once."""

    def __init__(self, keys: tuple[bytes, ...] = (), secret: str | None = None) -> None:
        self._keys = list(keys)
        self._secret = secret

    def __repr__(self) -> str:
        return f"BackupOpener({len(self._keys)} keys)"

    def forget(self) -> None:
        """Drop every key and the secret."""
        self._keys.clear()
        self._secret = None

    def key_for(self, backup: BackupFile) -> bytes:
        """A key that opens ``backup`` and passes its checks. Raises
        :class:`BackupUnusable`, :class:`WrongPassphrase` or :class:`JournalDamaged`."""
        for key in self._keys:
            with contextlib.suppress(BackupUnusable):
                verify_backup(backup, key)
                return key
        key = backup_key(backup, self._secret)
        verify_backup(backup, key)
        self._keys.append(key)
        return key

    def counts(self, backup: BackupFile) -> dict[str, int]:
        return backup_counts(backup, self.key_for(backup))

    def contents(self, backup: BackupFile) -> BackupContents:
        return read_backup(backup, self.key_for(backup))


@dataclass(frozen=True)
class UsableBackup:
    """The newest backup that opened and passed its checks, and the newer ones that did
    not (newest first)."""

    backup: BackupFile
    skipped: tuple[BackupFile, ...]


def newest_usable(newest_first: list[BackupFile], opener: BackupOpener) -> UsableBackup:
    """The first of ``newest_first`` that ``opener`` opens and that passes its checks.
    Raises :class:`WrongPassphrase` when the secret opened none of their key copies, and
    :class:`BackupUnusable` when none is usable."""
    skipped: list[BackupFile] = []
    refused = 0
    for backup in newest_first:
        try:
            opener.key_for(backup)
        except WrongPassphrase:
            refused += 1
        except JournalError:
            pass
        else:
            return UsableBackup(backup, tuple(skipped))
        skipped.append(backup)
    if refused == len(newest_first) and refused:
        raise WrongPassphrase()
    raise BackupUnusable()
