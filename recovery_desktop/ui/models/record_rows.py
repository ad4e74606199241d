"""A read-only table of records, one per row, for the lists whose every cell is a line of
plain text (tooltips break long ones): the cravings list, the plan's versions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from recovery_desktop.ui.plain_text import tooltip_lines

AnyIndex = QModelIndex | QPersistentModelIndex


class RecordRows(QAbstractTableModel):
    """Rows are ``records`` in the order given; ``cell(record, column)`` is each cell's
    text under ``headers``; the ``centred`` column is centred (a number)."""

    def __init__(
        self, headers: Sequence[str], cell: Callable[[Any, int], str], centred: int = -1
    ) -> None:
        super().__init__()
        self._headers = tuple(headers)
        self._cell = cell
        self._centred = centred
        self._rows: list[Any] = []

    def set_rows(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def row_record(self, row: int) -> Any:
        """The record of ``row``, None outside the table."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        record = self.row_record(index.row()) if index.isValid() else None
        if record is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(record, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_lines(self._cell(record, index.column()))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self._centred:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
