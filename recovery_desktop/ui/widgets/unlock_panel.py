"""The locked state: unlock with the passphrase, or set a new one with the recovery key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.ui.busy import busy
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.widgets.keys import submit_on_enter
from recovery_desktop.ui.widgets.passphrase import (
    ErrorLabel,
    NewPassphraseForm,
    password_edit,
    show_toggle,
)
from recovery_desktop.ui.widgets.reading_order import in_reading_order, move_focus, tab_stops


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("heading")
    label.setWordWrap(True)
    return label


def _text(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def _button_row(left: QWidget | None, right: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    if left is not None:
        row.addWidget(left)
    row.addStretch(1)
    row.addWidget(right)
    return row


def _centred(widget: QWidget, stretch: int = 0) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget, stretch)
    row.addStretch(1)
    return row


class UnlockPanel(QWidget):
    """Shown at start-up and whenever the journal is locked."""

    PASSPHRASE, RECOVERY, UNPROTECTED = range(3)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.stack = QStackedWidget(self)
        self._views = [self._passphrase_view(), self._recovery_view(), self._unprotected_view()]
        for view in self._views:
            self.stack.addWidget(view)
        card = QFrame(self)
        card.setObjectName("card")
        card.setMaximumWidth(520)
        card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(28, 24, 28, 24)
        card_layout.addWidget(self.stack)
        self._outer = QVBoxLayout(self)
        self._outer.addStretch(1)
        self._outer.addLayout(_centred(card, 3))
        self._outer.addStretch(2)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab follows the screen: the field, Show passphrase, the link, the main button,
        then Get help now (Qt's own order is the order they were made in)."""
        chain = in_reading_order(tab_stops(self), self)
        return move_focus(chain, forward) or super().focusNextPrevChild(forward)

    def add_help(self, button: QWidget) -> None:
        """Show ``button`` ("Get help now") under the card, whichever view is on show."""
        self._outer.insertSpacing(2, 12)
        self._outer.insertLayout(3, _centred(button))

    # -- views ---------------------------------------------------------------------------
    def _passphrase_view(self) -> QWidget:
        view = QWidget(self)
        self.passphrase = password_edit("Passphrase", view)
        self.passphrase.setAccessibleName("Passphrase")
        self.passphrase.returnPressed.connect(self.unlock)
        self.error = ErrorLabel(view)
        self.unlock_button = unlock = QPushButton("&Unlock", view)
        unlock.setDefault(True)
        unlock.clicked.connect(self.unlock)
        self.forgot_button = forgot = QPushButton(
            "I forgot my passphrase: use my &recovery key", view
        )
        forgot.setFlat(True)
        forgot.setObjectName("linkButton")
        forgot.clicked.connect(lambda: self._show(self.RECOVERY))
        self.reveal = reveal = show_toggle([self.passphrase], "Show passphrase", view)
        submit_on_enter(self.unlock, reveal)
        self.error.clear_when_edited(self.passphrase)
        layout = QVBoxLayout(view)
        layout.addWidget(_heading("Your journal is locked", view))
        layout.addWidget(_text("Type your passphrase to open it.", view))
        layout.addWidget(self.passphrase)
        layout.addWidget(reveal)
        layout.addWidget(self.error)
        layout.addLayout(_button_row(forgot, unlock))
        return view

    def _recovery_view(self) -> QWidget:
        view = QWidget(self)
        self.recovery_key = QLineEdit(view)
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.recovery_key.setAccessibleName("Recovery key")
        self.new_passphrase = NewPassphraseForm(view)
        self.recovery_error = ErrorLabel(view)
        back = QPushButton("&Back", view)
        back.clicked.connect(lambda: self._show(self.PASSPHRASE))
        self.reset_button = reset = QPushButton("Set passphrase and &unlock", view)
        reset.setDefault(True)
        reset.clicked.connect(self.unlock_with_recovery_key)
        form = self.new_passphrase
        submit_on_enter(
            self.unlock_with_recovery_key, self.recovery_key, form.first, form.second, form.reveal
        )
        self.recovery_error.clear_when_edited(self.recovery_key)
        layout = QVBoxLayout(view)
        layout.addWidget(_heading("Use your recovery key", view))
        layout.addWidget(
            _text(
                "Type the recovery key you saved when you set up the journal, then choose "
                "a new passphrase. Your journal stays exactly as it is.",
                view,
            )
        )
        label = QLabel("Recovery &key:", view)
        label.setBuddy(self.recovery_key)
        layout.addWidget(label)
        layout.addWidget(self.recovery_key)
        layout.addWidget(self.new_passphrase)
        layout.addWidget(self.recovery_error)
        layout.addLayout(_button_row(back, reset))
        return view

    def _unprotected_view(self) -> QWidget:
        view = QWidget(self)
        self.open_button = QPushButton("&Open journal", view)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_unprotected)
        self.open_error = ErrorLabel(view)
        layout = QVBoxLayout(view)
        layout.addWidget(_heading("Your journal is closed", view))
        layout.addWidget(
            _text(
                "This journal has no passphrase, so anyone using this computer account can "
                "open it. You can add a passphrase in Settings.",
                view,
            )
        )
        layout.addWidget(self.open_error)
        layout.addLayout(_button_row(None, self.open_button))
        return view

    # -- behaviour -----------------------------------------------------------------------
    def reset(self) -> None:
        """Clear every field, hide passphrases again and show the right view for this
        journal."""
        self._clear_fields()
        for label in (self.error, self.recovery_error, self.open_error):
            label.show_message("")
        try:
            protected = self.session.is_protected()
        except JournalError as error:
            self.error.show_message(str(error))
            protected = True
        self._show(self.PASSPHRASE if protected else self.UNPROTECTED)

    def _clear_fields(self) -> None:
        for edit in (self.passphrase, self.recovery_key):
            edit.clear()
        self.reveal.setChecked(False)
        self.new_passphrase.clear()

    def _show(self, index: int) -> None:
        # Size the card to the view on show, not to the tallest of the three.
        for position, view in enumerate(self._views):
            policy = (
                QSizePolicy.Policy.Preferred if position == index else QSizePolicy.Policy.Ignored
            )
            view.setSizePolicy(policy, policy)
        self.stack.setCurrentIndex(index)
        focus = {
            self.PASSPHRASE: self.passphrase,
            self.RECOVERY: self.recovery_key,
            self.UNPROTECTED: self.open_button,
        }[index]
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def unlock(self) -> None:
        text = self.passphrase.text()
        if not text:
            self.error.show_message("Please type your passphrase.")
            self.passphrase.setFocus()
            return
        try:
            with busy():
                self.session.unlock(text)
        except JournalError as error:
            self.error.show_message(str(error))
        self.passphrase.clear()
        self.passphrase.setFocus()

    def unlock_with_recovery_key(self) -> None:
        if not self.recovery_key.text().strip():
            self.recovery_error.show_message("Please type your recovery key.")
            self.recovery_key.setFocus()
            return
        if not self.new_passphrase.show_problem():
            return
        try:
            with busy():
                self.session.unlock_with_recovery_key(
                    self.recovery_key.text(), self.new_passphrase.passphrase()
                )
        except JournalError as error:
            self.recovery_error.show_message(str(error))
            self.recovery_key.setFocus()
            return
        self._clear_fields()  # the key and the new passphrase do not wait in hidden fields

    def open_unprotected(self) -> None:
        try:
            self.session.unlock_unprotected()
        except JournalError as error:
            self.open_error.show_message(str(error))
