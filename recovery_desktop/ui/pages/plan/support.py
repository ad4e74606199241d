"""The people linked in "My support people": shown live from People (a renamed person
shows the new name, an archived one says so, a deleted one stays as "no longer in People"
until the user removes it), added from People, removed and moved."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.domain.plan import PlanContact
from recovery_desktop.ui.widgets.keys import widget_keys

UID_ROLE = Qt.ItemDataRole.UserRole


def contact_line(contact: PlanContact) -> str:
    """How a linked person reads in the list: name, role and phone, and what became of
    them on People."""
    if contact.missing:
        return "Someone no longer in People"
    parts = [contact.name]
    if contact.role:
        parts.append(contact.role)
    if contact.phone:
        parts.append(contact.phone)
    line = " · ".join(parts)
    return f"{line} (archived)" if contact.archived else line


class SupportList(QWidget):
    """Linked people in the user's order; ``edited`` on every change. ``add_wanted`` asks
    the page for people to add ("Add from People…")."""

    edited = Signal()
    add_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._contacts: dict[str, PlanContact] = {}
        self.view = QListWidget(self)
        self.view.setAccessibleName("My support people")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setMinimumHeight(110)
        self.add_button = self._button(
            "Add from &People…", "Link people from People", self.add_wanted.emit
        )
        self.remove_button = self._button("&Remove", "Take off this list (Delete)", self.remove)
        self.up_button = self._button("Up", "Move up (Ctrl+Up)", lambda: self.move_row(-1))
        self.down_button = self._button("Down", "Move down (Ctrl+Down)", lambda: self.move_row(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        widget_keys(
            self.view,
            (
                ("Delete", self.remove),
                ("Ctrl+Up", lambda: self.move_row(-1)),
                ("Ctrl+Down", lambda: self.move_row(1)),
            ),
        )
        self.view.currentRowChanged.connect(lambda _row: self._update_buttons())
        self._update_buttons()

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def set_contacts(self, contacts: Sequence[PlanContact]) -> None:
        """Show ``contacts`` (read live, in the plan's order), keeping the selected row."""
        row = self.view.currentRow()
        self._contacts = {contact.uid: contact for contact in contacts}
        self.view.clear()
        for contact in contacts:
            item = QListWidgetItem(contact_line(contact), self.view)
            item.setData(UID_ROLE, contact.uid)
            item.setToolTip(contact_line(contact))
        if self.view.count():
            self.view.setCurrentRow(min(max(row, 0), self.view.count() - 1))
        self._update_buttons()

    def uids(self) -> tuple[str, ...]:
        return tuple(self.view.item(row).data(UID_ROLE) for row in range(self.view.count()))

    def contacts(self) -> list[PlanContact]:
        """The people shown, in order."""
        return [self._contacts[uid] for uid in self.uids()]

    def lines(self) -> list[str]:
        """The lines shown, in order."""
        return [self.view.item(row).text() for row in range(self.view.count())]

    def remove(self) -> None:
        row = self.view.currentRow()
        if row < 0:
            return
        self.view.takeItem(row)
        self._update_buttons()
        self.edited.emit()

    def move_row(self, delta: int) -> None:
        row = self.view.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.view.count():
            return
        self.view.insertItem(target, self.view.takeItem(row))
        self.view.setCurrentRow(target)
        self.edited.emit()

    def _update_buttons(self) -> None:
        row = self.view.currentRow()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.view.count() - 1)
