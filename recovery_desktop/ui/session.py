"""Which journal is open right now: locked (no key in memory) or unlocked."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from recovery_desktop.data.errors import JournalDamaged
from recovery_desktop.data.restore import finish_interrupted_restore

if TYPE_CHECKING:
    from recovery_desktop.data.journal import Journal
    from recovery_desktop.data.journal_files import JournalFiles


class Session(QObject):
    """Opens and closes the journal; the window listens to ``unlocked`` and ``locked``."""

    unlocked = Signal()
    locked = Signal()
    damaged = Signal(str)  # the JournalDamaged message, when opening found damage

    def __init__(self, files: JournalFiles, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.files = files
        self.journal: Journal | None = None
        self.damage: str | None = None
        # "I forgot my passphrase" found damage: the new passphrase typed was not set.
        self.passphrase_not_set = False

    @property
    def is_unlocked(self) -> bool:
        return self.journal is not None

    def is_protected(self) -> bool:
        return self.files.vault().is_protected

    def adopt(self, journal: Journal) -> None:
        """Take a journal opened elsewhere (the first-run wizard)."""
        self._set(journal)

    def unlock(self, passphrase: str) -> None:
        """Raises :class:`WrongPassphrase` (and changes nothing) when it doesn't match."""
        from recovery_desktop.data.journal import open_with_passphrase

        self.passphrase_not_set = False
        self._open(lambda: open_with_passphrase(self.files, passphrase))

    def unlock_unprotected(self) -> None:
        from recovery_desktop.data.journal import open_unprotected

        self._open(lambda: open_unprotected(self.files))

    def unlock_with_recovery_key(self, key: str, new_passphrase: str) -> None:
        """Opens with the recovery key and sets ``new_passphrase``. When the journal turns
        out damaged, the passphrase is not set and ``passphrase_not_set`` says so."""
        from recovery_desktop.data.journal import open_with_recovery_key

        self.passphrase_not_set = True  # until the journal opens with it
        try:
            self._open(lambda: open_with_recovery_key(self.files, key, new_passphrase))
        except JournalDamaged:
            raise
        except BaseException:
            self.passphrase_not_set = False
            raise

    def mark_damaged(self, error: JournalDamaged) -> None:
        """Opening found damage: remember it and tell the window (it shows the damaged-
        journal screen)."""
        self.damage = str(error)
        self.damaged.emit(self.damage)

    def _open(self, open_journal: Callable[[], Journal]) -> None:
        try:
            finish_interrupted_restore(self.files)  # a restore stopped half-way, if any
            journal = open_journal()
        except JournalDamaged as error:
            self.mark_damaged(error)
            raise
        self._set(journal)

    def lock(self) -> None:
        """Close the journal and forget its key. Callers save open work first."""
        journal, self.journal = self.journal, None
        if journal is not None:
            journal.close()
            self.locked.emit()

    def _set(self, journal: Journal) -> None:
        if self.journal is not None:
            self.journal.close()
        self.journal = journal
        self.damage = None
        self.passphrase_not_set = False
        self.unlocked.emit()
