"""The damaged-journal screen: what is wrong, that nothing was changed, and the way back
through the newest good backup (or a new, empty journal beside the damaged files)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.backup_files import BackupFile
from recovery_desktop.data.backup_place import chosen_folder
from recovery_desktop.data.backup_view import BackupOpener, needs_secret, newest_usable
from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.journal import Journal, JournalFiles
from recovery_desktop.data.key_copies import all_backups
from recovery_desktop.data.restore import open_restored, restore_backup, set_aside_damaged
from recovery_desktop.domain.backup_words import about_span_words, moment_text
from recovery_desktop.ui.busy import busy
from recovery_desktop.ui.dialogs.backup_secret import BackupSecretDialog
from recovery_desktop.ui.dialogs.backup_viewer import BackupViewer
from recovery_desktop.ui.dialogs.restore_dialog import RestoreDialog, confirm_restore
from recovery_desktop.ui.widgets.reading_order import in_reading_order, move_focus, tab_stops

KEPT = "Its files have been left exactly as they are, in {folder}."
_NEW_BESIDE = (
    "Keep the folder as it is: nothing in it has been deleted. Recovery Desktop can move the "
    "damaged files into a folder beside them (named damaged-…) and start a new, empty "
    "journal, so you can keep writing today. A copy of this folder kept elsewhere (another "
    "computer, a USB stick) may still hold your entries: keep it too."
)
NO_BACKUP = (
    "There is no backup of this journal yet, so it cannot be brought back from one. " + _NEW_BESIDE
)
NONE_FOUND = "No other backup of this journal was found. " + _NEW_BESIDE
FOLDER_MISSING = (
    "The backup folder {folder} is not there — is the drive plugged in? Plug it in and "
    "start the app again to be offered its backups."
)
PASSPHRASE_NOT_SET = (
    "Your new passphrase was not set, because the journal could not be opened. After "
    "restoring, open it with your recovery key again to set one."
)
MOVED = (
    "The damaged files were moved, unchanged, into {folder}. Nothing was deleted. When you "
    "are ready, set up a new, empty journal."
)


def problem_sentence(message: str) -> str:
    """The first sentence of a :class:`JournalDamaged` message: what is wrong."""
    return message.split(" It has not been changed", 1)[0]


def last_change(files: JournalFiles) -> datetime | None:
    """When the journal's files were last written (their modification time, UTC)."""
    times = []
    for path in (files.database, files.database.with_name("journal.db-wal"), files.keys):
        try:
            times.append(path.stat().st_mtime)
        except OSError:
            continue
    return datetime.fromtimestamp(max(times), timezone.utc) if times else None


def loss_sentence(backup: BackupFile, changed: datetime | None) -> str:
    """How the backup compares with the damaged journal's last change."""
    taken = moment_text(backup.taken_at.astimezone())
    start = f"The newest backup is from {taken}"
    if changed is None or changed <= backup.taken_at:
        return (
            f"{start}, taken after the journal's files were last changed: it should hold "
            "about everything that was in the journal."
        )
    return (
        f"{start} — {about_span_words(changed - backup.taken_at)} before the last change "
        "to the journal. Anything written after it is not in it."
    )


