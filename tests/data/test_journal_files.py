"""What lands on disk: encrypted everywhere, owner-only, one instance at a time."""

import os
import stat
from datetime import date

import pytest

from recovery_desktop.data.errors import JournalExists, JournalInUse
from recovery_desktop.data.instance_lock import InstanceLock
from recovery_desktop.data.journal import create_journal
from recovery_desktop.domain.checkin import CheckIn
from tests.conftest import PASSPHRASE, folder_hashes

PLANTED = "PLANTED-plaintext-8c1f-sweet-tea"


def _all_bytes(folder):
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("passphrase", [PASSPHRASE, None], ids=["protected", "unprotected"])
def test_database_wal_and_backups_never_hold_plaintext(files, passphrase):
    """A planted note is in no file: not the database, its WAL, nor a backup."""
    journal = create_journal(files, passphrase)
    for offset in range(30):
        journal.checkins.save(CheckIn(date(2026, 1, 1 + offset % 28), note=f"{PLANTED} {offset}"))
    assert files.database.with_name("journal.db-wal").exists()
    journal.backup("test")
    while_open = _all_bytes(files.folder)
    journal.close()
    after = _all_bytes(files.folder)
    needle = PLANTED.encode()
    for contents in (while_open, after):
        assert any("backups" in str(path) for path in contents)
        for path, data in contents.items():
            assert needle not in data, path.name
            assert needle not in data.decode("latin-1").encode("utf-16-le"), path.name


def test_files_are_owner_only_even_with_a_permissive_umask(files):
    """Files end up 0600 and folders 0700 whatever the umask was."""
    old = os.umask(0o022)
    try:
        journal = create_journal(files, PASSPHRASE)
        journal.checkins.save(CheckIn(date(2026, 3, 4), mood=5))
        journal.backup("test")
        with InstanceLock(files.lock):
            modes = {
                p.relative_to(files.folder): stat.S_IMODE(p.stat().st_mode)
                for p in [files.folder, *files.folder.rglob("*")]
            }
        journal.close()
    finally:
        os.umask(old)
    assert modes.pop(files.folder.relative_to(files.folder)) == 0o700
    assert modes.pop(files.backups.relative_to(files.folder)) == 0o700
    assert modes and set(modes.values()) == {0o600}, modes


def test_creating_over_an_existing_journal_is_refused(journal, files):
    """An existing journal is never replaced."""
    journal.close()
    before = folder_hashes(files.folder)
    with pytest.raises(JournalExists):
        create_journal(files, "another passphrase")
    assert folder_hashes(files.folder) == before


def test_a_second_instance_is_refused_without_touching_files(journal, files):
    """While one copy holds the lock, a second is told so and changes nothing."""
    first = InstanceLock(files.lock)
    first.acquire()
    before = folder_hashes(files.folder)
    with pytest.raises(JournalInUse, match="already open"):
        InstanceLock(files.lock).acquire()
    assert folder_hashes(files.folder) == before
    first.release()
    with InstanceLock(files.lock) as again:
        assert again.held


def test_a_damaged_database_is_reported_and_left_untouched(journal, files):
    """Garbage in journal.db gives a calm "damaged" message; the file is not rewritten."""
    from recovery_desktop.data.errors import JournalDamaged
    from recovery_desktop.data.journal import open_with_passphrase

    journal.close()
    files.database.write_bytes(os.urandom(8192))
    before = folder_hashes(files.folder)
    with pytest.raises(JournalDamaged, match="damaged"):
        open_with_passphrase(files, PASSPHRASE)
    assert folder_hashes(files.folder) == before


def test_a_damaged_table_is_reported_too(journal, files):
    """The schema reads but a table behind it is broken (here the migrations table, the first
    one read on opening): still a calm message, no traceback."""
    from recovery_desktop.data.errors import JournalDamaged
    from recovery_desktop.data.journal import open_with_passphrase

    (root,) = journal.db.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = '_sqlite_migrations'"
    ).fetchone()
    page_size = int(journal.db.execute("PRAGMA page_size").fetchone()[0])
    journal.close()
    with files.database.open("r+b") as db_file:
        db_file.seek((root - 1) * page_size)
        db_file.write(bytes(page_size))
    before = folder_hashes(files.folder)
    with pytest.raises(JournalDamaged, match="damaged"):
        open_with_passphrase(files, PASSPHRASE)
    assert folder_hashes(files.folder) == before
