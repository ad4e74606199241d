"""Wizards that set up keys: first run, adding a passphrase, and a new recovery key.

They share pages: choose a passphrase, see the recovery key, type part of it back.
Nothing is written until the last page is accepted. Once a recovery key has been shown,
closing the wizard asks first (``key_stop.py``); a lock closes it without asking and leaves
a note for after the unlock (a draft with the fact only, never the key).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.output_places import AppFolders
from recovery_desktop.domain.contacts import CrisisLine, default_crisis_lines
from recovery_desktop.domain.drafts import Draft, DraftKind
from recovery_desktop.domain.recovery_key import new_key
from recovery_desktop.paths import resource_path
from recovery_desktop.ui.busy import busy
from recovery_desktop.ui.dialogs import key_stop
from recovery_desktop.ui.dialogs.drafts import KeepsDraft
from recovery_desktop.ui.dialogs.first_steps_page import FirstStepsPage
from recovery_desktop.ui.dialogs.help_now_dialog import HelpOpener, locked_content
from recovery_desktop.ui.widgets.passphrase import ErrorLabel, NewPassphraseForm, password_edit
from recovery_desktop.ui.widgets.recovery_key import RecoveryKeyConfirm, RecoveryKeyView
from recovery_desktop.ui.window_size import fit_to_screen

NO_PASSPHRASE_WARNING = (
    "Without a passphrase the journal is still stored in a scrambled file, but anyone who can "
    "use this computer account can open it and read everything. You can add a passphrase "
    "later in Settings."
)


class KeyWizard(QWizard, KeepsDraft):
    """Holds the choices; ``finish(self)`` does the writing when the user clicks Finish.

    ``stop`` is asked when it is closed after showing the key; ``draft_kind`` is what a
    lock leaves behind in that case."""

    def __init__(
        self,
        title: str,
        finish: Callable[[KeyWizard], None],
        parent: QWidget | None = None,
        stop: key_stop.StopQuestion = key_stop.SETUP,
        draft_kind: DraftKind | None = None,
    ) -> None:
        super().__init__(parent)
        self.stop = stop
        self.draft_kind = draft_kind
        self.key_shown = False
        self.setWindowTitle(title)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        fit_to_screen(self, 680, 560)
        icon = resource_path("icon.png")
        if icon.exists():
            self.setPixmap(
                QWizard.WizardPixmap.LogoPixmap,
                QPixmap(str(icon)).scaledToHeight(48, Qt.TransformationMode.SmoothTransformation),
            )
        self.passphrase: str | None = None
        self.current_passphrase: str | None = None  # checked on a CurrentPassphrasePage
        self.recovery_key = new_key()  # the data layer (and its cryptography) loads later
        self.first_steps: FirstStepsPage | None = None
        self.first_steps_id = -1
        self.help: HelpOpener | None = None
        self._finish = finish

    def accept(self) -> None:
        if not self.validateCurrentPage():
            return
        try:
            with busy():
                self._finish(self)
        except JournalError as error:
            QMessageBox.warning(self, "Not saved", str(error))
            return
        super().accept()

    def reject(self) -> None:
        """Cancel, Esc or the close button: once the key was shown, ask first."""
        if self.key_shown and not key_stop.wants_to_stop(self, self.stop):
            return
        super().reject()

    def unfinished(self) -> Draft | None:
        """Closed by a lock after showing the key: only that fact is kept."""
        if self.key_shown and self.draft_kind is not None:
            return Draft(self.draft_kind)
        return None


class WelcomePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Welcome to Recovery Desktop")
        self.setSubTitle("A private place to keep track of your recovery, one day at a time.")
        text = QLabel(
            "<p>This is a private journal for your recovery. Each day you can note how you "
            "are doing in under a minute: mood, cravings, sleep, meetings and anything you "
            "want to remember.</p>"
            "<p>Everything stays on this computer, in an encrypted file. Nothing is ever "
            "sent anywhere.</p>"
            "<p>First, let's decide how to keep your journal private.</p>",
            self,
        )
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch(1)


class PassphrasePage(QWizardPage):
    """Choose a passphrase, or (when ``allow_none``) continue without one."""

    def __init__(self, allow_none: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Protect your journal")
        self.setSubTitle("With a passphrase, nobody else can read your journal.")
        self.form = NewPassphraseForm(self)
        layout = QVBoxLayout(self)
        self.protect = QRadioButton("P&rotect it with a passphrase (recommended)", self)
        self.unprotected = QRadioButton("Continue &without a passphrase", self)
        self.protect.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.protect)
        group.addButton(self.unprotected)
        warning = QLabel(NO_PASSPHRASE_WARNING, self)
        warning.setWordWrap(True)
        warning.setObjectName("warningLabel")
        if allow_none:
            layout.addWidget(self.protect)
        layout.addWidget(self.form)
        if allow_none:
            layout.addSpacing(12)
            layout.addWidget(self.unprotected)
            layout.addWidget(warning)
        else:
            self.protect.hide()
            self.unprotected.hide()
            warning.hide()
        layout.addStretch(1)
        self.protect.toggled.connect(self._choice_changed)

    def _choice_changed(self, protect: bool) -> None:
        self.form.setEnabled(protect)
        wizard = self.wizard()
        last = not (isinstance(wizard, KeyWizard) and wizard.first_steps_id >= 0)
        self.setFinalPage(not protect and last)
        self.completeChanged.emit()

    def wants_passphrase(self) -> bool:
        return self.protect.isChecked()

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, KeyWizard)
        if not self.wants_passphrase():
            wizard.passphrase = None
            return True
        if not self.form.show_problem():
            return False
        wizard.passphrase = self.form.passphrase()
        return True

    def nextId(self) -> int:
        if self.wants_passphrase():
            return super().nextId()
        wizard = self.wizard()
        return wizard.first_steps_id if isinstance(wizard, KeyWizard) else -1


class CurrentPassphrasePage(QWizardPage):
    """Asks for the current passphrase before anything about the keys changes; ``explain``
    is a paragraph above the field."""

    def __init__(
        self,
        check: Callable[[str], None],
        parent: QWidget | None = None,
        title: str = "Make a new recovery key",
        subtitle: str = "Your old recovery key will stop working once the new one is confirmed.",
        explain: str = "",
    ) -> None:
        super().__init__(parent)
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self._check = check
        self.edit = password_edit("Your current passphrase", self)
        self.edit.setAccessibleName("Current passphrase")
        self.error = ErrorLabel(self)
        self.error.clear_when_edited(self.edit)
        layout = QVBoxLayout(self)
        if explain:
            text = QLabel(explain, self)
            text.setWordWrap(True)
            layout.addWidget(text)
            layout.addSpacing(8)
        label = QLabel("&Current passphrase:", self)
        label.setBuddy(self.edit)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        try:
            with busy():
                self._check(self.edit.text())
        except JournalError as error:
            self.error.show_message(str(error))
            self.edit.clear()
            self.edit.setFocus()
            return False
        wizard = self.wizard()
        if isinstance(wizard, KeyWizard):
            wizard.current_passphrase = self.edit.text()
        return True


class RecoveryKeyPage(QWizardPage):
    def __init__(self, app_folders: AppFolders, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Your recovery key")
        self.setSubTitle("Your way back in if you ever forget your passphrase.")
        self.view = RecoveryKeyView(app_folders, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, KeyWizard)
        self.view.set_key(wizard.recovery_key)
        wizard.key_shown = True


class ConfirmKeyPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Check your copy")
        self.setSubTitle("One last step before your journal is ready.")
        self.confirm = RecoveryKeyConfirm(self)
        self.confirm.changed.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.confirm)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, KeyWizard)
        self.confirm.set_key(wizard.recovery_key)

    def isComplete(self) -> bool:
        return self.confirm.is_confirmed()


def add_help(wizard: QWizard, crisis_lines: Callable[[], Sequence[CrisisLine]]) -> HelpOpener:
    """A "Get help now" button on every page of ``wizard``, and Ctrl+H."""
    opener = HelpOpener(lambda: locked_content(crisis_lines()), wizard, wizard)
    wizard.setButton(QWizard.WizardButton.CustomButton1, opener.button(wizard))
    wizard.setOption(QWizard.WizardOption.HaveCustomButton1, True)
    wizard.setButtonLayout(
        [
            QWizard.WizardButton.CustomButton1,
            QWizard.WizardButton.Stretch,
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ]
    )
    opener.action(wizard, Qt.ShortcutContext.WindowShortcut)
    return opener


def setup_wizard(
    finish: Callable[[KeyWizard], None],
    app_folders: AppFolders,
    parent: QWidget | None = None,
    crisis_lines: Callable[[], Sequence[CrisisLine]] = default_crisis_lines,
) -> KeyWizard:
    """First run: welcome, passphrase or not, recovery key, confirmation, first steps.
    "Get help now" shows ``crisis_lines()`` (there is no journal to read yet); the key's
    file is never saved in ``app_folders`` (the new journal's folder among them)."""
    wizard = KeyWizard("Set up Recovery Desktop", finish, parent)
    wizard.help = add_help(wizard, crisis_lines)
    for page in (
        WelcomePage(),
        PassphrasePage(allow_none=True),
        RecoveryKeyPage(app_folders),
        ConfirmKeyPage(),
    ):
        wizard.addPage(page)
    wizard.first_steps = FirstStepsPage()
    wizard.first_steps_id = wizard.addPage(wizard.first_steps)
    wizard.setButtonText(QWizard.WizardButton.FinishButton, "&Start my journal")
    return wizard


def add_passphrase_wizard(
    finish: Callable[[KeyWizard], None], app_folders: AppFolders, parent: QWidget | None = None
) -> KeyWizard:
    """Settings: protect a journal that has no passphrase yet."""
    wizard = KeyWizard(
        "Add a passphrase", finish, parent, key_stop.ADD_PASSPHRASE, DraftKind.ADD_PASSPHRASE
    )
    for page in (PassphrasePage(allow_none=False), RecoveryKeyPage(app_folders), ConfirmKeyPage()):
        wizard.addPage(page)
    wizard.setButtonText(QWizard.WizardButton.FinishButton, "&Protect my journal")
    return wizard


def new_recovery_key_wizard(
    check: Callable[[str], None],
    finish: Callable[[KeyWizard], None],
    app_folders: AppFolders,
    parent: QWidget | None = None,
) -> KeyWizard:
    """Settings: replace the recovery key (the current passphrase is asked first)."""
    wizard = KeyWizard(
        "New recovery key", finish, parent, key_stop.NEW_KEY, DraftKind.NEW_RECOVERY_KEY
    )
    for page in (CurrentPassphrasePage(check), RecoveryKeyPage(app_folders), ConfirmKeyPage()):
        wizard.addPage(page)
    wizard.setButtonText(QWizard.WizardButton.FinishButton, "&Use the new key")
    return wizard
