"""Files the user asked for (summary PDF and HTML, chart images, the recovery-key file).

Every one is written the same way: its content is made in memory and checked, then written
to a temp file beside the target, fsynced, its size checked, and renamed over the target in
one step. A file is therefore whole or absent: on any failure the temp file is removed, an
earlier file of that name is left as it was, and :class:`OutputProblem` names the file and
the reason in plain words. Pipes and character devices (``--out /dev/stdout``) cannot be
renamed over; they get the checked content written straight to them. A path among the app's
own files (the journal's folder, its backups, the log folder) is refused before anything is
written (:mod:`~recovery_desktop.data.output_places`).
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from recovery_desktop.data.errors import StorageProblem
from recovery_desktop.data.fsutil import DIR_MODE, fsync_dir, write_all, write_replacing
from recovery_desktop.data.output_places import AppFolders, app_files_reason

Check = Callable[[bytes], None]  # raises IncompleteOutput


class OutputProblem(StorageProblem):
    """An output file could not be written; the message names it and says why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} could not be written: {reason}")
        self.path = path
        self.reason = reason


class IncompleteOutput(ValueError):
    """The content made for a file is not whole (a check failed); the text says how."""


class NotAFile(OSError):
    """The target exists but is neither a regular file nor a stream (a socket, a disk)."""


def save_output(
    path: Path, data: bytes, check: Check | None = None, *, app_folders: AppFolders
) -> None:
    """Write ``data`` to ``path`` whole or not at all.

    ``path`` inside one of ``app_folders`` (or another name of a file there) is refused
    first. ``check`` looks at the content (a PDF's structure, an image's signature); empty
    content is always refused. Raises :class:`OutputProblem` (never ``OSError``).
    """
    refuse_app_files(path, app_folders)
    try:
        if not data:
            raise IncompleteOutput("it came out empty")
        if check is not None:
            check(data)
    except IncompleteOutput as error:
        raise OutputProblem(path, f"{error}, so it was not kept. Please try again.") from error
    try:
        if _is_stream(path):
            _write_stream(path, data)
        else:  # a link to a file: the link stays and its file is replaced
            target = path.resolve() if path.is_symlink() else path
            write_replacing(target, data, _size_is(len(data)))
    except OSError as error:
        raise OutputProblem(path, describe_output_error(path, error)) from error


def save_output_folder(
    folder: Path, files: dict[str, bytes], *, app_folders: AppFolders
) -> list[Path]:
    """Write ``files`` (name -> content) into ``folder``, all of them or none.

    They are written into a temporary 0700 folder beside ``folder``, each fsynced and its
    size checked, then the temporary folder is renamed to ``folder`` (or, when ``folder``
    already exists, each file is renamed into it). On any failure the temporary folder is
    removed completely, so no file of this export is left behind. Raises
    :class:`OutputProblem` (never ``OSError``); returns the files in ``folder``.
    """
    for name in files:
        refuse_app_files(folder / name, app_folders)
    if any(not data for data in files.values()):
        raise OutputProblem(folder, "a file came out empty, so nothing was kept. Try again.")
    if folder.exists() and not folder.is_dir():
        raise OutputProblem(folder, "that is a file, not a folder. Choose another folder.")
    building: Path | None = None
    try:
        folder.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
        os.chmod(building, DIR_MODE)
        for name, data in files.items():
            _write_new(building / name, data)
        fsync_dir(building)
        if folder.is_dir():
            for name in files:
                os.replace(building / name, folder / name)
            os.rmdir(building)
            fsync_dir(folder)
        else:
            os.rename(building, folder)
        building = None
        fsync_dir(folder.parent)
    except OSError as error:
        raise OutputProblem(folder, describe_output_error(folder, error)) from error
    finally:
        if building is not None:
            shutil.rmtree(building, ignore_errors=True)
    return [folder / name for name in files]


