"""Automatic backups while the app runs (the composition root wires them):

- on closing, always, before the journal is closed;
- at most once a day: every hour while unlocked, and at every lock, a backup is taken when
  the backup folder has none from the last 24 hours.

A failed automatic backup never stops closing or locking: it is written to errors.log
without content (the error's kind and code locations, as for crashes) and remembered in
the journal for Settings ("The last automatic backup failed: …").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot

from recovery_desktop.data.backup_status import backup_due, record_failure
from recovery_desktop.data.errors import JournalError
from recovery_desktop.ui import crash
from recovery_desktop.ui.session import Session

CHECK_EVERY_MS = 60 * 60 * 1000
UNEXPECTED = "an unexpected problem stopped it (errors.log says where)."


class AutoBackup(QObject):
    """Backs up ``session``'s journal when it closes and once a day."""

    def __init__(
        self,
        session: Session,
        log_folder: Path,
        parent: QObject | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.log_folder = log_folder
        self.clock = clock
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.if_due)
        self.timer.start()

    @Slot()
    def on_closing(self) -> None:
        self.take("on-close")

    @Slot()
    def if_due(self) -> None:
        journal = self.session.journal
        if journal is not None and backup_due(journal.files.backups, self.clock()):
            self.take("daily")

    def take(self, reason: str) -> bool:
        """Back up now; False (logged and remembered, never raised) when it failed."""
        journal = self.session.journal
        if journal is None:
            return False
        try:
            journal.backup(reason)
        except Exception as error:  # a bug must not stop closing either
            message = str(error) if isinstance(error, JournalError) else UNEXPECTED
            record_failure(journal.preferences, message, self.clock())
            report = crash.content_free_report(type(error), error.__traceback__)
            crash.append_to_log(self.log_folder, f"{report}\n  (automatic backup: {reason})")
            return False
        return True
