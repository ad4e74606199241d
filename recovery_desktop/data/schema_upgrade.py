"""Bringing a journal's schema up to date with :data:`~.migrations.MIGRATIONS`: what is
applied, what is pending, refusing a journal a newer version upgraded, and migrating (the
backup before it is the caller's, ``before_pending``)."""

from __future__ import annotations

from collections.abc import Callable

from recovery_desktop.data.connection import sql_errors
from recovery_desktop.data.errors import JournalTooNew
from recovery_desktop.data.migrations import MIGRATIONS
from recovery_desktop.data.sqlite_utils_import import Database, in_memory


def pending(db: Database) -> list[str]:
    return [m.name for m in MIGRATIONS.pending(db)]


def applied(db: Database) -> list[str]:
    return [m.name for m in MIGRATIONS.applied(db)]


def unknown(db: Database) -> list[str]:
    """Applied migrations this version does not have: a newer version saved the journal."""
    known = {m.name for m in MIGRATIONS.pending(in_memory())}
    return [name for name in applied(db) if name not in known]


def refuse_newer(db: Database) -> None:
    """Raise :class:`JournalTooNew` if a newer version upgraded the journal (read only)."""
    with sql_errors():
        if unknown(db):
            raise JournalTooNew()


def migrate(db: Database, before_pending: Callable[[], object] | None = None) -> list[str]:
    """Apply pending migrations; ``before_pending`` runs first (it takes the backup)
    when the journal already has data. Returns the names applied.

    Raises :class:`JournalTooNew`, before anything is written (no backup, no migration),
    when the journal holds a migration this version does not know."""
    refuse_newer(db)
    with sql_errors():  # a damaged page is often first met here, on opening
        names = pending(db)
        if names and applied(db) and before_pending is not None:
            before_pending()
        MIGRATIONS.apply(db)
    return names
