"""The table of pairs in "Early warning signs and what I do" and "My triggers and how I
respond": edited in place, rows added (Insert), removed (Delete; Ctrl+Z brings the row
back) and moved (Ctrl+Up/Down)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.domain.plan import MAX_PAIR_CHARACTERS, MAX_PAIRS, PlanPair
from recovery_desktop.ui.widgets.keys import widget_keys
from recovery_desktop.ui.widgets.status_line import StatusLine


class _CellDelegate(QStyledItemDelegate):
    """Cells are edited in a one-line field that holds at most MAX_PAIR_CHARACTERS."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        field = QLineEdit(parent)
        field.setMaxLength(MAX_PAIR_CHARACTERS)
        return field


class PairsTable(QWidget):
    """Pairs (first → second) under two headings; ``edited`` on every change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._removed: list[tuple[int, PlanPair]] = []  # Ctrl+Z puts the last one back
        self.table = QTableWidget(0, 2, self)
        self.table.setAccessibleName("Table")
        self.table.setItemDelegate(_CellDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() + 14)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(150)
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(
            triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed
        )
        self.table.itemChanged.connect(self._item_changed)
        # A long entry wraps onto more lines and its row grows to show all of it, once the
        # columns have their widths (after the layout, hence the timer).
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._fit_rows.start())
        self.table.model().rowsInserted.connect(lambda *_: self._fit_rows.start())
        self.add_button = self._button("&Add row", "Add a row (Insert)", self.add_row)
        self.remove_button = self._button("&Remove row", "Remove the row (Delete)", self.remove_row)
        self.up_button = self._button("Up", "Move the row up (Ctrl+Up)", lambda: self.move_row(-1))
        self.down_button = self._button(
            "Down", "Move the row down (Ctrl+Down)", lambda: self.move_row(1)
        )
        self.library_button: QPushButton | None = None
        self.note = StatusLine("Table status", self)
        self.buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        layout.addWidget(self.note)
        self._keys()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def add_library_button(self, slot: Callable[[], object]) -> QPushButton:
        """ "From my library…" beside the row buttons."""
        self.library_button = self._button(
            "From my &library…", "Fill a row from Triggers & coping", slot
        )
        self.buttons.insertWidget(self.buttons.count() - 1, self.library_button)
        return self.library_button

    def _keys(self) -> None:
        widget_keys(
            self.table,
            (
                ("Insert", self.add_row),
                ("Delete", self.remove_row),
                ("Ctrl+Z", self.undo_remove),
                ("Ctrl+Up", lambda: self.move_row(-1)),
                ("Ctrl+Down", lambda: self.move_row(1)),
            ),
        )

    # -- the rows ------------------------------------------------------------------------
    def set_pairs(self, pairs: tuple[PlanPair, ...], headings: tuple[str, str]) -> None:
        """Show ``pairs`` under ``headings``; the rows removed before are forgotten."""
        self._loading = True
        try:
            self.table.setHorizontalHeaderLabels(list(headings))
            self.table.setRowCount(0)
            for pair in pairs:
                self._insert(self.table.rowCount(), pair)
        finally:
            self._loading = False
        self._fit_rows.start()
        self._removed.clear()
        self.note.clear()
        self._update_buttons()

    def pairs(self) -> tuple[PlanPair, ...]:
        """The rows as shown, empty ones included (the user may still be filling them)."""
        return tuple(
            PlanPair(self._text(row, 0), self._text(row, 1)) for row in range(self.table.rowCount())
        )

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _insert(self, row: int, pair: PlanPair) -> None:
        self.table.insertRow(row)
        for column, text in enumerate((pair.first, pair.second)):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(row, column, item)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        item.setToolTip(item.text())
        self._fit_rows.start()
        self.edited.emit()

    def _changed(self, note: str = "") -> None:
        self.note.setText(note)
        self._update_buttons()
        self.edited.emit()

    def append(self, pair: PlanPair) -> None:
        """Add ``pair`` as the last row and select it."""
        if self.table.rowCount() >= MAX_PAIRS:
            self.note.setText(f"The table holds at most {MAX_PAIRS} rows.")
            return
        self._loading = True
        try:
            self._insert(self.table.rowCount(), pair)
        finally:
            self._loading = False
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self._changed()

    def add_row(self) -> None:
        """A new empty row after the selected one (at the end when none is), its first
        cell open for typing."""
        if self.table.rowCount() >= MAX_PAIRS:
            self.note.setText(f"The table holds at most {MAX_PAIRS} rows.")
            return
        current = self.table.currentRow()
        row = current + 1 if current >= 0 else self.table.rowCount()
        self._loading = True
        try:
            self._insert(row, PlanPair(""))
        finally:
            self._loading = False
        self.table.setCurrentCell(row, 0)
        self._changed()
        item = self.table.item(row, 0)
        if item is not None:
            self.table.setFocus()
            self.table.editItem(item)

    def commit_open_cell(self) -> None:
        """Take what is typed in a cell still open for editing into the table (a lock or
        quit does not move the keyboard out of the cell, which would do it)."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.table.indexWidget(self.table.currentIndex())
        if editor is not None:
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self._removed.append((row, self.pairs()[row]))
        self.table.removeRow(row)
        if self.table.rowCount():
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), 0)
        self._changed("Row removed. Ctrl+Z in the table brings it back.")

    def undo_remove(self) -> None:
        """Put the row removed last back where it was."""
        if not self._removed:
            return
        row, pair = self._removed.pop()
        self._loading = True
        try:
            self._insert(min(row, self.table.rowCount()), pair)
        finally:
            self._loading = False
        self.table.setCurrentCell(row, 0)
        self._changed("Row back.")

    def move_row(self, delta: int) -> None:
        row = self.table.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        pairs = list(self.pairs())
        pairs[row], pairs[target] = pairs[target], pairs[row]
        self._loading = True
        try:
            for index in (row, target):
                for column, text in enumerate((pairs[index].first, pairs[index].second)):
                    item = self.table.item(index, column)
                    if item is not None:
                        item.setText(text)
                        item.setToolTip(text)
        finally:
            self._loading = False
        self.table.setCurrentCell(target, self.table.currentColumn())
        self._changed()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows.start()

    def _update_buttons(self) -> None:
        row = self.table.currentRow()
        chosen = row >= 0 and self.table.rowCount() > 0
        self.remove_button.setEnabled(chosen)
        self.up_button.setEnabled(chosen and row > 0)
        self.down_button.setEnabled(chosen and row < self.table.rowCount() - 1)
