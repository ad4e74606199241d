"""Pick triggers or coping actions from the library, or type a new one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.library import LibraryRepository
from recovery_desktop.domain.cravings import Tag
from recovery_desktop.domain.library import CATEGORIES, Kind, LibraryError, LibraryItem
from recovery_desktop.ui.widgets.keys import submit_on_enter
from recovery_desktop.ui.widgets.layout import compact_combo

_TAG_ROLE = Qt.ItemDataRole.UserRole


class TagPicker(QWidget):
    """Checkable chips for one kind of library item; ``changed`` on every tick or addition."""

    changed = Signal()
    problem = Signal(str)

    def __init__(
        self, library: LibraryRepository, kind: Kind, label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.kind = kind
        self.list = QListWidget(self)
        self.list.setViewMode(QListView.ViewMode.ListMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setSpacing(3)
        self.list.setAccessibleName(label)
        self.list.setMinimumHeight(130)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText(f"Add another {kind.label.lower()}…")
        self.new_name.setAccessibleName(f"New {kind.label.lower()}")
        # Enter adds the typed one; it must not also press the dialog's default button.
        submit_on_enter(self.add_typed, self.new_name)
        self.category = QComboBox(self)
        self.category.addItems(list(CATEGORIES[kind]))
        self.category.setAccessibleName("Category for the new one")
        compact_combo(self.category, 12)
        add = QPushButton("Add", self)
        add.clicked.connect(self.add_typed)
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        row.addWidget(self.category)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.load(())

    def load(self, chosen: Sequence[Tag], first: Sequence[int] = ()) -> None:
        """Show the active library items (``first`` ids at the front) plus any chosen tags
        that are no longer in the list (renamed or archived since), ticked."""
        self.list.blockSignals(True)
        self.list.clear()
        try:
            items = self.library.items(self.kind)
        except JournalError as error:
            items = []
            self.problem.emit(str(error))
        order = {item_id: n for n, item_id in enumerate(first)}
        items.sort(key=lambda i: order.get(i.id or -1, len(order)))
        chosen_keys = {tag.key for tag in chosen}
        shown = set()
        for item in items:
            tag = Tag(item.id, item.name)
            self._add_row(tag, tag.key in chosen_keys)
            shown.add(tag.key)
        for tag in chosen:
            if tag.key not in shown:
                self._add_row(tag, True)
        self.list.blockSignals(False)

    def _add_row(self, tag: Tag, checked: bool) -> QListWidgetItem:
        row = QListWidgetItem(tag.name, self.list)
        row.setData(_TAG_ROLE, tag)
        row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        row.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return row

    def chosen(self) -> tuple[Tag, ...]:
        tags = []
        for index in range(self.list.count()):
            row = self.list.item(index)
            if row.checkState() == Qt.CheckState.Checked:
                tags.append(row.data(_TAG_ROLE))
        return tuple(tags)

    def add_typed(self) -> None:
        """Tick the typed name: the library's item of that name (brought back if archived),
        or a new one in the chosen category. The row is scrolled into view."""
        name = self.new_name.text().strip()
        if not name:
            return
        item = LibraryItem(None, self.kind, name, self.category.currentText())
        try:
            found = self.library.find_or_add(item)
        except (LibraryError, JournalError) as error:
            self.problem.emit(str(error))
            return
        tag = Tag(found.id, found.name)
        row = self._row_of(tag) or self._add_row(tag, False)
        row.setCheckState(Qt.CheckState.Checked)  # ``changed`` follows, unless already ticked
        self.list.scrollToItem(row)
        self.new_name.clear()

    def _row_of(self, tag: Tag) -> QListWidgetItem | None:
        for index in range(self.list.count()):
            row = self.list.item(index)
            if row.data(_TAG_ROLE).key == tag.key:
                return row
        return None
