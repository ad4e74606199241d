"""The ``plan_versions`` table: versions kept of the plan, each a JSON snapshot.

Times are local wall-clock time without a zone, to the minute ("2026-11-30T15:40"), as
the user saw them (``PlanVersion.saved_at``). ``number`` is the version's place in the
order kept (1 for the first), counted when read; nothing is ever deleted, so it is stable.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from recovery_desktop.data.plan_rows import (
    changed_from_json,
    changed_to_json,
    plan_from_json,
    plan_to_json,
)
from recovery_desktop.data.stored_dates import stored_moment
from recovery_desktop.domain.plan import Plan, PlanVersion, VersionReason

if TYPE_CHECKING:
    from sqlite_utils import Database

_LIGHT = "id, number, saved_at, reason, label, changed"
_NUMBERED = (
    "SELECT id, row_number() OVER (ORDER BY id) AS number, saved_at, reason, label, changed, "
    "snapshot FROM plan_versions"
)


def moment_text(moment: datetime) -> str:
    """Local time to the minute, without a zone (as cravings and the export's times)."""
    return moment.replace(tzinfo=None).isoformat(timespec="minutes")


def stored_reason(value: object) -> VersionReason:
    """A stored reason; one this version does not know reads as ``AUTOMATIC``."""
    try:
        return VersionReason(str(value))
    except ValueError:
        return VersionReason.AUTOMATIC


def _version(row: Sequence[Any], snapshot: object = None) -> PlanVersion:
    plan = plan_from_json(snapshot) if snapshot is not None else None
    return PlanVersion(
        int(row[0]),
        int(row[1]),
        stored_moment(row[2]),
        stored_reason(row[3]),
        str(row[4]),
        changed_from_json(row[5]),
        plan,
    )


def insert_version(
    db: Database,
    plan: Plan,
    saved_at: datetime,
    reason: VersionReason,
    label: str,
    changed: Sequence[str],
) -> int:
    """Keep one version (inside the caller's transaction); returns its id."""
    cursor = db.execute(
        "INSERT INTO plan_versions (saved_at, reason, label, changed, snapshot) "
        "VALUES (?, ?, ?, ?, ?)",
        [moment_text(saved_at), reason.value, label, changed_to_json(changed), plan_to_json(plan)],
    )
    return int(cursor.lastrowid or 0)


def all_versions(db: Database) -> list[PlanVersion]:
    """Every version, newest first, without snapshots."""
    rows = db.execute(f"SELECT {_LIGHT} FROM ({_NUMBERED}) ORDER BY id DESC").fetchall()
    return [_version(row) for row in rows]


def version_by_id(db: Database, version_id: int) -> PlanVersion | None:
    """One version with its snapshot; None if there is none with that id."""
    row = db.execute(f"SELECT * FROM ({_NUMBERED}) WHERE id = ?", [version_id]).fetchone()
    return _version(row, row[6]) if row is not None else None


def latest_version(db: Database) -> PlanVersion | None:
    """The newest version with its snapshot, if any."""
    row = db.execute("SELECT max(id) FROM plan_versions").fetchone()
    return version_by_id(db, int(row[0])) if row and row[0] is not None else None


def versions_between(db: Database, first: date, last: date) -> list[PlanVersion]:
    """Versions kept from ``first`` to ``last`` inclusive (local days), oldest first,
    without snapshots."""
    rows = db.execute(
        f"SELECT {_LIGHT} FROM ({_NUMBERED}) WHERE substr(saved_at, 1, 10) BETWEEN ? AND ? "
        "ORDER BY id",
        [first.isoformat(), last.isoformat()],
    ).fetchall()
    return [_version(row) for row in rows]


def version_count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM plan_versions").fetchone()[0])
