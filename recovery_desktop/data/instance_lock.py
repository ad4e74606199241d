"""One running instance per journal: an OS-level lock on ``journal.lock``.

The operating system releases the lock when the process ends, even after a crash, so a
stale lock file never blocks the next start.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

from recovery_desktop.data.errors import JournalInUse
from recovery_desktop.data.fsutil import make_private, storage_errors


class InstanceLock:
    """Hold it for as long as the journal may be opened by this process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        """Take the lock or raise :class:`JournalInUse`; the journal files are not touched."""
        if self._handle is not None:
            return
        with storage_errors():
            handle = open(self.path, "a+b")  # noqa: SIM115 - held open on purpose
        try:
            _lock(handle)
        except OSError as error:
            handle.close()
            raise JournalInUse() from error
        make_private(self.path)
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


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
