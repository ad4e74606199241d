"""Add or edit one trigger or coping step: a name, a category and, for coping, the craving panel."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.library import LibraryRepository
from recovery_desktop.domain.drafts import Draft, DraftKind, DraftValue
from recovery_desktop.domain.library import (
    CATEGORIES,
    MAX_NAME_CHARACTERS,
    DuplicateName,
    Kind,
    LibraryError,
    LibraryItem,
)
from recovery_desktop.ui.dialogs.drafts import KeepsDraft
from recovery_desktop.ui.widgets.layout import ok_cancel
from recovery_desktop.ui.widgets.passphrase import ErrorLabel

TITLES = {
    (Kind.TRIGGER, False): "Add a trigger",
    (Kind.TRIGGER, True): "Edit trigger",
    (Kind.COPING, False): "Add something that helps",
    (Kind.COPING, True): "Edit coping step",
}
PLACEHOLDERS = {
    Kind.TRIGGER: "For example: Sunday evenings on my own",
    Kind.COPING: "For example: Walk the dog round the block",
}
RENAME_NOTE = "Past cravings keep the name it had when you recorded them."
PANEL_HINT = "Steps shown there are one click away when a craving hits."


class LibraryItemDialog(QDialog, KeepsDraft):
    """Saves through ``library`` when accepted; ``saved`` is then the stored item."""

    draft_kind = DraftKind.LIBRARY_ITEM

    def __init__(
        self,
        library: LibraryRepository,
        kind: Kind,
        item: LibraryItem | None = None,
        category: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.kind = kind
        self.item = item
        self.saved: LibraryItem | None = None
        self.setWindowTitle(TITLES[(kind, item is not None)])
        self.setMinimumWidth(460)
        self._build_fields(category)
        self._build_layout()
        self.remember_untouched()

    # -- layout --------------------------------------------------------------------------
    def _build_fields(self, category: str | None) -> None:
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(MAX_NAME_CHARACTERS)
        self.name_edit.setPlaceholderText(PLACEHOLDERS[self.kind])
        self.name_edit.setAccessibleName("Name")
        self.category_box = QComboBox(self)
        self.category_box.addItems(list(CATEGORIES[self.kind]))
        self.category_box.setAccessibleName("Category")
        self.favourite_box = QCheckBox("Show in the &craving panel", self)
        self.favourite_box.setVisible(self.kind is Kind.COPING)
        self.error = ErrorLabel(self)
        if self.item is not None:
            self.name_edit.setText(self.item.name)
            category = self.item.category
            self.favourite_box.setChecked(self.item.favourite)
        if category in CATEGORIES[self.kind]:
            self.category_box.setCurrentText(category)
        self.name_edit.textChanged.connect(lambda _text: self.error.show_message(""))

    def _build_layout(self) -> None:
        buttons = ok_cancel(self, "&Save")
        form = QFormLayout()
        form.addRow("&Name:", self.name_edit)
        form.addRow("C&ategory:", self.category_box)
        if self.kind is Kind.COPING:
            form.addRow("", self.favourite_box)
            form.addRow("", _hint(PANEL_HINT, self))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if self.item is not None:
            layout.addWidget(_hint(RENAME_NOTE, self))
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.name_edit.setFocus()

    # -- behaviour -----------------------------------------------------------------------
    def draft_values(self) -> dict[str, DraftValue]:
        return {
            "list": self.kind.value,
            "id": self.item.id if self.item else None,
            "name": self.name_edit.text(),
            "category": self.category_box.currentText(),
            "favourite": self.favourite_box.isChecked(),
        }

    def restore_draft(self, draft: Draft) -> None:
        self.name_edit.setText(draft.text("name"))
        if draft.text("category") in CATEGORIES[self.kind]:
            self.category_box.setCurrentText(draft.text("category"))
        self.favourite_box.setChecked(draft.flag("favourite"))

    def entered(self) -> LibraryItem:
        """The item as the fields describe it (not yet checked or saved)."""
        name = self.name_edit.text().strip()
        category = self.category_box.currentText()
        favourite = self.kind is Kind.COPING and self.favourite_box.isChecked()
        if self.item is None:
            return LibraryItem(None, self.kind, name, category, favourite=favourite)
        return replace(self.item, name=name, category=category, favourite=favourite)

    def accept(self) -> None:
        try:
            self.saved = self._save(self.entered())
        except DuplicateName as twin:
            problem = _taken(twin.existing)
        except (LibraryError, JournalError) as error:
            problem = str(error)
        else:
            super().accept()
            return
        self.error.show_message(problem)
        self.name_edit.setFocus()

    def _save(self, item: LibraryItem) -> LibraryItem:
        if item.id is None:
            return self.library.add(item)
        self.library.update(item)
        return self.library.get(item.id) or item


def _taken(twin: LibraryItem) -> str:
    """Why a name cannot be saved when ``twin`` already has it, and where to find it."""
    if twin.archived:
        return f"“{twin.name}” is already in your archive. Tick “Show archived” to restore it."
    return f"“{twin.name}” is already in your list."


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("hintLabel")
    label.setWordWrap(True)
    return label
