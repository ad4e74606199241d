"""Settings: passphrase and recovery key, auto-lock, where the journal lives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop import __version__
from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.journal import Journal
from recovery_desktop.domain.drafts import Draft, DraftKind
from recovery_desktop.domain.wording import plural
from recovery_desktop.ui.dialogs import key_stop, transfer_dialogs
from recovery_desktop.ui.dialogs.change_passphrase import ChangePassphraseDialog
from recovery_desktop.ui.dialogs.key_wizards import (
    KeyWizard,
    add_passphrase_wizard,
    new_recovery_key_wizard,
)
from recovery_desktop.ui.dialogs.new_key_wizard import new_encryption_key_wizard
from recovery_desktop.ui.dialogs.restore_dialog import restore_dialog
from recovery_desktop.ui.pages.settings.backups import BackupsBox, open_in_file_manager
from recovery_desktop.ui.pages.settings.waking_window import WakingWindowBox
from recovery_desktop.ui.widgets.counted_spin import count_unit
from recovery_desktop.ui.widgets.layout import page_heading, scroll_area
from recovery_desktop.ui.widgets.status_line import StatusLine

PROTECTED_TEXT = (
    "Your journal is protected by a passphrase. Without it, or your recovery key, "
    "nobody can read it."
)
UNPROTECTED_TEXT = (
    "Your journal has no passphrase. Anyone who can use this computer account can open it "
    "and read everything. Adding a passphrase takes a minute."
)


def removed_note(removed: int) -> str:
    """What the user is told about backups that could not move to the new key."""
    if not removed:
        return ""
    verb = "was" if removed == 1 else "were"
    return (
        f" {plural(removed, 'backup')} could not be re-encrypted (damaged or unreadable) "
        f"and {verb} removed, so that no copy of the old key is left behind."
    )


@dataclass(frozen=True)
class NumberSetting:
    """A whole-number preference: its range, how to read and write it, who to tell."""

    minimum: int
    maximum: int
    unit: str  # singular: "minute" (the box shows "1 minute", "5 minutes")
    accessible_name: str
    fallback: int
    read: Callable[[], int]
    write: Callable[[int], None]
    changed: Callable[[int], object] | None = None


class SettingsPage(QWidget):
    title = "Settings"
    draft_kinds = (
        DraftKind.NEW_RECOVERY_KEY,
        DraftKind.ADD_PASSPHRASE,
        DraftKind.NEW_ENCRYPTION_KEY,
    )
    auto_lock_changed = Signal(int)
    restore_wanted = Signal(object)  # the BackupFile the user chose and confirmed

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        heading = page_heading("Settings", self)
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.addWidget(self._privacy_box())
        column.addWidget(self._auto_lock_box())
        column.addWidget(self._reminder_box())
        self.waking_window = WakingWindowBox(journal.preferences, self)
        column.addWidget(self.waking_window)
        self.backups = BackupsBox(journal, self)
        column.addWidget(self.backups)
        column.addWidget(self._files_box())
        column.addWidget(self._your_data_box())
        column.addStretch(1)
        scroll = scroll_area(body, self)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        self._refresh_privacy()

    # -- sections ------------------------------------------------------------------------
    def _privacy_box(self) -> QGroupBox:
        box = QGroupBox("Passphrase and recovery key", self)
        self.privacy_text = QLabel(box)
        self.privacy_text.setWordWrap(True)
        self.key_note = QLabel(box)
        self.key_note.setObjectName("gentleNote")
        self.key_note.setWordWrap(True)
        self.key_note.setAccessibleName("About the key that was not set")
        self.key_note.hide()
        self.change_button = QPushButton("&Change passphrase…", box)
        self.change_button.clicked.connect(self.change_passphrase)
        self.add_button = QPushButton("&Add a passphrase…", box)
        self.add_button.clicked.connect(self.add_passphrase)
        self.recovery_button = QPushButton("Make a new &recovery key…", box)
        self.recovery_button.clicked.connect(self.new_recovery_key)
        self.new_key_button = QPushButton("New encr&yption key…", box)
        self.new_key_button.clicked.connect(self.new_encryption_key)
        row = QHBoxLayout()
        buttons = (self.change_button, self.add_button, self.recovery_button, self.new_key_button)
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.privacy_text)
        layout.addWidget(self.key_note)
        layout.addLayout(row)
        return box

    def _number_box(
        self,
        title: str,
        explain: str,
        label: str,
        setting: NumberSetting,
    ) -> tuple[QGroupBox, QSpinBox]:
        """A group with an explanation and one number saved into the journal as it changes."""
        box = QGroupBox(title, self)
        spin = QSpinBox(box)
        spin.setRange(setting.minimum, setting.maximum)
        count_unit(spin, setting.unit)
        spin.setMaximumWidth(160)
        spin.setAccessibleName(setting.accessible_name)
        try:
            spin.setValue(setting.read())
        except JournalError:
            spin.setValue(setting.fallback)
        status = StatusLine(f"{title} status", box)
        spin.valueChanged.connect(lambda value: self._save_number(setting, value, status))
        text = QLabel(explain, box)
        text.setWordWrap(True)
        form = QFormLayout(box)
        form.addRow(text)
        form.addRow(label, spin)
        form.addRow("", status)
        return box, spin

    def _save_number(self, setting: NumberSetting, value: int, status: QLabel) -> None:
        try:
            setting.write(value)
        except JournalError as error:
            status.setText(f"Not saved: {error}")
            return
        status.setText("Saved.")
        if setting.changed is not None:
            setting.changed(value)

    def _auto_lock_box(self) -> QGroupBox:
        preferences = self.journal.preferences
        box, self.auto_lock = self._number_box(
            "Auto-lock",
            "When nobody has used the app for this long, it keeps what you were typing and "
            "locks; you pick up where you left off when you unlock. A running urge-surfing "
            "timer counts as using it. You can lock it yourself at any time with Ctrl+L.",
            "Lock &after:",
            NumberSetting(
                1,
                240,
                "minute",
                "Lock after this many minutes without activity",
                5,
                preferences.auto_lock_minutes,
                preferences.set_auto_lock_minutes,
                self.auto_lock_changed.emit,
            ),
        )
        return box

    def _reminder_box(self) -> QGroupBox:
        preferences = self.journal.preferences
        box, self.reminder_days = self._number_box(
            "Staying in touch",
            "Today shows a gentle note when you haven't logged reaching out to anyone for a "
            "while. Isolation often comes before a lapse; a short call or text helps.",
            "Note af&ter:",
            NumberSetting(
                1,
                30,
                "day",
                "Gentle note after this many days without reaching out",
                4,
                preferences.reach_out_reminder_days,
                preferences.set_reach_out_reminder_days,
            ),
        )
        return box

    def _files_box(self) -> QGroupBox:
        box = QGroupBox("Where your journal lives", self)
        folder = str(self.journal.files.folder)
        path = QLabel(folder, box)
        path.setObjectName("pathLabel")
        path.setWordWrap(True)
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path.setAccessibleName("Journal folder")
        explain = QLabel(
            "The journal is one encrypted file (journal.db) plus its key file (keys.json). "
            "Keep the folder together when you copy it; backups are in the folder named "
            "under Backups.",
            box,
        )
        explain.setWordWrap(True)
        open_button = QPushButton("&Open folder", box)
        self.folder_status = StatusLine("Journal folder status", box)
        open_button.clicked.connect(
            lambda: self.folder_status.setText(
                open_in_file_manager(self.journal.files.folder, "The journal's folder")
            )
        )
        version = QLabel(f"Recovery Desktop {__version__}", box)
        version.setObjectName("hintLabel")
        restore_button = QPushButton("Re&store from a backup…", box)
        restore_button.clicked.connect(self.choose_backup)
        row = QHBoxLayout()
        row.addWidget(open_button)
        row.addWidget(restore_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(path)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(self.folder_status)
        layout.addWidget(version)
        return box

    def _your_data_box(self) -> QGroupBox:
        """Export everything and Import (the work is in ui/dialogs/transfer_dialogs.py)."""
        box = QGroupBox("Your data", self)
        explain = QLabel(
            "Export everything in your journal as one file that can be imported again (JSON), "
            "or as spreadsheet files (CSV). Exports are not encrypted. Import adds what a JSON "
            "export holds to this journal; what it already has is skipped, and a backup is "
            "taken first.",
            box,
        )
        explain.setWordWrap(True)
        self.export_button = QPushButton("&Export everything…", box)
        self.export_button.clicked.connect(
            lambda: transfer_dialogs.export_everything(self, self.journal)
        )
        self.import_button = QPushButton("&Import…", box)
        self.import_button.clicked.connect(
            lambda: transfer_dialogs.choose_and_import(self, self.journal)
        )
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(explain)
        layout.addLayout(row)
        return box

    # -- behaviour -----------------------------------------------------------------------
    def _refresh_privacy(self) -> None:
        protected = self.journal.is_protected
        self.privacy_text.setText(PROTECTED_TEXT if protected else UNPROTECTED_TEXT)
        self.privacy_text.setObjectName("" if protected else "warningLabel")
        self.privacy_text.style().unpolish(self.privacy_text)
        self.privacy_text.style().polish(self.privacy_text)
        self.change_button.setVisible(protected)
        self.recovery_button.setVisible(protected)
        self.new_key_button.setVisible(protected)
        self.add_button.setVisible(not protected)

    def change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self.journal, self)
        if dialog.exec() == ChangePassphraseDialog.DialogCode.Accepted:
            QMessageBox.information(self, "Passphrase changed", "Your new passphrase is set.")

    def add_passphrase(self) -> None:
        removed: list[int] = []

        def finish(wizard: KeyWizard) -> None:
            assert wizard.passphrase is not None
            removed.append(self.journal.add_passphrase(wizard.passphrase, wizard.recovery_key))

        self.key_note.hide()  # it was about an earlier try; the wizard asks again if stopped
        if add_passphrase_wizard(finish, self.journal.files.app_folders(), self).exec():
            self._refresh_privacy()
            QMessageBox.information(
                self,
                "Journal protected",
                "Your journal and its backups are now protected by your passphrase."
                + removed_note(removed[0]),
            )

    def new_encryption_key(self) -> None:
        removed: list[int] = []

        def finish(wizard: KeyWizard) -> None:
            assert wizard.passphrase is not None and wizard.current_passphrase is not None
            removed.append(
                self.journal.new_encryption_key(
                    wizard.current_passphrase, wizard.passphrase, wizard.recovery_key
                )
            )

        self.key_note.hide()  # it was about an earlier try; the wizard asks again if stopped
        folders = self.journal.files.app_folders()
        wizard = new_encryption_key_wizard(self.journal.check_passphrase, finish, folders, self)
        if wizard.exec():
            QMessageBox.information(
                self,
                "New encryption key",
                "Your journal and its backups now use a new encryption key, your new "
                "passphrase and your new recovery key. The old passphrase and recovery key "
                "no longer open them." + removed_note(removed[0]),
            )

    def new_recovery_key(self) -> None:
        def finish(wizard: KeyWizard) -> None:
            self.journal.replace_recovery_key(wizard.recovery_key)

        self.key_note.hide()  # it was about an earlier try; the wizard asks again if stopped
        folders = self.journal.files.app_folders()
        if new_recovery_key_wizard(self.journal.check_passphrase, finish, folders, self).exec():
            QMessageBox.information(
                self,
                "New recovery key",
                "Your new recovery key is set. The old one no longer works.",
            )

    def choose_backup(self) -> None:
        """The list of backups; a restore the user confirms there goes to
        ``restore_wanted`` (the window closes the journal, restores and reopens it)."""
        dialog = restore_dialog(self.journal, self)
        if dialog.exec() and dialog.chosen is not None:
            self.restore_wanted.emit(dialog.chosen)

    def resume_draft(self, draft: Draft) -> None:
        """A key wizard was closed by the lock after showing a key: say what that means."""
        question = {
            DraftKind.NEW_RECOVERY_KEY: key_stop.NEW_KEY,
            DraftKind.NEW_ENCRYPTION_KEY: key_stop.NEW_ENCRYPTION_KEY,
        }.get(draft.kind, key_stop.ADD_PASSPHRASE)
        self.key_note.setText(question.locked)
        self.key_note.show()

    def flush(self) -> bool:
        return True
