"""The cravings list as a table model (tested without a view)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.ui.plain_text import tooltip_lines

COL_DATE, COL_TIME, COL_INTENSITY, COL_TRIGGERS, COL_HELPED, COL_OUTCOME = range(6)
HEADERS = ("Date", "Time", "Intensity", "Triggers", "What I did", "Outcome")

AnyIndex = QModelIndex | QPersistentModelIndex


def intensity_text(craving: Craving) -> str:
    """ "8 → 3", "8", "? → 3" or "—"."""
    before = "—" if craving.intensity is None else str(craving.intensity)
    if craving.intensity_after is None:
        return before
    return f"{before if craving.intensity is not None else '?'} → {craving.intensity_after}"


def cell(craving: Craving, column: int) -> str:
    if column == COL_DATE:
        return date_text(craving.started_at, "%a %-d %b %Y")
    if column == COL_TIME:
        return f"{craving.started_at:%H:%M}"
    if column == COL_INTENSITY:
        return intensity_text(craving)
    if column == COL_TRIGGERS:
        return ", ".join(t.name for t in craving.triggers)
    if column == COL_HELPED:
        return ", ".join(t.name for t in craving.coping)
    return craving.outcome.label if craving.outcome else "—"


class CravingsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Craving] = []

    def set_cravings(self, cravings: Sequence[Craving]) -> None:
        self.beginResetModel()
        self._rows = list(cravings)
        self.endResetModel()

    def craving_at(self, row: int) -> Craving | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        craving = self.craving_at(index.row()) if index.isValid() else None
        if craving is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell(craving, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_lines(cell(craving, index.column()))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_INTENSITY:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None
