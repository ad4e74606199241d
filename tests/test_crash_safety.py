"""Proof that a save acknowledged is a save kept, whenever the app is killed.

A child process (tests/saving_child.py) saves check-ins, cravings and reach-outs through
the data layer and prints each one once its save call returned; it is killed with SIGKILL
at random moments (also while it opens the journal). After every kill the journal opens
again at once (no stale lock or WAL in the way), holds every acknowledged record as saved,
and passes SQLite's integrity check. The next child, a fresh process, opens it again, and
so does a last ``check`` through the command line.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from recovery_desktop.data.instance_lock import InstanceLock
from recovery_desktop.data.journal import JournalFiles, open_unprotected
from tests.saving_child import Acknowledged, new_journal

CHILD = Path(__file__).with_name("saving_child.py")
ROOT = Path(__file__).parent.parent
MOST_LINES_BEFORE_KILL = 45  # up to 15 rounds of three saves


def start_child(folder: Path, first: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(folder), str(first)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def kill_at_random(child: subprocess.Popen[str], rng: random.Random) -> str:
    """Wait for a random number of acknowledgements (0: still opening), then a random
    fraction of a save, then SIGKILL. Returns everything the child printed."""
    assert child.stdout is not None
    lines = [child.stdout.readline() for _ in range(rng.randint(0, MOST_LINES_BEFORE_KILL))]
    time.sleep(rng.random() * 0.01)  # the moment of the kill, not a wait for a result
    child.send_signal(signal.SIGKILL)
    rest, errors = child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL, f"the child stopped by itself:\n{errors}"
    return "".join(lines) + rest


def reopen_and_verify(files: JournalFiles, acknowledged: Acknowledged) -> None:
    """The lock is free, the journal opens, nothing acknowledged is lost, integrity is ok."""
    with InstanceLock(files.lock):
        journal = open_unprotected(files)
        try:
            assert acknowledged.lost(journal) == []
            assert journal.integrity() == "ok"
        finally:
            journal.close()


@pytest.mark.parametrize(
    "kills",
    [pytest.param(50, id="50-kills"), pytest.param(500, id="500-kills", marks=pytest.mark.slow)],
)
def test_no_acknowledged_save_is_lost_when_the_app_is_killed(files, kills):
    """``kills`` SIGKILLs at random moments: zero acknowledged records lost, integrity ok and
    the journal reopens every time, in this process and in fresh ones."""
    new_journal(files)
    rng = random.Random(kills)
    acknowledged = Acknowledged()
    for _ in range(kills):
        output = kill_at_random(start_child(files.folder, acknowledged.next_number), rng)
        acknowledged.read(output)
        reopen_and_verify(files, acknowledged)
    print(f"{kills} kills, {acknowledged.total} records acknowledged, 0 lost")
    assert acknowledged.total > kills  # most children got to save before the kill
    check = subprocess.run(
        [sys.executable, "-m", "recovery_desktop", "check", "--json", "--data-dir", files.folder],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert check.returncode == 0, check.stderr
    counts = json.loads(check.stdout)["counts"]
    assert counts["checkins"] >= len(acknowledged.checkins)
    assert counts["cravings"] >= len(acknowledged.cravings)
    assert counts["reach_outs"] >= len(acknowledged.reach_outs)
