"""A write-ahead log left by a crash is kept aside before anything can checkpoint it, and
a damaged one never loses saved entries without a word (issue 10)."""

from __future__ import annotations

import json
import shutil

import pytest

from recovery_desktop import cli
from recovery_desktop.data.errors import JournalDamaged
from recovery_desktop.data.journal import new_recovery_key, open_unprotected
from recovery_desktop.data.wal_check import committed_pages
from tests import children

SAVED = 40


@pytest.fixture
def crashed(files):
    """A journal whose writer was killed after 40 saved check-ins."""
    children.crash_after_saves(files, SAVED)
    return files


def _kept_copies(files):
    return sorted(files.folder.glob("kept-after-crash-*"))


def _kept(files):
    [folder] = _kept_copies(files)
    return folder


def test_after_a_crash_the_journal_opens_with_everything_and_a_copy_is_kept(crashed):
    """Every acknowledged save is there; the files as the crash left them are kept aside,
    owner-only, and the next good backup removes that copy."""
    wal_before = (crashed.folder / "journal.db-wal").read_bytes()
    db_before = crashed.database.read_bytes()
    journal = open_unprotected(crashed)
    assert journal.checkins.count() == SAVED
    assert journal.opening_notes == ()
    kept = _kept(crashed)
    assert (kept / "journal.db-wal").read_bytes() == wal_before
    assert (kept / "journal.db").read_bytes() == db_before
    assert oct(kept.stat().st_mode & 0o777) == "0o700"
    assert {oct(p.stat().st_mode & 0o777) for p in kept.iterdir()} == {"0o600"}
    journal.backup()
    assert _kept_copies(crashed) == []
    journal.close()


def test_a_damaged_wal_is_told_and_its_copy_holds_the_original_bytes(crashed):
    """One flipped byte in frame 10 makes SQLite drop the saves after it: the user is
    told, the journal still opens, and the copy kept aside holds the log as it was."""
    damaged = children.flip_wal_frame(crashed, 10)
    journal = open_unprotected(crashed)
    try:
        assert journal.checkins.count() < SAVED  # what SQLite could read
        [note] = journal.opening_notes
        kept = _kept(crashed)
        assert note.startswith("Some of the most recent entries could not be read.")
        assert str(kept) in note
        assert (kept / "journal.db-wal").read_bytes() == damaged
        journal.backup()
        assert _kept(crashed) == kept  # a backup lacks what was lost: the copy stays
    finally:
        journal.close()


def test_check_reports_a_damaged_wal_and_does_not_destroy_it(crashed, capsys):
    """`check` exits 1 with a plain sentence on stderr and the JSON the README shows; the
    damaged log survives in the kept copy, and every later `check` (after the log was
    checkpointed away) still says so, until the user removes the copy."""
    damaged = children.flip_wal_frame(crashed, 10)
    for _run in range(2):  # the second run finds the loss only through the kept copy
        assert cli.main(["check", "--data-dir", str(crashed.folder), "--json"]) == 1
        out, err = capsys.readouterr()
        result = json.loads(out)
        kept = _kept(crashed)
        assert result["integrity"] == "damaged"
        [problem] = result["problems"]
        assert problem.startswith("Some of the most recent entries could not be read.")
        assert str(kept) in problem and "until you remove that folder" in problem
        assert problem in err
        assert result["damaged_files"] == [str(kept / "journal.db-wal")]
        assert result["kept_copy"] == str(kept)
    assert (kept / "journal.db-wal").read_bytes() == damaged
    shutil.rmtree(kept)
    assert cli.main(["check", "--data-dir", str(crashed.folder)]) == 0
    assert capsys.readouterr().err == ""


def test_the_app_says_so_on_every_opening_until_the_copy_is_removed(crashed):
    """After the first opening the log is checkpointed away; the loss is still told on
    each later opening (the kept copy's log shows it), and no more once it is removed."""
    children.flip_wal_frame(crashed, 10)
    for _opening in range(2):
        journal = open_unprotected(crashed)
        try:
            [note] = journal.opening_notes
        finally:
            journal.close()
        assert str(_kept(crashed)) in note
    shutil.rmtree(_kept(crashed))
    journal = open_unprotected(crashed)
    try:
        assert journal.opening_notes == ()
    finally:
        journal.close()


def test_a_new_key_removes_copies_kept_under_the_old_one(crashed):
    """A copy kept after a crash is under the journal's key; when that key lay in plain
    sight and the journal gets a passphrase (a new key), the copy is removed too."""
    children.flip_wal_frame(crashed, 10)
    journal = open_unprotected(crashed)
    try:
        assert _kept_copies(crashed) != []  # kept: its log lost entries
        journal.add_passphrase("a brand new passphrase", new_recovery_key())
        assert _kept_copies(crashed) == []
    finally:
        journal.close()


def test_a_damaged_page_the_log_does_not_replace_is_still_found_after_a_crash(crashed):
    """Pages whose newer copy is in the log are read from there (their old copy in
    journal.db may be stale, e.g. under the old key after a new key's commit); every other
    page of journal.db is still checked, and one flipped byte in it stops the opening."""
    in_log = committed_pages(crashed.folder / "journal.db-wal")
    pages = crashed.database.stat().st_size // 4096
    outside = [page for page in range(2, pages + 1) if page not in in_log]
    assert in_log and outside
    data = bytearray(crashed.database.read_bytes())
    data[(outside[-1] - 1) * 4096 + 300] ^= 0x20
    crashed.database.write_bytes(bytes(data))
    with pytest.raises(JournalDamaged, match=rf"Page {outside[-1]} of journal\.db is damaged"):
        open_unprotected(crashed)
