"""Reading journal entries: rows to entries and list lines, the list and search queries.

Kept apart from the repository (``data/journal_entries.py``) so each stays short; nothing
here writes. Search goes through :func:`~recovery_desktop.domain.search_query.fts_query`
only: no user text reaches ``MATCH`` any other way.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from recovery_desktop.data.stored_dates import stored_moment
from recovery_desktop.domain.dates import EARLIEST_DAY, LATEST_DAY
from recovery_desktop.domain.journal_entries import (
    MATCH_MARK,
    EntryRow,
    JournalEntry,
    excerpt,
    first_line,
    normalise_tags,
    plain_lines,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

ENTRY_COLUMNS = "id, uid, written_at, title, body, tags, shared, updated_at"
# A list line reads the start of the body only: its first line is almost always there.
_LINE_COLUMNS = "e.id, e.written_at, e.title, substr(e.body, 1, 4000), e.tags, e.shared"
FIRST_LINE_READ = 4000
RANK = "bm25(journal_entries_fts, 10.0, 1.0, 5.0)"
"""Search rank: a word in the title counts ten times one in the body, a tag five times
(FTS5's built-in BM25, SQLite's FTS5 documentation §5.1.1; lower is better)."""
SNIPPET_WORDS = 16


def tags_from_json(text: object) -> tuple[str, ...]:
    """Stored tags (a JSON array); anything else, from a damaged row, reads as no tags."""
    try:
        value = json.loads(str(text))
    except ValueError:
        return ()
    if not isinstance(value, list):
        return ()
    return normalise_tags([str(tag) for tag in value])


def tags_json(tags: Sequence[str]) -> str:
    return json.dumps(list(tags), ensure_ascii=False)


def entry_from_row(row: Sequence[Any]) -> JournalEntry:
    """A :class:`JournalEntry` from the columns of :data:`ENTRY_COLUMNS`."""
    return JournalEntry(
        written_at=stored_moment(row[2]),
        title=str(row[3]),
        body=str(row[4]),
        tags=tags_from_json(row[5]),
        shared=bool(row[6]),
        id=int(row[0]),
        uid=str(row[1]) if row[1] else None,
        updated_at=local_stamp(row[7]),
    )


def local_stamp(text: object) -> datetime | None:
    """A stored UTC time stamp as local time without a zone (None if unreadable)."""
    try:
        stamp = datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return stamp.astimezone().replace(tzinfo=None) if stamp.tzinfo else stamp


def _line(row: Sequence[Any], snippet: str | None = None) -> EntryRow:
    line = first_line(str(row[3]))
    return EntryRow(
        id=int(row[0]),
        written_at=stored_moment(row[1]),
        title=str(row[2]),
        first_line=line,
        tags=tags_from_json(row[4]),
        shared=bool(row[5]),
        snippet=line if snippet is None else snippet,
    )


def plain_snippet(text: str) -> str:
    """An FTS5 snippet of Markdown (matches starting with ``MATCH_MARK``) as one line of
    plain text of at most ``SNIPPET_CHARACTERS`` around the first match: an FTS5 token
    can be a whole long line, so the snippet's word count alone does not bound it."""
    return excerpt(plain_lines(text))


class EntryFilter:
    """The tag and date range of a list or a search, as SQL on ``journal_entries e``.

    Days outside the journal's dates (``domain.dates``) are never listed: a damaged row
    there cannot break the list."""

    def __init__(self, spellings: Sequence[str], first: date | None, last: date | None) -> None:
        start = max(first or EARLIEST_DAY, EARLIEST_DAY)
        end = min(last or LATEST_DAY, LATEST_DAY)
        # "2026-11-18T21:40" sorts after "2026-11-18" and before "2026-11-18T99".
        self.where = ["e.written_at BETWEEN ? AND ?"]
        self.values: list[object] = [start.isoformat(), f"{end.isoformat()}T99"]
        if spellings:
            marks = ", ".join("?" * len(spellings))
            self.where.append(f"EXISTS (SELECT 1 FROM json_each(e.tags) WHERE value IN ({marks}))")
            self.values.extend(spellings)

    @property
    def sql(self) -> str:
        return " AND ".join(self.where)


def list_rows(db: Database, where: EntryFilter, limit: int, offset: int) -> list[EntryRow]:
    """Entries newest first (by the time written, then the order stored)."""
    rows = db.execute(
        f"SELECT {_LINE_COLUMNS} FROM journal_entries e WHERE {where.sql} "
        "ORDER BY e.written_at DESC, e.id DESC LIMIT ? OFFSET ?",
        [*where.values, limit, offset],
    ).fetchall()
    return [_line(row) for row in rows]


def search_rows(
    db: Database, query: str, where: EntryFilter, limit: int, offset: int
) -> list[EntryRow]:
    """The entries matching the FTS5 ``query`` (from ``fts_query``) ranked best first,
    newest first among equals; each with a snippet of its body around the match."""
    ranked = db.execute(
        f"SELECT {_LINE_COLUMNS} FROM journal_entries_fts f "
        "JOIN journal_entries e ON e.id = f.rowid "
        f"WHERE journal_entries_fts MATCH ? AND {where.sql} "
        f"ORDER BY {RANK}, e.written_at DESC, e.id DESC LIMIT ? OFFSET ?",
        [query, *where.values, limit, offset],
    ).fetchall()
    if not ranked:
        return []
    snippets = _snippets(db, query, [int(row[0]) for row in ranked])
    return [_line(row, snippets.get(int(row[0]))) for row in ranked]


def _snippets(db: Database, query: str, ids: list[int]) -> dict[int, str]:
    """Body excerpts around the first match of ``query`` for the entries ``ids`` (only
    these: FTS5 would otherwise build one for every match before the sort)."""
    marks = ", ".join("?" * len(ids))
    rows = db.execute(
        f"SELECT rowid, snippet(journal_entries_fts, 1, ?, '', '…', {SNIPPET_WORDS}) "
        f"FROM journal_entries_fts WHERE journal_entries_fts MATCH ? AND rowid IN ({marks})",
        [MATCH_MARK, query, *ids],
    ).fetchall()
    found = {int(rowid): plain_snippet(str(text or "")) for rowid, text in rows}
    return {rowid: text for rowid, text in found.items() if text}
