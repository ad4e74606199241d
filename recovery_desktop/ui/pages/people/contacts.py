"""The People page's first section: support contacts in call-first order."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.contacts import CALL_FIRST, Contact
from recovery_desktop.domain.drafts import Draft
from recovery_desktop.ui.dialogs.contact_dialog import ContactDialog
from recovery_desktop.ui.models.contacts_model import ContactsModel
from recovery_desktop.ui.widgets.passphrase import ErrorLabel
from recovery_desktop.ui.widgets.questions import ask
from recovery_desktop.ui.widgets.tables import edit_on_activate, fit_rows, record_table

if TYPE_CHECKING:
    from recovery_desktop.data.contacts import ContactRepository

HINT = (
    "The first {n} people are shown in the craving panel, so put the ones you would call first "
    "at the top: drag a row, or use Move up and Move down."
).format(n="three" if CALL_FIRST == 3 else CALL_FIRST)
EMPTY = (
    "Nobody here yet. Add someone you could call or text when things get hard: "
    "a sponsor, a friend, family, your counsellor. A first name is enough."
)
ARCHIVE_TEXT = (
    "{name} will leave your list and the craving panel. Your reach-outs to them stay in the "
    "log, and you can bring them back at any time with “Show archived”."
)


class ContactsBox(QGroupBox):
    """Lists, adds, edits, reorders and archives contacts. ``changed`` follows every save."""

    changed = Signal()

    def __init__(self, contacts: ContactRepository, parent: QWidget | None = None) -> None:
        super().__init__("People who support me", parent)
        self.contacts = contacts
        self.model = ContactsModel(self)
        # Queued: the view finishes its drop before the model is reset.
        self.model.reordered.connect(self.save_order, Qt.ConnectionType.QueuedConnection)
        self.view = self._table()
        self.error = ErrorLabel(self)
        self.hint = QLabel(HINT, self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hintLabel")
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view)
        layout.addLayout(self._buttons())
        layout.addWidget(self.error)
        self.refresh()

    def _table(self) -> QTableView:
        view = record_table(self.model, "People who support me, in call-first order", self)
        view.setDragEnabled(True)
        view.setAcceptDrops(True)
        view.setDropIndicatorShown(True)
        view.setDragDropOverwriteMode(False)
        view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        edit_on_activate(view, self.edit)
        view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        return view

    def _buttons(self) -> QHBoxLayout:
        self.add_button = QPushButton("&Add…", self)
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton("&Edit…", self)
        self.edit_button.clicked.connect(self.edit)
        self.up_button = QPushButton("Move &up", self)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton("Move do&wn", self)
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.archive_button = QPushButton("Arc&hive…", self)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.show_archived = QCheckBox("Show ar&chived", self)
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        row = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.up_button,
            self.down_button,
            self.archive_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.show_archived)
        return row

    # -- reading -------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        """Reload from the journal, keeping (or moving) the selection."""
        current = self.selected()
        keep = select_id if select_id is not None else (current.id if current else None)
        try:
            people = self.contacts.contacts(self.show_archived.isChecked())
        except JournalError as error:
            self.error.show_message(str(error))
            people = []
        self.model.set_contacts(people)
        fit_rows(self.view, len(people))
        self.hint.setText(HINT if people else EMPTY)
        if keep is not None and self.model.row_of(keep) >= 0:
            self.view.selectRow(self.model.row_of(keep))
        self._update_buttons()

    def selected(self) -> Contact | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.contact_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        contact = self.selected()
        active = self.model.active_ids()
        place = active.index(contact.id) if contact and contact.id in active else -1
        self.edit_button.setEnabled(contact is not None)
        self.up_button.setEnabled(place > 0)
        self.down_button.setEnabled(0 <= place < len(active) - 1)
        self.archive_button.setEnabled(contact is not None)
        archived = contact is not None and contact.archived
        self.archive_button.setText("&Bring back" if archived else "Arc&hive…")

    # -- changes -------------------------------------------------------------------------
    def add(self) -> None:
        self._run_dialog(None)

    def edit(self) -> None:
        contact = self.selected()
        if contact is not None:
            self._run_dialog(contact)

    def resume(self, draft: Draft) -> None:
        """Reopen the dialog that was open when the journal locked, as it was left."""
        contact_id = draft.number("id")
        try:
            contact = self.contacts.get(contact_id) if contact_id is not None else None
        except JournalError:
            contact = None
        self._run_dialog(contact, draft)

    def _run_dialog(self, contact: Contact | None, draft: Draft | None = None) -> None:
        dialog = ContactDialog(self.contacts, contact, self)
        if draft is not None:
            dialog.resume(draft)
        if dialog.exec() and dialog.contact is not None:
            self._changed(dialog.contact.id)
        dialog.deleteLater()

    def move_selected(self, delta: int) -> None:
        contact = self.selected()
        if contact is None or contact.id is None or contact.archived:
            return
        self._write(lambda: self.contacts.move(contact.id or 0, delta), contact.id)

    def save_order(self, ids: list[int]) -> None:
        """Keep a new call-first order (from a drag and drop)."""
        contact = self.selected()
        self._write(lambda: self.contacts.reorder(ids), contact.id if contact else None)

    def toggle_archived(self) -> None:
        contact = self.selected()
        if contact is None or contact.id is None:
            return
        archive = not contact.archived
        text = ARCHIVE_TEXT.format(name=contact.name)
        if archive and not ask(self, "Archive this person?", text):
            return
        self._write(lambda: self.contacts.set_archived(contact.id or 0, archive))

    def _write(self, action: Callable[[], None], select_id: int | None = None) -> None:
        self.error.show_message("")
        try:
            action()
        except JournalError as error:
            self.error.show_message(f"Not saved: {error}")
        self._changed(select_id)

    def _changed(self, select_id: int | None) -> None:
        self.refresh(select_id)
        self.changed.emit()
