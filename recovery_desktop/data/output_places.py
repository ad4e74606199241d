"""Where an output file may go: never among the app's own files, never twice in one go.

A summary saved over ``journal.db`` or ``keys.json`` destroys the journal, so every output
path is compared with the folders the app keeps its own files in (the journal's folder, its
backup folder, the log folder) before anything is written. Names are compared after links
are followed, and folders also by identity on disk, which catches a folder spelt in other
letter case on a case-insensitive disk, a bind mount or a second link to it; a file that is
a hard link to one of the app's files is refused too.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_Identity = tuple[int, int]  # (st_dev, st_ino)


@dataclass(frozen=True)
class AppFolders:
    """Folders holding the app's own files, each with the words that name it:
    ``((Path("/home/ana/.local/share/RecoveryDesktop"), "the journal's folder"), …)``.

    No output file is written anywhere inside one of them, at any depth."""

    named: tuple[tuple[Path, str], ...]


def app_files_reason(path: Path, folders: AppFolders) -> str | None:
    """Why ``path`` must not be written (it lies among the app's own files), as the end of
    "<path> could not be written: …"; None when it may be written."""
    target = real_path(path)
    for folder, name in folders.named:
        if _inside(target, folder):
            return (
                f"it is in {name} ({folder}), where Recovery Desktop keeps its own files. "
                "Choose another folder."
            )
    twin = _hard_link_among(target, folders)
    if twin is not None:
        return (
            f"it is another name for {twin}, one of Recovery Desktop's own files. "
            "Choose another file name."
        )
    return None


def same_file(first: Path, second: Path) -> bool:
    """True when two names may lead to one file: the same path once links are followed, the
    same file on disk, or names in one folder that differ only in letter case (one file on
    Windows and macOS disks; refused everywhere, as the difference is easy to miss)."""
    one, other = real_path(first), real_path(second)
    if os.path.normcase(one) == os.path.normcase(other):
        return True
    if one.name.casefold() == other.name.casefold() and _identity(one.parent) is not None:
        return _identity(one.parent) == _identity(other.parent)
    return _identity(one) is not None and _identity(one) == _identity(other)


def real_path(path: Path) -> Path:
    """``path`` made absolute with every link followed (as far as it exists)."""
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):  # a loop of links: compared as written
        return Path(os.path.abspath(path))


def _inside(target: Path, folder: Path) -> bool:
    real_folder = os.path.normcase(real_path(folder))
    if any(os.path.normcase(part) == real_folder for part in (target, *target.parents)):
        return True
    wanted = _identity(folder)
    return wanted is not None and any(
        _identity(part) == wanted for part in (target, *target.parents)
    )


def _hard_link_among(target: Path, folders: AppFolders) -> Path | None:
    """The app's file that ``target`` is a second name of, if it is one."""
    try:
        found = os.stat(target)
    except OSError:
        return None
    if not stat.S_ISREG(found.st_mode) or found.st_nlink < 2:
        return None
    wanted = (found.st_dev, found.st_ino)
    return next((kept for kept in _files_in(folders) if _identity(kept) == wanted), None)


def _files_in(folders: AppFolders) -> Iterator[Path]:
    for folder, _name in folders.named:
        try:
            with os.scandir(folder) as entries:
                yield from (Path(entry.path) for entry in entries)
        except OSError:
            continue


def _identity(path: Path) -> _Identity | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)
