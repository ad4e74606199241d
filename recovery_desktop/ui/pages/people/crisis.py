"""The People page's crisis lines: number, details, Copy, and buttons to reorder and edit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.contacts import CrisisLine
from recovery_desktop.domain.drafts import Draft
from recovery_desktop.ui.dialogs.crisis_line_dialog import CrisisLineDialog
from recovery_desktop.ui.widgets.help_lines import SHOWN_WHEN_LOCKED, NumberCard
from recovery_desktop.ui.widgets.layout import discard
from recovery_desktop.ui.widgets.passphrase import ErrorLabel
from recovery_desktop.ui.widgets.questions import ask

if TYPE_CHECKING:
    from recovery_desktop.data.contacts import ContactRepository

COUNTRY_NOTE = (
    "These start as United States numbers. If you live somewhere else, edit them for your "
    "country. If you are in danger right now, call your local emergency number."
)


class CrisisLineRow(NumberCard):
    """One crisis line as a card (name, number, details, Copy) with buttons to reorder,
    edit and remove it."""

    def __init__(self, line: CrisisLine, parent: QWidget | None = None) -> None:
        super().__init__(line.name, line.number, line.details, parent)
        self.line = line
        self.up_button = self.add_button("↑", f"Move {line.name} up")
        self.down_button = self.add_button("↓", f"Move {line.name} down")
        for arrow in (self.up_button, self.down_button):
            arrow.setFixedWidth(arrow.fontMetrics().horizontalAdvance("↓") + 28)
        self.edit_button = self.add_button("Edit…", f"Edit {line.name}")
        self.remove_button = self.add_button("Remove…", f"Remove {line.name}")


class CrisisLinesBox(QGroupBox):
    """Lists, copies, adds, edits and removes crisis lines. ``changed`` follows every save."""

    changed = Signal()

    def __init__(self, contacts: ContactRepository, parent: QWidget | None = None) -> None:
        super().__init__("Crisis lines", parent)
        self.contacts = contacts
        self.rows: list[CrisisLineRow] = []
        note = QLabel(f"{COUNTRY_NOTE} {SHOWN_WHEN_LOCKED}", self)
        note.setWordWrap(True)
        note.setObjectName("hintLabel")
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(6)
        self.empty = QLabel("No crisis lines here. Add the numbers for where you live.", self)
        self.status = QLabel(self)
        self.status.setObjectName("hintLabel")
        self.status.setAccessibleName("Crisis lines status")
        self.error = ErrorLabel(self)
        self.add_button = QPushButton("Add a crisis l&ine…", self)
        self.add_button.clicked.connect(self.add)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.empty)
        layout.addLayout(self.list_layout)
        layout.addLayout(bottom)
        layout.addWidget(self.error)
        self.refresh()

    def refresh(self) -> None:
        try:
            lines = self.contacts.crisis_lines()
        except JournalError as error:
            self.error.show_message(str(error))
            return
        for row in self.rows:
            self.list_layout.removeWidget(row)
            discard(row)
        self.rows = [self._row(line) for line in lines]
        for row in self.rows:
            self.list_layout.addWidget(row)
        if self.rows:
            self.rows[0].up_button.setEnabled(False)
            self.rows[-1].down_button.setEnabled(False)
        self.empty.setVisible(not self.rows)

    def _row(self, line: CrisisLine) -> CrisisLineRow:
        row = CrisisLineRow(line, self)
        row.copied.connect(self.status.setText)
        row.up_button.clicked.connect(lambda: self.move_line(line, -1))
        row.down_button.clicked.connect(lambda: self.move_line(line, 1))
        row.edit_button.clicked.connect(lambda: self.edit(line))
        row.remove_button.clicked.connect(lambda: self.remove(line))
        return row

    def add(self) -> None:
        self._run_dialog(None)

    def edit(self, line: CrisisLine) -> None:
        self._run_dialog(line)

    def resume(self, draft: Draft) -> None:
        """Reopen the dialog that was open when the journal locked, as it was left."""
        line_id = draft.number("id")
        try:
            lines = self.contacts.crisis_lines() if line_id is not None else []
        except JournalError:
            lines = []
        self._run_dialog(next((line for line in lines if line.id == line_id), None), draft)

    def _run_dialog(self, line: CrisisLine | None, draft: Draft | None = None) -> None:
        dialog = CrisisLineDialog(self.contacts, line, self)
        if draft is not None:
            dialog.resume(draft)
        if dialog.exec():
            self._changed()
        dialog.deleteLater()

    def move_line(self, line: CrisisLine, delta: int) -> None:
        if line.id is None:
            return
        self.error.show_message("")
        try:
            self.contacts.move_crisis_line(line.id, delta)
        except JournalError as error:
            self.error.show_message(f"Not moved: {error}")
        self._changed()
        moved_row = next((r for r in self.rows if r.line.id == line.id), None)
        if moved_row is not None:
            button = moved_row.up_button if delta < 0 else moved_row.down_button
            (button if button.isEnabled() else moved_row.copy_button).setFocus()

    def remove(self, line: CrisisLine) -> None:
        text = f"Remove {line.name} from your crisis lines? You can add it again later."
        if line.id is None or not ask(self, "Remove this crisis line?", text):
            return
        self.error.show_message("")
        try:
            self.contacts.delete_crisis_line(line.id)
        except JournalError as error:
            self.error.show_message(f"Not removed: {error}")
        self._changed()

    def _changed(self) -> None:
        self.status.setText("")
        self.refresh()
        self.changed.emit()
