"""A file that is not a whole journal is never opened, created or rewritten: it is
reported as damaged and left exactly as it is (issue 10)."""

from __future__ import annotations

import json

import pytest

from recovery_desktop import cli
from recovery_desktop.data.connection import connect
from recovery_desktop.data.errors import JournalDamaged
from recovery_desktop.data.journal import open_unprotected, open_with_passphrase
from tests.conftest import PASSPHRASE, folder_hashes

PAGE_5 = "Page 5 of journal.db is damaged (it could not be decrypted)."
RAW_SQLITE_WORDS = ("malformed", "hmac", "sqlite", "not a database", "disk image", "pgno")


@pytest.mark.parametrize("size", [0, 100, 4095])
def test_an_empty_or_short_journal_file_is_damaged_not_replaced(journal, files, size):
    """keys.json is there, journal.db is empty or cut short: the app does not make a
    new empty journal in its place."""
    journal.close()
    files.database.write_bytes(files.database.read_bytes()[:size])
    before = folder_hashes(files.folder)
    with pytest.raises(JournalDamaged, match="empty or too short") as raised:
        open_with_passphrase(files, PASSPHRASE)
    assert raised.value.damaged_files == (files.database,)
    assert folder_hashes(files.folder) == before


def test_check_says_an_empty_journal_file_is_damaged(plain_journal, files, capsys):
    """`check` exits 1 with a calm message and JSON, and leaves the file empty."""
    plain_journal.close()
    files.database.write_bytes(b"")
    assert cli.main(["check", "--data-dir", str(files.folder), "--json"]) == 1
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert result["integrity"] == "damaged"
    assert result["problems"] == ["The file journal.db is empty or too short to be a journal."]
    assert "has not been changed" in captured.err
    assert files.database.read_bytes() == b""


def test_connecting_never_creates_a_missing_database(tmp_path):
    """Only creating a journal may make a new database file."""
    with pytest.raises(JournalDamaged, match="missing"):
        connect(tmp_path / "journal.db", bytes(32))
    assert list(tmp_path.iterdir()) == []


def journal_hashes(files) -> dict[str, str]:
    """Every file's hash except the instance lock's (a command takes the lock)."""
    return {k: v for k, v in folder_hashes(files.folder).items() if k != "journal.lock"}


def _flip(path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x20
    path.write_bytes(bytes(data))


def test_check_names_the_damaged_page_in_plain_words(plain_journal, files, capsys):
    """One flipped byte in page 5: `check` says which page, on stdout and stderr, with no
    SQLite wording, exits 1 and changes nothing."""
    plain_journal.close()
    _flip(files.database, 4 * 4096 + 300)
    before = journal_hashes(files)
    assert cli.main(["check", "--data-dir", str(files.folder), "--json"]) == 1
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert result["integrity"] == "damaged"
    assert result["problems"] == [PAGE_5]
    assert "Page 5 of journal.db is damaged" in captured.err
    assert not any(word in captured.out.lower() for word in RAW_SQLITE_WORDS)
    assert cli.main(["check", "--data-dir", str(files.folder)]) == 1
    assert "Page 5 of journal.db is damaged" in capsys.readouterr().out
    assert journal_hashes(files) == before


def test_opening_refuses_a_damaged_page_before_anything_reads_it(plain_journal, files):
    """The damage checks that run on every open find a page no query has read yet."""
    plain_journal.close()
    _flip(files.database, 4 * 4096 + 300)
    before = folder_hashes(files.folder)
    with pytest.raises(JournalDamaged, match=r"Page 5 of journal\.db is damaged") as raised:
        open_unprotected(files)
    assert raised.value.problems == (PAGE_5,)
    assert folder_hashes(files.folder) == before


def test_every_damaged_page_but_the_first_is_named_schema_pages_too(plain_journal, files):
    """The tables' descriptions (SQLite's schema) fill several pages of a new journal; a
    flipped byte in any page after the first, one of those included, is named by number,
    not called an undecryptable file."""
    from recovery_desktop.data.integrity import find_problems

    key = plain_journal._key
    plain_journal.close()
    original = files.database.read_bytes()
    pages = len(original) // 4096
    assert pages > 20
    copy = files.folder / "copy.db"
    for page in range(2, pages + 1):
        data = bytearray(original)
        data[(page - 1) * 4096 + 300] ^= 0x20
        copy.write_bytes(bytes(data))
        problems = find_problems(copy, key)
        assert problems == [f"Page {page} of copy.db is damaged (it could not be decrypted)."]
