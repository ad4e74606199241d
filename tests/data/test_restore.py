"""Restoring a backup: the current journal is moved aside, the backup takes its place, the
backup file itself is never changed, and a kill at any moment leaves a journal that opens."""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from recovery_desktop.data.backup_files import list_backups, parse_backup
from recovery_desktop.data.backup_view import (
    BackupUnusable,
    backup_counts,
    backup_key,
    read_backup,
    verify_backup,
)
from recovery_desktop.data.errors import WrongPassphrase
from recovery_desktop.data.journal import JournalFiles, open_unprotected, open_with_passphrase
from recovery_desktop.data.restore import (
    DB_TEMP,
    PLAN_NAME,
    finish_interrupted_restore,
    journal_key,
    open_restored,
    prepare_restore,
    restore_backup,
    set_aside_damaged,
)
from recovery_desktop.domain.checkin import CheckIn
from tests.conftest import PASSPHRASE, folder_hashes

OLD_DAY = date(2026, 11, 1)
NEW_DAY = date(2026, 11, 20)


def _backed_up_then_changed(journal):
    """One check-in in the backup, a second one written after it."""
    journal.checkins.save(CheckIn(OLD_DAY, mood=3, note="in the backup"))
    path = journal.backup("manual")
    journal.checkins.save(CheckIn(NEW_DAY, mood=8, note="after the backup"))
    [backup] = [b for b in list_backups(journal.files.backups) if b.path == path]
    return backup


def flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def test_restore_moves_the_journal_aside_and_puts_the_backup_in_place(plain_journal, files):
    backup = _backed_up_then_changed(plain_journal)
    key = journal_key(plain_journal)
    plain_journal.close()
    before = folder_hashes(files.backups)

    replaced = restore_backup(files, backup, key)

    restored = open_unprotected(files)
    try:
        assert [c.day for c in restored.checkins.between(date.min, date.max)] == [OLD_DAY]
    finally:
        restored.close()
    assert replaced.parent == files.folder and replaced.name.startswith("replaced-")
    assert stat.S_IMODE(replaced.stat().st_mode) == 0o700
    old = open_unprotected(JournalFiles(replaced))  # nothing was deleted: it still opens
    try:
        assert [c.day for c in old.checkins.between(date.min, date.max)] == [OLD_DAY, NEW_DAY]
    finally:
        old.close()
    assert folder_hashes(files.backups) == before
    assert not (files.folder / PLAN_NAME).exists()
    assert not (files.folder / DB_TEMP).exists()


def test_a_protected_journal_restored_opens_with_the_same_passphrase(journal, files):
    backup = _backed_up_then_changed(journal)
    prepared = prepare_restore(journal, backup)
    journal.close()
    reopened, _replaced = prepared.finish()
    reopened.close()
    again = open_with_passphrase(files, PASSPHRASE)
    try:
        assert again.checkins.get(NEW_DAY) is None
        assert again.checkins.get(OLD_DAY).note == "in the backup"
    finally:
        again.close()
    before = [b for b in list_backups(files.backups) if b.reason == "before-restore"]
    assert len(before) == 1
    assert backup_counts(before[0], backup_key(before[0], PASSPHRASE))["checkins"] == 2


def test_looking_inside_changes_nothing_and_shows_the_contents(journal, files):
    backup = _backed_up_then_changed(journal)
    before = folder_hashes(files.folder)
    key = backup_key(backup, PASSPHRASE)

    contents = read_backup(backup, key)
    verify_backup(backup, key)

    assert contents.counts["checkins"] == 1
    assert contents.first_day == OLD_DAY and contents.last_day == OLD_DAY
    assert [c.note for c in contents.latest_checkins] == ["in the backup"]
    assert folder_hashes(files.folder) == before
    assert sorted(p.name for p in backup.path.parent.iterdir()) == sorted(
        [backup.path.name, backup.keys_path.name]
    )


def test_a_wrong_passphrase_does_not_open_a_backup(journal):
    backup = _backed_up_then_changed(journal)
    with pytest.raises(WrongPassphrase):
        backup_key(backup, "not the passphrase")


