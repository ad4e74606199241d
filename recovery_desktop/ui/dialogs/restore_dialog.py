"""Restore from a backup: the backups newest first, with when, why, size and what they hold;
look inside one (read-only) or choose it for restoring, after a plain confirmation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.backup_files import BackupFile
from recovery_desktop.data.backup_view import BackupOpener
from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.journal import Journal
from recovery_desktop.data.key_copies import all_backups
from recovery_desktop.data.restore import journal_opener
from recovery_desktop.domain.backup_words import (
    counts_words,
    moment_text,
    reason_words,
    size_words,
    when_words,
)
from recovery_desktop.ui.busy import busy
from recovery_desktop.ui.dialogs.backup_viewer import BackupViewer
from recovery_desktop.ui.window_size import available_size

INTRO = (
    "Backups are encrypted copies of your journal, newest first. You can look inside one "
    "before deciding; restoring never deletes anything."
)
NO_BACKUPS = "There are no backups yet."
UNUSABLE = "This backup could not be opened: it is damaged or made with another key."
WIDTH = 680


def backup_entry(backup: BackupFile, counts: dict[str, int] | None, now: datetime) -> str:
    """Two lines: when (local time to the second, so two backups of one minute differ, and
    how long ago), then why, size and counts."""
    second = f"Taken {reason_words(backup.reason)} · {size_words(backup.size_bytes)}"
    second += f" · {counts_words(counts)}" if counts is not None else f"\n{UNUSABLE}"
    return f"{when_words(backup.taken_at, now, seconds=True)}\n{second}"


def settings_confirmation(folder: str, protected: bool) -> Callable[[BackupFile], str]:
    """The question before restoring over the open journal in ``folder``."""
    opens = " It opens with your current passphrase." if protected else ""

    def text(backup: BackupFile) -> str:
        taken = moment_text(backup.taken_at.astimezone())
        return (
            f"Your journal will go back to how it was on {taken}.\n\n"
            "First, your journal as it is now is backed up (“before a restore”) and moved "
            f"into a new folder named replaced-… inside {folder}. Nothing is deleted.\n\n"
            f"Anything you wrote after {taken} will not be in the restored journal.{opens}"
        )

    return text


class RestoreDialog(QDialog):
    """Lists ``backups`` (oldest first, as :func:`all_backups` gives them; shown newest
    first). When the user confirms a restore,
    ``chosen`` holds the backup and the dialog is accepted; the caller restores it."""

    def __init__(
        self,
        backups: Sequence[BackupFile],
        opener: BackupOpener,
        confirmation: Callable[[BackupFile], str],
        parent: QWidget | None = None,
        intro: str = INTRO,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from a backup")
        self.opener = opener
        self.confirmation = confirmation
        self.chosen: BackupFile | None = None
        self.backups = list(reversed(backups))
        with busy():
            self.counts = [self._counts(backup) for backup in self.backups]
        heading = QLabel("Restore from a backup", self)
        heading.setObjectName("heading")
        text = QLabel(intro if self.backups else f"{intro}\n\n{NO_BACKUPS}", self)
        text.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Backups, newest first")
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        now = datetime.now(timezone.utc)
        for backup, counts in zip(self.backups, self.counts, strict=True):
            QListWidgetItem(backup_entry(backup, counts, now), self.list)
        self.look_button = QPushButton("&Look inside…", self)
        self.look_button.clicked.connect(self.look_inside)
        self.restore_button = QPushButton("&Restore this backup…", self)
        self.restore_button.clicked.connect(self.restore)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.look_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.list.currentRowChanged.connect(self._row_changed)
        self.list.itemActivated.connect(lambda _item: self.look_inside())
        screen = available_size(self)
        self.resize(min(WIDTH, screen.width() - 40), min(520, screen.height() - 60))
        if self.backups:  # the newest good backup, not a damaged one
            good = (row for row, counts in enumerate(self.counts) if counts is not None)
            self.list.setCurrentRow(next(good, 0))
        self._row_changed(self.list.currentRow())
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _counts(self, backup: BackupFile) -> dict[str, int] | None:
        try:
            return self.opener.counts(backup)
        except JournalError:
            return None

    def _row_changed(self, row: int) -> None:
        usable = 0 <= row < len(self.backups) and self.counts[row] is not None
        self.look_button.setEnabled(usable)
        self.restore_button.setEnabled(usable)

    def current(self) -> BackupFile | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def select(self, backup: BackupFile) -> None:
        """Make ``backup`` the current row (for callers and tests)."""
        self.list.setCurrentRow(self.backups.index(backup))

    def look_inside(self) -> None:
        backup = self.current()
        if backup is None or not self.look_button.isEnabled():
            return
        try:
            with busy():
                contents = self.opener.contents(backup)
        except JournalError as error:
            QMessageBox.information(self, "Look inside", str(error))
            return
        BackupViewer(backup, contents, self).exec()

    def restore(self) -> None:
        backup = self.current()
        if backup is None or not self.restore_button.isEnabled():
            return
        if confirm_restore(self, self.confirmation(backup)):
            self.chosen = backup
            self.accept()


def confirm_restore(parent: QWidget, text: str) -> bool:
    """Ask before restoring; Cancel is the default and Esc cancels."""
    box = QMessageBox(QMessageBox.Icon.Question, "Restore this backup?", text, parent=parent)
    restore = box.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is restore


def restore_dialog(journal: Journal, parent: QWidget | None = None) -> RestoreDialog:
    """The dialog over ``journal``'s backups, opened with its key."""
    return RestoreDialog(
        all_backups(journal.files),
        journal_opener(journal),
        settings_confirmation(str(journal.files.folder), journal.is_protected),
        parent,
    )
