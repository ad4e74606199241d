"""The plan's versions as a table model, newest first (tested without a view)."""

from __future__ import annotations

from collections.abc import Sequence

from recovery_desktop.domain.plan import PlanVersion
from recovery_desktop.ui.models.record_rows import RecordRows
from recovery_desktop.ui.pages.plan.version_words import (
    changed_text,
    label_text,
    reason_text,
    when_text,
)

COL_NUMBER, COL_WHEN, COL_LABEL, COL_WHY, COL_CHANGED = range(5)
HEADERS = ("No.", "Saved", "Label", "Why", "Sections changed")


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


class VersionsModel(RecordRows):
    """Rows are versions in the order given (the repository's: newest first)."""

    def __init__(self) -> None:
        super().__init__(HEADERS, cell, COL_NUMBER)

    def set_versions(self, records: Sequence[PlanVersion]) -> None:
        self.set_rows(records)

    def version_at(self, row: int) -> PlanVersion | None:
        found: PlanVersion | None = self.row_record(row)
        return found

    def row_of(self, version_id: int) -> int:
        """The row showing the version ``version_id``; -1 if none does."""
        return next((row for row, v in enumerate(self._rows) if v.id == version_id), -1)
