"""Add or edit a person in the support network."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.contacts import MAX_FIELD_CHARACTERS, Contact, ContactError, Role
from recovery_desktop.domain.drafts import Draft, DraftKind, DraftValue
from recovery_desktop.ui.dialogs.drafts import KeepsDraft
from recovery_desktop.ui.widgets.layout import ok_cancel
from recovery_desktop.ui.widgets.passphrase import ErrorLabel

if TYPE_CHECKING:
    from recovery_desktop.data.contacts import ContactRepository


def line_edit(accessible_name: str, placeholder: str, parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAccessibleName(accessible_name)
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(MAX_FIELD_CHARACTERS)
    return edit


def notes_edit(accessible_name: str, placeholder: str, parent: QWidget) -> QPlainTextEdit:
    """A few lines of plain text where Tab moves on instead of typing a tab."""
    edit = QPlainTextEdit(parent)
    edit.setAccessibleName(accessible_name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(70)
    edit.setMaximumHeight(110)
    return edit


class ContactDialog(QDialog, KeepsDraft):
    """Edits ``contact`` (or a new one); on OK it is saved and kept in ``self.contact``."""

    draft_kind = DraftKind.CONTACT

    def __init__(
        self,
        contacts: ContactRepository,
        contact: Contact | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.contacts = contacts
        self.contact = contact
        self.setWindowTitle("Edit person" if contact else "Add a person")
        self.setMinimumWidth(460)
        self._build()
        self._load(contact or Contact(None, ""))
        self.remember_untouched()

    def _build(self) -> None:
        self.name_edit = line_edit("Name", "A first name or a nickname is fine", self)
        self.role_combo = QComboBox(self)
        self.role_combo.setAccessibleName("Role")
        for role in Role:
            self.role_combo.addItem(role.label, role.value)
        self.phone_edit = line_edit("Phone", "Optional", self)
        self.email_edit = line_edit("Email", "Optional", self)
        self.notes_edit = notes_edit(
            "Notes", "Optional: best times to call, what helps when you talk…", self
        )
        self.error = ErrorLabel(self)
        intro = QLabel("Someone you could call, text or meet when things get hard.", self)
        intro.setWordWrap(True)
        intro.setObjectName("hintLabel")
        form = QFormLayout()
        form.addRow("&Name:", self.name_edit)
        form.addRow("&Role:", self.role_combo)
        form.addRow("&Phone:", self.phone_edit)
        form.addRow("&Email:", self.email_edit)
        form.addRow("N&otes:", self.notes_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, "&Save"))
        for edit in (self.name_edit, self.email_edit):
            edit.textChanged.connect(lambda _text: self.error.show_message(""))

    def _load(self, contact: Contact) -> None:
        self.name_edit.setText(contact.name)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(contact.role.value)))
        self.phone_edit.setText(contact.phone)
        self.email_edit.setText(contact.email)
        self.notes_edit.setPlainText(contact.notes)
        self.name_edit.setFocus()

    def edited(self) -> Contact:
        """The contact as the fields describe it (not yet validated or saved)."""
        base = self.contact or Contact(None, "")
        return replace(
            base,
            name=self.name_edit.text().strip(),
            role=Role(self.role_combo.currentData()),
            phone=self.phone_edit.text().strip(),
            email=self.email_edit.text().strip(),
            notes=self.notes_edit.toPlainText().strip(),
        )

    def draft_values(self) -> dict[str, DraftValue]:
        return {
            "id": self.contact.id if self.contact else None,
            "name": self.name_edit.text(),
            "role": self.role_combo.currentData(),
            "phone": self.phone_edit.text(),
            "email": self.email_edit.text(),
            "notes": self.notes_edit.toPlainText(),
        }

    def restore_draft(self, draft: Draft) -> None:
        base = self.contact or Contact(None, "")
        role = next((r for r in Role if r.value == draft.text("role")), base.role)
        self._load(
            replace(
                base,
                name=draft.text("name"),
                role=role,
                phone=draft.text("phone"),
                email=draft.text("email"),
                notes=draft.text("notes"),
            )
        )

    def accept(self) -> None:
        contact = self.edited()
        try:
            contact.validate()
            self.contact = self.contacts.save(contact)
        except ContactError as error:
            self.error.show_message(str(error))
            self._focus_problem(contact)
            return
        except JournalError as error:
            self.error.show_message(f"Not saved: {error}")
            return
        super().accept()

    def _focus_problem(self, contact: Contact) -> None:
        if not contact.name:
            self.name_edit.setFocus()
        elif contact.email and "@" not in contact.email:
            self.email_edit.setFocus()
