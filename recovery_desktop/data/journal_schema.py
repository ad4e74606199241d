"""The tables of migration m011 (``data/migrations.py``): journal entries and their search
index. Append-only like the migrations: never edit after it landed.

``written_at`` is the local time the user gives, ISO to the minute ("2026-11-18T21:40");
``tags`` is a JSON array of the entry's tags and ``tags_text`` the same tags joined by
spaces, for the search index.

The index is the FTS5 table sqlite-utils' ``enable_fts(..., create_triggers=True)`` makes,
written out here so it can have one thing ``enable_fts`` cannot ask for: prefix indexes
for words of one to three letters. Search as you type looks for the last word as the start
of a longer one (``"th"*``), and without them such a search on ten years of entries
scanned every word beginning so (50 ms for ``"a"*``; 7 ms with them). The names are
sqlite-utils' own (``journal_entries_fts``, triggers ``journal_entries_ai``/``_ad``/``_au``
keeping it right on every insert, update and delete), so its ``detect_fts``, ``search``
and ``rebuild_fts`` work on it. It is an "external content" table, so the text is stored
once, and like everything else it lives inside the SQLCipher database, encrypted."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

SEARCHED_COLUMNS = ("title", "body", "tags_text")
TOKENIZER = "unicode61 remove_diacritics 2"
"""Words split at anything but letters and numbers, case and accents ignored ("cafe"
finds "café"): SQLite's FTS5 documentation, §4.3.1 "Unicode61 Tokenizer"."""

_M011 = (
    """
    CREATE TABLE journal_entries (
        id INTEGER PRIMARY KEY,
        uid TEXT,
        written_at TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        tags_text TEXT NOT NULL DEFAULT '',
        shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX journal_entries_written_at ON journal_entries (written_at, id)",
    "CREATE INDEX journal_entries_shared ON journal_entries (written_at) WHERE shared = 1",
    "CREATE UNIQUE INDEX journal_entries_uid ON journal_entries (uid)",
    """
    CREATE TRIGGER journal_entries_new_uid AFTER INSERT ON journal_entries
    WHEN NEW.uid IS NULL
    BEGIN UPDATE journal_entries SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id; END
    """,
    """
    CREATE TABLE journal_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )
    """,
)


PREFIXES = "1 2 3"
"""Prefix lengths FTS5 keeps an index for (SQLite's FTS5 documentation, §4.2 "Prefix
Indexes")."""

_COLUMNS = ", ".join(SEARCHED_COLUMNS)
_OLD = ", ".join(f"old.{c}" for c in SEARCHED_COLUMNS)
_NEW = ", ".join(f"new.{c}" for c in SEARCHED_COLUMNS)
_FTS = (
    f"""
    CREATE VIRTUAL TABLE journal_entries_fts USING FTS5 (
        {_COLUMNS}, tokenize='{TOKENIZER}', prefix='{PREFIXES}', content="journal_entries"
    )
    """,
    f"""
    CREATE TRIGGER journal_entries_ai AFTER INSERT ON journal_entries BEGIN
      INSERT INTO journal_entries_fts (rowid, {_COLUMNS}) VALUES (new.rowid, {_NEW});
    END
    """,
    f"""
    CREATE TRIGGER journal_entries_ad AFTER DELETE ON journal_entries BEGIN
      INSERT INTO journal_entries_fts (journal_entries_fts, rowid, {_COLUMNS})
      VALUES ('delete', old.rowid, {_OLD});
    END
    """,
    f"""
    CREATE TRIGGER journal_entries_au AFTER UPDATE ON journal_entries BEGIN
      INSERT INTO journal_entries_fts (journal_entries_fts, rowid, {_COLUMNS})
      VALUES ('delete', old.rowid, {_OLD});
      INSERT INTO journal_entries_fts (rowid, {_COLUMNS}) VALUES (new.rowid, {_NEW});
    END
    """,
)


def create_journal_tables(db: Database) -> None:
    """The entries, their search index with its triggers, and the editing marker's table."""
    for statement in (*_M011, *_FTS):
        db.execute(statement)
