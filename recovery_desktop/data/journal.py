"""The journal as a whole: its files, creating and opening it, and passphrase changes."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recovery_desktop.data import (
    crash_copies,
    creation,
    key_copies,
    opening,
    rekey,
    trends,
)
from recovery_desktop.data.appointments import AppointmentRepository
from recovery_desktop.data.backup_files import parse_backup
from recovery_desktop.data.changes import ChangeFeed
from recovery_desktop.data.checkins import CheckinRepository
from recovery_desktop.data.connection import open_database, sql_errors
from recovery_desktop.data.contacts import ContactRepository
from recovery_desktop.data.cravings import CravingRepository
from recovery_desktop.data.day_plan import DayPlanRepository
from recovery_desktop.data.drafts import DraftRepository
from recovery_desktop.data.errors import (
    JournalError,
    JournalExists,
    StorageProblem,
)
from recovery_desktop.data.fsutil import ensure_private_dir, require_writable_folder
from recovery_desktop.data.journal_entries import JournalEntryRepository
from recovery_desktop.data.journal_files import JournalFiles
from recovery_desktop.data.library import LibraryRepository
from recovery_desktop.data.medication import MedicationRepository
from recovery_desktop.data.plan import PlanRepository
from recovery_desktop.data.preferences import PreferenceRepository
from recovery_desktop.data.reading import JournalReader
from recovery_desktop.data.record_counts import record_counts
from recovery_desktop.data.recovery_time import RecoveryTimeRepository
from recovery_desktop.data.summary_notes import SummaryNotesRepository
from recovery_desktop.data.vault import Vault, new_data_key, new_recovery_key, protected_slots
from recovery_desktop.domain.day_story import DayRecords
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.recovery_time import main_clean_time
from recovery_desktop.domain.summary import SummaryInputs
from recovery_desktop.domain.trends import TrendData

if TYPE_CHECKING:
    from sqlite_utils import Database


class Journal:
    """An open, unlocked journal. Close it to drop the key and release the file."""

    def __init__(self, files: JournalFiles, vault: Vault, data_key: bytes, db: Database) -> None:
        self.files = files
        self.vault = vault
        self._key = data_key
        self.db = db
        # Every committed write announces the kinds of records it changed here.
        self.changes = ChangeFeed()
        self.checkins = CheckinRepository(db, self.changes)
        self.summary_notes = SummaryNotesRepository(db, self.changes)
        self.library = LibraryRepository(db, self.changes)
        self.cravings = CravingRepository(db, self.changes)
        self.contacts = ContactRepository(db, self.changes, files.crisis_copy)
        self.preferences = PreferenceRepository(db, self.changes)
        self.drafts = DraftRepository(db)
        self.recovery_time = RecoveryTimeRepository(db, self.changes, self.preferences)
        self.day_plan = DayPlanRepository(db, self.changes)
        self.plan = PlanRepository(db, self.changes)
        self.medication = MedicationRepository(db, self.changes)
        self.appointments = AppointmentRepository(db, self.changes)
        self.entries = JournalEntryRepository(db, self.changes)
        # Warnings from opening that did not stop it: one per ``kept-after-crash-…`` copy
        # whose write-ahead log lost entries (``lost_copies``), on every open until the
        # user removes that folder.
        self.opening_notes: tuple[str, ...] = ()
        self.lost_copies: tuple[Path, ...] = ()
        # Older journals get their plain copy of the crisis lines here, on every open.
        with contextlib.suppress(JournalError):
            self.contacts.refresh_crisis_copy()

    @property
    def is_protected(self) -> bool:
        return self.vault.is_protected

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.db.conn.close()
        self._key = b""

    def backup(self, reason: str = "manual") -> Path:
        """Take a checked backup now and rotate (:mod:`recovery_desktop.data.backup`);
        returns the new copy's path. Raises :class:`StorageProblem` (nothing changed).
        Copies kept after a crash that this backup makes unneeded are removed."""
        path = self.files.take_backup(self.db, self._key, reason)
        taken = parse_backup(path)
        if taken is not None:
            crash_copies.prune_before(self.files.folder, taken.taken_at)
        return path

    def check_passphrase(self, passphrase: str) -> None:
        """Raise :class:`WrongPassphrase` unless ``passphrase`` unlocks this journal."""
        self.vault.unlock(passphrase)

    def change_passphrase(self, old: str, new: str) -> None:
        """Rewrap the data key under ``new``; the old passphrase is required. Every key
        copy beside the backups follows."""
        self.check_passphrase(old)
        self.vault.set_passphrase(self._key, new)
        self._follow()

    def add_passphrase(self, new: str, recovery_key: str) -> int:
        """Protect a journal that had no passphrase. Its data key lay in plain sight (in
        keys.json and every backup's key copy), so the journal and every backup move to a
        new data key with passphrase and recovery slots (``data/rekey.py``). Returns how
        many backups could not be re-encrypted and were removed."""
        return self._rekey(lambda key: protected_slots(key, new, recovery_key))

    def new_encryption_key(self, passphrase: str, new_passphrase: str, recovery_key: str) -> int:
        """Move the journal and every backup to a new data key with ``new_passphrase`` and
        ``recovery_key``, after checking ``passphrase`` (:class:`WrongPassphrase`).
        Returns how many backups could not be re-encrypted and were removed."""
        self.check_passphrase(passphrase)
        return self._rekey(lambda key: protected_slots(key, new_passphrase, recovery_key))

    def _rekey(self, slots_for: Callable[[bytes], list[dict[str, Any]]]) -> int:
        rekey.settle_pending(self.files, self.vault, self._key)  # an earlier try's
        old_key, new_key = self._key, new_data_key()
        slots = slots_for(new_key)
        # One more safety net (re-encrypted with the rest); a missing USB stick does not
        # stop the rekey, which is safe to interrupt on its own.
        with contextlib.suppress(JournalError):
            self.backup("before-rekey")
        conn = self.db.conn
        try:
            removed = rekey.rekey_journal(self.files, conn, self.vault, (old_key, new_key), slots)
        except BaseException:
            if self.vault.rekey_pending:  # stopped after the commit: under the new key
                with contextlib.suppress(JournalError):
                    self._key = rekey.key_in_use(self.files.database, self.vault, old_key)
            raise
        self._key = new_key
        return removed

    def replace_recovery_key(self, recovery_key: str) -> None:
        self.vault.set_recovery_key(self._key, recovery_key)
        self._follow()

    def reset_passphrase(self, new: str) -> None:
        """After unlocking with the recovery key: set a new passphrase."""
        self.vault.set_passphrase(self._key, new)
        self._follow()

    def _follow(self) -> None:
        if not self.vault.rekey_pending:  # else the unfinished rekey rewrites them
            key_copies.follow(self.files, self.vault.settled_bytes(), self._key)

    def integrity(self) -> str:
        with sql_errors():
            rows = self.db.execute("PRAGMA integrity_check").fetchall()
        return "ok" if [r[0] for r in rows] == ["ok"] else "; ".join(str(r[0]) for r in rows[:5])

    def counts(self) -> dict[str, int]:
        return record_counts(self)

    def trend_data(self, period: Period) -> TrendData:
        return JournalReader(self.db).trend_data(period)

    def summary_inputs(self, period: Period) -> SummaryInputs:
        """The check-ins of ``period`` and the one before, its lists, chart data (which
        also holds the period's cravings, reach-outs and lapses), every contact, every
        clean period and every lapse."""
        return JournalReader(self.db).summary_inputs(period)

    def day_records(self, day: date, today: date) -> DayRecords:
        """The day's cravings and lapses and the current clean date, for the rules in
        ``domain.day_story`` (Today, the craving panel and the lapse flow read the same)."""
        clean = main_clean_time(self.recovery_time.periods(), today)
        return DayRecords(
            day,
            tuple(self.cravings.between(day, day)),
            tuple(self.recovery_time.lapses(day, day)),
            clean.since if clean is not None else None,
        )

    def first_day(self) -> date | None:
        """The earliest day of any record, if any (see :func:`trends.first_record_day`)."""
        return trends.first_record_day(self.db)

    @contextlib.contextmanager
    def reader(self) -> Iterator[JournalReader]:
        """A read-only :class:`JournalReader` on a connection of its own, for a worker
        thread: opened on the calling thread, closed when the block ends. Raises
        :class:`JournalError` when the journal is locked (closed) or cannot be read."""
        key = self._key
        if not key:
            raise StorageProblem("The journal is locked.")
        db = open_database(self.files.database, key)
        try:
            with sql_errors():
                db.execute("PRAGMA query_only = ON")
            yield JournalReader(db)
        finally:
            db.conn.close()


def _open(files: JournalFiles, vault: Vault, data_key: bytes, full_check: bool = False) -> Journal:
    require_writable_folder(files.folder)  # a disk turned read-only while locked
    if vault.rekey_pending:  # a move to a new key was stopped: which key is it under?
        data_key = rekey.key_in_use(files.database, vault, data_key)
    # Damage raises JournalDamaged here, before anything is written (see data/opening.py).
    report = opening.prepare(files.database, data_key, full_check)
    if vault.rekey_pending:
        data_key = rekey.finish_interrupted(files, vault, data_key)
    db = open_database(files.database, data_key)
    from recovery_desktop.data import schema_upgrade  # with sqlite-utils: once opened

    if not vault.rekey_pending:  # else it could not be finished now (a read-only folder)
        with contextlib.suppress(JournalError):  # a read-only folder still opens
            key_copies.follow(files, vault.settled_bytes(), data_key)
    try:
        schema_upgrade.migrate(
            db,
            before_pending=lambda: files.take_backup(db, data_key, "before-upgrade"),
        )
    except BaseException:
        db.conn.close()
        raise
    journal = Journal(files, vault, data_key, db)
    journal.opening_notes = report.notes
    journal.lost_copies = report.lost_copies
    return journal


def create_journal(
    files: JournalFiles, passphrase: str | None, recovery_key: str | None = None
) -> Journal:
    """Create a new journal. With a passphrase, ``recovery_key`` (from
    :func:`new_recovery_key`, already shown to the user) becomes the recovery slot."""
    if files.exists():
        raise JournalExists(str(files.folder))
    if passphrase is not None and recovery_key is None:
        recovery_key = new_recovery_key()
    ensure_private_dir(files.folder)
    data_key = new_data_key()

    def make(database: Path, keys: Path) -> None:
        from recovery_desktop.data import schema_upgrade

        db = open_database(database, data_key, create=True)
        try:
            schema_upgrade.migrate(db)
        finally:
            db.conn.close()  # the last close checkpoints the WAL and removes it
        Vault.create(keys, data_key, passphrase, recovery_key)

    creation.build(files, make)  # a kill leaves no journal or a whole one
    return _open(files, Vault.load(files.keys), data_key)


def open_with_passphrase(files: JournalFiles, passphrase: str, full_check: bool = False) -> Journal:
    """Raises :class:`WrongPassphrase`, :class:`JournalDamaged` (``full_check``: also
    run ``integrity_check``) or another :class:`JournalError`."""
    vault = files.vault()
    return _open(files, vault, vault.unlock(passphrase), full_check)


def open_unprotected(files: JournalFiles, full_check: bool = False) -> Journal:
    """As :func:`open_with_passphrase`, for a journal without a passphrase."""
    vault = files.vault()
    return _open(files, vault, vault.unlock_plain(), full_check)


def open_with_recovery_key(files: JournalFiles, recovery_key: str, new_passphrase: str) -> Journal:
    """Unlock with the recovery key, then set ``new_passphrase`` before returning."""
    vault = files.vault()
    data_key = vault.unlock_recovery(recovery_key)
    journal = _open(files, vault, data_key)
    try:
        journal.reset_passphrase(new_passphrase)
    except BaseException:
        journal.close()
        raise
    return journal


__all__ = [
    "Journal",
    "JournalFiles",
    "create_journal",
    "new_recovery_key",
    "open_unprotected",
    "open_with_passphrase",
    "open_with_recovery_key",
]
