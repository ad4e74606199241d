"""Change the passphrase: the current one is required; only keys.json and the key copies
beside the backups are rewritten."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError, WrongPassphrase
from recovery_desktop.data.journal import Journal
from recovery_desktop.ui.busy import busy
from recovery_desktop.ui.widgets.layout import ok_cancel
from recovery_desktop.ui.widgets.passphrase import ErrorLabel, NewPassphraseForm, password_edit


class ChangePassphraseDialog(QDialog):
    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle("Change passphrase")
        self.setMinimumWidth(520)
        self.current = password_edit("Your current passphrase", self)
        self.current.setAccessibleName("Current passphrase")
        self.error = ErrorLabel(self)
        # One form, so "Current passphrase" lines up with the new passphrase fields.
        self.form = NewPassphraseForm(
            self, leading=[("C&urrent passphrase:", self.current), (None, self.error)]
        )
        self.error.clear_when_edited(self.current)
        buttons = ok_cancel(self, "&Change passphrase")
        intro = QLabel(
            "Your journal and your recovery key stay the same; only the passphrase changes.", self
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.error.show_message("")
        if not self.current.text():
            self.error.show_message("Please type your current passphrase.")
            self.current.setFocus()
            return
        if not self.form.show_problem():
            return
        try:
            with busy():
                self.journal.change_passphrase(self.current.text(), self.form.passphrase())
        except WrongPassphrase:
            self.error.show_message("That isn't your current passphrase. Nothing was changed.")
            self.current.clear()
            self.current.setFocus()
            return
        except JournalError as error:
            self.error.show_message(str(error))
            return
        super().accept()
