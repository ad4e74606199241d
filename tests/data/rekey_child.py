"""Run by tests/data/test_rekey_crash.py in a child process, which the test kills at
random moments: changes a journal's keys through the data layer.

    PYTHONPATH=ROOT python rekey_child.py OPERATION FOLDER

OPERATION is ``change`` (passphrase A <-> B, for ever), ``newkey`` (a new encryption key
with passphrase A <-> B, for ever) or ``add`` (passphrase A added to a journal without
one, once). Prints "go" before each operation and "done SECONDS" after it.

``newkey-stop-after-commit`` moves once from A to B and stops dead (exit status 9, no
cleanup, as after SIGKILL) when the re-encryption is committed to the write-ahead log,
just before the checkpoint copies it into journal.db.
"""

import os
import sys
import time
from pathlib import Path

from recovery_desktop.data.errors import WrongPassphrase
from recovery_desktop.data.fsutil import set_private_umask
from recovery_desktop.data.journal import (
    JournalFiles,
    new_recovery_key,
    open_unprotected,
    open_with_passphrase,
)
from tests.argon2_for_tests import use_test_only_argon2

A = "first passphrase of the test"
B = "second passphrase of the test"


def say(text):
    print(text, flush=True)


def open_either(files):
    """The journal and the passphrase that opened it."""
    try:
        return open_with_passphrase(files, A), A
    except WrongPassphrase:
        return open_with_passphrase(files, B), B


def stop_at_second_checkpoint(conn):
    """Exit at once when ``conn`` is about to run its second checkpoint (``data/rekey.py``
    runs one before ``PRAGMA rekey`` and one after it)."""
    seen = []

    def trace(statement):
        seen.extend(["checkpoint"] if "wal_checkpoint" in statement else [])
        if len(seen) == 2:
            os._exit(9)

    conn.set_trace_callback(trace)


def main(operation, folder):
    set_private_umask()
    use_test_only_argon2()  # TEST ONLY: cheap key derivation, as in the test process
    files = JournalFiles(Path(folder))
    if operation == "add":
        journal = open_unprotected(files)
        say("go")
        start = time.monotonic()
        journal.add_passphrase(A, new_recovery_key())
        say(f"done {time.monotonic() - start}")
        return
    journal, current = open_either(files)
    if operation == "newkey-stop-after-commit":
        stop_at_second_checkpoint(journal.db.conn)
        journal.new_encryption_key(A, B, new_recovery_key())
        return
    while True:
        other = B if current == A else A
        say("go")
        start = time.monotonic()
        if operation == "change":
            journal.change_passphrase(current, other)
        else:
            journal.new_encryption_key(current, other, new_recovery_key())
        say(f"done {time.monotonic() - start}")
        current = other


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
