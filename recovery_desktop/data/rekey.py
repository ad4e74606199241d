"""Moving a journal to a new data key, so that no old copy of the key opens it any more.

The order keeps the journal openable at every moment, the old way or the new way:

1. keys.json gets the new slots plus a ``pending_rekey`` record (the old slots, and each
   key sealed under the other), in one atomic write;
2. the live database is re-encrypted with ``PRAGMA rekey`` (one SQLite transaction: it
   is under the old key or the new one, never half);
3. every backup is re-encrypted (a temporary copy under the new key, checked, renamed
   over it) and its key copy rewritten; a backup that cannot be is removed;
4. keys.json drops the pending record.

An open that finds a pending record (the app was stopped in between) finishes the move:
:func:`finish_interrupted`.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import sqlcipher3

from recovery_desktop.data import crash_copies
from recovery_desktop.data.connection import key_literal, sql_errors
from recovery_desktop.data.errors import JournalError, StorageProblem
from recovery_desktop.data.integrity import find_problems
from recovery_desktop.data.key_copies import JournalPaths, keyed, opens_with, rekey_backups
from recovery_desktop.data.vault import Vault


def rekey_database(conn: sqlcipher3.dbapi2.Connection, new_key: bytes) -> None:
    """Re-encrypt the open database ``conn`` under ``new_key`` in one transaction, with the
    write-ahead log emptied before and after. Raises :class:`JournalError`."""
    with sql_errors():
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f'PRAGMA rekey = "{key_literal(new_key)}"')
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def rekey_journal(
    paths: JournalPaths,
    conn: sqlcipher3.dbapi2.Connection,
    vault: Vault,
    keys: tuple[bytes, bytes],
    slots: list[dict[str, Any]],
) -> int:
    """Move the journal open on ``conn`` from ``keys[0]`` (old) to ``keys[1]`` (new), whose
    key slots are ``slots``. Returns how many backups could not be re-encrypted and were
    removed. Raises :class:`JournalError`; until step 2 has committed, the journal is left
    as it was, and after it (even when what follows the commit fails, e.g. its
    checkpoint), the move stays pending and the next open finishes it."""
    old_key, new_key = keys
    vault.begin_rekey(old_key, new_key, slots)
    try:
        rekey_database(conn, new_key)
    except BaseException:
        with contextlib.suppress(JournalError):
            # Only while the database still reads with the old key: dropping the new
            # slots of a database already under the new key would lock everyone out.
            if key_in_use(paths.database, vault, old_key) == old_key:
                vault.abandon_rekey()
        raise
    return finish_backups(paths, vault, old_key, new_key)


def settle_pending(paths: JournalPaths, vault: Vault, key: bytes) -> None:
    """Before a new move on an open journal whose database is under ``key``: finish an
    earlier move that failed after its commit (``key`` is its new key), or drop one whose
    database was never re-encrypted. Raises :class:`JournalError` (nothing new started)."""
    if not vault.rekey_pending:
        return
    new_key, old_key = vault.rekey_keys(key)
    if key == new_key:
        finish_backups(paths, vault, old_key, new_key)
    else:
        vault.abandon_rekey()


def finish_backups(paths: JournalPaths, vault: Vault, old_key: bytes, new_key: bytes) -> int:
    """Steps 3 and 4: returns how many backups were removed. Copies kept after a crash
    are under the old key too; they are removed (they cannot be re-encrypted without
    opening them, which would change the evidence they keep)."""
    removed = rekey_backups(paths, old_key, new_key, vault.settled_bytes())
    crash_copies.remove_all(paths.folder)
    vault.finish_rekey()
    return removed


def key_in_use(database: Path, vault: Vault, key: bytes) -> bytes:
    """Mid-rekey, the key (old or new) the database opens with now, found through a
    read-only connection that changes nothing (so a crash copy can still be kept first);
    the new key when neither reads it (then it is damaged, and opening says so)."""
    new_key, old_key = vault.rekey_keys(key)
    if find_problems(database, new_key) and not find_problems(database, old_key):
        return old_key
    return new_key


def finish_interrupted(paths: JournalPaths, vault: Vault, key: bytes) -> bytes:
    """Finish a move to a new key that was stopped midway; ``key`` came from any of the
    journal's slots, old or new. Returns the key the database now opens with. When the
    folder cannot be written (read-only, full), the journal still opens with the key it
    is under, and the move is finished at a later open."""
    new_key, old_key = vault.rekey_keys(key)
    if not opens_with(paths.database, new_key):
        with keyed(paths.database, old_key) as conn:  # raises when damaged
            try:
                rekey_database(conn, new_key)
            except StorageProblem:  # not written at all, or failed after its commit
                return key_in_use(paths.database, vault, key)
    with contextlib.suppress(StorageProblem):
        finish_backups(paths, vault, old_key, new_key)
    return new_key
