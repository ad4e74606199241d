"""Settings: "New encryption key", for when someone may know the passphrase.

The current passphrase, then a new one (a different one), then a new recovery key shown
and typed back in part; Finish moves the journal and every backup in its backups folder to
a new data key (``Journal.new_encryption_key``). The pages are the key wizards' own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget, QWizard

from recovery_desktop.data.output_places import AppFolders
from recovery_desktop.domain.drafts import DraftKind
from recovery_desktop.domain.passphrase import normalise
from recovery_desktop.ui.dialogs import key_stop
from recovery_desktop.ui.dialogs.key_wizards import (
    ConfirmKeyPage,
    CurrentPassphrasePage,
    KeyWizard,
    PassphrasePage,
    RecoveryKeyPage,
)

EXPLAIN = (
    "Use this if someone may know your passphrase or may have seen your recovery key. "
    "Your journal and the backups in its backups folder are re-encrypted with a new key, "
    "and you choose a new passphrase and get a new recovery key. After that, the old "
    "passphrase and the old recovery key open nothing the app keeps.\n\n"
    "Copies of the journal's folder made elsewhere before now (on a USB stick, say) keep "
    "the old key: they still open with the old passphrase, but only show what was written "
    "up to when they were copied."
)
SAME_PASSPHRASE = (
    "Choose a passphrase you have not used for this journal: someone may know the old one."
)


class NewPassphrasePage(PassphrasePage):
    """The new passphrase, which must differ from the current one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(allow_none=False, parent=parent)
        self.setTitle("Choose a new passphrase")
        self.setSubTitle("It replaces your current passphrase once the new key is set.")

    def validatePage(self) -> bool:
        wizard = self.wizard()
        current = wizard.current_passphrase if isinstance(wizard, KeyWizard) else None
        if current is not None and normalise(self.form.passphrase()) == normalise(current):
            self.form.error.show_message(SAME_PASSPHRASE)
            self.form.first.setFocus()
            return False
        return super().validatePage()


def new_encryption_key_wizard(
    check: Callable[[str], None],
    finish: Callable[[KeyWizard], None],
    app_folders: AppFolders,
    parent: QWidget | None = None,
) -> KeyWizard:
    """Current passphrase (``check`` raises when wrong), new passphrase, new recovery key,
    confirmation; ``finish(wizard)`` does the work when Finish is clicked."""
    wizard = KeyWizard(
        "New encryption key",
        finish,
        parent,
        key_stop.NEW_ENCRYPTION_KEY,
        DraftKind.NEW_ENCRYPTION_KEY,
    )
    first = CurrentPassphrasePage(
        check,
        title="New encryption key",
        subtitle="A fresh start for your journal's keys.",
        explain=EXPLAIN,
    )
    for page in (first, NewPassphrasePage(), RecoveryKeyPage(app_folders), ConfirmKeyPage()):
        wizard.addPage(page)
    wizard.setButtonText(QWizard.WizardButton.FinishButton, "&Re-encrypt my journal")
    return wizard
