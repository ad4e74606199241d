"""Applying a checked export (:class:`ImportPlan`) to a journal, in one transaction.

Into a new journal, the library and crisis lines it was created with are replaced by the
file's, so export → import → export gives the same records. Merged into a journal that has
records, a record is skipped (and counted) when the journal already holds it: the same
stable id, or the same natural key (a check-in of that day, a summary note of that period,
a preference of that key, a library item of the same kind and name, a crisis line of the
same name and number). A skipped record whose content differs from the journal's copy (an
edited note, another mood) is counted apart, in ``differ``: the journal's own is kept, never
overwritten, and the user is told. For a substance the journal already tracks (it has a
clean period of it, letter case and spaces aside), the file's clean periods and all its
lapses of that substance are skipped and the user is told: two histories of attempts
cannot be laid over each other without double-counted days or a lapse inside a clean
stretch, so the journal's own history of that substance is kept whole (docs/decisions.md).
Likewise a day (or weekday template) the journal already plans in My day keeps its own
blocks: the file's other blocks of that day are counted in ``differ`` and not added, and a
journal that already holds an aftercare plan keeps it whole: the file's plan sections, their
rows and links, and its plan versions are counted in ``differ`` and not added (two plans
cannot be laid over each other, nor two histories of versions).
Merged items of ordered lists (library, people, crisis lines) go after the journal's own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from recovery_desktop.data.changes import EVERYTHING
from recovery_desktop.data.connection import (
    FULL,
    IOERR,
    SqlError,
    error_code,
    translate,
)
from recovery_desktop.data.errors import JournalError, StorageProblem
from recovery_desktop.data.import_json import ImportPlan, Row
from recovery_desktop.data.journal import Journal
from recovery_desktop.data.transfer_format import KINDS, PLAN_KINDS, Field, Kind, Type
from recovery_desktop.data.transfer_medication import NATURAL_KEYS
from recovery_desktop.domain.library import name_key
from recovery_desktop.domain.wording import plural

if TYPE_CHECKING:
    from sqlite_utils import Database

_NEW_JOURNAL_DEFAULTS = ("library_items", "crisis_lines", "preferences")
_ORDERED = ("library_items", "contacts", "crisis_lines")
TRACKED_NOTE = (
    "{records} not imported: this journal already tracks clean time for that substance, "
    "and its own history of it was kept, so no clean day is counted twice."
)


@dataclass
class ImportResult:
    """What an import added and skipped, per kind name, and notes for the user."""

    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    differ: dict[str, int] = field(default_factory=dict)
    not_merged: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def total_added(self) -> int:
        return sum(self.added.values())


class _Rollback(Exception):
    """Ends :func:`preview`'s transaction without keeping anything."""


def preview(journal: Journal, plan: ImportPlan) -> ImportResult:
    """What :func:`import_plan` would add and skip; nothing is kept."""
    result = ImportResult()
    try:
        with journal.db.atomic():
            result = _apply(journal.db, plan, replace_defaults=False)
            raise _Rollback
    except _Rollback:
        pass
    except SqlError as error:
        raise _not_imported(error) from error
    return result


def import_plan(journal: Journal, plan: ImportPlan, *, new_journal: bool = False) -> ImportResult:
    """Apply ``plan``: a backup first (``before-import``, unless ``new_journal``), then
    every record in one transaction. Raises ``JournalError`` with nothing applied."""
    if not new_journal:
        try:
            journal.backup("before-import")
        except JournalError as error:
            raise type(error)(f"Nothing was imported: {error}") from error
    try:
        # Every kind is announced once the records are in (nothing if it rolled back).
        with journal.changes.writing(journal.db, *EVERYTHING):
            result = _apply(journal.db, plan, replace_defaults=new_journal)
    except SqlError as error:
        raise _not_imported(error) from error
    journal.contacts.refresh_crisis_copy()
    return result


def _not_imported(error: Exception) -> JournalError:
    """What a failed import transaction says: nothing was imported (never the words of a
    dialog's save, "What you typed is still on screen")."""
    translated = translate(error)
    if isinstance(translated, StorageProblem) and error_code(error) in (FULL, IOERR):
        return StorageProblem(
            "The disk is full (or failing), so nothing was imported. Your journal is as it "
            "was. Free some space and try again."
        )
    return type(translated)(f"Nothing was imported. {translated}")


