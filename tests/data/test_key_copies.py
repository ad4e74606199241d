"""Old key copies open nothing: adding a passphrase and "new encryption key" move the
journal and every backup to a new data key; a passphrase change rewraps every key copy."""

import json
from datetime import date

import pytest

from recovery_desktop.data.connection import connect
from recovery_desktop.data.errors import JournalError, WrongPassphrase
from recovery_desktop.data.journal import (
    create_journal,
    new_recovery_key,
    open_unprotected,
    open_with_passphrase,
    open_with_recovery_key,
)
from recovery_desktop.data.vault import Vault
from recovery_desktop.domain.checkin import CheckIn
from tests.conftest import PASSPHRASE

NEW = "a new passphrase for the journal"


def checkins_read_with(path, key):
    """How many check-ins ``key`` reads from the database at ``path``; None when it reads
    nothing at all."""
    try:
        conn = connect(path, key)
    except JournalError:
        return None
    try:
        return conn.execute("SELECT count(*) FROM checkins").fetchone()[0]
    finally:
        conn.close()


def backup_pairs(files):
    """(database, key copy) of every backup."""
    return [
        (copy.with_name(copy.name.replace("keys-", "journal-", 1)[: -len(".json")] + ".db"), copy)
        for copy in sorted(files.backups.glob("keys-*.json"))
    ]


def plain_key_of(keys_path):
    """The key in the plain slot of a key file, as anyone reading the file would take it."""
    [slot] = [s for s in json.loads(keys_path.read_text())["slots"] if s["kind"] == "plain"]
    import base64

    return base64.b64decode(slot["key"])


def test_the_plain_key_in_an_old_backup_copy_opens_nothing_after_a_passphrase(files):
    """The issue's example: an unprotected journal backed up, then given a passphrase; the
    plain slot in the backup's key copy no longer opens the journal or any backup, and
    entries written afterwards are unreadable with it."""
    journal = create_journal(files, None)
    journal.checkins.save(CheckIn(date(2026, 3, 1), mood=5))
    journal.backup("before-upgrade")
    journal.backup("before-import")
    [(_, first_copy), _second] = backup_pairs(files)
    old_key = plain_key_of(first_copy)
    saved_elsewhere = first_copy.read_bytes()  # a copy of the folder made before
    journal.add_passphrase(NEW, new_recovery_key())
    journal.checkins.save(CheckIn(date(2026, 3, 2), mood=6, note="after the passphrase"))
    journal.close()

    assert checkins_read_with(files.database, old_key) is None
    pairs = backup_pairs(files)
    assert len(pairs) == 3  # and the one taken before the new key
    for database, copy in pairs:
        assert checkins_read_with(database, old_key) is None
        assert copy.read_bytes() == files.keys.read_bytes()
        assert "plain" not in copy.read_text()
        # The backup opens with the current passphrase and holds what it held.
        assert checkins_read_with(database, Vault.load(copy).unlock(NEW)) == 1
    assert saved_elsewhere != first_copy.read_bytes()
    with pytest.raises(WrongPassphrase):
        open_unprotected(files)
    reopened = open_with_passphrase(files, NEW)
    assert reopened.checkins.count() == 2
    reopened.close()


def test_after_a_passphrase_change_the_old_passphrase_opens_no_key_copy(journal, files):
    """Every key copy the app keeps follows the new passphrase; the old one opens none."""
    journal.checkins.save(CheckIn(date(2026, 3, 1), mood=5))
    journal.backup("before-upgrade")
    journal.change_passphrase(PASSPHRASE, NEW)
    journal.checkins.save(CheckIn(date(2026, 3, 2), mood=6))
    journal.close()
    [(database, copy)] = backup_pairs(files)
    assert copy.read_bytes() == files.keys.read_bytes()
    with pytest.raises(WrongPassphrase):
        Vault.load(copy).unlock(PASSPHRASE)
    assert checkins_read_with(database, Vault.load(copy).unlock(NEW)) == 1


@pytest.mark.parametrize("change", ["reset", "recovery"])
def test_a_reset_or_a_new_recovery_key_reaches_every_key_copy(files, change):
    """Resetting the passphrase with the recovery key, or making a new recovery key,
    rewrites every key copy too: the old recovery key opens no copy."""
    old_recovery = new_recovery_key()
    journal = create_journal(files, PASSPHRASE, old_recovery)
    journal.backup("before-upgrade")
    journal.close()
    new_recovery = new_recovery_key()
    if change == "reset":
        journal = open_with_recovery_key(files, old_recovery, NEW)
    else:
        journal = open_with_passphrase(files, PASSPHRASE)
        journal.replace_recovery_key(new_recovery)
    journal.close()
    [(_, copy)] = backup_pairs(files)
    assert copy.read_bytes() == files.keys.read_bytes()
    if change == "reset":
        with pytest.raises(WrongPassphrase):
            Vault.load(copy).unlock(PASSPHRASE)
    else:
        with pytest.raises(JournalError):
            Vault.load(copy).unlock_recovery(old_recovery)
        Vault.load(copy).unlock_recovery(new_recovery)


