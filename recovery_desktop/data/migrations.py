"""Schema migrations: named, append-only functions. Never edit one after it has landed;
add a new one instead. Each runs in its own transaction (sqlite-utils ``Migrations``)."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("recovery_desktop")


@MIGRATIONS()
def m001_checkins(db: Database) -> None:
    """One row per day. NULL always means "not answered"."""
    db.execute(
        """
        CREATE TABLE checkins (
            day TEXT PRIMARY KEY CHECK (day = date(day)),
            mood INTEGER CHECK (mood BETWEEN 0 AND 10),
            craving_peak INTEGER CHECK (craving_peak BETWEEN 0 AND 10),
            stress INTEGER CHECK (stress BETWEEN 0 AND 10),
            sleep_hours REAL CHECK (sleep_hours BETWEEN 0 AND 24),
            sleep_quality INTEGER CHECK (sleep_quality BETWEEN 0 AND 10),
            energy INTEGER CHECK (energy BETWEEN 0 AND 10),
            halt_hungry INTEGER NOT NULL DEFAULT 0 CHECK (halt_hungry IN (0, 1)),
            halt_angry INTEGER NOT NULL DEFAULT 0 CHECK (halt_angry IN (0, 1)),
            halt_lonely INTEGER NOT NULL DEFAULT 0 CHECK (halt_lonely IN (0, 1)),
            halt_tired INTEGER NOT NULL DEFAULT 0 CHECK (halt_tired IN (0, 1)),
            used INTEGER CHECK (used IN (0, 1)),
            meeting INTEGER CHECK (meeting IN (0, 1)),
            therapy INTEGER CHECK (therapy IN (0, 1)),
            medication_taken INTEGER CHECK (medication_taken IN (0, 1)),
            exercise_minutes INTEGER CHECK (exercise_minutes BETWEEN 0 AND 1440),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )


@MIGRATIONS()
def m002_preferences(db: Database) -> None:
    """Per-journal preferences (kept inside the encrypted journal, not in QSettings)."""
    db.execute(
        """
        CREATE TABLE preferences (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )
        """
    )


@MIGRATIONS()
def m003_summary_notes(db: Database) -> None:
    """Things to talk about and goals, kept with each summary period."""
    db.execute(
        """
        CREATE TABLE summary_notes (
            period_key TEXT PRIMARY KEY,
            start TEXT NOT NULL CHECK (start = date(start)),
            end TEXT NOT NULL CHECK (end = date(end)),
            talk_about TEXT NOT NULL DEFAULT '[]',
            goals TEXT NOT NULL DEFAULT '[]',
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX summary_notes_end ON summary_notes (end)")


def pending(db: Database) -> list[str]:
    return [m.name for m in MIGRATIONS.pending(db)]


def applied(db: Database) -> list[str]:
    return [m.name for m in MIGRATIONS.applied(db)]


def migrate(db: Database, before_pending: Callable[[], object] | None = None) -> list[str]:
    """Apply pending migrations; ``before_pending`` runs first (it takes the backup)
    when the journal already has data. Returns the names applied."""
    names = pending(db)
    if names and applied(db) and before_pending is not None:
        before_pending()
    MIGRATIONS.apply(db)
    return names
