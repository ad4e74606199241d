"""Backups are written under a temporary name, checked, then named: a kill, a full disk or
an unplugged drive never leaves a half backup that is listed, and older backups stay."""

import random
import shutil
import subprocess
import sys
import textwrap
from datetime import date, datetime, timezone

import pytest
import sqlcipher3

from recovery_desktop.data.backup import FOLDER_FULL, backups, verify
from recovery_desktop.data.backup_files import backup_name, list_backups
from recovery_desktop.data.backup_place import choose_folder
from recovery_desktop.data.connection import key_literal
from recovery_desktop.data.demo import fill_demo
from recovery_desktop.data.errors import StorageProblem
from recovery_desktop.data.journal import JournalFiles, create_journal, open_unprotected
from recovery_desktop.data.vault import Vault
from tests.conftest import folder_hashes

KILLS = 20


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """An unprotected journal with a few hundred records, made once; tests copy it."""
    files = JournalFiles(tmp_path_factory.mktemp("filled") / "journal")
    journal = create_journal(files, None)
    fill_demo(journal, 10, date.today())
    counts = journal.counts()
    journal.close()
    return files, counts


@pytest.fixture
def plain_files(filled, tmp_path):
    source, counts = filled
    folder = tmp_path / "journal"
    shutil.copytree(source.folder, folder)
    return JournalFiles(folder), counts


def _run_child(files, script, *extra):
    code = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from recovery_desktop.data.fsutil import set_private_umask
        set_private_umask()
        from recovery_desktop.data.journal import JournalFiles, open_unprotected
        journal = open_unprotected(JournalFiles(Path(sys.argv[1])))
        """
    ) + textwrap.dedent(script)
    return subprocess.Popen(
        [sys.executable, "-c", code, str(files.folder), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _complete(backup, counts):
    """The backup opens with the key in its own key copy, passes both checks and holds
    every check-in and craving of the journal."""
    key = Vault.load(backup.keys_path).unlock_plain()
    conn = sqlcipher3.connect(f"{backup.path.as_uri()}?mode=ro", uri=True)
    try:
        conn.execute(f'PRAGMA key = "{key_literal(key)}"')
        assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        for table in ("checkins", "cravings"):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == counts[table]
    finally:
        conn.close()


def test_a_kill_during_a_backup_never_leaves_a_listed_half_backup(plain_files):
    """SIGKILL at random moments while a child backs up in a loop: every backup listed
    afterwards is complete and checks out, and the journal still opens."""
    files, counts = plain_files
    rng = random.Random(10)
    for _ in range(KILLS):
        child = _run_child(
            files,
            """
            print("ready", flush=True)
            while True:
                journal.backup("manual")
            """,
        )
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        try:
            child.wait(timeout=rng.uniform(0.02, 0.4))
        except subprocess.TimeoutExpired:
            child.kill()
        child.wait()
        child.stdout.close()
        child.stderr.close()
        for backup in list_backups(files.backups):
            _complete(backup, counts)
    assert list_backups(files.backups)
    hidden = [p.name for p in files.backups.iterdir() if p.name.startswith(".")]
    journal = open_unprotected(files)
    try:
        journal.backup("manual")  # also clears what the last kill left behind
        assert journal.counts() == counts
    finally:
        journal.close()
    assert not [p for p in files.backups.iterdir() if p.name.startswith(".")], hidden


def test_a_full_disk_says_the_backup_folder_is_full_and_leaves_nothing(plain_files):
    """A file size limit (as a full disk): the calm sentence, no half backup, older
    backups and their key copies exactly as they were."""
    files, _counts = plain_files
    journal = open_unprotected(files)
    journal.backup("manual")
    journal.close()
    before = folder_hashes(files.backups)
    child = _run_child(
        files,
        """
        import resource, signal
        from recovery_desktop.data.errors import StorageProblem
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000))
        try:
            journal.backup("manual")
        except StorageProblem as error:
            print(error)
        """,
    )
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert out.strip() == FOLDER_FULL
    assert "database error" not in out
    assert folder_hashes(files.backups) == before


def test_the_journal_saves_on_after_a_backup_folder_was_full(plain_files):
    """The backup fails for want of room; the journal itself is untouched by that failure,
    so the next save (once room is back) works and says nothing about damage."""
    files, _counts = plain_files
    child = _run_child(
        files,
        """
        import resource, signal
        from datetime import date
        from recovery_desktop.data.errors import StorageProblem
        from recovery_desktop.domain.checkin import CheckIn
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, hard))
        try:
            journal.backup("manual")
        except StorageProblem as error:
            print(error)
        resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
        journal.checkins.save(CheckIn(date(2026, 11, 29), mood=3, note="after the full folder"))
        print(journal.checkins.get(date(2026, 11, 29)).note)
        print(journal.backup("manual").name.endswith("-manual.db"))
        """,
    )
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert out.splitlines() == [FOLDER_FULL, "after the full folder", "True"]


def test_an_unplugged_backup_drive_is_named_and_not_created(journal, tmp_path):
    """A chosen folder that went away: the message names it and asks about the drive;
    the app does not make a folder of that name on the computer's own disk."""
    stick = tmp_path / "stick"
    stick.mkdir()
    choose_folder(journal.files.folder, stick)
    journal.backup("manual")
    first = folder_hashes(stick)
    moved = tmp_path / "elsewhere"
    shutil.move(stick, moved)
    with pytest.raises(StorageProblem) as raised:
        journal.backup("manual")
    assert f"The backup folder {stick} is not there (is the drive plugged in?)" in str(raised.value)
    assert "untouched" in str(raised.value)
    assert not stick.exists()
    assert folder_hashes(moved) == first


