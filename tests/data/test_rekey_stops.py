"""A move to a new encryption key stopped at a chosen moment (not at random, as in
``test_rekey_crash.py``): after ``PRAGMA rekey`` committed the re-encrypted pages to the
write-ahead log and before or while the checkpoint copied them into journal.db. The log
then holds the whole journal under the new key while journal.db still holds old-key pages;
the journal must open with the new passphrase, whole, and finish the move. The same when
the step after the commit fails with an error instead of a kill."""

import json
import os
import struct
import subprocess
import sys

import pytest
import sqlcipher3

from recovery_desktop.data.errors import StorageProblem, WrongPassphrase
from recovery_desktop.data.journal import new_recovery_key, open_with_passphrase
from tests.data.rekey_child import A, B
from tests.data.test_key_copies import checkins_read_with
from tests.data.test_rekey_crash import CHECKINS, CHILD, ROOT, assert_whole, make_journal

C = "third passphrase of the test"


def stop_after_commit(files):
    """Run the child that stops right after the new key's commit."""
    done = subprocess.run(
        [sys.executable, str(CHILD), "newkey-stop-after-commit", str(files.folder)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 9
    assert "pending_rekey" in json.loads(files.keys.read_text())


def checkpoint_partly(database, share):
    """Copy ``share`` of the frames of ``database``'s log into it, in page order, as
    SQLite's checkpoint does before a kill stops it."""
    log = database.with_name(database.name + "-wal").read_bytes()
    page_size = struct.unpack(">I", log[8:12])[0]
    step = 24 + page_size
    frames = sorted(
        (struct.unpack(">I", log[at : at + 4])[0], log[at + 24 : at + step])
        for at in range(32, len(log) - step + 1, step)
    )
    assert frames
    with database.open("r+b") as handle:
        for page, data in frames[: int(len(frames) * share)]:
            handle.seek((page - 1) * page_size)
            handle.write(data)


@pytest.mark.parametrize("share", [0, 0.5, 1], ids=["not-copied", "half-copied", "all-copied"])
def test_a_new_key_stopped_after_its_commit_opens_with_the_new_passphrase(tmp_path, share):
    files = make_journal(tmp_path / "journal", A)
    stop_after_commit(files)
    checkpoint_partly(files.database, share)
    assert_whole(files, [B])  # whole, every backup under the new key, nothing pending
    with pytest.raises(WrongPassphrase):
        open_with_passphrase(files, A).close()


def deny_second_checkpoint(conn):
    """Make ``conn`` refuse its second ``wal_checkpoint`` (the one after ``PRAGMA rekey``
    committed), as a failing disk would: the statement raises."""
    seen = []

    def authorize(action, argument, *_rest):
        if action == sqlcipher3.SQLITE_PRAGMA and argument == "wal_checkpoint":
            seen.append(argument)
            if len(seen) == 2:
                return sqlcipher3.SQLITE_DENY
        return sqlcipher3.SQLITE_OK

    conn.set_authorizer(authorize)


def failed_after_commit(tmp_path):
    """A journal with passphrase A, still open after a move to B failed with an error
    after its commit."""
    files = make_journal(tmp_path / "journal", A)
    journal = open_with_passphrase(files, A)
    deny_second_checkpoint(journal.db.conn)
    with pytest.raises(StorageProblem):
        journal.new_encryption_key(A, B, new_recovery_key())
    journal.db.conn.set_authorizer(None)
    return files, journal


def test_a_new_key_that_fails_after_its_commit_keeps_both_ways_in(tmp_path):
    """An error after the re-encryption committed (its checkpoint fails) is reported, but
    the new key's slots are kept: the journal opens whole afterwards, and a backup taken
    in between opens with its own key copy."""
    files, journal = failed_after_commit(tmp_path)
    taken = journal.backup("manual")
    assert checkins_read_with(taken, journal._key) == CHECKINS
    journal.close()
    assert_whole(files, [B])


def test_trying_again_after_a_failure_after_the_commit_keeps_every_backup(tmp_path):
    """The user tries the new key again after that error (the first try's move is still
    pending): the first move is finished before the second starts, so every backup follows
    both keys and none is lost, and the last passphrase is the one that opens."""
    files, journal = failed_after_commit(tmp_path)
    assert journal.new_encryption_key(A, C, new_recovery_key()) == 0  # no backup removed
    journal.close()
    assert_whole(files, [C])
    with pytest.raises(WrongPassphrase):
        open_with_passphrase(files, B).close()
