"""Add or edit a crisis line (name, number, a line about when to use it)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.contacts import ContactError, CrisisLine
from recovery_desktop.domain.drafts import Draft, DraftKind, DraftValue
from recovery_desktop.ui.dialogs.contact_dialog import line_edit, notes_edit
from recovery_desktop.ui.dialogs.drafts import KeepsDraft
from recovery_desktop.ui.widgets.help_lines import SHOWN_WHEN_LOCKED
from recovery_desktop.ui.widgets.layout import ok_cancel
from recovery_desktop.ui.widgets.passphrase import ErrorLabel

if TYPE_CHECKING:
    from recovery_desktop.data.contacts import ContactRepository


class CrisisLineDialog(QDialog, KeepsDraft):
    """Edits ``line`` (or a new one); on OK it is saved and kept in ``self.line``."""

    draft_kind = DraftKind.CRISIS_LINE

    def __init__(
        self,
        contacts: ContactRepository,
        line: CrisisLine | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.contacts = contacts
        self.line = line
        self.setWindowTitle("Edit crisis line" if line else "Add a crisis line")
        self.setMinimumWidth(440)
        self.name_edit = line_edit("Name of the line", "For example: a local helpline", self)
        self.number_edit = line_edit("Number", "The number to call or text", self)
        self.details_edit = notes_edit("Details", "Optional: when to use it, opening hours…", self)
        self.error = ErrorLabel(self)
        visible = QLabel(SHOWN_WHEN_LOCKED, self)
        visible.setObjectName("hintLabel")
        visible.setWordWrap(True)
        self.error.clear_when_edited(self.name_edit, self.number_edit, self.details_edit)
        form = QFormLayout()
        form.addRow("&Name:", self.name_edit)
        form.addRow("N&umber:", self.number_edit)
        form.addRow("&Details:", self.details_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(visible)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, "&Save"))
        if line is not None:
            self.name_edit.setText(line.name)
            self.number_edit.setText(line.number)
            self.details_edit.setPlainText(line.details)
        self.name_edit.setFocus()
        self.remember_untouched()

    def draft_values(self) -> dict[str, DraftValue]:
        return {
            "id": self.line.id if self.line else None,
            "name": self.name_edit.text(),
            "number": self.number_edit.text(),
            "details": self.details_edit.toPlainText(),
        }

    def restore_draft(self, draft: Draft) -> None:
        self.name_edit.setText(draft.text("name"))
        self.number_edit.setText(draft.text("number"))
        self.details_edit.setPlainText(draft.text("details"))

    def edited(self) -> CrisisLine:
        base = self.line or CrisisLine(None, "", "")
        return replace(
            base,
            name=self.name_edit.text().strip(),
            number=self.number_edit.text().strip(),
            details=self.details_edit.toPlainText().strip(),
        )

    def accept(self) -> None:
        line = self.edited()
        try:
            line.validate()
            self.line = self.contacts.save_crisis_line(line)
        except ContactError as error:
            self.error.show_message(str(error))
            (self.number_edit if line.name else self.name_edit).setFocus()
            return
        except JournalError as error:
            self.error.show_message(f"Not saved: {error}")
            return
        super().accept()
