"""The throwaway journal of ``--demo``: made in the temporary folder, removed afterwards.

Its folder is named ``recovery-desktop-demo-<pid>-<random>`` after the process that owns
it, so the next start can remove one left behind by a process that is gone (killed, or a
system that would not delete open files), with anything typed into it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from recovery_desktop.data.journal_files import JournalFiles

DEMO_WEEKS = 8
PREFIX = "recovery-desktop-demo-"


def make_demo_journal(folder: Path) -> JournalFiles:
    from recovery_desktop.data.demo import fill_demo
    from recovery_desktop.data.journal import create_journal

    files = JournalFiles(folder)
    journal = create_journal(files, None)
    try:
        fill_demo(journal, DEMO_WEEKS, date.today())
    finally:
        journal.close()
    return files


@contextlib.contextmanager
def demo_journal() -> Iterator[JournalFiles]:
    """A new sample journal, removed when the block ends (also by an exception or by
    :class:`~recovery_desktop.ui.stop_signals.StopSignals`)."""
    folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
    try:
        yield make_demo_journal(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_left_behind(temp_dir: Path | None = None) -> list[Path]:
    """Remove demo folders whose owning process has ended; returns them. Folders of a
    running process, and any this version did not name, are left alone."""
    removed = []
    for folder in Path(temp_dir or tempfile.gettempdir()).glob(f"{PREFIX}*"):
        owner = _owner(folder)
        if owner is not None and folder.is_dir() and not _running(owner):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _owner(folder: Path) -> int | None:
    pid = folder.name.removeprefix(PREFIX).split("-", 1)[0]
    return int(pid) if pid.isdigit() else None


def _running(pid: int) -> bool:
    """True when a process ``pid`` exists (a reused pid keeps a folder: the safe side)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        return _running_on_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import ctypes

    _QUERY_LIMITED_INFORMATION, _STILL_ACTIVE, _ACCESS_DENIED = 0x1000, 259, 5

    def _running_on_windows(pid: int) -> bool:
        """``os.kill`` would end the process on Windows; ask the kernel instead."""
        kernel = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel.OpenProcess(_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return ctypes.get_last_error() == _ACCESS_DENIED
        try:
            code = ctypes.c_ulong()
            kernel.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == _STILL_ACTIVE
        finally:
            kernel.CloseHandle(handle)
