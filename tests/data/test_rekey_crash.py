"""Crash safety of key changes: a child process changes the passphrase, adds one, or moves
to a new encryption key while the test kills it (SIGKILL) at random moments. Afterwards the
journal always opens with the old or the new passphrase, never neither; integrity is ok,
no record is lost, and every backup opens with the journal's own key file.

10 kills per operation in ``make test``; ``make test-slow`` (``-m slow``) runs 100 more.
"""

import json
import os
import random
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from recovery_desktop.data.errors import WrongPassphrase
from recovery_desktop.data.journal import (
    JournalFiles,
    create_journal,
    open_unprotected,
    open_with_passphrase,
)
from recovery_desktop.data.vault import Vault
from recovery_desktop.domain.checkin import CheckIn
from tests.data.rekey_child import A, B
from tests.data.test_key_copies import backup_pairs, checkins_read_with

CHILD = Path(__file__).with_name("rekey_child.py")
ROOT = Path(__file__).parents[2]
CHECKINS = 100
BACKUPS = ("before-upgrade", "before-import")


def make_journal(folder, passphrase):
    """A journal with CHECKINS check-ins and a backup for each of BACKUPS."""
    files = JournalFiles(folder)
    journal = create_journal(files, passphrase)
    first = date(2025, 1, 1)
    for day in range(CHECKINS):
        journal.checkins.save(CheckIn(first + timedelta(days=day), mood=day % 11))
    for reason in BACKUPS:  # reasons that rotation keeps one each of
        journal.backup(reason)
    journal.close()
    return files


def start(operation, files):
    return subprocess.Popen(
        [sys.executable, str(CHILD), operation, str(files.folder)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def calibrate(operation, files):
    """Seconds one operation takes in the child (run to its end, not killed)."""
    with start(operation, files) as child:
        assert child.stdout.readline().strip() == "go"
        done = child.stdout.readline().split()
        child.kill()
    return float(done[1])


def kill_at_random(operation, files, rng, window):
    """Start the child, let it reach its first operation, kill it up to ``window``
    seconds later. Returns whether keys.json was left mid-way to a new key."""
    with start(operation, files) as child:
        assert child.stdout.readline().strip() == "go"
        try:
            child.wait(timeout=rng.uniform(0, window))
        except subprocess.TimeoutExpired:
            child.kill()
    return "pending_rekey" in json.loads(files.keys.read_text())


def open_old_or_new(files, ways):
    """The journal opened by the first of ``ways`` that works (each a passphrase, or None
    for a journal without one); fails when none does."""
    for way in ways:
        try:
            return open_unprotected(files) if way is None else open_with_passphrase(files, way)
        except WrongPassphrase:
            continue
    raise AssertionError("the journal opened neither the old way nor the new way")


def assert_whole(files, ways):
    journal = open_old_or_new(files, ways)
    try:
        assert journal.integrity() == "ok"
        assert journal.checkins.count() == CHECKINS
        assert "pending_rekey" not in files.keys.read_text()
        key = journal._key
    finally:
        journal.close()
    pairs = backup_pairs(files)
    assert len(pairs) >= len(BACKUPS)  # and one taken before a new key
    for database, copy in pairs:
        assert copy.read_bytes() == files.keys.read_bytes()
        assert checkins_read_with(database, key) == CHECKINS


KILLS = [pytest.param(10, id="10-kills"), pytest.param(100, id="100-kills", marks=pytest.mark.slow)]


@pytest.mark.parametrize("kills", KILLS)
@pytest.mark.parametrize("operation", ["change", "newkey"])
def test_a_killed_key_change_leaves_the_old_or_the_new_passphrase(tmp_path, operation, kills):
    """Passphrase change and new encryption key, killed at random, over and over."""
    files = make_journal(tmp_path / "journal", A)
    rng = random.Random(f"{operation}-{tmp_path.name}")
    window = 2.5 * calibrate(operation, files)
    assert_whole(files, [A, B])
    mid_rekey = 0
    for _ in range(kills):
        mid_rekey += kill_at_random(operation, files, rng, window)
        assert_whole(files, [A, B])
    print(f"{operation}: {kills} kills, {mid_rekey} left mid-way to a new key")


@pytest.mark.parametrize("kills", KILLS)
def test_a_killed_add_passphrase_leaves_no_passphrase_or_the_new_one(tmp_path, kills):
    """Adding a passphrase, killed at random: the journal opens without one or with the
    new one; once open, the old key is gone from keys.json and every key copy."""
    template = make_journal(tmp_path / "template", None)
    rng = random.Random(f"add-{tmp_path.name}")
    trial = JournalFiles(tmp_path / "trial")
    shutil.copytree(template.folder, trial.folder)
    window = 1.5 * calibrate("add", trial)
    mid_rekey = 0
    for attempt in range(kills):
        files = JournalFiles(tmp_path / f"kill-{attempt}")
        shutil.copytree(template.folder, files.folder)
        mid_rekey += kill_at_random("add", files, rng, window)
        assert_whole(files, [None, A])
        if Vault.load(files.keys).is_protected:
            [plain] = [s for s in json.loads(template.keys.read_text())["slots"]]
            assert plain["key"] not in files.keys.read_text()
        shutil.rmtree(files.folder)
    print(f"add: {kills} kills, {mid_rekey} left mid-way to a new key")
