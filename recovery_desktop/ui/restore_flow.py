"""Restoring a backup over the open journal: save what is open, back the journal up
("before-restore"), stage and check the backup, close the journal, put the backup in
place, and open it again; every page is rebuilt on the restored journal."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from recovery_desktop.data.backup_files import BackupFile
from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.restore import prepare_restore
from recovery_desktop.domain.backup_words import moment_text
from recovery_desktop.ui.busy import busy
from recovery_desktop.ui.main_window import MainWindow


def restore_into(window: MainWindow, backup: BackupFile) -> None:
    """Restore ``backup`` in place of the journal open in ``window``'s session. Any
    failure before the journal is closed changes nothing; a failure after it leaves the
    lock screen, and the next start completes an interrupted restore."""
    session = window.session
    journal = session.journal
    if journal is None:
        return
    if window.workspace is not None and not window.workspace.flush():
        QMessageBox.information(
            window, "Restore", "Your latest changes could not be saved, so nothing was restored."
        )
        return
    try:
        with busy():
            prepared = prepare_restore(journal, backup)
    except JournalError as error:
        QMessageBox.information(window, "Restore", f"Nothing was restored. {error}")
        return
    window.lock_now()
    try:
        with busy():
            restored, replaced = prepared.finish()
    except JournalError as error:
        prepared.abandon()
        QMessageBox.information(window, "Restore", str(error))
        return
    session.adopt(restored)
    QMessageBox.information(
        window,
        "Backup restored",
        f"Your journal is back to how it was on {moment_text(backup.taken_at.astimezone())}."
        f"\n\nThe journal as it was before is kept, unchanged, in {replaced}, and a "
        "backup of it was taken first.",
    )
