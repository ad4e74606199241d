"""Child processes that a test kills with SIGKILL at a chosen or random moment."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_PRELUDE = """
import sys
from datetime import date, timedelta
from pathlib import Path
from recovery_desktop.data.fsutil import set_private_umask
from recovery_desktop.data.journal import JournalFiles, create_journal, open_unprotected
from recovery_desktop.domain.checkin import CheckIn
set_private_umask()
files = JournalFiles(Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.readline()
"""

CREATE = (
    _PRELUDE
    + """
create_journal(files, None).close()
print("created", flush=True)
sys.stdin.readline()
"""
)

SAVE_CHECKINS = (
    _PRELUDE
    + """
journal = open_unprotected(files)
for i in range(int(sys.argv[2])):
    journal.checkins.save(CheckIn(date(2025, 1, 1) + timedelta(days=i), mood=5, note="saved"))
    print(i, flush=True)
print("saved", flush=True)
sys.stdin.readline()
"""
)


def start(code: str, folder: Path, *args: str) -> subprocess.Popen[str]:
    """Run ``code`` in a child with the journal folder; returns once it is ready (its
    imports done). Write a line to its stdin to let it go on."""
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(folder), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline() == "ready\n"
    return child


def go(child: subprocess.Popen[str]) -> None:
    assert child.stdin is not None
    child.stdin.write("go\n")
    child.stdin.flush()


def wait_for(child: subprocess.Popen[str], line: str) -> None:
    """Read the child's output until ``line``."""
    assert child.stdout is not None
    for got in child.stdout:
        if got == line + "\n":
            return
    raise AssertionError(f"the child ended before {line!r}")


def kill(child: subprocess.Popen[str]) -> None:
    child.kill()  # SIGKILL: no clean-up, no close, the WAL stays as it is
    child.wait(timeout=60)
    for stream in (child.stdin, child.stdout):
        if stream is not None:
            stream.close()


WAL_FRAME = 24 + 4096


def crash_after_saves(files, saved: int) -> None:
    """Create an unprotected journal in ``files``, let a child save ``saved`` check-ins and
    kill it with SIGKILL: the saves then live only in journal.db-wal."""
    from recovery_desktop.data.journal import create_journal

    create_journal(files, None).close()
    child = start(SAVE_CHECKINS, files.folder, str(saved))
    go(child)
    wait_for(child, "saved")
    kill(child)
    assert (files.folder / "journal.db-wal").stat().st_size > saved * WAL_FRAME


def flip_wal_frame(files, frame: int) -> bytes:
    """Flip one byte inside the page of WAL frame ``frame``; returns the damaged log."""
    wal = files.folder / "journal.db-wal"
    data = bytearray(wal.read_bytes())
    data[32 + frame * WAL_FRAME + 24 + 100] ^= 0x01
    wal.write_bytes(bytes(data))
    return bytes(data)
