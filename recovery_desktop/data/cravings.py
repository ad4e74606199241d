"""Cravings and the triggers and coping actions recorded with them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from recovery_desktop.data.changes import Change, ChangeFeed
from recovery_desktop.data.connection import sql_errors
from recovery_desktop.data.stored_dates import stored_moment
from recovery_desktop.domain.cravings import Craving, Outcome, Tag

if TYPE_CHECKING:
    from sqlite_utils import Database

_COLUMNS = (
    "id, started_at, intensity, place, with_whom, thoughts, intensity_after, outcome, "
    "duration_minutes"
)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def local_text(moment: datetime) -> str:
    """Local wall-clock time, to the minute, without a zone (see domain.cravings)."""
    return moment.replace(tzinfo=None).isoformat(timespec="minutes")


class CravingRepository:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    # -- reading -------------------------------------------------------------------------
    def _tags(self, ids: list[int]) -> dict[int, dict[str, list[Tag]]]:
        found: dict[int, dict[str, list[Tag]]] = {i: {"trigger": [], "coping": []} for i in ids}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self._db.execute(
                f"SELECT craving_id, kind, item_id, name FROM craving_tags "
                f"WHERE craving_id IN ({marks}) ORDER BY craving_id, kind, position",
                chunk,
            ).fetchall()
            for craving_id, kind, item_id, name in rows:
                found[craving_id][kind].append(Tag(item_id, name))
        return found

    def _build(self, rows: list[Any]) -> list[Craving]:
        tags = self._tags([row[0] for row in rows])
        return [
            Craving(
                id=row[0],
                started_at=stored_moment(row[1]),
                intensity=row[2],
                place=row[3],
                with_whom=row[4],
                thoughts=row[5],
                intensity_after=row[6],
                outcome=Outcome(row[7]) if row[7] else None,
                duration_minutes=row[8],
                triggers=tuple(tags[row[0]]["trigger"]),
                coping=tuple(tags[row[0]]["coping"]),
            )
            for row in rows
        ]

    def get(self, craving_id: int) -> Craving | None:
        with sql_errors():
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM cravings WHERE id = ?", [craving_id]
            ).fetchall()
            found = self._build(rows)
        return found[0] if found else None

    def between(self, start: date, end: date, trigger: object = None) -> list[Craving]:
        """Cravings that started from ``start`` to ``end`` inclusive, newest first.

        ``trigger`` (a :attr:`Tag.key`: an item id or a lower-cased name) keeps only
        cravings with that trigger.
        """
        with sql_errors():
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM cravings WHERE day BETWEEN ? AND ? "
                "ORDER BY started_at DESC, id DESC",
                [start.isoformat(), end.isoformat()],
            ).fetchall()
            cravings = self._build(rows)
        if trigger is None:
            return cravings
        return [c for c in cravings if any(t.key == trigger for t in c.triggers)]

    def count(self) -> int:
        with sql_errors():
            return int(self._db.execute("SELECT count(*) FROM cravings").fetchone()[0])

    # -- writing -------------------------------------------------------------------------
    def save(self, craving: Craving) -> Craving:
        """Insert or update, tags included, in one transaction; returns it with its id."""
        craving.validate()
        values = [
            local_text(craving.started_at),
            craving.day.isoformat(),
            craving.intensity,
            craving.place,
            craving.with_whom,
            craving.thoughts,
            craving.intensity_after,
            craving.outcome.value if craving.outcome else None,
            craving.duration_minutes,
        ]
        with sql_errors(), self._changes.writing(self._db, Change.CRAVINGS):
            if craving.id is None:
                cursor = self._db.execute(
                    "INSERT INTO cravings (started_at, day, intensity, place, with_whom, thoughts, "
                    "intensity_after, outcome, duration_minutes, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [*values, _now(), _now()],
                )
                craving_id = int(cursor.lastrowid or 0)
            else:
                craving_id = craving.id
                self._db.execute(
                    "UPDATE cravings SET started_at = ?, day = ?, intensity = ?, place = ?, "
                    "with_whom = ?, thoughts = ?, intensity_after = ?, outcome = ?, "
                    "duration_minutes = ?, updated_at = ? WHERE id = ?",
                    [*values, _now(), craving_id],
                )
            self._replace_tags(craving_id, "trigger", craving.triggers)
            self._replace_tags(craving_id, "coping", craving.coping)
        return replace(craving, id=craving_id)

    def _replace_tags(self, craving_id: int, kind: str, tags: Iterable[Tag]) -> None:
        self._db.execute(
            "DELETE FROM craving_tags WHERE craving_id = ? AND kind = ?", [craving_id, kind]
        )
        for position, tag in enumerate(tags):
            self._db.execute(
                "INSERT INTO craving_tags (craving_id, kind, item_id, name, position) "
                "VALUES (?, ?, ?, ?, ?)",
                [craving_id, kind, tag.item_id, tag.name, position],
            )

    def delete(self, craving_id: int) -> None:
        """Remove one craving (the user confirmed). Lapses and reach-outs linked to it stay."""
        with sql_errors(), self._changes.writing(self._db, Change.CRAVINGS):
            self._db.execute("DELETE FROM cravings WHERE id = ?", [craving_id])