def _write_new(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        write_all(fd, data)
        os.fsync(fd)
        _size_is(len(data))(fd)
    finally:
        os.close(fd)


def refuse_app_files(path: Path, app_folders: AppFolders) -> None:
    """Raise :class:`OutputProblem` when ``path`` lies among the app's own files."""
    reason = app_files_reason(path, app_folders)
    if reason is not None:
        raise OutputProblem(path, reason)


def _is_stream(path: Path) -> bool:
    """True for a pipe or character device; other things that are not files are refused."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # nothing there yet (or unreachable): the temp file will tell
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return True
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(mode):
        raise NotAFile(errno.EINVAL, "not a regular file", str(path))
    return False


def _write_stream(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY)
    try:
        write_all(fd, data)
    finally:
        os.close(fd)


def _size_is(expected: int) -> Callable[[int], None]:
    def check(fd: int) -> None:
        if os.fstat(fd).st_size != expected:  # a disk that silently took less
            raise OSError(errno.EIO, "the file on disk is shorter than what was written")

    return check


# -- messages ------------------------------------------------------------------------------
def describe_output_error(path: Path, error: OSError) -> str:
    """Why ``path`` could not be written, in plain words, ending with what to do."""
    folder = path.absolute().parent
    code = error.errno or 0
    if code == errno.ENOSPC:
        return "the disk is full. Free some space, or choose another disk."
    if code == errno.EDQUOT:
        return "your storage quota is used up. Free some space, or choose another disk."
    if code == errno.EFBIG:
        return (
            "it is too big for this disk or for this account's file size limit. "
            "Choose another disk."
        )
    if code == errno.EROFS:
        return f"the folder {folder} is on a read-only disk. Choose another folder."
    if code in (errno.EACCES, errno.EPERM):
        return (
            f"this account is not allowed to write in the folder {folder} "
            "(permission denied). Choose another folder."
        )
    if code == errno.EISDIR:
        return "that is a folder, not a file. Choose a file name."
    if code == errno.ENOTDIR:
        return f"{_file_in_the_way(folder)} is a file, not a folder. Choose another folder."
    if code == errno.ENOENT:
        if not folder.is_dir():
            return f"the folder {folder} does not exist. Choose a folder that exists."
        return f"the folder {folder} does not take new files. Choose another folder."
    if isinstance(error, NotAFile):
        return "it is not a regular file (a device or socket). Choose a file name."
    if code == errno.ENAMETOOLONG:
        return "the file name is too long. Choose a shorter name."
    return f"the computer refused to write it ({error.strerror or 'no reason given'})."


def _file_in_the_way(folder: Path) -> Path:
    """The first part of ``folder`` that exists but is not a folder."""
    for part in reversed((folder, *folder.parents)):
        if part.exists() and not part.is_dir():
            return part
    return folder


# -- checks on content ---------------------------------------------------------------------
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def pdf_check(pages: int | None) -> Check:
    """A light structural check of a PDF: the header, the cross-reference table where the
    trailer says it is, ``%%EOF`` at the end, and ``pages`` page objects (when given)."""

    def check(data: bytes) -> None:
        found = _STARTXREF.search(data[-1024:])
        if not data.startswith(b"%PDF-") or found is None:
            raise IncompleteOutput("the PDF came out incomplete")
        offset = int(found.group(1))
        if data[offset : offset + 4] != b"xref":
            raise IncompleteOutput("the PDF came out damaged")
        if pages is not None and len(_PAGE.findall(data)) != pages:
            raise IncompleteOutput("the PDF came out with pages missing")

    return check


def png_check(data: bytes) -> None:
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or not data.endswith(b"IEND\xaeB`\x82"):
        raise IncompleteOutput("the image came out incomplete")


def svg_check(data: bytes) -> None:
    if b"<svg" not in data[:2048] or not data.rstrip().endswith(b"</svg>"):
        raise IncompleteOutput("the image came out incomplete")


def html_check(data: bytes) -> None:
    head = data[:1024].lower()
    if not head.startswith(b"<!doctype html>") or b'<meta charset="utf-8">' not in head:
        raise IncompleteOutput("the page came out without its heading")
    if not data.rstrip().lower().endswith(b"</html>"):
        raise IncompleteOutput("the page came out incomplete")
