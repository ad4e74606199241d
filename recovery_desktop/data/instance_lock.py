"""One running instance per journal: an OS-level lock on ``journal.lock``.

The operating system releases the lock when the process ends, even after a crash, so a
stale lock file never blocks the next start. While held, the file says who holds it
(:data:`APP` or :data:`COMMAND`, after one newline byte, the byte Windows locks), so a second
start can say whether a window or a command has the journal; it holds nothing else.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import IO

from recovery_desktop.data.errors import JournalInUse
from recovery_desktop.data.fsutil import make_private, require_writable_folder, storage_errors

APP = "app"  # the app's window
COMMAND = "command"  # a command-line command (check, report, demo-data, ...)
_HOLDER_AT = 1  # the first byte is the one locked on Windows, where it cannot be read
_HOLDER_MAX = 32


class InstanceLock:
    """Hold it for as long as the journal may be opened by this process; ``holder`` is
    :data:`APP` or :data:`COMMAND`."""

    def __init__(self, path: Path, holder: str = APP) -> None:
        self.path = path
        self.holder = holder
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        """Take the lock or raise :class:`JournalInUse`; the journal files are not touched."""
        if self._handle is not None:
            return
        require_writable_folder(self.path.parent)
        with storage_errors():
            handle = open(self.path, "a+b")  # noqa: SIM115 - held open on purpose
        try:
            _lock(handle)
        except OSError as error:
            other = _read_holder(handle)
            handle.close()
            raise JournalInUse(by_command=other == COMMAND) from error
        make_private(self.path)
        self._handle = handle
        _write_holder(handle, "\n" + self.holder)

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            _write_holder(self._handle, "")
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _write_holder(handle: IO[bytes], text: str) -> None:
    """Best effort: a holder that cannot be written only makes the message less exact."""
    with contextlib.suppress(OSError):
        handle.truncate(0)
        handle.write(text.encode("ascii"))  # the file is opened for appending
        handle.flush()


def _read_holder(handle: IO[bytes]) -> str:
    """Who holds the lock, or "" when not known (an older version, a write under way)."""
    try:
        handle.seek(_HOLDER_AT)
        return handle.read(_HOLDER_MAX).decode("ascii", "replace").strip()
    except OSError:
        return ""


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