def _apply(db: Database, plan: ImportPlan, replace_defaults: bool) -> ImportResult:
    if replace_defaults:
        for table in _NEW_JOURNAL_DEFAULTS:
            db.execute(f"DELETE FROM {table}")
    result = ImportResult()
    local: dict[str, dict[str, int]] = {}
    tracked = _tracked_substances(db)
    has_plan = db.execute("SELECT 1 FROM plan_sections LIMIT 1").fetchone() is not None
    for kind in KINDS:
        kept = has_plan and kind.name in PLAN_KINDS
        _apply_kind(db, kind, plan.rows[kind.name], local, result, tracked, kept)
    if any(result.not_merged.values()):
        result.notes.append(_tracked_note(result.not_merged))
    return result


def _substance(row: Row) -> str:
    return str(row.values["substance"] or "").strip().casefold()


def _tracked_substances(db: Database) -> set[str]:
    """The substances this journal counts clean time for (before the import)."""
    rows = db.execute("SELECT DISTINCT substance FROM clean_periods").fetchall()
    return {str(row[0]).strip().casefold() for row in rows}


def _tracked_note(left_out: dict[str, int]) -> str:
    parts = []
    if left_out.get("clean_periods"):
        parts.append(plural(left_out["clean_periods"], "clean period"))
    if left_out.get("lapses"):
        parts.append(plural(left_out["lapses"], "lapse"))
    return TRACKED_NOTE.format(records=" and ".join(parts))


def _apply_kind(
    db: Database,
    kind: Kind,
    rows: list[Row],
    local: dict[str, dict[str, int]],
    result: ImportResult,
    tracked: set[str],
    kept: bool = False,
) -> None:
    """``kept``: the journal's own records of this kind stay as they are; the file's are
    counted in ``differ`` unless the journal holds them already (the aftercare plan)."""
    ids = local.setdefault(kind.name, {})
    twins = _natural_twins(db, kind)
    series = _Series(db) if kind.name == "appointments" else None
    planned = _planned(db, kind)
    offset = _next_position(db, kind.table) if kind.name in _ORDERED else 0
    added = skipped = differ = 0
    for row in rows:
        found = _existing(db, kind, row, twins, local)
        if series is not None:
            series.follow(row, found)
        if found is not None:
            if _differs(db, kind, row, found):
                differ += 1
            else:
                skipped += 1
            ids[row.key] = found
            continue
        if kind.name in ("lapses", "clean_periods") and _substance(row) in tracked:
            result.not_merged[kind.name] = result.not_merged.get(kind.name, 0) + 1
            continue
        if kept or (planned and row.values[_PLAN_KEY[kind.name]] in planned):
            differ += 1  # that day (weekday) has its own plan here: never laid over it
            continue
        values = _resolved(kind, row, local)
        if series is not None:
            values["series_id"] = series.own(values["series_id"])
            values["contact_uid"] = _in_people(db, values["contact_uid"])
        if offset:
            values["position"] += offset
        ids[row.key] = _insert(db, kind.table, values)
        _insert_tags(db, ids[row.key], row, local.get("library_items", {}))
        added += 1
    result.added[kind.name] = added
    result.skipped[kind.name] = skipped
    result.differ[kind.name] = differ


def _in_people(db: Database, uid: str | None) -> str | None:
    """An appointment's contact link when People holds that contact (contacts are applied
    first), else None: a link naming nobody is dropped, its typed "with whom" stays."""
    if uid is None:
        return None
    found = db.execute("SELECT 1 FROM contacts WHERE uid = ?", [uid]).fetchone()
    return uid if found else None


def _natural_twins(db: Database, kind: Kind) -> dict[tuple[str, ...], int]:
    """The journal's own records of a kind matched by natural key (before the import)."""
    if kind.name == "library_items":
        rows = db.execute("SELECT kind, name, id FROM library_items").fetchall()
        return {(k, name_key(n)): i for k, n, i in rows}
    if kind.name == "crisis_lines":
        rows = db.execute("SELECT name, number, id FROM crisis_lines").fetchall()
        return {(n, num): i for n, num, i in rows}
    return {}


_PLAN_KEY = {"day_blocks": "day", "day_template_blocks": "weekday"}


def _planned(db: Database, kind: Kind) -> set[Any]:
    """The days (for blocks) or weekdays (for templates) the journal already plans (before
    the import): a file's blocks of such a day are not added, as filling from a template or
    copying a day never adds to a day that has a plan."""
    column = _PLAN_KEY.get(kind.name)
    if column is None:
        return set()
    return {row[0] for row in db.execute(f"SELECT DISTINCT {column} FROM {kind.table}")}


