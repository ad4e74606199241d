"""The cravings list as a table model (tested without a view)."""

from __future__ import annotations

from collections.abc import Sequence

from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.ui.models.record_rows import RecordRows

COL_DATE, COL_TIME, COL_INTENSITY, COL_TRIGGERS, COL_HELPED, COL_OUTCOME = range(6)
HEADERS = ("Date", "Time", "Intensity", "Triggers", "What I did", "Outcome")


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


class CravingsModel(RecordRows):
    def __init__(self) -> None:
        super().__init__(HEADERS, cell, COL_INTENSITY)

    def set_cravings(self, records: Sequence[Craving]) -> None:
        self.set_rows(records)

    def craving_at(self, row: int) -> Craving | None:
        found: Craving | None = self.row_record(row)
        return found
