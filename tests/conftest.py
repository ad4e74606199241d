"""Shared fixtures. Every test gets its own journal in a temporary folder, never the user's."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("RECOVERY_DESKTOP_PASSPHRASE", None)
os.environ.pop("RECOVERY_DESKTOP_DATA_DIR", None)

from recovery_desktop.data.fsutil import set_private_umask
from recovery_desktop.data.journal import Journal, JournalFiles, create_journal

PASSPHRASE = "correct horse battery staple"

set_private_umask()


@pytest.fixture
def files(tmp_path: Path) -> JournalFiles:
    """Where a fresh journal will live (nothing is created yet)."""
    return JournalFiles(tmp_path / "journal")


@pytest.fixture
def journal(files: JournalFiles) -> Iterator[Journal]:
    """A new journal protected by :data:`PASSPHRASE`."""
    opened = create_journal(files, PASSPHRASE)
    yield opened
    opened.close()


@pytest.fixture
def plain_journal(files: JournalFiles) -> Iterator[Journal]:
    """A new journal created without a passphrase."""
    opened = create_journal(files, None)
    yield opened
    opened.close()


def folder_hashes(folder: Path) -> dict[str, str]:
    """Path -> SHA-256 of every file under ``folder``, to prove nothing changed."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
