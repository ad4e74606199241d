"""Shared fixtures. Every test gets its own journal in a temporary folder, never the user's."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Headless tests run on a small laptop screen (1024×600); RECOVERY_DESKTOP_TEST_SCREEN names
# another one in tests/ui/screens/ (e.g. 1366x768-150: text at 150 %).
SCREENS = Path(__file__).parent / "ui" / "screens"
TEST_SCREEN = os.environ.get("RECOVERY_DESKTOP_TEST_SCREEN", "1024x600")
if os.environ.setdefault("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREENS / TEST_SCREEN}.json"
os.environ.pop("RECOVERY_DESKTOP_PASSPHRASE", None)
os.environ.pop("RECOVERY_DESKTOP_DATA_DIR", None)

# Imported only now: the screen must be chosen before anything loads Qt.
from recovery_desktop.data.fsutil import set_private_umask  # noqa: E402
from recovery_desktop.data.journal import Journal, JournalFiles, create_journal  # noqa: E402

PASSPHRASE = "correct horse battery staple"

# Hypothesis: "ci" (the default) keeps the number of examples modest and has no deadline
# (the machines running the tests are shared); HYPOTHESIS_PROFILE=thorough tries ten times more.
settings.register_profile("ci", deadline=None, max_examples=100)
settings.register_profile("thorough", deadline=None, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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
