"""Daily check-ins: read and write, one committed transaction per save."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from recovery_desktop.data.changes import Change, ChangeFeed
from recovery_desktop.data.connection import sql_errors
from recovery_desktop.data.medication import MedicationRepository
from recovery_desktop.data.stored_dates import stored_day
from recovery_desktop.domain.checkin import CheckIn, Halt
from recovery_desktop.domain.dose_day import medication_answer, ticks_decide

if TYPE_CHECKING:
    from sqlite_utils import Database

TABLE = "checkins"
_HALT_COLUMNS = {h: f"halt_{h.value}" for h in Halt}
_TRI_STATE = ("used", "meeting", "therapy", "medication_taken")
_NUMBERS = (
    "mood",
    "craving_peak",
    "stress",
    "sleep_hours",
    "sleep_quality",
    "energy",
    "exercise_minutes",
)


def _to_row(checkin: CheckIn) -> dict[str, Any]:
    row: dict[str, Any] = {"day": checkin.day.isoformat(), "note": checkin.note}
    row.update({name: getattr(checkin, name) for name in _NUMBERS})
    for name in _TRI_STATE:
        value = getattr(checkin, name)
        row[name] = None if value is None else int(value)
    for halt, column in _HALT_COLUMNS.items():
        row[column] = int(halt in checkin.halt)
    return row


def _from_row(row: dict[str, Any]) -> CheckIn:
    values: dict[str, Any] = {name: row[name] for name in _NUMBERS}
    for name in _TRI_STATE:
        values[name] = None if row[name] is None else bool(row[name])
    halt = frozenset(h for h, column in _HALT_COLUMNS.items() if row[column])
    return CheckIn(day=stored_day(row["day"]), halt=halt, note=row["note"], **values)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class CheckinRepository:
    """The ``checkins`` table."""

    def __init__(self, db: Database, changes: ChangeFeed | None = None) -> None:
        self._db = db
        self._changes = changes or ChangeFeed()

    def get(self, day: date) -> CheckIn | None:
        with sql_errors():
            rows = list(self._db.query(f"SELECT * FROM {TABLE} WHERE day = ?", [day.isoformat()]))
        return _from_row(rows[0]) if rows else None

    def save(self, checkin: CheckIn) -> None:
        """Insert or update the day's check-in; committed when this returns.

        A check-in with nothing answered is not stored (an earlier one for that day is
        removed), so an untouched day never counts as "checked in". Once a dose of the day
        is ticked, "Medication taken" is the answer the ticks give (``data/medication.py``),
        whatever ``checkin`` says, and does not count as an answer of its own; until then
        ``checkin``'s answer is stored.
        """
        checkin.validate()
        with sql_errors(), self._changes.writing(self._db, Change.CHECKINS):
            doses = MedicationRepository(self._db, self._changes).doses_on(checkin.day)
            self._store(checkin, (medication_answer(doses),) if ticks_decide(doses) else None)

    def _store(self, checkin: CheckIn, doses_answer: tuple[bool | None] | None) -> None:
        """``doses_answer``: (the ticks' answer,) on a day the ticks decide, else None
        (the form's answer is kept)."""
        if doses_answer is not None:
            if replace(checkin, medication_taken=None).is_empty():
                checkin = replace(checkin, medication_taken=None)
            else:
                checkin = replace(checkin, medication_taken=doses_answer[0])
        if checkin.is_empty():
            self._db.execute(f"DELETE FROM {TABLE} WHERE day = ?", [checkin.day.isoformat()])
            return
        row = _to_row(checkin)
        now = _now()
        row["updated_at"] = now
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        updates = ", ".join(f"{c} = excluded.{c}" for c in row if c != "day")
        self._db.execute(
            f"INSERT INTO {TABLE} ({columns}, created_at) VALUES ({marks}, ?) "
            f"ON CONFLICT(day) DO UPDATE SET {updates}",
            [*row.values(), now],
        )

    def save_many(self, checkins: Iterable[CheckIn]) -> int:
        """Save several check-ins in one transaction (demo data, imports), as
        :meth:`save` does; the medication answers of their days are read at once."""
        chosen = list(checkins)
        for checkin in chosen:
            checkin.validate()
        if not chosen:
            return 0
        with sql_errors(), self._changes.writing(self._db, Change.CHECKINS):
            days = [checkin.day for checkin in chosen]
            medication = MedicationRepository(self._db, self._changes)
            answers = medication.answers_between(min(days), max(days))
            for checkin in chosen:
                day = checkin.day
                self._store(checkin, (answers[day],) if day in answers else None)
        return len(chosen)

    def between(self, start: date, end: date) -> list[CheckIn]:
        """Check-ins from ``start`` to ``end`` inclusive, oldest first."""
        with sql_errors():
            rows = self._db.query(
                f"SELECT * FROM {TABLE} WHERE day BETWEEN ? AND ? ORDER BY day",
                [start.isoformat(), end.isoformat()],
            )
            return [_from_row(row) for row in rows]

    def days_with_checkins(self, start: date, end: date) -> set[date]:
        with sql_errors():
            rows = self._db.execute(
                f"SELECT day FROM {TABLE} WHERE day BETWEEN ? AND ?",
                [start.isoformat(), end.isoformat()],
            ).fetchall()
        return {stored_day(r[0]) for r in rows}

    def count(self) -> int:
        with sql_errors():
            return int(self._db.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0])
