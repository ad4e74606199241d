"""Proof that a full disk costs nothing already saved, and says so plainly.

The disk is made "full" for one child process with a small ``RLIMIT_FSIZE`` (no file may
grow past it; ``SIGXFSZ`` ignored, so writes fail with ``EFBIG`` as the system reports a
limit), which works on every POSIX system without mounting anything.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from recovery_desktop.data.demo import fill_demo
from recovery_desktop.data.journal import create_journal, open_unprotected
from recovery_desktop.domain.periods import parse_week
from tests.saving_child import Acknowledged, new_journal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")

ROOT = Path(__file__).parent.parent
CHILD = Path(__file__).with_name("saving_child.py")
ROOM = 256 * 1024  # bytes the journal's files may grow by before the "disk" is full
PDF_LIMIT = 64 * 1024  # the journal's files are written within it, a week's PDF is bigger
WEEK = parse_week("2026-W47")


def run_child(folder: Path, size_limit: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(CHILD), str(folder), "0", str(size_limit)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def answer(output: str, label: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(label))


def test_a_full_disk_refuses_calmly_keeps_everything_and_saves_again(files):
    """Saving past the limit is refused with a calm message that names the disk (shown
    after "Not saved:"), never a traceback; a big draft and keys.json are refused the same
    way, keys.json unchanged and no temporary file left; once the limit is lifted the same
    process saves again, and every record acknowledged before is in the journal, which
    passes its integrity check."""
    new_journal(files)
    keys_before = files.keys.read_bytes()
    limit = files.database.stat().st_size + ROOM
    result = run_child(files.folder, limit)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    full = (
        "StorageProblem The computer could not read or write the journal file: the disk may be full"
    )
    assert answer(result.stdout, "not saved:").startswith(f"not saved: {full}")
    assert answer(result.stdout, "drafts:").startswith(f"drafts: {full}")
    assert answer(result.stdout, "keys:") == (
        "keys: StorageProblem A file would have grown past the size this disk or this account "
        "allows, so it could not be written."
    )
    assert "saved again" in result.stdout
    assert files.keys.read_bytes() == keys_before
    assert not [p.name for p in files.folder.iterdir() if p.name.endswith(".tmp")]
    acknowledged = Acknowledged()
    acknowledged.read(result.stdout)
    assert len(acknowledged.checkins) > 5
    journal = open_unprotected(files)
    try:
        assert acknowledged.lost(journal) == []
        assert journal.integrity() == "ok"
    finally:
        journal.close()


REPORT = textwrap.dedent(
    """
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), resource.RLIM_INFINITY))
    from recovery_desktop.cli import main
    sys.exit(main(sys.argv[2:]))
    """
)


def test_report_onto_a_full_disk_leaves_no_pdf_and_says_it_is_too_big(files, tmp_path):
    """``report`` whose PDF cannot be written whole writes no file at all (not an empty
    or a cut one) and says in plain words why, exit 1."""
    journal = create_journal(files, None)
    fill_demo(journal, 2, WEEK.end)
    journal.close()
    out = tmp_path / "out" / "week.pdf"
    out.parent.mkdir()
    command = ["report", "--week", "2026-W47", "--data-dir", str(files.folder), "--out", str(out)]
    result = subprocess.run(
        [sys.executable, "-c", REPORT, str(PDF_LIMIT), *command],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 1, result.stderr
    assert list(out.parent.iterdir()) == []
    assert "too big for this disk" in result.stderr
    assert "Traceback" not in result.stderr
