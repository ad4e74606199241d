"""The plan's versions as a table model, newest first (tested without a view)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from recovery_desktop.domain.plan import PlanVersion
from recovery_desktop.ui.pages.plan.version_words import (
    changed_text,
    label_text,
    reason_text,
    when_text,
)
from recovery_desktop.ui.plain_text import tooltip_lines

COL_NUMBER, COL_WHEN, COL_LABEL, COL_WHY, COL_CHANGED = range(5)
HEADERS = ("No.", "Saved", "Label", "Why", "Sections changed")

AnyIndex = QModelIndex | QPersistentModelIndex


def cell(version: PlanVersion, column: int) -> str:
    if column == COL_NUMBER:
        return str(version.number)
    if column == COL_WHEN:
        return when_text(version)
    if column == COL_LABEL:
        return label_text(version)
    if column == COL_WHY:
        return reason_text(version)
    return changed_text(version)


class VersionsModel(QAbstractTableModel):
    """Rows are versions in the order given (the repository's: newest first)."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PlanVersion] = []

    def set_versions(self, versions: Sequence[PlanVersion]) -> None:
        self.beginResetModel()
        self._rows = list(versions)
        self.endResetModel()

    def version_at(self, row: int) -> PlanVersion | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, version_id: int) -> int:
        """The row showing the version ``version_id``; -1 if none does."""
        return next((row for row, v in enumerate(self._rows) if v.id == version_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        version = self.version_at(index.row()) if index.isValid() else None
        if version is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell(version, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_lines(cell(version, index.column()))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_NUMBER:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None
