"""Asks for the passphrase (or the recovery key) that opens a backup's copy of the keys."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from recovery_desktop.data.backup_view import BackupOpener
from recovery_desktop.data.errors import JournalError
from recovery_desktop.ui.busy import busy
from recovery_desktop.ui.widgets.layout import ok_cancel
from recovery_desktop.ui.widgets.passphrase import ErrorLabel, password_edit, show_toggle

EXPLAIN = (
    "Backups are encrypted like your journal. Type your passphrase to open them — or, if "
    "you have forgotten it, your recovery key."
)


class BackupSecretDialog(QDialog):
    """``check(opener)`` raises :class:`JournalError` unless the typed secret opens what it
    should; on success ``opener`` holds the opener and the dialog is accepted. The typed
    text is cleared either way."""

    def __init__(
        self, check: Callable[[BackupOpener], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open the backups")
        self.check = check
        self.opener: BackupOpener | None = None
        self.secret = password_edit("Passphrase or recovery key", self)
        self.secret.setAccessibleName("Passphrase or recovery key")
        reveal = show_toggle([self.secret], "Show what I type", self)
        self.error = ErrorLabel(self)
        self.error.clear_when_edited(self.secret)
        text = QLabel(EXPLAIN, self)
        text.setWordWrap(True)
        buttons = ok_cancel(self, "&Open")
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.secret)
        layout.addWidget(reveal)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(460, max(320, self.sizeHint().width())))
        self.secret.setFocus()

    def accept(self) -> None:
        typed = self.secret.text()
        if not typed:
            self.error.show_message("Please type your passphrase or recovery key.")
            return
        opener = BackupOpener(secret=typed)
        try:
            with busy():
                self.check(opener)
        except JournalError as error:
            opener.forget()
            self.error.show_message(str(error))
            self.secret.selectAll()
            return
        finally:
            self.secret.clear()
        self.opener = opener
        super().accept()
