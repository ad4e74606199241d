"""Owner-only files and folders, and atomic small-file writes."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from recovery_desktop.data.errors import StorageProblem

PRIVATE_UMASK = 0o077
DIR_MODE = 0o700
FILE_MODE = 0o600


def set_private_umask() -> None:
    """Every file this process creates is readable by its owner only."""
    os.umask(PRIVATE_UMASK)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) as 0700 folders when missing.

    A folder that already exists keeps its mode: it may be one the user chose to share
    with other things (the files inside are 0600 either way).
    """
    if path.is_dir():
        return path
    with storage_errors():
        path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(path, DIR_MODE)
    return path


def require_writable_folder(folder: Path) -> None:
    """Raise :class:`StorageProblem` when ``folder`` exists but this process may not write
    in it (a read-only disk, or no permission): a journal is only opened where it can
    save, and is never changed by the attempt."""
    if folder.is_dir() and not os.access(folder, os.W_OK):
        raise StorageProblem(
            "The journal's folder cannot be written to (a read-only disk, or no permission), "
            "so the journal cannot be opened. Nothing in it was changed. Make the folder "
            "writable, or copy it to a place you can write to, and try again."
        )


def make_private(path: Path) -> None:
    """Owner read/write only (a no-op where POSIX modes don't apply)."""
    if os.name == "posix" and path.exists():
        os.chmod(path, FILE_MODE)


def atomic_write(path: Path, data: bytes) -> None:
    """Write a temp file beside ``path``, fsync it, then replace ``path`` in one step.

    For the journal's own small files: a failure raises :class:`StorageProblem`.
    """
    with storage_errors():
        write_replacing(path, data)
        make_private(path)


def write_replacing(path: Path, data: bytes, check: Callable[[int], None] | None = None) -> None:
    """Write ``data`` to a temp file beside ``path``, fsync it, then replace ``path``.

    ``check`` gets the temp file's open descriptor after the fsync and raises to stop the
    replace. On any failure (``OSError`` from the system, or what ``check`` raises) the temp
    file is removed and ``path`` is left as it was. The temp file is 0600 (``mkstemp``).
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            write_all(fd, data)
            os.fsync(fd)
            if check is not None:
                check(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


class NotASmallFile(Exception):
    """What was read is not a regular file (``too_big`` False), or is bigger than the
    limit (``too_big`` True)."""

    def __init__(self, name: str, too_big: bool = False) -> None:
        super().__init__(name)
        self.too_big = too_big


def read_small_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, a regular file of at most ``limit`` bytes. It is opened
    non-blocking and checked with ``fstat`` before reading, so a FIFO (or a device) in its
    place cannot hang the app; at most ``limit + 1`` bytes are ever read.

    Raises :class:`NotASmallFile`, or ``OSError`` when the system refuses."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            raise NotASmallFile(path.name)
        if found.st_size > limit:  # refused without reading it
            raise NotASmallFile(path.name, too_big=True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while being read
        raise NotASmallFile(path.name, too_big=True)
    return data


def write_all(fd: int, data: bytes) -> None:
    """``os.write`` until every byte is taken (a write may take only part)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def fsync_file(path: Path) -> None:
    """Make the bytes written to ``path`` durable. Raises ``OSError``."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_FILE_IN_THE_WAY = "A file is in the way where a folder should be. Choose another folder."
_FRIENDLY = {
    errno.ENOSPC: "The disk is full, so the journal could not be written.",
    errno.EDQUOT: "Your storage quota is used up, so the journal could not be written.",
    errno.EFBIG: (
        "A file would have grown past the size this disk or this account allows, "
        "so it could not be written."
    ),
    errno.EROFS: "The journal's folder is read-only, so nothing could be written.",
    errno.EACCES: "This account is not allowed to write to the journal's folder.",
    errno.EPERM: "This account is not allowed to write to the journal's folder.",
    errno.EEXIST: _FILE_IN_THE_WAY,
    errno.ENOTDIR: _FILE_IN_THE_WAY,
}


def describe_os_error(error: OSError) -> str:
    """A calm, content-free sentence for an operating-system error."""
    return _FRIENDLY.get(
        error.errno or 0, f"The computer refused to read or write a file ({error.strerror})."
    )


@contextlib.contextmanager
def storage_errors() -> Iterator[None]:
    """Turn OSError into :class:`StorageProblem` with a plain message."""
    try:
        yield
    except OSError as error:
        raise StorageProblem(describe_os_error(error)) from error
