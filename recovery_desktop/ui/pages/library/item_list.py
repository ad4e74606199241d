"""One editable list of the library (triggers or coping steps) in the user's order."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.library import LibraryRepository
from recovery_desktop.domain.drafts import Draft
from recovery_desktop.domain.library import Kind, LibraryItem
from recovery_desktop.domain.wording import quoted
from recovery_desktop.ui.dialogs.library_item_dialog import LibraryItemDialog
from recovery_desktop.ui.widgets.keys import widget_keys
from recovery_desktop.ui.widgets.passphrase import ErrorLabel
from recovery_desktop.ui.widgets.status_line import StatusLine

ID_ROLE = Qt.ItemDataRole.UserRole
PANEL_MARK = "★"
COLUMNS = {
    Kind.TRIGGER: ["Trigger", "Category"],
    Kind.COPING: ["What helps", "Category", "Craving panel"],
}
NOUNS = {Kind.TRIGGER: "trigger", Kind.COPING: "coping step"}


def _button(text: str, tip: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setToolTip(tip)
    return button


class LibraryList(QWidget):
    """A list with Add, Edit, Move up/down, Archive and Restore, saved as soon as done."""

    changed = Signal()

    def __init__(self, library: LibraryRepository, kind: Kind, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.kind = kind
        self._items: list[LibraryItem] = []
        self.tree = self._build_tree()
        self._build_buttons()
        self._build_layout()
        self._add_keys()
        self.reload()

    # -- layout --------------------------------------------------------------------------
    def _build_tree(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setObjectName("libraryList")
        tree.setHeaderLabels(COLUMNS[self.kind])
        tree.setAccessibleName(f"My {NOUNS[self.kind]}s")
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setAllColumnsShowFocus(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setMinimumHeight(320)
        header = tree.header()
        header.setSectionsMovable(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, tree.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        tree.itemSelectionChanged.connect(self._update_buttons)
        tree.doubleClicked.connect(lambda _index: self.edit())
        return tree

    def _build_buttons(self) -> None:
        self.add_button = _button("&Add…", "Add your own (Insert)", self)
        self.edit_button = _button("&Edit…", "Rename or change the category (Enter)", self)
        self.up_button = _button("Move &up", "Move up the list (Ctrl+Up)", self)
        self.down_button = _button("Move &down", "Move down the list (Ctrl+Down)", self)
        self.archive_button = _button(
            "A&rchive", "Take it off the list; past cravings keep it (Delete)", self
        )
        self.restore_button = _button("Re&store", "Put it back on the list", self)
        self.show_archived = QCheckBox("Show ar&chived", self)
        self.show_archived.toggled.connect(lambda _on: self.reload())
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.archive_button.clicked.connect(self.archive)
        self.restore_button.clicked.connect(self.restore)

    def _build_layout(self) -> None:
        self.note = StatusLine("Status", self)
        self.error = ErrorLabel(self)
        side = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.up_button, self.down_button):
            side.addWidget(button)
        side.addSpacing(12)
        side.addWidget(self.archive_button)
        side.addWidget(self.restore_button)
        side.addStretch(1)
        side.addWidget(self.show_archived)
        row = QHBoxLayout()
        row.addWidget(self.tree, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.note)

    def _add_keys(self) -> None:
        keys: list[tuple[list[str], Callable[[], object]]] = [
            (["Insert", "Ctrl+N"], self.add),
            (["Return", "Enter", "F2"], self.edit),
            (["Ctrl+Up"], lambda: self.move_selected(-1)),
            (["Ctrl+Down"], lambda: self.move_selected(1)),
            (["Delete"], self._archive_or_restore),
        ]
        widget_keys(self.tree, keys)

    # -- showing -------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        """Read the list again, keeping (or moving to) the selected item."""
        keep = select if select is not None else self.selected_id()
        try:
            self._items = self.library.items(self.kind, self.show_archived.isChecked())
        except JournalError as error:
            self.error.show_message(str(error))
            return
        self.tree.clear()
        for item in self._items:
            self.tree.addTopLevelItem(self._row(item))
        self._select(keep)
        self.restore_button.setVisible(self.show_archived.isChecked())
        self._update_buttons()

    def _row(self, item: LibraryItem) -> QTreeWidgetItem:
        category = f"{item.category} · archived" if item.archived else item.category
        texts = [item.name, category]
        if self.kind is Kind.COPING:
            texts.append(f"{PANEL_MARK} Shown" if item.favourite else "")
        row = QTreeWidgetItem(texts)
        row.setData(0, ID_ROLE, item.id)
        row.setToolTip(0, item.name)
        if item.archived:
            self._dim(row)
        return row

    def _dim(self, row: QTreeWidgetItem) -> None:
        colour = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for column in range(row.columnCount()):
            font = row.font(column)
            font.setItalic(True)
            row.setFont(column, font)
            row.setForeground(column, QBrush(colour))

    def _select(self, item_id: int | None) -> None:
        """Select ``item_id``, else the first row, so the keys work straight away."""
        count = self.tree.topLevelItemCount()
        rows = [r for r in map(self.tree.topLevelItem, range(count)) if r is not None]
        chosen = next((r for r in rows if r.data(0, ID_ROLE) == item_id), None)
        if chosen is None and rows:
            chosen = rows[0]
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
            self.tree.scrollToItem(chosen)

    def selected(self) -> LibraryItem | None:
        item_id = self.selected_id()
        return next((i for i in self._items if i.id == item_id), None)

    def selected_id(self) -> int | None:
        rows = self.tree.selectedItems()
        return rows[0].data(0, ID_ROLE) if rows else None

    def names(self) -> list[str]:
        """The names as listed, top to bottom."""
        return [i.name for i in self._items]

    def _neighbour(self, item: LibraryItem, step: int) -> LibraryItem | None:
        index = self._items.index(item) + step
        return self._items[index] if 0 <= index < len(self._items) else None

    def _update_buttons(self) -> None:
        item = self.selected()
        for button in (self.edit_button, self.archive_button, self.restore_button):
            button.setEnabled(item is not None)
        if item is None:
            self.up_button.setEnabled(False)
            self.down_button.setEnabled(False)
            return
        self.up_button.setEnabled(self._neighbour(item, -1) is not None)
        self.down_button.setEnabled(self._neighbour(item, 1) is not None)
        self.archive_button.setEnabled(not item.archived)
        self.restore_button.setEnabled(item.archived)

    # -- actions -------------------------------------------------------------------------
    def add(self) -> None:
        current = self.selected()
        category = current.category if current is not None else None
        self._run_dialog(LibraryItemDialog(self.library, self.kind, None, category, self))

    def edit(self) -> None:
        item = self.selected()
        if item is not None:
            self._run_dialog(LibraryItemDialog(self.library, self.kind, item, parent=self))

    def resume(self, draft: Draft) -> None:
        """Reopen the dialog that was open when the journal locked, as it was left."""
        item_id = draft.number("id")
        try:
            item = self.library.get(item_id) if item_id is not None else None
        except JournalError:
            item = None
        dialog = LibraryItemDialog(self.library, self.kind, item, parent=self)
        dialog.resume(draft)
        self._run_dialog(dialog)

    def _run_dialog(self, dialog: LibraryItemDialog) -> None:
        accepted = dialog.exec() == LibraryItemDialog.DialogCode.Accepted
        saved = dialog.saved
        dialog.deleteLater()
        if accepted and saved is not None:
            self._done(f"Saved {quoted(saved.name)}.", saved.id)

    def move_selected(self, step: int) -> None:
        """Swap places with the next visible item up (−1) or down (+1)."""
        item = self.selected()
        other = self._neighbour(item, step) if item is not None else None
        if item is None or other is None or item.id is None or other.id is None:
            return
        item_id, other_id = item.id, other.id
        self._attempt(lambda: self._move_to(item_id, other_id), "", item_id)

    def _move_to(self, item_id: int, other_id: int) -> None:
        """Move ``item_id`` to where ``other_id`` is, counting archived items too."""
        ids = [i.id for i in self.library.items(self.kind, include_archived=True)]
        self.library.move(item_id, ids.index(other_id) - ids.index(item_id))

    def archive(self) -> None:
        item = self.selected()
        if item is None or item.archived or item.id is None:
            return
        after = self._neighbour(item, 1) or self._neighbour(item, -1)
        keep = item.id if self.show_archived.isChecked() else (after.id if after else None)
        how = "choose Restore" if self.show_archived.isChecked() else "tick “Show archived”"
        note = (
            f"Archived {quoted(item.name)}. Past cravings keep it as it was; {how} to bring it "
            "back."
        )
        self._attempt(lambda: self.library.set_archived(item.id or 0, True), note, keep)

    def restore(self) -> None:
        item = self.selected()
        if item is None or not item.archived or item.id is None:
            return
        note = f"{quoted(item.name)} is back on your list."
        self._attempt(lambda: self.library.set_archived(item.id or 0, False), note, item.id)

    def _archive_or_restore(self) -> None:
        item = self.selected()
        if item is not None and item.archived:
            self.restore()
        else:
            self.archive()

    def _attempt(self, write: Callable[[], None], note: str, select: int | None) -> None:
        try:
            write()
        except JournalError as error:
            self.error.show_message(f"Not saved: {error}")
            return
        self._done(note, select)

    def _done(self, note: str, select: int | None) -> None:
        self.error.show_message("")
        self.note.setText(note)
        self.reload(select)
        self.tree.setFocus()
        self.changed.emit()