def test_a_damaged_backup_is_refused_and_nothing_changes(plain_journal, files):
    backup = _backed_up_then_changed(plain_journal)
    key = journal_key(plain_journal)
    plain_journal.close()
    flip_byte(backup.path, backup.size_bytes // 2)
    before = folder_hashes(files.folder)

    with pytest.raises(BackupUnusable):
        verify_backup(backup, key)
    with pytest.raises(BackupUnusable):
        restore_backup(files, backup, key)

    assert folder_hashes(files.folder) == before


def test_damaged_files_can_be_set_aside_without_deleting_them(plain_journal, files):
    plain_journal.close()
    before = folder_hashes(files.folder)
    folder = set_aside_damaged(files)
    assert not files.exists()
    moved = {name: digest for name, digest in before.items() if name in ("journal.db", "keys.json")}
    assert {
        name: digest for name, digest in folder_hashes(folder).items() if name in moved
    } == moved


_CHILD = """
import sys
from pathlib import Path
from recovery_desktop.data.fsutil import set_private_umask
from recovery_desktop.data.backup_files import list_backups, parse_backup
from recovery_desktop.data.journal import JournalFiles, open_unprotected
from recovery_desktop.data.restore import restore_backup, journal_key

set_private_umask()
files = JournalFiles(Path(sys.argv[1]))
journal = open_unprotected(files)
key = journal_key(journal)
journal.close()
backups = list_backups(files.backups)
assert len(backups) == 2
print("ready", flush=True)
turn = 0
while True:
    restore_backup(files, backups[turn % len(backups)], key)
    turn += 1
"""


@pytest.mark.parametrize("seed", range(20))
def test_a_kill_at_any_moment_leaves_a_journal_that_opens(plain_journal, files, seed):
    """A child restores two backups in turn; SIGKILL at a random moment; the next start
    completes or drops the interrupted restore and the journal holds one backup or the other."""
    plain_journal.checkins.save(CheckIn(OLD_DAY, mood=1))
    plain_journal.backup("before-upgrade")  # kept by rotation beside the newest of the day
    plain_journal.checkins.save(CheckIn(NEW_DAY, mood=2))
    plain_journal.backup("manual")
    plain_journal.close()
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(files.folder)],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).parents[2],
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"ready"
    # A random number of directory entries later: the child's work is a few renames each.
    rng = random.Random(seed)
    target = rng.randint(2, 40)
    while len(list(files.folder.iterdir())) < target and child.poll() is None:
        os.sched_yield()
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()

    finish_interrupted_restore(files)

    journal = open_unprotected(files)
    try:
        days = [c.day for c in journal.checkins.between(date.min, date.max)]
        assert days in ([OLD_DAY], [OLD_DAY, NEW_DAY])
        assert journal.integrity() == "ok"
    finally:
        journal.close()
    assert not (files.folder / PLAN_NAME).exists()
    assert not (files.folder / DB_TEMP).exists()


def test_open_restored_uses_the_checked_key(plain_journal, files):
    backup = _backed_up_then_changed(plain_journal)
    key = journal_key(plain_journal)
    plain_journal.close()
    restore_backup(files, backup, key)
    journal = open_restored(files, key)
    try:
        assert journal.checkins.count() == 1
    finally:
        journal.close()


def test_the_check_command_completes_an_interrupted_restore(plain_journal, files, capsys):
    """A restore stopped between its moves (journal.db moved aside, the backup not yet in
    place) is completed by the next command, which then reads the restored journal."""
    from recovery_desktop.cli import main
    from recovery_desktop.data.restore import _live_names, stage_backup

    backup = _backed_up_then_changed(plain_journal)
    key = journal_key(plain_journal)
    plain_journal.close()
    stage_backup(files, backup, key)
    # The plan as commit_staged writes it, then the kill after the first moves.
    replaced = files.folder / "replaced-20261130T061500Z"
    plan = {"replaced": replaced.name, "database": DB_TEMP, "keys": ".restore-keys.json.tmp"}
    (files.folder / PLAN_NAME).write_text(json.dumps(plan))
    replaced.mkdir(mode=0o700)
    for live in _live_names(files)[:3]:
        if live.exists():
            live.rename(replaced / live.name)
    assert not files.database.exists()

    assert main(["check", "--json", "--data-dir", str(files.folder)]) == 0
    assert '"checkins": 1' in capsys.readouterr().out
    assert (replaced / "journal.db").exists() and (replaced / "keys.json").exists()


def test_a_journal_restored_from_settings_opens_with_the_passphrase_in_use_now(journal, files):
    """The backup's key copy was taken under the old passphrase; the restored journal keeps
    today's keys.json, so the passphrase the user knows now opens it."""
    backup = _backed_up_then_changed(journal)
    journal.change_passphrase(PASSPHRASE, "a newer passphrase")
    prepared = prepare_restore(journal, backup)
    journal.close()
    restored, _replaced = prepared.finish()
    restored.close()

    again = open_with_passphrase(files, "a newer passphrase")
    try:
        assert again.checkins.count() == 1
    finally:
        again.close()
    with pytest.raises(WrongPassphrase):
        open_with_passphrase(files, PASSPHRASE)


def test_the_backup_restored_from_survives_the_before_restore_backup(plain_journal, files):
    """The "before-restore" backup is the day's newest, but it never takes the place of
    the day's regular backup: the one being restored stays (rotation used to delete it)."""
    plain_journal.checkins.save(CheckIn(date(2026, 11, 2), mood=3))
    chosen = parse_backup(plain_journal.backup("on-close"))
    assert chosen is not None
    prepared = prepare_restore(plain_journal, chosen)
    assert chosen.path.exists() and prepared.before_restore.exists()
    plain_journal.close()
    restored, _replaced = prepared.finish()
    restored.close()
    assert {b.reason for b in list_backups(files.backups)} == {"on-close", "before-restore"}
