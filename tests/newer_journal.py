"""A journal as a newer Recovery Desktop would leave it, for the refusal tests."""

from __future__ import annotations

from recovery_desktop.data.journal import Journal, JournalFiles, create_journal, new_recovery_key

FUTURE_MIGRATION = "m999_from_a_newer_version"


def make_newer_journal(files: JournalFiles, passphrase: str | None) -> str | None:
    """Create a journal, then let "a newer version" upgrade it: one migration this version
    does not know, and (so that this version would want to write) m006 and the plain copy
    of the crisis lines missing. Returns the recovery key (None without a passphrase)."""
    key = new_recovery_key() if passphrase is not None else None
    journal: Journal = create_journal(files, passphrase, key)
    with journal.db.atomic():
        journal.db.execute("CREATE TABLE newer_things (id INTEGER PRIMARY KEY)")
        journal.db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('recovery_desktop', ?, '2031-01-01 00:00:00+00:00')",
            [FUTURE_MIGRATION],
        )
        journal.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_dialog_drafts'")
        journal.db.execute("DROP TABLE drafts")
        journal.db.execute(
            "INSERT INTO checkins (day, mood, note, created_at, updated_at) "
            "VALUES ('2026-11-16', 6, '', 'x', 'x')"
        )
    journal.close()
    files.crisis_copy.path.unlink(missing_ok=True)
    return key
