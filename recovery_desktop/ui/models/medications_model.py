"""The medications list as a table model (tested without a view): one row per medication
with its schedule in words and how many doses were taken of those expected in the last 7
and 30 days. Stopped medications come last, greyed (never red: a stop or a missed dose is
information, not a fault)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from recovery_desktop.domain.medication import Adherence, Medication
from recovery_desktop.domain.medication_words import (
    adherence_detail,
    adherence_words,
    dates_words,
    is_stopped,
    schedule_words,
)
from recovery_desktop.ui.models.record_rows import RecordRows

COL_NAME, COL_KIND, COL_DOSE, COL_SCHEDULE, COL_DATES, COL_WEEK, COL_MONTH = range(7)
HEADERS = ("Name", "Kind", "Dose", "Schedule", "Dates", "Last 7 days", "Last 30 days")

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class MedicationRow:
    """One medication as listed, with its adherence over the last 7 and 30 days (up to
    ``today``, the day the row was read on)."""

    medication: Medication
    week: Adherence | None
    month: Adherence | None
    today: date

    @property
    def stopped(self) -> bool:
        return is_stopped(self.medication, self.today)


def cell(row: MedicationRow, column: int) -> str:
    medication = row.medication
    texts = {
        COL_NAME: lambda: medication.name,
        COL_KIND: lambda: medication.kind.label,
        COL_DOSE: lambda: medication.dose or "—",
        COL_SCHEDULE: lambda: schedule_words(medication.schedule),
        COL_DATES: lambda: dates_words(medication, row.today),
        COL_WEEK: lambda: adherence_words(row.week),
        COL_MONTH: lambda: adherence_words(row.month),
    }
    return texts[column]()


class MedicationsModel(RecordRows):
    """Rows in list order (see :func:`set_medications`); ``medication_at(row)``."""

    def __init__(self) -> None:
        super().__init__(HEADERS, cell)

    def set_medications(self, rows: Sequence[MedicationRow]) -> None:
        """Show ``rows``: those still taken first, then the stopped ones, each group in
        the order given (the repository's)."""
        self.set_rows(sorted(rows, key=lambda row: row.stopped))

    def medication_at(self, row: int) -> Medication | None:
        found: MedicationRow | None = self.row_record(row)
        return found.medication if found else None

    def row_of(self, medication_id: int | None) -> int:
        """The row showing ``medication_id``; -1 when none does."""
        for row in range(self.rowCount()):
            found = self.medication_at(row)
            if found is not None and found.id == medication_id:
                return row
        return -1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row: MedicationRow | None = self.row_record(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole and row.stopped:
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (COL_WEEK, COL_MONTH):
            return adherence_detail(row.week if index.column() == COL_WEEK else row.month)
        return super().data(index, role)
