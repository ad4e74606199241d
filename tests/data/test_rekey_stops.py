"""A move to a new encryption key stopped at a chosen moment (not at random, as in
``test_rekey_crash.py``): after ``PRAGMA rekey`` committed the re-encrypted pages to the
write-ahead log and before or while the checkpoint copied them into journal.db. The log
then holds the whole journal under the new key while journal.db still holds old-key pages;
the journal must open with the new passphrase, whole, and finish the move."""

import json
import os
import struct
import subprocess
import sys

import pytest

from recovery_desktop.data.errors import WrongPassphrase
from recovery_desktop.data.journal import open_with_passphrase
from tests.data.rekey_child import A, B
from tests.data.test_rekey_crash import CHILD, ROOT, assert_whole, make_journal


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