def test_leftovers_of_a_killed_backup_are_removed_at_the_next_backup(journal):
    """A temporary copy with its -journal, a temporary key copy and a key copy whose
    database copy is gone: all cleared; files the user put there stay."""
    folder = journal.files.backups
    folder.mkdir()
    name = backup_name(datetime(2026, 1, 1, tzinfo=timezone.utc), 9, "manual")
    junk = [
        f".{name}.partial",
        f".{name}.partial-journal",
        ".keys-20260101T000000Z-000009-manual.json.x1y2.tmp",
        "keys-20260101T000000Z-000009-manual.json",
    ]
    for item in junk:
        (folder / item).write_bytes(b"half")
    (folder / "notes.txt").write_text("mine")
    made = journal.backup("manual")
    names = {p.name for p in folder.iterdir()}
    assert names == {"notes.txt", made.name, made.name.replace("journal-", "keys-")[:-3] + ".json"}


def test_the_new_backup_opens_with_its_key_copy_and_no_temporary_file_stays(journal):
    """The copy is complete and checks out; nothing hidden is left in the folder."""
    made = journal.backup("manual")
    [listed] = list_backups(journal.files.backups)
    assert listed.path == made
    assert sorted(p.name for p in journal.files.backups.iterdir() if p.name.startswith(".")) == []
    assert Vault.load(listed.keys_path).is_protected


def test_a_damaged_copy_does_not_pass_the_check(plain_files, tmp_path):
    """One flipped byte in the middle of a copy: the check refuses it."""
    files, _counts = plain_files
    journal = open_unprotected(files)
    made = journal.backup("manual")
    counts = {
        name: journal.db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        for name in journal.db.table_names()
    }
    key = Vault.load(files.keys).unlock_plain()
    journal.close()
    assert verify(made, key, counts)
    data = bytearray(made.read_bytes())
    data[len(data) // 2] ^= 0x40
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(bytes(data))
    assert not verify(damaged, key, counts)


class _Clock(datetime):
    """A clock the test moves forward."""

    current = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)

    @classmethod
    def now(cls, tz=None):
        return cls.current.astimezone(tz)


def test_rotation_on_disk_follows_the_policy(journal, monkeypatch):
    """Three backups a day for twelve days, one before an upgrade on the first: the
    upgrade one, the last seven days' newest and the older weeks' newest stay, each with
    its key copy; every other file is gone."""
    from recovery_desktop.data import backup as backup_module

    monkeypatch.setattr(backup_module, "datetime", _Clock)
    upgrade = journal.backup("before-upgrade")
    made = []
    for day in range(12):
        for hour in (9, 14, 21):
            _Clock.current = datetime(2026, 11, 2 + day, hour, tzinfo=timezone.utc)
            made.append(journal.backup("on-close"))
    kept = backups(journal.files.backups)
    evenings = made[2::3]
    # The last seven days are days 5-11; their newest are also both weeks' newest (2 Nov 2026
    # is a Monday: days 0-6 are one ISO week, 7-11 the next).
    assert kept == [upgrade, *evenings[5:]]
    keys = sorted(p.name for p in journal.files.backups.glob("keys-*.json"))
    assert keys == sorted(p.name.replace("journal-", "keys-")[:-3] + ".json" for p in kept)