class DamagedPanel(QWidget):
    """Shown instead of the lock screen when the journal cannot be opened. ``opened`` gets
    the journal once a backup is restored or a new journal created; ``start_new`` creates
    a new journal in the (emptied) folder, or returns None if the user stopped."""

    def __init__(
        self,
        files: JournalFiles,
        opened: Callable[[Journal], None],
        start_new: Callable[[], Journal | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.files = files
        self.opened = opened
        self.start_new = start_new
        self.backups: list[BackupFile] = []  # newest first
        self._kept_opener: BackupOpener | None = None  # for the life of this screen
        self._set_aside: Path | None = None  # where "Start a new journal" moved the files
        self.heading = QLabel("Your journal could not be opened", self)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.problem = self._text()
        self.kept = self._text()
        self.offer = self._text()
        self.restore_button = QPushButton("&Restore this backup…", self)
        self.restore_button.clicked.connect(self.restore_newest)
        self.look_button = QPushButton("&Look inside first…", self)
        self.look_button.clicked.connect(self.look_inside)
        self.choose_button = QPushButton("&Choose another backup…", self)
        self.choose_button.clicked.connect(self.choose)
        self.new_button = QPushButton("Start a &new journal beside it…", self)
        self.new_button.clicked.connect(self.start_fresh)
        self._layout()

    def _text(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _layout(self) -> None:
        card = QFrame(self)
        card.setObjectName("card")
        card.setMaximumWidth(620)
        card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(card)
        column.setContentsMargins(28, 24, 28, 24)
        column.setSpacing(10)
        for label in (self.heading, self.problem, self.kept, self.offer):
            column.addWidget(label)
        row = QHBoxLayout()
        for button in (self.restore_button, self.look_button, self.choose_button):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_button)
        new_row.addStretch(1)
        column.addLayout(new_row)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(card, 3)
        centred.addStretch(1)
        self._outer = QVBoxLayout(self)
        self._outer.addStretch(1)
        self._outer.addLayout(centred)
        self._outer.addStretch(2)

    def add_help(self, button: QWidget) -> None:
        """ "Get help now" under the card."""
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        row.addStretch(1)
        self._outer.insertSpacing(2, 12)
        self._outer.insertLayout(3, row)

    def focusNextPrevChild(self, forward: bool) -> bool:
        chain = in_reading_order(tab_stops(self), self)
        return move_focus(chain, forward) or super().focusNextPrevChild(forward)

    # -- what is shown -------------------------------------------------------------------
    def show_problem(self, message: str, passphrase_not_set: bool = False) -> None:
        """Describe ``message`` (a :class:`JournalDamaged` text) and what can be done;
        ``passphrase_not_set``: the user came through "I forgot my passphrase" and the new
        passphrase they typed could not be set."""
        self._forget()
        self._set_aside = None
        problem = problem_sentence(message)
        self.problem.setText(
            f"{problem}\n\n{PASSPHRASE_NOT_SET}" if passphrase_not_set else problem
        )
        self.kept.setText(KEPT.format(folder=self.files.folder))
        self.new_button.setText("Start a &new journal beside it…")
        # Both folders: backups stay in the usual one when another folder is chosen.
        self.backups = list(reversed(all_backups(self.files)))
        has_backup = bool(self.backups)
        chosen = chosen_folder(self.files.folder)
        missing = chosen is not None and not chosen.is_dir()
        if has_backup:
            offer = loss_sentence(self.backups[0], last_change(self.files))
        else:
            offer = NONE_FOUND if missing else NO_BACKUP
        if missing:
            offer = f"{FOLDER_MISSING.format(folder=chosen)}\n\n{offer}"
        self.offer.setText(offer)
        for button in (self.restore_button, self.look_button, self.choose_button):
            button.setVisible(has_backup)
        self.choose_button.setEnabled(len(self.backups) > 1)
        self.new_button.setVisible(not has_backup)
        focus = self.restore_button if has_backup else self.new_button
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- behaviour -----------------------------------------------------------------------
    def _forget(self) -> None:
        if self._kept_opener is not None:
            self._kept_opener.forget()
        self._kept_opener = None

    def _opener(self) -> BackupOpener | None:
        """An opener for the backups: asks for the passphrase when their keys need it,
        once; the opener (keys in memory only, never on disk) is kept while this screen
        is up, so restoring, looking inside and choosing do not ask again."""
        if self._kept_opener is None:
            self._kept_opener = self._new_opener()
        return self._kept_opener

    def _new_opener(self) -> BackupOpener | None:
        try:
            protected = needs_secret(self.backups[0])
        except JournalError:
            protected = any(self._protected(b) for b in self.backups[1:])
        if not protected:
            return BackupOpener()
        dialog = BackupSecretDialog(lambda opener: newest_usable(self.backups, opener), self)
        return dialog.opener if dialog.exec() else None

    @staticmethod
    def _protected(backup: BackupFile) -> bool:
        try:
            return needs_secret(backup)
        except JournalError:
            return False

    def restore_newest(self) -> None:
        opener = self._opener()
        if opener is None:
            return
        try:
            with busy():
                usable = newest_usable(self.backups, opener)
        except JournalError as error:
            self._forget()
            QMessageBox.information(self, "Restore", str(error))
            return
        text = self._confirmation(usable.backup)
        if usable.skipped:
            newest = moment_text(usable.skipped[0].taken_at.astimezone())
            text = (
                f"The newest backup, from {newest}, could not be used (it is damaged), so "
                f"the next good one is offered.\n\n{text}"
            )
        if confirm_restore(self, text):
            self._restore(usable.backup, opener)

    def look_inside(self) -> None:
        opener = self._opener()
        if opener is None:
            return
        try:
            with busy():
                usable = newest_usable(self.backups, opener)
                contents = opener.contents(usable.backup)
        except JournalError as error:
            QMessageBox.information(self, "Look inside", str(error))
        else:
            BackupViewer(usable.backup, contents, self).exec()

    def choose(self) -> None:
        opener = self._opener()
        if opener is None:
            return
        dialog = RestoreDialog(list(reversed(self.backups)), opener, self._confirmation, self)
        if dialog.exec() and dialog.chosen is not None:
            self._restore(dialog.chosen, opener)

    def _confirmation(self, backup: BackupFile) -> str:
        taken = moment_text(backup.taken_at.astimezone())
        return (
            f"Your journal will be brought back as it was on {taken}.\n\n"
            "The damaged files are moved, unchanged, into a new folder named replaced-… "
            f"inside {self.files.folder}. Nothing is deleted.\n\n"
            f"Anything written after {taken} is not in the backup."
        )

    def _restore(self, backup: BackupFile, opener: BackupOpener) -> None:
        try:
            with busy():
                key = opener.key_for(backup)
                replaced = restore_backup(self.files, backup, key)
                journal = open_restored(self.files, key)
        except JournalError as error:
            QMessageBox.information(self, "Restore", str(error))
            return
        self._forget()
        self.opened(journal)
        QMessageBox.information(
            self.window(),
            "Backup restored",
            "Your journal was brought back from the backup of "
            f"{moment_text(backup.taken_at.astimezone())}.\n\nThe damaged files are kept, "
            f"unchanged, in {replaced}.",
        )

    def start_fresh(self) -> None:
        if self._set_aside is None and not self._move_aside():
            return
        journal = self.start_new()
        if journal is None:  # the files stay moved: say so, and offer only the new journal
            folder = self._set_aside
            self.kept.setText(f"The damaged files were moved into {folder}.")
            self.offer.setText(MOVED.format(folder=folder))
            self.new_button.setText("Set up a &new journal…")
            return
        self._forget()
        self.opened(journal)

    def _move_aside(self) -> bool:
        """Ask, then move the damaged files into a damaged-… folder; False if not moved."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Start a new journal?",
            "The damaged files will be moved, unchanged, into a new folder named damaged-… "
            f"inside {self.files.folder}. Nothing is deleted. Then you can set up a new, "
            "empty journal.",
            parent=self,
        )
        go = box.addButton("&Move them and start", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        if box.clickedButton() is not go:
            return False
        try:
            self._set_aside = set_aside_damaged(self.files)
        except JournalError as error:
            QMessageBox.information(self, "Start a new journal", str(error))
            return False
        return True
