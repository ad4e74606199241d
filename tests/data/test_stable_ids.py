"""Every record with an integer id has a stable id that export and import carry."""

from __future__ import annotations

import re

from recovery_desktop.data import migrations
from recovery_desktop.data.connection import open_database
from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.data.vault import Vault, new_data_key
from tests.conftest import PASSPHRASE

UID = re.compile(r"[0-9a-f]{32}")


def _uids(db, table):
    return [row[0] for row in db.execute(f"SELECT uid FROM {table} ORDER BY id").fetchall()]


def test_an_older_journal_gets_a_stable_id_for_every_record(files):
    """A journal made before m007: its library, crisis lines, people, cravings, reach-outs,
    lapses and clean periods all get distinct stable ids on upgrade, and new rows too."""
    files.folder.mkdir()
    key = new_data_key()
    db = open_database(files.database, key, create=True)
    migrations.MIGRATIONS.apply(db, stop_before="m007_stable_ids")
    for sql in (
        "INSERT INTO contacts (id, name, role, position) VALUES (1, 'Sam', 'sponsor', 0)",
        "INSERT INTO cravings (id, started_at, day, created_at, updated_at) "
        "VALUES (1, '2026-10-01T20:00', '2026-10-01', 'x', 'x')",
        "INSERT INTO reach_outs (id, contact_id, at, day, how) "
        "VALUES (1, 1, '2026-10-01T20:30', '2026-10-01', 'call')",
        "INSERT INTO lapses (id, at, day, substance, created_at) "
        "VALUES (1, '2026-10-02T20:00', '2026-10-02', 'Opioids', 'x')",
        "INSERT INTO clean_periods (id, substance, start, end, lapse_id) "
        "VALUES (1, 'Opioids', '2026-08-01', '2026-10-02', 1)",
    ):
        db.execute(sql)
    db.conn.commit()
    db.conn.close()
    Vault.create(files.keys, key, PASSPHRASE, None)
    journal = open_with_passphrase(files, PASSPHRASE)
    try:
        seen = set()
        for table in migrations.UID_TABLES:
            uids = _uids(journal.db, table)
            assert uids, table
            assert all(UID.fullmatch(uid) for uid in uids), table
            seen.update(uids)
        assert len(seen) == sum(len(_uids(journal.db, t)) for t in migrations.UID_TABLES)
        before = set(_uids(journal.db, "contacts"))
        journal.db.execute("INSERT INTO contacts (name, role, position) VALUES ('Al', 'friend', 1)")
        [new] = set(_uids(journal.db, "contacts")) - before
        assert UID.fullmatch(new)
    finally:
        journal.close()


def test_a_new_record_saved_through_the_app_gets_its_own_stable_id(journal):
    from recovery_desktop.domain.contacts import Contact, Role

    first = journal.contacts.save(Contact(None, "Sam", Role.SPONSOR))
    second = journal.contacts.save(Contact(None, "Al"))
    uids = dict(journal.db.execute("SELECT id, uid FROM contacts").fetchall())
    assert UID.fullmatch(uids[first.id]) and UID.fullmatch(uids[second.id])
    assert uids[first.id] != uids[second.id]
