"""The short lists kept with each summary period: things to talk about, goals for next time."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from recovery_desktop.data.changes import Change, ChangeFeed
from recovery_desktop.data.connection import sql_errors
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.summary import SummaryNotes

if TYPE_CHECKING:
    from sqlite_utils import Database


def _items(text: str | None) -> list[str]:
    try:
        value = json.loads(text or "[]")
    except json.JSONDecodeError:
        return []
    return [str(item) for item in value] if isinstance(value, list) else []


class SummaryNotesRepository:
    """The ``summary_notes`` table, one row per period key."""

    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    def get(self, period: Period) -> SummaryNotes:
        with sql_errors():
            row = self._db.execute(
                "SELECT talk_about, goals FROM summary_notes WHERE period_key = ?", [period.key]
            ).fetchone()
        if row is None:
            return SummaryNotes()
        return SummaryNotes(tuple(_items(row[0])), tuple(_items(row[1])))

    def save(self, period: Period, notes: SummaryNotes) -> None:
        """Store the lists for ``period`` (committed when this returns)."""
        cleaned = notes.cleaned()
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with sql_errors(), self._changes.writing(self._db, Change.SUMMARY_NOTES):
            self._db.execute(
                "INSERT INTO summary_notes (period_key, start, end, talk_about, goals, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(period_key) DO UPDATE SET "
                "talk_about = excluded.talk_about, goals = excluded.goals, "
                "updated_at = excluded.updated_at",
                [
                    period.key,
                    period.start.isoformat(),
                    period.end.isoformat(),
                    json.dumps(list(cleaned.talk_about)),
                    json.dumps(list(cleaned.goals)),
                    now,
                ],
            )

    def previous_goals(self, period: Period) -> tuple[str, ...]:
        """The goals of the latest period that ended before ``period`` began."""
        with sql_errors():
            row = self._db.execute(
                "SELECT goals FROM summary_notes WHERE end < ? AND goals != '[]' "
                "ORDER BY end DESC LIMIT 1",
                [period.start.isoformat()],
            ).fetchone()
        return tuple(_items(row[0])) if row else ()

    def count(self) -> int:
        with sql_errors():
            return int(self._db.execute("SELECT count(*) FROM summary_notes").fetchone()[0])
