"""Shared fixtures. Every test gets its own journal in a temporary folder, never the user's."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable, Iterator
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
from recovery_desktop.data import vault  # noqa: E402
from recovery_desktop.data.fsutil import set_private_umask  # noqa: E402
from recovery_desktop.data.journal import (  # noqa: E402
    Journal,
    JournalFiles,
    create_journal,
    open_unprotected,
    open_with_passphrase,
)
from tests.argon2_for_tests import use_test_only_argon2  # noqa: E402

PASSPHRASE = "correct horse battery staple"

# Hypothesis: "ci" (the default) keeps the number of examples modest and has no deadline
# (the machines running the tests are shared); HYPOTHESIS_PROFILE=thorough tries ten times more.
settings.register_profile("ci", deadline=None, max_examples=100)
settings.register_profile("thorough", deadline=None, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

set_private_umask()


@pytest.fixture(autouse=True, scope="session")
def _test_only_argon2() -> Iterator[None]:
    """TEST ONLY: new passphrase slots in this test session cost ``TEST_ONLY_ARGON2``
    (``tests/argon2_for_tests.py``); the app's own costs are put back at the end."""
    before = use_test_only_argon2()
    yield
    vault.new_slot_argon2 = before


Fill = Callable[[Journal], object]


class NewJournals:
    """Journals as :func:`create_journal` leaves them, each made once per test session and
    copied into a test's folder (migrating a new journal, and the many commits of filling
    one, cost far more than copying files). Tests of creation itself call
    :func:`create_journal`."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._made: dict[tuple[bool, Fill | None], Path] = {}

    def _template(self, protected: bool, fill: Fill | None) -> Path:
        if (protected, fill) not in self._made:
            name = "protected" if protected else "plain"
            if fill is not None:
                name += f"-{fill.__module__}.{fill.__qualname__}"
            folder = self._root / name
            try:
                _make(JournalFiles(folder), PASSPHRASE if protected else None, fill)
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)  # the next test tries again
                raise
            self._made[protected, fill] = folder
        return self._made[protected, fill]

    def open_copy(self, files: JournalFiles, protected: bool, fill: Fill | None = None) -> Journal:
        """A copy of every file of a new journal (journal.db, keys.json, the crisis lines'
        plain copy, modes kept) in ``files``' folder, which must not exist, opened (with
        :data:`PASSPHRASE` when ``protected``). ``fill``, a function of the test module
        (never a lambda), writes into the journal once per session before it is copied."""
        shutil.copytree(self._template(protected, fill), files.folder)
        return open_with_passphrase(files, PASSPHRASE) if protected else open_unprotected(files)


def _make(files: JournalFiles, passphrase: str | None, fill: Fill | None) -> None:
    made = create_journal(files, passphrase)
    try:
        if fill is not None:
            fill(made)
    finally:
        made.close()


@pytest.fixture(scope="session")
def new_journals(tmp_path_factory: pytest.TempPathFactory, _test_only_argon2: None) -> NewJournals:
    return NewJournals(tmp_path_factory.mktemp("new-journals"))


@pytest.fixture
def files(tmp_path: Path) -> JournalFiles:
    """Where a fresh journal will live (nothing is created yet)."""
    return JournalFiles(tmp_path / "journal")


@pytest.fixture
def journal(files: JournalFiles, new_journals: NewJournals) -> Iterator[Journal]:
    """A new journal protected by :data:`PASSPHRASE` (a copy of one made this session)."""
    opened = new_journals.open_copy(files, protected=True)
    yield opened
    opened.close()


@pytest.fixture
def filled_journal(
    files: JournalFiles, new_journals: NewJournals
) -> Iterator[Callable[[Fill], Journal]]:
    """``filled_journal(fill)``: a new journal protected by :data:`PASSPHRASE` holding what
    ``fill`` (a function of the test module) writes. ``fill`` runs once per session; each
    test gets its own copy."""
    opened: list[Journal] = []

    def open_filled(fill: Fill) -> Journal:
        opened.append(new_journals.open_copy(files, protected=True, fill=fill))
        return opened[-1]

    yield open_filled
    for journal in opened:
        journal.close()


@pytest.fixture
def plain_journal(files: JournalFiles, new_journals: NewJournals) -> Iterator[Journal]:
    """A new journal created without a passphrase (a copy of one made this session)."""
    opened = new_journals.open_copy(files, protected=False)
    yield opened
    opened.close()


def folder_hashes(folder: Path) -> dict[str, str]:
    """Path -> SHA-256 of every file under ``folder``, to prove nothing changed."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
