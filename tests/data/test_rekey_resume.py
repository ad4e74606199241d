"""A move to a new key stopped midway is finished by the next open, whichever way in the
user takes: the old passphrase or the new one."""

import shutil
from datetime import date

import pytest

from recovery_desktop.data.errors import WrongPassphrase
from recovery_desktop.data.journal import JournalFiles, create_journal, open_with_passphrase
from recovery_desktop.data.rekey import rekey_database
from recovery_desktop.data.vault import new_data_key, new_recovery_key, protected_slots
from recovery_desktop.domain.checkin import CheckIn
from tests.conftest import PASSPHRASE
from tests.data.test_key_copies import backup_pairs, checkins_read_with

NEW = "the passphrase being set"


def stopped_midway(files, database_done):
    """A journal whose keys.json was switched to a new key (and, when ``database_done``,
    whose database was re-encrypted) when the app stopped. Returns the old key."""
    journal = create_journal(files, PASSPHRASE)
    journal.checkins.save(CheckIn(date(2026, 3, 1), mood=5))
    journal.backup("before-upgrade")
    old_key, new_key = journal._key, new_data_key()
    journal.vault.begin_rekey(old_key, new_key, protected_slots(new_key, NEW, new_recovery_key()))
    if database_done:
        rekey_database(journal.db.conn, new_key)
    journal.close()
    return old_key


@pytest.mark.parametrize("database_done", [False, True], ids=["keys-only", "keys-and-database"])
@pytest.mark.parametrize("way_in", [PASSPHRASE, NEW], ids=["old-passphrase", "new-passphrase"])
def test_the_next_open_finishes_the_move(files, tmp_path, database_done, way_in):
    """Either passphrase opens the journal; the move is then complete: the old key reads
    neither the journal nor the backup, and only the new passphrase opens it from now on."""
    old_key = stopped_midway(files, database_done)
    journal = open_with_passphrase(files, way_in)
    assert journal.checkins.count() == 1
    journal.close()
    assert "pending_rekey" not in files.keys.read_text()
    assert checkins_read_with(files.database, old_key) is None
    [(database, copy)] = backup_pairs(files)
    assert checkins_read_with(database, old_key) is None
    assert copy.read_bytes() == files.keys.read_bytes()
    again = JournalFiles(tmp_path / "again")
    shutil.copytree(files.folder, again.folder)
    open_with_passphrase(again, NEW).close()
    with pytest.raises(WrongPassphrase):
        open_with_passphrase(again, PASSPHRASE)
