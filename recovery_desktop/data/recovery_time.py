"""Clean dates, the history of attempts, and lapses. Nothing here is ever deleted, except a
lapse the user removes as a mistake (see ``domain.lapse_undo``), undone as a whole."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from recovery_desktop.data.changes import Change, ChangeFeed
from recovery_desktop.data.connection import sql_errors
from recovery_desktop.data.cravings import local_text
from recovery_desktop.data.preferences import PreferenceRepository
from recovery_desktop.data.stored_dates import IN_RANGE, optional_day, stored_day, stored_moment
from recovery_desktop.domain.dates import EARLIEST_DAY, LATEST_DAY
from recovery_desktop.domain.lapse_undo import LapseUndo, undo_lapses
from recovery_desktop.domain.recovery_time import (
    CleanPeriod,
    Lapse,
    RecoveryTimeError,
    check_clean_date,
    check_lapse,
    current_period,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

_LAPSE = "id, at, substance, what_used, before, would_help, tell, craving_id"


def _period(row: Any) -> CleanPeriod:
    return CleanPeriod(row[0], row[1], stored_day(row[2]), optional_day(row[3]), row[4], row[5])


def _lapse(row: Any) -> Lapse:
    return Lapse(row[0], stored_moment(row[1]), *row[2:])


class RecoveryTimeRepository:
    def __init__(self, db: Database, changes: ChangeFeed, preferences: PreferenceRepository):
        self._db = db
        self._changes = changes
        self._preferences = preferences

    def periods(self) -> list[CleanPeriod]:
        """Every attempt, oldest first."""
        with sql_errors():
            rows = self._db.execute(
                "SELECT id, substance, start, end, lapse_id, started_by FROM clean_periods "
                f"WHERE start {IN_RANGE} AND (end IS NULL OR end {IN_RANGE}) ORDER BY start, id"
            ).fetchall()
        return [_period(row) for row in rows]

    def counting(self) -> bool:
        """Whether clean time is counted: the user's choice, else (a journal from before the
        choice was stored) whether any clean date was ever set."""
        chosen = self._preferences.counting_clean_time()
        if chosen is not None:
            return chosen
        with sql_errors():
            return self._db.execute("SELECT 1 FROM clean_periods LIMIT 1").fetchone() is not None

    def set_counting(self, counting: bool) -> None:
        with sql_errors(), self._changes.writing(self._db, Change.CLEAN_TIME):
            self._preferences.set_counting_clean_time(counting)

    def set_clean_date(self, substance: str, start: date, today: date) -> None:
        """Start counting for a new substance, or correct the current clean date."""
        substance = substance.strip()
        if not substance:
            raise RecoveryTimeError("Please name the substance.")
        check_clean_date(start, self.last_lapse_day(substance), today)
        current = current_period(self.periods(), substance)
        with sql_errors(), self._changes.writing(self._db, Change.CLEAN_TIME):
            if current is None:
                self._db.execute(
                    "INSERT INTO clean_periods (substance, start) VALUES (?, ?)",
                    [substance, start.isoformat()],
                )
            else:
                earlier_end = self._db.execute(
                    "SELECT max(end) FROM clean_periods WHERE substance = ? AND end IS NOT NULL",
                    [substance],
                ).fetchone()[0]
                if earlier_end and start.isoformat() < earlier_end:
                    raise RecoveryTimeError(
                        "That date is before your last lapse. Your history stays as it is."
                    )
                self._db.execute(
                    "UPDATE clean_periods SET start = ? WHERE id = ?",
                    [start.isoformat(), current.id],
                )
            self._preferences.set_counting_clean_time(True)

    def record_lapse(self, lapse: Lapse, new_start: date | None, today: date) -> Lapse:
        """Save the lapse, close the current attempt on its day and start a new one from
        ``new_start`` (None: no count runs for the substance, and none is started).

        One transaction: either all of it is recorded or nothing is.
        """
        lapse.validate()
        periods = self.periods()
        check_lapse(periods, lapse.substance, lapse.day, new_start, today)
        current = current_period(periods, lapse.substance)
        created = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with sql_errors(), self._changes.writing(self._db, Change.CLEAN_TIME):
            cursor = self._db.execute(
                "INSERT INTO lapses (at, day, substance, what_used, before, would_help, tell, "
                "craving_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    local_text(lapse.at),
                    lapse.day.isoformat(),
                    lapse.substance,
                    lapse.what_used,
                    lapse.before,
                    lapse.would_help,
                    lapse.tell,
                    lapse.craving_id,
                    created,
                ],
            )
            lapse_id = int(cursor.lastrowid or 0)
            if current is not None:
                self._db.execute(
                    "UPDATE clean_periods SET end = ?, lapse_id = ? WHERE id = ?",
                    [lapse.day.isoformat(), lapse_id, current.id],
                )
            if new_start is not None:
                self._db.execute(
                    "INSERT INTO clean_periods (substance, start, started_by) VALUES (?, ?, ?)",
                    [lapse.substance, new_start.isoformat(), lapse_id],
                )
                self._preferences.set_counting_clean_time(True)
        return replace(lapse, id=lapse_id)

    def remove_lapses(self, lapse_ids: list[int]) -> None:
        """Undo lapses recorded by mistake (the user asked), in one transaction: each ended
        attempt runs on again and each attempt a lapse started is removed. Raises
        :class:`RecoveryTimeError`, changing nothing, when that can't be done cleanly."""
        plans = undo_lapses(self.periods(), self.lapses(EARLIEST_DAY, LATEST_DAY), lapse_ids)
        with sql_errors(), self._changes.writing(self._db, Change.CLEAN_TIME):
            for plan in plans:
                self._undo(plan)

    def _undo(self, plan: LapseUndo) -> None:
        if plan.remove is not None:
            self._db.execute("DELETE FROM clean_periods WHERE id = ?", [plan.remove])
        if plan.reopen is not None:
            self._db.execute(
                "UPDATE clean_periods SET end = NULL, lapse_id = NULL WHERE id = ?", [plan.reopen]
            )
        self._db.execute("DELETE FROM lapses WHERE id = ?", [plan.lapse_id])

    def lapses_of_craving(self, craving_id: int) -> list[Lapse]:
        with sql_errors():
            rows = self._db.execute(
                f"SELECT {_LAPSE} FROM lapses WHERE craving_id = ? ORDER BY at, id", [craving_id]
            ).fetchall()
        return [_lapse(row) for row in rows]

    def lapses(self, start: date, end: date) -> list[Lapse]:
        """Lapses from ``start`` to ``end`` (``date.min``/``date.max`` for all), oldest first;
        rows dated outside the journal's dates are left out."""
        with sql_errors():
            rows = self._db.execute(
                f"SELECT {_LAPSE} FROM lapses WHERE day BETWEEN ? AND ? AND day {IN_RANGE} "
                "ORDER BY at, id",
                [start.isoformat(), end.isoformat()],
            ).fetchall()
        return [_lapse(row) for row in rows]

    def last_lapse_day(self, substance: str) -> date | None:
        """The day of the latest lapse recorded for ``substance``, if any."""
        with sql_errors():
            row = self._db.execute(
                f"SELECT max(day) FROM lapses WHERE substance = ? AND day {IN_RANGE}", [substance]
            ).fetchone()
        return optional_day(row[0]) if row else None

    def counts(self) -> dict[str, int]:
        with sql_errors():
            lapses = self._db.execute("SELECT count(*) FROM lapses").fetchone()[0]
            periods = self._db.execute("SELECT count(*) FROM clean_periods").fetchone()[0]
        return {"lapses": int(lapses), "clean_dates": int(periods)}
