"""Proof that a full disk costs nothing already saved, and says so plainly.

The disk is made "full" for one child process with a small ``RLIMIT_FSIZE`` (no file may
grow past it; ``SIGXFSZ`` ignored, so writes fail with ``EFBIG`` as the system reports a
limit), which works on every POSIX system without mounting anything.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from recovery_desktop.data.backup_place import choose_folder
from recovery_desktop.data.demo import fill_demo
from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.export import document_bytes, export_document
from recovery_desktop.data.import_apply import import_plan
from recovery_desktop.data.import_json import check_document, parse
from recovery_desktop.data.journal import JournalFiles, create_journal, open_unprotected
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


@contextlib.contextmanager
def small_disk(folder: Path, size: str):
    """A tmpfs of ``size`` mounted on ``folder`` (root on Linux; skipped elsewhere)."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("a small tmpfs needs root on Linux")
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    if mounted.returncode != 0:
        pytest.skip(f"tmpfs could not be mounted: {mounted.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True, timeout=30)


def fill(folder: Path) -> None:
    """Write a file in ``folder`` until the disk is full."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * 4096)
    finally:
        os.close(fd)


def test_an_import_onto_a_full_disk_says_nothing_was_imported(tmp_path):
    """The journal's disk fills during the import (its backup goes to another disk): the
    message says nothing was imported, never "What you typed is still on screen", and the
    journal holds what it held."""
    other = create_journal(JournalFiles(tmp_path / "other"), None)
    fill_demo(other, 8, WEEK.end)
    plan = check_document(parse(document_bytes(export_document(other.db))))
    other.close()
    disk = tmp_path / "disk"
    with small_disk(disk, "3m"):
        files = JournalFiles(disk / "journal")
        journal = create_journal(files, None)
        try:
            (tmp_path / "backups").mkdir()
            choose_folder(files.folder, tmp_path / "backups")
            counts = journal.counts()
            fill(disk)
            with pytest.raises(JournalError) as caught:
                import_plan(journal, plan)
            message = str(caught.value)
            assert "nothing was imported" in message.lower()
            assert "What you typed" not in message
            assert journal.counts() == counts
        finally:
            (disk / "filler").unlink(missing_ok=True)
            journal.close()
