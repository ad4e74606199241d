"""Settings → Backups: where backups go, how many there are, the newest, a failed
automatic backup, "Back up now" and choosing another folder."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.backup_files import list_backups
from recovery_desktop.data.backup_place import choose_folder, chosen_folder, default_folder
from recovery_desktop.data.backup_status import BackupStatus, backup_status
from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.journal import Journal
from recovery_desktop.domain.backup_policy import policy_sentence
from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.wording import plural
from recovery_desktop.ui.save_dialog import ask_folder
from recovery_desktop.ui.widgets.status_line import StatusLine

WHEN = (
    "A backup is made when you close the app, once a day while it is open (checked every "
    "hour and when it locks), and before an upgrade, a restore or an import."
)
KEYS = "Backups are encrypted and open with the journal's current passphrase or recovery key."
TIME_PATTERN = "%A %-d %B %Y at %H:%M"


def _when(moment: datetime) -> str:
    """An aware time, in this computer's local time."""
    return date_text(moment.astimezone(), TIME_PATTERN)


def open_in_file_manager(folder: Path, name: str) -> str:
    """Open ``folder`` in the file manager; "" when it opened, else a sentence saying why
    not (``name``: "The backup folder"), as ``QDesktopServices.openUrl`` only says False."""
    if not folder.is_dir():
        return f"{name} {folder} is not there yet."
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return f"No file manager could be opened. {name} is {folder}."
    return ""


def status_lines(status: BackupStatus, chosen: bool) -> tuple[str, str]:
    """The count-and-newest sentence and the failure sentence ("" when none); ``chosen``:
    the folder was chosen by the user (the usual one is made when missing)."""
    newest = status.newest
    if chosen and newest is None and not status.folder.is_dir():
        summary = "This folder is not there right now (is the drive plugged in?)."
    elif newest is None:
        summary = "There are no backups in this folder yet."
    else:
        count = plural(len(status.backups), "backup")
        summary = f"{count} here; the newest is from {_when(newest.taken_at)}."
    if status.elsewhere and status.usual is not None:
        left = len(status.elsewhere)
        summary += (
            f" {plural(left, 'older backup')} {'stays' if left == 1 else 'stay'} in the "
            f"usual folder {status.usual}, and can be restored too."
        )
    failure = status.failure
    if failure is None:
        return summary, ""
    return summary, f"The last automatic backup failed ({_when(failure.at)}): {failure.message}"


class BackupsBox(QGroupBox):
    """The Backups group of Settings, for one open journal."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__("Backups", parent)
        self.journal = journal
        self.folder_label = QLabel(self)
        self.folder_label.setObjectName("pathLabel")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setAccessibleName("Backup folder")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.failure = QLabel(self)
        self.failure.setObjectName("warningLabel")
        self.failure.setWordWrap(True)
        self.failure.setAccessibleName("Last automatic backup")
        explain = QLabel(f"{WHEN} {policy_sentence()} {KEYS}", self)
        explain.setWordWrap(True)
        self.status = StatusLine("Backups status", self)
        layout = QVBoxLayout(self)
        for widget in (self.folder_label, self.summary, self.failure, explain):
            layout.addWidget(widget)
        layout.addLayout(self._buttons())
        layout.addWidget(self.status)
        self.refresh()

    def _buttons(self) -> QHBoxLayout:
        self.now_button = QPushButton("&Back up now", self)
        self.now_button.clicked.connect(self.back_up_now)
        self.choose_button = QPushButton("Choose &folder…", self)
        self.choose_button.clicked.connect(self.choose)
        self.default_button = QPushButton("Use the &usual folder", self)
        self.default_button.clicked.connect(lambda: self.use_folder(None))
        self.open_button = QPushButton("Open backup folder", self)
        self.open_button.clicked.connect(self.open_folder)
        row = QHBoxLayout()
        for button in (self.now_button, self.choose_button, self.default_button):
            row.addWidget(button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        return row

    def showEvent(self, event: QShowEvent) -> None:
        """Backups are taken and rotated elsewhere too (on locking, an import, a restore):
        what is shown is read again whenever Settings is shown."""
        self.refresh()
        super().showEvent(event)

    def open_folder(self) -> None:
        """Open the backup folder in the file manager, or say why it did not open."""
        said = open_in_file_manager(self.journal.files.backups, "The backup folder")
        if said:
            self.status.setText(said)

    def refresh(self) -> None:
        files = self.journal.files
        status = backup_status(
            self.journal.preferences, files.backups, default_folder(files.folder)
        )
        chosen = chosen_folder(self.journal.files.folder) is not None
        self.folder_label.setText(f"Backups go to {status.folder}")
        summary, failure = status_lines(status, chosen)
        self.summary.setText(summary)
        self.failure.setText(failure)
        self.failure.setVisible(bool(failure))
        self.default_button.setVisible(chosen)

    def back_up_now(self) -> None:
        try:
            made = self.journal.backup("manual")
        except JournalError as error:
            self.status.setText(str(error))
        else:
            self.status.setText(f"Backed up: {made.name}")
        self.refresh()

    def choose(self) -> None:
        """Ask for a folder (through the app's file dialogs, which leave no traces)."""
        chosen = ask_folder(self, "Choose a folder for backups", self.journal.files.backups)
        if chosen is not None:
            self.use_folder(chosen)

    def use_folder(self, folder: Path | None) -> None:
        """Send the next backups to ``folder`` (None: the usual folder in the journal's
        folder); backups already made stay where they are, and the status says so."""
        old = self.journal.files.backups
        try:
            new = choose_folder(self.journal.files.folder, folder)
        except JournalError as error:
            self.status.setText(f"Not changed: {error}")
            return
        self.refresh()
        if new == old:
            return
        said = f"The next backup goes to {new}."
        if list_backups(old):  # only when true: the old folder holds backups
            said += f" Backups already made stay in {old}."
        self.status.setText(said)
