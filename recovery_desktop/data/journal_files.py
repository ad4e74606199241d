"""Where one journal's files live, without opening anything.

Kept apart from ``journal.py`` so that code that only needs to know where a journal is (the
start of the app, the first-run wizard, the command line's checks) does not import every
repository; what a method needs beyond paths is imported when it is called.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_desktop.data.backup_place import backup_folder, chosen_folder
from recovery_desktop.data.errors import JournalDamaged, JournalMissing
from recovery_desktop.data.output_places import AppFolders
from recovery_desktop.paths import log_dir

if TYPE_CHECKING:
    from sqlite_utils import Database

    from recovery_desktop.data.crisis_copy import CrisisCopy
    from recovery_desktop.data.vault import Vault


@dataclass(frozen=True)
class JournalFiles:
    """Where one journal's files live (DESIGN.md §3)."""

    folder: Path

    @property
    def database(self) -> Path:
        return self.folder / "journal.db"

    @property
    def keys(self) -> Path:
        return self.folder / "keys.json"

    @property
    def lock(self) -> Path:
        return self.folder / "journal.lock"

    @property
    def backups(self) -> Path:
        """Where backups go: the folder chosen in Settings (``backup-place.json``, readable
        while locked), else ``<folder>/backups``."""
        return backup_folder(self.folder)

    def take_backup(self, db: Database, data_key: bytes, reason: str) -> Path:
        """See :func:`make_backup`; a chosen folder that is missing is reported, never
        created (a USB stick may be unplugged)."""
        from recovery_desktop.data.backup import make_backup

        create = chosen_folder(self.folder) is None
        return make_backup(db, data_key, self.backups, self.keys, reason, create_folder=create)

    @property
    def crisis_copy(self) -> CrisisCopy:
        """The plain copy of the crisis lines, readable while the journal is locked."""
        from recovery_desktop.data.crisis_copy import COPY_NAME, CrisisCopy

        return CrisisCopy(self.folder / COPY_NAME)

    def app_folders(self) -> AppFolders:
        """Where this journal and the app keep their own files, which no output file may
        replace: the backup folder, the journal's folder (also before it is created) and
        the log folder (``errors.log``)."""
        return AppFolders(
            (
                (self.backups, "the journal's backup folder"),
                (self.folder, "the journal's folder"),
                (log_dir(), "the folder of Recovery Desktop's error log"),
            )
        )

    def exists(self) -> bool:
        """True when either journal file is present (a half-present journal is damaged)."""
        return self.database.exists() or self.keys.exists()

    def vault(self) -> Vault:
        if not self.exists():
            raise JournalMissing(str(self.folder))
        if not self.keys.exists():
            raise JournalDamaged("The key file (keys.json) is missing.")
        if not self.database.exists():
            raise JournalDamaged("The journal file (journal.db) is missing.")
        from recovery_desktop.data.vault import Vault

        return Vault.load(self.keys)
