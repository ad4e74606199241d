"""The small dialog that asks for a link's text and address (the Markdown editor's
Ctrl+Shift+K)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from recovery_desktop.ui.widgets.layout import ok_cancel


class LinkDialog(QDialog):
    """The text of a link and its address (Ctrl+Shift+K)."""

    def __init__(self, text: str, address: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Link")
        self.text_field = QLineEdit(text, self)
        self.text_field.setAccessibleName("Text of the link")
        self.address_field = QLineEdit(address, self)
        self.address_field.setAccessibleName("Address")
        self.address_field.setPlaceholderText("https://…")
        form = QFormLayout()
        form.addRow("&Text:", self.text_field)
        form.addRow("&Address:", self.address_field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, "Add link"))
        (self.address_field if text else self.text_field).setFocus()
        self.setMinimumWidth(420)

    def link(self) -> tuple[str, str]:
        """(text, address) as typed, stripped."""
        return self.text_field.text().strip(), self.address_field.text().strip()