def _existing(
    db: Database,
    kind: Kind,
    row: Row,
    twins: dict[tuple[str, ...], int],
    local: dict[str, dict[str, int]],
) -> int | None:
    """The journal's id for ``row``'s record (0 for kinds without integer ids), or None."""
    key = kind.key.stored_in
    found = db.execute(
        f'SELECT {"id" if kind.has_uid else "1"} FROM {kind.table} WHERE "{key}" = ?', [row.key]
    ).fetchone()
    if found is not None:
        return int(found[0]) if kind.has_uid else 0
    values = row.values
    if kind.name == "library_items":
        return twins.get((values["kind"], name_key(values["name"])))
    if kind.name == "crisis_lines":
        return twins.get((values["name"], values["number"]))
    if kind.name in NATURAL_KEYS:
        return _same_day_twin(db, kind, _resolved(kind, row, local))
    return None


def _same_day_twin(db: Database, kind: Kind, values: dict[str, Any]) -> int | None:
    """The journal's schedule span (tick) of the same medication and day (and time)."""
    columns = NATURAL_KEYS[kind.name]
    where = " AND ".join(f"{c} = ?" for c in columns)
    found = db.execute(
        f"SELECT id FROM {kind.table} WHERE {where}", [values[c] for c in columns]
    ).fetchone()
    return None if found is None else int(found[0])


class _Series:
    """The journal's own number for each weekly series of the file's appointments: the
    series of an appointment the journal already holds; else the file's number when the
    journal does not use it (so a new journal keeps the file's numbers); else a new one."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._own: dict[int, int] = {}
        rows = db.execute("SELECT DISTINCT series_id FROM appointments WHERE series_id IS NOT NULL")
        self._taken = {int(row[0]) for row in rows}

    def follow(self, row: Row, found: int | None) -> None:
        series = row.values["series_id"]
        if found is None or series is None or series in self._own:
            return
        held = self._db.execute(
            "SELECT series_id FROM appointments WHERE id = ?", [found]
        ).fetchone()
        if held is not None and held[0] is not None:
            self._own[series] = int(held[0])

    def own(self, series: int | None) -> int | None:
        if series is None:
            return None
        if series not in self._own:
            chosen = series if series not in self._taken else max(self._taken) + 1
            self._own[series] = chosen
            self._taken.add(chosen)
        return self._own[series]


def _differs(db: Database, kind: Kind, row: Row, found: int) -> bool:
    """True when the journal's copy of ``row``'s record holds other content (its notes,
    its mood, …); time stamps, places in lists and links to other records are not
    compared (they differ between two journals holding the same record)."""
    compared = [
        f
        for f in kind.fields
        if f.type not in (Type.STAMP, Type.UID) and f.stored_in not in ("position", "series_id")
    ]
    if not compared:
        return False
    columns = ", ".join(f'"{f.stored_in}"' for f in compared)
    argument: int | str = found
    where = "id = ?"
    if not kind.has_uid:
        where, argument = f'"{kind.key.stored_in}" = ?', row.key
    stored = db.execute(f"SELECT {columns} FROM {kind.table} WHERE {where}", [argument]).fetchone()
    if stored is None:
        return False
    return any(
        _comparable(f, stored[i]) != _comparable(f, row.values[f.stored_in])
        for i, f in enumerate(compared)
    )


def _comparable(spec: Field, value: Any) -> Any:
    if value is None:
        return None
    if spec.type in _JSON_TYPES and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    if spec.type is Type.REAL:
        return float(value)
    if spec.type is Type.BOOL:
        return bool(value)
    return value


_JSON_TYPES = (Type.TEXT_LIST, Type.JSON, Type.CLOCK_LIST, Type.WEEKDAYS)


def _next_position(db: Database, table: str) -> int:
    row = db.execute(f"SELECT max(position) FROM {table}").fetchone()
    return 0 if row is None or row[0] is None else int(row[0]) + 1


def _resolved(kind: Kind, row: Row, local: dict[str, dict[str, int]]) -> dict[str, Any]:
    values = dict(row.values)
    for spec in kind.fields:
        if spec.type is Type.UID and spec.refers_to is not None:
            target = values[spec.stored_in]
            # a lapse left out (its substance is tracked here) is linked to nothing
            values[spec.stored_in] = None if target is None else local[spec.refers_to].get(target)
    return values


def _insert(db: Database, table: str, values: dict[str, Any]) -> int:
    columns = ", ".join(f'"{name}"' for name in values)
    marks = ", ".join("?" for _ in values)
    cursor = db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values()))
    return int(cursor.lastrowid or 0)


def _insert_tags(db: Database, craving_id: int, row: Row, items: dict[str, int]) -> None:
    positions: dict[str, int] = {}
    for kind, item, name in row.tags:
        position = positions.get(kind, 0)
        positions[kind] = position + 1
        db.execute(
            "INSERT INTO craving_tags (craving_id, kind, item_id, name, position) "
            "VALUES (?, ?, ?, ?, ?)",
            [craving_id, kind, items[item] if item is not None else None, name, position],
        )