def test_a_new_encryption_key_leaves_old_copies_of_the_folder_reading_only_the_past(journal, files):
    """After "new encryption key", a copy of keys.json made elsewhere before it, with the
    old passphrase, opens neither the journal nor any backup, and nothing newer."""
    journal.checkins.save(CheckIn(date(2026, 3, 1), mood=5))
    journal.backup("before-upgrade")
    old_keys = Vault(files.keys, json.loads(files.keys.read_text()))
    old_key = old_keys.unlock(PASSPHRASE)
    recovery = new_recovery_key()
    assert journal.new_encryption_key(PASSPHRASE, NEW, recovery) == 0
    journal.checkins.save(CheckIn(date(2026, 3, 2), mood=6))
    journal.close()
    assert checkins_read_with(files.database, old_key) is None
    pairs = backup_pairs(files)
    assert len(pairs) == 2  # and the one taken before the new key
    for database, copy in pairs:
        assert checkins_read_with(database, old_key) is None
        assert copy.read_bytes() == files.keys.read_bytes()
    with pytest.raises(WrongPassphrase):
        open_with_passphrase(files, PASSPHRASE)
    reopened = open_with_recovery_key(files, recovery, "yet another passphrase")
    assert reopened.checkins.count() == 2
    reopened.close()


def test_a_new_encryption_key_needs_the_current_passphrase(journal, files):
    """A wrong current passphrase changes nothing on disk."""
    before = files.keys.read_bytes()
    with pytest.raises(WrongPassphrase):
        journal.new_encryption_key("not it at all", NEW, new_recovery_key())
    assert files.keys.read_bytes() == before
    journal.checkins.save(CheckIn(date(2026, 3, 1), mood=5))
    assert journal.checkins.count() == 1


def test_a_backup_that_cannot_be_re_encrypted_is_removed_and_counted(plain_journal, files):
    """A damaged backup under the old key cannot move to the new key: it goes, with its
    key copy (which held the plain key), and the count says so."""
    plain_journal.backup("before-upgrade")
    plain_journal.backup("before-import")
    [(damaged, damaged_copy), (kept, kept_copy)] = backup_pairs(files)
    damaged.write_bytes(b"\0" * 8192)
    assert plain_journal.add_passphrase(NEW, new_recovery_key()) == 1
    assert not damaged.exists() and not damaged_copy.exists()
    assert kept.exists() and kept_copy.read_bytes() == files.keys.read_bytes()
    plain_journal.close()


def test_a_backup_without_its_key_copy_is_re_encrypted_too(plain_journal, files):
    """A backup whose key copy went missing still moves to the new key (it gets a copy)."""
    plain_journal.backup("before-upgrade")
    [(database, copy)] = backup_pairs(files)
    old_key = plain_key_of(copy)
    copy.unlink()
    plain_journal.add_passphrase(NEW, new_recovery_key())
    plain_journal.close()
    assert checkins_read_with(database, old_key) is None
    assert copy.read_bytes() == files.keys.read_bytes()
    assert checkins_read_with(database, Vault.load(copy).unlock(NEW)) == 0


def test_backups_left_in_the_default_folder_move_to_the_new_key_too(plain_journal, files, tmp_path):
    """Backups stay in <journal>/backups when another folder is chosen; they held the old
    key too, so they move with the rest, and so do those in the chosen folder."""
    from recovery_desktop.data.backup_place import choose_folder, default_folder

    plain_journal.backup("before-upgrade")
    stick = tmp_path / "stick"
    stick.mkdir()
    choose_folder(files.folder, stick)
    plain_journal.backup("before-import")
    [(_, copy)] = backup_pairs(files)  # in the chosen folder now
    old_key = plain_key_of(copy)
    left_behind = sorted(default_folder(files.folder).glob("journal-*.db"))
    assert len(left_behind) == 1
    plain_journal.add_passphrase(NEW, new_recovery_key())
    plain_journal.close()
    for database in [*left_behind, *stick.glob("journal-*.db")]:
        assert checkins_read_with(database, old_key) is None
    for copy in [*default_folder(files.folder).glob("keys-*.json"), *stick.glob("keys-*.json")]:
        assert copy.read_bytes() == files.keys.read_bytes()
