"""Journal entries: saving, deleting with undo, listing, search, tags, and the editing marker.

Every write is one transaction announcing ``Change.JOURNAL``; it commits before returning,
so the page may say "Saved" right after. Entries are checked by
``JournalEntry.validate`` first (``JournalEntryError``, a ``ValueError``) and their day by
``domain.dates.check_day``. Times are local wall-clock times to the minute (``now``
parameters let tests choose them).

The editing marker works as the Plan's does (``data/plan.py``): while an entry is being
edited the journal holds which entry and when it was last saved; a session that ends
cleanly removes it, so finding it on the next open means the app stopped while the entry
was being written, and the page can say so and offer the entry back.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

from recovery_desktop.data.changes import Change, ChangeFeed
from recovery_desktop.data.connection import sql_errors
from recovery_desktop.data.errors import JournalDamaged, JournalEntryMissing
from recovery_desktop.data.journal_rows import (
    ENTRY_COLUMNS,
    EntryFilter,
    entry_from_row,
    list_rows,
    search_rows,
    tags_json,
)
from recovery_desktop.data.stored_dates import stored_moment
from recovery_desktop.domain.dates import check_day
from recovery_desktop.domain.journal_entries import EntryRow, JournalEntry
from recovery_desktop.domain.search_query import fts_query

if TYPE_CHECKING:
    from sqlite_utils import Database

_EDITING = "editing"
_UNREAD = object()
_INSERT = (
    "INSERT INTO journal_entries (id, uid, written_at, title, body, tags, tags_text, shared, "
    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


_INSERT_MANY = (
    "INSERT INTO journal_entries (uid, written_at, title, body, tags, tags_text, shared, "
    "created_at, updated_at) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, "
    "value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8 FROM json_each(?)"
)


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(second=0, microsecond=0)


def _text(moment: datetime) -> str:
    """Local time to the minute, without a zone ("2026-11-18T21:40")."""
    return moment.replace(tzinfo=None).isoformat(timespec="minutes")


def _stamp(now: datetime | None) -> str:
    """A record's created/updated time stamp, UTC to the second, as every table keeps
    them ("2026-11-18T20:40:12+00:00"); ``now`` naive is local time."""
    return (now or datetime.now()).astimezone(timezone.utc).isoformat(timespec="seconds")


def _checked(entry: JournalEntry) -> JournalEntry:
    entry.validate()
    check_day(entry.written_at, "The entry's date")
    return entry


def _values(entry: JournalEntry) -> list[object]:
    """written_at, title, body, tags, tags_text, shared."""
    return [
        _text(entry.written_at),
        entry.title,
        entry.body,
        tags_json(entry.tags),
        " ".join(entry.tags),
        int(entry.shared),
    ]


class JournalEntryRepository:
    """The ``journal_entries`` table, its search index and ``journal_state``."""

    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes
        # The marker a stopped session left, read once; None once it was dealt with.
        self._interrupted: object = _UNREAD
        self._editing: int | None = None  # the entry this session marked as being edited

    # -- reading -------------------------------------------------------------------------
    def get(self, entry_id: int) -> JournalEntry:
        """Raises :class:`JournalEntryMissing` when it is no longer in the journal."""
        with sql_errors():
            row = self._db.execute(
                f"SELECT {ENTRY_COLUMNS} FROM journal_entries WHERE id = ?", [entry_id]
            ).fetchone()
        if row is None:
            raise JournalEntryMissing()
        return entry_from_row(row)

    def entries(
        self,
        tag: str | None = None,
        first: date | None = None,
        last: date | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[EntryRow]:
        """List lines, newest first, of the entries with ``tag`` (any case) written from
        ``first`` to ``last`` inclusive (None: no bound); ``snippet`` is the first line."""
        with sql_errors():
            return list_rows(self._db, self._filter(tag, first, last), limit, offset)

    def search(
        self,
        text: str,
        tag: str | None = None,
        first: date | None = None,
        last: date | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[EntryRow]:
        """Entries whose title, body or tags hold every word of ``text`` (as the user
        typed it: see :func:`~recovery_desktop.domain.search_query.fts_query`), filtered as
        :meth:`entries`; best match first (BM25, a title word weighing most), newest first
        among equals. Nothing searchable in ``text``: no rows. Never raises for any text."""
        query = fts_query(text)
        if query is None:
            return []
        with sql_errors():
            return search_rows(self._db, query, self._filter(tag, first, last), limit, offset)

    def _filter(self, tag: str | None, first: date | None, last: date | None) -> EntryFilter:
        spellings: list[str] = []
        if tag is not None:
            wanted = tag.strip().casefold()
            spellings = [used for used in self._spellings() if used.casefold() == wanted]
            spellings = spellings or [tag]  # matches nothing, as asked
        return EntryFilter(spellings, first, last)

    def _spellings(self) -> list[str]:
        rows = self._db.execute(
            "SELECT DISTINCT value FROM journal_entries, json_each(journal_entries.tags) "
            "WHERE json_valid(journal_entries.tags)"
        ).fetchall()
        return [str(row[0]) for row in rows]

    def tags(self) -> list[tuple[str, int]]:
        """Every tag in use and how many entries have it, most used first (then A–Z);
        spellings differing only in case count as one, shown as most entries spell it."""
        with sql_errors():
            rows = self._db.execute(
                "SELECT value, count(*) FROM journal_entries, json_each(journal_entries.tags) "
                "WHERE json_valid(journal_entries.tags) GROUP BY value"
            ).fetchall()
        counts: dict[str, list[tuple[int, str]]] = {}
        for value, count in rows:
            counts.setdefault(str(value).casefold(), []).append((int(count), str(value)))
        merged = [
            (max(spellings)[1], sum(c for c, _ in spellings)) for spellings in counts.values()
        ]
        return sorted(merged, key=lambda pair: (-pair[1], pair[0].casefold()))

    def shared_between(self, first: date, last: date) -> list[JournalEntry]:
        """The entries the user chose to share (``shared``) written from ``first`` to
        ``last`` inclusive, oldest first: what the weekly summary prints."""
        where = EntryFilter([], first, last)
        with sql_errors():
            rows = self._db.execute(
                f"SELECT {ENTRY_COLUMNS} FROM journal_entries e WHERE e.shared = 1 "
                f"AND {where.sql} ORDER BY e.written_at, e.id",
                where.values,
            ).fetchall()
        return [entry_from_row(row) for row in rows]

    def count(self) -> int:
        with sql_errors():
            return int(self._db.execute("SELECT count(*) FROM journal_entries").fetchone()[0])

    # -- writing -------------------------------------------------------------------------
    def save(
        self, entry: JournalEntry, *, editing: bool = False, now: datetime | None = None
    ) -> JournalEntry:
        """Store a new entry (``id`` None) or the edited one with its ``id``; one
        transaction. Returns it as stored (id, uid, updated_at). With ``editing`` (the
        autosave) the editing marker names this entry and this save's time in the same
        transaction. Raises ``JournalEntryError`` / ``DayOutOfRange`` (``ValueError``)
        before anything is written, :class:`JournalEntryMissing` for an id no longer
        stored."""
        _checked(entry)
        stamp = _stamp(now)
        if editing:
            self.interrupted()  # a stopped session's marker is read before it is replaced
        with sql_errors(), self._changes.writing(self._db, Change.JOURNAL):
            if entry.id is None:
                entry_id = self._insert(entry, secrets.token_hex(16), stamp)
            else:
                entry_id = entry.id
                self._update(entry, stamp)
            if editing:
                self._mark(entry_id, _text(_now(now)))
        return self.get(entry_id)

    def _insert(self, entry: JournalEntry, uid: str, stamp: str) -> int:
        values = [entry.id, uid, *_values(entry), stamp, stamp]
        cursor = self._db.execute(_INSERT, values)
        return int(cursor.lastrowid or 0)

    def _update(self, entry: JournalEntry, stamp: str) -> None:
        cursor = self._db.execute(
            "UPDATE journal_entries SET written_at = ?, title = ?, body = ?, tags = ?, "
            "tags_text = ?, shared = ?, updated_at = ? WHERE id = ?",
            [*_values(entry), stamp, entry.id],
        )
        if cursor.rowcount == 0:
            raise JournalEntryMissing()

    def add_many(self, entries: Iterable[JournalEntry]) -> int:
        """Store many new entries in one transaction (demo data); their ``uid`` is kept
        when given, and each is stamped as created and updated at its ``updated_at``, or
        else when it says it was written. Returns how many. Raises as :meth:`save` before
        anything is written.

        One statement inserts them all: FTS5 writes its pending index to disk at every
        statement's savepoint, so a statement per entry made ten years of demo entries
        (3,000) take 300 ms instead of 70."""
        rows = []
        for entry in entries:
            stamp = _stamp(_checked(entry).updated_at or entry.written_at)
            rows.append([entry.uid or secrets.token_hex(16), *_values(entry), stamp, stamp])
        with sql_errors(), self._changes.writing(self._db, Change.JOURNAL):
            self._db.execute(_INSERT_MANY, [json.dumps(rows, ensure_ascii=False)])
        return len(rows)

    def delete(self, entry_id: int) -> JournalEntry:
        """Remove an entry; returns it as it was (with its uid) for :meth:`restore`.
        Raises :class:`JournalEntryMissing`."""
        with sql_errors(), self._changes.writing(self._db, Change.JOURNAL):
            gone = self.get(entry_id)
            self._db.execute("DELETE FROM journal_entries WHERE id = ?", [entry_id])
            if self._editing == entry_id:
                self._db.execute("DELETE FROM journal_state WHERE key = ?", [_EDITING])
                self._editing = None
        return gone

    def restore(self, entry: JournalEntry) -> JournalEntry:
        """Undo of :meth:`delete`: the same entry with its stable id (and its row id while
        free), as it was when deleted. Returns it as stored."""
        _checked(entry)
        updated = _stamp(entry.updated_at)
        with sql_errors(), self._changes.writing(self._db, Change.JOURNAL):
            free_id = entry.id is not None and not self._taken("id", entry.id)
            uid = entry.uid if entry.uid and not self._taken("uid", entry.uid) else None
            row = replace(entry, id=entry.id if free_id else None)
            entry_id = self._insert(row, uid or secrets.token_hex(16), updated)
        return self.get(entry_id)

    def _taken(self, column: str, value: object) -> bool:
        found = self._db.execute(
            f"SELECT 1 FROM journal_entries WHERE {column} = ?", [value]
        ).fetchone()
        return found is not None

    # -- the editing marker ----------------------------------------------------------------
    def begin_editing(self, entry_id: int, now: datetime | None = None) -> None:
        """Mark ``entry_id`` as being edited, saved at ``now``: on the next open,
        :meth:`interrupted` reports it unless :meth:`end_editing` ran first."""
        self.interrupted()
        with sql_errors(), self._changes.writing(self._db, Change.JOURNAL):
            self._mark(entry_id, _text(_now(now)))

    def _mark(self, entry_id: int, moment: str) -> None:
        value = json.dumps({"entry_id": entry_id, "saved_at": moment})
        self._db.execute(
            "INSERT INTO journal_state (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [_EDITING, value],
        )
        self._editing = entry_id

    def end_editing(self) -> None:
        """The editing session ended cleanly (leaving the page, lock, close, or the notice
        of an interrupted one dismissed): the marker goes."""
        self._interrupted = None
        self._editing = None
        with sql_errors():
            marked = self._db.execute(
                "SELECT 1 FROM journal_state WHERE key = ?", [_EDITING]
            ).fetchone()
        if marked is None:
            return
        with sql_errors(), self._changes.writing(self._db, Change.JOURNAL):
            self._db.execute("DELETE FROM journal_state WHERE key = ?", [_EDITING])

    def interrupted(self) -> tuple[int, datetime] | None:
        """The entry being edited when the app stopped without ending the session (killed,
        crashed, power cut) and when it was last saved; None if there is none, the entry is
        gone, or once :meth:`end_editing` ran. Read once per open journal: this session's
        own marker is never reported."""
        if self._interrupted is _UNREAD:
            self._interrupted = self._read_marker()
        found = self._interrupted
        return found if isinstance(found, tuple) else None

    def _read_marker(self) -> tuple[int, datetime] | None:
        with sql_errors():
            row = self._db.execute(
                "SELECT value FROM journal_state WHERE key = ?", [_EDITING]
            ).fetchone()
        if row is None:
            return None
        try:
            marker = json.loads(str(row[0]))
            entry_id, saved_at = int(marker["entry_id"]), stored_moment(marker["saved_at"])
        except (ValueError, TypeError, KeyError, JournalDamaged):
            return None  # a damaged marker: nothing to offer back
        with sql_errors():
            if not self._taken("id", entry_id):
                return None
        return entry_id, saved_at
