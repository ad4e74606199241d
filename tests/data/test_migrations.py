"""Migrations: idempotent, and a backup before any pending one runs on an existing journal."""

from datetime import date

from recovery_desktop.data import migrations, schema_upgrade
from recovery_desktop.data.backup import backups
from recovery_desktop.data.checkins import CheckinRepository
from recovery_desktop.data.connection import open_database
from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.data.vault import Vault, new_data_key
from tests.conftest import PASSPHRASE


def _schema(db):
    return db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()


def test_applying_migrations_twice_changes_nothing(journal):
    """A second run finds nothing pending and leaves the schema as it was."""
    schema = _schema(journal.db)
    applied = schema_upgrade.applied(journal.db)
    assert schema_upgrade.migrate(journal.db) == []
    assert _schema(journal.db) == schema
    assert schema_upgrade.applied(journal.db) == applied
    assert schema_upgrade.pending(journal.db) == []


def _old_journal(files):
    """A journal as an earlier version left it: only the first migration applied."""
    files.folder.mkdir()
    key = new_data_key()
    db = open_database(files.database, key, create=True)
    migrations.MIGRATIONS.apply(db, stop_before="m002_preferences")
    # As that version wrote it (today's repository reads tables it did not have yet).
    db.execute(
        "INSERT INTO checkins (day, mood, note, created_at, updated_at) "
        "VALUES ('2025-12-31', 6, 'from the old version', 'x', 'x')"
    )
    db.conn.commit()
    db.conn.close()
    Vault.create(files.keys, key, PASSPHRASE, None)
    return key


def test_pending_migration_first_makes_a_verified_encrypted_backup(files):
    """Opening an older journal backs it up, then upgrades it; nothing is lost."""
    key = _old_journal(files)
    assert backups(files.backups) == []
    journal = open_with_passphrase(files, PASSPHRASE)
    assert schema_upgrade.pending(journal.db) == []
    assert journal.checkins.get(date(2025, 12, 31)).note == "from the old version"
    journal.close()
    [backup] = backups(files.backups)
    assert "before-upgrade" in backup.name
    old = open_database(backup, key)
    assert schema_upgrade.applied(old) == ["m001_checkins"]
    assert CheckinRepository(old).count() == 1
    old.conn.close()
    assert list(files.backups.glob("keys-*.json"))


def test_a_new_journal_needs_no_backup(journal, files):
    """Creating a journal runs every migration without a pointless backup."""
    assert backups(files.backups) == []


def test_attempts_learn_which_lapse_started_them_on_upgrade(files):
    """A journal from before m005: each attempt after a lapse is linked to it, so that
    lapse can be removed as a mistake; the clean time reads the same."""
    files.folder.mkdir()
    key = new_data_key()
    db = open_database(files.database, key, create=True)
    migrations.MIGRATIONS.apply(db, stop_before="m005_lapse_started_periods")
    for sql in (
        "INSERT INTO lapses (id, at, day, substance, created_at) VALUES "
        "(1, '2026-10-01T20:00', '2026-10-01', 'Opioids', 'x'), "
        "(2, '2026-11-01T20:00', '2026-11-01', 'Alcohol', 'x')",
        "INSERT INTO clean_periods (id, substance, start, end, lapse_id) VALUES "
        "(1, 'Opioids', '2026-08-01', '2026-10-01', 1), (2, 'Alcohol', '2026-11-02', NULL, NULL), "
        "(3, 'Opioids', '2026-10-02', NULL, NULL)",
    ):
        db.execute(sql)
    db.conn.commit()
    db.conn.close()
    Vault.create(files.keys, key, PASSPHRASE, None)
    journal = open_with_passphrase(files, PASSPHRASE)
    started = {p.id: p.started_by for p in journal.recovery_time.periods()}
    assert started == {1: None, 2: 2, 3: 1}
    journal.recovery_time.remove_lapses([1])
    [(start, end)] = [(p.start, p.end) for p in journal.recovery_time.periods() if p.id == 1]
    assert (start, end) == (date(2026, 8, 1), None)
    journal.close()
