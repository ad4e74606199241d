"""Proof that an import killed at any moment is applied whole or not at all: the journal
then opens, passes its integrity check and holds either what it held before or everything
the file adds, never a part of it."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from recovery_desktop.cli import main as cli_main
from recovery_desktop.data.instance_lock import InstanceLock
from recovery_desktop.data.journal import JournalFiles, open_unprotected

ROOT = Path(__file__).parent.parent
KILLS = 20


def counts(folder: Path) -> dict[str, int]:
    files = JournalFiles(folder)
    with InstanceLock(files.lock):
        journal = open_unprotected(files)
        try:
            assert journal.integrity() == "ok"
            return journal.counts()
        finally:
            journal.close()


def run_import(folder: Path, export: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("RECOVERY_DESKTOP_PASSPHRASE", None)
    command = "from recovery_desktop.cli import main; raise SystemExit(main())"
    return subprocess.Popen(
        [sys.executable, "-c", command, "import", "--data-dir", str(folder), str(export)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    )


def test_an_import_killed_at_any_moment_is_whole_or_absent(tmp_path):
    source, target = tmp_path / "source", tmp_path / "target"
    assert cli_main(["demo-data", "--data-dir", str(source), "--weeks", "6", "--seed", "3"]) == 0
    assert cli_main(["demo-data", "--data-dir", str(target), "--weeks", "3", "--seed", "4"]) == 0
    export = tmp_path / "source.json"
    assert cli_main(["export", "--data-dir", str(source), "--out", str(export)]) == 0
    pristine = tmp_path / "pristine"
    shutil.copytree(target, pristine)
    before = counts(target)
    finished = run_import(target, export)
    _out, errors = finished.communicate(timeout=120)
    assert finished.returncode == 0, errors
    after = counts(target)
    assert after != before

    rng = random.Random(10)
    outcomes = {"before": 0, "after": 0}
    for _ in range(KILLS):
        shutil.rmtree(target)
        shutil.copytree(pristine, target)
        child = run_import(target, export)
        time.sleep(rng.uniform(0.1, 0.8))  # the moment of the kill, not a wait for a result
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
        now = counts(target)
        assert now in (before, after), now
        outcomes["before" if now == before else "after"] += 1
    assert outcomes["before"] > 0, outcomes
