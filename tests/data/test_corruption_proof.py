"""The corruption proof of issue 10: one flipped byte in each of 20 pages of copies of a
journal (page 1 among them) is always found by `check` and on opening, never crashes,
never changes the damaged file, and the backup still opens."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date

import pytest

from recovery_desktop import cli
from recovery_desktop.data.backup_files import list_backups
from recovery_desktop.data.demo import fill_demo
from recovery_desktop.data.errors import JournalDamaged
from recovery_desktop.data.integrity import find_problems
from recovery_desktop.data.journal import Journal, JournalFiles, create_journal, open_unprotected
from recovery_desktop.data.vault import Vault
from recovery_desktop.domain.library import Kind
from recovery_desktop.domain.periods import date_range

PAGE = 4096
COPIES = 20
RAW_SQLITE_WORDS = ("malformed", "hmac", "sqlite", "not a database", "disk image", "pgno")


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    """A journal with a few hundred check-ins and a backup, closed."""
    files = JournalFiles(tmp_path_factory.mktemp("proof") / "journal")
    journal = create_journal(files, None)
    fill_demo(journal, 40, date(2026, 11, 29), seed=3)
    assert journal.checkins.count() > 200
    journal.backup()
    journal.close()
    return files


def _pages(files) -> list[int]:
    """20 page numbers spread over the file, page 1 first."""
    count = files.database.stat().st_size // PAGE
    assert count > COPIES
    return sorted({1} | {2 + i * (count - 2) // (COPIES - 2) for i in range(COPIES - 1)})


def _damaged_copy(original, tmp_path, page: int) -> JournalFiles:
    folder = tmp_path / f"page-{page}"
    shutil.copytree(original.folder, folder)
    files = JournalFiles(folder)
    data = bytearray(files.database.read_bytes())
    data[(page - 1) * PAGE + 1000] ^= 0x04
    files.database.write_bytes(bytes(data))
    return files


def _read_everything(journal: Journal) -> None:
    """What the app reads, page by page: every kind of record over all time."""
    journal.counts()
    journal.checkins.between(date(2000, 1, 1), date(2100, 1, 1))
    journal.cravings.between(date(2000, 1, 1), date(2100, 1, 1))
    journal.contacts.contacts(include_archived=True)
    journal.contacts.reach_outs(date(2000, 1, 1), date(2100, 1, 1))
    journal.contacts.crisis_lines()
    journal.recovery_time.periods()
    journal.recovery_time.lapses(date.min, date.max)
    for kind in Kind:
        journal.library.items(kind)
    journal.summary_inputs(date_range(date(2026, 11, 23), date(2026, 11, 29)))


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _opened_or_read(files) -> str:
    """ "at open", "on reading", or fails the test for anything but JournalDamaged."""
    try:
        journal = open_unprotected(files)
    except JournalDamaged:
        return "at open"
    try:
        _read_everything(journal)
    except JournalDamaged:
        return "on reading"
    finally:
        journal.close()
    raise AssertionError("a damaged page was read without a word")


def test_one_flipped_byte_in_any_of_20_pages_is_always_found(original, tmp_path, capsys):
    """For each of 20 pages: `check` exits 1 with plain words, opening or the first read
    raises JournalDamaged, the damaged file keeps its bytes, and the backup opens."""
    found = {"at open": 0, "on reading": 0}
    for page in _pages(original):
        files = _damaged_copy(original, tmp_path, page)
        before = _digest(files.database)
        assert cli.main(["check", "--data-dir", str(files.folder), "--json"]) == 1, page
        captured = capsys.readouterr()
        result = json.loads(captured.out)
        assert result["integrity"] == "damaged"
        assert captured.err.strip()
        named = f"Page {page} of journal.db is damaged" if page > 1 else "could not be decrypted"
        assert [p for p in result["problems"] if named in p], (page, result["problems"])
        assert not any(word in captured.out.lower() for word in RAW_SQLITE_WORDS), page
        found[_opened_or_read(files)] += 1
        assert _digest(files.database) == before, page
        [backup] = list_backups(files.backups)
        key = Vault.load(backup.keys_path).unlock_plain()
        assert find_problems(backup.path, key) == [], page
    assert found == {"at open": COPIES, "on reading": 0}
