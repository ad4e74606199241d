"""The People page's crisis lines: number, details, Copy, and buttons to reorder and edit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.journal import Journal
from recovery_desktop.domain.contacts import CrisisLine
from recovery_desktop.ui.dialogs.crisis_line_dialog import CrisisLineDialog
from recovery_desktop.ui.pages.people_contacts import ask
from recovery_desktop.ui.widgets.passphrase import ErrorLabel

COUNTRY_NOTE = (
    "These start as United States numbers. If you live somewhere else, edit them for your "
    "country. If you are in danger right now, call your local emergency number."
)


class CrisisLineRow(QFrame):
    """One crisis line as a card: name and details, the number, and its buttons."""

    def __init__(self, line: CrisisLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = line
        self.setObjectName("card")
        name = QLabel(line.name, self)
        name.setObjectName("crisisName")
        details = QLabel(line.details, self)
        details.setObjectName("hintLabel")
        details.setWordWrap(True)
        details.setVisible(bool(line.details))
        self.number = QLabel(line.number, self)
        self.number.setObjectName("crisisNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.number.setAccessibleName(f"Number for {line.name}")
        self.number.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.number.ensurePolished()  # the style sheet sets its font
        self.number.setMinimumWidth(self.number.fontMetrics().horizontalAdvance("1-800-000-0000 "))
        self.copy_button = self._button("Copy", f"Copy the number for {line.name}")
        self.up_button = self._button("↑", f"Move {line.name} up")
        self.down_button = self._button("↓", f"Move {line.name} down")
        for arrow in (self.up_button, self.down_button):
            arrow.setFixedWidth(arrow.fontMetrics().horizontalAdvance("↓") + 28)
        self.edit_button = self._button("Edit…", f"Edit {line.name}")
        self.remove_button = self._button("Remove…", f"Remove {line.name}")
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.addWidget(name, 0, 0)
        grid.addWidget(details, 1, 0)
        grid.addWidget(self.number, 0, 1, 2, 1)
        buttons = QHBoxLayout()
        for button in (
            self.copy_button,
            self.up_button,
            self.down_button,
            self.edit_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        grid.addLayout(buttons, 0, 2, 2, 1)
        grid.setColumnStretch(0, 1)

    def _button(self, text: str, accessible_name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(accessible_name)
        button.setToolTip(accessible_name)
        return button


class CrisisLinesBox(QGroupBox):
    """Lists, copies, adds, edits and removes crisis lines. ``changed`` follows every save."""

    changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__("Crisis lines", parent)
        self.journal = journal
        self.rows: list[CrisisLineRow] = []
        note = QLabel(COUNTRY_NOTE, self)
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
            lines = self.journal.contacts.crisis_lines()
        except JournalError as error:
            self.error.show_message(str(error))
            return
        for row in self.rows:
            self.list_layout.removeWidget(row)
            row.deleteLater()
        self.rows = [self._row(line) for line in lines]
        for row in self.rows:
            self.list_layout.addWidget(row)
        if self.rows:
            self.rows[0].up_button.setEnabled(False)
            self.rows[-1].down_button.setEnabled(False)
        self.empty.setVisible(not self.rows)

    def _row(self, line: CrisisLine) -> CrisisLineRow:
        row = CrisisLineRow(line, self)
        row.copy_button.clicked.connect(lambda: self.copy(line))
        row.up_button.clicked.connect(lambda: self.move_line(line, -1))
        row.down_button.clicked.connect(lambda: self.move_line(line, 1))
        row.edit_button.clicked.connect(lambda: self.edit(line))
        row.remove_button.clicked.connect(lambda: self.remove(line))
        return row

    def copy(self, line: CrisisLine) -> None:
        QGuiApplication.clipboard().setText(line.number)
        self.status.setText(f"Copied the number for {line.name}.")

    def add(self) -> None:
        if CrisisLineDialog(self.journal, None, self).exec():
            self._changed()

    def edit(self, line: CrisisLine) -> None:
        if CrisisLineDialog(self.journal, line, self).exec():
            self._changed()

    def move_line(self, line: CrisisLine, delta: int) -> None:
        if line.id is None:
            return
        self.error.show_message("")
        try:
            self.journal.contacts.move_crisis_line(line.id, delta)
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
            self.journal.contacts.delete_crisis_line(line.id)
        except JournalError as error:
            self.error.show_message(f"Not removed: {error}")
        self._changed()

    def _changed(self) -> None:
        self.status.setText("")
        self.refresh()
        self.changed.emit()
