"""Table models for the People page: support contacts (reorderable by drag) and reach-outs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.contacts import Contact, ReachOut
from recovery_desktop.ui.plain_text import tooltip_lines

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole

COL_NAME, COL_ROLE, COL_PHONE, COL_EMAIL = range(4)
CONTACT_HEADERS = ("Name", "Role", "Phone", "Email")

# Private to this app: "<row>:<contact id>", so a drop from elsewhere is never misread.
CONTACT_ROW_MIME = "application/x-recovery-desktop-contact-row"

COL_WHEN, COL_WHO, COL_HOW, COL_HELPED, COL_NOTE = range(5)
REACH_OUT_HEADERS = ("When", "Who", "How", "Helped", "Note")
NOTE_PREVIEW_CHARACTERS = 80


def helped_text(helped: bool | None) -> str:
    return "—" if helped is None else ("Yes" if helped else "No")


def when_text(reach: ReachOut) -> str:
    at = reach.at
    return date_text(at, "%a %-d %b %Y, %H:%M")


def note_preview(note: str) -> str:
    """The note's first line, shortened to fit one table cell."""
    text = note.strip()
    first = text.splitlines()[0] if text else ""
    if len(first) > NOTE_PREVIEW_CHARACTERS:
        return first[: NOTE_PREVIEW_CHARACTERS - 1].rstrip() + "…"
    return first if first == text else f"{first} …"


class ContactsModel(QAbstractTableModel):
    """Contacts in call-first order. Dropping a dragged row emits ``reordered`` with the
    new order of active contact ids; saving it is the caller's job."""

    reordered = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._contacts: list[Contact] = []

    # -- contents ------------------------------------------------------------------------
    def set_contacts(self, contacts: Sequence[Contact]) -> None:
        self.beginResetModel()
        self._contacts = list(contacts)
        self.endResetModel()

    def contacts(self) -> list[Contact]:
        return list(self._contacts)

    def contact_at(self, row: int) -> Contact | None:
        return self._contacts[row] if 0 <= row < len(self._contacts) else None

    def row_of(self, contact_id: int) -> int:
        """The row showing ``contact_id``, or -1."""
        return next((i for i, c in enumerate(self._contacts) if c.id == contact_id), -1)

    def active_ids(self) -> list[int]:
        return [c.id for c in self._contacts if not c.archived and c.id is not None]

    # -- table ---------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._contacts)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(CONTACT_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return CONTACT_HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> object:
        contact = self.contact_at(index.row()) if index.isValid() else None
        if contact is None:
            return None
        if role == _DISPLAY:
            return self._text(contact, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and contact.archived:
            return "Archived: not in your call-first list"
        if role == Qt.ItemDataRole.FontRole and contact.archived:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    @staticmethod
    def _text(contact: Contact, column: int) -> str:
        if column == COL_NAME:
            return f"{contact.name} (archived)" if contact.archived else contact.name
        if column == COL_ROLE:
            return contact.role.label
        return contact.phone if column == COL_PHONE else contact.email

    # -- drag and drop -------------------------------------------------------------------
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        contact = self.contact_at(index.row())
        if contact is not None and not contact.archived:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [CONTACT_ROW_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        contact = self.contact_at(rows[0]) if rows else None
        if contact is not None and contact.id is not None:
            payload = f"{rows[0]}:{contact.id}".encode("ascii")
            data.setData(CONTACT_ROW_MIME, QByteArray(payload))
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(CONTACT_ROW_MIME):
            return False
        source = self._dragged_row(data)
        if source < 0:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        order = self._order_after_move(source, target)
        if order == self.active_ids():
            return False
        self.reordered.emit(order)
        return True

    def _dragged_row(self, data: QMimeData) -> int:
        """The dragged row, or -1 when the payload does not match what this model shows."""
        try:
            row_text, id_text = bytes(data.data(CONTACT_ROW_MIME).data()).decode().split(":")
            row, contact_id = int(row_text), int(id_text)
        except (UnicodeDecodeError, ValueError):
            return -1
        contact = self.contact_at(row)
        if contact is None or contact.id != contact_id or contact.archived:
            return -1
        return row

    def _order_after_move(self, source: int, target: int) -> list[int]:
        """Active ids once the row at ``source`` is placed before the row at ``target``."""
        rows = list(range(len(self._contacts)))
        target = max(0, min(target, len(rows)))
        rows.insert(target - 1 if target > source else target, rows.pop(source))
        return [
            contact.id
            for contact in (self._contacts[r] for r in rows)
            if not contact.archived and contact.id is not None
        ]


class ReachOutsModel(QAbstractTableModel):
    """Reach-outs, newest first, with the names of the people reached."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reach_outs: list[ReachOut] = []
        self._names: dict[int, str] = {}

    def set_reach_outs(self, reach_outs: Sequence[ReachOut], names: dict[int, str]) -> None:
        self.beginResetModel()
        self._reach_outs = list(reach_outs)
        self._names = dict(names)
        self.endResetModel()

    def reach_out_at(self, row: int) -> ReachOut | None:
        return self._reach_outs[row] if 0 <= row < len(self._reach_outs) else None

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._reach_outs)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(REACH_OUT_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return REACH_OUT_HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> object:
        reach = self.reach_out_at(index.row()) if index.isValid() else None
        if reach is None:
            return None
        if role == _DISPLAY:
            return self._text(reach, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_NOTE and reach.note:
            return tooltip_lines(reach.note)
        return None

    def _text(self, reach: ReachOut, column: int) -> str:
        if column == COL_WHEN:
            return when_text(reach)
        if column == COL_WHO:
            return self._names.get(reach.contact_id, "—")
        if column == COL_HOW:
            return reach.how.label
        if column == COL_HELPED:
            return helped_text(reach.helped)
        return note_preview(reach.note)
